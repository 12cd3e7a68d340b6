// Runs probe-plugins.mjs for every version, in the dependency families load-tables.mjs made (see
// there). A version's plugin modules import more than its getAuthTables does (passkey needed
// @simplewebauthn/server, sso samlify…), so a family whose packages do not load them is skipped
// for the next one, and a version no family loads gets its own.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import semver from "semver";
import { installFamily, locate, siblings } from "./load-tables.mjs";

const run = promisify(execFile);
const PROBE = join(dirname(fileURLToPath(import.meta.url)), "probe-plugins.mjs");

export function exportTarget(entry) {
  while (entry && typeof entry === "object") entry = entry.import ?? entry.default;
  return entry;
}

/** `better-auth/plugins` and its `better-auth/plugins/<name>` subpaths (not the access-control helpers). */
export function pluginModules(manifest, name = manifest.name) {
  return Object.entries(manifest.exports ?? {})
    .filter(([path]) => path === "./plugins" || (/^\.\/plugins\/[^/]+$/.test(path) && !path.endsWith("/access")))
    .map(([path, entry]) => ({ module: `${name}${path.slice(1)}`, file: exportTarget(entry) }))
    .filter(({ file }) => typeof file === "string");
}

// the family the previous version loaded in: consecutive versions mostly share one
let lastFamily;

function familiesByCloseness(cacheDir, version, first) {
  const dir = join(cacheDir, "families");
  const all = existsSync(dir) ? readdirSync(dir).filter((name) => semver.valid(name)) : [];
  const newer = all.filter((f) => semver.gte(f, version)).sort(semver.compare);
  const older = all.filter((f) => semver.lt(f, version)).sort(semver.rcompare);
  return [...new Set([lastFamily, first, ...newer, ...older].filter(Boolean))];
}

/**
 * Probes one version. `extra` are other packages to load next to better-auth (name, version,
 * modules) — the separately published plugins. Returns the probe's JSON plus the family used.
 */
export async function probeVersion(version, { cacheDir, pkgDir, log, extra = [], firstFamily, cacheFile }) {
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8"));
  const where = locate(version, pkgDir);
  const own = JSON.parse(readFileSync(join(pkgDir("better-auth", version), "package.json"), "utf8"));
  const packages = [
    { name: "better-auth", version },
    ...siblings(version, pkgDir).map((name) => ({ name, version })).filter(({ name }) => existsSync(pkgDir(name, version))),
    ...extra,
  ];
  const attempt = async (family) => {
    const root = join(cacheDir, "families", family);
    const home = join(root, extra.length ? "plugin-pkgs" : "pkgs", extra.length ? `${version}-${extra.map((e) => `${e.name}@${e.version}`).join("+").replace(/[@/]/g, "_")}` : version, "node_modules");
    for (const { name, version: v } of packages) {
      const target = join(home, name);
      if (!existsSync(target)) cpSync(pkgDir(name, v), target, { recursive: true });
    }
    const modules = extra.length
      ? extra.flatMap((e) => e.modules.map(({ module, file }) => ({ module, file: join(home, e.name, file) })))
      : pluginModules(own)
          .map(({ module, file }) => ({ module, file: join(home, "better-auth", file) }))
          // some releases (1.0.19) declare subpaths whose files were not published: nobody can import them
          .filter(({ file }) => existsSync(file));
    const out = join(cacheDir, "plugins", "tmp", `${process.pid}.json`);
    mkdirSync(dirname(out), { recursive: true });
    const spec = join(cacheDir, "plugins", "tmp", `${process.pid}.spec.json`);
    writeFileSync(spec, JSON.stringify({ mode: where.mode, file: join(home, where.pkg, where.file), out, modules }));
    await run(process.execPath, [PROBE, spec], { cwd: root, maxBuffer: 1 << 26, timeout: 120_000 });
    const result = JSON.parse(readFileSync(out, "utf8"));
    if (result.threw.length) result.failed.push(...result.threw.map((t) => ({ module: t.module, error: `${t.export}() threw ${t.error}` })));
    if (result.failed.length) throw new Error(`${family}: ${result.failed.map((f) => `${f.module}: ${f.error}`).join("; ")}`);
    return { ...result, family };
  };
  const failures = [];
  for (const family of familiesByCloseness(cacheDir, version, firstFamily)) {
    try {
      const result = await attempt(family);
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, JSON.stringify(result));
      lastFamily = family;
      return result;
    } catch (error) {
      failures.push(String(error.stderr || error.message).split("\n").find((l) => /rror/.test(l)) ?? String(error.message).slice(0, 200));
    }
  }
  // A new family pins better-auth's own dependencies to the lowest version their ranges allow:
  // the newest allowed ones break old releases (better-call 1.4 makes 1.2.x's twoFactor() throw),
  // and the lowest are close to what the release was tested with.
  const family = `${version}-${extra.length ? `plugins-${extra.map((e) => e.name.split("/").at(-1)).join("+")}` : "min"}`;
  // Required peers too (@better-auth/core's @opentelemetry/api, its exact better-call): npm's
  // --legacy-peer-deps leaves them out.
  const manifests = [own, ...packages.filter(({ name }) => name === "@better-auth/core").map(({ name, version: v }) => JSON.parse(readFileSync(join(pkgDir(name, v), "package.json"), "utf8")))];
  const wanted = new Map();
  for (const manifest of manifests) {
    const optional = manifest.peerDependenciesMeta ?? {};
    const peers = Object.entries(manifest.peerDependencies ?? {}).filter(([name]) => !optional[name]?.optional);
    for (const [name, range] of [...Object.entries(manifest.dependencies ?? {}), ...peers]) {
      if (name === "better-auth" || name.startsWith("@better-auth/core") || !semver.validRange(range)) continue;
      if (name.startsWith("@better-auth/") && range === version) continue;
      wanted.set(name, semver.minVersion(range).version);
    }
  }
  const lowest = [...wanted].map(([name, v]) => `${name}@${v}`);
  log(`${version}: new dependency family (${failures.at(-1)?.slice(0, 200)})`);
  // --legacy-peer-deps leaves peers out, and a separate plugin's peers (stripe) may be imported
  const peers = extra.flatMap((e) => {
    const manifest = JSON.parse(readFileSync(join(pkgDir(e.name, e.version), "package.json"), "utf8"));
    return Object.entries(manifest.peerDependencies ?? {})
      .filter(([name]) => name !== "better-auth" && !name.startsWith("@better-auth/"))
      .map(([name, range]) => `${name}@${range.split("||").at(-1).trim()}`);
  });
  await installFamily(join(cacheDir, "families", family), [`better-auth@${version}`, ...lowest, ...extra.map((e) => `${e.name}@${e.version}`), ...peers]);
  const result = await attempt(family);
  writeFileSync(cacheFile, JSON.stringify(result));
  lastFamily = family;
  return result;
}
