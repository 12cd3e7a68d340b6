/**
 * The config doctor: rules over the app's auth config, .env files and middleware. Pure — the
 * caller reads the files (and decides whether .env files may be read).
 */
export { lintProjectConfig } from "./lint-project-config";
export { findProjectConfigFiles, KNOWN_ENV_FILES, MIDDLEWARE_FILES, HANDLER_FILES, type ProjectConfigFiles } from "./find-files";
export { generateSecretEdit, type GenerateSecretResult } from "./generate-secret";
export { isGitIgnored, type GitignoreFile } from "./gitignore";
export { doctorRules } from "./rules";
export { renderDoctorRuleDoc, renderDoctorRulesTable } from "./docs";
export { ignoreComment, ignoreFix, isEnvPath } from "./suppressions";
export { estimateEntropy, secretProblem, PUBLIC_DEFAULT_SECRETS } from "./secret-strength";
export type { DoctorRule, ProjectConfigInput } from "./types";
export { lintAppConfig, type AppConfigIo, type ProjectConfigLint } from "./lint-app-config";
