import { writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lookupSession, planLookup } from "../../src/core/lookup";
import { MYSQL_DRIVERS } from "../../src/core/lookup/drivers/mysql";
import { POSTGRES_DRIVERS } from "../../src/core/lookup/drivers/postgres";
import { nodeModulesFolders, requireProjectDriver } from "../../src/core/lookup/drivers/project-driver";
import { SQLSERVER_DRIVERS } from "../../src/core/lookup/drivers/sqlserver";
import { parse, schema1x } from "./fixtures";
import { closedPort } from "./network";
import { projectDriversOnly, REPO_MODULES, type TempProject, tempProject } from "./temp-project";

// Where the lookup finds the project's driver: real packages (symlinked from this repository)
// in npm and pnpm layouts, required the way the app itself would require them.

const projects: TempProject[] = [];
const project = () => {
  const created = tempProject();
  projects.push(created);
  return created;
};
afterEach(() => {
  for (const created of projects.splice(0)) created.remove();
});

describe("node_modules walk", () => {
  it("is the list Node itself searches, without its global folders", () => {
    const { dir } = project();
    for (const from of [join(dir, "apps/web/prisma"), join(dir, "node_modules/mssql/lib"), "/"]) {
      const nodes = createRequire(join(from, "x.js")).resolve.paths("pg")!.filter((path) => !(Module as unknown as { globalPaths: string[] }).globalPaths.includes(path));
      expect(nodeModulesFolders(from)).toEqual(nodes);
    }
  });

  it("finds a hoisted driver from a folder deep in the project, the nearest copy first", () => {
    const p = project();
    p.link("node_modules/pg", "pg");
    const deep = join(p.dir, "apps/web/prisma");
    expect(requireProjectDriver(POSTGRES_DRIVERS, deep)).toMatchObject({ dir: join(REPO_MODULES, "pg"), candidate: { chain: ["pg"] } });

    p.fakePackage("apps/web/node_modules/pg", "pg");
    writeFileSync(join(p.dir, "apps/web/node_modules/pg/index.js"), "module.exports = { nearest: true };");
    const nearest = requireProjectDriver(POSTGRES_DRIVERS, deep);
    expect(nearest?.dir).toBe(join(p.dir, "apps/web/node_modules/pg"));
    expect(nearest?.module).toEqual({ nearest: true });
  });

  it("prefers mysql2, then mariadb, then the mariadb Prisma's adapter brings", () => {
    const p = project();
    p.fakePackage("node_modules/@prisma/adapter-mariadb", "@prisma/adapter-mariadb");
    p.link("node_modules/@prisma/adapter-mariadb/node_modules/mariadb", "mariadb");
    const viaAdapter = requireProjectDriver(MYSQL_DRIVERS, p.dir);
    expect(viaAdapter?.candidate.chain).toEqual(["@prisma/adapter-mariadb", "mariadb"]);
    expect(typeof (viaAdapter?.module as typeof import("mariadb")).createConnection).toBe("function");

    p.link("node_modules/mariadb", "mariadb");
    expect(requireProjectDriver(MYSQL_DRIVERS, p.dir)?.candidate.chain).toEqual(["mariadb"]);
    p.link("node_modules/mysql2", "mysql2");
    const mysql2 = requireProjectDriver(MYSQL_DRIVERS, p.dir);
    expect(mysql2?.candidate.specifier).toBe("mysql2/promise");
    expect(mysql2?.module).toBe(require("mysql2/promise"));
  });

  it("finds tedious through Prisma's adapter and mssql in a pnpm store, with neither hoisted", () => {
    const p = project();
    const adapter = "node_modules/.pnpm/@prisma+adapter-mssql@7.10.0/node_modules";
    const mssql = "node_modules/.pnpm/mssql@12.2.0/node_modules";
    p.fakePackage(`${adapter}/@prisma/adapter-mssql`, "@prisma/adapter-mssql");
    p.linkInside(`${adapter}/mssql`, `${mssql}/mssql`);
    p.fakePackage(`${mssql}/mssql`, "mssql");
    p.linkInside("node_modules/@prisma/adapter-mssql", `${adapter}/@prisma/adapter-mssql`);
    expect(requireProjectDriver(SQLSERVER_DRIVERS, p.dir)).toBeUndefined();

    p.link(`${mssql}/tedious`, "tedious");
    const found = requireProjectDriver(SQLSERVER_DRIVERS, join(p.dir, "prisma"));
    expect(found?.candidate.chain).toEqual(["@prisma/adapter-mssql", "mssql", "tedious"]);
    expect(found?.dir).toBe(join(REPO_MODULES, "tedious"));
    expect(found?.module).toBe(require("tedious"));
  });

  it("finds tedious nested under mssql (npm, when versions conflict)", () => {
    const p = project();
    p.fakePackage("node_modules/mssql", "mssql");
    p.link("node_modules/mssql/node_modules/tedious", "tedious");
    expect(requireProjectDriver(SQLSERVER_DRIVERS, p.dir)?.candidate.chain).toEqual(["mssql", "tedious"]);
  });
});

describe("lookups through the project's driver", () => {
  const plan = (provider: string) => planLookup(parse(schema1x(provider)), "1.7.25");

  it("says which drivers it looked for, where, and the ways out, when the project has none", async () => {
    const { dir } = project();
    const baseDir = join(dir, "prisma");
    // The editor's configuration: pg bundled, MySQL/MariaDB and SQL Server from the project only.
    const editor = projectDriversOnly(["pg"]);
    const mysql = await lookupSession({ url: "mysql://root:pw@localhost/app", provider: "mysql", plan: plan("mysql"), token: "x".repeat(32), baseDir, connect: editor });
    expect(mysql.kind).toBe("connect-error");
    expect(mysql.message).toBe(
      `Cannot connect to mysql://root:***@localhost/app: no MySQL/MariaDB driver found: looked for mysql2, mariadb or @prisma/adapter-mariadb in ${baseDir}/node_modules and every node_modules above it up to /node_modules. ` +
        "Install one in the project (npm install mysql2), or use the CLI, which has every driver: npx better-auth-doctor cookie --lookup.",
    );
    const sqlServer = await lookupSession({ url: "sqlserver://localhost:1433;database=app", provider: "sqlserver", plan: plan("sqlserver"), token: "x".repeat(32), baseDir, connect: editor });
    expect(sqlServer.message).toBe(
      `Cannot connect to sqlserver://localhost:1433;database=app: no SQL Server driver found: looked for tedious, mssql or @prisma/adapter-mssql in ${baseDir}/node_modules and every node_modules above it up to /node_modules. ` +
        "Install one in the project (npm install tedious), or use the CLI, which has every driver: npx better-auth-doctor cookie --lookup.",
    );
  });

  it("connects to SQL Server with the tedious the project has through mssql", async () => {
    const p = project();
    p.fakePackage("node_modules/mssql", "mssql");
    p.link("node_modules/mssql/node_modules/tedious", "tedious");
    const port = await closedPort();
    const result = await lookupSession({ url: `sqlserver://127.0.0.1:${port};user=sa;password=pw;database=app`, provider: "sqlserver", plan: plan("sqlserver"), token: "x".repeat(32), baseDir: p.dir, timeoutMs: 2000, connect: projectDriversOnly() });
    expect(result.kind).toBe("connect-error");
    // tedious's own wording: the driver was loaded and tried the port.
    expect(result.message).toBe(`Cannot connect to sqlserver://127.0.0.1:${port};user=sa;password=***;database=app: Failed to connect to 127.0.0.1:${port} - Could not connect (sequence) (ESOCKET).`);
  });
});
