import path from "node:path";
import type * as TS from "typescript";
import { Evaluator, FUNCTION_REASON, isBetterAuth, isCallValue, type ModuleHost } from "./evaluate";
import { MAX_SOURCE_BYTES } from "./node-read-text";
import { resolveImport, readTsconfigPaths } from "./resolve-import";
import { indexModule, lookUp, type SourceModule } from "./source-module";
import type { AdapterCall, AuthConfigRead, PluginCall, ReadAuthConfigOptions, SourceSpot, StaticValue, TsconfigPaths } from "./types";
import { Unknown } from "./types";
import { parseSource, spotOfNode, syntaxErrorCount, ts } from "./typescript-parser";

const MAX_FOLLOW = 25;
// Deeper than the evaluator's own limit, so its "nested too deeply" Unknowns get noted.
const MAX_NOTE_DEPTH = 160;

/**
 * Reads the options of the `betterAuth(...)` call an auth config file exports, without running
 * it. Never throws: what cannot be read is an Unknown, and `unresolved` says why and where.
 */
export function readAuthConfig(entryFile: string, options: ReadAuthConfigOptions): AuthConfigRead {
  const file = path.resolve(entryFile);
  const files: string[] = [];
  const notes: string[] = [];
  const texts = new Map<string, string | undefined>();
  const readFile = (name: string): string | undefined => {
    if (texts.has(name)) return texts.get(name);
    let text: string | undefined;
    try {
      text = options.readFile(name);
    } catch {
      text = undefined;
    }
    if (typeof text !== "string") text = undefined;
    if (text !== undefined && text.length > MAX_SOURCE_BYTES) {
      notes.push(`${path.basename(name)}: larger than ${MAX_SOURCE_BYTES} characters — not read`);
      text = undefined;
    }
    texts.set(name, text);
    if (text !== undefined) files.push(name);
    return text;
  };

  const result: AuthConfigRead = {
    file,
    call: null,
    options: new Unknown("no betterAuth(...) call was read"),
    plugins: [],
    adapter: null,
    unresolved: notes,
    files,
    spotOf: () => undefined,
  };

  try {
    const modules = new Map<string, SourceModule | undefined>();
    const where = (at: SourceSpot | undefined) => (at ? ` (${relative(file, at.file)}:${at.line + 1})` : "");
    const host: ModuleHost = {
      env: options.env,
      load(name) {
        if (modules.has(name)) return modules.get(name);
        const text = readFile(name);
        let module: SourceModule | undefined;
        if (text !== undefined) {
          try {
            const source = parseSource(name, text);
            const errors = syntaxErrorCount(source);
            if (errors > 0) notes.push(`${relative(file, name)}: ${errors} syntax error${errors > 1 ? "s" : ""} — read what parses`);
            module = indexModule(name, source);
          } catch (error) {
            notes.push(`${relative(file, name)}: could not be parsed (${(error as Error)?.message ?? error})`);
          }
        }
        modules.set(name, module);
        return module;
      },
      resolve: (specifier, from) => resolveImport(specifier, from, aliases, readFile),
      describe: (specifier) =>
        isProjectPath(specifier, aliases) ? `"${specifier}", which was not found` : `the package "${specifier}"`,
    };
    const aliases = options.tsconfigPaths ?? readTsconfigPaths(path.dirname(file), readFile);

    const entry = host.load(file);
    if (!entry) {
      result.options = new Unknown(`${path.basename(file)} could not be read`);
      if (notes.length === 0) notes.push(`${path.basename(file)}: could not be read`);
      return result;
    }
    const evaluator = new Evaluator(host);
    result.spotOf = (value, key) => {
      if (isCallValue(value)) return key === undefined ? value.at : undefined;
      const record = evaluator.spots.get(value);
      return key === undefined ? record?.self : record?.keys.get(key);
    };

    const found = findAuthCall(entry, evaluator, host);
    if (!found) {
      result.options = new Unknown(`no betterAuth(...) call found in ${path.basename(file)}`);
      notes.push(`${path.basename(file)}: no betterAuth(...) call found`);
      return result;
    }
    result.call = spotOfNode(found.call);
    const argument = found.call.arguments[0];
    const value: StaticValue =
      argument === undefined
        ? new Unknown("betterAuth() has no options argument", result.call)
        : ts().isSpreadElement(argument)
          ? new Unknown(`spread of ${evaluator.text(argument.expression)}`, spotOfNode(argument))
          : evaluator.value(argument, found.module, "options");
    if (value instanceof Unknown) {
      result.options = value;
      notes.push(`options: ${value.reason} — not evaluated${where(value.at)}`);
      return result;
    }
    if (!isPlainObject(value)) {
      result.options = new Unknown("the betterAuth() argument is not an object", result.call);
      notes.push(`options: not an object${where(result.call)}`);
      return result;
    }
    result.options = value;

    const plugins = value.plugins;
    if (Array.isArray(plugins)) {
      plugins.forEach((entryValue, index) => {
        if (isPlugin(entryValue)) result.plugins.push(entryValue);
        else if (entryValue instanceof Unknown) notes.push(`plugins[${index}]: ${entryValue.reason} — not evaluated${where(entryValue.at)}`);
        else notes.push(`plugins[${index}]: not a plugin call — skipped${where(result.spotOf(plugins))}`);
      });
    }
    if (isAdapter(value.database)) result.adapter = value.database;

    const note = (at: string, unknown: Unknown) => {
      if (unknown.reason !== FUNCTION_REASON) notes.push(`${at}: ${unknown.reason} — not evaluated${where(unknown.at)}`);
    };
    const walk = (node: StaticValue, at: string, depth: number): void => {
      if (depth > MAX_NOTE_DEPTH) return;
      if (node instanceof Unknown) note(at, node);
      else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}[${i}]`, depth + 1));
      else if (node && typeof node === "object") {
        if (isCallValue(node)) {
          // An adapter's first argument is the database client: never needed, never worth a note.
          node.args.forEach((arg, i) => (node.kind !== "adapter" || i > 0) && walk(arg, `${at}.${node.name}(…)[${i}]`, depth + 1));
          return;
        }
        for (const hidden of evaluator.spots.get(node)?.unknownSpreads ?? []) note(at || "options", hidden);
        for (const [key, item] of Object.entries(node)) {
          const keyPath = at ? `${at}.${key}` : key;
          // Unknown plugin entries were noted above, by their index.
          if (keyPath === "plugins" && Array.isArray(item)) {
            item.forEach((p, i) => isPlugin(p) && walk(p, `plugins[${i}]`, depth + 1));
          } else walk(item, keyPath, depth + 1);
        }
      }
    };
    walk(value, "", 0);
  } catch (error) {
    notes.push(`could not finish reading: ${(error as Error)?.message ?? String(error)}`);
  }
  return result;
}

/** Relative, absolute, or matching a tsconfig alias: a file of the project rather than a package. */
function isProjectPath(specifier: string, aliases: TsconfigPaths[]): boolean {
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) return true;
  return aliases.some((alias) =>
    Object.keys(alias.paths).some((pattern) => {
      const star = pattern.indexOf("*");
      return star < 0 ? pattern === specifier : specifier.startsWith(pattern.slice(0, star));
    }),
  );
}

function relative(entry: string, file: string): string {
  const rel = path.relative(path.dirname(entry), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

function isPlainObject(value: StaticValue): value is Record<string, StaticValue> {
  return !!value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Unknown) && !isCallValue(value);
}

function isPlugin(value: StaticValue): value is PluginCall {
  return isPlainObjectLike(value) && value.kind === "plugin";
}

function isAdapter(value: StaticValue): value is AdapterCall {
  return isPlainObjectLike(value) && value.kind === "adapter";
}

function isPlainObjectLike(value: StaticValue): value is PluginCall | AdapterCall {
  return !!value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Unknown) && isCallValue(value);
}

interface FoundCall {
  call: TS.CallExpression;
  module: SourceModule;
}

/**
 * The betterAuth(...) call the CLI would load: the `auth` export, else the default export
 * (its resolveAuthModule order), followed through consts, imports and factory functions;
 * failing that, the first betterAuth(...) call written in the entry file.
 */
function findAuthCall(entry: SourceModule, evaluator: Evaluator, host: ModuleHost): FoundCall | undefined {
  const t = ts();
  const seen = new Set<TS.Node>();

  const fromExport = (module: SourceModule, name: string, depth: number): FoundCall | undefined => {
    if (depth > MAX_FOLLOW) return undefined;
    const target = module.exports.get(name);
    if (!target) {
      for (const specifier of module.starExports) {
        const next = host.resolve(specifier, module.file);
        const nextModule = next ? host.load(next) : undefined;
        const found = nextModule && fromExport(nextModule, name, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    switch (target.kind) {
      case "expression":
      case "declaration":
        return follow(target.node, module, depth + 1);
      case "local": {
        const declaration = lookUp(target.name, module.source, module);
        return declaration ? fromDeclaration(declaration, module, depth + 1) : undefined;
      }
      case "reexport": {
        const next = host.resolve(target.module, module.file);
        const nextModule = next ? host.load(next) : undefined;
        return nextModule ? fromExport(nextModule, target.imported, depth + 1) : undefined;
      }
    }
  };

  const fromDeclaration = (declaration: ReturnType<typeof lookUp>, module: SourceModule, depth: number): FoundCall | undefined => {
    if (!declaration) return undefined;
    if (declaration.kind === "const" || declaration.kind === "mutable") {
      return declaration.node.initializer ? follow(declaration.node.initializer, module, depth + 1) : undefined;
    }
    if (declaration.kind === "function") return follow(declaration.node, module, depth + 1);
    if (declaration.kind === "import") {
      const next = host.resolve(declaration.binding.module, module.file);
      const nextModule = next ? host.load(next) : undefined;
      return nextModule ? fromExport(nextModule, declaration.binding.imported, depth + 1) : undefined;
    }
    return undefined;
  };

  const follow = (start: TS.Node, module: SourceModule, depth: number): FoundCall | undefined => {
    if (depth > MAX_FOLLOW || seen.has(start)) return undefined;
    seen.add(start);
    let node = start;
    while (
      t.isParenthesizedExpression(node) ||
      t.isAsExpression(node) ||
      t.isSatisfiesExpression(node) ||
      t.isNonNullExpression(node) ||
      t.isAwaitExpression(node) ||
      t.isTypeAssertionExpression(node)
    ) {
      node = node.expression;
    }
    if (t.isCallExpression(node)) {
      const callee = evaluator.callee(node.expression, module);
      if (isBetterAuth(callee)) return { call: node, module };
      if (callee?.origin === "local" && t.isIdentifier(node.expression)) {
        const found = fromDeclaration(lookUp(node.expression.text, node.expression, module), module, depth + 1);
        if (found) return found;
      }
      // Wrappers such as cache(() => betterAuth({...})) or lazy(createAuth).
      for (const arg of node.arguments) {
        const found = follow(arg, module, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (t.isIdentifier(node)) return fromDeclaration(lookUp(node.text, node, module), module, depth + 1);
    if (t.isFunctionDeclaration(node) || t.isArrowFunction(node) || t.isFunctionExpression(node)) {
      const body = node.body;
      if (!body) return undefined;
      if (!t.isBlock(body)) return follow(body, module, depth + 1);
      for (const returned of returnedExpressions(body)) {
        const found = follow(returned, module, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (t.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (property.name && t.isIdentifier(property.name) && property.name.text === "auth") {
          if (t.isPropertyAssignment(property)) return follow(property.initializer, module, depth + 1);
          if (t.isShorthandPropertyAssignment(property)) return follow(property.name, module, depth + 1);
        }
      }
    }
    return undefined;
  };

  for (const name of ["auth", "default"]) {
    const found = fromExport(entry, name, 0);
    if (found) return found;
  }
  return firstBetterAuthCall(entry, evaluator);
}

function returnedExpressions(body: TS.Block): TS.Expression[] {
  const t = ts();
  const out: TS.Expression[] = [];
  const visit = (node: TS.Node): void => {
    if (t.isFunctionLike(node) || t.isClassLike(node)) return;
    if (t.isReturnStatement(node) && node.expression) out.push(node.expression);
    t.forEachChild(node, visit);
  };
  t.forEachChild(body, visit);
  return out;
}

function firstBetterAuthCall(module: SourceModule, evaluator: Evaluator): FoundCall | undefined {
  const t = ts();
  let found: TS.CallExpression | undefined;
  let depth = 0;
  const visit = (node: TS.Node): void => {
    if (found || depth > 500) return;
    if (t.isCallExpression(node) && isBetterAuth(evaluator.callee(node.expression, module))) {
      found = node;
      return;
    }
    depth++;
    t.forEachChild(node, visit);
    depth--;
  };
  visit(module.source);
  return found ? { call: found, module } : undefined;
}
