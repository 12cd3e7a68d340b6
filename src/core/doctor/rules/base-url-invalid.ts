import { baseUrlSources, describeSource, parseUrl } from "../base-url-sources";
import type { DoctorRule } from "../types";

export const baseUrlInvalid: DoctorRule = {
  id: "base-url-invalid",
  description: "The base URL is a full http:// or https:// URL.",
  defaultSeverity: "error",
  rationale: [
    "Better Auth checks the base URL when it builds its context and throws `Invalid base URL: … URL must include 'http://' or",
    "'https://'` for `example.com` or `localhost:3000` (better-auth 1.7.25 `dist/utils/url.mjs` `assertHasProtocol`, `checkHasPath`):",
    "the app does not start, or every auth request fails.",
  ].join(" "),
  examples: {
    bad: { title: "no scheme", files: [{ path: ".env", text: "BETTER_AUTH_URL=localhost:3000" }] },
    good: { title: "a full URL", files: [{ path: ".env", text: "BETTER_AUTH_URL=http://localhost:3000" }] },
  },
  check(context) {
    for (const source of baseUrlSources(context)) {
      const url = parseUrl(source.value);
      if (url && (url.protocol === "http:" || url.protocol === "https:")) continue;
      context.report({
        file: source.file,
        range: source.range,
        message: `${describeSource(context, source)} is "${source.value}", which is not an http:// or https:// URL: ${context.versionLabel} throws "Invalid base URL" and auth stops working. Write the full URL, e.g. "https://${source.value.replace(/^[a-z]+:\/\//i, "")}".`,
      });
    }
  },
};
