#!/usr/bin/env node
// Runs extension tests inside a real VS Code (code-server's workbench in headless Chromium).
//
//   node scripts/vscode-test/run.mjs --vscode 1.100|latest --extension <dir> \
//        --tests <compiled runner path without .js> --workspace <folder> \
//        [--screenshots <dir>] [--timeout <seconds>] [--copy-workspace] [--keep-temp] [--verbose]
//
// Exits with the tests' exit code (0 = all passed), 2 on bad usage or a missing setup, 124 on the
// hard timeout. Install the tools first: scripts/vscode-test/setup.sh. See docs/testing-in-vscode.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchWorkbench, resolveEngine } from './launch.mjs';

const USAGE =
  'usage: node scripts/vscode-test/run.mjs --vscode 1.100|latest --extension <dir> --tests <runner without .js>' +
  ' --workspace <folder> [--screenshots <dir>] [--timeout <s>] [--copy-workspace] [--keep-temp] [--verbose]';

function usage(message) {
  console.error(`run.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      vscode: { type: 'string', default: '1.100' },
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      screenshots: { type: 'string' },
      timeout: { type: 'string', default: '180' },
      'copy-workspace': { type: 'boolean', default: false },
      'keep-temp': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  usage(err.message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const required of ['extension', 'tests', 'workspace']) if (!values[required]) usage(`--${required} is required`);

const extensionDir = path.resolve(values.extension);
// Accept "out/test/suite/index.js" too, but hand VS Code the path without ".js" as test-electron does.
const testsPath = path.resolve(values.tests).replace(/\.c?js$/, '');
let workspace = path.resolve(values.workspace);
const timeoutMs = Number(values.timeout) * 1000;
if (!(timeoutMs > 0)) usage(`--timeout must be a number of seconds, got ${values.timeout}`);
if (!fs.existsSync(path.join(extensionDir, 'package.json'))) usage(`--extension ${extensionDir} has no package.json`);
if (!fs.existsSync(`${testsPath}.js`) && !fs.existsSync(`${testsPath}.cjs`) && !fs.existsSync(path.join(testsPath, 'index.js'))) {
  usage(`--tests ${testsPath}(.js) does not exist (did you compile the tests?)`);
}
if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) usage(`--workspace ${workspace} is not a folder`);

try {
  resolveEngine(values.vscode); // unknown engine or setup.sh not run: say so before starting anything
} catch (err) {
  usage(err.message);
}

let workspaceCopy;
if (values['copy-workspace']) {
  // Tests that save files then leave the fixture untouched.
  workspaceCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-ws-'));
  workspace = path.join(workspaceCopy, path.basename(workspace));
  fs.cpSync(path.resolve(values.workspace), workspace, { recursive: true });
}

// The workbench's own chatter that reaches codeAutomationLog too; hidden unless --verbose.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Creation of workbench contribution/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /ENOTFOUND open-vsx\.org/, // the extension gallery is unreachable here and not needed
  /^\[reconnection-grace-time\]/,
  /^\[AccountPolicyGate\]/,
  /^\[AgentHost:/,
  /authentication provider 'github' to register/,
];

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[vscode-test] ${msg}`);

async function screenshot(page, name) {
  if (!values.screenshots || !page) return;
  fs.mkdirSync(values.screenshots, { recursive: true });
  const file = path.join(values.screenshots, `${values.vscode}-${name}.png`);
  try {
    await page.screenshot({ path: file });
    say(`screenshot: ${file}`);
  } catch (err) {
    say(`screenshot ${file} failed: ${err.message}`);
  }
}

let workbench;
let exitCode = 1;
let timer;
const timedOut = new Promise((resolve) => {
  timer = setTimeout(() => resolve('timeout'), timeoutMs);
});
// Ctrl+C: still tear down code-server's process group.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    say(`${signal}: stopping`);
    await workbench?.close();
    process.exit(130);
  });
}

try {
  say(`VS Code ${values.vscode}: extension ${extensionDir}, tests ${testsPath}, workspace ${workspace}`);
  const aborter = new AbortController();
  const launching = launchWorkbench({
    vscode: values.vscode,
    signal: aborter.signal,
    workspace,
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: testsPath,
    keepTemp: values['keep-temp'],
    startTimeoutMs: Math.min(timeoutMs, 90000),
    onLog: (type, text) => {
      if (!values.verbose && WORKBENCH_NOISE.some((re) => re.test(text))) return;
      (type === 'error' ? console.error : console.log)(text);
    },
    onServerOutput: values.verbose ? (line) => console.log(`[code-server] ${line}`) : undefined,
  });
  const first = await Promise.race([launching, timedOut]);
  if (first === 'timeout') {
    aborter.abort(); // stops code-server and Chromium if they were already started
    await launching.then((wb) => wb.close()).catch(() => {});
    throw Object.assign(new Error(`timed out after ${values.timeout} s while starting VS Code ${values.vscode}`), {
      exitCode: 124,
    });
  }
  workbench = first;
  say(`workbench up in ${elapsed()} (${workbench.engine.name}, Node ${workbench.engine.node}, port ${workbench.port})`);
  if (values.verbose) {
    workbench.page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    workbench.page.on('pageerror', (e) => console.log(`[browser pageerror] ${e.message}`));
  }
  await screenshot(workbench.page, 'started');

  const result = await Promise.race([workbench.exitCode, timedOut]);
  if (result === 'timeout') {
    await screenshot(workbench.page, 'timeout');
    throw Object.assign(
      new Error(
        `timed out after ${values.timeout} s waiting for the tests to finish (window.codeAutomationExit was never ` +
          `called: the runner's run() never settled, or the extension host did not load it; code-server log: ` +
          `${workbench.serverLog}${values['keep-temp'] ? '' : ' — rerun with --keep-temp --verbose to keep it'})`,
      ),
      { exitCode: 124 },
    );
  }
  exitCode = result;
  await screenshot(workbench.page, 'finished');
  say(`tests ${exitCode === 0 ? 'passed' : `FAILED (exit code ${exitCode})`} on VS Code ${values.vscode} in ${elapsed()}`);
} catch (err) {
  console.error(`[vscode-test] ERROR: ${err.message}`);
  exitCode = err.exitCode ?? 1;
} finally {
  clearTimeout(timer);
  await workbench?.close();
  if (workspaceCopy) fs.rmSync(workspaceCopy, { recursive: true, force: true });
}
process.exit(exitCode);
