/**
 * Reading an app's Better Auth config statically. Importing this module is cheap: the parser
 * (`typescript`) is required on the first readAuthConfig call, not here.
 */
export { AUTH_CONFIG_PATHS, findAppProjectDir, findAuthConfig } from "./find-config";
export { readAuthConfig } from "./read-config";
export { readTsconfigPaths, resolveImport } from "./resolve-import";
export { nodeReadText } from "./node-read-text";
export { Unknown } from "./types";
export { isFunctionValue } from "./evaluate";
export type {
  AdapterCall,
  AuthConfigRead,
  PluginCall,
  ReadAuthConfigOptions,
  ReadText,
  SourceSpot,
  StaticValue,
  TsconfigPaths,
} from "./types";
