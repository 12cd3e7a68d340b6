#!/usr/bin/env node
// Writes src/core/better-auth/versions/{published,tables}.json from the npm registry: every stable
// better-auth ≥ 0.4.0, its own getAuthTables({}) and facts read from its dist. See README.md.
//   node scripts/better-auth-versions/extract.mjs [--cache /tmp/better-auth-versions] [--only 1.7.25,0.8.8]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { distFiles, readFacts } from "./facts.mjs";
import { loadAllTables } from "./load-tables.mjs";
import { normaliseTables } from "./normalise.mjs";
import { packAll, stableVersions, tarballName, unpack } from "./registry.mjs";

const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const cacheDir = resolve(flag("--cache") ?? "/tmp/better-auth-versions");
const only = flag("--only")?.split(",");
const outDir = fileURLToPath(new URL("../../src/core/better-auth/versions/", import.meta.url));
const log = (line) => process.stderr.write(`${line}\n`);

const pkgDir = (name, version) => join(cacheDir, "pkg", tarballName(name, version).replace(/\.tgz$/, ""));
const tarballs = join(cacheDir, "tarballs");

async function fetchPackages(specs) {
  await packAll(tarballs, specs);
  for (const { name, version } of specs) await unpack(join(tarballs, tarballName(name, version)), pkgDir(name, version));
}

const published = await stableVersions();
const versions = only ?? published;
log(`${published.length} stable versions ≥ 0.4.0; reading ${versions.length}`);

await fetchPackages(versions.map((version) => ({ name: "better-auth", version })));
// the same-version packages better-auth pins: core holds getAuthTables from 1.4.10, and
// better-auth/db needs core and telemetry from 1.3.x on
const siblingSpecs = versions.flatMap((version) => {
  const deps = JSON.parse(readFileSync(join(pkgDir("better-auth", version), "package.json"), "utf8")).dependencies ?? {};
  return ["@better-auth/core", "@better-auth/telemetry"].filter((name) => deps[name] === version).map((name) => ({ name, version }));
});
await fetchPackages(siblingSpecs);

const loaded = await loadAllTables(versions, { cacheDir, pkgDir, log });

// What the version's migrator makes of a field without `required`: `required !== false` → NOT NULL.
function absentRequired(files) {
  if (files.some(({ text }) => /\.required\s*!==\s*(?:false|!1)/.test(text))) return true;
  if (files.some(({ text }) => /\.required\s*===\s*(?:false|!1)/.test(text))) return true;
  throw new Error("cannot tell what a missing `required` means");
}

const perVersion = [];
for (const version of [...versions].sort(semver.compare)) {
  const files = distFiles(pkgDir("better-auth", version));
  if (existsSync(pkgDir("@better-auth/core", version))) files.push(...distFiles(pkgDir("@better-auth/core", version)));
  const { raw, method } = loaded.get(version);
  const { tables, unknownFlags } = normaliseTables(raw, { absentRequired: absentRequired(files) });
  if (unknownFlags.length) throw new Error(`${version}: unknown field flags ${unknownFlags.join(", ")}`);
  const { source, ...facts } = readFacts(files, tables);
  const missing = [facts.sessionLookup, facts.deleteUser, facts.generateId.defaultId].some((v) => v === null);
  if (missing) throw new Error(`${version}: a fact was not found: ${JSON.stringify(facts)}`);
  const factsFrom = relative(cacheDir, source).replace(/^pkg\//, "");
  perVersion.push({ version, tables, facts, read: { tables: method, facts: factsFrom } });
  log(`${version}: ${Object.keys(tables).join(" ")} · session by ${facts.sessionLookup} · ${method}`);
}

// consecutive versions with the same tables and facts share a range
const ranges = [];
const tableSets = [];
for (const entry of perVersion) {
  const tablesJson = JSON.stringify(entry.tables);
  let tablesId = tableSets.indexOf(tablesJson);
  if (tablesId < 0) tablesId = tableSets.push(tablesJson) - 1;
  const last = ranges.at(-1);
  if (last && last.tables === tablesId && JSON.stringify(last.facts) === JSON.stringify(entry.facts)) {
    last.to = entry.version;
  } else {
    ranges.push({ from: entry.version, to: entry.version, tables: tablesId, facts: entry.facts, read: entry.read });
  }
}

const readAt = new Date().toISOString().slice(0, 10);
if (!only) writeFileSync(join(outDir, "published.json"), `${JSON.stringify({ readAt, versions: published })}\n`);
writeFileSync(
  join(outDir, "tables.json"),
  `${JSON.stringify({ readAt, tables: tableSets.map((t) => JSON.parse(t)), ranges })}\n`,
);
log(`${ranges.length} ranges, ${tableSets.length} distinct table sets`);
for (const range of ranges) log(`  ${range.from} – ${range.to}`);
