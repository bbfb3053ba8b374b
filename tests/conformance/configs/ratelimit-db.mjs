// ratelimit-db: core tables plus the rateLimit table (rateLimit.storage = "database").
import { betterAuth } from "better-auth";
import { database } from "./db.mjs";

export const auth = betterAuth({
	database: database(),
	emailAndPassword: { enabled: true },
	rateLimit: { enabled: true, storage: "database" },
});
