import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// the extractor's own normalisation and factory calls, so live packages are compared exactly as plugins.json was made
import { normaliseTables } from "../../../scripts/better-auth-versions/normalise.mjs";
import { KNOWN_PLUGINS, pluginInstances } from "../../../scripts/better-auth-versions/plugin-instances.mjs";
import { pluginModules } from "../../../scripts/better-auth-versions/load-plugins.mjs";
import { INSTALLED_BETTER_AUTH } from "../../installed-better-auth";
import {
  knownPluginVariants,
  pluginTablesFor,
  publishedVersions,
  tablesFor,
  type NormalisedTable,
  type PluginTables,
} from "../../../src/core/better-auth/versions";

/** Core tables plus one plugin's contribution: what getAuthTables({ plugins: [p] }) should answer. */
function withPlugin(core: Record<string, NormalisedTable>, plugin: PluginTables): Record<string, NormalisedTable> {
  const out: Record<string, NormalisedTable> = structuredClone(core);
  for (const [key, fields] of Object.entries(plugin.fieldsOnOtherTables)) Object.assign(out[key].fields, fields);
  Object.assign(out, plugin.tables);
  // getAuthTables' key order differs between versions; normaliseTables sorts, so sort here too
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((key) => [key, { ...out[key], fields: Object.fromEntries(Object.keys(out[key].fields).sort().map((f) => [f, out[key].fields[f]])) }]),
  );
}

const field = (type: string | string[], required: boolean, name: string, extra: Record<string, unknown> = {}) => ({ type, required, fieldName: name, ...extra });

describe("plugin contributions at the versions they changed", () => {
  const twoFactor = (version: string) => pluginTablesFor(version, "better-auth/plugins", "twoFactor");
  const admin = (version: string) => pluginTablesFor(version, "better-auth/plugins", "admin");

  it("twoFactor kept its secrets on the user before 0.4.13, then in its own table", () => {
    expect(twoFactor("0.4.6")).toMatchObject({
      tables: {},
      fieldsOnOtherTables: { user: { twoFactorSecret: field("string", false, "twoFactorSecret"), twoFactorBackupCodes: field("string", false, "twoFactorBackupCodes") } },
    });
    expect(twoFactor("0.4.13")?.fieldsOnOtherTables).toEqual({ user: { twoFactorEnabled: field("boolean", false, "twoFactorEnabled", { hasDefault: true }) } });
    expect(twoFactor("0.4.13")?.tables.twoFactor.fields).toEqual({
      backupCodes: field("string", true, "backupCodes"),
      secret: field("string", true, "secret"),
      userId: field("string", true, "userId", { references: { model: "user", field: "id", onDelete: "cascade" } }),
    });
  });

  it("twoFactor indexed secret and userId from 1.4.0, gained verified in 1.6.2 and failedVerificationCount/lockedUntil in 1.6.22", () => {
    expect(twoFactor("1.3.34")?.tables.twoFactor.fields.userId.index).toBeUndefined();
    expect(twoFactor("1.4.0")?.tables.twoFactor.fields.userId.index).toBe(true);
    expect(twoFactor("1.4.0")?.tables.twoFactor.fields.secret.index).toBe(true);
    expect(Object.keys(twoFactor("1.6.1")?.tables.twoFactor.fields ?? {})).toEqual(["backupCodes", "secret", "userId"]);
    expect(twoFactor("1.6.2")?.tables.twoFactor.fields.verified).toEqual(field("boolean", false, "verified", { hasDefault: true }));
    expect(twoFactor("1.6.21")?.tables.twoFactor.fields.lockedUntil).toBeUndefined();
    expect(twoFactor("1.6.22")?.tables.twoFactor.fields).toMatchObject({
      failedVerificationCount: field("number", false, "failedVerificationCount", { hasDefault: true }),
      lockedUntil: field("date", false, "lockedUntil"),
    });
    expect(twoFactor("1.6.22")?.range.from).toBe("1.6.22");
  });

  it("admin wrote banExpires as a number until 0.6.0 and as a date from 0.6.1; impersonatedBy lost its foreign key in 0.5.2", () => {
    expect(admin("0.6.0")?.fieldsOnOtherTables.user.banExpires).toEqual(field("number", false, "banExpires"));
    expect(admin("0.6.1")?.fieldsOnOtherTables.user.banExpires).toEqual(field("date", false, "banExpires"));
    // the case that motivated the data: User.banExpires Int is wrong for admin() on 1.2.4
    expect(admin("1.2.4")?.fieldsOnOtherTables.user.banExpires.type).toBe("date");
    expect(admin("1.2.4")?.fieldsOnOtherTables.session.impersonatedBy).toEqual(field("string", false, "impersonatedBy"));
    expect(admin("0.4.13")?.fieldsOnOtherTables.session.impersonatedBy.references).toEqual({ model: "user", field: "id", onDelete: "cascade" });
    expect(admin("0.5.2")?.fieldsOnOtherTables.session.impersonatedBy.references).toBeUndefined();
  });

  it("organization's teams variant adds the team tables and session.activeTeamId", () => {
    const plain = pluginTablesFor("1.7.25", "better-auth/plugins", "organization");
    const teams = pluginTablesFor("1.7.25", "better-auth/plugins", "organization", "teams");
    expect(Object.keys(plain?.tables ?? {}).sort()).toEqual(["invitation", "member", "organization"]);
    expect(Object.keys(teams?.tables ?? {}).sort()).toEqual(["invitation", "member", "organization", "team", "teamMember"]);
    expect(teams?.fieldsOnOtherTables.session.activeTeamId).toMatchObject({ type: "string", required: false });
    expect(plain?.fieldsOnOtherTables.session.activeTeamId).toBeUndefined();
  });

  it("answers undefined for unknown plugins and modules, and for versions without the plugin", () => {
    expect(pluginTablesFor("1.7.25", "better-auth/plugins", "noSuchPlugin")).toBeUndefined();
    expect(pluginTablesFor("1.7.25", "better-auth/plugins", "organization", "noSuchVariant")).toBeUndefined();
    expect(pluginTablesFor("1.7.25", "some-package", "twoFactor")).toBeUndefined();
    // deviceAuthorization arrived in 1.3; an unknown later patch counts as the newest known before it
    expect(pluginTablesFor("1.2.12", "better-auth/plugins", "deviceAuthorization")).toBeUndefined();
    expect(pluginTablesFor("1.7.99", "better-auth/plugins", "twoFactor")?.range.to).toBe(publishedVersions().at(-1));
    expect(() => pluginTablesFor("latest", "better-auth/plugins", "twoFactor")).toThrow(TypeError);
  });

  it("lists every variant with the options it was recorded with", () => {
    const variants = knownPluginVariants();
    expect(variants).toContainEqual(expect.objectContaining({ module: "better-auth/plugins", exportName: "organization", variant: "teams", options: [{ teams: { enabled: true } }] }));
    for (const v of variants) expect(pluginTablesFor(v.versions.from, v.module, v.exportName, v.variant), `${v.module} ${v.exportName}`).toBeDefined();
  });
});

