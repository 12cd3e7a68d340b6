#!/usr/bin/env node
// The README's pictures, taken as a test: installs the packaged .vsix into code-server as a user
// would (no development extension), opens a copy of the fixture app and walks the main path with
// the keyboard and mouse, asserting what a person would see at each step:
//   schema.prisma → error squiggle on `model Session` → hover shows the message → Problems panel
//   → Ctrl+. lists the fixes in ESLint's order → Enter applies the preferred one → migration.sql
//   opens and exists on disk → the error is gone.
//
//   npm run package   # better-auth-doctor-<version>.vsix
//   node scripts/vscode-test/screenshots.mjs [--vscode 1.100|latest] [--vsix <file>] [--out <dir>]
//                                            [--update-screenshots]
//
// Screenshots go to --out (default test-results/vscode-screenshots/<engine>/); with
// --update-screenshots they are also copied to images/screenshot-*.png (the README's). The flags,
// the launch and the teardown: vsix-ui-run.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { quickOpen } from './launch.mjs';
import { ROOT, vsixUiRun } from './vsix-ui-run.mjs';

await vsixUiRun('screenshots', {
  // Only what the pictures show: package.json (Better Auth 1.7.25) and prisma/schema.prisma (the
  // ≤ 0.8 Session layout). The steps below write into the copy.
  fixture: 'better-auth-app',
  entries: ['package.json', 'prisma'],
  options: { 'update-screenshots': { type: 'boolean', default: false } },
  launch: {
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'breadcrumbs.enabled': false, 'editor.wordWrap': 'on' },
  },
  steps: async ({ values, workspace, wb, page, step, check, shot }) => {
    step(`workbench up (VS Code ${wb.engine.name}), ${path.basename(values.vsix)} installed`);
    await page.locator('.monaco-workbench').click({ position: { x: 640, y: 360 } });

    // Quick Open the schema, as a person would.
    await quickOpen(page, 'schema.prisma', 'model Session');
    step('schema.prisma open');

    // The error squiggle under `Session` (the installed extension activated on its own).
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ timeout: 30000 });
    check((await page.locator('.monaco-editor .squiggly-error').count()) === 1, 'one error squiggle (session-token-layout)');

    // Hover it: the message names the version and what the fix does.
    // The mouse over the squiggle's box (the text layer above it takes the pointer events).
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2 - 4, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'looks every session up by' }).first();
    await hover.waitFor({ timeout: 15000 });
    const hoverText = await hover.innerText();
    check(hoverText.includes('Better Auth 1.7.25'), 'the hover names Better Auth 1.7.25');
    check(hoverText.includes('session-token-layout'), 'the hover shows the rule id (a link to its docs)');
    await shot('screenshot-hover.png');
    await page.mouse.move(5, 700);
    await page.keyboard.press('Escape');

    // Problems panel.
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'no `token` field' }).first().waitFor();
    const problemRows = await problems.locator('.monaco-list-row').allInnerTexts();
    check(problemRows.some((row) => row.includes('session-token-layout')), 'the Problems panel lists session-token-layout');
    check(problemRows.some((row) => row.includes('id-strategy')), 'and the id-strategy info');
    await shot('screenshot-problems.png');
    await page.keyboard.press('Control+J'); // hide the panel again
    await problems.waitFor({ state: 'hidden' });

    // Cursor onto `Session` (line 25) and Ctrl+. for the quick fixes.
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 20, y: 5 } });
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('25:8');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget', { hasText: 'write the migration' });
    await menu.waitFor();
    const items = (await menu.locator('.monaco-list-row.action').allInnerTexts()).map((t) => t.trim());
    step(`quick fixes: ${items.join(' | ')}`);
    check(/^Add Session\.token String @unique and write the migration/.test(items[0] ?? ''), 'the Session fix is first');
    check(/^Ignore session-token-layout for this model \(Session\)/.test(items[1] ?? ''), 'then ignore for this model');
    check(/^Show documentation for session-token-layout/.test(items[2] ?? ''), 'then show documentation');
    await shot('screenshot-quickfix.png');

    // Enter applies the highlighted (preferred) fix: the model changes and migration.sql opens.
    await page.keyboard.press('Enter');
    const migrationEditor = page.locator('.monaco-editor .view-lines', { hasText: 'ALTER TABLE "session" ADD COLUMN "token" TEXT;' });
    await migrationEditor.waitFor({ timeout: 20000 });
    const tab = page.locator('.tabs-container .tab.active', { hasText: 'migration.sql' });
    await tab.waitFor();
    const migrationsDir = path.join(workspace, 'prisma/migrations');
    const folders = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir) : [];
    check(folders.length === 1 && /^\d{14}_better_auth_session_token$/.test(folders[0]), `prisma/migrations/${folders[0]} exists`);
    const sql = fs.readFileSync(path.join(migrationsDir, folders[0], 'migration.sql'), 'utf8');
    check(sql.includes('UPDATE "session" SET "token" = "id"'), 'migration.sql copies id into token');
    await shot('screenshot-migration.png');

    // Back in the schema: the new field is there (unsaved) and the error squiggle is gone.
    await page.locator('.tabs-container .tab', { hasText: 'schema.prisma' }).click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'token' }).first().waitFor();
    await page.locator('.monaco-editor .squiggly-error').waitFor({ state: 'detached', timeout: 15000 });
    check(true, 'the error squiggle is gone after the fix');
  },
  afterPass: async ({ values, shots, step }) => {
    if (!values['update-screenshots']) return;
    for (const file of shots) {
      const target = path.join(ROOT, 'images', path.basename(file));
      fs.copyFileSync(file, target);
      // The README's pictures travel with every page view: quantised they are a third of the size.
      const shrunk = spawnSync('pngquant', ['--quality=70-95', '--speed', '1', '--strip', '--ext', '.png', '--force', target]);
      step(`updated ${path.relative(ROOT, target)}${shrunk.status === 0 ? ' (pngquant)' : ' (pngquant not installed: apt-get install pngquant, then run again)'}`);
    }
  },
});
