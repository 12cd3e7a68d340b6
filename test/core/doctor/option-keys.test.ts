import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ADVANCED_OPTIONS, TOP_LEVEL_OPTIONS, optionKeysFor } from "../../../src/core/doctor/option-keys";

const root = path.join(__dirname, "../../..");

// The installed releases the data was read from: package alias → version.
const INSTALLED: [string, string][] = [
  ["better-auth-0.8", "0.8.8"],
  ["better-auth-1.0", "1.0.22"],
  ["better-auth-1.1", "1.1.21"],
  ["better-auth-1.2", "1.2.12"],
  ["better-auth-1.3", "1.3.34"],
  ["better-auth-1.4", "1.4.22"],
  ["better-auth-1.5", "1.5.6"],
  ["better-auth-1.6", "1.6.34"],
  ["better-auth", "1.7.25"],
];

function declarationFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? declarationFiles(full) : /\.d\.m?ts$/.test(entry.name) ? [full] : [];
  });
}

/** Top-level and `advanced` keys of the `BetterAuthOptions` a package declares. */
function declaredKeys(pkg: string): { top: string[]; advanced: string[] } {
  const base = path.join(root, "node_modules", pkg);
  const files = [...declarationFiles(path.join(base, "node_modules/@better-auth/core/dist")), ...declarationFiles(path.join(base, "dist"))];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/(type|interface) BetterAuthOptions\b/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const aliases = new Map<string, ts.TypeNode>();
    let members: ts.NodeArray<ts.TypeElement> | undefined;
    source.forEachChild((node) => {
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
      if (ts.isTypeAliasDeclaration(node) && node.name.text === "BetterAuthOptions" && ts.isTypeLiteralNode(node.type)) members = node.type.members;
      if (ts.isInterfaceDeclaration(node) && node.name.text === "BetterAuthOptions") members = node.members;
    });
    if (!members) continue;
    const names = (list: readonly ts.TypeElement[]) => list.flatMap((m) => (m.name ? [m.name.getText(source).replace(/^["']|["']$/g, "")] : []));
    const advanced: string[] = [];
    const visit = (type: ts.TypeNode | undefined): void => {
      if (!type) return;
      if (ts.isTypeLiteralNode(type)) advanced.push(...names(type.members));
      else if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) type.types.forEach(visit);
      else if (ts.isParenthesizedTypeNode(type)) visit(type.type);
      else if (ts.isTypeReferenceNode(type)) visit(aliases.get(type.typeName.getText(source)));
    };
    const advancedMember = members.find((m) => m.name?.getText(source) === "advanced");
    visit(advancedMember && ts.isPropertySignature(advancedMember) ? advancedMember.type : undefined);
    return { top: names(members), advanced: [...new Set(advanced)] };
  }
  throw new Error(`no BetterAuthOptions declaration in ${pkg}`);
}

describe("option keys per version", () => {
  for (const [pkg, version] of INSTALLED) {
    it(`match BetterAuthOptions declared by ${pkg} (${version})`, () => {
      const declared = declaredKeys(pkg);
      expect(JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")).version).toBe(version);
      expect([...optionKeysFor(TOP_LEVEL_OPTIONS, version)].sort()).toEqual([...declared.top].sort());
      // advanced.generateId left the type in 1.4 but is still read (create-context.mjs generateIdFunc).
      const expectedAdvanced = new Set(declared.advanced);
      if (version !== "0.8.8") expectedAdvanced.add("generateId");
      expect([...optionKeysFor(ADVANCED_OPTIONS, version)].sort()).toEqual([...expectedAdvanced].sort());
    });
  }

  it("still reads advanced.generateId in the installed 1.7.25", () => {
    const text = readFileSync(path.join(root, "node_modules/better-auth/dist/context/create-context.mjs"), "utf8");
    expect(text).toContain("options.advanced?.generateId");
  });
});
