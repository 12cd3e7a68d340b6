// Test runner that VS Code's extension host loads (the `extensionTestsPath`, given without ".js"):
// the @vscode/test-electron shape. run() resolves when every test passed and rejects otherwise;
// scripts/vscode-test/run.mjs turns that into its exit code. scripts/vscode-test/build-suites.mjs
// bundles this file and every *.suite.ts next to it into .tmp/vscode-suites/.
import * as fs from "node:fs";
import * as path from "node:path";

interface MochaRunner {
  addFile(file: string): void;
  grep(pattern: RegExp): void;
  run(done: (failures: number) => void): void;
}
type MochaConstructor = new (options: Record<string, unknown>) => MochaRunner;

// The project's own mocha if it ever has one; otherwise the harness's copy, whose path
// launch.mjs passes in VSCODE_TEST_MOCHA (NODE_PATH does not reach the extension host).
function loadMocha(): MochaConstructor {
  try {
    return require("mocha");
  } catch (error) {
    const harnessMocha = process.env.VSCODE_TEST_MOCHA;
    if (!harnessMocha) throw error;
    return require(harnessMocha);
  }
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: "bdd", color: false, reporter: "spec", timeout: 30_000, slow: 5_000 });
  // BETTER_AUTH_DOCTOR_TEST_GREP=<regexp> runs a subset (the extension host inherits run.mjs's env).
  const grep = process.env.BETTER_AUTH_DOCTOR_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  // Not *.test.js: vitest (the unit tier) would collect those and fail on require("vscode").
  const suites = fs.readdirSync(__dirname).filter((file) => file.endsWith(".suite.js")).sort();
  if (!suites.length) return Promise.reject(new Error(`no *.suite.js next to ${__filename}: run scripts/vscode-test/build-suites.mjs`));
  for (const file of suites) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed.`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
