/** One instant, written the three ways the cookie report shows it. */
export interface InstantDescription {
  /** ISO 8601 UTC, e.g. `2026-01-02T03:04:05.000Z`. */
  utc: string;
  /** The machine's local time with its offset, e.g. `2026-01-02 04:04:05 UTC+01:00`. */
  local: string;
  /** `in 5 minutes`, `3 days ago`. */
  relative: string;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600e3],
  ["month", 30 * 24 * 3600e3],
  ["day", 24 * 3600e3],
  ["hour", 3600e3],
  ["minute", 60e3],
  ["second", 1e3],
];

export function describeInstant(ms: number, now: number): InstantDescription {
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) return { utc: "invalid date", local: "invalid date", relative: "at an invalid date" };
  const diff = ms - now;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? UNITS[UNITS.length - 1];
  const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(Math.round(diff / size), unit);
  return { utc: date.toISOString(), local: localTime(date), relative };
}

/** `2026-01-02 04:04:05 UTC+01:00`, built by hand so it does not depend on the ICU build. */
function localTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0 ? "UTC" : `UTC${offset > 0 ? "+" : "-"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}
