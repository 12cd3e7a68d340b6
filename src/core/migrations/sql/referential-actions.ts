import type { ReferentialAction } from "../table-model";

/** `onDelete`/`onUpdate` as every provider's DDL spells them. */
export const REFERENTIAL_ACTION_SQL: Record<ReferentialAction, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};
