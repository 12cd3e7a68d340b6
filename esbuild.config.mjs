// Bundles the CLI (and, later, the extension) for Node 20: VS Code 1.100's extension host.
import { readFileSync } from "node:fs";
import * as esbuild from "esbuild";

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
  external: ["vscode"],
  define: { PACKAGE_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { ...common, entryPoints: ["src/vscode/extension.ts"], outfile: "dist/extension.js" },
  // Loaded by the verify-cookie command on first use, so activation never loads jose or the cookie core.
  { ...common, entryPoints: ["src/vscode/cookie/entry.ts"], outfile: "dist/cookie.js" },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
