import path from "node:path";
import { Evaluator, FUNCTION_REASON, isBetterAuth, isCallValue, type ModuleHost } from "./evaluate";
import { MAX_SOURCE_BYTES } from "./node-read-text";
import { resolveImport, readTsconfigPaths } from "./resolve-import";
import { indexModule, lookUp, type SourceModule } from "./source-module";
import type { AdapterCall, AuthConfigRead, PluginCall, ReadAuthConfigOptions, SourceSpot, StaticValue, TsconfigPaths } from "./types";
import { Unknown } from "./types";
import { lastGoodParses, type LastGoodParses } from "./last-good";
import { forEachChild, isFunctionLike, isWrapper, parseSource, spotOfNode, type B, type ParsedSource } from "./parse-source";

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
    stale: [],
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
        const source = text === undefined ? undefined : parseOrLastGood(name, text);
        if (source) module = indexModule(name, source);
        modules.set(name, module);
        return module;
      },
      resolve: (specifier, from) => resolveImport(specifier, from, aliases, readFile),
      describe: (specifier) =>
        isProjectPath(specifier, aliases) ? `"${specifier}", which was not found` : `the package "${specifier}"`,
    };
    const lastGood = options.lastGood === undefined ? lastGoodParses : options.lastGood;
    const parseOrLastGood = (name: string, text: string): ParsedSource | undefined => {
      const outcome = parseSource(name, text);
      if ("source" in outcome) {
        lastGood?.set(name, outcome.source);
        return outcome.source;
      }
      const previous = lastGood?.get(name);
      const shown = relative(file, name);
      const why =
        "problem" in outcome
          ? `${shown}:${outcome.problem.line + 1}:${outcome.problem.character + 1}: syntax error (${outcome.problem.message})`
          : `${shown}: could not be parsed (${outcome.failure})`;
      if (previous) {
        notes.push(`${why} — using the last version that parsed`);
        result.stale.push(name);
        return previous;
      }
      notes.push("problem" in outcome ? `${why} — not read` : why);
      return undefined;
    };
    const aliases = options.tsconfigPaths ?? readTsconfigPaths(path.dirname(file), readFile);

    const entry = host.load(file);
    if (!entry) {
      const unparsed = texts.get(file) !== undefined;
      result.options = new Unknown(`${path.basename(file)} could not be ${unparsed ? "parsed" : "read"}`);
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
        : argument.type === "SpreadElement"
          ? new Unknown(`spread of ${evaluator.text(argument.argument)}`, spotOfNode(argument))
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
  call: Call;
  module: SourceModule;
}

/**
 * The betterAuth(...) call the CLI would load: the `auth` export, else the default export
 * (its resolveAuthModule order), followed through consts, imports and factory functions;
 * failing that, the first betterAuth(...) call written in the entry file.
 */
function findAuthCall(entry: SourceModule, evaluator: Evaluator, host: ModuleHost): FoundCall | undefined {
  const seen = new Set<B.Node>();

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
        const declaration = lookUp(target.name, module.program, module);
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
      return declaration.node.init ? follow(declaration.node.init, module, depth + 1) : undefined;
    }
    if (declaration.kind === "function") return follow(declaration.node, module, depth + 1);
    if (declaration.kind === "import") {
      const next = host.resolve(declaration.binding.module, module.file);
      const nextModule = next ? host.load(next) : undefined;
      return nextModule ? fromExport(nextModule, declaration.binding.imported, depth + 1) : undefined;
    }
    return undefined;
  };

  const follow = (start: B.Node, module: SourceModule, depth: number): FoundCall | undefined => {
    if (depth > MAX_FOLLOW || seen.has(start)) return undefined;
    seen.add(start);
    let node = start;
    while (isWrapper(node) || node.type === "AwaitExpression") node = node.type === "AwaitExpression" ? node.argument : node.expression;
    if (node.type === "CallExpression" || node.type === "OptionalCallExpression") {
      const callee = evaluator.callee(node.callee, module);
      if (isBetterAuth(callee)) return { call: node, module };
      if (callee?.origin === "local" && node.callee.type === "Identifier") {
        const found = fromDeclaration(lookUp(node.callee.name, node.callee, module), module, depth + 1);
        if (found) return found;
      }
      // Wrappers such as cache(() => betterAuth({...})) or lazy(createAuth).
      for (const arg of node.arguments) {
        const found = follow(arg, module, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (node.type === "Identifier") return fromDeclaration(lookUp(node.name, node, module), module, depth + 1);
    if (node.type === "FunctionDeclaration" || node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression") {
      const body = node.body;
      if (body.type !== "BlockStatement") return follow(body, module, depth + 1);
      for (const returned of returnedExpressions(body)) {
        const found = follow(returned, module, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (node.type === "ObjectExpression") {
      for (const property of node.properties) {
        if (property.type === "ObjectProperty" && !property.computed && property.key.type === "Identifier" && property.key.name === "auth") {
          return follow(property.value, module, depth + 1);
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

type Call = B.CallExpression | B.OptionalCallExpression;

function returnedExpressions(body: B.BlockStatement): B.Node[] {
  const out: B.Node[] = [];
  const visit = (node: B.Node): void => {
    if (isFunctionLike(node) || node.type === "ClassDeclaration" || node.type === "ClassExpression") return;
    if (node.type === "ReturnStatement" && node.argument) out.push(node.argument);
    forEachChild(node, visit);
  };
  forEachChild(body, visit);
  return out;
}

function firstBetterAuthCall(module: SourceModule, evaluator: Evaluator): FoundCall | undefined {
  let found: Call | undefined;
  let depth = 0;
  const visit = (node: B.Node): void => {
    if (found || depth > 500) return;
    if ((node.type === "CallExpression" || node.type === "OptionalCallExpression") && isBetterAuth(evaluator.callee(node.callee, module))) {
      found = node;
      return;
    }
    depth++;
    forEachChild(node, visit);
    depth--;
  };
  visit(module.program);
  return found ? { call: found, module } : undefined;
}
