import type * as vscode from "vscode";
import type { Config } from "./config";
import type { SchemaLinter } from "./linter";

/** What every command gets; commands are small files registered from one table. */
export interface ExtensionServices {
  context: vscode.ExtensionContext;
  linter: SchemaLinter;
  /** Every setting is read through it. */
  config: Config;
  log: vscode.LogOutputChannel;
  /** Milliseconds from the start of `activate`: to its end, and to the first published diagnostics. */
  timings: { activationMs: number; firstDiagnosticsMs?: number; firstSchema?: string };
}

export interface CommandDefinition {
  id: string;
  run(services: ExtensionServices, ...args: unknown[]): unknown;
}
