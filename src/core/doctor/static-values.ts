import { Unknown, type StaticValue } from "../app-config";

export type PlainObject = Record<string, StaticValue>;

export function isObject(value: StaticValue): value is PlainObject {
  return !!value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Unknown) && !("kind" in value && "args" in value && "at" in value);
}

/** `options.advanced.cookiePrefix` and the like; an Unknown on the way is returned as is. */
export function valueAt(root: StaticValue, path: readonly string[]): StaticValue {
  let current: StaticValue = root;
  for (const key of path) {
    if (current instanceof Unknown) return current;
    if (!isObject(current)) return undefined;
    current = Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
  }
  return current;
}

/** The object holding the last key of a path, to ask `spotOf(holder, key)`. */
export function holderOf(root: StaticValue, path: readonly string[]): PlainObject | undefined {
  const holder = valueAt(root, path.slice(0, -1));
  return isObject(holder) ? holder : undefined;
}
