import { parse } from "dotenv";
import type { Schema } from "../schema/ast";
import { stringValue } from "../schema/query";

// Where Prisma finds the database URL: Prisma 7 reads `datasource.url` from prisma.config.ts;
// Prisma ≤ 6 reads `url = env("X")` (or a literal) from the schema's datasource block. Values of
// `env("X")` come from the process environment first, then .env files in order (dotenv never
// overrides a variable that is already set; the first file that has it wins). Pure: the caller
// reads the files.

export interface EnvFileContent {
  /** Shown in messages, e.g. ".env" or "prisma/.env". */
  label: string;
  content: string;
}

export interface DatasourceUrlInput {
  schema?: Schema;
  schemaDir?: string;
  prismaConfig?: { source: string; dir: string };
  envFiles?: readonly EnvFileContent[];
  processEnv?: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedUrl {
  url: string;
  /** Where it came from, e.g. `DATABASE_URL from .env (schema datasource url)`; never the value. */
  source: string;
  /** Folder a relative SQLite path is resolved from. */
  baseDir?: string;
}

export type UrlResolution = ResolvedUrl | { problem: string };

/** A reference to the URL before env lookup: a literal or a variable name. */
type UrlRef = { literal: string } | { variable: string };

const PROXY = /^prisma(\+postgres)?:\/\//i;

/** `url:` inside `datasource: { … }` of prisma.config.ts: env("X"), process.env.X, process.env["X"] or a string. */
export function datasourceRefFromPrismaConfig(source: string): { url?: UrlRef; directUrl?: UrlRef } {
  const block = /\bdatasource\s*:\s*\{([^}]*)\}/s.exec(source)?.[1];
  if (!block) return {};
  const read = (key: string): UrlRef | undefined => {
    const match = new RegExp(
      `\\b${key}\\s*:\\s*(?:env\\(\\s*(["'\`])(\\w+)\\1\\s*\\)|process\\.env\\.(\\w+)|process\\.env\\[\\s*(["'\`])(\\w+)\\4\\s*\\]|(["'\`])([^"'\`]*)\\6)`,
    ).exec(block);
    if (!match) return undefined;
    const variable = match[2] ?? match[3] ?? match[5];
    return variable ? { variable } : { literal: match[7] ?? "" };
  };
  return { url: read("url"), directUrl: read("directUrl") };
}

/** `url = env("X")` / `url = "…"` (and directUrl) in the schema's datasource block. */
export function datasourceRefFromSchema(schema: Schema): { url?: UrlRef; directUrl?: UrlRef } {
  const block = schema.blocks.find((candidate) => candidate.kind === "datasource");
  if (!block) return {};
  const read = (key: string): UrlRef | undefined => {
    const value = block.assignments.find((assignment) => assignment.key === key)?.value;
    if (!value) return undefined;
    if (value.kind === "call" && value.name === "env") {
      const variable = stringValue(value.args[0]?.value);
      return variable ? { variable } : undefined;
    }
    const literal = stringValue(value);
    return literal !== undefined ? { literal } : undefined;
  };
  return { url: read("url"), directUrl: read("directUrl") };
}

interface EnvLayer {
  label: string;
  vars: Record<string, string | undefined>;
}

function envLayers(input: DatasourceUrlInput): EnvLayer[] {
  const layers: EnvLayer[] = [{ label: "the environment", vars: { ...input.processEnv } }];
  for (const file of input.envFiles ?? []) layers.push({ label: file.label, vars: parse(file.content) });
  return layers;
}

function lookupVar(layers: EnvLayer[], name: string, depth = 0): { value: string; from: string } | undefined {
  for (const layer of layers) {
    const raw = layer.vars[name];
    if (raw === undefined || raw === "") continue;
    // dotenv-expand style `${OTHER}`, which Prisma applies to .env files.
    const value = depth < 5 ? raw.replace(/\$\{(\w+)\}/g, (_, inner: string) => lookupVar(layers, inner, depth + 1)?.value ?? "") : raw;
    return { value, from: layer.label };
  }
  return undefined;
}

function resolveRef(ref: UrlRef, layers: EnvLayer[], where: string): UrlResolution {
  if ("literal" in ref) return ref.literal ? { url: ref.literal, source: `a literal in ${where}` } : { problem: `The url in ${where} is empty.` };
  const found = lookupVar(layers, ref.variable);
  if (!found) return { problem: `${where} reads the URL from ${ref.variable}, which is not set in ${layers.map((layer) => layer.label).join(", ")}.` };
  return { url: found.value, source: `${ref.variable} from ${found.from} (${where})` };
}

/** Follows url, and directUrl when url is a proxy URL only Prisma Client can use. */
function resolvePair(pair: { url?: UrlRef; directUrl?: UrlRef }, layers: EnvLayer[], where: string, baseDir: string | undefined): UrlResolution | undefined {
  if (!pair.url) return undefined;
  const main = resolveRef(pair.url, layers, where);
  if ("url" in main && PROXY.test(main.url) && pair.directUrl) {
    const direct = resolveRef(pair.directUrl, layers, `${where}, directUrl`);
    if ("url" in direct) return { ...direct, baseDir };
  }
  return "url" in main ? { ...main, baseDir } : main;
}

/**
 * The database URL the project's Prisma setup uses, resolved the way Prisma does: prisma.config.ts
 * first (Prisma 7), then the schema's datasource. Returns a problem sentence when it cannot.
 */
export function resolveDatasourceUrl(input: DatasourceUrlInput): UrlResolution {
  const layers = envLayers(input);
  const fromConfig = input.prismaConfig && resolvePair(datasourceRefFromPrismaConfig(input.prismaConfig.source), layers, "prisma.config.ts datasource.url", input.prismaConfig.dir);
  if (fromConfig && "url" in fromConfig) return fromConfig;
  const fromSchema = input.schema && resolvePair(datasourceRefFromSchema(input.schema), layers, "the schema's datasource url", input.schemaDir);
  if (fromSchema && "url" in fromSchema) return fromSchema;
  const problem = fromConfig ?? fromSchema;
  if (problem) return problem;
  // No reference at all: DATABASE_URL is the name every Prisma and Better Auth guide uses.
  const fallback = lookupVar(layers, "DATABASE_URL");
  if (fallback) return { url: fallback.value, source: `DATABASE_URL from ${fallback.from}`, baseDir: input.prismaConfig?.dir ?? input.schemaDir };
  return { problem: "No database URL: neither prisma.config.ts nor the schema's datasource names one, and DATABASE_URL is not set." };
}
