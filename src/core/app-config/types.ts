/**
 * What a static read of an app's `auth.ts` yields. The file is never run: every value the
 * evaluator cannot decide from the text alone is an `Unknown` carrying why and where.
 */
import type { LastGoodParses } from "./last-good";

/** A place in a source file, 0-based, columns in UTF-16 code units (what editors use). */
export interface SourceSpot {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** A value the static read could not decide; `reason` is short and meant for people. */
export class Unknown {
  constructor(
    readonly reason: string,
    readonly at?: SourceSpot,
  ) {}
}

export type StaticValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Unknown
  | StaticValue[]
  | { [key: string]: StaticValue }
  | PluginCall
  | AdapterCall;

/** A call written inside `plugins: [...]`, e.g. `twoFactor({ issuer: "x" })`. */
export interface PluginCall {
  kind: "plugin";
  /** The factory's name as its module exports it: `import { twoFactor as tf }` gives "twoFactor". */
  name: string;
  /** The import source (`better-auth/plugins`), or "" when the callee is not imported. */
  module: string;
  args: StaticValue[];
  at: SourceSpot;
}

/** `database: prismaAdapter(prisma, { provider: "postgresql" })`, `drizzleAdapter(db, {...})`… */
export interface AdapterCall {
  kind: "adapter";
  name: string;
  module: string;
  args: StaticValue[];
  at: SourceSpot;
}

export interface AuthConfigRead {
  /** The entry file. */
  file: string;
  /** The `betterAuth(...)` call, null when none was found. */
  call: SourceSpot | null;
  /** The evaluated options object. */
  options: Record<string, StaticValue> | Unknown;
  /** Plugin calls in order; entries that could not be read are skipped and noted in `unresolved`. */
  plugins: PluginCall[];
  /** `options.database` when it is an adapter call. */
  adapter: AdapterCall | null;
  /** Notes such as `plugins[2]: spread of getPlugins() (a function call) — not evaluated (lib/auth.ts:12)`. */
  unresolved: string[];
  /** Every file read, for watching. */
  files: string[];
  /**
   * Files whose current text does not parse and that were read as they last parsed: spots into
   * them point into that older text, not into what the editor shows.
   */
  stale: string[];
  /** Where an evaluated object or array (or one of its keys) was written. */
  spotOf(value: object, key?: string): SourceSpot | undefined;
}

/** Reads a file's text; undefined when it is missing or unreadable. The editor overlays unsaved text. */
export type ReadText = (path: string) => string | undefined;

/** tsconfig `compilerOptions.paths`, with the folder its patterns are relative to. */
export interface TsconfigPaths {
  /** Absolute folder the `paths` targets resolve from (`baseUrl`, else the tsconfig's folder). */
  baseDir: string;
  paths: Record<string, string[]>;
}

export interface ReadAuthConfigOptions {
  readFile: ReadText;
  /** Values for `process.env.X`, `import.meta.env.X` and `env.X` from `@/env`; missing names are Unknown. */
  env?: Record<string, string | undefined>;
  /** Path aliases; when omitted, the nearest tsconfig.json / jsconfig.json above the entry file is read. */
  tsconfigPaths?: TsconfigPaths[];
  /**
   * Where the last version of each file that parsed is kept, and taken from when a file does not
   * parse; null to read only the current text. Default: one cache for the process.
   */
  lastGood?: LastGoodParses | null;
}
