import { parseArgs as nodeParseArgs } from "node:util";
import { UsageError } from "./io";

export type OptionType = "string" | "boolean";

/** One word (or `--name value` pair) of a command line, in the order given. */
export type ArgToken =
  | {
      kind: "option";
      /** Without the dashes; `help` for `-h`. */
      name: string;
      /** The word as typed, `=value` included. */
      arg: string;
      /** `undefined` when a string option is last, and for flags without `=`. */
      value?: string;
      /** Whether the value came after `=` in the same word. */
      inline: boolean;
    }
  | { kind: "positional"; value: string };

/**
 * The command line as node:util parseArgs tokenises it, for every command. Not strict, on purpose:
 * strict mode throws its own messages, refuses a value that starts with a dash (`--format --json`,
 * `--config -`, which the CLI has always taken as the value) and refuses unknown short options,
 * which the CLI has always taken as words (`-x` is a path to lint, `-` is stdin). So each command
 * checks the tokens itself, in order, and words of one dash other than `-h` stay positionals.
 */
export function readTokens(args: readonly string[], types: ReadonlyMap<string, OptionType>): ArgToken[] {
  const options: Record<string, { type: OptionType; short?: string }> = {};
  for (const [name, type] of types) options[name] = { type };
  options.help = { type: "boolean", short: "h" };
  const { tokens } = nodeParseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const out: ArgToken[] = [];
  let shortWord = -1;
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      out.push({ kind: "positional", value: token.value });
      continue;
    }
    const arg = args[token.index]!;
    if (!token.rawName.startsWith("--")) {
      // parseArgs splits `-hx` into `-h` and `-x`, each with the word's index: keep the word once.
      if (arg === "-h") out.push({ kind: "option", name: "help", arg, inline: false });
      else if (token.index !== shortWord) out.push({ kind: "positional", value: arg });
      shortWord = token.index;
      continue;
    }
    out.push({ kind: "option", name: token.name, arg, ...(token.value === undefined ? {} : { value: token.value }), inline: token.inlineValue ?? false });
  }
  return out;
}

export interface ParsedArgs {
  positionals: string[];
  /** Repeated options keep every value, in order. */
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** A strict parser for lint and fix: unknown options are usage errors (exit 2), never silently ignored. */
export function parseArgs(args: string[], spec: { options?: string[]; flags?: string[] }): ParsedArgs {
  const types = new Map<string, OptionType>([
    ...(spec.options ?? []).map((name) => [name, "string"] as const),
    ...[...(spec.flags ?? []), "help"].map((name) => [name, "boolean"] as const),
  ]);
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (const token of readTokens(args, types)) {
    if (token.kind === "positional") {
      parsed.positionals.push(token.value);
      continue;
    }
    const type = types.get(token.name);
    if (type === "boolean" && !token.inline) {
      parsed.flags.add(token.name);
      continue;
    }
    // A flag given a value (`--write=yes`) is named as unknown, as an unknown option is: by what precedes `=`.
    if (type !== "string") throw new UsageError(`unknown option '${token.arg.split("=")[0]}'`);
    if (token.value === undefined) throw new UsageError(`option '--${token.name}' needs a value`);
    parsed.options.set(token.name, [...(parsed.options.get(token.name) ?? []), token.value]);
  }
  return parsed;
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
