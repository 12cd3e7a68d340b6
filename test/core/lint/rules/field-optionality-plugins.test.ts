import { organization } from "better-auth/plugins";
import { describe, expect, it } from "vitest";
import { builtInPluginTables } from "../../../../src/core/better-auth/builtin-plugin-tables";
import { lintSchema } from "../../../../src/core/lint/lint";
import { parseSchemaText } from "../../../../src/core/schema/parser";
import { generatedSchema } from "../../../migrations/add-auth-configs";
import { installedTablesFor } from "./installed-helpers";

// Plugin fields getAuthTables calls optional are not all left out: organization()'s
// invitation.role is required by the invite endpoint and always stored, so a real app's required
// `role String` (paukraft/Codeix, Better Auth 1.3.6) is fine. Other optional plugin fields still
// are flagged. Checked with the real installed tables and with the built-in record.

const VERSION = { version: "1.7.25", source: "override" as const };
const at = { file: "/p/src/lib/auth.ts", line: 5, character: 12, endLine: 5, endCharacter: 26 };

/** The model's `field String?` line made `String` (its column alignment kept). */
function required(text: string, model: string, field: string): string {
  const start = text.indexOf(`model ${model} {`);
  const end = text.indexOf("\n}", start);
  const block = text.slice(start, end);
  const changed = block.replace(new RegExp(`(\\n  ${field} +String)\\?`), "$1 ");
  expect(changed, `${model}.${field} is optional in the generated schema`).not.toBe(block);
  return text.slice(0, start) + changed + text.slice(end);
}

function optionality(text: string, app: NonNullable<Parameters<typeof lintSchema>[1]>["app"]) {
  const file = parseSchemaText(text, "/p/prisma/schema.prisma");
  return lintSchema({ files: [file], blocks: file.blocks }, { version: VERSION, app, config: {} })
    .filter((finding) => finding.rule === "field-optionality")
    .map((finding) => finding.message.slice(0, finding.message.indexOf(" is required")));
}

describe("field-optionality on organization() tables", () => {
  it("accepts a required Invitation.role and still flags a required Organization.logo", async () => {
    const generated = await generatedSchema({ name: "org", provider: "postgresql", idStrategy: "default", usePlural: false, options: { plugins: [organization()] } });
    expect(generated).toMatch(/\n {2}role +String\?\n/);
    const text = required(required(generated, "Invitation", "role"), "Organization", "logo");

    const installed = { installed: installedTablesFor({ plugins: [organization()] }) };
    const builtIn = { builtInPlugins: builtInPluginTables([{ kind: "plugin", name: "organization", module: "better-auth/plugins", args: [], at }], "1.7.25", "/p") };
    for (const app of [installed, builtIn]) expect(optionality(text, app)).toEqual(["Organization.logo"]);
  });
});
