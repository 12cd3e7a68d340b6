import { describe, expect, it } from "vitest";
import { dialectFor, planJwks } from "../../src/core/lookup";
import { parse, schema1x } from "./fixtures";
import { JWKS_MODEL } from "./jwt-plugin-app";

// Where the jwt plugin's keys are: the model Better Auth's Prisma adapter asks for (modelName,
// usePlural), its @@map/@@schema and @map'ed columns; Better Auth's default name without a model.

describe("planJwks", () => {
  it("reads the generated Jwks model", () => {
    expect(planJwks(parse(schema1x("postgresql") + JWKS_MODEL))).toEqual({
      table: { name: "jwks" },
      columns: { id: "id", publicKey: "publicKey", alg: "alg", crv: "crv" },
      inSchema: true,
    });
  });

  it("follows modelName, usePlural, fields, @@map, @@schema and @map", () => {
    const schema = parse(`${schema1x("postgresql")}
model SigningKey {
  id        String @id @map("key_id")
  publicKey String @map("public_jwk")
  privateKey String
  createdAt DateTime
  alg       String? @map("algorithm")

  @@map("signing_keys")
  @@schema("auth")
}
`);
    const plan = planJwks(schema, { usePlural: true, models: { jwks: { modelName: "signingKey", fields: { crv: "curve" } } } });
    // usePlural asks for "signingKeys": no model has that name, and the case-insensitive fallback does not match either.
    expect(plan.inSchema).toBe(false);
    expect(plan.table).toEqual({ name: "signingKeys" });
    const singular = planJwks(schema, { models: { jwks: { modelName: "signingKey", fields: { crv: "curve" } } } });
    expect(singular).toEqual({
      table: { name: "signing_keys", schema: "auth" },
      columns: { id: "key_id", publicKey: "public_jwk", alg: "algorithm", crv: "curve" },
      inSchema: true,
    });
  });

  it("assumes Better Auth's table name when the schema has no model", () => {
    expect(planJwks(parse(schema1x("sqlite")))).toEqual({ table: { name: "jwks" }, columns: { id: "id", publicKey: "publicKey", alg: "alg", crv: "crv" }, inSchema: false });
    expect(planJwks(parse(schema1x("sqlite")), { usePlural: true }).table).toEqual({ name: "jwkss" });
  });

  it("reads the whole (small) table with a bound on rows, per dialect", () => {
    const table = { name: "jwks", schema: "auth" };
    expect(dialectFor("postgresql").selectAll(table, 100)).toBe('SELECT * FROM "auth"."jwks" LIMIT 100');
    expect(dialectFor("mysql").selectAll(table, 100)).toBe("SELECT * FROM `auth`.`jwks` LIMIT 100");
    expect(dialectFor("sqlite").selectAll(table, 100)).toBe('SELECT * FROM "jwks" LIMIT 100');
    expect(dialectFor("sqlserver").selectAll(table, 100)).toBe("SELECT TOP (100) * FROM [auth].[jwks]");
  });
});
