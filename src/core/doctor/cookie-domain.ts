import { Unknown } from "../app-config";
import type { Range } from "../schema/ast";
import { propertySpot } from "./config-spots";
import { valueAt, isObject } from "./static-values";
import type { DoctorContext } from "./types";

export interface CookieDomain {
  /** As written, e.g. ".example.com". */
  written: string;
  /** Without the leading dot, lower case: what browsers compare. */
  domain: string;
  file: string;
  range: Range;
  /** `enabled: true` as written; "maybe" when it depends on something not read (NODE_ENV…). */
  enabled: true | "maybe";
}

/** `advanced.crossSubDomainCookies.domain` when cross-subdomain cookies may be on. */
export function crossSubDomainCookieDomain(context: DoctorContext): CookieDomain | undefined {
  const holder = valueAt(context.options ?? {}, ["advanced", "crossSubDomainCookies"]);
  if (!isObject(holder)) return undefined;
  const enabled = holder.enabled;
  if (!(enabled instanceof Unknown) && !enabled) return undefined;
  const domain = holder.domain;
  if (typeof domain !== "string" || !domain.trim()) return undefined;
  const spot = propertySpot(context, holder, "domain");
  if (!spot) return undefined;
  const range = spot.code && spot.value ? spot.code.rangeOf(spot.value) : spot.range;
  return { written: domain, domain: domain.trim().replace(/^\./, "").toLowerCase(), file: spot.file, range, enabled: enabled === true ? true : "maybe" };
}
