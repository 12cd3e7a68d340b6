#!/usr/bin/env node
// Workspace trust, driven as a person would: the packaged .vsix installed into code-server with
// workspace trust ON (every other run disables it), a copy of test/vscode/fixtures/trust-app
// opened (Better Auth 1.7.25, the core schema, src/lib/auth.ts, `.env` with a placeholder secret).
//   Restricted Mode: schema.prisma open, the config doctor has run (unknown-option on auth.ts's
//   misspelt `trustedOrigin` in the Problems panel), and nothing on `.env`: it is not read.
//   Banner "Manage" → Workspace Trust editor → "Trust": weak-secret on `.env` appears, without
//   the secret's value.
//
//   npm run package   # better-auth-doctor-<version>.vsix
//   node scripts/vscode-test/trust.mjs [--vscode 1.100|latest] [--vsix <file>] [--out <dir>] [--keep-temp]
//
// Screenshots of each state go to --out (default test-results/vscode-trust/<engine>/); a failed
// step leaves error.png there. The flags, the launch and the teardown: vsix-ui-run.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { quickOpen } from './launch.mjs';
import { vsixUiRun } from './vsix-ui-run.mjs';

await vsixUiRun('trust', {
  fixture: 'trust-app',
  launch: {
    workspaceTrust: true,
    // 1.100 asks with a modal at startup, 1.139 under the smoke-test driver does not: without the
    // prompt both open the untrusted folder the same way, in Restricted Mode with its banner.
    settings: { 'security.workspace.trust.startupPrompt': 'never', 'editor.minimap.enabled': false },
  },
  steps: async ({ values, workspace, wb, page, step, check, shot }) => {
    const SECRET = fs.readFileSync(path.join(workspace, '.env'), 'utf8').match(/^BETTER_AUTH_SECRET=(.*)$/m)[1];
    const problems = page.locator('.markers-panel');
    /** The Problems panel's rows (file rows and their markers), as the tree shows them. */
    const problemRows = () => problems.locator('.monaco-list-row').allInnerTexts();
    const restrictedStatus = page.locator('.statusbar-item', { hasText: 'Restricted Mode' });

    step(`workbench up (VS Code ${wb.engine.name}), ${path.basename(values.vsix)} installed, workspace trust on`);
    const banner = page.locator('.monaco-workbench .banner', { hasText: 'Restricted Mode' });
    await banner.waitFor({ timeout: 30000 });
    check(await restrictedStatus.isVisible(), 'the folder opens in Restricted Mode (banner and status bar)');
    await page.locator('.monaco-workbench').click({ position: { x: 640, y: 360 } });

    await quickOpen(page, 'schema.prisma', 'model Session');
    step('schema.prisma open');

    // The config doctor runs after each lint of the schema and sets every file's diagnostics at
    // once: auth.ts's unknown-option in the panel means `.env`'s would be there too, had it been read.
    await page.keyboard.press('Control+Shift+M');
    await problems.locator('.monaco-list-row', { hasText: 'unknown-option' }).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(2000); // a late second run would show up here
    let rows = await problemRows();
    step(`Problems (restricted): ${rows.map((row) => row.replace(/\s+/g, ' ').slice(0, 70)).join(' | ')}`);
    check(rows.some((row) => /auth\.ts/.test(row)), 'the Problems panel lists src/lib/auth.ts (the config doctor ran)');
    check(!rows.some((row) => /\.env\b/.test(row) || row.includes('weak-secret')), 'nothing on .env in Restricted Mode');
    await shot('restricted.png');

    // Trust the folder as a person would: the banner's "Manage" opens the Workspace Trust editor.
    await banner.locator('a, .monaco-button', { hasText: 'Manage' }).first().click();
    const trustEditor = page.locator('.workspace-trust-editor');
    await trustEditor.waitFor();
    await shot('trust-editor.png');
    const trustButton = trustEditor.locator('.monaco-button', { hasText: /^Trust( Folder)?$/ }).first();
    step(`trust editor buttons: ${(await trustEditor.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean).join(' | ')}`);
    await trustButton.click();
    await restrictedStatus.waitFor({ state: 'detached', timeout: 15000 });
    check(true, 'Restricted Mode is gone from the status bar');

    // The extension re-reads every app on onDidGrantWorkspaceTrust: the placeholder secret shows.
    await page.keyboard.press('Control+Shift+M');
    const weak = problems.locator('.monaco-list-row', { hasText: 'weak-secret' }).first();
    await weak.waitFor({ timeout: 30000 });
    rows = await problemRows();
    step(`Problems (trusted): ${rows.map((row) => row.replace(/\s+/g, ' ').slice(0, 70)).join(' | ')}`);
    check(rows.some((row) => /^\.env\b/.test(row.trim())), 'the Problems panel lists .env');
    const weakText = await weak.innerText();
    check(/BETTER_AUTH_SECRET in \.env is a placeholder \(8 characters\)/.test(weakText), 'weak-secret: the placeholder, by its length');
    check(!rows.some((row) => row.includes(SECRET)), "the secret's value appears nowhere in the panel");
    await shot('trusted.png');
  },
});
