import path from "node:path";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import type { ReadText, TsconfigPaths } from "./types";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** A file for `candidate` as written, with a source extension, or as a folder index. */
function probe(candidate: string, readFile: ReadText): string | undefined {
  const ext = path.extname(candidate);
  if (EXTENSIONS.includes(ext)) {
    if (readFile(candidate) !== undefined) return candidate;
    // TypeScript's ESM style: `import "./plugins.js"` names the `plugins.ts` it compiles from.
    const stem = candidate.slice(0, -ext.length);
    for (const alt of [".ts", ".tsx", ".mts", ".cts"]) {
      if (readFile(stem + alt) !== undefined) return stem + alt;
    }
    return undefined;
  }
  for (const e of EXTENSIONS) if (readFile(candidate + e) !== undefined) return candidate + e;
  for (const e of EXTENSIONS) {
    const index = path.join(candidate, `index${e}`);
    if (readFile(index) !== undefined) return index;
  }
  return undefined;
}

/** Files `paths` maps `specifier` to, in TypeScript's order (longest prefix first). */
function pathCandidates(specifier: string, aliases: TsconfigPaths): string[] {
  let best: { prefixLength: number; targets: string[]; star: string } | undefined;
  for (const [pattern, targets] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf("*");
    if (star < 0) {
      if (pattern === specifier) return targets.map((t) => path.resolve(aliases.baseDir, t));
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
    if (best && best.prefixLength >= prefix.length) continue;
    best = { prefixLength: prefix.length, targets, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
  }
  if (!best) return [];
  const matched = best.star;
  return best.targets.map((t) => path.resolve(aliases.baseDir, t.replace("*", matched)));
}

/**
 * The source file an import names: relative specifiers from the importing file, else tsconfig
 * `paths`. Undefined for packages (their code is never read) and for files that do not exist.
 */
export function resolveImport(
  specifier: string,
  fromFile: string,
  aliases: TsconfigPaths[],
  readFile: ReadText,
): string | undefined {
  if (specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..") {
    return probe(path.resolve(path.dirname(fromFile), specifier), readFile);
  }
  if (path.isAbsolute(specifier)) return probe(specifier, readFile);
  for (const alias of aliases) {
    for (const candidate of pathCandidates(specifier, alias)) {
      const file = probe(candidate, readFile);
      if (file) return file;
    }
  }
  return undefined;
}

interface RawTsconfig {
  extends?: string | string[];
  compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
}

/**
 * `paths` of the nearest tsconfig.json (or jsconfig.json) at or above `fromDir`, following
 * relative `extends`. Package `extends` (`@tsconfig/next`) is not read: such bases set no paths.
 */
export function readTsconfigPaths(fromDir: string, readFile: ReadText, stopAt?: string): TsconfigPaths[] {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    for (const name of ["tsconfig.json", "jsconfig.json"]) {
      const file = path.join(dir, name);
      if (readFile(file) !== undefined) {
        const found = pathsOf(file, readFile, new Set());
        return found ? [found] : [];
      }
    }
    if (dir === stopAt || path.dirname(dir) === dir) return [];
  }
}

function pathsOf(file: string, readFile: ReadText, seen: Set<string>): TsconfigPaths | undefined {
  if (seen.has(file) || seen.size > 10) return undefined;
  seen.add(file);
  const errors: ParseError[] = [];
  const config = parseJsonc(readFile(file) ?? "", errors, { allowTrailingComma: true }) as RawTsconfig | undefined;
  if (errors.length > 0 || !config || typeof config !== "object") return undefined;
  const options = config.compilerOptions;
  if (options?.paths && typeof options.paths === "object") {
    const baseDir = path.resolve(path.dirname(file), typeof options.baseUrl === "string" ? options.baseUrl : ".");
    return { baseDir, paths: options.paths };
  }
  const parents = Array.isArray(config.extends) ? config.extends : config.extends ? [config.extends] : [];
  // TypeScript lets the last `extends` entry win.
  for (const parent of [...parents].reverse()) {
    if (typeof parent !== "string" || !parent.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), parent);
    const parentFile = target.endsWith(".json") ? target : `${target}.json`;
    const found = pathsOf(parentFile, readFile, seen);
    if (found) {
      const baseUrl = options?.baseUrl;
      return typeof baseUrl === "string" ? { ...found, baseDir: path.resolve(path.dirname(file), baseUrl) } : found;
    }
  }
  return undefined;
}
