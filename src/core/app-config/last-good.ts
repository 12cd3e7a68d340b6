import type { ParsedSource } from "./parse-source";

/**
 * The last version of each file that parsed, for files being typed: Babel stops at the first
 * syntax error it cannot recover from, so a half-typed `auth.ts` is read as it last parsed instead
 * of not at all. Bounded by paths and by characters, the oldest use evicted first.
 */
export class LastGoodParses {
  private readonly byPath = new Map<string, ParsedSource>();
  private characters = 0;

  constructor(
    readonly maxPaths = 64,
    readonly maxCharacters = 8_000_000,
  ) {}

  get(path: string): ParsedSource | undefined {
    const found = this.byPath.get(path);
    if (found) {
      // Re-inserted: a Map iterates in insertion order, so the front is the least recently used.
      this.byPath.delete(path);
      this.byPath.set(path, found);
    }
    return found;
  }

  set(path: string, source: ParsedSource): void {
    this.delete(path);
    if (source.text.length > this.maxCharacters) return;
    this.byPath.set(path, source);
    this.characters += source.text.length;
    for (const [oldest] of this.byPath) {
      if (this.byPath.size <= this.maxPaths && this.characters <= this.maxCharacters) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.byPath.size;
  }

  private delete(path: string): void {
    const old = this.byPath.get(path);
    if (!old) return;
    this.characters -= old.text.length;
    this.byPath.delete(path);
  }
}

/** The process's cache: the editor reads the same config on every keystroke. */
export const lastGoodParses = new LastGoodParses();
