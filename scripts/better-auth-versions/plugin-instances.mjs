// Calls every plugin factory a module exports, the way extract-plugins.mjs records them: with no
// arguments, else with what it demands (NEEDS), and once per schema-changing option (VARIANTS).
// Shared with the test that compares plugins.json with the installed packages.
import { argsAsData, NEEDS, VARIANTS } from "./plugin-variants.mjs";

const isPlugin = (value) => value && typeof value === "object" && typeof value.id === "string";

// Factories every version of Better Auth exports as plugins: when one of these throws, the
// dependencies around it are wrong (or it needs an entry in NEEDS), never "not a plugin".
export const KNOWN_PLUGINS = new Set([
  "admin", "anonymous", "apiKey", "bearer", "deviceAuthorization", "emailOTP", "genericOAuth", "jwt",
  "lastLoginMethod", "magicLink", "mcp", "multiSession", "oidcProvider", "oneTimeToken", "organization",
  "passkey", "phoneNumber", "siwe", "sso", "stripe", "twoFactor", "username",
]);

function call(factory, args, errors) {
  try {
    const plugin = factory(...args);
    return isPlugin(plugin) ? plugin : undefined;
  } catch (error) {
    errors?.push(String(error?.message ?? error).split("\n")[0]);
    return undefined;
  }
}

/**
 * [{ export, variant, args (as data), plugin }] for every factory whose plugin has a `schema`.
 * `threw` collects the known plugin factories that threw however they were called; `only` limits
 * the calls to these names (helpers like getJwtToken() start requests that fail without a context).
 */
export function pluginInstances(exports, threw = [], only = undefined) {
  const out = [];
  for (const [name, factory] of Object.entries(exports)) {
    if (only && !only.has(name)) continue;
    // plugin factories are camelCase functions; classes and error types are not called
    if (typeof factory !== "function" || !/^[a-z]/.test(name)) continue;
    const errors = [];
    let args = [];
    let plugin = call(factory, args, errors);
    if (!plugin && NEEDS[name]) {
      plugin = call(factory, NEEDS[name], errors);
      args = NEEDS[name];
    }
    if (!plugin) {
      if (KNOWN_PLUGINS.has(name) && errors.length) threw.push({ export: name, error: errors.at(-1) });
      continue;
    }
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
