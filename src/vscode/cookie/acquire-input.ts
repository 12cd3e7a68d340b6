import * as vscode from "vscode";
import { looksLikeCookie } from "./looks-like-cookie";

/** Text to check and where it came from, for the panel and the log. */
export interface AcquiredInput {
  input: string;
  inputSource: string;
}

export interface AcquireOptions {
  title: string;
  prompt: string;
  placeHolder: string;
  /** Clipboard text that is taken without asking, besides cookies (the lookup: a raw token). */
  alsoAccept?: (text: string) => boolean;
}

/**
 * Selection, else a clipboard that looks like a cookie, else an input box: how "Verify" and
 * "look up session" both take their input. The box is not masked: a cookie is what the user
 * is looking at, and they need to see what they pasted.
 */
export async function acquireInput(options: AcquireOptions): Promise<AcquiredInput | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => editor.document.getText(s));
    if (selected.join("").trim() !== "") return { input: selected.join("\n"), inputSource: "the editor selection" };
  }
  const clipboard = await vscode.env.clipboard.readText();
  if (looksLikeCookie(clipboard) || options.alsoAccept?.(clipboard)) return { input: clipboard, inputSource: "the clipboard" };
  const typed = await vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === "" ? "Paste a cookie, a Cookie header, Set-Cookie lines or a curl command." : undefined),
  });
  return typed === undefined || typed.trim() === "" ? undefined : { input: typed, inputSource: "the input box" };
}
