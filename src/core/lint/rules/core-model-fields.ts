import type { ExpectedField, Origin } from "../../better-auth/core-schema";
import type { RelatedPlace } from "../findings";
import type { PrismaModelContext } from "../../better-auth/prisma-model-text";
import { addFieldFix, addModelsFix, missingTableGroups, type AddedModels } from "../fix-text/add-auth-model";
import { authTablesText, fieldQuirk, tableQuirk, type TextContext } from "../fix-text/auth-tables-text";
import type { Block } from "../../schema/ast";
import { findField, relationFor } from "../../schema/query";
import { fieldNameOf } from "./expected-fields";
import type { Rule, RuleContext } from "./rule";

// Better Auth's Prisma adapter passes every field it knows to `create`; Prisma rejects an
// argument the model lacks ("Unknown argument"), and from 1.7.3 Better Auth's schema check fails every request
// (SCHEMA_MISMATCH). So a missing column breaks sign-up, sign-in or startup.

/** The field whose line a new field goes after: the expected field listed just before it (or its relation line). */
function anchorFor(block: Block, fields: ExpectedField[], index: number) {
  for (let i = index - 1; i >= 0; i--) {
    const found = findField(block, fieldNameOf(fields[i]!));
    if (!found) continue;
    const next = block.fields[block.fields.indexOf(found) + 1];
    return next && relationFor(block, found.name)?.field === next ? next : found;
  }
  return undefined;
}

function textContext(context: RuleContext): TextContext {
  return authTablesText({
    schema: context.schema,
    config: context.config,
    provider: context.provider,
    expected: context.expected,
    models: context.models,
    ...(context.app.installed ? { installed: context.app.installed } : {}),
  });
}

function inexact(key: string): string {
  return `the exact \`${key}\` table is known only from the installed better-auth, which was not read`;
}

type TableFix = AddedModels | { reason: string };

/** One fix per group of missing tables that reference each other (see missingTableGroups). */
function tableFixes(context: RuleContext, text: TextContext, missing: string[], anchor: Block): Map<string, TableFix> {
  const result = new Map<string, TableFix>();
  if ("reason" in text) {
    for (const key of missing) result.set(key, { reason: text.reason });
    return result;
  }
  // New models go after the last model of the file that holds User (where the generator writes them).
  const home = context.models.get("user")?.block ?? anchor;
  const after = context.schema.blocks.filter((block) => block.file === home.file && block.kind === "model").pop() ?? home;
  for (const group of missingTableGroups(missing, text.ctx)) {
    const reason = group.map((key) => (!text.exact(key) ? inexact(key) : tableQuirk(text.ctx, key))).find((why) => why !== undefined);
    let outcome: TableFix;
    if (reason) outcome = { reason };
    else {
      try {
        outcome = addModelsFix(context.schema, group, text.ctx, after, context.lineText);
      } catch (error) {
        outcome = { reason: (error as Error).message };
      }
    }
    for (const key of group) result.set(key, outcome);
  }
  return result;
}

/** Why a field cannot get the generator's exact line, or undefined when it can. */
function fieldReason(context: RuleContext, ctx: PrismaModelContext, exact: boolean, key: string, field: ExpectedField): string | undefined {
  if (!exact) return inexact(key);
  const target = field.references && context.expected.find((model) => model.key === field.references!.model || model.modelName === field.references!.model);
  if (target && !context.models.get(target.key)?.block) return `the \`${target.key}\` model it references is missing; add that first`;
  return fieldQuirk(ctx, key, field.name);
}

