/** What GitHub's runtime token lets this run do with the Actions cache (from its `ac` claim). */
export interface CacheScope {
  scope: string;
  read: boolean;
  write: boolean;
}

/**
 * Decodes the token's payload without verifying it (only GitHub can) to show the user which
 * ref scopes the run may read and write. Never returns or logs the token itself.
 */
export function cacheScopesFromToken(token: string): CacheScope[] | null {
  const parts = token.split('.');
  if (parts.length < 2) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { ac?: unknown };
    if (typeof payload.ac !== 'string') return null;
    const ac = JSON.parse(payload.ac) as { Scope?: unknown; Permission?: unknown }[];
    if (!Array.isArray(ac)) return null;
    return ac
      .filter((e) => typeof e.Scope === 'string' && typeof e.Permission === 'number')
      .map((e) => ({
        scope: e.Scope as string,
        read: ((e.Permission as number) & 1) !== 0,
        write: ((e.Permission as number) & 2) !== 0,
      }));
  } catch {
    return null;
  }
}
