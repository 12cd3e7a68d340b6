// Benchmarks measure the current source, not a stale build: bundle one entry with esbuild into a
// temporary file, import it, and delete the file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export async function importSource(relativeEntry) {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const outfile = join(dir, "entry.mjs");
  try {
    await esbuild.build({
      entryPoints: [new URL(relativeEntry, import.meta.url).pathname],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "warning",
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
