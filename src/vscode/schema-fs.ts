import * as vscode from "vscode";
import { nodeSchemaFs, type SchemaFs } from "../core/schema/load";

/**
 * The disk as the core reads it, with the unsaved text of open editors laid over it. Looked up
 * per file read: a lint reads a handful of files, and copying every open editor's text on each
 * keystroke would be work on the hot path for nothing.
 */
export function editorSchemaFs(): SchemaFs {
  return {
    readFile: (path) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === "file" && candidate.uri.fsPath === path);
      return document ? document.getText() : nodeSchemaFs.readFile(path);
    },
    readDir: (path) => nodeSchemaFs.readDir(path),
  };
}
