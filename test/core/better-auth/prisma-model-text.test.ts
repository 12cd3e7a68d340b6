import { beforeAll, describe, expect, it } from "vitest";
import { renderPrismaField, renderPrismaModel } from "../../../src/core/better-auth/prisma-model-text";
import { authConfigs, contextOf, generatedSchema, modelBlocks, type AuthConfig } from "../../migrations/add-auth-configs";

// Each table's model text against the block Better Auth's own generator (`auth generate`, the
// `auth` package) writes for the same configuration: byte for byte, alignment included. Then
// each field on its own, and the back-relation lines, against the same blocks.

const CONFIGS = authConfigs();
const generated = new Map<string, Map<string, string>>();

beforeAll(async () => {
  for (const c of CONFIGS) generated.set(c.name, modelBlocks(await generatedSchema(c)));
}, 120_000);

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function blocksOf(c: AuthConfig): Map<string, string> {
  return generated.get(c.name)!;
}

describe("renderPrismaModel equals the generator's block", () => {
  for (const c of CONFIGS) {
    it(c.name, () => {
      const ctx = contextOf(c);
      const blocks = blocksOf(c);
      const rendered = Object.keys(ctx.tables).map((key) => renderPrismaModel(key, ctx));
      // Every model the generator wrote, and no other.
      expect(rendered.map((r) => r.model).sort()).toEqual([...blocks.keys()].sort());
      for (const r of rendered) expect(r.text, r.model).toBe(blocks.get(r.model));
    });
  }
});

describe("back-relation lines are the ones the generator puts in the referenced model", () => {
  for (const c of CONFIGS) {
    it(c.name, () => {
      const ctx = contextOf(c);
      const blocks = blocksOf(c);
      let count = 0;
      for (const key of Object.keys(ctx.tables)) {
        for (const back of renderPrismaModel(key, ctx).backRelations) {
          count++;
          const lines = blocks.get(back.model)!.split("\n").map(squash);
          expect(lines, `${back.model}: ${back.line}`).toContain(back.line);
        }
      }
      expect(count).toBeGreaterThan(0);
    });
  }
});

describe("renderPrismaField gives the generator's lines for each field", () => {
  for (const c of CONFIGS) {
    it(c.name, () => {
      const ctx = contextOf(c);
      const blocks = blocksOf(c);
      for (const [key, table] of Object.entries(ctx.tables)) {
        const block = blocks.get(renderPrismaModel(key, ctx).model)!;
        const lines = block.split("\n").map(squash);
        for (const field of Object.keys(table.fields)) {
          const rendered = renderPrismaField(key, field, ctx);
          expect(rendered.lines.length, `${key}.${field}`).toBeGreaterThan(0);
          for (const line of [...rendered.lines, ...rendered.blockAttributes]) expect(lines, `${key}.${field}`).toContain(line);
        }
      }
    });
  }
});

describe("context for a quick fix", () => {
  const c = CONFIGS.find((candidate) => candidate.name === "postgresql-plugin-organization")!;

  it("leaves out back-relations from models the schema does not have, and offers only missing back-relation lines", () => {
    const ctx = contextOf(c);
    const existing = new Map<string, ReadonlySet<string>>([
      ["User", new Set(["id", "email", "members"])],
      ["Session", new Set(["id"])],
    ]);
    const organization = renderPrismaModel("organization", { ...ctx, existingModels: existing });
    // No Team, Member, Invitation or OrganizationRole model yet: no `members Member[]` line pointing nowhere.
    expect(organization.text).not.toMatch(/Member\[\]|Team\[\]|Invitation\[\]/);
    const member = renderPrismaModel("member", { ...ctx, existingModels: new Map([...existing, ["Organization", new Set(["id"])]]) });
    // User already has `members`; Organization still needs its line.
    expect(member.backRelations).toEqual([{ model: "Organization", field: "members", line: "members Member[]" }]);
  });

  it("uses the schema's own model names when told", () => {
    const ctx = { ...contextOf(c), prismaModelNameOf: (key: string) => (key === "user" ? "AuthUser" : key[0]!.toUpperCase() + key.slice(1)) };
    const member = renderPrismaModel("member", ctx);
    expect(member.text).toContain("authuser       AuthUser     @relation(fields: [userId], references: [id], onDelete: Cascade)");
    expect(member.backRelations.map((b) => b.model)).toEqual(["Organization", "AuthUser"]);
  });

  it("throws for a field type the generator cannot write", () => {
    const ctx = { ...contextOf(c), tables: { thing: { modelName: "thing", fields: { blob: { type: "binary" } } } } };
    expect(() => renderPrismaModel("thing", ctx)).toThrow(/no Prisma type for thing\.blob/);
  });
});
