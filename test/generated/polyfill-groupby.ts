/**
 * Test-only polyfill for `Object.groupBy` / `Map.groupBy` (ES2024, Node 21+).
 *
 * Better Auth's CLI (`auth/api`) parses Prisma schemas with @mrleebo/prisma-ast, whose
 * chevrotain calls these; on Node 20 they are missing. The product never loads the CLI,
 * so this must stay out of `src/`.
 */

type KeyFn<T, K> = (item: T, index: number) => K;

function objectGroupBy<T>(items: Iterable<T>, keyOf: KeyFn<T, PropertyKey>): Partial<Record<PropertyKey, T[]>> {
  const groups: Partial<Record<PropertyKey, T[]>> = Object.create(null);
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    (groups[key] ??= []).push(item);
  }
  return groups;
}

function mapGroupBy<T, K>(items: Iterable<T>, keyOf: KeyFn<T, K>): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Installs the two functions where the runtime lacks them; a no-op on Node 21+. */
export function installGroupByPolyfill(): void {
  const objectCtor = Object as unknown as { groupBy?: unknown };
  const mapCtor = Map as unknown as { groupBy?: unknown };
  if (typeof objectCtor.groupBy !== "function") {
    Object.defineProperty(Object, "groupBy", { value: objectGroupBy, writable: true, configurable: true });
  }
  if (typeof mapCtor.groupBy !== "function") {
    Object.defineProperty(Map, "groupBy", { value: mapGroupBy, writable: true, configurable: true });
  }
}

installGroupByPolyfill();
