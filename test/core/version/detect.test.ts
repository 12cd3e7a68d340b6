import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { detectBetterAuthVersion, type VersionFs } from "../../../src/core/version/detect";
import { maxSatisfying, publishedReadAt } from "../../../src/core/better-auth/versions";

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "ba-doctor-version-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function dir(rel: string): string {
  const full = path.join(root, rel);
  mkdirSync(full, { recursive: true });
  return full;
}

/**
 * Real files, but nothing above the temp root: a stray package.json or node_modules in
 * /tmp or / on the test machine must not change the outcome.
 */
function insideRoot(): VersionFs {
  return {
    readFile(file) {
      if (!file.startsWith(root + path.sep)) return undefined;
      try {
        return readFileSync(file, "utf8");
      } catch {
        return undefined;
      }
    },
  };
}

const detect = (rel: string, override?: string) => detectBetterAuthVersion(dir(rel), { override, fs: insideRoot() });
const installed = (version: string) => JSON.stringify({ name: "better-auth", version, type: "module", license: "MIT" });
const manifest = (deps: Record<string, Record<string, string>>) => JSON.stringify({ name: "app", private: true, ...deps }, null, 2);

// ---- realistic lock file snippets -------------------------------------------------------

const npmLockV3 = (version: string) => `{
  "name": "app",
  "version": "0.1.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "app",
      "version": "0.1.0",
      "dependencies": {
        "better-auth": "^1.2.0"
      }
    },
    "node_modules/better-auth": {
      "version": "${version}",
      "resolved": "https://registry.npmjs.org/better-auth/-/better-auth-${version}.tgz",
      "integrity": "sha512-OglRnzasyXpZHMceZBW76tQRbS6lSJhqkxm0l/7db1qJ415ecD1YkKHgOUCvmPbVDLJiB4/fumD2vw2hf+1VCQ==",
      "license": "MIT",
      "dependencies": {
        "@better-auth/core": "${version}",
        "better-call": "1.4.5"
      }
    },
    "node_modules/better-call": {
      "version": "1.4.5",
      "resolved": "https://registry.npmjs.org/better-call/-/better-call-1.4.5.tgz",
      "license": "MIT"
    }
  }
}
`;

const npmLockV1 = `{
  "name": "legacy-app",
  "version": "1.0.0",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "better-auth": {
      "version": "0.8.8",
      "resolved": "https://registry.npmjs.org/better-auth/-/better-auth-0.8.8.tgz",
      "integrity": "sha512-AAAA==",
      "requires": {
        "better-call": "0.2.13"
      }
    },
    "better-call": {
      "version": "0.2.13",
      "resolved": "https://registry.npmjs.org/better-call/-/better-call-0.2.13.tgz",
      "integrity": "sha512-BBBB=="
    }
  }
}
`;

const npmLockWorkspaces = `{
  "name": "monorepo",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": { "name": "monorepo", "workspaces": ["apps/*"] },
    "apps/legacy": { "name": "legacy", "dependencies": { "better-auth": "0.8.8" } },
    "apps/legacy/node_modules/better-auth": { "version": "0.8.8", "resolved": "https://registry.npmjs.org/better-auth/-/better-auth-0.8.8.tgz" },
    "apps/web": { "name": "web", "dependencies": { "better-auth": "^1.3.0" } },
    "node_modules/better-auth": { "version": "1.3.34", "resolved": "https://registry.npmjs.org/better-auth/-/better-auth-1.3.34.tgz" },
    "node_modules/legacy": { "resolved": "apps/legacy", "link": true },
    "node_modules/web": { "resolved": "apps/web", "link": true }
  }
}
`;

const pnpmV9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@prisma/client':
        specifier: ^6.5.0
        version: 6.5.0(prisma@6.5.0(typescript@5.8.2))(typescript@5.8.2)
      better-auth:
        specifier: ^1.2.7
        version: 1.2.7(react-dom@19.1.0(react@19.1.0))(react@19.1.0)

packages:

  better-auth@1.2.7:
    resolution: {integrity: sha512-2hCB263GSrgetsMUZw8vv9O1e4S4AlYJW3P4e8bX9u3Q3idv4u9BzDFCblpTLuL4YjYovghMYN0QLkYUoizQQ==}
    peerDependencies:
      react: ^18.0.0 || ^19.0.0

snapshots:

  better-auth@1.2.7(react-dom@19.1.0(react@19.1.0))(react@19.1.0):
    dependencies:
      better-call: 1.0.8
