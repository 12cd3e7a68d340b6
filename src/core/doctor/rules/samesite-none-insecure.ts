import { Unknown, type StaticValue } from "../../app-config";
import { propertySpot } from "../config-spots";
import { isObject, valueAt, type PlainObject } from "../static-values";
import type { DoctorRule } from "../types";

export const sameSiteNoneInsecure: DoctorRule = {
  id: "samesite-none-insecure",
  description: "Cookies set to SameSite=None are also Secure.",
  defaultSeverity: "error",
  rationale: [
    "Browsers refuse a `SameSite=None` cookie without `Secure`. Better Auth marks cookies Secure only when",
    "`advanced.useSecureCookies` says so, else when the base URL is https, else when NODE_ENV is production; an explicit",
    "`secure` in `defaultCookieAttributes` or `cookies[name].attributes` wins (better-auth 1.7.25 `dist/cookies/index.mjs`",
    "`createCookieGetter`). So `sameSite: \"none\"` with `secure: false`, `useSecureCookies: false` or an http `baseURL` loses",
    "every cookie (error); when Secure depends on the environment it is lost in development over http (warning).",
  ].join(" "),
  examples: {
    bad: { title: "SameSite=None, Secure off", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  advanced: { defaultCookieAttributes: { sameSite: "none", secure: false } },\n});' }] },
    good: { title: "SameSite=None with Secure", files: [{ path: "lib/auth.ts", text: 'export const auth = betterAuth({\n  advanced: { defaultCookieAttributes: { sameSite: "none", secure: true } },\n});' }] },
  },
  check(context) {
    const options = context.options;
    if (!options) return;
    const defaults = valueAt(options, ["advanced", "defaultCookieAttributes"]);
    const perCookie = valueAt(options, ["advanced", "cookies"]);
    const places: { attributes: PlainObject; label: string; fallbackSecure: StaticValue }[] = [];
    if (isObject(defaults)) places.push({ attributes: defaults, label: "advanced.defaultCookieAttributes", fallbackSecure: undefined });
    if (isObject(perCookie)) {
      for (const [name, cookie] of Object.entries(perCookie)) {
        const attributes = valueAt(cookie, ["attributes"]);
        if (isObject(attributes)) {
          places.push({ attributes, label: `advanced.cookies.${name}.attributes`, fallbackSecure: isObject(defaults) ? defaults.secure : undefined });
        }
      }
    }
    for (const { attributes, label, fallbackSecure } of places) {
      const sameSite = attributes.sameSite;
      if (typeof sameSite !== "string" || sameSite.toLowerCase() !== "none") continue;
      const secure = attributes.secure !== undefined ? attributes.secure : fallbackSecure;
      if (secure instanceof Unknown || secure === true) continue;
      const spot = propertySpot(context, attributes, "sameSite");
      if (!spot) continue;
      const range = spot.code && spot.value ? spot.code.rangeOf(spot.value) : spot.range;
      const always = context.facts.secureCookies;
      if (secure === undefined && (always === "always" || always === "unknown")) continue;
      const never = secure === false || always === "never";
      const why =
        secure === false
          ? "`secure: false` is set"
          : "Better Auth marks cookies Secure here only when the base URL is https (or NODE_ENV is production)";
      context.report({
        file: spot.file,
        range,
        severity: never ? "error" : "warning",
        message: never
          ? `${label}.sameSite is "none" without Secure (${secure === false ? why : "useSecureCookies is off or the base URL is http"}): browsers refuse every such cookie, so nobody stays signed in. Set \`secure: true\` (and serve over https).`
          : `${label}.sameSite is "none", but ${why}: over http in development browsers refuse these cookies and sign-in does not stick. Set \`secure: true\` (localhost counts as secure in browsers) or use "lax" there.`,
      });
    }
  },
};
