// The app's auth config in the lint: reading a 300-line auth.ts statically (cold, in a fresh
// process with the parser's load, and warm), linting the 1,000-model schema with an app context
// (plugins' tables from the installed better-auth), the one-time cost of loading that context,
// and whether the extension bundle is free of the TypeScript compiler.
// Run: npm run bench (after npm run build, for the dist/ checks).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSource } from "./bundle-source.mjs";
import { generateSchema } from "./schema-generator.mjs";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

function median(fn, runs, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) fn(); // warm up the JIT
  globalThis.gc?.();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return middle(times);
}
const middle = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const ms = (value) => `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
const size = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1e3)} kB`);

// Production values, as the CLI sees them from the app's .env: the config reads them.
const env = {
  NODE_ENV: "production",
  BETTER_AUTH_URL: "https://app.acme.dev",
  BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  ...Object.fromEntries(["GITHUB", "GOOGLE", "DISCORD"].flatMap((p) => [[`${p}_CLIENT_ID`, `${p.toLowerCase()}-id`], [`${p}_CLIENT_SECRET`, `${p.toLowerCase()}-secret`]])),
};

// The app around the 1,000-model schema: plugins that add models (organization with teams,
// twoFactor) and fields (admin, additionalFields), which only the installed better-auth knows.
const APP_AUTH_TS = `import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin, organization, twoFactor } from "better-auth/plugins";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  user: {
    additionalFields: {
      locale: { type: "string", required: false, defaultValue: "en" },
      plan: { type: "string", required: true, defaultValue: "free", input: false },
    },
  },
  session: {
    additionalFields: { deviceLabel: { type: "string", required: false } },
  },
  plugins: [organization({ teams: { enabled: true } }), twoFactor(), admin()],
});
`;

