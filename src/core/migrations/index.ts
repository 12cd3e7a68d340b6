// Migrations that accompany the session-token-layout fix. Pure: no `vscode`, no I/O; the caller
// writes `migration.sql` into `<migrationsDirFor(…)>/<migrationFolderName(…)>/`.
export type { DuplicateTokens, MigrationPlan, SessionMigrationInput, SessionTransition } from "./types";
export { planSessionMigration } from "./plan";
export { migrationFolderName, migrationsDirFor } from "./folders";
