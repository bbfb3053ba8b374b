// The configurations captured as golden files. Each name is a file name under tests/golden/.
import * as P from "better-auth/plugins";
import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import { sso } from "@better-auth/sso";
import { stripe } from "@better-auth/stripe";
import { oauthProvider } from "@better-auth/oauth-provider";

const stripeOptions = (extra) => ({ stripeClient: {}, stripeWebhookSecret: "x", ...extra });
const siweOptions = { domain: "x", getNonce: async () => "n", verifyMessage: async () => true };

// oidcProvider left better-auth with 1.7; this is its schema as better-auth 1.6.34 declares it.
const oidcSchema = {
  oauthApplication: { modelName: "oauthApplication", fields: {
    name: { type: "string" }, icon: { type: "string", required: false }, metadata: { type: "string", required: false },
    clientId: { type: "string", unique: true }, clientSecret: { type: "string", required: false },
    redirectUrls: { type: "string" }, type: { type: "string" },
    disabled: { type: "boolean", required: false, defaultValue: false },
    userId: { type: "string", required: false, references: { model: "user", field: "id", onDelete: "cascade" }, index: true },
    createdAt: { type: "date" }, updatedAt: { type: "date" } } },
  oauthAccessToken: { modelName: "oauthAccessToken", fields: {
    accessToken: { type: "string", unique: true }, refreshToken: { type: "string", unique: true },
    accessTokenExpiresAt: { type: "date" }, refreshTokenExpiresAt: { type: "date" },
    clientId: { type: "string", references: { model: "oauthApplication", field: "clientId", onDelete: "cascade" }, index: true },
    userId: { type: "string", required: false, references: { model: "user", field: "id", onDelete: "cascade" }, index: true },
    scopes: { type: "string" }, createdAt: { type: "date" }, updatedAt: { type: "date" } } },
  oauthConsent: { modelName: "oauthConsent", fields: {
    clientId: { type: "string", references: { model: "oauthApplication", field: "clientId", onDelete: "cascade" }, index: true },
    userId: { type: "string", references: { model: "user", field: "id", onDelete: "cascade" }, index: true },
    scopes: { type: "string" }, createdAt: { type: "date" }, updatedAt: { type: "date" },
    consentGiven: { type: "boolean" } } },
};

export const cases = {
  core: () => ({}),
  all_plugins: () => ({
    rateLimit: { storage: "database" },
    plugins: [
      P.twoFactor(), P.username(), P.anonymous(), P.phoneNumber({ sendOTP() {} }),
      P.emailOTP({ sendVerificationOTP() {} }), P.admin(), apiKey(),
      P.organization({ teams: { enabled: true }, dynamicAccessControl: { enabled: true } }),
      passkey(), P.jwt(), oauthProvider({ loginPage: "/l", consentPage: "/c" }),
      sso({ domainVerification: { enabled: true } }),
      stripe(stripeOptions({ subscription: { enabled: true, plans: [] }, organization: { enabled: true } })),
      P.deviceAuthorization(), P.lastLoginMethod({ storeInDatabase: true }), P.siwe(siweOptions),
      P.multiSession(),
    ],
  }),
  renamed: () => ({
    user: {
      modelName: "users",
      fields: { email: "email_address", emailVerified: "email_verified" },
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "user" },
        age: { type: "number", defaultValue: 0 },
        tags: { type: "string[]", required: false },
        plan: { type: ["free", "pro"], required: false, index: true },
        nickname: { type: "string", required: false, unique: true },
        lastSeen: { type: "date", defaultValue: () => new Date() },
      },
    },
    session: { modelName: "sessions", fields: { userId: "user_id" } },
    account: { additionalFields: { tenant: { type: "string", required: false, references: { model: "user", field: "id", onDelete: "set null" } } } },
    plugins: [
      P.twoFactor({ schema: { twoFactor: { modelName: "two_factor", fields: { secret: "secret_key" } } } }),
      P.organization({ schema: { member: { modelName: "members", fields: { role: "member_role" },
        additionalFields: { title: { type: "string", required: false } } } } }),
    ],
  }),
  uuid: () => ({ advanced: { database: { generateId: "uuid" } }, plugins: [P.twoFactor(), P.organization()] }),
  serial: () => ({ advanced: { database: { generateId: "serial" } }, plugins: [P.twoFactor(), P.organization()] }),
  rate_limit: () => ({ rateLimit: { storage: "database", modelName: "rate_limits", fields: { lastRequest: "last_request" } } }),
  secondary_storage: () => ({
    secondaryStorage: { get() {}, set() {}, delete() {} },
    plugins: [P.admin(), P.jwt()],
  }),
  secondary_storage_kept: () => ({
    secondaryStorage: { get() {}, set() {}, delete() {} },
    session: { storeSessionInDatabase: true },
    verification: { storeInDatabase: true },
  }),
  oidc_provider: () => ({ plugins: [P.jwt(), { id: "oidc-provider", schema: oidcSchema }] }),
  organization_basic: () => ({ plugins: [P.organization(), P.username({ displayUsername: false })] }),
  stripe_first: () => ({
    plugins: [stripe(stripeOptions({ organization: { enabled: true } })), P.organization()],
  }),
};
