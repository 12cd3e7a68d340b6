// Child process of load-tables.mjs: imports one version's getAuthTables and prints getAuthTables({})
// as JSON (functions become "[function]"). A process per version keeps module caches and
// dependency trees of different versions apart.
//   node probe.mjs import <file> [export-name]   the module exports getAuthTables
//   node probe.mjs source <file>                 the bundle defines `var getAuthTables = (options) => {…}`
//                                                without exporting it (0.4.0–0.4.6): evaluate that text alone
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mode, file, exportName = "getAuthTables"] = process.argv.slice(2);

function functionSource(text) {
  const start = text.indexOf("var getAuthTables = (options) => {");
  if (start < 0) throw new Error("getAuthTables definition not found");
  let depth = 0;
  for (let i = text.indexOf("{", start); i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(text.indexOf("(options)", start), i + 1);
  }
  throw new Error("unbalanced getAuthTables body");
}

const getAuthTables =
  mode === "source"
    ? new Function(`return (${functionSource(readFileSync(file, "utf8"))});`)()
    : (await import(pathToFileURL(file).href))[exportName];
if (typeof getAuthTables !== "function") throw new Error(`${file} exports no ${exportName}`);
process.stdout.write(JSON.stringify(getAuthTables({}), (_key, value) => (typeof value === "function" ? "[function]" : value)));
