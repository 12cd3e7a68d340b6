import type { SqlProvider } from "../sql/provider";

/** The driver family a URL's scheme implies, for URLs typed without a schema around them. */
export function providerFromUrl(url: string): SqlProvider | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") return "postgresql";
  if (scheme === "mysql" || scheme === "mariadb") return "mysql";
  if (scheme === "file") return "sqlite";
  if (scheme === "sqlserver") return "sqlserver";
  return undefined;
}

/** A reason the URL cannot be used directly, e.g. Prisma Accelerate's proxy, or undefined. */
export function unusableUrlReason(url: string): string | undefined {
  if (/^prisma(\+postgres)?:\/\//i.test(url)) {
    return "This is a Prisma Accelerate / Prisma Postgres proxy URL, which only Prisma Client speaks; pass the direct database URL (the schema's directUrl, or --database-url).";
  }
  if (/^mongodb(\+srv)?:\/\//i.test(url)) return "MongoDB is not supported by the session lookup.";
  return undefined;
}
