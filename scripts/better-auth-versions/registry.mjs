// Registry access for extract.mjs: the list of published versions and cached tarballs.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import semver from "semver";

const run = promisify(execFile);

export const FIRST_VERSION = "0.4.0";

/** Every stable version of `name` (better-auth: ≥ 0.4.0), ascending. */
export async function stableVersions(name = "better-auth", first = FIRST_VERSION) {
  const { stdout } = await run("npm", ["view", name, "versions", "--json"], { maxBuffer: 1 << 24 });
  return [JSON.parse(stdout)]
    .flat()
    .filter((v) => semver.valid(v) && semver.prerelease(v) === null && semver.gte(v, first))
    .sort(semver.compare);
}

/** npm pack's file name for a package (scopes become `scope-name`). */
export function tarballName(name, version) {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

/**
 * Downloads `name@version` tarballs that are not in `dir` yet. npm pack takes many specs at once,
 * which is far faster than one process per version.
 */
export async function packAll(dir, specs, batch = 25) {
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  const missing = specs.filter(({ name, version }) => !have.has(tarballName(name, version)));
  for (let i = 0; i < missing.length; i += batch) {
    const part = missing.slice(i, i + batch).map(({ name, version }) => `${name}@${version}`);
    await run("npm", ["pack", "--silent", "--pack-destination", dir, ...part], { maxBuffer: 1 << 24 });
  }
  return specs.map(({ name, version }) => join(dir, tarballName(name, version))).filter((f) => existsSync(f));
}

/** Unpacks a tarball's `package/` folder into `dir` once. */
export async function unpack(tarball, dir) {
  if (existsSync(join(dir, "package.json"))) return dir;
  mkdirSync(dir, { recursive: true });
  await run("tar", ["xzf", tarball, "-C", dir, "--strip-components=1"]);
  return dir;
}
