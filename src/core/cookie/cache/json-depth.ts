/**
 * Better Auth's cache payloads are a few levels deep. A crafted cookie nested thousands of
 * levels deep parses fine but overflows the stack in every later JSON.stringify (the report,
 * the compact signature check), so such text is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 64;

/** True when arrays/objects in `text` nest deeper than `max`; strings are skipped. */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}
