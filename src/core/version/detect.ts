/**
 * Which Better Auth version the schema's app runs, so the linter applies the layout that
 * version reads (≤ 0.8: session id is the token; ≥ 1.0: a unique `token` column).
 */
import path from "node:path";
import { readTextFile } from "../text-file";
import type { DetectedVersion } from "./detected-version";
import { LOCKFILES } from "./lockfiles";
import { parseVersionOverride } from "./override";
import { exactVersion, PACKAGE, versionForRange } from "./versions";

/** File access, injectable so tests and the VS Code layer (unsaved buffers, virtual fs) can supply it. */
export interface VersionFs {
  /** The file's text, or undefined when it is missing or unreadable. */
  readFile(path: string): string | undefined;
}

/** A FIFO or a huge file where a lock file should be is skipped, never read (it would hang the editor). */
const nodeFs: VersionFs = {
  readFile(file) {
    const read = readTextFile(file);
    return read.ok ? read.text : undefined;
  },
};

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

/**
 * Detection order (spec §1): an explicit override (blank or invalid ones are ignored here: the
 * CLI and the editor reject them with a message before they get this far); else, walking up from `schemaDir` to the
 * filesystem root, the installed `node_modules/better-auth/package.json`, then a lock file,
 * then a `better-auth` range in a package.json. The nearest folder wins within each kind, but
 * a kind earlier in that list wins over the whole walk: a monorepo root's node_modules beats
 * the package's own range, because that copy is what Node loads. Nothing found: `assumed`.
 * Never throws; unreadable or malformed files are skipped.
 */
export function detectBetterAuthVersion(
  schemaDir: string,
  options: { override?: string; fs?: VersionFs } = {},
): DetectedVersion {
  const fromOverride = options.override?.trim() ? parseVersionOverride(options.override) : undefined;
  if (fromOverride?.ok) return fromOverride.version;

  const fs = guard(options.fs ?? nodeFs);
  const start = path.resolve(schemaDir);
  let lockfileHit: DetectedVersion | undefined;
  let manifestHit: DetectedVersion | undefined;

  for (let dir = start; ; dir = path.dirname(dir)) {
    const installedFile = path.join(dir, "node_modules", PACKAGE, "package.json");
    const installed = exactVersion(jsonField(fs.readFile(installedFile), "version"));
    if (installed) return { version: installed, source: "installed", file: installedFile };

    lockfileHit ??= readLockfiles(fs, dir, start);
    manifestHit ??= readManifestRange(fs, dir);

    if (path.dirname(dir) === dir) break;
  }
  return lockfileHit ?? manifestHit ?? { version: null, source: "assumed" };
}

/** The first lock file in `dir` that names a better-auth version. */
function readLockfiles(fs: VersionFs, dir: string, schemaDir: string): DetectedVersion | undefined {
  const relDir = path.relative(dir, schemaDir).split(path.sep).join("/");
  for (const lockfile of LOCKFILES) {
    const file = path.join(dir, lockfile.file);
    const text = fs.readFile(file);
    if (text === undefined) continue;
    const version = safely(() => lockfile.read(text, relDir));
    if (version) return { version, source: "lockfile", file };
  }
  return undefined;
}

/** The version a fresh install of the `better-auth` range in `dir/package.json` gets, if it has a usable one. */
function readManifestRange(fs: VersionFs, dir: string): DetectedVersion | undefined {
  const file = path.join(dir, "package.json");
  const manifest = parseJson(fs.readFile(file));
  if (!isObject(manifest)) return undefined;
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!isObject(deps)) continue;
    const resolved = versionForRange(deps[PACKAGE]);
    if (resolved) return { version: resolved.version, source: "package.json", file, range: String(deps[PACKAGE]), resolvedBy: resolved.resolvedBy };
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  return safely(() => JSON.parse(text) as unknown);
}

function jsonField(text: string | undefined, field: string): unknown {
  const value = parseJson(text);
  return isObject(value) ? value[field] : undefined;
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** An injected fs may throw despite its contract; detection must not. */
function guard(fs: VersionFs): VersionFs {
  return { readFile: (file) => safely(() => fs.readFile(file)) };
}
