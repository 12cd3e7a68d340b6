import type { BetterAuthOptions } from "better-auth";
import { getAuthTables as getAuthTables13 } from "better-auth-1.3/db";
import { passkey as passkey13 } from "better-auth-1.3/plugins/passkey";
import { sso as sso13 } from "better-auth-1.3/plugins/sso";
import { deviceAuthorization, jwt, organization } from "better-auth/plugins";
import { describe, expect, it } from "vitest";
import type { InstalledTables } from "../../../../src/core/better-auth/app-tables";
import { builtInPluginTables } from "../../../../src/core/better-auth/builtin-plugin-tables";
import { rawTablesFrom } from "../../../../src/core/better-auth/installed-tables";
import { pluginTablesFor } from "../../../../src/core/better-auth/versions";
import { lintSchema } from "../../../../src/core/lint/lint";
import { parseSchemaText } from "../../../../src/core/schema/parser";
import { generatedSchema } from "../../../migrations/add-auth-configs";
import { installedTablesFor } from "./installed-helpers";

// Plugin fields getAuthTables calls optional are not all left out: some are written by every
// create of their plugin (plugin-write-facts.ts says where that was read), so a required column
// for them is fine — organization()'s invitation.role was a false error on a real app
// (paukraft/Codeix, Better Auth 1.3.6). The other optional fields of those plugins are still
// flagged. Each case makes generator-optional fields required in Better Auth's own generated
// schema and lints it with the real installed tables and with the built-in record.

const at = { file: "/p/src/lib/auth.ts", line: 5, character: 12, endLine: 5, endCharacter: 26 };

/** The model's `field Type?` line made `Type` (its column alignment kept). */
function required(text: string, model: string, field: string): string {
  const start = text.indexOf(`model ${model} {`);
  expect(start, `model ${model} is in the generated schema`).toBeGreaterThan(-1);
  const end = text.indexOf("\n}", start);
  const block = text.slice(start, end);
  const changed = block.replace(new RegExp(`(\\n  ${field} +\\w+)\\?`), "$1 ");
  expect(changed, `${model}.${field} is optional in the generated schema`).not.toBe(block);
  return text.slice(0, start) + changed + text.slice(end);
}

type App = NonNullable<Parameters<typeof lintSchema>[1]>["app"];

function optionality(text: string, version: string, app: App): string[] {
  const file = parseSchemaText(text, "/p/prisma/schema.prisma");
  return lintSchema({ files: [file], blocks: file.blocks }, { version: { version, source: "override" }, app, config: {} })
    .filter((finding) => finding.rule === "field-optionality")
    .map((finding) => finding.message.slice(0, finding.message.indexOf(" is required")))
    .sort();
}

/** The tables a project with better-auth 1.3.34 installed gets: that package's own getAuthTables. */
function installed13(options: BetterAuthOptions): InstalledTables {
  const tables = rawTablesFrom(getAuthTables13(options as never) as never);
  const tableOrigins: InstalledTables["tableOrigins"] = {};
  const fieldOrigins: InstalledTables["fieldOrigins"] = {};
  for (const plugin of options.plugins ?? []) {
    for (const [table, spec] of Object.entries(plugin.schema ?? {})) {
      tableOrigins[table] = { label: `${plugin.id}()` };
      for (const field of Object.keys(spec.fields ?? {})) fieldOrigins[`${table}.${field}`] = { label: `${plugin.id}()` };
    }
  }
  return { tables, tableOrigins, fieldOrigins };
}

interface Case {
  title: string;
  version: string;
  options: BetterAuthOptions;
  /** Where the tables come from: the installed package (when there is one here) and the built-in record. */
  apps: App[];
  /** Model.field made required: those the plugin always writes, and those it can leave out. */
  accepted: string[];
  flagged: string[];
}

function builtIn(name: string, module: string, version: string, args: Record<string, unknown>[] = []): App {
  return { builtInPlugins: builtInPluginTables([{ kind: "plugin", name, module, args: args as never, at }], version, "/p") };
}

// @better-auth/stripe is not installed here: its tables as the built-in record has them (what its
// own factory added to getAuthTables, read from the published package) stand in for the plugin.
function recordedPlugin(module: string, name: string, variant: string, version: string): NonNullable<BetterAuthOptions["plugins"]>[number] {
  const recorded = pluginTablesFor(version, module, name, variant);
  if (!recorded) throw new Error(`${module} ${name} ${variant} is not recorded at ${version}`);
  const schema = Object.fromEntries(Object.entries(recorded.tables).map(([key, table]) => [key, { modelName: table.modelName, fields: table.fields }]));
  return { id: name, schema } as never;
}

