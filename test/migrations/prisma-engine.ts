import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";

// Prisma's own schema engine (the `migrate diff` of Prisma 7, compiled to WebAssembly), used as
// the reference for "the SQL Prisma would create". Its npm build has the PostgreSQL and SQLite
// connectors but not MySQL (the engine panics there), so MariaDB's reference DDL is written by hand.
//
// How it is driven (the package is internal to Prisma and undocumented):
// - the .wasm is instantiated by hand: its JS glue `import`s the .wasm, which Node 20 cannot;
// - `SchemaEngine.new(options, log, adapter)` wants a driver adapter factory whose `connect()`
//   returns `{ ok: true, value: connection }`. Diffing two schemas never touches a database, but
//   the Postgres connector asks for the server version once, so the fake connection answers that.

type Provider = "postgres" | "sqlite";
type EngineModule = typeof engineModule;

let loaded: EngineModule | undefined;

// tsconfig's lib has no DOM, and @types/node 20 declares WebAssembly only as a type namespace.
const Wasm = (globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: object } };
}).WebAssembly;

function load(): EngineModule {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const instance = new Wasm.Instance(new Wasm.Module(readFileSync(wasmPath)), { "./schema_engine_bg.js": engineModule });
  engineModule.__wbg_set_wasm(instance.exports);
  // The engine reports Rust panics through this global before throwing.
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message: string) => console.error(message) };
  loaded = engineModule;
  return loaded;
}

const ok = <T>(value: T) => ({ ok: true as const, value });

function fakeAdapter(provider: Provider) {
  const connection = {
    provider,
    adapterName: "better-auth-doctor-test",
    async queryRaw(query: { sql: string }) {
      if (/version\(\)/.test(query.sql)) {
        // Boolean = 5, Text = 7, Int32 = 0 (@prisma/driver-adapter-utils ColumnTypeEnum).
        return ok({ columnNames: ["exists", "version", "numeric_version"], columnTypes: [5, 7, 0], rows: [[true, "PostgreSQL 15.0", 150000]] });
      }
      return ok({ columnNames: [], columnTypes: [], rows: [] });
    },
    async executeRaw() {
      return ok(0);
    },
    async executeScript() {
      return ok(undefined);
    },
    async startTransaction() {
      throw new Error("the test adapter has no transactions");
    },
    async dispose() {
      return ok(undefined);
    },
  };
  return { provider, adapterName: connection.adapterName, connect: async () => ok(connection), connectToShadowDb: async () => ok(connection) };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** `prisma migrate diff --from-(empty|schema) --to-schema --script`, from Prisma's engine. */
export async function prismaDiff(provider: Provider, to: string, from?: string): Promise<string> {
  const { SchemaEngine } = load();
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, fakeAdapter(provider));
  try {
    const result = await engine.diff({
      from: from === undefined ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: false,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

export function engineVersion(): string {
  return load().version();
}
