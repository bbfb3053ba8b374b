// disabled.mjs as an app's auth config, for `authmigrate schema export` (it loads `auth`).
import { DatabaseSync } from "node:sqlite";
import { betterAuth } from "better-auth";
import options from "./disabled.mjs";

export const auth = betterAuth({ ...options(), database: new DatabaseSync(":memory:") });
