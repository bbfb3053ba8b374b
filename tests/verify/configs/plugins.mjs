// plugins: tables and columns from twoFactor and username.
import { twoFactor, username } from "better-auth/plugins";

export default () => ({ emailAndPassword: { enabled: true }, plugins: [twoFactor(), username()] });
