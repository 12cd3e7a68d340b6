// Bundles the CLI (and, later, the extension) for Node 20: VS Code 1.100's extension host.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import * as esbuild from "esbuild";
import { jsoncParserEsm } from "./scripts/esbuild-plugins.mjs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: !production,
  minify: production,
  logLevel: "info",
  // pg-native is pg's optional native binding, never installed: pg's pure JavaScript client is used.
  external: ["vscode", "pg-native"],
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  plugins: [jsoncParserEsm],
};

const builds = [
  // Database drivers stay in node_modules for the CLI (npm installs them with it): bundled they
  // tripled every start-up, `lint` included, for a lookup most runs never make.
  {
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outfile: "dist/cli.js",
    banner: { js: "#!/usr/bin/env node" },
    external: [...common.external, "pg", "mysql2", "tedious", "sql.js"],
  },
  { ...common, entryPoints: ["src/vscode/extension.ts"], outfile: "dist/extension.js" },
  // Loaded by the verify-cookie command on first use, so activation never loads jose or the cookie core.
  { ...common, entryPoints: ["src/vscode/cookie/entry.ts"], outfile: "dist/cookie.js" },
  // The session lookup, required by its command on first use only. It carries pg and sql.js;
  // mysql2 (+ iconv-lite) and tedious (+ @azure/*) would add 2.3 MB to the .vsix, so MySQL/MariaDB
  // and SQL Server drivers are loaded from the project's node_modules (src/core/lookup/drivers/project-driver.ts).
  { ...common, entryPoints: ["src/vscode/lookup/entry.ts"], outfile: "dist/lookup.js", external: [...common.external, "mysql2", "tedious"] },
];

// sql.js loads its WebAssembly from a file: the session lookup (lookup.js, cli.js) reads it from dist/.
mkdirSync("dist", { recursive: true });
copyFileSync(new URL("./node_modules/sql.js/dist/sql-wasm.wasm", import.meta.url), "dist/sql-wasm.wasm");

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
