// Types for the test that calls the installed plugins the way extract-plugins.mjs did.
export const KNOWN_PLUGINS: Set<string>;
export function pluginInstances(
  exports: Record<string, unknown>,
  threw?: { export: string; error: string }[],
  only?: Set<string>,
): { export: string; variant: string; args: unknown[]; plugin: { id: string; schema: Record<string, unknown> } }[];
