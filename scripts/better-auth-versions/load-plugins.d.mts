// Types for the test: which plugin modules a better-auth package.json exports.
export function pluginModules(
  manifest: { name?: string; exports?: Record<string, unknown> },
  name?: string,
): { module: string; file: string }[];
export function exportTarget(entry: unknown): string | undefined;
