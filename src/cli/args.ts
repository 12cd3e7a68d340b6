import { UsageError } from "./io";

export interface ParsedArgs {
  positionals: string[];
  /** Repeated options keep every value, in order. */
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** A strict parser: unknown options are usage errors (exit 2), never silently ignored. */
export function parseArgs(args: string[], spec: { options?: string[]; flags?: string[] }): ParsedArgs {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const known = new Set(spec.options ?? []);
  const knownFlags = new Set([...(spec.flags ?? []), "help"]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (knownFlags.has(name) && eq < 0) {
        flags.add(name);
        continue;
      }
      if (!known.has(name)) throw new UsageError(`unknown option '--${name}'`);
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
      continue;
    }
    if (arg === "-h") {
      flags.add("help");
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, options, flags };
}

export function single(parsed: ParsedArgs, name: string): string | undefined {
  const values = parsed.options.get(name);
  if (values && values.length > 1) throw new UsageError(`option '--${name}' given more than once`);
  return values?.[0];
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got '${value}')`);
}
