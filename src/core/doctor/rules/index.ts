import type { DoctorRule } from "../types";
import { baseUrlHttpInProduction } from "./base-url-http-in-production";
import { baseUrlInvalid } from "./base-url-invalid";
import { baseUrlPathMismatch } from "./base-url-path-mismatch";
import { baseUrlUnset } from "./base-url-unset";
import { cookieDomainNotParent } from "./cookie-domain-not-parent";
import { cookieDomainPublicSuffix } from "./cookie-domain-public-suffix";
import { cookiePluginLast } from "./cookie-plugin-last";
import { invalidSecretsEntry } from "./invalid-secrets-entry";
import { middlewareCookieName } from "./middleware-cookie-name";
import { publicDefaultSecret } from "./public-default-secret";
import { sameSiteNoneInsecure } from "./samesite-none-insecure";
import { secretInSource } from "./secret-in-source";
import { secretLiteralFallback } from "./secret-literal-fallback";
import { sessionCookiePrefix } from "./session-cookie-prefix";
import { unknownOption } from "./unknown-option";
import { weakSecret } from "./weak-secret";

/** Rules over auth.ts, .env files and middleware; findings are sorted afterwards. */
export const doctorRules: readonly DoctorRule[] = [
  unknownOption,
  secretLiteralFallback,
  publicDefaultSecret,
  secretInSource,
  weakSecret,
  invalidSecretsEntry,
  baseUrlUnset,
  baseUrlInvalid,
  baseUrlHttpInProduction,
  baseUrlPathMismatch,
  cookieDomainPublicSuffix,
  cookieDomainNotParent,
  sameSiteNoneInsecure,
  cookiePluginLast,
  middlewareCookieName,
  sessionCookiePrefix,
];
