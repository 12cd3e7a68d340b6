import { describeInstant } from "../../core/cookie/time";

/** ISO 8601 instants as the lookup core writes them (`2026-01-02T03:04:05.000Z`). */
const ISO_INSTANT = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;

/**
 * The lookup's sentences carry UTC instants; people read local time and "in 3 days" first.
 * Each instant becomes `local (UTC, relative)`, as the cookie panel shows times.
 */
export function withReadableTimes(text: string, now: number): string {
  return text.replace(ISO_INSTANT, (iso) => {
    const ms = Date.parse(iso);
    if (!Number.isFinite(ms)) return iso;
    const d = describeInstant(ms, now);
    return `${d.local} (${d.utc}, ${d.relative})`;
  });
}
