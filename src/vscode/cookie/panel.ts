import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import { type PanelAction, type PanelModel, renderCookiePanel } from "./render-panel";

export const PANEL_TITLE = "Better Auth cookie";
const VIEW_TYPE = "betterAuthDoctor.cookie";
const ACTIONS: ReadonlySet<string> = new Set<PanelAction>(["manageTrust", "enterSecret", "rerun", "lookup", "setUrl"]);
/** A copy button never carries more than the largest input the verifier accepts. */
const MAX_COPY = 4 * 1024 * 1024;

/**
 * The one cookie panel: created on first use, revealed and re-rendered on later runs. Scripts
 * run only for the copy and action buttons, which post messages; the extension writes the
 * clipboard and runs the actions.
 */
export class CookiePanel {
  private panel: vscode.WebviewPanel | undefined;
  private onAction: (action: PanelAction) => void = () => {};

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(model: PanelModel, onAction: (action: PanelAction) => void): void {
    this.onAction = onAction;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, PANEL_TITLE, { viewColumn: column, preserveFocus: false }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    }
    this.panel.webview.html = renderCookiePanel(model, { nonce: randomBytes(16).toString("base64"), cspSource: this.panel.webview.cspSource });
  }

  private receive(message: unknown): void {
    if (typeof message !== "object" || message === null) return;
    const { type, value, what, action } = message as Record<string, unknown>;
    if (type === "copy" && typeof value === "string" && value.length <= MAX_COPY) {
      const label = typeof what === "string" ? what.slice(0, 80) : "value";
      void vscode.env.clipboard.writeText(value).then(() => vscode.window.setStatusBarMessage(`Copied the ${label}`, 2000));
    } else if (type === "action" && typeof action === "string" && ACTIONS.has(action)) {
      this.onAction(action as PanelAction);
    } else {
      this.log.warn(`cookie panel: ignored an unexpected message (${typeof type === "string" ? type.slice(0, 40) : typeof type})`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
