#!/usr/bin/env node
// Bundles the extension-host suites (test/vscode/suites/*.suite.ts and their runner index.ts) into
// .tmp/vscode-suites/, one CommonJS file each, for scripts/vscode-test/run.mjs:
//
//   node scripts/vscode-test/build-suites.mjs
//   node scripts/vscode-test/run.mjs --vscode 1.100 --extension . --tests .tmp/vscode-suites/index \
//        --workspace test/vscode/fixtures/better-auth-app --copy-workspace
//
// `vscode` and `mocha` stay external: the extension host provides the first; the runner's
// require("mocha") finds the project's dev dependency from .tmp/vscode-suites/ upwards (bundled,
// mocha would add 1.7 MB and warnings about its parallel mode's worker files).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { jsoncParserEsm } from '../esbuild-plugins.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SUITES = path.join(ROOT, 'test/vscode/suites');
const OUT = path.join(ROOT, '.tmp/vscode-suites');

const entryPoints = fs
  .readdirSync(SUITES)
  .filter((file) => file === 'index.ts' || file.endsWith('.suite.ts'))
  .map((file) => path.join(SUITES, file));

fs.rmSync(OUT, { recursive: true, force: true }); // no stale suites from renamed files
await esbuild.build({
  entryPoints,
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline', // stack traces in failures point at the .ts lines
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
  plugins: [jsoncParserEsm],
});
console.log(`build-suites: ${entryPoints.length - 1} suite(s) + runner → ${path.relative(ROOT, OUT)}/`);
