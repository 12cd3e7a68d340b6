// Types for the test that calls the installed plugins the way extract-plugins.mjs did.
export function pluginInstances(
  exports: Record<string, unknown>,
): { export: string; variant: string; args: unknown[]; plugin: { id: string; schema: Record<string, unknown> } }[];
