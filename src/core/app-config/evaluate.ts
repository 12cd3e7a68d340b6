import path from "node:path";
import { lookUp, type SourceModule } from "./source-module";
import type { AdapterCall, PluginCall, SourceSpot, StaticValue } from "./types";
import { Unknown } from "./types";
import { isWrapper, spotOfNode, stringLiteralText, textOf, type B } from "./parse-source";

/**
 * How a value is read: "options" is the betterAuth(...) argument, whose `plugins` key is read in
 * "plugins" mode, where calls become PluginCalls; everywhere else calls stay Unknown.
 */
export type Mode = "value" | "options" | "plugins";

/** Where an evaluated object or array came from, and what was spread into it without being known. */
export interface SpotRecord {
  self: SourceSpot;
  keys: Map<string, SourceSpot>;
  unknownSpreads: Unknown[];
}

export interface ModuleHost {
  /** The parsed module for a file, or undefined when it cannot be read. */
  load(file: string): SourceModule | undefined;
  /** The file an import specifier names, or undefined for packages and missing files. */
  resolve(specifier: string, fromFile: string): string | undefined;
  env: Record<string, string | undefined> | undefined;
  /** `the package "x"`, or `"./x", which was not found` for a project path that did not resolve. */
  describe(specifier: string): string;
}

/** Reason text of function values: they are code, expected in options, and never noted. */
export const FUNCTION_REASON = "a function";
const MAX_DEPTH = 120;

/** True for a function written as a value (`generateId: () => createId()`): code, not configuration. */
export function isFunctionValue(value: StaticValue): value is Unknown {
  return value instanceof Unknown && value.reason === FUNCTION_REASON;
}
const PENDING = Symbol("pending");

/** The first cause of a derived Unknown, so reasons name what was missing rather than nest. */
const ROOT_CAUSE = new WeakMap<Unknown, string>();
const causeOf = (unknown: Unknown): string => ROOT_CAUSE.get(unknown) ?? unknown.reason;

export interface Callee {
  name: string;
  module: string;
  /** "import": from another module; "local": a function written in this project. */
  origin: "import" | "local";
}

