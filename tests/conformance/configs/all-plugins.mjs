// all-plugins: core plus every plugin the authmigrate catalogue must cover.
// The options below are the minimum each plugin needs to load, plus the options
// that change the schema: organization teams + dynamic access control, stripe
// subscriptions and organization customers, sso domain verification,
// lastLoginMethod stored in the database.
import { betterAuth } from "better-auth";
import {
	admin,
	anonymous,
	deviceAuthorization,
	emailOTP,
	jwt,
	lastLoginMethod,
	multiSession,
	organization,
	phoneNumber,
	siwe,
	twoFactor,
	username,
} from "better-auth/plugins";
import { apiKey } from "@better-auth/api-key";
import { oauthProvider } from "@better-auth/oauth-provider";
import { passkey } from "@better-auth/passkey";
import { sso } from "@better-auth/sso";
import { stripe } from "@better-auth/stripe";
import Stripe from "stripe";
import { database } from "./db.mjs";

const noop = async () => {};

export const plugins = () => [
	twoFactor(),
	username(),
	anonymous(),
	phoneNumber({ sendOTP: noop }),
	emailOTP({ sendVerificationOTP: noop }),
	admin(),
	apiKey(),
	organization({
		teams: { enabled: true },
		dynamicAccessControl: { enabled: true },
	}),
	passkey(),
	jwt(),
	oauthProvider({
		loginPage: "/sign-in",
		consentPage: "/consent",
	}),
	sso({ domainVerification: { enabled: true } }),
	stripe({
		stripeClient: new Stripe("sk_test_conformance"),
		stripeWebhookSecret: "whsec_conformance",
		subscription: { enabled: true, plans: [] },
		organization: { enabled: true },
	}),
	deviceAuthorization(),
	lastLoginMethod({ storeInDatabase: true }),
	siwe({
		domain: "localhost",
		getNonce: async () => "nonce",
		verifyMessage: async () => true,
	}),
	multiSession(),
];

export const auth = betterAuth({
	database: database(),
	emailAndPassword: { enabled: true },
	plugins: plugins(),
});
