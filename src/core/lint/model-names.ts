import type { Block } from "../schema/ast";
import { isNamed, type NameLookup } from "../schema/query";

/** Block kinds a field type can name as a relation or composite. */
function namesAModel(block: Block): boolean {
  return block.kind === "model" || block.kind === "type" || block.kind === "view";
}

/** Past this many questions a set of the names is built; before, each question scans the blocks. */
const SCANS_BEFORE_SET = 8;

/**
 * The names a field type can refer to as a relation or composite: models, types and views. A lint
 * asks about a handful of fields, and a set of a 10,000-model schema's names was 0.7 MB built on
 * every keystroke and kept to the lint's end; a scan of the blocks allocates nothing. Many
 * questions (a Better Auth model with hundreds of unknown required fields) get the set.
 */
export class ModelNames implements NameLookup {
  private names: Set<string> | undefined;
  private scans = 0;

  constructor(private readonly blocks: readonly Block[]) {}

  has(name: string): boolean {
    if (this.names) return this.names.has(name);
    if (++this.scans > SCANS_BEFORE_SET) {
      this.names = new Set();
      for (const block of this.blocks) if (namesAModel(block)) this.names.add(block.name);
      return this.names.has(name);
    }
    for (const block of this.blocks) if (namesAModel(block) && isNamed(block, name)) return true;
    return false;
  }
}