/** Modules whose `env` export is the environment: t3-env style `@/env`, SvelteKit, Cloudflare Workers. */
function isEnvModule(module: string): boolean {
  return (
    /(^|[/@~#$])env(\.[cm]?[jt]sx?)?$/.test(module) ||
    module === "$env/dynamic/private" ||
    module === "$env/dynamic/public" ||
    module === "cloudflare:workers"
  );
}

/** Modules whose named exports are environment variables: `import { BETTER_AUTH_SECRET } from "$env/static/private"`. */
function isEnvVariablesModule(module: string): boolean {
  return /^\$env\/static\//.test(module) || /^\$app\/env\//.test(module) || /^astro:env\//.test(module);
}

function isAdapter(callee: Callee): boolean {
  return /Adapter$/.test(callee.name) || /^better-auth\/adapters(\/|$)/.test(callee.module) || /^@better-auth\/.*adapter/.test(callee.module);
}

export function isBetterAuth(callee: Callee | undefined): boolean {
  return !!callee && callee.origin === "import" && callee.name === "betterAuth" && /^better-auth(\/|$)/.test(callee.module);
}

export class Evaluator {
  readonly spots = new WeakMap<object, SpotRecord>();
  private readonly memo = new Map<string, Map<B.Node, StaticValue | typeof PENDING>>();
  private depth = 0;

  constructor(private readonly host: ModuleHost) {}

  value(node: B.Node, module: SourceModule, mode: Mode): StaticValue {
    if (this.depth >= MAX_DEPTH) return new Unknown("nested too deeply to read", this.spot(node));
    this.depth++;
    try {
      return this.read(node, module, mode);
    } catch (error) {
      return new Unknown(`could not be read (${(error as Error)?.message ?? error})`, this.spot(node));
    } finally {
      this.depth--;
    }
  }

  /** An Unknown for `node` that exists because `cause` is unknown. */
  private derived(node: B.Node, verb: string, cause: Unknown): Unknown {
    const root = causeOf(cause);
    const unknown = new Unknown(`${this.text(node)} (${verb} ${root})`, this.spot(node));
    ROOT_CAUSE.set(unknown, root);
    return unknown;
  }

  spot(node: B.Node): SourceSpot | undefined {
    try {
      return spotOfNode(node);
    } catch {
      return undefined;
    }
  }

  private read(node: B.Node, module: SourceModule, mode: Mode): StaticValue {
    if (isWrapper(node)) return this.value(node.expression, module, mode);
    const literal = stringLiteralText(node);
    if (literal !== undefined) return literal;
    switch (node.type) {
      case "NumericLiteral":
      case "BooleanLiteral":
        return node.value;
      case "NullLiteral":
        return null;
      case "TemplateLiteral":
        return this.template(node, module);
      case "ObjectExpression":
        return this.object(node, module, mode);
      case "ArrayExpression":
        return this.array(node, module, mode);
      case "Identifier":
        return this.identifier(node, module, mode);
      case "MemberExpression":
      case "OptionalMemberExpression":
        return this.member(node, module);
      case "CallExpression":
      case "OptionalCallExpression":
        return this.call(node, module, mode);
      case "LogicalExpression":
      case "BinaryExpression":
        return this.binary(node, module, mode);
      case "AssignmentExpression":
      case "SequenceExpression":
        return new Unknown(`${this.text(node)} (an operator not evaluated)`, this.spot(node));
      case "ConditionalExpression": {
        const test = this.value(node.test, module, "value");
        if (test instanceof Unknown) return this.derived(node, "its condition depends on", test);
        return this.value(test ? node.consequent : node.alternate, module, mode);
      }
      case "UnaryExpression":
        if (node.operator === "void") return undefined;
        if (node.operator === "typeof" || node.operator === "delete") break;
        return this.prefix(node, node.operator, node.argument, module);
      case "UpdateExpression":
        if (node.prefix) return this.prefix(node, node.operator, node.argument, module);
        break;
      case "ArrowFunctionExpression":
      case "FunctionExpression":
        return new Unknown(FUNCTION_REASON, this.spot(node));
    }
    return new Unknown(`${this.text(node)} (not a literal)`, this.spot(node));
  }

  /** Short source text for reasons, on one line. */
  text(node: B.Node): string {
    const text = textOf(node).replace(/\s+/g, " ");
    if (text === "") return "an expression";
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }

  private template(node: B.TemplateLiteral, module: SourceModule): StaticValue {
    let out = node.quasis[0]?.value.cooked ?? "";
    for (let i = 0; i < node.expressions.length; i++) {
      const part = this.value(node.expressions[i]!, module, "value");
      if (part instanceof Unknown) return this.derived(node, "uses", part);
      if (typeof part !== "string" && typeof part !== "number" && typeof part !== "boolean") {
        return new Unknown(`${this.text(node)} (uses a value that is not text)`, this.spot(node));
      }
      out += String(part) + (node.quasis[i + 1]?.value.cooked ?? "");
    }
    return out;
  }

  private record(value: object, node: B.Node): SpotRecord {
    const record: SpotRecord = { self: this.spot(node)!, keys: new Map(), unknownSpreads: [] };
    this.spots.set(value, record);
    return record;
  }

  private object(node: B.ObjectExpression, module: SourceModule, mode: Mode): StaticValue {
    const out: Record<string, StaticValue> = {};
    const record = this.record(out, node);
    const inner: Mode = mode === "options" ? "value" : mode === "plugins" ? "value" : mode;
    for (const property of node.properties) {
      if (property.type === "SpreadElement") {
        const spread = this.value(property.argument, module, mode === "options" ? "options" : "value");
        if (spread instanceof Unknown) {
          record.unknownSpreads.push(new Unknown(`spread of ${spread.reason}`, spread.at ?? this.spot(property)));
        } else if (spread && typeof spread === "object" && !Array.isArray(spread) && !("kind" in spread && isCallValue(spread))) {
          const from = this.spots.get(spread);
          for (const [key, value] of Object.entries(spread)) {
            out[key] = value;
            const at = from?.keys.get(key);
            if (at) record.keys.set(key, at);
          }
          if (from) record.unknownSpreads.push(...from.unknownSpreads);
        }
        continue;
      }
      const key = this.propertyKey(property, module);
      if (key === undefined) {
        record.unknownSpreads.push(new Unknown(`a computed key ${this.text(property)}`, this.spot(property)));
        continue;
      }
      let value: StaticValue;
      const valueMode = mode === "options" && key === "plugins" ? "plugins" : inner;
      if (property.type === "ObjectProperty" && property.shorthand && property.value.type === "Identifier") {
        value = this.identifier(property.value, module, valueMode);
      } else if (property.type === "ObjectProperty") {
        value = this.value(property.value, module, valueMode);
      } else {
        value = new Unknown(FUNCTION_REASON, this.spot(property));
      }
      out[key] = value;
      record.keys.set(key, this.spot(property)!);
    }
    return out;
  }

  private propertyKey(property: B.ObjectProperty | B.ObjectMethod, module: SourceModule): string | undefined {
    const key = property.key;
    if (property.computed) {
      const value = this.value(key, module, "value");
      return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
    }
    if (key.type === "Identifier") return key.name;
    if (key.type === "StringLiteral") return key.value;
    if (key.type === "NumericLiteral") return String(key.value);
    return undefined;
  }

  private array(node: B.ArrayExpression, module: SourceModule, mode: Mode): StaticValue {
    const out: StaticValue[] = [];
    this.record(out, node);
    for (const element of node.elements) {
      if (element?.type === "SpreadElement") {
        const spread = this.value(element.argument, module, mode);
        if (Array.isArray(spread)) out.push(...spread);
        else if (spread && typeof spread === "object" && isCallValue(spread)) {
          out.push(new Unknown(`spread of ${this.text(element.argument)} (a function call)`, this.spot(element)));
        }
        else if (spread instanceof Unknown) out.push(new Unknown(`spread of ${spread.reason}`, spread.at ?? this.spot(element)));
        else out.push(new Unknown(`spread of ${this.text(element.argument)} (not an array)`, this.spot(element)));
      } else if (!element) {
        out.push(undefined);
      } else {
        out.push(this.value(element, module, mode));
      }
    }
    return out;
  }

  private memoized(node: B.Node, mode: Mode, compute: () => StaticValue): StaticValue {
    let byNode = this.memo.get(mode);
    if (!byNode) this.memo.set(mode, (byNode = new Map()));
    const known = byNode.get(node);
    if (known === PENDING) {
      const name = node.type === "VariableDeclarator" ? this.text(node.id) : this.text(node);
      return new Unknown(`${name} (refers to itself)`, this.spot(node));
    }
    if (byNode.has(node)) return known as StaticValue;
    byNode.set(node, PENDING);
    const value = compute();
    byNode.set(node, value);
    return value;
  }

  private identifier(node: B.Identifier, module: SourceModule, mode: Mode): StaticValue {
    const name = node.name;
    const declaration = lookUp(name, node, module);
    if (!declaration) {
      if (name === "undefined") return undefined;
      if (name === "NaN") return Number.NaN;
      if (name === "Infinity") return Number.POSITIVE_INFINITY;
      return new Unknown(`${name} (not defined in ${path.basename(module.file)})`, this.spot(node));
    }
    switch (declaration.kind) {
      case "const": {
        const init = declaration.node.init;
        if (!init) return new Unknown(`${name} (a const without a value)`, this.spot(node));
        return this.memoized(declaration.node, mode, () => this.value(init, module, mode));
      }
      case "import":
        return this.imported(declaration.binding, module, mode, node);
      case "function":
        return new Unknown(FUNCTION_REASON, this.spot(node));
      case "mutable":
        return new Unknown(`${name} (a let/var binding, which may change)`, this.spot(node));
      case "parameter":
        return new Unknown(`${name} (a function parameter)`, this.spot(node));
      case "class":
        return new Unknown(`${name} (a class)`, this.spot(node));
      case "destructured":
        return new Unknown(`${name} (a destructured binding)`, this.spot(node));
    }
  }

  private imported(binding: { module: string; imported: string }, module: SourceModule, mode: Mode, at: B.Node): StaticValue {
    if (isEnvVariablesModule(binding.module) && binding.imported !== "*" && binding.imported !== "default") {
      return this.envValue(binding.imported, at, binding.imported);
    }
    const file = this.host.resolve(binding.module, module.file);
    if (!file) return new Unknown(`${this.text(at)} (imported from ${this.host.describe(binding.module)})`, this.spot(at));
    if (binding.imported === "*") return new Unknown(`${this.text(at)} (a namespace import)`, this.spot(at));
    return this.exported(file, binding.imported, mode, at, new Set());
  }

  /** The value another module exports under `name`, following re-exports. */
  exported(file: string, name: string, mode: Mode, at: B.Node, seen: Set<string>): StaticValue {
    const key = `${file}\0${name}`;
    if (seen.has(key) || seen.size > 50) return new Unknown(`${name} (circular re-exports)`, this.spot(at));
    seen.add(key);
    const target = this.host.load(file);
    if (!target) return new Unknown(`${name} (${path.basename(file)} could not be read)`, this.spot(at));
    const found = target.exports.get(name);
    if (found) {
      switch (found.kind) {
        case "expression":
          return this.memoized(found.node, mode, () => this.value(found.node, target, mode));
        case "declaration":
          return new Unknown(FUNCTION_REASON, this.spot(found.node));
        case "local": {
          const declaration = lookUp(found.name, target.program, target);
          if (declaration?.kind === "const" && declaration.node.init) {
            const init = declaration.node.init;
            return this.memoized(declaration.node, mode, () => this.value(init, target, mode));
          }
          if (declaration?.kind === "import") return this.imported(declaration.binding, target, mode, found.node);
          if (declaration?.kind === "function") return new Unknown(FUNCTION_REASON, this.spot(declaration.node));
          return new Unknown(`${name} (exported from ${path.basename(file)} but not a const)`, this.spot(found.node));
        }
        case "reexport": {
          const next = this.host.resolve(found.module, file);
          if (!next) return new Unknown(`${name} (re-exported from the package "${found.module}")`, this.spot(at));
          return this.exported(next, found.imported, mode, at, seen);
        }
      }
    }
    for (const specifier of target.starExports) {
      const next = this.host.resolve(specifier, file);
      if (!next) continue;
      const value = this.exported(next, name, mode, at, seen);
      if (!(value instanceof Unknown && value.reason.endsWith("(not exported)"))) return value;
    }
    return new Unknown(`${name} (not exported)`, this.spot(at));
  }

  private envValue(name: string, at: B.Node, written: string): StaticValue {
    const env = this.host.env;
    if (env && typeof env[name] === "string") return env[name];
    return new Unknown(`${written} (an environment variable${env ? " not set" : ""})`, this.spot(at));
  }

  /** `process.env.X`, `import.meta.env.X` or `env.X` with `env` imported from an env module: the variable name. */
  private envName(node: Member, module: SourceModule): string | undefined {
    const name = this.memberName(node, module);
    if (name === undefined) return undefined;
    const object = unwrapParens(node.object);
    if (isMember(object) && !object.computed && object.property.type === "Identifier" && object.property.name === "env") {
      const base = unwrapParens(object.object);
      if (base.type === "Identifier" && (base.name === "process" || base.name === "Bun") && !lookUp(base.name, base, module)) return name;
      if (base.type === "MetaProperty" && base.property.name === "meta") return name;
    }
    if (object.type === "Identifier") {
      const declaration = lookUp(object.name, object, module);
      if (declaration?.kind === "import" && isEnvModule(declaration.binding.module)) return name;
    }
    return undefined;
  }

  private memberName(node: Member, module: SourceModule): string | undefined {
    if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
    const key = this.value(node.property, module, "value");
    return typeof key === "string" || typeof key === "number" ? String(key) : undefined;
  }

  private member(node: Member, module: SourceModule): StaticValue {
    const env = this.envName(node, module);
    if (env !== undefined) return this.envValue(env, node, this.text(node));
    const name = this.memberName(node, module);
    const object = this.value(node.object, module, "value");
    if (object instanceof Unknown) return this.derived(node, "reads", object);
    if (name === undefined) return new Unknown(`${this.text(node)} (a computed member)`, this.spot(node));
    if (Array.isArray(object)) {
      if (name === "length") return object.length;
      if (/^\d+$/.test(name)) return object[Number(name)];
    }
    if (object && typeof object === "object" && !Array.isArray(object) && !isCallValue(object)) {
      const record = object as Record<string, StaticValue>;
      if (Object.prototype.hasOwnProperty.call(record, name)) return record[name];
      const hidden = this.spots.get(object)?.unknownSpreads[0];
      if (hidden) return new Unknown(`${this.text(node)} (may come from ${hidden.reason})`, this.spot(node));
      return undefined;
    }
    if (typeof object === "string" && name === "length") return object.length;
    return new Unknown(`${this.text(node)} (a member of a value that is not an object)`, this.spot(node));
  }

  /** The function a call names, when it is imported or written in the project. */
  callee(expression: B.Node, module: SourceModule): Callee | undefined {
    let node = expression;
    while (node.type === "ParenthesizedExpression" || node.type === "TSNonNullExpression" || node.type === "TSAsExpression") node = node.expression;
    if (node.type === "Identifier") {
      const declaration = lookUp(node.name, node, module);
      if (declaration?.kind === "import") {
        const { module: from, imported } = declaration.binding;
        if (imported === "*") return undefined;
        return { name: imported === "default" ? node.name : imported, module: from, origin: "import" };
      }
      if (declaration?.kind === "function") return { name: node.name, module: "", origin: "local" };
      if (declaration?.kind === "const" && declaration.node.init) {
        let init: B.Node = declaration.node.init;
        while (init.type === "ParenthesizedExpression" || init.type === "TSAsExpression" || init.type === "TSSatisfiesExpression") init = init.expression;
        if (init.type === "ArrowFunctionExpression" || init.type === "FunctionExpression") return { name: node.name, module: "", origin: "local" };
      }
      return undefined;
    }
    if (isMember(node) && !node.computed && node.property.type === "Identifier" && node.object.type === "Identifier") {
      const declaration = lookUp(node.object.name, node.object, module);
      if (declaration?.kind === "import" && declaration.binding.imported === "*") {
        return { name: node.property.name, module: declaration.binding.module, origin: "import" };
      }
    }
    return undefined;
  }

  private call(node: Call, module: SourceModule, mode: Mode): StaticValue {
    const callee = this.callee(node.callee, module);
    const at = this.spot(node)!;
    if (callee && isAdapter(callee)) {
      const adapter: AdapterCall = { kind: "adapter", name: callee.name, module: callee.module, args: this.args(node, module), at };
      return adapter;
    }
    if (callee && mode === "plugins" && !isBetterAuth(callee)) {
      const plugin: PluginCall = { kind: "plugin", name: callee.name, module: callee.module, args: this.args(node, module), at };
      return plugin;
    }
    return new Unknown(`${this.text(node.callee)}() (a function call)`, at);
  }

  private args(node: Call, module: SourceModule): StaticValue[] {
    return node.arguments.map((arg) =>
      arg.type === "SpreadElement" ? new Unknown(`spread of ${this.text(arg.argument)}`, this.spot(arg)) : this.value(arg, module, "value"),
    );
  }

  private binary(node: B.BinaryExpression | B.LogicalExpression, module: SourceModule, mode: Mode): StaticValue {
    const op = node.operator;
    const logical = node.type === "LogicalExpression";
    const left = this.value(node.left, module, logical ? mode : "value");
    const unknownBecause = (u: Unknown) => this.derived(node, "depends on", u);
    if (logical) {
      if (left instanceof Unknown) return unknownBecause(left);
      const takeLeft = op === "||" ? truthy(left) : op === "??" ? left !== null && left !== undefined : !truthy(left);
      return takeLeft ? left : this.value(node.right, module, mode);
    }
    const right = this.value(node.right, module, "value");
    if (left instanceof Unknown) return unknownBecause(left);
    if (right instanceof Unknown) return unknownBecause(right);
    const primitive = (v: StaticValue) => v === null || v === undefined || typeof v !== "object";
    if (!primitive(left) || !primitive(right)) return new Unknown(`${this.text(node)} (an operation on objects)`, this.spot(node));
    const a = left as string | number | boolean | null | undefined;
    const b = right as string | number | boolean | null | undefined;
    switch (op) {
      case "===":
        return a === b;
      case "!==":
        return a !== b;
      case "==":
        return a == b;
      case "!=":
        return a != b;
      case "+":
        return typeof a === "string" || typeof b === "string" ? String(a) + String(b) : Number(a) + Number(b);
      case "-":
        return Number(a) - Number(b);
      case "*":
        return Number(a) * Number(b);
      case "/":
        return Number(a) / Number(b);
      case "%":
        return Number(a) % Number(b);
      case "**":
        return Number(a) ** Number(b);
      default:
        return new Unknown(`${this.text(node)} (an operator not evaluated)`, this.spot(node));
    }
  }

  private prefix(node: B.Node, operator: string, argument: B.Node, module: SourceModule): StaticValue {
    const operand = this.value(argument, module, "value");
    if (operand instanceof Unknown) return this.derived(node, "depends on", operand);
    if (operator === "!") return !truthy(operand);
    if (typeof operand === "number" && operator === "-") return -operand;
    if (typeof operand === "number" && operator === "+") return operand;
    return new Unknown(`${this.text(node)} (an operator not evaluated)`, this.spot(node));
  }
}

type Member = B.MemberExpression | B.OptionalMemberExpression;
type Call = B.CallExpression | B.OptionalCallExpression;

function isMember(node: B.Node): node is Member {
  return node.type === "MemberExpression" || node.type === "OptionalMemberExpression";
}

function unwrapParens(node: B.Node): B.Node {
  let current = node;
  while (current.type === "ParenthesizedExpression") current = current.expression;
  return current;
}

export function isCallValue(value: object): value is PluginCall | AdapterCall {
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "plugin" || kind === "adapter") && "args" in value && "at" in value && "module" in value;
}

function truthy(value: StaticValue): boolean {
  if (value instanceof Unknown) return true;
  return !!value;
}
