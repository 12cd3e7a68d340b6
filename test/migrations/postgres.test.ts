import { afterAll, beforeAll } from "vitest";
import { prismaDiff } from "./prisma-engine";
import { describeMigrations, type DatabaseUnderTest } from "./scenarios";
import { startPostgres, type PostgresServer } from "./servers";
import { postgresStructure } from "./structure";

// A real PostgreSQL (Debian's, initdb'd into a temp dir, socket only) for the whole file.
let server: PostgresServer;
let target: DatabaseUnderTest;

beforeAll(async () => {
  server = await startPostgres();
  target = {
    provider: "postgresql",
    quote: (name) => `"${name}"`,
    ddl: (schema) => prismaDiff("postgres", schema),
    async open(name) {
      const client = await server.database(name);
      return {
        exec: async (sql) => void (await client.query(sql)),
        query: async (sql) => (await client.query(sql)).rows,
        structure: () => postgresStructure(client),
      };
    },
  };
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describeMigrations("PostgreSQL", () => target);