`;

const pnpmV9Workspace = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      turbo:
        specifier: ^2.5.0
        version: 2.5.0

  apps/legacy:
    dependencies:
      better-auth:
        specifier: 0.8.8
        version: 0.8.8(typescript@5.8.2)

  apps/web:
    dependencies:
      better-auth:
        specifier: 'catalog:'
        version: 1.4.22

  packages/ui:
    dependencies:
      react:
        specifier: ^19.1.0
        version: 19.1.0

packages:

  better-auth@0.8.8:
    resolution: {integrity: sha512-AAAA==}

  better-auth@1.4.22:
    resolution: {integrity: sha512-BBBB==}
`;

const pnpmV6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  better-auth:
    specifier: ^1.0.0
    version: 1.0.0(typescript@5.3.3)

packages:

  /better-auth@1.0.0(typescript@5.3.3):
    resolution: {integrity: sha512-CCCC==}
    peerDependencies:
      typescript: '*'
    dev: false
`;

const pnpmV6PackagesOnly = `lockfileVersion: '6.0'

dependencies:
  my-auth-kit:
    specifier: ^2.0.0
    version: 2.0.0

packages:

  /better-auth@1.1.4(typescript@5.3.3):
    resolution: {integrity: sha512-DDDD==}
    dev: false

  /my-auth-kit@2.0.0:
    resolution: {integrity: sha512-EEEE==}
    dependencies:
      better-auth: 1.1.4(typescript@5.3.3)
    dev: false
`;

const pnpmV5 = `lockfileVersion: 5.4

specifiers:
  better-auth: ^0.8.0
  typescript: ^5.0.4

dependencies:
  better-auth: 0.8.8_typescript@5.0.4

devDependencies:
  typescript: 5.0.4

packages:

  /better-auth/0.8.8_typescript@5.0.4:
    resolution: {integrity: sha512-FFFF==}
    dev: false
`;

const yarnClassic = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@better-auth/core@1.2.5":
  version "1.2.5"
  resolved "https://registry.yarnpkg.com/@better-auth/core/-/core-1.2.5.tgz#abc"
  integrity sha512-GGGG==

better-auth-ui@^0.4.0:
  version "0.4.1"
  resolved "https://registry.yarnpkg.com/better-auth-ui/-/better-auth-ui-0.4.1.tgz#def"

better-auth@^1.2.0, better-auth@^1.2.3:
  version "1.2.5"
  resolved "https://registry.yarnpkg.com/better-auth/-/better-auth-1.2.5.tgz#0123"
  integrity sha512-HHHH==
  dependencies:
    "@better-auth/core" "1.2.5"
    better-call "^1.0.0"

better-call@^1.0.0:
  version "1.0.8"
  resolved "https://registry.yarnpkg.com/better-call/-/better-call-1.0.8.tgz#4567"
`;

const yarnBerry = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    better-auth: "npm:^1.2.0"
  languageName: unknown
  linkType: soft

"better-auth@npm:^1.2.0":
  version: 1.3.7
  resolution: "better-auth@npm:1.3.7"
  dependencies:
    better-call: "npm:^1.0.13"
  checksum: 10c0/abcdef
  languageName: node
  linkType: hard
`;

const yarnAliasesOnly = `# yarn lockfile v1


"@acme/better-auth@^2.0.0":
  version "2.0.0"

"better-auth-0.8@npm:better-auth@0.8.8":
  version "0.8.8"
`;

const bunLock = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "better-auth": "^1.2.0", // auth
        "next": "15.3.0",
      },
    },
  },
  /* resolved packages */
  "packages": {
    "@better-auth/core": ["@better-auth/core@1.2.9", "", {}, "sha512-IIII=="],
    "better-auth": ["better-auth@1.2.9", "", { "dependencies": { "better-call": "^1.0.8" } }, "sha512-JJJJ=="],
    "better-call": ["better-call@1.0.8", "", {}, "sha512-KKKK=="],
  }
}
`;

// ---- tests -------------------------------------------------------------------------------

