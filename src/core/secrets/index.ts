export type { SecretCandidate } from "./secret-candidate";
export { secretsFromEnv, parseVersionedSecrets, type EnvSource, type SecretsFromEnv } from "./from-env";
export { readEnvFiles } from "./env-files";
