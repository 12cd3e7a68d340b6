import * as vscode from "vscode";
import { nodeSchemaFs, type SchemaFs } from "../core/schema/load";

/** The disk as the core reads it, with the unsaved text of open editors laid over it. */
export function editorSchemaFs(): SchemaFs {
  const open = new Map<string, string>();
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme === "file") open.set(document.uri.fsPath, document.getText());
  }
  return {
    readFile: (path) => open.get(path) ?? nodeSchemaFs.readFile(path),
    readDir: (path) => nodeSchemaFs.readDir(path),
  };
}