describe("override", () => {
  it("wins over everything and is normalised", () => {
    write("node_modules/better-auth/package.json", installed("1.7.25"));
    expect(detect("prisma", "0.8.8")).toEqual({ version: "0.8.8", source: "override" });
    expect(detect("prisma", " v1.2.3 ")).toEqual({ version: "1.2.3", source: "override" });
    // A range means what installing it gives: the newest known release it allows.
    expect(detect("prisma", "1.2")).toEqual({ version: "1.2.12", source: "override", range: "1.2", resolvedBy: "newest" });
    expect(detect("prisma", "^0.8.0")).toEqual({ version: "0.8.8", source: "override", range: "^0.8.0", resolvedBy: "newest" });
  });

  it("blank or meaningless overrides fall through to detection", () => {
    write("node_modules/better-auth/package.json", installed("1.7.25"));
    for (const override of ["", "   ", "latest", "*", "workspace:*"]) {
      expect(detect("prisma", override).source, override).toBe("installed");
    }
  });
});

describe("installed package", () => {
  it("reads node_modules/better-auth/package.json beside the schema folder's ancestors", () => {
    const file = write("node_modules/better-auth/package.json", installed("1.7.25"));
    expect(detect("prisma")).toEqual({ version: "1.7.25", source: "installed", file });
  });

  it("works with the default file system", () => {
    const file = write("node_modules/better-auth/package.json", installed("1.3.0-beta.4"));
    expect(detectBetterAuthVersion(dir("prisma/schema"))).toEqual({ version: "1.3.0-beta.4", source: "installed", file });
  });
});

describe("lock files", () => {
  it("package-lock.json v3", () => {
    const file = write("package-lock.json", npmLockV3("1.7.25"));
    expect(detect("prisma")).toEqual({ version: "1.7.25", source: "lockfile", file });
  });

  it("package-lock.json v1", () => {
    write("package-lock.json", npmLockV1);
    expect(detect("prisma").version).toBe("0.8.8");
  });

  it("npm-shrinkwrap.json", () => {
    write("npm-shrinkwrap.json", npmLockV3("1.1.0"));
    expect(detect("prisma").version).toBe("1.1.0");
  });

  it("package-lock.json workspaces: the copy Node resolves from the schema's folder", () => {
    write("package-lock.json", npmLockWorkspaces);
    expect(detect("apps/legacy/prisma").version).toBe("0.8.8");
    expect(detect("apps/web/prisma").version).toBe("1.3.34");
    expect(detect("prisma").version).toBe("1.3.34");
  });

  it("pnpm-lock.yaml v9 with peer suffixes", () => {
    const file = write("pnpm-lock.yaml", pnpmV9);
    expect(detect("prisma")).toEqual({ version: "1.2.7", source: "lockfile", file });
  });

  it("pnpm-lock.yaml v9 workspace: the importer the schema lives in", () => {
    write("pnpm-lock.yaml", pnpmV9Workspace);
    expect(detect("apps/legacy/prisma").version).toBe("0.8.8");
    expect(detect("apps/web/prisma").version).toBe("1.4.22");
    // No importer under packages/ui names better-auth, nor `.`: fall back to the newest locked.
    expect(detect("packages/ui").version).toBe("1.4.22");
  });

  it("pnpm-lock.yaml v6, top-level dependencies", () => {
    write("pnpm-lock.yaml", pnpmV6);
    expect(detect("prisma").version).toBe("1.0.0");
  });

  it("pnpm-lock.yaml v6, only a packages entry (transitive dependency)", () => {
    write("pnpm-lock.yaml", pnpmV6PackagesOnly);
    expect(detect("prisma").version).toBe("1.1.4");
  });

  it("pnpm-lock.yaml v5 with underscore peer suffixes", () => {
    write("pnpm-lock.yaml", pnpmV5);
    expect(detect("prisma").version).toBe("0.8.8");
  });

  it("pnpm-lock.yaml v9, packages keys only", () => {
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\npackages:\n\n  better-auth@1.2.3:\n    resolution: {integrity: sha512-LLLL==}\n");
    expect(detect("prisma").version).toBe("1.2.3");
  });

  it("yarn.lock classic, with look-alike package names around it", () => {
    const file = write("yarn.lock", yarnClassic);
    expect(detect("prisma")).toEqual({ version: "1.2.5", source: "lockfile", file });
  });

  it("yarn.lock berry", () => {
    write("yarn.lock", yarnBerry);
    expect(detect("prisma").version).toBe("1.3.7");
  });

  it("yarn.lock: scoped look-alikes and aliases named otherwise are not better-auth", () => {
    write("yarn.lock", yarnAliasesOnly);
    expect(detect("prisma")).toEqual({ version: null, source: "assumed" });
  });

  it("bun.lock (JSONC with comments and trailing commas)", () => {
    const file = write("bun.lock", bunLock);
    expect(detect("prisma")).toEqual({ version: "1.2.9", source: "lockfile", file });
  });

  it("bun.lock: a non-hoisted copy when no hoisted one exists", () => {
    write("bun.lock", '{\n  "lockfileVersion": 1,\n  "packages": {\n    "web/better-auth": ["better-auth@1.5.0", "", {}, "sha512-MMMM=="],\n  },\n}\n');
    expect(detect("prisma").version).toBe("1.5.0");
  });

  it("a lock file without better-auth is no hit", () => {
    write("package-lock.json", '{"name":"x","lockfileVersion":3,"packages":{"":{"name":"x"}}}');
    write("pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .: {}\n");
    expect(detect("prisma")).toEqual({ version: null, source: "assumed" });
  });
});

