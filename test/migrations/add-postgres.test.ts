import { afterAll, beforeAll } from "vitest";
import { describeAddMigrations, type AddTarget } from "./add-scenarios";
import { prismaDiff } from "./prisma-engine";
import { startPostgres, type PostgresServer } from "./servers";
import { postgresStructure } from "./structure";

// Adding tables and columns on a real PostgreSQL, compared with what Prisma's engine creates.
let server: PostgresServer;
let target: AddTarget;

beforeAll(async () => {
  server = await startPostgres();
  target = {
    provider: "postgresql",
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

describeAddMigrations("PostgreSQL", () => target);
