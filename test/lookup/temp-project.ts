import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { connect, type OwnDriver } from "../../src/core/lookup/connect";
import type { LookupSessionOptions } from "../../src/core/lookup";

// Projects on disk whose node_modules hold the repository's real drivers through symlinks, laid
// out as npm (hoisted or nested) and pnpm (.pnpm store) write them.

export const REPO_MODULES = join(__dirname, "../../node_modules");

export interface TempProject {
  dir: string;
  /** A symlink at `at` (relative to the project) to the repository's installed `pkg`. */
  link(at: string, pkg: string): void;
  /** A symlink at `at` to `target`, both relative to the project (pnpm's links into its store). */
  linkInside(at: string, target: string): void;
  /** A stand-in package.json for a package that only depends on a driver (mssql, Prisma's adapters). */
  fakePackage(at: string, name: string): void;
  remove(): void;
}

export function tempProject(prefix = "bad-lookup-project-"): TempProject {
  // realpath: /tmp may itself be a symlink, and the resolver reports real folders.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
  return {
    dir,
    link(at, pkg) {
      mkdirSync(dirname(join(dir, at)), { recursive: true });
      symlinkSync(join(REPO_MODULES, pkg), join(dir, at), "dir");
    },
    linkInside(at, target) {
      mkdirSync(dirname(join(dir, at)), { recursive: true });
      symlinkSync(join(dir, target), join(dir, at), "dir");
    },
    fakePackage(at, name) {
      mkdirSync(join(dir, at), { recursive: true });
      writeFileSync(join(dir, at, "package.json"), JSON.stringify({ name, version: "0.0.0", main: "index.js" }));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Lookups whose driver can only come from the project (no fallback of the program's own), or from `own`. */
export function projectDriversOnly(own: readonly OwnDriver[] = []): NonNullable<LookupSessionOptions["connect"]> {
  return (provider, options) => connect(provider, options, own);
}
