import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";

// The editor bundles only the small drivers (pg, sql.js); MySQL/MariaDB and SQL Server drivers
// come from the project's own node_modules, where an app that talks to that database has one.
// Requiring them runs the workspace's code: the editor looks sessions up in trusted workspaces only.

/**
 * One way a project can hold a driver: the packages from the project down to the driver, e.g.
 * ["@prisma/adapter-mssql", "mssql", "tedious"] is the tedious that Prisma's adapter brings
 * through mssql. pnpm keeps such dependencies out of the project's own node_modules, so each
 * next package is looked for from the folder of the one before, as Node resolves it there.
 */
export interface DriverPackage {
  chain: readonly string[];
  /** What is required from the last package: "mysql2/promise". */
  specifier: string;
}

export interface ProjectDriver {
  candidate: DriverPackage;
  /** The driver's package folder (symlinks resolved). */
  dir: string;
  module: unknown;
}

/** The node_modules folders Node searches from `fromDir`, nearest first (never `node_modules/node_modules`). */
export function nodeModulesFolders(fromDir: string): string[] {
  const folders: string[] = [];
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") folders.push(join(dir, "node_modules"));
    if (dirname(dir) === dir) return folders;
  }
}

/** The folder holding `node_modules/<name>` nearest to `fromDir`, and the package's real folder. */
function findPackage(name: string, fromDir: string): { base: string; dir: string } | undefined {
  for (const folder of nodeModulesFolders(fromDir)) {
    if (existsSync(join(folder, name, "package.json"))) return { base: dirname(folder), dir: realpathSync(join(folder, name)) };
  }
  return undefined;
}

/** Where `candidate`'s driver is, looked for from `fromDir` as Node would, if the project has it. */
export function findProjectDriver(candidate: DriverPackage, fromDir: string): { base: string; dir: string } | undefined {
  let found: { base: string; dir: string } | undefined;
  let from = fromDir;
  for (const name of candidate.chain) {
    found = findPackage(name, from);
    if (!found) return undefined;
    from = found.dir;
  }
  return found;
}

/** The first candidate the project has, required from where it was found; undefined when it has none. */
export function requireProjectDriver(candidates: readonly DriverPackage[], fromDir: string): ProjectDriver | undefined {
  for (const candidate of candidates) {
    const found = findProjectDriver(candidate, fromDir);
    // Required from the folder it was found in, so the package's "exports" and its own dependencies resolve as in the app.
    if (found) return { candidate, dir: found.dir, module: createRequire(join(found.base, "package.json"))(candidate.specifier) };
  }
  return undefined;
}

/** A lookup that cannot run because neither the project nor this program has the database's driver. */
export class DriverMissing extends Error {
  override name = "DriverMissing";
}

/** The one message for a missing driver: what was looked for, where, and the two ways out. */
export function driverMissing(database: string, candidates: readonly DriverPackage[], fromDir: string): DriverMissing {
  const packages = [...new Set(candidates.map((candidate) => candidate.chain[0]))];
  const listed = packages.length > 1 ? `${packages.slice(0, -1).join(", ")} or ${packages.at(-1)}` : packages[0];
  const folders = nodeModulesFolders(fromDir);
  return new DriverMissing(
    `no ${database} driver found: looked for ${listed} in ${folders[0]} and every node_modules above it up to ${folders.at(-1)}. ` +
      `Install one in the project (npm install ${candidates[0].chain.at(-1)}), or use the CLI, which has every driver: npx better-auth-doctor cookie --lookup`,
  );
}

/**
 * The project's driver first (the app's own version, known to work with its database), else
 * this program's own (`own`, when it carries one), else DriverMissing. `candidate` says which
 * package was loaded, undefined for the program's own.
 */
export function loadDriver(database: string, candidates: readonly DriverPackage[], fromDir: string, own: (() => unknown) | undefined): { module: unknown; candidate?: DriverPackage } {
  const fromProject = requireProjectDriver(candidates, fromDir);
  if (fromProject) return fromProject;
  if (own) return { module: own() };
  throw driverMissing(database, candidates, fromDir);
}
