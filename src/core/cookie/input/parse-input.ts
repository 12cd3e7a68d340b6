import { parseCookie, parseSetCookie } from "cookie";
import { curlCookies, shellWords } from "./curl-args";
import { unquote } from "./url-decode";

/** Where a pasted cookie came from; it decides duplicate handling and attribute checks. */
export type CookieOrigin = "cookie-header" | "set-cookie" | "devtools" | "bare" | "json";

export interface InputCookie {
  /** `null` for a bare value pasted without a name. */
  name: string | null;
  /** The value as pasted (still URL-encoded when it was on the wire). */
  raw: string;
  origin: CookieOrigin;
  /** From a Set-Cookie line: whether it carries `Secure`. */
  secureAttribute?: boolean;
  /** From a Set-Cookie line: it deletes the cookie (empty value, `Max-Age=0`, past `Expires`). */
  deletes?: boolean;
  /** From a Set-Cookie line: what a browser weighs before storing it. */
  attributes?: SetCookieAttributes;
}

export interface SetCookieAttributes {
  domain?: string;
  path?: string;
  sameSite?: string;
  partitioned: boolean;
  /** Seconds from now until it expires (Max-Age, else Expires); undefined for a session cookie. */
  lifetime?: number;
  /** Bytes of name plus value, the part browsers limit to 4,096. */
  size: number;
}

export interface ParsedInput {
  cookies: InputCookie[];
  url?: string;
  /** `-b file` arguments: curl reads a cookie jar we cannot see. */
  cookieFiles: string[];
  /** Bytes of the longest Cookie header pasted (servers answer 431 above their limit). */
  cookieHeaderBytes?: number;
}

/** Keeps values exactly as pasted; decoding is the verifier's job (it must see `%` twice). */
const keepRaw = { decode: (value: string) => value };

/** Attributes that mark a line as a `Set-Cookie` value even without the header name. */
const SET_COOKIE_ATTRIBUTE = /;\s*(path|domain|expires|max-age|httponly|secure|samesite|partitioned|priority)\b/i;

/**
 * Reads whatever people paste: a bare value, `name=value`, a `Cookie:` header, `Set-Cookie`
 * lines (also curl -v's `< set-cookie:` and comma-joined ones), a curl command with `-b` or
 * `-H 'Cookie: …'`, tab-separated rows from the browser's cookie table, or a JSON export.
 */
export function parsePastedInput(input: string, now: number): ParsedInput {
  const text = input.replace(/^\uFEFF/, "").trim();
  const out: ParsedInput = { cookies: [], cookieFiles: [] };
  if (text === "") return out;

  if (/^curl\s/i.test(text)) {
    const curl = curlCookies(shellWords(text));
    out.url = curl.url;
    out.cookieFiles = curl.cookieFiles;
    for (const header of curl.cookieHeaders) addCookieHeader(out, header);
    for (const header of curl.setCookieHeaders) addSetCookieHeader(out, header, now);
    return out;
  }
  if ((text.startsWith("[") || text.startsWith("{")) && addJsonExport(out, text)) return out;

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^[<>]\s+/, "").trim();
    if (line === "") continue;
    const header = /^(set-cookie|cookie)\s*:/i.exec(line);
    if (header) {
      const rest = line.slice(header[0].length);
      if (header[1].toLowerCase() === "cookie") addCookieHeader(out, rest);
      else addSetCookieHeader(out, rest, now);
    } else if (line.includes("\t")) {
      addDevtoolsRow(out, line);
    } else if (/^\S+$/.test(line) && /^[^;=]+=*$/.test(unquote(line))) {
      // No `=` except base64 padding at the end: a value without a name.
      out.cookies.push({ name: null, raw: unquote(line), origin: "bare" });
    } else if (SET_COOKIE_ATTRIBUTE.test(line)) {
      addSetCookieHeader(out, line, now);
    } else {
      addCookieHeader(out, line);
    }
    out.url ??= /\bhttps?:\/\/[^\s'"<>]+/i.exec(line)?.[0];
  }
  return out;
}

function addCookieHeader(out: ParsedInput, header: string): void {
  out.cookieHeaderBytes = Math.max(out.cookieHeaderBytes ?? 0, Buffer.byteLength(header.trim()));
  const parsed = parseCookie(header, keepRaw);
  for (const name of Object.keys(parsed)) {
    const value = parsed[name];
    if (value !== undefined) out.cookies.push({ name, raw: unquote(value), origin: "cookie-header" });
  }
}

function addSetCookieHeader(out: ParsedInput, header: string, now: number): void {
  for (const line of splitJoinedSetCookie(header)) {
    const parsed = parseSetCookie(line.trim(), keepRaw);
    if (!parsed.name) continue;
    const value = unquote(parsed.value ?? "");
    const deletes =
      value === "" ||
      (parsed.maxAge !== undefined && parsed.maxAge <= 0) ||
      (parsed.maxAge === undefined && parsed.expires !== undefined && parsed.expires.getTime() <= now);
    const lifetime = parsed.maxAge !== undefined ? parsed.maxAge : parsed.expires !== undefined ? (parsed.expires.getTime() - now) / 1000 : undefined;
    const attributes: SetCookieAttributes = {
      partitioned: !!parsed.partitioned,
      size: Buffer.byteLength(parsed.name) + Buffer.byteLength(parsed.value ?? ""),
      ...(parsed.domain !== undefined ? { domain: parsed.domain } : {}),
      ...(parsed.path !== undefined ? { path: parsed.path } : {}),
      ...(parsed.sameSite !== undefined ? { sameSite: String(parsed.sameSite).toLowerCase() } : {}),
      ...(lifetime !== undefined && Number.isFinite(lifetime) ? { lifetime } : {}),
    };
    out.cookies.push({ name: parsed.name, raw: value, origin: "set-cookie", secureAttribute: !!parsed.secure, deletes, attributes });
  }
}

/**
 * `headers.get("set-cookie")` joins several cookies with ", ". Split there, but not inside
 * `Expires=Thu, 01 Jan 1970 …`: a real boundary is followed by `name=`.
 */
export function splitJoinedSetCookie(header: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const boundary = /,(?=\s*[^\s=;,]+=)/g;
  for (let m = boundary.exec(header); m; m = boundary.exec(header)) {
    const before = header.slice(Math.max(start, m.index - 12), m.index);
    if (/expires=\s*[A-Za-z]{3}$/i.test(before)) continue;
    parts.push(header.slice(start, m.index));
    start = m.index + 1;
  }
  parts.push(header.slice(start));
  return parts.filter((part) => part.trim() !== "");
}

/** Chrome/Edge devtools rows: Name, Value, Domain, Path, Expires, Size, HttpOnly, Secure, … */
function addDevtoolsRow(out: ParsedInput, line: string): void {
  const columns = line.split("\t");
  const name = columns[0].trim();
  const value = (columns[1] ?? "").trim();
  if (name === "" || (name === "Name" && value === "Value")) return;
  out.cookies.push({ name, raw: unquote(value), origin: "devtools" });
}

/** Cookie-editor extensions export `[{ name, value, … }]`. */
function addJsonExport(out: ParsedInput, text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  let found = false;
  for (const item of items) {
    if (typeof item !== "object" || item === null) continue;
    const { name, value } = item as { name?: unknown; value?: unknown };
    if (typeof name === "string" && typeof value === "string") {
      out.cookies.push({ name, raw: value, origin: "json" });
      found = true;
    }
  }
  return found;
}
