// getAuthTables({}) output → the compact shape stored in tables.json (see
// src/core/better-auth/versions/index.ts for the types).

// Flags that shape validation or API output but never the database column.
const NOT_IN_DATABASE = new Set(["returned", "input", "sortable", "validator", "transform"]);
const KNOWN = new Set([
  "type", "required", "unique", "index", "bigint", "references", "fieldName", "defaultValue", "onUpdate",
]);

/**
 * `absentRequired` is what the version's own migrator does with a field that has no `required`
 * flag (every version read uses `required !== false` → NOT NULL, so absent means required).
 */
export function normaliseTables(raw, { absentRequired }) {
  const unknownFlags = new Set();
  const tables = {};
  for (const key of Object.keys(raw).sort()) {
    const table = raw[key];
    const fields = {};
    for (const name of Object.keys(table.fields).sort()) {
      const field = table.fields[name];
      for (const flag of Object.keys(field)) if (!KNOWN.has(flag) && !NOT_IN_DATABASE.has(flag)) unknownFlags.add(flag);
      const out = { type: field.type, required: field.required === undefined ? absentRequired : field.required === true };
      if (field.unique) out.unique = true;
      if (field.index) out.index = true;
      if (field.bigint) out.bigint = true;
      if (field.references) {
        out.references = {
          model: field.references.model,
          field: field.references.field,
          // every version's migrator writes `onDelete || "cascade"`
          onDelete: field.references.onDelete ?? "cascade",
        };
      }
      out.fieldName = field.fieldName ?? name;
      if (field.defaultValue !== undefined) out.hasDefault = true;
      if (field.onUpdate !== undefined) out.hasOnUpdate = true;
      fields[name] = out;
    }
    // 0.4.x called it tableName
    tables[key] = { modelName: table.modelName ?? table.tableName ?? key, fields };
  }
  return { tables, unknownFlags: [...unknownFlags] };
}
