import "../generated/polyfill-groupby"; // before `auth/api` loads: its chevrotain needs Map.groupBy on Node 20
import path from "node:path";
import os from "node:os";
import type { BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { getAuthTables } from "better-auth/db";
import {
  admin,
  anonymous,
  deviceAuthorization,
  jwt,
  lastLoginMethod,
  organization,
  phoneNumber,
  siwe,
  twoFactor,
  username,
} from "better-auth/plugins";
import type { AuthTable, IdStrategy, PrismaModelContext, PrismaProvider } from "../../src/core/better-auth/prisma-model-text";

// Better Auth configurations for comparing our model text with Better Auth's generator: every
// plugin of `better-auth/plugins` that has schema, additional fields of every type and shape,
// renamed models and fields, plural names, each provider × id strategy.

export const PLUGINS = {
  twoFactor: () => twoFactor(),
  admin: () => admin(),
  username: () => username(),
  anonymous: () => anonymous(),
  phoneNumber: () => phoneNumber(),
  organization: () => organization({ teams: { enabled: true }, dynamicAccessControl: { enabled: true } }),
  jwt: () => jwt(),
  deviceAuthorization: () => deviceAuthorization(),
  siwe: () => siwe({ domain: "example.com", getNonce: async () => "nonce", verifyMessage: async () => true }),
  lastLoginMethod: () => lastLoginMethod({ storeInDatabase: true }),
};
export type PluginName = keyof typeof PLUGINS;
export const PLUGIN_NAMES = Object.keys(PLUGINS) as PluginName[];

/** additionalFields of every type, default and flag the generator handles differently. */
export const ADDITIONAL_FIELDS = {
  user: {
    plan: { type: "string", required: false, defaultValue: "free" },
    credits: { type: "number", defaultValue: 10 },
    lifetimeSpend: { type: "number", bigint: true, required: false },
    tags: { type: "string[]", required: false, defaultValue: ["new", "trial"] },
    scores: { type: "number[]", required: false, defaultValue: [1, 2] },
    preferences: { type: "json", required: false, defaultValue: { theme: "dark" } },
    level: { type: ["bronze", "silver"], required: true, defaultValue: "bronze" },
    nickname: { type: "string", unique: true, required: true, fieldName: "nick_name" },
    birthday: { type: "date", required: false },
    lastSeenAt: { type: "date", required: false, defaultValue: () => new Date() },
    newsletter: { type: "boolean", defaultValue: true },
  },
  session: {
    deviceId: { type: "string", index: true, required: false },
  },
} as const;

export interface AuthConfig {
  name: string;
  provider: PrismaProvider;
  idStrategy: IdStrategy;
  usePlural: boolean;
  options: BetterAuthOptions;
}

function generateIdOption(idStrategy: IdStrategy): BetterAuthOptions {
  return idStrategy === "default" ? {} : { advanced: { database: { generateId: idStrategy } } };
}

function config(name: string, provider: PrismaProvider, idStrategy: IdStrategy, usePlural: boolean, options: BetterAuthOptions): AuthConfig {
  return { name, provider, idStrategy, usePlural, options: { ...options, ...generateIdOption(idStrategy) } };
}

const allPlugins = () => PLUGIN_NAMES.map((name) => PLUGINS[name]());

/** Everything at once: all plugins, additional fields, a reference to a plugin table that may be empty (SetNull). */
function everything(): BetterAuthOptions {
  return {
    plugins: allPlugins(),
    user: { additionalFields: ADDITIONAL_FIELDS.user as never },
    session: {
      additionalFields: {
        ...ADDITIONAL_FIELDS.session,
        signingKeyId: { type: "string", required: false, references: { model: "jwks", field: "id", onDelete: "set null" } },
      } as never,
    },
    rateLimit: { storage: "database" },
  };
}

const PROVIDERS: PrismaProvider[] = ["postgresql", "cockroachdb", "mysql", "sqlite", "sqlserver", "mongodb"];
const ID_STRATEGIES: IdStrategy[] = ["default", "uuid", "serial", false];

export function authConfigs(): AuthConfig[] {
  const configs: AuthConfig[] = [];
  for (const provider of PROVIDERS) {
    for (const id of ID_STRATEGIES) configs.push(config(`${provider}-id-${id}-everything`, provider, id, false, everything()));
    configs.push(config(`${provider}-plural-everything`, provider, "default", true, everything()));
  }
  for (const plugin of PLUGIN_NAMES) {
    configs.push(config(`postgresql-plugin-${plugin}`, "postgresql", "default", false, { plugins: [PLUGINS[plugin]()] }));
    configs.push(config(`mysql-plugin-${plugin}`, "mysql", "default", false, { plugins: [PLUGINS[plugin]()] }));
  }
  const renamed: BetterAuthOptions = {
    plugins: [twoFactor(), organization({ teams: { enabled: true } })],
    user: { modelName: "appUser", fields: { email: "emailAddress", name: "fullName" } },
    session: { modelName: "userSession", fields: { token: "sessionToken", userId: "ownerId" } },
    account: { modelName: "linkedAccount", fields: { userId: "ownerId" } },
    verification: { modelName: "verificationToken" },
  };
  for (const provider of ["postgresql", "mysql", "sqlite"] as const) {
    configs.push(config(`${provider}-renamed`, provider, "default", false, renamed));
    configs.push(config(`${provider}-renamed-plural`, provider, "uuid", true, renamed));
  }
  return configs;
}

export function tablesOf(c: AuthConfig): Record<string, AuthTable> {
  return getAuthTables(c.options) as unknown as Record<string, AuthTable>;
}

export function contextOf(c: AuthConfig): PrismaModelContext {
  return { provider: c.provider, idStrategy: c.idStrategy, usePlural: c.usePlural, tables: tablesOf(c) };
}

type GeneratorInput = Parameters<typeof import("auth/api").generatePrismaSchema>[0];

/** What `auth generate` writes for the config into a new schema file. */
export async function generatedSchema(c: AuthConfig): Promise<string> {
  const { generatePrismaSchema } = await import("auth/api");
  const database = prismaAdapter({}, { provider: c.provider as never, usePlural: c.usePlural });
  const options: BetterAuthOptions = { ...c.options, database };
  // A file that does not exist: like a first `auth generate`, the generator writes a whole schema.
  const file = path.join(os.tmpdir(), `ba-doctor-no-such-dir-${process.pid}`, "schema.prisma");
  const input = { adapter: database(options), options, file } as unknown as GeneratorInput;
  const { code } = await generatePrismaSchema(input);
  if (!code) throw new Error(`Better Auth's generator returned nothing for ${c.name}`);
  return code;
}

/** Model name → block text (`model X { … }`) of a generated schema. */
export function modelBlocks(code: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of code.matchAll(/^model (\w+) \{\n[\s\S]*?\n\}/gm)) blocks.set(match[1]!, match[0]);
  return blocks;
}
