import { classifyCookieName } from "./cookie-names";
import type { InputCookie } from "./parse-input";
import { reason } from "../reason";
import type { CookieKind, Reason, VerifyCookieOptions } from "../types";
import { guessKindFromValue } from "../value-shape";

/** One logical cookie: a whole value or its chunks, by the name it is listed under. */
export interface CookieGroup {
  name: string;
  kind: CookieKind;
  secure: boolean;
  /** Pasted without a name: kind guessed from the value. */
  guessed: boolean;
  whole?: InputCookie;
  chunks: Map<number, InputCookie>;
}

export interface Grouped {
  groups: CookieGroup[];
  ignored: number;
  reasons: Reason[];
}

/** More than any real app sets; beyond it the rest is skipped to keep time bounded. */
export const MAX_GROUPS = 200;

/**
 * Sorts pasted cookies into Better Auth cookies. Duplicates follow the wire: in a Cookie
 * header the first one wins (better-call's parser keeps the first), a later Set-Cookie
 * replaces an earlier one, and a deleting Set-Cookie removes it.
 */
export function groupCookies(cookies: readonly InputCookie[], options: VerifyCookieOptions): Grouped {
  const byName = new Map<string, CookieGroup>();
  const reasons: Reason[] = [];
  const unrecognised: InputCookie[] = [];
  let bare = 0;
  let ignored = 0;
  let capped = false;

  for (const cookie of cookies) {
    let name: string;
    let kind: CookieKind;
    let secure = false;
    let chunk: number | null = null;
    let guessed = false;
    if (cookie.name === null) {
      kind = guessKindFromValue(cookie.raw);
      name = `(pasted value ${++bare})`;
      guessed = true;
    } else {
      const info = classifyCookieName(cookie.name, options);
      if (!info) {
        ignored++;
        if (unrecognised.length < MAX_GROUPS) unrecognised.push(cookie);
        continue;
      }
      ({ kind, secure } = info);
      name = info.baseName;
      chunk = info.chunkIndex;
    }

    let group = byName.get(name);
    if (cookie.deletes) {
      if (group) {
        if (chunk === null) group.whole = undefined;
        else group.chunks.delete(chunk);
        if (!group.whole && group.chunks.size === 0) byName.delete(name);
      }
      reasons.push(reason("cookie-deleted", "info", `A Set-Cookie line deletes ${cookie.name}; it is left out.`, name));
      continue;
    }
    if (!group) {
      if (byName.size >= MAX_GROUPS) {
        capped = true;
        continue;
      }
      group = { name, kind, secure, guessed, chunks: new Map() };
      byName.set(name, group);
    }
    const existing = chunk === null ? group.whole : group.chunks.get(chunk);
    if (existing && cookie.origin !== "set-cookie") {
      reasons.push(reason("duplicate-cookie", "info", `${cookie.name} appears more than once; the first one is used, as Better Auth does.`, name));
      continue;
    }
    if (chunk === null) group.whole = cookie;
    else group.chunks.set(chunk, cookie);
  }

  // Nothing named like Better Auth: maybe custom names. Read values that look like ours.
  if (byName.size === 0) {
    for (const cookie of unrecognised) {
      const kind = guessKindFromValue(cookie.raw);
      if (kind === "unknown" || byName.has(cookie.name as string)) continue;
      const name = cookie.name as string;
      byName.set(name, { name, kind, secure: name.startsWith("__Secure-") || name.startsWith("__Host-"), guessed: true, whole: cookie, chunks: new Map() });
      ignored--;
      reasons.push(
        reason(
          "unknown-value",
          "info",
          `${name} is not a Better Auth cookie name; its value looks like a ${kind} cookie, so it is read as one. Pass the app's custom cookie names to check names too.`,
          name,
        ),
      );
    }
  }
  if (capped) reasons.push(reason("too-many-cookies", "info", `Only the first ${MAX_GROUPS} Better Auth cookies are checked.`));
  return { groups: [...byName.values()], ignored, reasons };
}