const tmp = mkdtempSync(join(tmpdir(), "bench-config-"));
try {
  console.log(`Node ${process.version}; auth config, app context and bundle checks`);

  // (1) Static read of a 300-line auth.ts.
  const authFile = join(tmp, "read", "src", "lib", "auth.ts");
  mkdirSync(dirname(authFile), { recursive: true });
  copyFileSync(here("./fixtures/auth-300-lines.ts.txt"), authFile);
  const lines = readFileSync(authFile, "utf8").trimEnd().split("\n").length;
  const expectedPlugins = 13;
  // @babel/parser is bundled, as in extension.js and cli.js, and required on the first parse.
  const bundle = await bundleSource("../src/core/app-config/index.ts", join(tmp, "app-config.cjs"), { format: "cjs" });
  const runs = Array.from({ length: 7 }, () => {
    const out = execFileSync(process.execPath, [here("./config-cold-read.mjs"), bundle, authFile], { env: { ...process.env, BENCH_AUTH_ENV: JSON.stringify(env) }, encoding: "utf8" });
    const result = JSON.parse(out);
    if (result.plugins.length !== expectedPlugins) throw new Error(`the cold read found ${result.plugins.length} plugins, not ${expectedPlugins}: ${result.unresolved.join("; ")}`);
    return result;
  });
  console.log(`\nauth.ts of ${lines} lines, ${expectedPlugins} plugins, read statically (readAuthConfig, @babel/parser; app-config bundle ${size(statSync(bundle).size)} unminified):`);
  console.log(`  cold, in a fresh process (median of 7): require ${ms(middle(runs.map((r) => r.importMs)))}, first read ${ms(middle(runs.map((r) => r.firstReadMs)))} (the parser's load included)`);
  const { readAuthConfig, nodeReadText } = require(bundle);
  const read = () => readAuthConfig(authFile, { readFile: nodeReadText, env });
  const first = read();
  if (first.plugins.length !== expectedPlugins || first.unresolved.length) throw new Error(`the warm read should find every plugin and leave nothing unresolved: ${first.unresolved.join("; ")}`);
  console.log(`  warm (median of 200 reads, file read from disk each time): ${ms(median(read, 200))}`);

  // (2) Lint of the 1,000-model schema with an app context, as `lint` in the CLI runs it.
  const app = join(tmp, "app");
  const schemaPath = join(app, "prisma", "schema.prisma");
  mkdirSync(dirname(schemaPath), { recursive: true });
  mkdirSync(join(app, "src", "lib"), { recursive: true });
  mkdirSync(join(app, "node_modules"));
  symlinkSync(join(root, "node_modules", "better-auth"), join(app, "node_modules", "better-auth"));
  const installedVersion = JSON.parse(readFileSync(join(root, "node_modules/better-auth/package.json"), "utf8")).version;
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "bench-app", private: true, dependencies: { "better-auth": `^${installedVersion}`, "@prisma/client": "^6.19.0" } }, null, 2));
  writeFileSync(join(app, "src", "lib", "auth.ts"), APP_AUTH_TS);
  const text = generateSchema(1_000);
  writeFileSync(schemaPath, text);

  const core = require(
    await bundleSource(["../src/core/lint/lint.ts", "../src/core/lint/lint-files.ts", "../src/core/better-auth/load-app-context.ts", "../src/core/schema/load.ts"], join(tmp, "core.cjs"), {
      format: "cjs",
    }),
  );
  const fs = core.nodeSchemaFs;
  const version = core.detectSchemaVersion(schemaPath, {}, fs).version;
  const loadOptions = { cwd: app, mayLoadInstalled: true, version };
  let start = performance.now();
  const loaded = await core.loadAppContext(core.schemaDirOf(schemaPath, fs), loadOptions);
  const loadMs = performance.now() - start;
  start = performance.now();
  await core.loadAppContext(core.schemaDirOf(schemaPath, fs), loadOptions);
  const reloadMs = performance.now() - start;
  if (!loaded.context.installed || loaded.context.uncheckedPlugins) throw new Error(`the installed better-auth should give the plugins' tables: ${loaded.unresolved.join("; ")}`);
  const withApp = core.lintSchemaAt(schemaPath, {}, fs, loaded);
  const withoutApp = core.lintSchemaAt(schemaPath, {}, fs);
  if (!["twoFactor", "team", "member"].every((table) => withApp.findings.some((finding) => finding.message.includes(`\`${table}\` table`)))) {
    throw new Error("with the app context the lint should ask for the plugins' tables (twoFactor, team, member)");
  }
  const config = { config: { betterAuthVersion: installedVersion } };
  const inMemory = median(() => core.lintText(text, config), 101, 50);
  const plain = median(() => core.lintSchemaAt(schemaPath, {}, fs), 101, 50);
  const contextual = median(() => core.lintSchemaAt(schemaPath, {}, fs, loaded), 101, 50);
  const row = (label, value, note = "") => console.log(`  ${label.padEnd(48)} ${ms(value).padStart(9)}${note ? `   ${note}` : ""}`);
  console.log(`\n1,000 models (${text.split("\n").length} lines), median of 101 runs; target <= 5 ms:`);
  row("lintText, in memory (the lint bench's line)", inMemory);
  row("lintSchemaAt from disk, no app context", plain, `${withoutApp.findings.length} findings`);
  row("lintSchemaAt from disk, with app context", contextual, `${withApp.findings.length} findings; target ${contextual <= 5 ? "met" : "NOT met"}`);
  console.log(`    (organization with teams, twoFactor, admin, additionalFields; tables from the installed better-auth ${installedVersion})`);
  console.log(`  loadAppContext once per project: ${ms(loadMs)} (installed better-auth import + getAuthTables); again, modules cached: ${ms(reloadMs)}`);

  // (3) The extension no longer carries the TypeScript compiler (3.5 MB): Babel parses auth.ts.
  const dist = join(root, "dist");
  const extension = join(dist, "extension.js");
  console.log("\nBundles (npm run build):");
  if (!existsSync(extension)) {
    console.log("  dist/extension.js not found: run npm run build first.");
  } else {
    // Keys of TypeScript's diagnostic message table: minifiers keep them, and no other code has them.
    const hasCompiler = (file) => ["Unterminated_string_literal", "Identifier_expected"].some((marker) => readFileSync(file, "utf8").includes(marker));
    const compilerInExtension = hasCompiler(extension);
    const start = performance.now();
    const loadCheck = JSON.parse(execFileSync(process.execPath, [here("./extension-load-check.cjs"), extension], { encoding: "utf8" }));
    const loadMs = performance.now() - start;
    const loadsParser = loadCheck.requested.some((request) => /typescript/.test(request));
    console.log(
      `  dist/extension.js contains the TypeScript compiler: ${compilerInExtension ? "YES (it must not)" : "no"}; loading it (vscode stubbed, activate() not called) requires typescript: ${loadsParser ? "YES (it must not)" : "no"}; node process with that load: ${ms(loadMs)}`,
    );
    const files = readdirSync(dist).filter((name) => name.endsWith(".js")).sort();
    console.log(`  ${files.map((name) => `${name} ${size(statSync(join(dist, name)).size)}`).join(", ")}`);
    if (compilerInExtension || loadsParser) process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
