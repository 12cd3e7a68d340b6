// Runs each version's own getAuthTables({}). Dependencies are installed once per "family": a
// family is a node_modules installed for one version (npm install better-auth@<v>); the next,
// older versions reuse it as long as their getAuthTables module loads with it, and a new family
// starts at the first version that does not. Each version's own packages (better-auth and the
// @better-auth/* packages it pins to the same version) sit in <family>/pkgs/<v>/node_modules, so
// Node resolves them first and the family's shared node_modules for everything else.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import semver from "semver";

const run = promisify(execFile);
const PROBE = join(dirname(fileURLToPath(import.meta.url)), "probe.mjs");

function exportTarget(entry) {
  while (entry && typeof entry === "object") entry = entry.import ?? entry.default;
  return entry;
}

const exportsGetAuthTables = (file) => existsSync(file) && /export\s*\{[^}]*\bgetAuthTables\b/.test(readFileSync(file, "utf8"));

/**
 * Where getAuthTables lives in `version`: @better-auth/core's `./db` when it exports it (1.4.10+),
 * else better-auth's `./db` (0.4.13 – 1.4.9), else only inside dist/index.js, unexported (0.4.0 – 0.4.6).
 */
export function locate(version, pkgDir) {
  const own = JSON.parse(readFileSync(join(pkgDir("better-auth", version), "package.json"), "utf8"));
  if (own.dependencies?.["@better-auth/core"] === version) {
    const coreDir = pkgDir("@better-auth/core", version);
    const core = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8"));
    const file = exportTarget(core.exports?.["./db"]);
    if (file && exportsGetAuthTables(join(coreDir, file))) return { mode: "import", pkg: "@better-auth/core", file };
  }
  const db = exportTarget(own.exports?.["./db"]);
  if (db) return { mode: "import", pkg: "better-auth", file: db };
  return { mode: "source", pkg: "better-auth", file: "dist/index.js" };
}

/** The same-version @better-auth/* packages a better-auth version pins (core, telemetry…). */
export function siblings(version, pkgDir) {
  const own = JSON.parse(readFileSync(join(pkgDir("better-auth", version), "package.json"), "utf8"));
  return Object.entries(own.dependencies ?? {})
    .filter(([name, spec]) => name.startsWith("@better-auth/") && spec === version)
    .map(([name]) => name);
}

async function probe(args, cwd) {
  const { stdout } = await run(process.execPath, [PROBE, ...args], { cwd, maxBuffer: 1 << 26, timeout: 60_000 });
  return JSON.parse(stdout);
}

/** `npm install <specs>` into `dir` once (specs: `better-auth@1.3.8`, and separate plugin packages). */
export async function installFamily(dir, specs) {
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, "node_modules", "better-auth"))) return;
  await run(
    "npm",
    ["install", "--prefix", dir, "--no-save", "--legacy-peer-deps", "--ignore-scripts", "--no-audit", "--no-fund", ...specs],
    { maxBuffer: 1 << 26 },
  );
}

/**
 * getAuthTables({}) for every version (newest first, so families start from the newest deps).
 * Returns Map version → { raw, method, family }. `pkgDir(name, version)` is the extracted package.
 */
export async function loadAllTables(versions, { cacheDir, pkgDir, log = () => {} }) {
  const results = new Map();
  let family = null;
  for (const version of [...versions].sort(semver.rcompare)) {
    const where = locate(version, pkgDir);
    const cached = join(cacheDir, "tables", `${version}.json`);
    if (existsSync(cached)) {
      results.set(version, JSON.parse(readFileSync(cached, "utf8")));
      continue;
    }
    const attempt = async (familyVersion) => {
      const root = join(cacheDir, "families", familyVersion);
      const home = join(root, "pkgs", version, "node_modules");
      for (const name of where.pkg === "better-auth" ? ["better-auth", ...siblings(version, pkgDir)] : [where.pkg]) {
        const target = join(home, name);
        if (!existsSync(target)) cpSync(pkgDir(name, version), target, { recursive: true });
      }
      const file = join(home, where.pkg, where.file);
      return probe([where.mode, file], root);
    };
    let raw;
    let failure;
    if (family) {
      try {
        raw = await attempt(family);
      } catch (error) {
        failure = error;
      }
    }
    if (!raw) {
      log(`${version}: new dependency family${failure ? ` (${firstLine(failure)})` : ""}`);
      family = version;
      await installFamily(join(cacheDir, "families", family), [`better-auth@${version}`]);
      raw = await attempt(family);
    }
    const result = { raw, method: `${where.mode} ${where.pkg}/${where.file.replace(/^\.\//, "")}`, family };
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, JSON.stringify(result));
    results.set(version, result);
  }
  return results;
}

function firstLine(error) {
  const text = String(error.stderr || error.message);
  return (text.split("\n").find((line) => /Error|error/.test(line)) ?? text.split("\n")[0]).trim().slice(0, 160);
}
