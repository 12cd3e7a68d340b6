/**
 * Dumps every schema Better Auth's generator emits for the matrix, for humans:
 *   npx vite-node test/generated/print.ts [outDir]     (default: test/generated/.out)
 * Add a name filter after outDir to print only matching entries' code.
 */
import path from "node:path";
import { DEFAULT_OUT_DIR, generateSchemas, MATRIX } from "./generate";

async function main(): Promise<void> {
  // vite-node rewrites argv to [node, vite-node, ...args]; plain node/tsx give [node, script, ...args].
  const args = process.argv.slice(2);
  const outDir = path.resolve(args[0] ?? DEFAULT_OUT_DIR);
  const filter = args[1];
  const started = performance.now();
  const schemas = await generateSchemas(outDir, MATRIX);
  const ms = Math.round(performance.now() - started);
  for (const s of schemas) {
    if (filter && !s.name.includes(filter)) continue;
    if (filter) console.log(`// ===== ${s.name} =====${s.code}\n`);
    else console.log(`${s.name.padEnd(34)} ${s.file}`);
  }
  console.log(`${schemas.length} schemas generated in ${ms} ms into ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
