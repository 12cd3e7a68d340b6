// The separate bundle dist/lookup.js: the database drivers (pg, mysql2, sql.js, tedious), the code
// that calls them, and the cookie verifier the lookup command reads pasted cookies with. The
// extension requires it on the first lookup (see load.ts), so activation never parses any of it.
// Built by esbuild.config.mjs, which copies sql-wasm.wasm beside it.
export { lookupSession } from "../../core/lookup/lookup-session";
export { verifyCookies } from "../../core/cookie/verify-cookies";
