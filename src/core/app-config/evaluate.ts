import path from "node:path";
import type * as TS from "typescript";
import { lookUp, type SourceModule } from "./source-module";
import type { AdapterCall, PluginCall, SourceSpot, StaticValue } from "./types";
import { Unknown } from "./types";
import { spotOfNode, ts } from "./typescript-parser";

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
  private readonly memo = new Map<string, Map<TS.Node, StaticValue | typeof PENDING>>();
  private depth = 0;

  constructor(private readonly host: ModuleHost) {}

  value(node: TS.Expression, module: SourceModule, mode: Mode): StaticValue {
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
  private derived(node: TS.Node, verb: string, cause: Unknown): Unknown {
    const root = causeOf(cause);
    const unknown = new Unknown(`${this.text(node)} (${verb} ${root})`, this.spot(node));
    ROOT_CAUSE.set(unknown, root);
    return unknown;
  }

  spot(node: TS.Node): SourceSpot | undefined {
    try {
      return spotOfNode(node);
    } catch {
      return undefined;
    }
  }

  private read(node: TS.Expression, module: SourceModule, mode: Mode): StaticValue {
    const t = ts();
    const k = t.SyntaxKind;
    if (
      t.isParenthesizedExpression(node) ||
      t.isAsExpression(node) ||
      t.isSatisfiesExpression(node) ||
      t.isNonNullExpression(node) ||
      t.isTypeAssertionExpression(node)
    ) {
      return this.value(node.expression, module, mode);
    }
    if (t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (t.isNumericLiteral(node)) return Number(node.text);
    if (node.kind === k.TrueKeyword) return true;
    if (node.kind === k.FalseKeyword) return false;
    if (node.kind === k.NullKeyword) return null;
    if (t.isTemplateExpression(node)) return this.template(node, module);
    if (t.isObjectLiteralExpression(node)) return this.object(node, module, mode);
    if (t.isArrayLiteralExpression(node)) return this.array(node, module, mode);
    if (t.isIdentifier(node)) return this.identifier(node, module, mode);
    if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) return this.member(node, module);
    if (t.isCallExpression(node)) return this.call(node, module, mode);
    if (t.isBinaryExpression(node)) return this.binary(node, module, mode);
    if (t.isConditionalExpression(node)) {
      const test = this.value(node.condition, module, "value");
      if (test instanceof Unknown) return this.derived(node, "its condition depends on", test);
      return this.value(test ? node.whenTrue : node.whenFalse, module, mode);
    }
    if (t.isPrefixUnaryExpression(node)) return this.prefix(node, module);
    if (t.isArrowFunction(node) || t.isFunctionExpression(node)) return new Unknown(FUNCTION_REASON, this.spot(node));
    if (t.isVoidExpression(node)) return undefined;
    return new Unknown(`${this.text(node)} (not a literal)`, this.spot(node));
  }

  /** Short source text for reasons, on one line. */
  text(node: TS.Node): string {
    let text: string;
    try {
      text = node.getText();
    } catch {
      return "an expression";
    }
    text = text.replace(/\s+/g, " ");
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }

  private template(node: TS.TemplateExpression, module: SourceModule): StaticValue {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const part = this.value(span.expression, module, "value");
      if (part instanceof Unknown) return this.derived(node, "uses", part);
      if (typeof part !== "string" && typeof part !== "number" && typeof part !== "boolean") {
        return new Unknown(`${this.text(node)} (uses a value that is not text)`, this.spot(node));
      }
      out += String(part) + span.literal.text;
    }
    return out;
  }

  private record(value: object, node: TS.Node): SpotRecord {
    const record: SpotRecord = { self: this.spot(node)!, keys: new Map(), unknownSpreads: [] };
    this.spots.set(value, record);
    return record;
  }

  private object(node: TS.ObjectLiteralExpression, module: SourceModule, mode: Mode): StaticValue {
    const t = ts();
    const out: Record<string, StaticValue> = {};
    const record = this.record(out, node);
    const inner: Mode = mode === "options" ? "value" : mode === "plugins" ? "value" : mode;
    for (const property of node.properties) {
      if (t.isSpreadAssignment(property)) {
        const spread = this.value(property.expression, module, mode === "options" ? "options" : "value");
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
      if (t.isPropertyAssignment(property)) {
        value = this.value(property.initializer, module, mode === "options" && key === "plugins" ? "plugins" : inner);
      } else if (t.isShorthandPropertyAssignment(property)) {
        value = this.identifier(property.name, module, mode === "options" && key === "plugins" ? "plugins" : inner);
      } else {
        value = new Unknown(FUNCTION_REASON, this.spot(property));
      }
      out[key] = value;
      record.keys.set(key, this.spot(property)!);
    }
    return out;
  }

  private propertyKey(property: TS.ObjectLiteralElementLike, module: SourceModule): string | undefined {
    const t = ts();
    const name = property.name;
    if (!name) return undefined;
    if (t.isIdentifier(name) || t.isStringLiteral(name) || t.isNumericLiteral(name) || t.isNoSubstitutionTemplateLiteral(name)) return name.text;
    if (t.isPrivateIdentifier(name)) return undefined;
    if (t.isComputedPropertyName(name)) {
      const key = this.value(name.expression, module, "value");
      return typeof key === "string" || typeof key === "number" ? String(key) : undefined;
    }
    return undefined;
  }

  private array(node: TS.ArrayLiteralExpression, module: SourceModule, mode: Mode): StaticValue {
    const t = ts();
    const out: StaticValue[] = [];
    this.record(out, node);
    for (const element of node.elements) {
      if (t.isSpreadElement(element)) {
        const spread = this.value(element.expression, module, mode);
        if (Array.isArray(spread)) out.push(...spread);
        else if (spread && typeof spread === "object" && isCallValue(spread)) {
          out.push(new Unknown(`spread of ${this.text(element.expression)} (a function call)`, this.spot(element)));
        }
        else if (spread instanceof Unknown) out.push(new Unknown(`spread of ${spread.reason}`, spread.at ?? this.spot(element)));
        else out.push(new Unknown(`spread of ${this.text(element.expression)} (not an array)`, this.spot(element)));
      } else if (t.isOmittedExpression(element)) {
        out.push(undefined);
      } else {
        out.push(this.value(element, module, mode));
      }
    }
    return out;
  }

  private memoized(node: TS.Node, mode: Mode, compute: () => StaticValue): StaticValue {
    let byNode = this.memo.get(mode);
    if (!byNode) this.memo.set(mode, (byNode = new Map()));
    const known = byNode.get(node);
    if (known === PENDING) {
      const name = ts().isVariableDeclaration(node) ? this.text(node.name) : this.text(node);
      return new Unknown(`${name} (refers to itself)`, this.spot(node));
    }
    if (byNode.has(node)) return known as StaticValue;
    byNode.set(node, PENDING);
    const value = compute();
    byNode.set(node, value);
    return value;
  }

  private identifier(node: TS.Identifier, module: SourceModule, mode: Mode): StaticValue {
    const name = node.text;
    if (name === "") return new Unknown("missing (a syntax error here)", this.spot(node));
    const declaration = lookUp(name, node, module);
    if (!declaration) {
      if (name === "undefined") return undefined;
      if (name === "NaN") return Number.NaN;
      if (name === "Infinity") return Number.POSITIVE_INFINITY;
      return new Unknown(`${name} (not defined in ${path.basename(module.file)})`, this.spot(node));
    }
    switch (declaration.kind) {
      case "const": {
        const init = declaration.node.initializer;
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

  private imported(binding: { module: string; imported: string }, module: SourceModule, mode: Mode, at: TS.Node): StaticValue {
    if (isEnvVariablesModule(binding.module) && binding.imported !== "*" && binding.imported !== "default") {
      return this.envValue(binding.imported, at, binding.imported);
    }
    const file = this.host.resolve(binding.module, module.file);
    if (!file) return new Unknown(`${this.text(at)} (imported from ${this.host.describe(binding.module)})`, this.spot(at));
    if (binding.imported === "*") return new Unknown(`${this.text(at)} (a namespace import)`, this.spot(at));
    return this.exported(file, binding.imported, mode, at, new Set());
  }

  /** The value another module exports under `name`, following re-exports. */
  exported(file: string, name: string, mode: Mode, at: TS.Node, seen: Set<string>): StaticValue {
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
          const declaration = lookUp(found.name, target.source, target);
          if (declaration?.kind === "const" && declaration.node.initializer) {
            const init = declaration.node.initializer;
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

  private envValue(name: string, at: TS.Node, written: string): StaticValue {
    const env = this.host.env;
    if (env && typeof env[name] === "string") return env[name];
    return new Unknown(`${written} (an environment variable${env ? " not set" : ""})`, this.spot(at));
  }

  /** `process.env.X`, `import.meta.env.X` or `env.X` with `env` imported from an env module: the variable name. */
  private envName(node: TS.PropertyAccessExpression | TS.ElementAccessExpression, module: SourceModule): string | undefined {
    const t = ts();
    const name = this.memberName(node, module);
    if (name === undefined) return undefined;
    const object = node.expression;
    if (t.isPropertyAccessExpression(object) && object.name.text === "env") {
      const base = object.expression;
      if (t.isIdentifier(base) && (base.text === "process" || base.text === "Bun") && !lookUp(base.text, base, module)) return name;
      if (t.isMetaProperty(base) && base.name.text === "meta") return name;
    }
    if (t.isIdentifier(object)) {
      const declaration = lookUp(object.text, object, module);
      if (declaration?.kind === "import" && isEnvModule(declaration.binding.module)) return name;
    }
    return undefined;
  }

  private memberName(node: TS.PropertyAccessExpression | TS.ElementAccessExpression, module: SourceModule): string | undefined {
    const t = ts();
    if (t.isPropertyAccessExpression(node)) return t.isIdentifier(node.name) ? node.name.text : undefined;
    const key = this.value(node.argumentExpression, module, "value");
    return typeof key === "string" || typeof key === "number" ? String(key) : undefined;
  }

  private member(node: TS.PropertyAccessExpression | TS.ElementAccessExpression, module: SourceModule): StaticValue {
    const env = this.envName(node, module);
    if (env !== undefined) return this.envValue(env, node, this.text(node));
    const name = this.memberName(node, module);
    const object = this.value(node.expression, module, "value");
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
  callee(expression: TS.Expression, module: SourceModule): Callee | undefined {
    const t = ts();
    let node = expression;
    while (t.isParenthesizedExpression(node) || t.isNonNullExpression(node) || t.isAsExpression(node)) node = node.expression;
    if (t.isIdentifier(node)) {
      const declaration = lookUp(node.text, node, module);
      if (declaration?.kind === "import") {
        const { module: from, imported } = declaration.binding;
        if (imported === "*") return undefined;
        return { name: imported === "default" ? node.text : imported, module: from, origin: "import" };
      }
      if (declaration?.kind === "function") return { name: node.text, module: "", origin: "local" };
      if (declaration?.kind === "const" && declaration.node.initializer) {
        let init = declaration.node.initializer;
        while (t.isParenthesizedExpression(init) || t.isAsExpression(init) || t.isSatisfiesExpression(init)) init = init.expression;
        if (t.isArrowFunction(init) || t.isFunctionExpression(init)) return { name: node.text, module: "", origin: "local" };
      }
      return undefined;
    }
    if (t.isPropertyAccessExpression(node) && t.isIdentifier(node.expression)) {
      const declaration = lookUp(node.expression.text, node.expression, module);
      if (declaration?.kind === "import" && declaration.binding.imported === "*") {
        return { name: node.name.text, module: declaration.binding.module, origin: "import" };
      }
    }
    return undefined;
  }

  private call(node: TS.CallExpression, module: SourceModule, mode: Mode): StaticValue {
    const callee = this.callee(node.expression, module);
    const at = this.spot(node)!;
    if (callee && isAdapter(callee)) {
      const adapter: AdapterCall = { kind: "adapter", name: callee.name, module: callee.module, args: this.args(node, module), at };
      return adapter;
    }
    if (callee && mode === "plugins" && !isBetterAuth(callee)) {
      const plugin: PluginCall = { kind: "plugin", name: callee.name, module: callee.module, args: this.args(node, module), at };
      return plugin;
    }
    return new Unknown(`${this.text(node.expression)}() (a function call)`, at);
  }

  private args(node: TS.CallExpression, module: SourceModule): StaticValue[] {
    const t = ts();
    return node.arguments.map((arg) =>
      t.isSpreadElement(arg) ? new Unknown(`spread of ${this.text(arg.expression)}`, this.spot(arg)) : this.value(arg, module, "value"),
    );
  }

  private binary(node: TS.BinaryExpression, module: SourceModule, mode: Mode): StaticValue {
    const k = ts().SyntaxKind;
    const op = node.operatorToken.kind;
    const left = this.value(node.left, module, op === k.BarBarToken || op === k.QuestionQuestionToken || op === k.AmpersandAmpersandToken ? mode : "value");
    const unknownBecause = (u: Unknown) => this.derived(node, "depends on", u);
    if (op === k.BarBarToken || op === k.QuestionQuestionToken || op === k.AmpersandAmpersandToken) {
      if (left instanceof Unknown) return unknownBecause(left);
      const takeLeft = op === k.BarBarToken ? truthy(left) : op === k.QuestionQuestionToken ? left !== null && left !== undefined : !truthy(left);
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
      case k.EqualsEqualsEqualsToken:
        return a === b;
      case k.ExclamationEqualsEqualsToken:
        return a !== b;
      case k.EqualsEqualsToken:
        return a == b;
      case k.ExclamationEqualsToken:
        return a != b;
      case k.PlusToken:
        return typeof a === "string" || typeof b === "string" ? String(a) + String(b) : Number(a) + Number(b);
      case k.MinusToken:
        return Number(a) - Number(b);
      case k.AsteriskToken:
        return Number(a) * Number(b);
      case k.SlashToken:
        return Number(a) / Number(b);
      case k.PercentToken:
        return Number(a) % Number(b);
      case k.AsteriskAsteriskToken:
        return Number(a) ** Number(b);
      default:
        return new Unknown(`${this.text(node)} (an operator not evaluated)`, this.spot(node));
    }
  }

  private prefix(node: TS.PrefixUnaryExpression, module: SourceModule): StaticValue {
    const k = ts().SyntaxKind;
    const operand = this.value(node.operand, module, "value");
    if (operand instanceof Unknown) return this.derived(node, "depends on", operand);
    if (node.operator === k.ExclamationToken) return !truthy(operand);
    if (typeof operand === "number" && node.operator === k.MinusToken) return -operand;
    if (typeof operand === "number" && node.operator === k.PlusToken) return operand;
    return new Unknown(`${this.text(node)} (an operator not evaluated)`, this.spot(node));
  }
}

export function isCallValue(value: object): value is PluginCall | AdapterCall {
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "plugin" || kind === "adapter") && "args" in value && "at" in value && "module" in value;
}

function truthy(value: StaticValue): boolean {
  if (value instanceof Unknown) return true;
  return !!value;
}