export const coreModelFields: Rule = {
  id: "core-model-fields",
  description: "Better Auth's core models (user, session, account, verification) exist and have every field the version writes.",
  defaultSeverity: "error",
  rationale:
    "Better Auth's Prisma adapter writes every field of its core tables. A model without one of them makes Prisma reject the " +
    "write (\"Unknown argument\"), and from 1.7.3 Better Auth answers every request with SCHEMA_MISMATCH.",
  examples: {
    bad: { title: "Session without expiresAt", schema: "model Session {\n  id     String @id\n  token  String @unique\n  userId String\n}" },
    good: {
      title: "Session with the fields Better Auth writes",
      schema: "model Session {\n  id        String   @id\n  token     String   @unique\n  expiresAt DateTime\n  userId    String\n}",
    },
  },
  check(context) {
    const present = [...context.models.values()].filter((model) => model.block);
    if (present.length === 0) {
      reportNoModels(context);
      return;
    }
    const anchor = present[0]!.block!;
    reportUncheckedPlugins(context, anchor);
    const text = textContext(context);
    const missingTables = context.expected.filter((model) => !context.models.get(model.key)?.block).map((model) => model.key);
    const tables = missingTables.length ? tableFixes(context, text, missingTables, anchor) : new Map<string, TableFix>();
    for (const expected of context.expected) {
      const resolved = context.models.get(expected.key);
      const block = resolved?.block;
      const name = resolved?.expectedName ?? expected.key;
      if (!block) {
        const who = expected.origin ? `${expected.origin.label} needs` : `${context.versionLabel} reads and writes`;
        const planned = tables.get(expected.key);
        const fix = planned && "fix" in planned ? planned : undefined;
        const backModels = fix?.backModels ?? [];
        const added = fix && fix.models.length > 1 ? `models ${fix.models.join(", ")} (they reference each other)` : `model ${fix?.models[0]}`;
        context.report({
          range: anchor.nameRange,
          file: anchor.file,
          model: anchor,
          message:
            `The schema has no model for Better Auth's \`${name}\` table, which ${who} ` +
            `(the Prisma adapter calls prisma.${name}), so ${context.layout.validatesSchema ? "every request fails with SCHEMA_MISMATCH" : "the first write to it fails"}. ` +
            (fix
              ? `The fix adds ${added} as \`npx auth generate\` writes ${fix.models.length > 1 ? "them" : "it"}` +
                (backModels.length ? `, the back-relation lines in ${backModels.join(" and ")}` : "") +
                ` and a migration that creates the table${fix.models.length > 1 ? "s" : ""}; or map an existing model with modelName in the auth config.`
              : "Add it (`npx auth generate` prints it), or map an existing model with modelName in the auth config." +
                (planned && "reason" in planned ? ` No automatic fix: ${planned.reason}.` : "")),
          ...(fix ? { fix: fix.fix } : {}),
          ...relatedTo(expected.origin, `${expected.origin?.label} needs Better Auth's ${name} table`),
        });
        continue;
      }
      const missing: { field: ExpectedField; name: string; index: number }[] = [];
      expected.fields.forEach((field, index) => {
        if (field.isId) return;
        const fieldName = fieldNameOf(field);
        // The session token's absence is session-token-layout's finding, with its own fix.
        if (expected.key === "session" && field.name === "token") return;
        if (!findField(block, fieldName)) missing.push({ field, name: fieldName, index });
      });
      for (const { field, name: fieldName, index } of missing) {
        const after = anchorFor(block, expected.fields, index);
        const who = field.origin ? `${field.origin.label} adds and ${context.versionLabel} writes` : `${context.versionLabel} writes`;
        let reason = "reason" in text ? text.reason : fieldReason(context, text.ctx, text.exact(expected.key), expected.key, field);
        let added: ReturnType<typeof addFieldFix> | undefined;
        if (!reason && "ctx" in text) {
          try {
            added = addFieldFix(context.schema, block, expected.key, field.name, text.ctx, after, context.lineText);
          } catch (error) {
            reason = (error as Error).message;
          }
        }
        // A required column without a default has no value for existing rows: the migration's guard stops there.
        const guarded = added && field.required && !/@default\(|@updatedAt/.test(added.line);
        const table = resolved?.expected.modelName ?? expected.key;
        context.report({
          range: block.nameRange,
          file: block.file,
          model: block,
          message:
            `${block.name} has no \`${fieldName}\` field, which ${who} ` +
            `${field.required ? `on every ${expected.key} it creates` : "whenever it has a value"}: Prisma rejects the write ("Unknown argument \`${fieldName}\`")` +
            (context.layout.validatesSchema ? " and Better Auth's schema check fails every request (SCHEMA_MISMATCH)" : "") +
            `.${field.note ? ` ${field.note}` : ""}` +
            (added
              ? ` The fix adds \`${added.line.trim().replace(/\s+/g, " ")}\` and a migration that adds the column` +
                (guarded ? `; it is required with no default, so the migration stops, changing nothing, while the ${table} table has rows (give them a value in it, or make the field optional).` : ".")
              : ` Add it (\`npx auth generate\` prints it). No automatic fix: ${reason}.`),
          ...(added ? { fix: guarded ? { ...added.fix, title: `${added.fix.title} (its migration stops while ${table} has rows)` } : added.fix } : {}),
          ...relatedTo(field.origin, `${field.origin?.label} adds ${expected.key}.${field.name}`),
        });
      }
    }
  },
};

/** Once per schema: which plugins' tables could not be checked, and why (info: nothing is claimed). */
function reportUncheckedPlugins(context: RuleContext, anchor: Block): void {
  const unchecked = context.app.uncheckedPlugins;
  if (!unchecked?.names.length) return;
  context.report({
    range: anchor.nameRange,
    file: anchor.file,
    model: anchor,
    severity: "info",
    message:
      `The tables and fields of ${unchecked.names.map((name) => `${name}()`).join(", ")} in ${context.app.configFile ?? "the auth config"} were not checked ` +
      `(${unchecked.reason}); only the tables the linter knows are. Install the app's dependencies so the linter can ask the installed better-auth.`,
  });
}

/** The auth config line that asked for a table or field, as related information. */
function relatedTo(origin: Origin | undefined, message: string): { related?: RelatedPlace[] } {
  const spot = origin?.spot;
  if (!spot) return {};
  return { related: [{ file: spot.file, range: { start: { line: spot.line, character: spot.character }, end: { line: spot.endLine, character: spot.endCharacter } }, message }] };
}

/**
 * A schema with none of Better Auth's models: silent unless the app evidently uses Better Auth
 * through Prisma (its package depends on better-auth and its auth config passes prismaAdapter),
 * because then every auth call fails.
 */
function reportNoModels(context: RuleContext): void {
  if (!context.app.dependsOnBetterAuth || !context.app.usesPrismaAdapter) return;
  const first = context.schema.blocks[0];
  if (!first) return;
  const names = context.expected.map((model) => context.models.get(model.key)?.expectedName ?? model.key);
  context.report({
    range: first.nameRange,
    file: first.file,
    message:
      `The schema has no model for any of Better Auth's tables (${names.join(", ")}), but ${context.app.configFile ?? "the auth config"} passes ` +
      `prismaAdapter(...) to ${context.versionLabel}, so every sign-up, sign-in and session lookup fails. Add the models (\`npx auth generate\` prints them).`,
  });
}
