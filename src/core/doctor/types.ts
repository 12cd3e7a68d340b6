import type { AuthConfigRead, ReadText, StaticValue } from "../app-config";
import type { Fix, Severity, SeveritySetting } from "../lint/findings";
import type { Range } from "../schema/ast";
import type { EnvFile } from "./env-file";
import type { CodeFile } from "./code-file";
import type { ConfigFacts } from "./config-facts";

export interface ProjectConfigInput {
  projectDir: string;
  /** The app's auth config as src/core/app-config read it. */
  authConfig?: AuthConfigRead;
  /** The text of `authConfig.file` as read (an editor passes unsaved text). */
  authConfigText?: string;
  /** Other files the config's values were read from (spots may point into them); optional. */
  readFile?: ReadText;
  /** Only given when reading .env files is allowed (a trusted workspace). */
  envFiles: { path: string; text: string }[];
  middlewareFiles: { path: string; text: string }[];
  /** The detected Better Auth version, null when unknown (the newest is assumed). */
  version: string | null;
  /** Severity per rule id, as `.better-auth-doctor.json` / `betterAuthDoctor.rules` say it. */
  rules?: Record<string, SeveritySetting>;
}

export interface DoctorReport {
  file: string;
  range: Range;
  message: string;
  fix?: Fix;
  /** Overrides the rule's default when one rule has findings of different weight. */
  severity?: Severity;
}

export interface DoctorContext {
  input: ProjectConfigInput;
  /** The evaluated `betterAuth({...})` options, when they were read as an object. */
  options: Record<string, StaticValue> | undefined;
  auth: AuthConfigRead | undefined;
  /** "Better Auth 1.7.25", or "Better Auth (version unknown, assuming the newest)". */
  versionLabel: string;
  /** Env files the app loads (templates such as `.env.example` are left out). */
  envFiles: EnvFile[];
  /** Every env file given, templates included. */
  allEnvFiles: EnvFile[];
  middlewareFiles: CodeFile[];
  facts: ConfigFacts;
  /** A parsed source file the config was read from, by path (undefined when its text is not at hand). */
  code(path: string): CodeFile | undefined;
  report(report: DoctorReport): void;
}

/** A file of a rule's docs example: `auth.ts`, `.env`, `middleware.ts`… */
export interface DoctorExampleFile {
  path: string;
  text: string;
}

export interface DoctorRule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** What Better Auth does, with the source file it was read in, for the docs page. */
  rationale: string;
  examples: { bad: { title: string; files: DoctorExampleFile[] }; good: { title: string; files: DoctorExampleFile[] } };
  check(context: DoctorContext): void;
}
