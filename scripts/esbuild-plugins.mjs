// esbuild plugins every bundle of src/ needs (the product build, the benchmarks, the VS Code
// suites, the built-CLI test), so a bundle made anywhere behaves like the shipped one.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// jsonc-parser's `main` is a UMD build whose `require("./impl/...")` calls esbuild cannot follow
// (the bundle throws "Cannot find module './impl/format'"); its maintainers point bundlers at the
// ESM build in `module` (https://github.com/microsoft/node-jsonc-parser/issues/57).
export const jsoncParserEsm = {
  name: "jsonc-parser-esm",
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: require.resolve("jsonc-parser/lib/esm/main.js") }));
  },
};
