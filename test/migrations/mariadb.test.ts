import { afterAll, beforeAll } from "vitest";
import { mariadbDdl } from "./mariadb-ddl";
import { describeMigrations, type DatabaseUnderTest } from "./scenarios";
import { startMariaDb, type MariaDbServer } from "./servers";
import { mariadbStructure } from "./structure";

// A real MariaDB (Debian's mariadbd with a temp datadir and socket) standing in for MySQL.
let server: MariaDbServer;
let target: DatabaseUnderTest;

beforeAll(async () => {
  server = await startMariaDb();
  target = {
    provider: "mysql",
    quote: (name) => `\`${name}\``,
    ddl: async (_schema, layout) => mariadbDdl(layout),
    async open(name) {
      const connection = await server.database(name);
      return {
        exec: async (sql) => void (await connection.query(sql)),
        query: async (sql) => (await connection.query(sql))[0] as Record<string, unknown>[],
        structure: () => mariadbStructure(connection),
      };
    },
  };
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describeMigrations("MariaDB (mysql provider)", () => target);
