import { type EnvSource, parseVersionedSecrets, secretsFromEnv } from "./from-env";
import type { SecretCandidate } from "./secret-candidate";

/**
 * Where a set of secrets comes from. `app`: what the app itself reads (its `.env*` files, and
 * for the CLI its environment); the others are the tool's own (the extension host's
 * environment, SecretStorage, a typed value) and may differ from what the app runs with.
 */
export type SecretScopeKind = "app" | "environment" | "stored" | "typed";

/**
 * One set of secrets that belong together, verified on its own: the first candidate is that
 * set's *current* secret. Mixing an app's `.env` with a secret typed for another app would
 * turn a good match into a "not the current secret" warning, so each set is tried apart.
 */
export interface SecretScope {
  label: string;
  kind: SecretScopeKind;
  candidates: SecretCandidate[];
}

export interface SecretInputs {
  environment?: Readonly<Record<string, string | undefined>>;
  /**
   * The CLI runs in the app's shell, so its environment leads the app's scope (dotenv never
   * overrides a set variable). The extension host's environment is not the app's: its own scope.
   */
  environmentIsApp: boolean;
  /** Files named explicitly (the CLI's `--dotenv`), read right after the environment. */
  dotenv?: readonly EnvSource[];
  /** The project's `.env*` files, one group per directory (`groupEnvFiles`), files in precedence order. */
  project?: readonly { dir: string; sources: readonly EnvSource[] }[];
  /** SecretStorage entries, each its own scope. */
  stored?: readonly { label: string; text: string }[];
  typed?: string;
}

export interface DiscoveredSecrets {
  /** In the order they are tried: typed, the app's files, the environment, SecretStorage. */
  scopes: SecretScope[];
  /** Worded for a person, never containing a value (malformed BETTER_AUTH_SECRETS). */
  problems: string[];
}

export const TYPED_SOURCE = "typed secret";
export const ENVIRONMENT_SOURCE = "environment";

/** A typed or stored value: `2:new,1:old` is read as BETTER_AUTH_SECRETS, anything else as one secret. */
export function candidatesFromText(text: string, source: string): { candidates: SecretCandidate[]; problems: string[] } {
  const value = text.trim();
  if (/^\d+\s*:/.test(value)) return parseVersionedSecrets(value, source);
  return { candidates: value ? [{ value, source }] : [], problems: [] };
}

/**
 * The one secret discovery behind the CLI, the cookie panel and the session lookup: the same
 * files in the same order, every candidate labelled with where it came from
 * (`BETTER_AUTH_SECRET (apps/web/.env.local)`, `SecretStorage`, `typed secret`).
 */
export function discoverSecrets(inputs: SecretInputs): DiscoveredSecrets {
  const out: DiscoveredSecrets = { scopes: [], problems: [] };
  const add = (label: string, kind: SecretScopeKind, found: { candidates: SecretCandidate[]; problems: string[] }) => {
    out.problems.push(...found.problems);
    if (found.candidates.length) out.scopes.push({ label, kind, candidates: found.candidates });
  };

  if (inputs.typed !== undefined) add(TYPED_SOURCE, "typed", candidatesFromText(inputs.typed, TYPED_SOURCE));

  const environment: EnvSource[] = inputs.environment ? [{ label: ENVIRONMENT_SOURCE, vars: inputs.environment }] : [];
  const leading: EnvSource[] = [...(inputs.environmentIsApp ? environment : []), ...(inputs.dotenv ?? [])];
  const groups = inputs.project ?? [];
  if (groups.length === 0 && leading.length > 0) add(scopeLabel(leading, undefined), "app", secretsFromEnv(leading));
  groups.forEach((group, index) => {
    // The environment and --dotenv files belong to the app run from the project root.
    const sources = index === 0 ? [...leading, ...group.sources] : group.sources;
    add(scopeLabel(index === 0 ? leading : [], group.dir), "app", secretsFromEnv(sources));
  });

  if (!inputs.environmentIsApp && environment.length) add(ENVIRONMENT_SOURCE, "environment", secretsFromEnv(environment));
  for (const entry of inputs.stored ?? []) add(entry.label, "stored", candidatesFromText(entry.text, entry.label));
  return out;
}

function scopeLabel(leading: readonly EnvSource[], dir: string | undefined): string {
  const files = dir === undefined ? "" : dir ? `.env files in ${dir}` : ".env files";
  return [...leading.map((source) => source.label), files].filter(Boolean).join(", ");
}