describe("package.json range", () => {
  it("takes the version a fresh install resolves (the newest known release the range allows), in any dependency list", () => {
    const file = write("package.json", manifest({ dependencies: { "better-auth": "~1.2.0" } }));
    expect(detect("prisma")).toEqual({ version: "1.2.12", source: "package.json", file, range: "~1.2.0", resolvedBy: "newest" });
    write("package.json", manifest({ devDependencies: { "better-auth": "~0.8.6" } }));
    expect(detect("prisma").version).toBe("0.8.8");
    write("package.json", manifest({ peerDependencies: { "better-auth": ">=1.7.0 <1.7.3" } }));
    expect(detect("prisma").version).toBe("1.7.2");
    write("package.json", manifest({ dependencies: { "better-auth": "npm:better-auth@~1.4.0" } }));
    expect(detect("prisma").version).toBe(maxSatisfying("~1.4.0"));
    write("package.json", manifest({ dependencies: { "better-auth": "^1.7" } }));
    expect(detect("prisma").version).toBe(maxSatisfying("^1.7"));
  });

  it("a range no known release satisfies falls back to its lowest version, and says so", () => {
    const file = write("package.json", manifest({ dependencies: { "better-auth": "^9.1.0" } }));
    expect(detect("prisma")).toEqual({ version: "9.1.0", source: "package.json", file, range: "^9.1.0", resolvedBy: "lowest" });
  });

  it("skips ranges that name no version and keeps walking up", () => {
    write("package.json", manifest({ dependencies: { "better-auth": "^1.1.0" } }));
    for (const range of ["workspace:*", "catalog:", "catalog:auth", "latest", "*", "github:better-auth/better-auth", "git+https://github.com/better-auth/better-auth.git", "https://example.com/better-auth.tgz", "file:../better-auth", "link:../ba"]) {
      write("apps/web/package.json", manifest({ dependencies: { "better-auth": range } }));
      expect(detect("apps/web/prisma"), range).toMatchObject({ version: maxSatisfying("^1.1.0"), source: "package.json", file: path.join(root, "package.json") });
    }
  });

  it("the nearest package.json with a range wins", () => {
    write("package.json", manifest({ dependencies: { "better-auth": "^1.1.0" } }));
    const file = write("apps/web/package.json", manifest({ dependencies: { "better-auth": "^0.8.0" } }));
    expect(detect("apps/web/prisma")).toEqual({ version: "0.8.8", source: "package.json", file, range: "^0.8.0", resolvedBy: "newest" });
  });
});

describe("order across the walk", () => {
  it("installed beats lock file beats package.json in the same folder", () => {
    write("package.json", manifest({ dependencies: { "better-auth": "^1.0.0" } }));
    write("package-lock.json", npmLockV3("1.2.12"));
    expect(detect("prisma")).toMatchObject({ version: "1.2.12", source: "lockfile" });
    write("node_modules/better-auth/package.json", installed("1.7.25"));
    expect(detect("prisma")).toMatchObject({ version: "1.7.25", source: "installed" });
  });

  it("monorepo: the root's node_modules beats the package's own lock file and range", () => {
    write("node_modules/better-auth/package.json", installed("1.7.25"));
    write("apps/web/package.json", manifest({ dependencies: { "better-auth": "^1.0.0" } }));
    write("apps/web/pnpm-lock.yaml", pnpmV6);
    expect(detect("apps/web/prisma")).toMatchObject({ version: "1.7.25", source: "installed" });
  });

  it("monorepo: the root lock file beats the package's range", () => {
    write("pnpm-lock.yaml", pnpmV9);
    write("apps/web/package.json", manifest({ dependencies: { "better-auth": "^1.0.0" } }));
    expect(detect("apps/web/prisma")).toMatchObject({ version: "1.2.7", source: "lockfile" });
  });

  it("the nearest installed copy wins, as in Node's resolution", () => {
    write("node_modules/better-auth/package.json", installed("1.7.25"));
    const file = write("apps/legacy/node_modules/better-auth/package.json", installed("0.8.8"));
    expect(detect("apps/legacy/prisma")).toEqual({ version: "0.8.8", source: "installed", file });
  });

  it("the nearest lock file wins", () => {
    write("yarn.lock", yarnClassic);
    write("apps/web/bun.lock", bunLock);
    expect(detect("apps/web/prisma").version).toBe("1.2.9");
  });

  it("within one folder, package-lock.json is read before pnpm, yarn and bun", () => {
    write("package-lock.json", npmLockV3("1.0.0"));
    write("pnpm-lock.yaml", pnpmV9);
    write("yarn.lock", yarnClassic);
    expect(detect("prisma").version).toBe("1.0.0");
  });

  it("nothing found: assumed, no version", () => {
    expect(detect("prisma")).toEqual({ version: null, source: "assumed" });
  });
});

