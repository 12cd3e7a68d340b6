import type * as TS from "typescript";
import { ts } from "./typescript-parser";

/** `import { twoFactor as tf } from "better-auth/plugins"` → local `tf`: { module, imported: "twoFactor" }. */
export interface ImportBinding {
  module: string;
  /** The exported name, "default", or "*" for a namespace import. */
  imported: string;
}

export type ExportTarget =
  | { kind: "local"; name: string; node: TS.Node }
  | { kind: "expression"; node: TS.Expression }
  | { kind: "declaration"; node: TS.FunctionDeclaration | TS.ClassDeclaration }
  | { kind: "reexport"; module: string; imported: string };

export interface SourceModule {
  file: string;
  source: TS.SourceFile;
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportTarget>;
  /** Specifiers of `export * from "..."`. */
  starExports: string[];
}

const hasModifier = (node: TS.Node, kind: TS.SyntaxKind): boolean =>
  !!(node as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers?.some((m) => m.kind === kind);

export function indexModule(file: string, source: TS.SourceFile): SourceModule {
  const t = ts();
  const imports = new Map<string, ImportBinding>();
  const exports = new Map<string, ExportTarget>();
  const starExports: string[] = [];

  for (const statement of source.statements) {
    if (t.isImportDeclaration(statement) && t.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) imports.set(clause.name.text, { module, imported: "default" });
      const bindings = clause.namedBindings;
      if (bindings && t.isNamespaceImport(bindings)) imports.set(bindings.name.text, { module, imported: "*" });
      if (bindings && t.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          imports.set(element.name.text, { module, imported: (element.propertyName ?? element.name).text });
        }
      }
    } else if (t.isExportDeclaration(statement)) {
      const module = statement.moduleSpecifier && t.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (module !== undefined) starExports.push(module);
      } else if (t.isNamespaceExport(clause)) {
        if (module !== undefined) exports.set(clause.name.text, { kind: "reexport", module, imported: "*" });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          exports.set(
            element.name.text,
            module !== undefined ? { kind: "reexport", module, imported: local } : { kind: "local", name: local, node: element },
          );
        }
      }
    } else if (t.isExportAssignment(statement) && !statement.isExportEquals) {
      exports.set("default", { kind: "expression", node: statement.expression });
    } else if (t.isVariableStatement(statement) && hasModifier(statement, t.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (t.isIdentifier(declaration.name)) {
          exports.set(declaration.name.text, { kind: "local", name: declaration.name.text, node: declaration });
        }
      }
    } else if ((t.isFunctionDeclaration(statement) || t.isClassDeclaration(statement)) && hasModifier(statement, t.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(statement, t.SyntaxKind.DefaultKeyword);
      if (isDefault) exports.set("default", { kind: "declaration", node: statement });
      else if (statement.name) exports.set(statement.name.text, { kind: "declaration", node: statement });
    }
  }
  return { file, source, imports, exports, starExports };
}

/** What a name refers to at some point of a file. */
export type Declaration =
  | { kind: "const"; node: TS.VariableDeclaration }
  | { kind: "mutable"; node: TS.VariableDeclaration }
  | { kind: "function"; node: TS.FunctionDeclaration }
  | { kind: "class"; node: TS.ClassDeclaration }
  | { kind: "parameter"; node: TS.ParameterDeclaration }
  | { kind: "import"; binding: ImportBinding; node: TS.Node }
  | { kind: "destructured"; node: TS.Node };

const scopeCache = new WeakMap<TS.Node, Map<string, Declaration>>();

function declarationsOf(container: TS.Node, statements: readonly TS.Statement[], module: SourceModule): Map<string, Declaration> {
  const cached = scopeCache.get(container);
  if (cached) return cached;
  const t = ts();
  const names = new Map<string, Declaration>();
  for (const statement of statements) {
    if (t.isVariableStatement(statement)) {
      const isConst = (statement.declarationList.flags & t.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations) {
        if (t.isIdentifier(declaration.name)) {
          names.set(declaration.name.text, { kind: isConst ? "const" : "mutable", node: declaration });
        } else {
          for (const name of boundNames(declaration.name)) names.set(name, { kind: "destructured", node: declaration });
        }
      }
    } else if (t.isFunctionDeclaration(statement) && statement.name) {
      names.set(statement.name.text, { kind: "function", node: statement });
    } else if (t.isClassDeclaration(statement) && statement.name) {
      names.set(statement.name.text, { kind: "class", node: statement });
    }
  }
  if (container === module.source) {
    for (const [name, binding] of module.imports) names.set(name, { kind: "import", binding, node: module.source });
  }
  scopeCache.set(container, names);
  return names;
}

function boundNames(pattern: TS.BindingName): string[] {
  const t = ts();
  if (t.isIdentifier(pattern)) return [pattern.text];
  const names: string[] = [];
  for (const element of pattern.elements) {
    if (!t.isOmittedExpression(element)) names.push(...boundNames(element.name));
  }
  return names;
}

/** The declaration `name` refers to at `at`, walking out through blocks and functions; undefined for globals. */
export function lookUp(name: string, at: TS.Node, module: SourceModule): Declaration | undefined {
  const t = ts();
  for (let node: TS.Node | undefined = at; node; node = node.parent) {
    if (t.isSourceFile(node) || t.isBlock(node) || t.isModuleBlock(node) || t.isCaseClause(node) || t.isDefaultClause(node)) {
      const found = declarationsOf(node, node.statements, module).get(name);
      if (found) return found;
    }
    if (t.isFunctionLike(node)) {
      for (const parameter of node.parameters) {
        if (boundNames(parameter.name).includes(name)) return { kind: "parameter", node: parameter };
      }
    }
  }
  return undefined;
}
