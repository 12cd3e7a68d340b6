#!/usr/bin/env node
// The extension's page as a user of an offline editor sees it: installs the packaged .vsix into
// code-server, refuses every request that leaves the machine, opens the extension's Details tab
// and reads the rendered README out of its webview (a frame nested in the workbench's webview
// frame). It checks:
//   - the page shows the users' README (its settings and commands), not the developers' one
//   - every picture kept its https source through VS Code's sanitizer: VS Code 1.103+ keeps only
//     http(s) sources in an extension's README (data: and relative ones are dropped, so no picture
//     can come from the .vsix offline), and CSP allows https: and data: only; offline, a picture
//     shows its description (alt), which must be there
//   - with the repository host answered from this checkout (as it answers once pushed), every
//     picture loads (naturalWidth > 0): the links the "package" script writes point at real files
//
//   npm run package
//   node scripts/vscode-test/extension-page.mjs [--vscode 1.100|latest] [--vsix <file>] [--out <dir>]
//
// A screenshot of the page goes to --out (default test-results/vscode-extension-page/<engine>.png).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchWorkbench } from './launch.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { name, version, displayName, scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const imagesBase = /--baseImagesUrl (\S+)/.exec(scripts.package)?.[1];
const { values } = parseArgs({
  options: {
    vscode: { type: 'string', default: '1.100' },
    vsix: { type: 'string', default: path.join(ROOT, `${name}-${version}.vsix`) },
    out: { type: 'string', default: path.join(ROOT, 'test-results/vscode-extension-page') },
  },
});
if (!fs.existsSync(values.vsix)) {
  console.error(`extension-page.mjs: ${values.vsix} not found: run npm run package first`);
  process.exit(2);
}
fs.mkdirSync(values.out, { recursive: true });

const started = Date.now();
const step = (msg) => console.log(`[extension-page ${values.vscode} ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);
const problems = [];
const check = (ok, what) => {
  if (ok) step(`ok: ${what}`);
  else problems.push(what);
};

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-extension-page-ws-'));
const wb = await launchWorkbench({ vscode: values.vscode, workspace, installExtensions: [values.vsix], viewport: { width: 1280, height: 900 } });
const { page, context } = wb;
// Offline: only the code-server on the loopback answers, and the pictures' host answers from this
// checkout; whatever else the page asks for fails, as on a machine without internet.
const refused = new Set();
const served = new Set();
await context.route(
  (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
  (route) => {
    const url = route.request().url();
    const file = imagesBase && url.startsWith(imagesBase) ? path.join(ROOT, decodeURIComponent(url.slice(imagesBase.length))) : undefined;
    if (file && fs.existsSync(file)) {
      served.add(url);
      return route.fulfill({ path: file });
    }
    refused.add(url);
    return route.abort('internetdisconnected');
  },
);

const hardTimeout = setTimeout(async () => {
  console.error('[extension-page] ERROR: hard timeout (150 s)');
  await page.screenshot({ path: path.join(values.out, `${values.vscode}-timeout.png`) }).catch(() => {});
  await wb.close();
  process.exit(124);
}, 150000);

/** The frame that shows the README: the innermost webview frame with the extension's title. */
async function readmeFrame() {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const title = await frame.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');
    if (title.includes(displayName)) return frame;
  }
  return undefined;
}

let failed = false;
try {
  step(`workbench up (VS Code ${wb.engine.name}), ${path.basename(values.vsix)} installed`);
  await page.locator('.monaco-workbench').click({ position: { x: 640, y: 450 } });
  // The Extensions view, filtered to installed ones, then Enter on the row opens its page.
  await page.keyboard.press('Control+Shift+X');
  // Ctrl+Shift+X focuses the view's search box.
  await page.locator('.extensions-viewlet .suggest-input-container .monaco-editor.focused').waitFor({ timeout: 20000 });
  await page.keyboard.type(`@installed ${displayName}`);
  const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: displayName }).first();
  await row.waitFor({ timeout: 20000 });
  await row.click();
  await page.locator('.extension-editor .header .name', { hasText: displayName }).waitFor({ timeout: 20000 });
  step('extension page open');

  let frame;
  for (let i = 0; i < 60 && !frame; i++) {
    frame = await readmeFrame();
    if (!frame) await page.waitForTimeout(500);
  }
  if (!frame) throw new Error(`no webview frame shows a README titled "${displayName}"`);
  // Images are done when each is complete (loaded or failed); give them up to 15 s.
  await frame.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: 15000 }).catch(() => {});
  const readme = await frame.evaluate(() => ({
    headings: [...document.querySelectorAll('h2')].map((h) => h.textContent.trim()),
    images: [...document.images].map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt'), width: img.naturalWidth, height: img.naturalHeight })),
  }));
  await page.screenshot({ path: path.join(values.out, `${values.vscode}.png`) });
  step(`sections: ${readme.headings.join(' | ')}`);
  check(readme.headings.some((h) => /settings/i.test(h)) && readme.headings.some((h) => /commands/i.test(h)), 'the page shows the README with its settings and commands');
  check(readme.images.length > 0, `the README shows pictures (${readme.images.length} <img>)`);
  for (const img of readme.images) {
    const file = img.src?.startsWith(imagesBase) ? img.src.slice(imagesBase.length) : img.src === null ? '(src removed by the sanitizer)' : img.src.slice(0, 80);
    step(`  <img> ${file} ${img.width}x${img.height} alt="${(img.alt ?? '').slice(0, 60)}"`);
    check(img.src !== null && img.src.startsWith(imagesBase), `${file}: source kept, on ${imagesBase}`);
    check((img.alt ?? '').length >= 20, `${file}: described for offline readers`);
    check(img.width > 0, `${file}: loaded from the repository host`);
  }
} catch (err) {
  failed = true;
  console.error(`[extension-page] ERROR: ${err.message}`);
  await page.screenshot({ path: path.join(values.out, `${values.vscode}-error.png`) }).catch(() => {});
} finally {
  clearTimeout(hardTimeout);
  await wb.close();
  fs.rmSync(workspace, { recursive: true, force: true });
}
step(`served from this checkout: ${served.size} picture(s) of ${imagesBase}`);
for (const url of refused) step(`refused (offline): ${url.length > 100 ? `${url.slice(0, 97)}...` : url}`);
for (const problem of problems) console.error(`[extension-page] FAILED: ${problem}`);
failed ||= problems.length > 0;
console.log(failed ? `extension-page (${values.vscode}): FAILED` : `extension-page (${values.vscode}): passed`);
process.exit(failed ? 1 : 0);
