import type { LintConfig } from "../../better-auth/options-mirror";
import type { AppContext } from "../../better-auth/app-context";
import type { ExpectedModel, VersionLayout } from "../../better-auth/core-schema";
import type { ResolvedModel } from "../../better-auth/resolve-models";
import type { Fix, RelatedPlace, Severity } from "../findings";
import type { Block, Range, Schema } from "../../schema/ast";
import type { NameLookup } from "../../schema/query";
import type { DetectedVersion } from "../../version/detected-version";

export interface Report {
  range: Range;
  file: string;
  message: string;
  /** The Prisma model (and field) the finding is about; suppression comments are matched on these. */
  model?: Block;
  field?: string;
  fix?: Fix;
  /** Overrides the rule's default when one rule has findings of different weight. */
  severity?: Severity;
  related?: RelatedPlace[];
}

export interface RuleContext {
  schema: Schema;
  config: LintConfig;
  version: DetectedVersion;
  layout: VersionLayout;
  /** "Better Auth 1.7.25" or "Better Auth ≥ 1.7.3 (no version found, assuming the newest)". */
  versionLabel: string;
  /** Every table this app's Better Auth reads and writes, names mapped (core, plugins, additionalFields, rateLimit). */
  expected: readonly ExpectedModel[];
  /** Each expected table's Prisma model, by Better Auth's table key. */
  models: ReadonlyMap<string, ResolvedModel>;
  app: AppContext;
  /** Names of the schema's models, types and views. */
  modelNames: NameLookup;
  provider: string | undefined;
  /** A line of a schema file, for edits that keep indentation. */
  lineText(file: string, line: number): string;
  report(report: Report): void;
}

export interface RuleExample {
  title: string;
  schema: string;
}

/** One row of a rule's "by version" table: what Better Auth does in those versions, and where that was read. */
export interface VersionBehaviour {
  /** "0.4.0–0.8.8", "≥ 1.7.3", "every version". */
  versions: string;
  behaviour: string;
  /** The file (and package version) it was read from. */
  source: string;
}

export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Why the rule exists, for its docs page. */
  rationale: string;
  examples?: { bad: RuleExample; good: RuleExample };
  /** Per version range, what Better Auth does that makes a finding true (rendered into the rule's docs page). */
  byVersion?: readonly VersionBehaviour[];
  check(context: RuleContext): void;
}
