import type * as vscode from "vscode";
import type { SchemaLinter } from "./linter";

/** What every command gets; commands are small files registered from one table. */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  linter: SchemaLinter;
  log: vscode.LogOutputChannel;
}

export interface CommandDefinition {
  id: string;
  run(services: ExtensionServices, ...args: unknown[]): unknown;
}
