// Lint speed on generated schemas of 20, 1,000 and 10,000 models, next to Prisma's own wasm
// linter and @mrleebo/prisma-ast's parser on the same text. Prints medians and ratios.
// Run: npm run bench (target: a 1,000-model, ~15k-line schema fully linted in ≤ 5 ms median).
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

function median(fn, runs, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) fn(); // warm up the JIT
  globalThis.gc?.(); // start from a clean heap, so one tool's garbage is not charged to the next
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const sizes = [20, 1_000, 10_000];
const config = { config: { betterAuthVersion: "1.7.25" } };
const schemas = sizes.map((models) => ({ models, text: generateSchema(models) }));
// Ours first for every size, then the others: their large allocations would otherwise land in
// our timings as garbage collection.
const ours = schemas.map(({ models, text }) => {
  const findings = lintText(text, config);
  if (!findings.some((finding) => finding.rule === "session-token-layout")) throw new Error("the benchmark schema should keep its broken Session");
  const runs = models >= 10_000 ? 15 : models >= 1_000 ? 101 : 501;
  return median(() => lintText(text, config), runs, models >= 10_000 ? 3 : 50);
});
const rows = schemas.map(({ models, text }, i) => {
  const prisma = median(() => wasm.lint(JSON.stringify([["schema.prisma", text]])), 7, 2);
  const prismaAst = median(() => getSchema(text), 7, 2);
  return { models, lines: text.split("\n").length, ours: ours[i], prisma, prismaAst };
});

const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`.padStart(10);
console.log(`Node ${process.version}; medians (ours: 501 / 101 / 15 runs; Prisma and prisma-ast: 7 runs)${globalThis.gc ? "" : " — run with --expose-gc for steadier numbers"}\n`);
console.log("models   lines   better-auth-doctor lint   prisma-schema-wasm lint   @mrleebo/prisma-ast parse   vs wasm   vs prisma-ast");
for (const row of rows) {
  console.log(
    `${String(row.models).padStart(6)} ${String(row.lines).padStart(7)}   ${fmt(row.ours).padStart(23)}   ${fmt(row.prisma).padStart(23)}   ${fmt(row.prismaAst).padStart(25)}   ${`${(row.prisma / row.ours).toFixed(0)}x`.padStart(7)}   ${`${(row.prismaAst / row.ours).toFixed(0)}x`.padStart(13)}`,
  );
}
const [, mid, big] = rows;
console.log(`\nGrowth 1,000 -> 10,000 models: ${(big.ours / mid.ours).toFixed(1)}x time for ${(big.lines / mid.lines).toFixed(1)}x lines (linear = ~10x).`);
console.log(`Target: 1,000 models linted in <= 5 ms median: ${mid.ours <= 5 ? "met" : "NOT met"} (${mid.ours.toFixed(2)} ms).`);
