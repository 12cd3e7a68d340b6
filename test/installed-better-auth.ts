/**
 * The better-auth packages installed here, newest first: the devDependency (1.7.25) and the npm
 * aliases installed for the cookie tests. Tests that call each version's own code live use it.
 */
export const INSTALLED_BETTER_AUTH: readonly (readonly [pkg: string, version: string])[] = [
  ["better-auth", "1.7.25"],
  ["better-auth-1.6", "1.6.34"],
  ["better-auth-1.5", "1.5.6"],
  ["better-auth-1.4", "1.4.22"],
  ["better-auth-1.3", "1.3.34"],
  ["better-auth-1.2", "1.2.12"],
  ["better-auth-1.1", "1.1.21"],
  ["better-auth-1.0", "1.0.22"],
  ["better-auth-0.8", "0.8.8"],
];
