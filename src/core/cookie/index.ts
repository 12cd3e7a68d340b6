/** Verify Better Auth cookies: pure core, shared by the CLI and the editor. Never imports vscode. */
export { verifyCookies, MAX_INPUT_CHARS } from "./verify-cookies";
export { toJsonReport, type JsonCookieReport } from "./json-report";
export { describeInstant, type InstantDescription } from "./time";
export { classifyCookieName, COOKIE_KEYS, type CookieName } from "./input/cookie-names";
export { parsePastedInput, type InputCookie, type ParsedInput } from "./input/parse-input";
export { PUBLIC_DEFAULT_SECRETS } from "./signed/default-secrets";
export type * from "./types";
