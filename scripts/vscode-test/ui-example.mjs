#!/usr/bin/env node
// Drives the workbench the way a person would and saves screenshots: a worked example of
// launchWorkbench() for UI tests (README pictures). Uses the harness's self-test fixtures.
//
//   node scripts/vscode-test/ui-example.mjs [--vscode 1.100|latest] [--out <dir>]
//
// Steps: Quick Open a file, wait for the squiggle, Ctrl+. on it, Enter on the preferred quick
// fix, then F1 and run a command by its title, and read its notification.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchWorkbench, quickOpen } from './launch.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    vscode: { type: 'string', default: '1.100' },
    out: { type: 'string', default: path.join(ROOT, 'test-results/vscode-ui') },
  },
});
fs.mkdirSync(values.out, { recursive: true });

const started = Date.now();
const step = (msg) => console.log(`[ui-example ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);

// Work on a copy: the steps below edit the file.
const wsCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-ui-ws-'));
fs.cpSync(path.join(ROOT, 'test/vscode/fixtures/workspace'), path.join(wsCopy, 'workspace'), { recursive: true });

const wb = await launchWorkbench({
  vscode: values.vscode,
  workspace: path.join(wsCopy, 'workspace'),
  extensionDevelopmentPath: path.join(ROOT, 'test/vscode/fixtures/sample-ext'),
  // No extensionTestsPath: the window stays open for us to drive.
});
const { page } = wb;
const shot = async (name) => {
  const file = path.join(values.out, `${values.vscode}-${name}.png`);
  await page.screenshot({ path: file });
  step(`screenshot ${file}`);
};

let failed = false;
const hardTimeout = setTimeout(async () => {
  console.error('[ui-example] ERROR: hard timeout (120 s)');
  await wb.close();
  process.exit(124);
}, 120000);

try {
  step(`workbench up (${wb.engine.name})`);
  // Keyboard focus must be in the workbench before shortcuts work.
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 400 } });

  // Quick Open the file.
  await quickOpen(page, 'hello.txt', 'TODO: replace me');
  step('hello.txt open');

  // The extension's diagnostic shows as a squiggle.
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
  await shot('1-squiggle');

  // Cursor onto the TODO (line 2, column 1), then Ctrl+. opens the quick-fix menu.
  await page.keyboard.press('Control+G');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget', { hasText: 'Replace TODO with DONE' });
  await menu.waitFor();
  await shot('2-quick-fix-menu');
  // Enter rather than a click: overlays can intercept clicks on the menu.
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'DONE: replace me' }).waitFor();
  await shot('3-fixed');
  step('quick fix applied');

  // Command palette: run the command by its title.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type('Sample Ext: Say Hello');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Say Hello' }).first().waitFor();
  await page.keyboard.press('Enter');
  // Toasts are hidden when the smoke-test driver is on (latest engine): read the notification
  // centre instead, which shows them in both.
  await page.keyboard.press('F1');
  await page.keyboard.type('Notifications: Show Notifications');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.notifications-center', { hasText: 'Hello from sample-ext' }).waitFor();
  await shot('4-notification');
  step('command ran, notification shown');
} catch (err) {
  failed = true;
  console.error(`[ui-example] ERROR: ${err.message}`);
  await shot('error').catch(() => {});
} finally {
  clearTimeout(hardTimeout);
  await wb.close();
  fs.rmSync(wsCopy, { recursive: true, force: true });
}
console.log(failed ? 'ui-example: FAILED' : 'ui-example: passed');
process.exit(failed ? 1 : 0);
