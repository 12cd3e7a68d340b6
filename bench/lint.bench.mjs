// Lint speed on generated schemas of 20, 1,000 and 10,000 models, next to Prisma's own wasm
// linter and @mrleebo/prisma-ast's parser on the same text. Prints medians and ratios.
// Run: npm run bench. Targets (issue #12), printed met or NOT met from this run's numbers: a
// 1,000-model, ~15k-line schema linted ≥ 13x faster than prisma-schema-wasm and in ≤ 5 ms median,
// and ≤ 11x the time for 10x the models.
import { createRequire } from "node:module";
import { importSource } from "./bundle-source.mjs";
import { generateSchema } from "./schema-generator.mjs";

const require = createRequire(import.meta.url);

// @mrleebo/prisma-ast's chevrotain calls Object.groupBy/Map.groupBy (Node 21+). Bench-only
// polyfill so the comparison runs on Node 20; the product never loads either.
if (!Object.groupBy) {
  Object.groupBy = (items, key) => {
    const groups = Object.create(null);
    let i = 0;
    for (const item of items) (groups[key(item, i++)] ??= []).push(item);
    return groups;
  };
}
if (!Map.groupBy) {
  Map.groupBy = (items, key) => {
    const groups = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(item);
    }
    return groups;
  };
}

const { lintText } = await importSource("../src/core/lint/lint.ts");

const wasm = require("@prisma/prisma-schema-wasm");
const { getSchema } = require("@mrleebo/prisma-ast");

function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function medianOf(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function median(fn, runs, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) fn(); // warm up the JIT
  globalThis.gc?.(); // start from a clean heap, so one tool's garbage is not charged to the next
  const times = [];
  for (let i = 0; i < runs; i++) times.push(timed(fn));
  return medianOf(times);
}

const sizes = [20, 1_000, 10_000];
const config = { config: { betterAuthVersion: "1.7.25" } };
const schemas = sizes.map((models) => ({ models, text: generateSchema(models) }));
for (const { text } of schemas) {
  const findings = lintText(text, config);
  if (!findings.some((finding) => finding.rule === "session-token-layout")) throw new Error("the benchmark schema should keep its broken Session");
}
const lintOf = (text) => () => lintText(text, config);
const wasmOf = (text) => () => wasm.lint(JSON.stringify([["schema.prisma", text]]));
const [small, mid, big] = schemas;

// Ours first, then the others: their large allocations would otherwise land in our timings as
// garbage collection. 20 models alone: a fraction of a millisecond is moved little by load.
const ours20 = median(lintOf(small.text), 501, 50);

// The targets are ratios between 1,000 models, 10,000 models and Prisma's 1,000, and a loaded
// 2-core machine changes speed within seconds: one series after another, a load spike during one
// series moved the ratios by half. So the three series are split in blocks, taken in turn, each
// from a clean heap as before; every median then spans the same stretch of time. (Interleaving
// single runs instead charged one run's garbage to the next, flattering the 10,000-model figure.)
const BLOCKS = 3;
const RUNS = { mid: 35, big: 5, wasmMid: 5 };
for (let i = 0; i < 50; i++) lintOf(mid.text)();
for (let i = 0; i < 3; i++) lintOf(big.text)();
for (let i = 0; i < 2; i++) wasmOf(mid.text)();
const timesMid = [];
const timesBig = [];
const timesWasmMid = [];
// gc() is a forced, memory-reducing collection: it also drops optimized code, so the next runs
// are JIT warm-up (measured: the first 10,000-model lint after it 66-97 ms, the next 41-54, then
// 33). That cost 2 of the 10,000-model series' 5 runs and 1 of the 1,000-model series' 35, so the
// median charged warm-up to 10,000 models only. One untimed run after it, in every series alike.
function series(times, fn, runs) {
  globalThis.gc?.();
  fn();
  for (let i = 0; i < runs; i++) times.push(timed(fn));
}
for (let block = 0; block < BLOCKS; block++) {
  series(timesMid, lintOf(mid.text), RUNS.mid);
  series(timesBig, lintOf(big.text), RUNS.big);
  series(timesWasmMid, wasmOf(mid.text), RUNS.wasmMid);
}
const ours = [ours20, medianOf(timesMid), medianOf(timesBig)];
const rows = schemas.map(({ models, text }, i) => {
  const prisma = text === mid.text ? medianOf(timesWasmMid) : median(wasmOf(text), 7, 2);
  const prismaAst = median(() => getSchema(text), 7, 2);
  return { models, lines: text.split("\n").length, ours: ours[i], prisma, prismaAst };
});

const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`.padStart(10);
console.log(
  `Node ${process.version}; medians (ours: 501 / ${BLOCKS * RUNS.mid} / ${BLOCKS * RUNS.big} runs; Prisma: 7 / ${BLOCKS * RUNS.wasmMid} / 7; prisma-ast: 7). ` +
    `Ours at 1,000 and 10,000 models and Prisma at 1,000 in ${BLOCKS} blocks taken in turn.${globalThis.gc ? "" : " Run with --expose-gc for steadier numbers."}\n`,
);
console.log("models   lines   better-auth-doctor lint   prisma-schema-wasm lint   @mrleebo/prisma-ast parse   vs wasm   vs prisma-ast");
for (const row of rows) {
  console.log(
    `${String(row.models).padStart(6)} ${String(row.lines).padStart(7)}   ${fmt(row.ours).padStart(23)}   ${fmt(row.prisma).padStart(23)}   ${fmt(row.prismaAst).padStart(25)}   ${`${(row.prisma / row.ours).toFixed(0)}x`.padStart(7)}   ${`${(row.prismaAst / row.ours).toFixed(0)}x`.padStart(13)}`,
  );
}
const [, midRow, bigRow] = rows;
const vsWasm = midRow.prisma / midRow.ours;
const growth = bigRow.ours / midRow.ours;
console.log(`\nGrowth 1,000 -> 10,000 models: ${growth.toFixed(1)}x time for ${(bigRow.lines / midRow.lines).toFixed(1)}x lines (linear = ~10x).`);
// The issue's targets (#12), each judged on this run's numbers: a loaded machine moves absolute
// times by up to 4x, ratios of one run far less. A benchmark reports; it does not fail.
const target = (met, text) => console.log(`Target: ${text}: ${met ? "met" : "NOT met"}`);
target(vsWasm >= 13, `1,000 models linted >= 13x faster than prisma-schema-wasm (measured ${vsWasm.toFixed(1)}x)`);
target(growth <= 11, `growth 1,000 -> 10,000 models <= 11x (measured ${growth.toFixed(1)}x)`);
target(midRow.ours <= 5, `1,000 models linted in <= 5 ms median (measured ${midRow.ours.toFixed(2)} ms)`);
