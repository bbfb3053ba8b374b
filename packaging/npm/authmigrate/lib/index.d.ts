/** authmigrate-schema/1: the JSON `authmigrate schema export` writes (docs/schema-config.md). */
export interface AuthSchemaJson {
  format: 'authmigrate-schema/1';
  betterAuthVersion: string;
  generateId: 'default' | 'uuid' | 'serial';
  schemaName?: string;
  tables: Record<string, unknown>;
}

/**
 * Writes the schema of a Better Auth instance (or its options) to `file` (default auth-schema.json; "-" is
 * stdout), in the format `authmigrate migrate --schema` and `deploy --schema` read. The tables come from the
 * app's own better-auth, the one `cwd` (default process.cwd()) resolves. Resolves to the JSON written.
 */
export function exportAuthSchema(
  auth: { options: object } | object,
  file?: string,
  options?: { cwd?: string },
): Promise<AuthSchemaJson>;
