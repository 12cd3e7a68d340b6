import type { Fix } from "../../lint/findings";
import { propertySpot } from "../config-spots";
import { nearestName } from "../nearest-name";
import { ADVANCED_OPTIONS, TOP_LEVEL_OPTIONS, optionKeysFor, type OptionKey } from "../option-keys";
import { isObject, type PlainObject } from "../static-values";
import type { DoctorContext, DoctorRule } from "../types";

interface Level {
  holder: PlainObject;
  /** `baseURL` or `advanced.cookiePrefix`, for messages. */
  path: (key: string) => string;
  list: readonly OptionKey[];
  /** The other level, where a misplaced key belongs. */
  other: { list: readonly OptionKey[]; where: string };
}

function checkLevel(context: DoctorContext, level: Level): void {
  const version = context.input.version;
  const known = optionKeysFor(level.list, version);
  const otherKnown = optionKeysFor(level.other.list, version);
  for (const key of Object.keys(level.holder)) {
    if (known.has(key)) continue;
    const spot = propertySpot(context, level.holder, key);
    if (!spot) continue;
    const written = level.path(key);
    const newer = level.list.find((entry) => entry.key === key);
    if (newer) {
      context.report({
        file: spot.file,
        range: spot.keyRange,
        message: `\`${written}\` is an option from Better Auth ${newer.since}; ${context.versionLabel} does not have it and ignores it. Upgrade Better Auth, or remove it.`,
      });
      continue;
    }
    if (otherKnown.has(key)) {
      context.report({
        file: spot.file,
        range: spot.keyRange,
        message: `\`${written}\` is not read here: ${context.versionLabel} reads \`${key}\` ${level.other.where}, so this setting has no effect. Move it there.`,
      });
      continue;
    }
    const suggestion = nearestName(key, known);
    const sameLetters = suggestion !== undefined && suggestion.toLowerCase() === key.toLowerCase();
    const why = sameLetters
      ? `option names are case-sensitive, so ${context.versionLabel} ignores it`
      : `${context.versionLabel} has no such option and ignores it`;
    const hint = suggestion ? ` Did you mean \`${level.path(suggestion)}\`?` : "";
    const fix = suggestion && !Object.prototype.hasOwnProperty.call(level.holder, suggestion) ? renameFix(spot, key, suggestion) : undefined;
    context.report({
      file: spot.file,
      range: spot.keyRange,
      message: `\`${written}\` is not a Better Auth option: ${why}.${hint}`,
      ...(fix ? { fix } : {}),
    });
  }
}

function renameFix(spot: ReturnType<typeof propertySpot> & object, from: string, to: string): Fix | undefined {
  if (!spot.property) return undefined;
  const property = spot.property;
  // `{ baseUrl }` keeps its variable: `{ baseURL: baseUrl }`.
  const shorthand = property.type === "ObjectProperty" && property.shorthand;
  const newText = shorthand ? `${to}: ${from}` : property.key.type === "StringLiteral" ? JSON.stringify(to) : to;
  return { title: `Rename \`${from}\` to \`${to}\``, edits: [{ file: spot.file, range: spot.keyRange, newText }] };
}

export const unknownOption: DoctorRule = {
  id: "unknown-option",
  description: "Every key of betterAuth({...}) and of its advanced object is an option the installed Better Auth reads, spelled in its case.",
  defaultSeverity: "warning",
  rationale: [
    "Better Auth reads its options by exact name and never complains about others: `baseUrl` is silently ignored, so the base URL",
    "falls back to `BETTER_AUTH_URL` or each request's origin (the cause of many `INVALID_ORIGIN` reports), and `trustedOrigin` trusts nothing.",
    "The names come from the installed version's `BetterAuthOptions` type (`@better-auth/core` `dist/types/init-options.d.mts`; before 1.3",
    "`better-auth`'s own declarations); an option newer than the installed version, or one written at the wrong level",
    "(`cookiePrefix` belongs under `advanced`), is reported as such. The fix renames a misspelled key.",
  ].join(" "),
  examples: {
    bad: { title: "`baseUrl` is ignored", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  baseUrl: process.env.BETTER_AUTH_URL,\n  cookiePrefix: "my-app",\n});' }] },
    good: { title: "exact option names, cookie settings under `advanced`", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  baseURL: process.env.BETTER_AUTH_URL,\n  advanced: { cookiePrefix: "my-app" },\n});' }] },
  },
  check(context) {
    const options = context.options;
    if (!options) return;
    checkLevel(context, {
      holder: options,
      path: (key) => key,
      list: TOP_LEVEL_OPTIONS,
      other: { list: ADVANCED_OPTIONS, where: "under `advanced`" },
    });
    const advanced = options.advanced;
    if (isObject(advanced)) {
      checkLevel(context, {
        holder: advanced,
        path: (key) => `advanced.${key}`,
        list: ADVANCED_OPTIONS,
        other: { list: TOP_LEVEL_OPTIONS, where: "at the top level of betterAuth({...})" },
      });
    }
  },
};
