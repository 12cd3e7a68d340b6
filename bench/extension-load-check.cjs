// Child process of config.bench.mjs: requires dist/extension.js with `vscode` stubbed and prints,
// as JSON, the modules its loading required. Module load only: activate() is not called.
const Module = require("node:module");
const path = require("node:path");

// Any property, call or construction yields the stub again; esbuild's ESM interop reads the
// module's properties through its prototype, hence the prototype proxy.
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === "prototype" ? {} : key === Symbol.toPrimitive ? () => "" : stub),
  apply: () => stub,
  construct: () => stub,
  getPrototypeOf: () => prototype,
});
const prototype = new Proxy({}, { get: () => stub });

const requested = new Set();
const load = Module._load;
Module._load = function (request) {
  requested.add(request);
  return request === "vscode" ? stub : load.apply(this, arguments);
};
require(path.resolve(process.argv[2]));
process.stdout.write(JSON.stringify({ requested: [...requested] }));
