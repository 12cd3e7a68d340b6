import { isDeepStrictEqual } from "node:util";
import type { Settings } from "./settings";

// The parts of the settings object that need no VS Code, so vitest covers them: which folders a
// configuration change really changed, and when a folder's settings problems are worth a warning.

/** Key of the settings that apply outside every workspace folder (user and workspace values). */
export const NO_FOLDER = "";

/**
 * The folders among `candidates` whose settings differ from `before` once `read` again. VS Code's
 * change event names a section, not a value: saving settings.json unchanged, or changing a key in
 * another folder, must not re-lint. Returns the settings read, changed or not, for the cache.
 */
export function refreshFolders(before: ReadonlyMap<string, Settings>, candidates: Iterable<string>, read: (folder: string) => Settings): { changed: string[]; read: Map<string, Settings> } {
  const changed: string[] = [];
  const fresh = new Map<string, Settings>();
  for (const folder of candidates) {
    const next = read(folder);
    fresh.set(folder, next);
    const previous = before.get(folder);
    if (!previous || !isDeepStrictEqual(previous, next)) changed.push(folder);
  }
  return { changed, read: fresh };
}

/**
 * One warning per wrong value, not one per lint or per unrelated change: a folder's problems are
 * shown when they differ from what was last shown for it (and never when there are none).
 */
export class ProblemNotices {
  private readonly shown = new Map<string, string>();

  /** The message to show now for `folder`, or undefined when the user already saw it. */
  next(folder: string, problems: readonly string[]): string | undefined {
    const message = problems.join("; ");
    if (message === (this.shown.get(folder) ?? "")) return undefined;
    this.shown.set(folder, message);
    return message || undefined;
  }

  forget(folder: string): void {
    this.shown.delete(folder);
  }
}
