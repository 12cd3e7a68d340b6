// The few mocha BDD globals the extension-host suites use. mocha is not a project dependency
// (the harness installs its own copy next to code-server, see scripts/vscode-test/setup.sh), so
// neither are its types; these declarations cover what the suites call.
interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: MochaContext) => unknown;
declare function describe(title: string, fn: (this: MochaContext) => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
