// uuid: core tables with advanced.database.generateId = "uuid".
import { betterAuth } from "better-auth";
import { database } from "./db.mjs";

export const auth = betterAuth({
	database: database(),
	emailAndPassword: { enabled: true },
	advanced: { database: { generateId: "uuid" } },
});