const cases: Case[] = [
  {
    title: "organization() (1.7.25): Invitation.role",
    version: "1.7.25",
    options: { plugins: [organization()] },
    apps: [{ installed: installedTablesFor({ plugins: [organization()] }) }, builtIn("organization", "better-auth/plugins", "1.7.25")],
    accepted: ["Invitation.role"],
    flagged: ["Organization.logo"],
  },
  {
    title: "organization({ teams }) (1.7.25): TeamMember.createdAt and membershipKey",
    version: "1.7.25",
    options: { plugins: [organization({ teams: { enabled: true } })] },
    apps: [
      { installed: installedTablesFor({ plugins: [organization({ teams: { enabled: true } })] }) },
      builtIn("organization", "better-auth/plugins", "1.7.25", [{ teams: { enabled: true } }]),
    ],
    accepted: ["TeamMember.createdAt", "TeamMember.membershipKey"],
    flagged: ["Invitation.teamId"],
  },
  {
    title: "deviceAuthorization() (1.7.25): DeviceCode.clientId and pollingInterval",
    version: "1.7.25",
    options: { plugins: [deviceAuthorization()] },
    apps: [{ installed: installedTablesFor({ plugins: [deviceAuthorization()] }) }, builtIn("deviceAuthorization", "better-auth/plugins", "1.7.25")],
    accepted: ["DeviceCode.clientId", "DeviceCode.pollingInterval"],
    flagged: ["DeviceCode.scope"],
  },
  {
    title: "jwt() (1.7.25): Jwks.alg",
    version: "1.7.25",
    options: { plugins: [jwt()] },
    apps: [{ installed: installedTablesFor({ plugins: [jwt()] }) }, builtIn("jwt", "better-auth/plugins", "1.7.25")],
    accepted: ["Jwks.alg"],
    flagged: ["Jwks.crv"],
  },
  {
    title: "passkey() (better-auth 1.3.34, @better-auth/passkey at 1.7.25): Passkey.createdAt, transports, aaguid",
    version: "1.3.34",
    options: { plugins: [passkey13() as never] },
    apps: [
      { installed: installed13({ plugins: [passkey13() as never] }) },
      builtIn("passkey", "better-auth/plugins/passkey", "1.3.34"),
      builtIn("passkey", "@better-auth/passkey", "1.7.25"),
    ],
    accepted: ["Passkey.aaguid", "Passkey.createdAt", "Passkey.transports"],
    flagged: ["Passkey.name"],
  },
  {
    title: "sso() (better-auth 1.3.34): SsoProvider.userId",
    version: "1.3.34",
    options: { plugins: [sso13() as never] },
    apps: [{ installed: installed13({ plugins: [sso13() as never] }) }, builtIn("sso", "better-auth/plugins/sso", "1.3.34")],
    accepted: ["SsoProvider.userId"],
    flagged: ["SsoProvider.organizationId"],
  },
  {
    title: "stripe({ subscription }) (@better-auth/stripe at 1.7.25): Subscription.stripeCustomerId",
    version: "1.7.25",
    options: { plugins: [recordedPlugin("@better-auth/stripe", "stripe", "subscription", "1.7.25")] },
    apps: [builtIn("stripe", "@better-auth/stripe", "1.7.25", [{ subscription: { enabled: true } }])],
    accepted: ["Subscription.stripeCustomerId"],
    flagged: ["Subscription.periodStart"],
  },
];

describe("field-optionality on plugin fields their plugin always writes", () => {
  for (const c of cases) {
    it(`${c.title} are accepted as required; ${c.flagged.join(", ")} still flagged`, async () => {
      const generated = await generatedSchema({ name: c.title, provider: "postgresql", idStrategy: "default", usePlural: false, options: c.options });
      const text = [...c.accepted, ...c.flagged].reduce((schema, spot) => required(schema, ...(spot.split(".") as [string, string])), generated);
      // The generated schema as is: nothing to report.
      for (const app of c.apps) expect(optionality(generated, c.version, app)).toEqual([]);
      for (const app of c.apps) expect(optionality(text, c.version, app)).toEqual([...c.flagged].sort());
    });
  }

  it("still flags an app's own optional additionalFields.role made required", async () => {
    // admin()'s create hook writes user.role, an app's additionalFields do not: facts are kept to
    // plugin tables, so a core-table field of the same name is judged by its flags.
    const generated = await generatedSchema({ name: "role", provider: "postgresql", idStrategy: "default", usePlural: false, options: { user: { additionalFields: { role: { type: "string", required: false } } } } });
    const text = required(generated, "User", "role");
    expect(optionality(text, "1.7.25", { installed: installedTablesFor({ user: { additionalFields: { role: { type: "string", required: false } } } }) })).toEqual(["User.role"]);
  });
});