describe("plugins.json agrees with the plugins installed here, called live", () => {
  const factories = new Set([...KNOWN_PLUGINS, ...knownPluginVariants().map((v) => v.exportName)]);
  for (const [pkg, version] of INSTALLED_BETTER_AUTH) {
    it(`${pkg} (${version}): every plugin's getAuthTables({ plugins: [p] }) is core + pluginTablesFor`, async () => {
      const manifest = JSON.parse(readFileSync(join(process.cwd(), "node_modules", pkg, "package.json"), "utf8"));
      expect(manifest.version).toBe(version);
      const { getAuthTables } = await import(/* @vite-ignore */ `${pkg}/db`);
      const core = tablesFor(version).tables;
      const seen: string[] = [];
      const threw: string[] = [];
      for (const { module, file } of pluginModules(manifest, "better-auth")) {
        // 1.0.x–1.1.x declare a custom-session subpath whose file was never published
        if (!existsSync(join(process.cwd(), "node_modules", pkg, file))) continue;
        const exports = await import(/* @vite-ignore */ module.replace(/^better-auth/, pkg));
        const thrown: { export: string; error: string }[] = [];
        for (const { export: exportName, variant, plugin } of pluginInstances(exports, thrown, factories)) {
          const label = `${module} ${exportName} ${variant}`;
          seen.push(label);
          const recorded = pluginTablesFor(version, module, exportName, variant);
          expect(recorded, label).toBeDefined();
          const live = normaliseTables(getAuthTables({ plugins: [plugin] }), { absentRequired: true });
          expect(live.unknownFlags, label).toEqual([]);
          expect(withPlugin(core, recorded as PluginTables), label).toEqual(live.tables);
        }
        threw.push(...thrown.map((t) => `${module} ${t.export}`));
      }
      // and plugins.json claims nothing for this version that the package does not export
      const claimed = knownPluginVariants()
        .filter((v) => v.module.startsWith("better-auth/") && pluginTablesFor(version, v.module, v.exportName, v.variant))
        .map((v) => `${v.module} ${v.exportName} ${v.variant}`);
      // except factories that throw here: the aliases share this project's newer better-call and zod
      // (1.2.x twoFactor(), 1.3–1.5 deviceAuthorization()); plugins.json read each version with its own
      const unseen = claimed.filter((c) => !seen.includes(c));
      expect(unseen.filter((c) => !threw.includes(c.split(" ").slice(0, 2).join(" ")))).toEqual([]);
      expect(seen.filter((s) => !claimed.includes(s))).toEqual([]);
      expect(unseen.length).toBeLessThanOrEqual(2);
      expect(seen.length).toBeGreaterThan(5);
    });
  }
});
