// core: no plugins, no options that touch the schema.
import { betterAuth } from "better-auth";
import { database } from "./db.mjs";

export const auth = betterAuth({
	database: database(),
	emailAndPassword: { enabled: true },
});
