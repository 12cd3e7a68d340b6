// Child process of load-tables.mjs: imports one version's getAuthTables and prints getAuthTables({})
// as JSON (functions become "[function]"). A process per version keeps module caches and
// dependency trees of different versions apart.
//   node probe.mjs import <file> [export-name]   the module exports getAuthTables
//   node probe.mjs source <file>                 the bundle defines getAuthTables without exporting it (0.4.0–0.4.6)
import { asData, loadGetAuthTables } from "./get-auth-tables.mjs";

const [mode, file, exportName] = process.argv.slice(2);
const getAuthTables = await loadGetAuthTables(mode, file, exportName);
process.stdout.write(JSON.stringify(asData(getAuthTables({}))));
