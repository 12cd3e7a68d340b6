// What one plugin adds to getAuthTables: the tables that exist only with it, and the fields it
// adds to (or redefines on) tables that exist without it. Both inputs are normalised tables.
// A plugin that removed a table or field, or renamed a table, would not fit this shape: it throws.

export function pluginContribution(base, withPlugin) {
  const tables = {};
  const fieldsOnOtherTables = {};
  for (const key of Object.keys(base)) if (!withPlugin[key]) throw new Error(`the plugin removes table ${key}`);
  for (const [key, table] of Object.entries(withPlugin)) {
    const before = base[key];
    if (!before) {
      tables[key] = table;
      continue;
    }
    if (before.modelName !== table.modelName) throw new Error(`the plugin renames ${key} to ${table.modelName}`);
    for (const name of Object.keys(before.fields)) if (!table.fields[name]) throw new Error(`the plugin removes ${key}.${name}`);
    for (const [name, field] of Object.entries(table.fields)) {
      if (JSON.stringify(before.fields[name]) !== JSON.stringify(field)) (fieldsOnOtherTables[key] ??= {})[name] = field;
    }
  }
  return { tables, fieldsOnOtherTables };
}
