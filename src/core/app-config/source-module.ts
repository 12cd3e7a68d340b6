import { isFunctionLike, parentOf, type B, type ParsedSource } from "./parse-source";

/** `import { twoFactor as tf } from "better-auth/plugins"` → local `tf`: { module, imported: "twoFactor" }. */
export interface ImportBinding {
  module: string;
  /** The exported name, "default", or "*" for a namespace import. */
  imported: string;
}

export type ExportTarget =
  | { kind: "local"; name: string; node: B.Node }
  | { kind: "expression"; node: B.Expression }
  | { kind: "declaration"; node: B.FunctionDeclaration | B.ClassDeclaration | B.TSDeclareFunction }
  | { kind: "reexport"; module: string; imported: string };

export interface SourceModule {
  file: string;
  source: ParsedSource;
  /** The module's Program node: its top-level scope. */
  program: B.Program;
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportTarget>;
  /** Specifiers of `export * from "..."`. */
  starExports: string[];
}

const nameOf = (node: B.Identifier | B.StringLiteral): string => (node.type === "Identifier" ? node.name : node.value);

export function indexModule(file: string, source: ParsedSource): SourceModule {
  const imports = new Map<string, ImportBinding>();
  const exports = new Map<string, ExportTarget>();
  const starExports: string[] = [];
  const program = source.ast.program;

  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      const module = statement.source.value;
      for (const specifier of statement.specifiers) {
        if (specifier.type === "ImportDefaultSpecifier") imports.set(specifier.local.name, { module, imported: "default" });
        else if (specifier.type === "ImportNamespaceSpecifier") imports.set(specifier.local.name, { module, imported: "*" });
        else imports.set(specifier.local.name, { module, imported: nameOf(specifier.imported) });
      }
    } else if (statement.type === "ExportAllDeclaration") {
      starExports.push(statement.source.value);
    } else if (statement.type === "ExportNamedDeclaration") {
      const module = statement.source?.value;
      for (const specifier of statement.specifiers) {
        if (specifier.type === "ExportNamespaceSpecifier") {
          if (module !== undefined) exports.set(specifier.exported.name, { kind: "reexport", module, imported: "*" });
        } else if (specifier.type === "ExportSpecifier") {
          const local = specifier.local.name;
          exports.set(
            nameOf(specifier.exported),
            module !== undefined ? { kind: "reexport", module, imported: local } : { kind: "local", name: local, node: specifier },
          );
        }
      }
      const declaration = statement.declaration;
      if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === "Identifier") exports.set(declarator.id.name, { kind: "local", name: declarator.id.name, node: declarator });
        }
      } else if (
        (declaration?.type === "FunctionDeclaration" || declaration?.type === "ClassDeclaration" || declaration?.type === "TSDeclareFunction") &&
        declaration.id
      ) {
        exports.set(declaration.id.name, { kind: "declaration", node: declaration });
      }
    } else if (statement.type === "ExportDefaultDeclaration") {
      const declaration = statement.declaration;
      if (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration" || declaration.type === "TSDeclareFunction") {
        exports.set("default", { kind: "declaration", node: declaration });
      } else if ((declaration.type as string) !== "TSInterfaceDeclaration") {
        exports.set("default", { kind: "expression", node: declaration as B.Expression });
      }
    }
  }
  return { file, source, program, imports, exports, starExports };
}

/** What a name refers to at some point of a file. */
export type Declaration =
  | { kind: "const"; node: B.VariableDeclarator }
  | { kind: "mutable"; node: B.VariableDeclarator }
  | { kind: "function"; node: B.FunctionDeclaration | B.TSDeclareFunction }
  | { kind: "class"; node: B.ClassDeclaration }
  | { kind: "parameter"; node: B.Node }
  | { kind: "import"; binding: ImportBinding; node: B.Node }
  | { kind: "destructured"; node: B.Node };

const scopeCache = new WeakMap<B.Node, Map<string, Declaration>>();

/** `export const x`, `export default function f` declare `x` and `f` in the module's scope as well. */
function declared(statement: B.Statement): B.Node | null | undefined {
  if (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration") return statement.declaration;
  return statement;
}

function declarationsOf(container: B.Node, statements: readonly B.Statement[], module: SourceModule): Map<string, Declaration> {
  const cached = scopeCache.get(container);
  if (cached) return cached;
  const names = new Map<string, Declaration>();
  for (const statement of statements) {
    const node = declared(statement);
    if (!node) continue;
    if (node.type === "VariableDeclaration") {
      const isConst = node.kind === "const";
      for (const declarator of node.declarations) {
        if (declarator.id.type === "Identifier") {
          names.set(declarator.id.name, { kind: isConst ? "const" : "mutable", node: declarator });
        } else {
          for (const name of boundNames(declarator.id)) names.set(name, { kind: "destructured", node: declarator });
        }
      }
    } else if ((node.type === "FunctionDeclaration" || node.type === "TSDeclareFunction") && node.id) {
      names.set(node.id.name, { kind: "function", node });
    } else if (node.type === "ClassDeclaration" && node.id) {
      names.set(node.id.name, { kind: "class", node });
    }
  }
  if (container === module.program) {
    for (const [name, binding] of module.imports) names.set(name, { kind: "import", binding, node: module.program });
  }
  scopeCache.set(container, names);
  return names;
}

/** Names a binding pattern (or a parameter) declares. */
export function boundNames(pattern: B.Node | null | undefined, depth = 0): string[] {
  if (!pattern || depth > 100) return [];
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name];
    case "AssignmentPattern":
      return boundNames(pattern.left, depth + 1);
    case "RestElement":
      return boundNames(pattern.argument, depth + 1);
    case "TSParameterProperty":
      return boundNames(pattern.parameter, depth + 1);
    case "ArrayPattern":
      return pattern.elements.flatMap((element) => boundNames(element, depth + 1));
    case "ObjectPattern":
      return pattern.properties.flatMap((property) => boundNames(property.type === "RestElement" ? property : property.value, depth + 1));
    default:
      return [];
  }
}

/** The statements of a node that opens a block scope. */
function statementsOf(node: B.Node): readonly B.Statement[] | undefined {
  switch (node.type) {
    case "Program":
    case "BlockStatement":
    case "TSModuleBlock":
    case "StaticBlock":
      return node.body;
    case "SwitchCase":
      return node.consequent;
    default:
      return undefined;
  }
}

/** The declaration `name` refers to at `at`, walking out through blocks and functions; undefined for globals. */
export function lookUp(name: string, at: B.Node, module: SourceModule): Declaration | undefined {
  for (let node: B.Node | undefined = at; node; node = parentOf(node)) {
    const statements = statementsOf(node);
    if (statements) {
      const found = declarationsOf(node, statements, module).get(name);
      if (found) return found;
    }
    if (isFunctionLike(node)) {
      for (const parameter of node.params) {
        if (boundNames(parameter).includes(name)) return { kind: "parameter", node: parameter };
      }
    }
  }
  return undefined;
}
