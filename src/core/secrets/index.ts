export type { SecretCandidate } from "./secret-candidate";
export { secretsFromEnv, parseVersionedSecrets, type EnvSource, type SecretsFromEnv } from "./from-env";
export { readEnvFiles, projectEnvFiles } from "./env-files";
export { ENV_FILE_ORDER, compareEnvFileNames, groupEnvFiles, isEnvFileName, type EnvFileGroup } from "./env-file-order";
export {
  candidatesFromText,
  discoverSecrets,
  ENVIRONMENT_SOURCE,
  TYPED_SOURCE,
  type DiscoveredSecrets,
  type SecretInputs,
  type SecretScope,
  type SecretScopeKind,
} from "./discover";
