// Loads one version's getAuthTables, shared by probe.mjs (core tables) and probe-plugins.mjs.
//   mode "import": the module at `file` exports it as `exportName`
//   mode "source": the bundle defines `var getAuthTables = (options) => {…}` without exporting it
//                  (0.4.0–0.4.6): that text is evaluated alone (it reads only its `options`)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

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

export async function loadGetAuthTables(mode, file, exportName = "getAuthTables") {
  const getAuthTables =
    mode === "source"
      ? new Function(`return (${functionSource(readFileSync(file, "utf8"))});`)()
      : (await import(pathToFileURL(file).href))[exportName];
  if (typeof getAuthTables !== "function") throw new Error(`${file} exports no ${exportName}`);
  return getAuthTables;
}

/** getAuthTables' answer as JSON data: functions (defaultValue: () => new Date()) become "[function]". */
export const asData = (value) => JSON.parse(JSON.stringify(value, (_key, inner) => (typeof inner === "function" ? "[function]" : inner)));
