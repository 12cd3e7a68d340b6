// Facts about a version read from its published JavaScript (better-auth's dist plus
// @better-auth/core's when the version has it). Everything here is found by pattern, so each
// finder returns null when its pattern is not found rather than guessing; extract.mjs refuses
// to write tables.json while any fact is null.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every ESM/JS file under dist (no .cjs duplicates, no typings). */
export function distFiles(pkgRoot) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.m?js$/.test(name)) out.push({ path, text: readFileSync(path, "utf8") });
    }
  };
  walk(join(pkgRoot, "dist"));
  return out;
}

const METHOD_START = (name) => new RegExp(`(?:\\b${name}\\s*:\\s*async\\b|\\basync\\s+${name}\\s*\\()`, "g");

/**
 * The text of one method of the internal adapter's object literal: from its name to the comma or
 * brace that closes it at its own nesting level (strings and template literals skipped).
 */
export function methodText(text, name) {
  const match = METHOD_START(name).exec(text);
  if (!match) return null;
  let depth = 0;
  const stack = [];
  for (let i = match.index; i < text.length; i++) {
    const c = text[i];
    const inTemplate = stack.at(-1) === "`";
    if (inTemplate) {
      if (c === "\\") i++;
      else if (c === "`") stack.pop();
      else if (c === "$" && text[i + 1] === "{") {
        stack.push("${");
        depth++;
        i++;
      }
      continue;
    }
    if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) + 1;
    else if (c === "/" && text[i + 1] === "/") i = text.indexOf("\n", i);
    else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "`") stack.push("`");
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return text.slice(match.index, i);
      depth--;
      if (c === "}" && stack.at(-1) === "${") stack.pop();
    } else if (c === "," && depth === 0) return text.slice(match.index, i);
  }
  throw new Error(`cannot find the end of ${name}`);
}

/**
 * Columns written by the object literals in `code` that mix spread input with Better Auth's own
 * values (`{ id: generateId(), createdAt: new Date(), ...user }`); other keys are not columns.
 */
export function literalKeys(code, columns) {
  const keys = new Set();
  for (let start = code.indexOf("{"); start >= 0; start = code.indexOf("{", start + 1)) {
    const body = topLevel(code, start);
    // `const { id: _, ...rest } = override` is a pattern, not a row
    if (body !== null && /^\s*=(?![=>])/.test(code.slice(body.end))) continue;
    if (body === null || !body.some((part) => part.trim().startsWith("..."))) continue;
    for (const part of body) {
      const entry = part.trim();
      if (entry.startsWith("...") || entry === "") continue;
      const key = /^(?:\/\*[^]*?\*\/\s*)*([A-Za-z_$][\w$]*)\s*(?::|$)/.exec(entry);
      if (key && columns.has(key[1])) keys.add(key[1]);
    }
    // the first such literal is the row; later ones build hook or cache payloads
    break;
  }
  return [...keys].sort();
}

// The comma-separated top-level entries of the object literal opening at `start`, or null.
function topLevel(code, start) {
  const parts = [];
  let depth = 0;
  let from = start + 1;
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === "/" && code[i + 1] === "*") i = code.indexOf("*/", i + 2) + 1;
    else if (c === '"' || c === "'" || c === "`") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        if (c !== "}") return null;
        parts.push(code.slice(from, i));
        parts.end = i + 1;
        return parts;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      parts.push(code.slice(from, i));
      from = i + 1;
    }
  }
  return null;
}

function internalAdapter(files) {
  return files.find(({ text }) => /createInternalAdapter\s*=|function createInternalAdapter|\bcreateUser\s*:\s*async/.test(text) && METHOD_START("findSession").test(text));
}

