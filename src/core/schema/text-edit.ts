import type { Range } from "./ast";

/** One replacement in one file: what rules' fixes, code actions and `fix` are made of. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}
