/** Reading an app's Better Auth config statically, with `@babel/parser`. */
export { AUTH_CONFIG_PATHS, findAppProjectDir, findAuthConfig } from "./find-config";
export { readAuthConfig } from "./read-config";
export { LastGoodParses, lastGoodParses } from "./last-good";
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