describe("garbage never throws and is skipped", () => {
  it("unparseable files fall through to the next source", () => {
    write("node_modules/better-auth/package.json", "{ not json");
    write("package-lock.json", "\u0000\u0001binary");
    write("pnpm-lock.yaml", "importers: [unclosed\n  - : : :");
    write("yarn.lock", '"better-auth@^1":\n  version "not-a-version"\n');
    write("bun.lock", "{ packages: oops ");
    write("package.json", manifest({ dependencies: { "better-auth": "~1.2.0" } }));
    expect(detect("prisma")).toMatchObject({ version: "1.2.12", source: "package.json" });
  });

  it("wrong shapes are skipped", () => {
    write("node_modules/better-auth/package.json", JSON.stringify({ version: 17 }));
    write("package-lock.json", JSON.stringify({ packages: { "node_modules/better-auth": "1.2.0" }, dependencies: [] }));
    write("pnpm-lock.yaml", "- just\n- a list\n");
    write("package.json", JSON.stringify(["better-auth"]));
    expect(detect("prisma")).toEqual({ version: null, source: "assumed" });
  });

  it("a throwing injected fs is treated as missing files", () => {
    const fs: VersionFs = {
      readFile() {
        throw new Error("EACCES");
      },
    };
    expect(detectBetterAuthVersion(dir("prisma"), { fs })).toEqual({ version: null, source: "assumed" });
  });

  it("any file contents: returns a DetectedVersion, never throws", () => {
    const names = ["node_modules/better-auth/package.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "package.json"];
    const schemaDir = path.join(path.sep, "repo", "apps", "web", "prisma");
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), fc.string({ unit: "binary", maxLength: 200 })), fc.boolean(), (files, nested) => {
        const base = nested ? path.join(path.sep, "repo", "apps", "web") : path.join(path.sep, "repo");
        const fs: VersionFs = { readFile: (file) => files[path.relative(base, file).split(path.sep).join("/")] };
        const result = detectBetterAuthVersion(schemaDir, { fs });
        expect(["installed", "lockfile", "package.json", "assumed"]).toContain(result.source);
        expect(result.version === null || typeof result.version === "string").toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("how messages name a version from package.json", () => {
  it("says how a range became the version, and nothing extra for an exact pin", async () => {
    const { versionLabel } = await import("../../../src/core/lint/version-label");
    const { layoutFor } = await import("../../../src/core/better-auth/core-schema");
    const layout = layoutFor("1.7.25");
    write("package.json", manifest({ dependencies: { "better-auth": "~1.7.24" } }));
    expect(versionLabel(detect("prisma"), layout)).toBe(`Better Auth ${maxSatisfying("~1.7.24")} (newest allowed by ~1.7.24 in package.json)`);
    write("package.json", manifest({ dependencies: { "better-auth": "^9.1.0" } }));
    expect(versionLabel(detect("prisma"), layout)).toBe(`Better Auth 9.1.0 (lowest allowed by ^9.1.0 in package.json: no release known on ${publishedReadAt} matches it)`);
    write("package.json", manifest({ dependencies: { "better-auth": "1.2.0" } }));
    expect(versionLabel(detect("prisma"), layout)).toBe("Better Auth 1.2.0");
    expect(versionLabel(detect("prisma", "0.8"), layout)).toBe("Better Auth 0.8.8 (newest allowed by 0.8)");
  });
});
