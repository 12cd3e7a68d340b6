#!/usr/bin/env node
// Writes src/core/better-auth/versions/plugins.json: what each plugin factory adds to
// getAuthTables in every published version (better-auth's own plugins, and the separately
// published @better-auth/passkey, api-key, sso and stripe). Run after extract.mjs (it reuses its
// cache: unpacked packages, dependency families, each version's family). See README.md.
//   node scripts/better-auth-versions/extract-plugins.mjs [--cache /tmp/better-auth-versions] [--only 1.7.25,0.8.8]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { exportTarget, probeVersion } from "./load-plugins.mjs";
import { normaliseTables } from "./normalise.mjs";
import { pluginContribution } from "./plugin-contribution.mjs";
import { packAll, stableVersions, tarballName, unpack } from "./registry.mjs";

const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const cacheDir = resolve(flag("--cache") ?? "/tmp/better-auth-versions");
const outDir = fileURLToPath(new URL("../../src/core/better-auth/versions/", import.meta.url));
const published = JSON.parse(readFileSync(join(outDir, "published.json"), "utf8")).versions;
const versions = flag("--only")?.split(",") ?? published;
const log = (line) => process.stderr.write(`${line}\n`);

const pkgDir = (name, version) => join(cacheDir, "pkg", tarballName(name, version).replace(/\.tgz$/, ""));
async function fetchPackages(specs) {
  await packAll(join(cacheDir, "tarballs"), specs);
  for (const { name, version } of specs) await unpack(join(cacheDir, "tarballs", tarballName(name, version)), pkgDir(name, version));
}

// Released from the better-auth monorepo together with better-auth: a package version is paired
// with the better-auth of the same version (or the newest published before it, for the few
// package-only patch releases).
const SEPARATE = ["@better-auth/passkey", "@better-auth/api-key", "@better-auth/sso", "@better-auth/stripe"];

const familyOf = (version) => {
  const file = join(cacheDir, "tables", `${version}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).family : undefined;
};
const floorOf = (version) => published.filter((v) => semver.lte(v, version)).at(-1);

/** Every plugin of one probe as { module, export, variant, args, contribution }. */
function contributions(result, label) {
  const base = normaliseTables(result.base, { absentRequired: true }).tables;
  return result.plugins.map((entry) => {
    if (entry.error) throw new Error(`${label} ${entry.module} ${entry.export}: getAuthTables threw ${entry.error}`);
    const { tables, unknownFlags } = normaliseTables(entry.tables, { absentRequired: true });
    if (unknownFlags.length) throw new Error(`${label} ${entry.export}: unknown field flags ${unknownFlags.join(", ")}`);
    return { module: entry.module, export: entry.export, variant: entry.variant, args: entry.args, contribution: pluginContribution(base, tables) };
  });
}

const rows = []; // { module, export, variant, args, version, contribution }
for (const version of [...versions].sort(semver.compare)) {
  const cacheFile = join(cacheDir, "plugins", `better-auth-${version}.json`);
  const result = await probeVersion(version, { cacheDir, pkgDir, log, firstFamily: familyOf(version), cacheFile });
  const found = contributions(result, version);
  for (const row of found) rows.push({ ...row, version });
  log(`${version}: ${new Set(found.map((r) => r.export)).size} plugins with a schema (family ${result.family})`);
}

const moduleVersions = {};
for (const name of flag("--only") ? [] : SEPARATE) {
  const own = await stableVersions(name, "0.0.0");
  moduleVersions[name] = own;
  await fetchPackages(own.map((version) => ({ name, version })));
  for (const version of own) {
    const pairedWith = floorOf(version);
    const manifest = JSON.parse(readFileSync(join(pkgDir(name, version), "package.json"), "utf8"));
    const main = exportTarget(manifest.exports?.["."]) ?? manifest.module ?? manifest.main;
    const extra = [{ name, version, modules: [{ module: name, file: main }] }];
    const cacheFile = join(cacheDir, "plugins", `${tarballName(name, version).replace(/\.tgz$/, "")}.json`);
    const result = await probeVersion(pairedWith, { cacheDir, pkgDir, log, extra, firstFamily: familyOf(pairedWith), cacheFile });
    const found = contributions(result, `${name}@${version}`);
    for (const row of found) rows.push({ ...row, version });
    log(`${name}@${version} (with better-auth ${pairedWith}): ${found.map((r) => `${r.export}/${r.variant}`).join(" ")}`);
  }
}

// One list of distinct contributions; per module, export and variant, consecutive versions
// (of that module) with the same contribution form a range [from, to, contribution index].
const distinct = [];
const plugins = {};
for (const row of rows) {
  const json = JSON.stringify(row.contribution);
  let index = distinct.indexOf(json);
  if (index < 0) index = distinct.push(json) - 1;
  const byExport = ((plugins[row.module] ??= {})[row.export] ??= {});
  const variant = (byExport[row.variant] ??= { args: row.args, ranges: [] });
  variant.args = row.args; // the newest version's arguments
  const moduleList = moduleVersions[row.module] ?? published;
  const last = variant.ranges.at(-1);
  const adjacent = last && moduleList.indexOf(row.version) === moduleList.indexOf(last[1]) + 1;
  if (adjacent && last[2] === index) last[1] = row.version;
  else variant.ranges.push([row.version, row.version, index]);
}

const readAt = new Date().toISOString().slice(0, 10);
const text = `${JSON.stringify({ readAt, moduleVersions, contributions: distinct.map((c) => JSON.parse(c)), plugins })}\n`;
writeFileSync(join(outDir, "plugins.json"), text);
const rangeCount = Object.values(plugins).flatMap((byExport) => Object.values(byExport).flatMap((v) => Object.values(v))).reduce((n, v) => n + v.ranges.length, 0);
log(`plugins.json: ${(text.length / 1024).toFixed(1)} KB, ${distinct.length} distinct contributions, ${rangeCount} ranges`);
