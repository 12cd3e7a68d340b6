import mysql, { type Connection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupSession, planLookup } from "../../src/core/lookup";
import { startMariaDb, type MariaDbServer } from "../migrations/servers";
import { betterAuthApp } from "./better-auth-app";
import { parse, schema1x } from "./fixtures";
import { closedPort } from "./network";
import { type Backend, lookupScenarios } from "./scenarios";
import { projectDriversOnly, type TempProject, tempProject } from "./temp-project";

// MariaDB started from the Debian package by test/migrations/servers.ts; Better Auth writes
// through its Kysely adapter on a mysql2/promise pool, the lookup reads through one mysql2 connection.

let server: MariaDbServer;
let backend: Backend;
let pool: mysql.Pool;
let admin: Connection;
// Apps whose node_modules hold mysql2, or the mariadb that Prisma 7's @prisma/adapter-mariadb brings.
let mysql2Project: TempProject;
let mariadbProject: TempProject;
const DB = "lookup";
const PASSWORD = "My-S3cret:pass@word/42";

beforeAll(async () => {
  server = await startMariaDb();
  admin = await server.database(DB);
  // UTC like Prisma writes DATETIME(3), so expiry checks hold whatever the machine's time zone.
  pool = mysql.createPool({ socketPath: server.socket, user: "root", database: DB, connectionLimit: 2, timezone: "Z" });
  const app = await betterAuthApp(pool);
  backend = {
    provider: "mysql",
    prismaProvider: "mysql",
    url: `mysql://root@localhost/${DB}?socket=${encodeURIComponent(server.socket)}`,
    app,
    exec: async (sql, params) => void (await admin.query(sql, params)),
    quote: (identifier) => `\`${identifier}\``,
    param: () => "?",
    // As Prisma writes DATETIME(3): UTC text (the admin connection would write a Date in local time).
    dateValue: (date) => date.toISOString().slice(0, 23).replace("T", " "),
  };
  await admin.query(`CREATE USER 'doctor'@'%' IDENTIFIED BY '${PASSWORD}'`);
  await admin.query(`CREATE USER 'doctor'@'localhost' IDENTIFIED BY '${PASSWORD}'`);
  await admin.query(`GRANT SELECT ON \`${DB}\`.* TO 'doctor'@'%'`);
  await admin.query(`GRANT SELECT ON \`${DB}\`.* TO 'doctor'@'localhost'`);
  mysql2Project = tempProject();
  mysql2Project.link("node_modules/mysql2", "mysql2");
  mariadbProject = tempProject();
  mariadbProject.fakePackage("node_modules/@prisma/adapter-mariadb", "@prisma/adapter-mariadb");
  mariadbProject.link("node_modules/@prisma/adapter-mariadb/node_modules/mariadb", "mariadb");
});

afterAll(async () => {
  mysql2Project?.remove();
  mariadbProject?.remove();
  await pool?.end();
  await server?.stop();
});

describe("session lookup on MariaDB", () => {
  lookupScenarios(() => backend);

  const plan = () => planLookup(parse(schema1x("mysql")), "1.7.25");

  it("connects over TCP with a password, read-only", async () => {
    const { token } = await backend.app.signUp();
    const url = `mysql://doctor:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}/${DB}`;
    const result = await lookupSession({ url, provider: "mysql", plan: plan(), token, timeoutMs: 3000 });
    expect(result.kind, result.message).toBe("found");
    expect(result.database).toBe(`mysql://doctor:***@127.0.0.1:${server.port}/${DB}`);
  });

  it("reports a wrong password clearly, within the timeout, without the password", async () => {
    const wrong = "Wr0ng-Pa55:word@x";
    const url = `mysql://doctor:${encodeURIComponent(wrong)}@127.0.0.1:${server.port}/${DB}`;
    const result = await lookupSession({ url, provider: "mysql", plan: plan(), token: "x".repeat(32), timeoutMs: 3000 });
    expect(result.kind).toBe("connect-error");
    expect(result.message).toMatch(/Access denied for user 'doctor'/);
    expect(result.elapsedMs).toBeLessThan(3000);
    for (const form of [wrong, encodeURIComponent(wrong)]) expect(JSON.stringify(result)).not.toContain(form);
  });

  it("reports a closed port within the timeout", async () => {
    const url = `mysql://doctor:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await closedPort()}/${DB}`;
    const result = await lookupSession({ url, provider: "mysql", plan: plan(), token: "x".repeat(32), timeoutMs: 2000 });
    expect(result.kind).toBe("connect-error");
    expect(result.message).toMatch(/ECONNREFUSED/);
    expect(result.elapsedMs).toBeLessThan(2500);
    expect(JSON.stringify(result)).not.toContain(encodeURIComponent(PASSWORD));
  });

  it("gives up on an unreachable host at the timeout", async () => {
    const url = `mysql://doctor:${encodeURIComponent(PASSWORD)}@10.255.255.1:3306/${DB}`;
    const result = await lookupSession({ url, provider: "mysql", plan: plan(), token: "x".repeat(32), timeoutMs: 1500 });
    expect(result.kind).toBe("connect-error");
    expect(result.elapsedMs).toBeLessThan(2500);
    expect(JSON.stringify(result)).not.toContain(encodeURIComponent(PASSWORD));
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});

// The editor carries no MySQL driver: these lookups can only load the one in the app's node_modules.
describe("session lookup on MariaDB through the project's mysql2", () => {
  lookupScenarios(() => ({ ...backend, baseDir: mysql2Project.dir, connect: projectDriversOnly() }));
});

describe("session lookup on MariaDB through the project's mariadb (Prisma 7's adapter)", () => {
  lookupScenarios(() => ({ ...backend, baseDir: mariadbProject.dir, connect: projectDriversOnly() }));

  const lookup = (url: string, token: string) =>
    lookupSession({ url, provider: "mysql", plan: planLookup(parse(schema1x("mysql")), "1.7.25"), token, timeoutMs: 3000, baseDir: mariadbProject.dir, connect: projectDriversOnly() });

  it("connects over TCP with a password", async () => {
    const { token, email } = await backend.app.signUp();
    const result = await lookup(`mysql://doctor:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}/${DB}`, token);
    expect(result.kind, result.message).toBe("found");
    expect(result.user?.email).toBe(email);
  });

  it("reports a wrong password clearly, without the password", async () => {
    const wrong = "Wr0ng-Pa55:word@x";
    const result = await lookup(`mysql://doctor:${encodeURIComponent(wrong)}@127.0.0.1:${server.port}/${DB}`, "x".repeat(32));
    expect(result.kind).toBe("connect-error");
    expect(result.message).toMatch(/Access denied for user 'doctor'/);
    for (const form of [wrong, encodeURIComponent(wrong)]) expect(JSON.stringify(result)).not.toContain(form);
  });
});
