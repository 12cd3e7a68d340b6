/** Verify Better Auth cookies: pure core, shared by the CLI and the editor. Never imports vscode. */
export { verifyCookies, MAX_INPUT_CHARS } from "./verify-cookies";
export { toJsonReport, type JsonCookieReport } from "./json-report";
export { describeInstant, type InstantDescription } from "./time";
export { classifyCookieName, COOKIE_KEYS, type CookieName } from "./cookie-names";
export { parsePastedInput, type InputCookie, type ParsedInput } from "./parse-input";
export { PUBLIC_DEFAULT_SECRETS } from "./default-secrets";
export type * from "./types";
