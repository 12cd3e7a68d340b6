// Calls every plugin factory a module exports, the way extract-plugins.mjs records them: with no
// arguments, else with what it demands (NEEDS), and once per schema-changing option (VARIANTS).
// Shared with the test that compares plugins.json with the installed packages.
import { argsAsData, NEEDS, VARIANTS } from "./plugin-variants.mjs";

const isPlugin = (value) => value && typeof value === "object" && typeof value.id === "string";

function call(factory, args) {
  try {
    const plugin = factory(...args);
    return isPlugin(plugin) ? plugin : undefined;
  } catch {
    return undefined;
  }
}

/** [{ export, variant, args (as data), plugin }] for every factory whose plugin has a `schema`. */
export function pluginInstances(exports) {
  const out = [];
  for (const [name, factory] of Object.entries(exports)) {
    // plugin factories are camelCase functions; classes and error types are not called
    if (typeof factory !== "function" || !/^[a-z]/.test(name)) continue;
    let args = [];
    let plugin = call(factory, args);
    if (!plugin && NEEDS[name]) {
      plugin = call(factory, NEEDS[name]);
      args = NEEDS[name];
    }
    if (!plugin) continue;
    const variants = [["default", args, plugin]];
    for (const [variant, variantArgs] of VARIANTS[name] ?? []) {
      const withOption = call(factory, variantArgs);
      if (withOption) variants.push([variant, variantArgs, withOption]);
    }
    for (const [variant, variantArgs, instance] of variants) {
      if (instance.schema) out.push({ export: name, variant, args: argsAsData(variantArgs), plugin: instance });
    }
  }
  return out;
}
