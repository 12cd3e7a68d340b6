import { cpSync, mkdtempSync, readdirSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findAuthConfig, nodeReadText, readAuthConfig } from "../../../src/core/app-config";
import type { AuthConfigRead, ReadAuthConfigOptions, StaticValue } from "../../../src/core/app-config";
import { Unknown } from "../../../src/core/app-config";

const FIXTURES = path.join(__dirname, "__fixtures__");
let root: string | undefined;

function stripSuffix(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) stripSuffix(full);
    else if (name.endsWith(".fixture")) renameSync(full, full.slice(0, -".fixture".length));
  }
}

/** The fixture copied to a temporary folder with its real file names; the folder's path. */
export function fixtureDir(name: string): string {
  if (!root) {
    root = mkdtempSync(path.join(tmpdir(), "app-config-"));
    cpSync(FIXTURES, root, { recursive: true });
    stripSuffix(root);
  }
  return path.join(root, name);
}

/** Finds the fixture's auth config as the CLI would (or takes `entry`) and reads it from disk. */
export function readFixture(
  name: string,
  options: { entry?: string; env?: ReadAuthConfigOptions["env"]; lastGood?: ReadAuthConfigOptions["lastGood"] } = {},
): AuthConfigRead & { dir: string } {
  const dir = fixtureDir(name);
  const file = findAuthConfig(dir, nodeReadText, options.entry);
  if (!file) throw new Error(`no auth config found in fixture ${name}`);
  const lastGood = options.lastGood === undefined ? {} : { lastGood: options.lastGood };
  return { ...readAuthConfig(file, { readFile: nodeReadText, env: options.env, ...lastGood }), dir };
}

/** The value with Unknowns replaced by `?reason`, plugin and adapter calls by `name@module(args)`: easy to compare. */
export function plain(value: StaticValue): unknown {
  if (value instanceof Unknown) return `?${value.reason}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    if ((value.kind === "plugin" || value.kind === "adapter") && "args" in value && Array.isArray(value.args)) {
      return { [`${value.kind}:${value.name}@${value.module}`]: (value.args as StaticValue[]).map(plain) };
    }
    return Object.fromEntries(Object.entries(value as Record<string, StaticValue>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Notes with the temporary folder's path removed. */
export function notes(read: AuthConfigRead & { dir: string }): string[] {
  return read.unresolved.map((note) => note.split(read.dir + path.sep).join(""));
}
