// Child process of load-plugins.mjs: for one version, calls every plugin factory its plugin
// modules export (plugin-instances.mjs) and writes getAuthTables({ plugins: [p] }) for each, next
// to getAuthTables({}), as JSON to the output file (not stdout: plugins may log).
//   node probe-plugins.mjs <spec.json>
//   spec: { mode, file, out, modules: [{ module, file }] }
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { asData, loadGetAuthTables } from "./get-auth-tables.mjs";
import { pluginInstances } from "./plugin-instances.mjs";

// factories may start async work that fails without a real context; it never touches the schema
process.on("unhandledRejection", () => {});

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const getAuthTables = await loadGetAuthTables(spec.mode, spec.file);

const result = { base: asData(getAuthTables({})), plugins: [], failed: [], threw: [] };
for (const { module, file } of spec.modules) {
  let exports;
  try {
    exports = await import(pathToFileURL(file).href);
  } catch (error) {
    result.failed.push({ module, error: String(error.message).split("\n")[0] });
    continue;
  }
  const threw = [];
  for (const { plugin, ...entry } of pluginInstances(exports, threw)) {
    try {
      entry.tables = asData(getAuthTables({ plugins: [plugin] }));
    } catch (error) {
      entry.error = String(error.message).split("\n")[0];
    }
    result.plugins.push({ module, ...entry });
  }
  result.threw.push(...threw.map((t) => ({ module, ...t })));
}
writeFileSync(spec.out, JSON.stringify(result));
process.exit(0);
