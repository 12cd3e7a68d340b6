import { describe, expect, it } from "vitest";
import { type Settings, type SettingValues, toSettings } from "../../src/vscode/settings";
import { NO_FOLDER, ProblemNotices, refreshFolders } from "../../src/vscode/settings-changes";

/** What VS Code's configuration would hold: only the keys given are "set" by the user. */
function values(set: Record<string, unknown>): SettingValues {
  return {
    get: <T>(key: string, defaultValue: T) => (key in set ? (set[key] as T) : defaultValue),
    isSet: (key) => key in set,
  };
}

describe("toSettings: betterAuthDoctor.* values to the folder's typed settings", () => {
  it("gives the defaults when nothing is set, with no problems", () => {
    expect(toSettings(values({}))).toEqual({ enable: true, authConfigPath: "", schemaPath: "", lint: { rules: {} }, problems: [] });
  });

  it("keeps valid values, trims paths and reads a blank version as 'detect it'", () => {
    const settings = toSettings(values({ rules: { "session-token-layout": "warn" }, betterAuthVersion: "  ", schemaPath: " prisma/schema.prisma ", usePlural: true }));
    expect(settings.lint).toEqual({ rules: { "session-token-layout": "warn" }, usePlural: true });
    expect(settings.schemaPath).toBe("prisma/schema.prisma");
    expect(settings.problems).toEqual([]);
  });

  it("leaves out what is invalid and names it with the setting's full key", () => {
    const settings = toSettings(values({ rules: { "session-token-layout": "loud", "id-strategy": "off" } }));
    expect(settings.lint.rules).toEqual({ "id-strategy": "off" });
    expect(settings.problems).toHaveLength(1);
    expect(settings.problems[0]).toMatch(/^betterAuthDoctor\.rules/);
    expect(settings.problems[0]).toContain("loud");
  });

  it("does not let a default usePlural/models/generateId overrule the app's auth config", () => {
    const unset = toSettings({ get: (key, defaultValue) => (key === "usePlural" ? (false as never) : defaultValue), isSet: () => false });
    expect(unset.lint).toEqual({ rules: {} });
  });
});

describe("refreshFolders: which folders a configuration change really changed", () => {
  const A = "file:///work/a";
  const B = "file:///work/b";
  const before = new Map<string, Settings>([
    [A, toSettings(values({}))],
    [B, toSettings(values({ rules: { "id-strategy": "off" } }))],
  ]);

  it("reports nothing when the values read again are the same (settings.json saved unchanged)", () => {
    const { changed, read } = refreshFolders(before, [A, B], (folder) => toSettings(values(folder === B ? { rules: { "id-strategy": "off" } } : {})));
    expect(changed).toEqual([]);
    expect([...read.keys()]).toEqual([A, B]);
  });

  it("reports only the folder whose value changed", () => {
    const { changed } = refreshFolders(before, [A, B], (folder) => toSettings(values(folder === A ? { betterAuthVersion: "0.8" } : { rules: { "id-strategy": "off" } })));
    expect(changed).toEqual([A]);
  });

  it("counts a folder (or the no-folder settings) never read before as changed", () => {
    const { changed } = refreshFolders(before, [NO_FOLDER], () => toSettings(values({})));
    expect(changed).toEqual([NO_FOLDER]);
  });
});

describe("ProblemNotices: an invalid value warns once", () => {
  it("shows a folder's problems once while they stay the same, again when they change", () => {
    const notices = new ProblemNotices();
    expect(notices.next("a", ["x: bad"])).toBe("x: bad");
    expect(notices.next("a", ["x: bad"])).toBeUndefined();
    expect(notices.next("b", ["x: bad"])).toBe("x: bad");
    expect(notices.next("a", ["x: bad", "y: bad"])).toBe("x: bad; y: bad");
  });

  it("says nothing when the problems are fixed, and warns again when one comes back", () => {
    const notices = new ProblemNotices();
    expect(notices.next("a", [])).toBeUndefined();
    notices.next("a", ["x: bad"]);
    expect(notices.next("a", [])).toBeUndefined();
    expect(notices.next("a", ["x: bad"])).toBe("x: bad");
  });

  it("warns again about a folder that was removed and added back", () => {
    const notices = new ProblemNotices();
    notices.next("a", ["x: bad"]);
    notices.forget("a");
    expect(notices.next("a", ["x: bad"])).toBe("x: bad");
  });
});
