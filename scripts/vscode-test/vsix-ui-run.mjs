// The frame shared by the UI runs on the installed .vsix (screenshots.mjs, trust.mjs): their
// flags, a temp copy of a fixture app, code-server + Chromium with the .vsix installed, timed
// log lines and assertions, a picture of the page when a step fails, a hard timeout, and the
// teardown. Each script keeps only its steps:
//
//   await vsixUiRun('trust', {
//     fixture: 'trust-app',                     // test/vscode/fixtures/<fixture>, copied to a temp dir
//     launch: { workspaceTrust: true, settings: { ... } },   // more launchWorkbench() options
//     steps: async ({ page, workspace, step, check, shot }) => { ... },
//   });
//
// Flags: [--vscode 1.100|latest] [--vsix <file>] [--out <dir>] [--keep-temp], plus `options`
// (parseArgs). Output goes to --out, default test-results/vscode-<name>/<engine>/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchWorkbench } from './launch.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARD_TIMEOUT_MS = 180000;

/**
 * @param {string} name  the script's name: log prefix, messages and the default --out folder
 * @param {object} o
 * @param {string} o.fixture                  folder under test/vscode/fixtures to open (a temp copy)
 * @param {string[]} [o.entries]              copy only these entries of it
 * @param {object} [o.options]                parseArgs options beyond the shared ones
 * @param {object} [o.launch]                 launchWorkbench() options beyond the shared ones
 * @param {(run: object) => Promise<void>} o.steps   what a person does and sees; throws on a failure
 * @param {(run: object) => Promise<void>} [o.afterPass]  runs once the workbench is closed, if passed
 */
export async function vsixUiRun(name, o) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const { values } = parseArgs({
    options: {
      vscode: { type: 'string', default: '1.100' },
      vsix: { type: 'string', default: path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`) },
      out: { type: 'string' },
      ...o.options,
      'keep-temp': { type: 'boolean', default: false },
    },
  });
  const out = path.resolve(values.out ?? path.join(ROOT, `test-results/vscode-${name}`, values.vscode));
  if (!fs.existsSync(values.vsix)) {
    console.error(`${name}.mjs: ${values.vsix} not found: run npm run package first`);
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });

  const started = Date.now();
  const step = (msg) => console.log(`[${name} ${values.vscode} ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);
  const check = (ok, what) => {
    if (!ok) throw new Error(`assertion failed: ${what}`);
    step(`ok: ${what}`);
  };

  // A temp copy: the steps write into it, and the trusted folder is remembered by its path.
  const fixture = path.join(ROOT, 'test/vscode/fixtures', o.fixture);
  const wsParent = fs.mkdtempSync(path.join(os.tmpdir(), `vscode-${name}-ws-`));
  const workspace = path.join(wsParent, o.fixture);
  if (o.entries) {
    fs.mkdirSync(workspace);
    for (const entry of o.entries) fs.cpSync(path.join(fixture, entry), path.join(workspace, entry), { recursive: true });
  } else {
    fs.cpSync(fixture, workspace, { recursive: true });
  }

  const wb = await launchWorkbench({
    vscode: values.vscode,
    workspace,
    installExtensions: [values.vsix],
    keepTemp: values['keep-temp'],
    viewport: { width: 1280, height: 720 },
    ...o.launch,
  });
  const { page } = wb;
  const shots = [];
  const shot = async (file) => {
    const target = path.join(out, file);
    await page.screenshot({ path: target });
    shots.push(target);
    step(`screenshot ${path.relative(ROOT, target)}`);
  };
  const run = { values, out, workspace, wb, page, step, check, shot, shots };

  let failed = false;
  const hardTimeout = setTimeout(async () => {
    console.error(`[${name}] ERROR: hard timeout (${HARD_TIMEOUT_MS / 1000} s)`);
    await page.screenshot({ path: path.join(out, 'timeout.png') }).catch(() => {});
    await wb.close();
    process.exit(124);
  }, HARD_TIMEOUT_MS);

  try {
    await o.steps(run);
  } catch (err) {
    failed = true;
    console.error(`[${name}] ERROR: ${err.message}`);
    await page.screenshot({ path: path.join(out, 'error.png') }).catch(() => {});
    console.error(`[${name}] the page at the failure: ${path.join(out, 'error.png')}`);
  } finally {
    clearTimeout(hardTimeout);
    await wb.close();
    fs.rmSync(wsParent, { recursive: true, force: true });
  }

  if (!failed) await o.afterPass?.(run);
  console.log(failed ? `${name} (${values.vscode}): FAILED` : `${name} (${values.vscode}): passed`);
  process.exit(failed ? 1 : 0);
}
