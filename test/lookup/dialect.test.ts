import { describe, expect, it } from "vitest";
import { dialectFor, normalizeProvider, providerFromUrl, unusableUrlReason } from "../../src/core/lookup";
import { urlSchema } from "../../src/core/lookup/connect";
import { mysqlConfig } from "../../src/core/lookup/drivers/mysql";
import { postgresConfig } from "../../src/core/lookup/drivers/postgres";
import { sqlitePath } from "../../src/core/lookup/drivers/sqlite";
import { parseSqlServerUrl, sqlServerConfig } from "../../src/core/lookup/drivers/sqlserver-config";
import { classifyQueryError } from "../../src/core/lookup/query-errors";

// SQL Server has no server in this test setup: its SQL text, URL parsing and error codes are
// checked here only. CockroachDB shares PostgreSQL's driver and SQL (tested against PostgreSQL).

describe("SQL per database", () => {
  it("quotes identifiers and binds the token as a parameter", () => {
    const table = { name: "auth_session", schema: "auth" };
    expect(dialectFor("postgresql").selectOneBy(table, "session_token")).toBe('SELECT * FROM "auth"."auth_session" WHERE "session_token" = $1 LIMIT 1');
    expect(dialectFor("cockroachdb").selectOneBy({ name: 'we"ird' }, "token")).toBe('SELECT * FROM "we""ird" WHERE "token" = $1 LIMIT 1');
    expect(dialectFor("mysql").selectOneBy({ name: "session" }, "to`ken")).toBe("SELECT * FROM `session` WHERE `to``ken` = ? LIMIT 1");
    expect(dialectFor("sqlite").selectOneBy(table, "token")).toBe('SELECT * FROM "auth_session" WHERE "token" = ? LIMIT 1');
  });

  it("writes SQL Server's TOP, brackets and @p1", () => {
    const sqlserver = dialectFor("sqlserver");
    expect(sqlserver.selectOneBy({ name: "session", schema: "dbo" }, "token")).toBe("SELECT TOP (1) * FROM [dbo].[session] WHERE [token] = @p1");
    expect(sqlserver.selectOneBy({ name: "odd]name" }, "id")).toBe("SELECT TOP (1) * FROM [odd]]name] WHERE [id] = @p1");
    expect(sqlserver.param(2)).toBe("@p2");
    expect(sqlserver.listTables).toMatch(/^SELECT TOP \(500\) TABLE_SCHEMA AS \[schema\], TABLE_NAME AS \[name\] FROM INFORMATION_SCHEMA.TABLES/);
    expect(sqlserver.readOnly).toBeUndefined();
  });

  it("classifies SQL Server's missing table, column and conversion errors", () => {
    expect(classifyQueryError("sqlserver", { number: 208, message: "Invalid object name 'sessions'." })).toBe("table-missing");
    expect(classifyQueryError("sqlserver", { number: 207 })).toBe("column-missing");
    expect(classifyQueryError("sqlserver", { number: 8169 })).toBe("type-mismatch");
    expect(classifyQueryError("postgresql", { code: "42P01" })).toBe("table-missing");
    expect(classifyQueryError("mysql", { errno: 1054 })).toBe("column-missing");
    expect(classifyQueryError("sqlite", new Error("no such table: sessions"))).toBe("table-missing");
  });
});

describe("driver settings from Prisma URLs", () => {
  it("parses Prisma's SQL Server connection string into tedious settings", () => {
    expect(parseSqlServerUrl("sqlserver://db.example.com:1434;database=app;user=sa;password={a;b}}c};encrypt=false;schema=auth")).toEqual({
      host: "db.example.com",
      port: 1434,
      params: { database: "app", user: "sa", password: "a;b}c", encrypt: "false", schema: "auth" },
    });
    const { config, schema } = sqlServerConfig("sqlserver://localhost\\SQLEXPRESS;Database=app;UID=sa;PWD=pw;TrustServerCertificate=true", 2500);
    expect(schema).toBeUndefined();
    expect(config).toMatchObject({
      server: "localhost",
      authentication: { type: "default", options: { userName: "sa", password: "pw" } },
      options: { instanceName: "SQLEXPRESS", database: "app", encrypt: true, trustServerCertificate: true, connectTimeout: 2500, requestTimeout: 2500, readOnlyIntent: true },
    });
    expect(urlSchema("sqlserver", "sqlserver://h;database=d;schema=auth")).toBe("auth");
  });

  it("drops Prisma-only parameters for pg and keeps ?schema= for table names", () => {
    const { config, schema } = postgresConfig("postgresql://u:p@h:5433/db?schema=auth&connection_limit=5&sslmode=disable", 1000);
    expect(schema).toBe("auth");
    expect(config.connectionString).toBe("postgresql://u:p@h:5433/db?sslmode=disable");
    expect(config).toMatchObject({ connectionTimeoutMillis: 1000, query_timeout: 1000, statement_timeout: 1000 });
  });

  it("turns mysql URLs (socket, encoded password) into mysql2 options", () => {
    expect(mysqlConfig("mysql://root:p%40ss@localhost/app?socket=/run/mysqld.sock", 900)).toMatchObject({ socketPath: "/run/mysqld.sock", user: "root", password: "p@ss", database: "app", connectTimeout: 900, timezone: "Z" });
    expect(mysqlConfig("mariadb://u@10.0.0.2:3307/app", 900)).toMatchObject({ host: "10.0.0.2", port: 3307 });
  });

  it("resolves SQLite paths like Prisma and recognises providers", () => {
    expect(sqlitePath("file:./dev.db?connection_limit=1", "/p/prisma")).toBe("/p/prisma/dev.db");
    expect(sqlitePath("file:/abs/my%20db.sqlite", "/p")).toBe("/abs/my db.sqlite");
    expect(sqlitePath("file:///abs/x.db", "/p")).toBe("/abs/x.db");
    expect(normalizeProvider("postgres")).toBe("postgresql");
    expect(normalizeProvider("mongodb")).toBeUndefined();
    expect(providerFromUrl("mariadb://h/d")).toBe("mysql");
    expect(providerFromUrl("file:dev.db")).toBe("sqlite");
    expect(unusableUrlReason("prisma+postgres://accelerate.prisma-data.net/?api_key=x")).toMatch(/directUrl/);
  });
});
