// Child process of config.bench.mjs: one auth config read in a fresh process, so the parser's
// load (what the first read in the editor or the CLI pays) is in the time.
// Usage: node bench/config-cold-read.mjs <app-config bundle (cjs)> <auth.ts>, with the config's
// process.env as JSON in BENCH_AUTH_ENV; prints JSON.
import { createRequire } from "node:module";

const [bundle, file] = process.argv.slice(2);
const env = JSON.parse(process.env.BENCH_AUTH_ENV ?? "{}");
const require = createRequire(import.meta.url);

let start = performance.now();
const { readAuthConfig, nodeReadText } = require(bundle);
const importMs = performance.now() - start;
start = performance.now();
const read = readAuthConfig(file, { readFile: nodeReadText, env });
const firstReadMs = performance.now() - start;
process.stdout.write(JSON.stringify({ importMs, firstReadMs, plugins: read.plugins.map((plugin) => plugin.name), unresolved: read.unresolved }));
