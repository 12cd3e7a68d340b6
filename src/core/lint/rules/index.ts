import { coreModelFields } from "./core-model-fields";
import { fieldOptionality } from "./field-optionality";
import { fieldTypes } from "./field-types";
import { idStrategy } from "./id-strategy";
import type { Rule } from "./rule";
import { sessionTokenLayout } from "./session-token-layout";
import { staleFields } from "./stale-fields";
import { uniqueFields } from "./unique-fields";
import { unwrittenRequiredColumns } from "./unwritten-required-columns";
import { userRelation } from "./user-relation";

/** Every rule; findings are sorted by position afterwards, so order here only groups the work. */
export const rules: readonly Rule[] = [
  sessionTokenLayout,
  coreModelFields,
  fieldTypes,
  fieldOptionality,
  uniqueFields,
  userRelation,
  staleFields,
  unwrittenRequiredColumns,
  idStrategy,
];
