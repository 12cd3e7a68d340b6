export const REPOSITORY_URL = "https://github.com/better-auth-doctor/better-auth-doctor";

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
