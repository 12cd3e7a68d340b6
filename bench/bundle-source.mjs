// Benchmarks measure the current source, not a stale build: bundle one entry with esbuild into a
// temporary file, import it, and delete the file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { jsoncParserEsm } from "../scripts/esbuild-plugins.mjs";

export async function importSource(relativeEntry) {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const outfile = join(dir, "entry.mjs");
  try {
    await bundleSource(relativeEntry, outfile);
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles source entries (paths relative to bench/, their exports merged) into `outfile`, which
 * the caller keeps, e.g. for child processes.
 */
export async function bundleSource(relativeEntries, outfile, { format = "esm" } = {}) {
  const entries = [relativeEntries].flat().map((entry) => new URL(entry, import.meta.url).pathname);
  await esbuild.build({
    ...(entries.length === 1
      ? { entryPoints: entries }
      : { stdin: { contents: entries.map((entry) => `export * from ${JSON.stringify(entry)};`).join("\n"), resolveDir: new URL(".", import.meta.url).pathname } }),
    bundle: true,
    platform: "node",
    format,
    target: "node20",
    outfile,
    logLevel: "warning",
    plugins: [jsoncParserEsm],
  });
  return outfile;
}
