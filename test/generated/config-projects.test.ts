import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "./polyfill-groupby";
import { runCli } from "../cli/run-cli";
import { writeFiles } from "../write-files";
import { type GeneratedSchema, generateSchemas, MATRIX, type MatrixEntry } from "./generate";

// A project as users have it: package.json, node_modules/better-auth, src/lib/auth.ts and the
// schema Better Auth's own generator wrote for that auth.ts. The CLI, with no flags, must read
// the config (plugins, names, ids, rate limit), lint the generated schema clean, and find each
// table or field the config needs once it is deleted — with exactly one finding naming it.

const ROOT_MODULES = path.join(__dirname, "../../node_modules");
const INSTALLED = (JSON.parse(readFileSync(path.join(ROOT_MODULES, "better-auth/package.json"), "utf8")) as { version: string }).version;

const PLUGIN_SOURCE: Record<string, string> = {
  twoFactor: "twoFactor()",
  admin: "admin()",
  username: "username()",
  anonymous: "anonymous()",
  phoneNumber: "phoneNumber()",
  organization: "organization({ teams: { enabled: true } })",
  jwt: "jwt()",
};

/** The auth.ts a user writes for this entry; `split` keeps the plugins in a sibling module. */
function authSource(entry: MatrixEntry, split: boolean): Record<string, string> {
  const generateId = { default: undefined, uuid: '"uuid"', serial: '"serial"', false: "false" }[entry.idStrategy];
  const plugins = entry.plugins.map((name) => PLUGIN_SOURCE[name]).join(", ");
  const imports = entry.plugins.length ? `import { ${entry.plugins.join(", ")} } from "better-auth/plugins";\n` : "";
  const lines = [
    'import { betterAuth } from "better-auth";',
    'import { prismaAdapter } from "better-auth/adapters/prisma";',
    'import { prisma } from "./db";',
    split ? 'import { authPlugins } from "./auth-plugins";' : imports.trimEnd(),
    "",
    "export const auth = betterAuth({",
    `  database: prismaAdapter(prisma, { provider: "${entry.provider}"${entry.usePlural ? ", usePlural: true" : ""} }),`,
    generateId ? `  advanced: { database: { generateId: ${generateId} } },` : "",
    entry.customSession ? '  session: { modelName: "userSession", fields: { token: "sessionToken" } },' : "",
    entry.rateLimitTable ? '  rateLimit: { storage: "database" },' : "",
    `  plugins: ${split ? "authPlugins" : `[${plugins}]`},`,
    "});",
    "",
  ];
  const files: Record<string, string> = { "src/lib/auth.ts": lines.filter((line, i) => line !== "" || i === 4 || i === lines.length - 1).join("\n") };
  if (split) files["src/lib/auth-plugins.ts"] = `${imports}\nexport const authPlugins = [${plugins}];\n`;
  return files;
}

const ENTRIES: { entry: MatrixEntry; split: boolean }[] = MATRIX.filter(
  (entry) => entry.prismaMajor === 6 && entry.idStrategy !== "false" && (entry.plugins.length || entry.usePlural || entry.customSession || entry.rateLimitTable || entry.idStrategy !== "default"),
).map((entry) => ({ entry, split: entry.name.endsWith("plugins-all") && entry.provider === "mysql" }));

let root: string;
let schemas: GeneratedSchema[];

function project(entry: MatrixEntry, split: boolean, schema: string): string {
  const dir = mkdtempSync(path.join(root, `${entry.name}-`));
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: entry.name, dependencies: { "better-auth": INSTALLED, "@prisma/client": "^6.19.0" } }),
    "prisma/schema.prisma": schema,
    ...authSource(entry, split),
  };
  writeFiles(dir, files);
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(path.join(ROOT_MODULES, "better-auth"), path.join(dir, "node_modules/better-auth"));
  return dir;
}

async function lint(dir: string) {
  const result = await runCli(["lint", "--format", "json"], { cwd: dir });
  const report = JSON.parse(result.stdout || "{}");
  return { result, file: report.files?.[0], findings: (report.files?.[0]?.findings ?? []) as { rule: string; severity: string; message: string; model: string | null }[] };
}

/** Model blocks of a generated schema: name and the text to cut. */
function modelBlocks(schema: string): { name: string; text: string }[] {
  return [...schema.matchAll(/\nmodel (\w+) \{[^}]*\}\n/g)].map((match) => ({ name: match[1]!, text: match[0] }));
}

/** Scalar fields that nothing else in the model points at (deleting them leaves valid Prisma). */
function plainFields(block: string): string[] {
  const names: string[] = [];
  for (const line of block.split("\n")) {
    const match = /^\s+(\w+)\s+(String|Boolean|DateTime|Int|BigInt|Json)\??\s*(.*)$/.exec(line);
    if (!match || match[3]!.includes("@id")) continue;
    const name = match[1]!;
    if (new RegExp(`fields: \\[[^\\]]*\\b${name}\\b`).test(block)) continue;
    names.push(name);
  }
  return names;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-config-projects-"));
  schemas = await generateSchemas(path.join(root, "generated"), ENTRIES.map(({ entry }) => entry));
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe(`projects whose auth.ts Better Auth ${INSTALLED}'s generator turned into the schema`, () => {
  it("cover plugins, plural names, a renamed session, uuid and serial ids, the rate-limit table and options split over two files", () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(20);
    expect(ENTRIES.some(({ split }) => split)).toBe(true);
  });

  for (const { entry, split } of ENTRIES) {
    it(`${entry.name}${split ? " (plugins in a sibling module)" : ""}: clean with no flags, and each deleted table or field is found once`, async () => {
      const schema = schemas.find((candidate) => candidate.name === entry.name)!.code;
      const dir = project(entry, split, schema);
      const clean = await lint(dir);
      expect(clean.result.stderr).toBe("");
      expect(clean.file.authConfig).toMatchObject({ path: "src/lib/auth.ts", plugins: entry.plugins });
      expect(clean.findings.filter((finding) => finding.severity !== "info").map((f) => `${f.rule}: ${f.message}`)).toEqual([]);

      expect(modelBlocks(schema).length).toBeGreaterThanOrEqual(4 + (entry.rateLimitTable ? 1 : 0));
      for (const block of modelBlocks(schema)) {
        writeFileSync(path.join(dir, "prisma/schema.prisma"), schema.replace(block.text, "\n"));
        const { findings } = await lint(dir);
        const errors = findings.filter((finding) => finding.severity !== "info");
        expect(errors.map((f) => f.message), `without model ${block.name}`).toHaveLength(1);
        expect(errors[0]!.message.toLowerCase(), `without model ${block.name}`).toContain(`\`${block.name.toLowerCase()}\``);
      }
      let deletedFields = 0;
      for (const block of modelBlocks(schema).filter((b) => entry.plugins.length === 0 || b.name !== "Verification")) {
        for (const field of plainFields(block.text)) {
          deletedFields++;
          writeFileSync(path.join(dir, "prisma/schema.prisma"), schema.replace(block.text, block.text.replace(new RegExp(`\\n\\s+${field}\\s[^\\n]*`), "")));
          const { findings } = await lint(dir);
          const errors = findings.filter((finding) => finding.severity !== "info");
          expect(errors.map((f) => f.message), `without ${block.name}.${field}`).toHaveLength(1);
          expect(errors[0]!.message, `without ${block.name}.${field}`).toContain(`\`${field}\``);
        }
      }
      expect(deletedFields).toBeGreaterThanOrEqual(10);
    }, 60_000);
  }
});
