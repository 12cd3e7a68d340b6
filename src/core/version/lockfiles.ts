/**
 * Reads the locked `better-auth` version from each package manager's lock file.
 * Every reader takes the file's text and the schema folder relative to the lock file's folder
 * (posix, "" when they are the same), and returns an exact version or undefined; none throws.
 */
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import { exactVersion, newest, PACKAGE } from "./versions";

export interface LockfileReader {
  file: string;
  read(text: string, relDir: string): string | undefined;
}

/**
 * The YAML parser is half the extension bundle and only pnpm projects need it, so it is
 * required on first use rather than at activation.
 */
function parseYaml(text: string, options: { maxAliasCount: number }): unknown {
  return (require("yaml") as typeof import("yaml")).parse(text, options);
}

/** In the order detection tries them when one folder holds several. */
export const LOCKFILES: readonly LockfileReader[] = [
  { file: "package-lock.json", read: readNpmLock },
  { file: "npm-shrinkwrap.json", read: readNpmLock },
  { file: "pnpm-lock.yaml", read: readPnpmLock },
  { file: "yarn.lock", read: readYarnLock },
  { file: "bun.lock", read: readBunLock },
];

/**
 * Every lock file whose appearance, change or removal can change the installed version: the
 * ones read above, and bun.lockb, which is not read (binary) but is rewritten on each install.
 */
export const LOCKFILE_NAMES: readonly string[] = [...LOCKFILES.map((lockfile) => lockfile.file), "bun.lockb"];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** `a/b/c` -> [`a/b/c`, `a/b`, `a`, ``]: the folders Node's resolution would look in, nearest first. */
function ancestors(relDir: string): string[] {
  const parts = relDir.split("/").filter((p) => p && p !== ".");
  const out: string[] = [];
  for (let n = parts.length; n >= 0; n--) out.push(parts.slice(0, n).join("/"));
  return out;
}

/**
 * package-lock.json / npm-shrinkwrap.json. v2/v3 list installed paths under `packages`
 * (`node_modules/better-auth`, or `apps/web/node_modules/better-auth` when a workspace got
 * its own copy): take the one Node would resolve from the schema folder. v1 only has the
 * hoisted `dependencies["better-auth"].version`.
 */
export function readNpmLock(text: string, relDir: string): string | undefined {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(lock)) return undefined;
  const packages = lock.packages;
  if (isObject(packages)) {
    for (const dir of ancestors(relDir)) {
      const entry = packages[dir ? `${dir}/node_modules/${PACKAGE}` : `node_modules/${PACKAGE}`];
      const version = isObject(entry) ? exactVersion(entry.version) : undefined;
      if (version) return version;
    }
  }
  const dependencies = lock.dependencies;
  const v1 = isObject(dependencies) ? dependencies[PACKAGE] : undefined;
  return isObject(v1) ? exactVersion(v1.version) : undefined;
}

/**
 * A pnpm version reference, in any lockfile generation: `1.2.3`, `1.2.3(react@19.0.0)` (v6+
 * peer suffix), `1.2.3_react@18.2.0` (v5 peer suffix), `/better-auth@1.2.3` (v6 path),
 * `/better-auth/1.2.3` (v5 path). `link:`/`file:` references carry no version.
 */
function pnpmVersion(ref: unknown): string | undefined {
  if (typeof ref !== "string") return undefined;
  let value = ref.trim().split("(")[0].split("_")[0];
  if (value.includes("@")) value = value.slice(value.lastIndexOf("@") + 1);
  else if (value.includes("/")) value = value.slice(value.lastIndexOf("/") + 1);
  return exactVersion(value);
}

/** `better-auth` in one importer's dependency lists (v6+: `{specifier, version}`; v5: a string). */
function pnpmImporterVersion(importer: unknown): string | undefined {
  if (!isObject(importer)) return undefined;
  for (const kind of ["dependencies", "devDependencies", "optionalDependencies"]) {
    const deps = importer[kind];
    const dep = isObject(deps) ? deps[PACKAGE] : undefined;
    const version = pnpmVersion(isObject(dep) ? dep.version : dep);
    if (version) return version;
  }
  return undefined;
}

/**
 * pnpm-lock.yaml, v5 to v9. Workspaces list each package under `importers` by path (`.`,
 * `apps/web`); single-project lock files before v9 put the lists at the top level. Falls
 * back to the `packages` keys (`better-auth@1.2.3`, `/better-auth@1.2.3(...)`,
 * `/better-auth/1.2.3`) when no importer names better-auth.
 */
export function readPnpmLock(text: string, relDir: string): string | undefined {
  let lock: unknown;
  try {
    lock = parseYaml(text, { maxAliasCount: -1 });
  } catch {
    return undefined;
  }
  if (!isObject(lock)) return undefined;
  const importers = isObject(lock.importers) ? lock.importers : { ".": lock };
  for (const dir of ancestors(relDir)) {
    const version = pnpmImporterVersion(importers[dir || "."]);
    if (version) return version;
  }
  const packages = isObject(lock.packages) ? Object.keys(lock.packages) : [];
  const keyPattern = new RegExp(`^/?${PACKAGE}[@/]`);
  const locked = packages.filter((key) => keyPattern.test(key)).map(pnpmVersion);
  return newest(locked.filter((v): v is string => v !== undefined));
}

/** The package name of a yarn descriptor: `better-auth@^1`, `better-auth@npm:^1`, `@s/p@^1`. */
function yarnDescriptorName(descriptor: string): string {
  const at = descriptor.indexOf("@", 1);
  return at === -1 ? descriptor : descriptor.slice(0, at);
}

/**
 * yarn.lock, classic (`version "1.2.5"`) and berry (`version: 1.2.5`). An entry starts with an
 * unindented line listing its descriptors, e.g. `"better-auth@npm:^1.2.0, better-auth@npm:^1.2.3":`.
 * Yarn does not record which workspace uses which entry, so several versions give the newest.
 */
export function readYarnLock(text: string): string | undefined {
  const found: string[] = [];
  let inEntry = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const descriptors = line.replace(/:\s*$/, "").split(",").map((d) => d.trim().replace(/^"|"$/g, ""));
      inEntry = descriptors.some((d) => yarnDescriptorName(d) === PACKAGE);
      continue;
    }
    const match = inEntry ? /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line) : null;
    const version = match ? exactVersion(match[1]) : undefined;
    if (version) {
      found.push(version);
      inEntry = false;
    }
  }
  return newest(found);
}

/**
 * bun.lock (text lock file, Bun ≥ 1.2): JSONC whose `packages` map names to tuples
 * `["better-auth@1.2.3", registry, {deps}, integrity]`. Hoisted copies use the key
 * `better-auth`; others `<parent>/better-auth`. The binary bun.lockb is not read.
 */
export function readBunLock(text: string): string | undefined {
  // A file with errors is skipped like unreadable JSON, not half-read.
  const errors: ParseError[] = [];
  const lock: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) return undefined;
  if (!isObject(lock) || !isObject(lock.packages)) return undefined;
  const fromTuple = (tuple: unknown): string | undefined => {
    const id = Array.isArray(tuple) ? tuple[0] : undefined;
    return typeof id === "string" && id.startsWith(`${PACKAGE}@`) ? exactVersion(id.slice(PACKAGE.length + 1)) : undefined;
  };
  const hoisted = fromTuple(lock.packages[PACKAGE]);
  if (hoisted) return hoisted;
  const nested = Object.values(lock.packages).map(fromTuple);
  return newest(nested.filter((v): v is string => v !== undefined));
}
