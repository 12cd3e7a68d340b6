// betterAuthDoctor.* settings for the workspace folder (resource scope) change the diagnostics.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { diagnostics, extensionServices, open, scratchCopy, waitFor, waitForDiagnostic, waitForNoDiagnostic, workspaceFolder } from "./helpers";

const settings = () => vscode.workspace.getConfiguration("betterAuthDoctor", workspaceFolder().uri);

describe("settings", () => {
  let legacyLayout: vscode.Uri; // Session without token: the ≤ 0.8 layout
  let currentLayout: vscode.Uri; // Session with token @unique: the ≥ 1.0 layout

  before(async () => {
    legacyLayout = await scratchCopy("prisma/schema.prisma", "settings-legacy");
    currentLayout = await scratchCopy("ignore/schema.prisma", "settings-current");
    await open(legacyLayout);
    await waitForDiagnostic(legacyLayout, "session-token-layout");
    assert.deepEqual(diagnostics(currentLayout, "session-token-layout"), []);
  });

  afterEach(async () => {
    for (const key of ["rules", "betterAuthVersion", "enable"]) await settings().update(key, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForDiagnostic(legacyLayout, "session-token-layout");
  });

  it('betterAuthDoctor.rules {"session-token-layout": "off"} removes that diagnostic', async () => {
    await settings().update("rules", { "session-token-layout": "off" }, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForNoDiagnostic(legacyLayout, "session-token-layout");
    assert.equal(diagnostics(legacyLayout, "id-strategy").length, 1, "other rules still run");
  });

  it('betterAuthDoctor.rules {"session-token-layout": "warn"} changes its severity', async () => {
    await settings().update("rules", { "session-token-layout": "warn" }, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor(
      () => diagnostics(legacyLayout, "session-token-layout").find((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      "session-token-layout as a warning",
    );
  });

  it('betterAuthDoctor.betterAuthVersion "0.8.8" flips the verdict', async () => {
    await settings().update("betterAuthVersion", "0.8.8", vscode.ConfigurationTarget.WorkspaceFolder);
    // The ≤ 0.8 layout is right for 0.8.8: no more "no `token` field" on the model name …
    await waitFor(() => !diagnostics(legacyLayout, "session-token-layout").some((d) => /no `token` field/.test(d.message)), "the missing-token error to go", {
      state: () => diagnostics(legacyLayout).map((d) => d.message.slice(0, 60)).join(" | "),
    });
    // (what 0.8.8 still objects to is the @default(uuid()) on the id, which is the token there)
    for (const { message } of diagnostics(legacyLayout, "session-token-layout")) assert.match(message, /Session\.id must not have a database default under Better Auth 0\.8\.8/);
    // … and the 1.x layout is wrong: 0.8 keeps the token in id and never writes `token`.
    await open(currentLayout);
    const wrong = await waitForDiagnostic(currentLayout, "session-token-layout");
    assert.match(wrong.message, /Session\.token does not belong in the session layout of Better Auth 0\.8\.8/);
  });

  it('betterAuthDoctor.betterAuthVersion "0.8" reads as 0.8.8, the way the CLI reads --better-auth-version 0.8', async () => {
    await settings().update("betterAuthVersion", "0.8", vscode.ConfigurationTarget.WorkspaceFolder);
    await open(currentLayout);
    const wrong = await waitFor(
      () => diagnostics(currentLayout, "session-token-layout").find((d) => /Better Auth 0\.8\.8 \(newest allowed by 0\.8\)/.test(d.message)),
      "the 0.8 verdict, named as 0.8.8",
    );
    assert.match(wrong.message, /Session\.token does not belong/);
  });

  it("an invalid value warns once, and the valid rest still applies", async () => {
    const { config } = await extensionServices();
    const before = config.warnings.length;
    await settings().update("rules", { "session-token-layout": "loud" }, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor(() => config.warnings.length > before, "the settings warning");
    assert.deepEqual(config.warnings.slice(before), [config.warnings[before]]);
    assert.match(config.warnings[before], /betterAuthDoctor\.rules.*loud/);
    // Another change with the same wrong value: re-linted with the new valid part, not warned again.
    await settings().update("rules", { "session-token-layout": "loud", "id-strategy": "off" }, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForNoDiagnostic(legacyLayout, "id-strategy");
    assert.equal(diagnostics(legacyLayout, "session-token-layout").length > 0, true, "the invalid severity falls back to the rule's default");
    assert.equal(config.warnings.length, before + 1, `warned again: ${config.warnings.slice(before + 1).join(" | ")}`);
  });

  it("betterAuthDoctor.enable false clears the schema's diagnostics; true brings them back", async () => {
    await settings().update("enable", false, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForNoDiagnostic(legacyLayout);
    await settings().update("enable", undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForDiagnostic(legacyLayout, "session-token-layout");
  });
});
