import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectConfigFiles } from "../../../src/core/doctor";
import { HEALTHY } from "./fixtures";
import { ROOT } from "./helpers";

const files = new Map(
  Object.entries({
    ...HEALTHY.files,
    ".env.staging.local": "X=1\n",
    ".envrc": "use nix\n",
    "src/hooks.server.ts": "export const handle = () => {};\n",
    "proxy.ts": "export function proxy() {}\n",
    "src/index.ts": 'app.on(["POST", "GET"], "/api/auth/*", (c) => auth.handler(c.req.raw));\n',
    "server.ts": "console.log('no auth here');\n",
  }).map(([name, text]) => [path.join(ROOT, name), text]),
);
const readFile = (file: string) => files.get(file);
const listDir = (dir: string) => [...files.keys()].filter((file) => path.dirname(file) === dir).map((file) => path.basename(file));
const rel = (list: string[]) => list.map((file) => path.relative(ROOT, file));

describe("findProjectConfigFiles", () => {
  it("lists every .env* file, middleware/proxy/hooks files and the files that mount the handler", () => {
    const found = findProjectConfigFiles(ROOT, readFile, listDir);
    expect(rel(found.envFiles)).toEqual([".env", ".env.example", ".env.production", ".env.staging.local"]);
    expect(rel(found.middlewareFiles)).toEqual(["middleware.ts", "proxy.ts", "src/hooks.server.ts", "app/api/auth/[...all]/route.ts", "src/index.ts"]);
  });

  it("probes the usual .env names when the folder cannot be listed", () => {
    expect(rel(findProjectConfigFiles(ROOT, readFile).envFiles)).toEqual([".env", ".env.production", ".env.example"]);
  });

  it("survives a reader that throws", () => {
    expect(findProjectConfigFiles(ROOT, () => { throw new Error("EACCES"); })).toEqual({ envFiles: [], middlewareFiles: [] });
  });
});
