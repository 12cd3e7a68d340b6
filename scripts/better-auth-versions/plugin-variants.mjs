// Which arguments each plugin factory is called with. Every factory is called with no arguments
// (variant "default"); `needs` are arguments tried when that throws (the factory demands them but
// they do not shape the schema). `variants` are options that do change the tables, read from the
// plugins' sources (a table or field added only when the option is set).

/** Arguments for factories that throw without any. Keyed by export name. */
export const NEEDS = {
  stripe: [{ stripeClient: {}, stripeWebhookSecret: "whsec_" }],
  genericOAuth: [{ config: [] }],
  oidcProvider: [{ loginPage: "/sign-in" }],
  oauthProvider: [{ loginPage: "/sign-in", consentPage: "/consent" }],
  customSession: [async (session) => session],
  captcha: [{ provider: "cloudflare-turnstile", secretKey: "x" }],
  phoneNumber: [{}],
  emailOTP: [{ sendVerificationOTP: async () => {} }],
  magicLink: [{ sendMagicLink: async () => {} }],
  siwe: [{ domain: "example.com", getNonce: async () => "n", verifyMessage: async () => true }],
  sso: [{}],
  mcp: [{ loginPage: "/sign-in" }],
};

/** Options that add tables or fields, as [variant, arguments] per export name. */
export const VARIANTS = {
  organization: [
    ["teams", [{ teams: { enabled: true } }]],
    ["dynamicAccessControl", [{ dynamicAccessControl: { enabled: true } }]],
  ],
  lastLoginMethod: [["storeInDatabase", [{ storeInDatabase: true }]]],
  stripe: [["subscription", [{ ...NEEDS.stripe[0], subscription: { enabled: true, plans: [] } }]]],
  sso: [["domainVerification", [{ domainVerification: { enabled: true } }]]],
};

/** The arguments a variant was recorded with, as data (functions named, not run). */
export const argsAsData = (args) => JSON.parse(JSON.stringify(args, (_key, value) => (typeof value === "function" ? "[function]" : value)));
