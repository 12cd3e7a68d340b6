// Test runner that VS Code's extension host loads (the `extensionTestsPath`, given without ".js"):
// the @vscode/test-electron shape. run() resolves when every test passed and rejects otherwise;
// scripts/vscode-test/run.mjs turns that into its exit code. scripts/vscode-test/build-suites.mjs
// bundles this file and every *.suite.ts next to it into .tmp/vscode-suites/; mocha is the project's
// dev dependency, found from there by require().
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

export function run(): Promise<void> {
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
