/**
 * Look a session token up in the project's database. Pure planning (plan.ts, datasource-url.ts,
 * dialect.ts, redact.ts) plus driver adapters that load their driver only when connecting.
 * Never imports vscode. The editor imports the pure files directly and the drivers only via
 * the separate dist/lookup.js bundle (src/vscode/lookup/entry.ts).
 */
export { planLookup } from "./plan";
export { planJwks, readJwksTable, withCacheVerdict, JWKS_ROW_LIMIT } from "./jwks";
export { lookupSession, type LookupSessionOptions } from "./lookup-session";
export { LookupCancelled } from "./deadline";
export { resolveDatasourceUrl, type DatasourceUrlInput, type EnvFileContent, type ResolvedUrl, type UrlResolution } from "./datasource-url";
export { normalizeProvider } from "../sql/provider";
export { providerFromUrl, unusableUrlReason } from "./provider";
export { redact, redactUrl, passwordOf } from "./redact";
export { dialectFor } from "./dialect";
export type * from "./types";
export { prepareProjectLookup, type ProjectLookupInput, type PreparedLookup } from "./project";
export { lookupJson, lookupText, type LookupNotRun } from "./report";