/** `tables` is the version's normalised getAuthTables({}), to tell columns from other keys. */
export function readFacts(files, tables) {
  const adapter = internalAdapter(files);
  const all = files.map(({ text }) => text).join("\n");
  const method = (name) => (adapter ? methodText(adapter.text, name) : null);

  const findSession = method("findSession");
  const lookup = findSession && /field\s*:\s*["'](id|token)["']/.exec(findSession);

  const writes = {};
  for (const [model, name] of [["user", "createUser"], ["session", "createSession"], ["account", "createAccount"], ["verification", "createVerificationValue"]]) {
    const code = method(name);
    // null: the version has no such method (0.4.0 creates accounts in createOAuthUser)
    writes[model] = code ? literalKeys(code, new Set(["id", ...Object.keys(tables[model]?.fields ?? {})])) : null;
  }

  const deleteUser = method("deleteUser");
  const deletes = deleteUser && orderOfModels(deleteUser);

  const databaseOption = /advanced\??\.database\??\.generateId/.test(all);
  const legacyOption = /advanced\??\.generateId/.test(all);
  const uuidBranch = /generateId\S{0,3}\s*===?\s*["']uuid["']/.test(all);
  const serialBranch = /generateId\s*===?\s*["']serial["']/.test(all);
  const falseBranch = /generateId\s*===?\s*(?:false|!1)\b/.test(all) || /generateId\$?\d?\s*===\s*false/.test(all);
  // generateId(size) without a size: 1.1+ createRandomStringGenerator("a-z", "A-Z", "0-9")(size || 32);
  // 0.4.0–0.4.6 generateRandomString(size || 21, alphabet(…)); 0.4.13–1.0.x nanoid(size) (nanoid's default 21)
  const alphanumeric = /[\w$]+\(\s*["']a-z["']\s*,\s*["']A-Z["']\s*,\s*["']0-9["']\s*\)\(\s*\w+\s*\|\|\s*(\d+)\s*\)/.exec(all);
  const oslo = /generateRandomString\(\s*\w+\s*\|\|\s*(\d+)\s*,\s*alphabet\(\s*"a-z",\s*"0-9",\s*"A-Z"\s*\)\)/.exec(all);
  const nanoid = /from\s*["']nanoid["']/.test(all);

  return {
    sessionLookup: lookup ? lookup[1] : null,
    writes,
    deleteUser: deletes,
    generateId: {
      option: databaseOption ? "advanced.database.generateId" : legacyOption ? "advanced.generateId" : null,
      legacyOptionRead: databaseOption && legacyOption,
      accepts: {
        false: falseBranch,
        serial: serialBranch,
        uuid: uuidBranch,
        function: true,
      },
      // without a "uuid" branch a string value reaches `generateId({ model })` and throws
      uuid: uuidBranch ? "crypto.randomUUID() (or the database's own default where it has uuids)" : "throws: a string is called as a function",
      defaultId: alphanumeric
        ? `${alphanumeric[1]} chars [A-Za-z0-9]`
        : oslo
          ? `${oslo[1]} chars [A-Za-z0-9]`
          : nanoid
            ? "nanoid: 21 chars [A-Za-z0-9_-]"
            : null,
    },
    validateSchema: schemaCheck(files),
    // the adapter fills `defaultValue` on insert itself (so such columns need no database default)
    adapterAppliesDefaults: /fieldAttributes\.defaultValue/.test(all),
    source: adapter ? adapter.path : null,
  };
}

/**
 * The schema check behind advanced.database.validateSchema (1.7.3+): the finding kinds of the
 * module that throws SCHEMA_MISMATCH, or false. (1.4.x bundles MySQL's ER_TABLE_SCHEMA_MISMATCH,
 * and test-utils only mention the code, hence the exact pattern.)
 */
function schemaCheck(files) {
  const file = files.find(({ path, text }) => !/test-utils/.test(path) && /code\s*=\s*["']SCHEMA_MISMATCH["']/.test(text));
  if (!file) return false;
  return [...new Set([...file.text.matchAll(/kind:\s*["']([a-z-]+)["']/g)].map((m) => m[1]))].sort();
}

/**
 * What deleteUser removes before the user row, per model: "all" rows of the user (deleteMany),
 * "one" (a plain delete, which removes a single matching row: 0.4.0–0.8.2's accounts), or false.
 */
function orderOfModels(code) {
  const mention = (model) => {
    const cap = model[0].toUpperCase() + model.slice(1);
    const m = new RegExp(`["']${model}["']|\\.${model}\\.(?:tableName|modelName)\\b|\\b[Dd]elete\\w*${cap}s\\b`).exec(code);
    return m ? m.index : -1;
  };
  const user = mention("user");
  const removes = (model) => {
    const at = mention(model);
    if (at < 0 || (user >= 0 && at > user)) return false;
    const calls = [...code.slice(0, at + 40).matchAll(/\b(delete\w*)\s*\(/g)];
    const call = calls.at(-1)?.[1] ?? "";
    return /many|sessions$/i.test(call) || /Sessions\b/.test(code.slice(at, at + 40)) ? "all" : "one";
  };
  return { sessions: removes("session"), accounts: removes("account") };
}
