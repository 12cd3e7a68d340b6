import { baseUrlSources, describeSource, parseUrl } from "../base-url-sources";
import type { DoctorRule } from "../types";

function trimSlashes(path: string): string {
  return path.replace(/\/+$/, "") || "/";
}

export const baseUrlPathMismatch: DoctorRule = {
  id: "base-url-path-mismatch",
  description: "A base URL with a path uses the same path as `basePath` (default /api/auth).",
  defaultSeverity: "warning",
  rationale: [
    "A base URL without a path gets `basePath` appended; one with a path is used as it is (better-auth 1.7.25",
    "`dist/utils/url.mjs` `withPath`), and Better Auth's router answers under that URL's path, not under `basePath`",
    "(`dist/api/index.mjs` `router`: `basePath = new URL(ctx.baseURL).pathname`). `BETTER_AUTH_URL=https://app.com/auth` with the",
    "handler mounted at `/api/auth` answers every auth request with 404.",
  ].join(" "),
  examples: {
    bad: { title: "a path that is not basePath", files: [{ path: ".env", text: "BETTER_AUTH_URL=https://app.example.com/auth" }] },
    good: { title: "origin only (basePath is appended)", files: [{ path: ".env", text: "BETTER_AUTH_URL=https://app.example.com" }] },
  },
  check(context) {
    const basePath = context.facts.basePath;
    if (basePath === undefined) return;
    const expected = trimSlashes(basePath.startsWith("/") ? basePath : `/${basePath}`);
    for (const source of baseUrlSources(context)) {
      const url = parseUrl(source.value);
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) continue;
      const path = trimSlashes(url.pathname);
      if (path === "/" || path === expected) continue;
      context.report({
        file: source.file,
        range: source.range,
        message: `${describeSource(context, source)} has the path ${path}, but basePath is ${expected}: ${context.versionLabel} uses a base URL's own path as is, so its routes live under ${path} while the handler is mounted for ${expected} — auth requests get 404. Use the origin only (https://${url.host}) or make the two agree.`,
      });
    }
  },
};
