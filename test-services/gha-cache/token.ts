import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Runtime tokens as the Actions runner hands them to a job (ACTIONS_RUNTIME_TOKEN): a JWT whose
 * `ac` claim is a JSON *string* listing the cache scopes the job may read and write, e.g.
 * `[{"Scope":"refs/heads/main","Permission":3}]`. BuildKit parses the token unverified and requires
 * `exp`, `nbf` and a string `ac`; the service verifies the HS256 signature with its own secret.
 */

/** Bit flags of a scope's `Permission`, as in GitHub's tokens and BuildKit's go-actions-cache. */
export const PERMISSION_READ = 1;
export const PERMISSION_WRITE = 2;
export const PERMISSION_READ_WRITE = PERMISSION_READ | PERMISSION_WRITE;

export interface ScopeGrant {
  /** A git ref such as `refs/heads/main` or `refs/pull/7/merge`. */
  scope: string;
  /** 1 read, 2 write, 3 both. */
  permission: number;
}

export interface MintTokenOptions {
  scopes: readonly ScopeGrant[];
  /** HMAC key (the service's secret). */
  secret: string | Buffer;
  /** Lifetime from now; default one hour. Negative values mint an already-expired token. */
  expiresInSeconds?: number;
  /** `nbf` relative to now; default -60 (valid since a minute ago). Positive = not yet valid. */
  notBeforeOffsetSeconds?: number;
  /** Extra or overriding claims. */
  claims?: Record<string, unknown>;
}

export interface VerifiedToken {
  scopes: ScopeGrant[];
  claims: Record<string, unknown>;
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** `main` → `refs/heads/main`; anything already starting with `refs/` is kept. */
export function toRef(branchOrRef: string): string {
  return branchOrRef.startsWith('refs/') ? branchOrRef : `refs/heads/${branchOrRef}`;
}

/** Signs a runtime token (HS256) carrying `scopes` in the `ac` claim. */
export function mintToken(options: MintTokenOptions): string {
  const now = Math.floor(Date.now() / 1000);
  const ac = options.scopes.map((s) => ({ Scope: s.scope, Permission: s.permission }));
  const payload: Record<string, unknown> = {
    iss: 'bkca-test-gha-cache',
    aud: 'vstoken',
    iat: now,
    nbf: now + (options.notBeforeOffsetSeconds ?? -60),
    exp: now + (options.expiresInSeconds ?? 3600),
    ac: JSON.stringify(ac),
    ...options.claims,
  };
  const signingInput = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${b64url(JSON.stringify(payload))}`;
  const signature = createHmac('sha256', options.secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Reads a token's header and claims WITHOUT checking the signature (what BuildKit does). */
export function decodeTokenUnverified(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
} {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError('token is not a JWT (expected three dot-separated parts)');
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(claims))
      throw new TokenError('token header or claims is not an object');
    return { header, claims };
  } catch (e) {
    if (e instanceof TokenError) throw e;
    throw new TokenError('token header or claims is not base64url JSON');
  }
}

/** Parses the `ac` claim (a JSON string) into scope grants. */
export function parseAccessControls(ac: unknown): ScopeGrant[] {
  if (typeof ac !== 'string')
    throw new TokenError('token has no access controls (`ac` must be a JSON string)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(ac);
  } catch {
    throw new TokenError('token access controls are not valid JSON');
  }
  if (!Array.isArray(parsed)) throw new TokenError('token access controls are not a list');
  return parsed.map((item: unknown) => {
    if (!isObject(item) || typeof item.Scope !== 'string' || typeof item.Permission !== 'number') {
      throw new TokenError('token access control entries need a string Scope and a numeric Permission');
    }
    return { scope: item.Scope, permission: item.Permission };
  });
}

/** Checks signature (HS256 with `secret`), `exp`, `nbf` and `ac`; throws TokenError when any fails. */
export function verifyToken(token: string, secret: string | Buffer, nowMs = Date.now()): VerifiedToken {
  const { header, claims } = decodeTokenUnverified(token);
  if (header.alg !== 'HS256') throw new TokenError(`token algorithm ${String(header.alg)} is not accepted`);
  const [h, p, sig] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TokenError('token signature is invalid');
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== 'number') throw new TokenError('token has no expiration time');
  if (typeof claims.nbf !== 'number') throw new TokenError('token has no not-before time');
  if (now >= claims.exp) throw new TokenError('token has expired');
  if (now < claims.nbf) throw new TokenError('token is not valid yet');
  return { scopes: parseAccessControls(claims.ac), claims };
}

/** Scopes GitHub grants a `push` (or any branch-triggered) run: its own branch read-write, the default branch read. */
export function pushScopes(branch: string, defaultBranch = 'main'): ScopeGrant[] {
  const own = toRef(branch);
  const def = toRef(defaultBranch);
  const scopes: ScopeGrant[] = [{ scope: own, permission: PERMISSION_READ_WRITE }];
  if (def !== own) scopes.push({ scope: def, permission: PERMISSION_READ });
  return scopes;
}

/** Scopes of a `pull_request` run: `refs/pull/N/merge` read-write, the base branch and the default branch read. */
export function pullRequestScopes(
  prNumber: number,
  baseBranch = 'main',
  defaultBranch = 'main',
): ScopeGrant[] {
  const scopes: ScopeGrant[] = [{ scope: `refs/pull/${prNumber}/merge`, permission: PERMISSION_READ_WRITE }];
  for (const ref of [toRef(baseBranch), toRef(defaultBranch)]) {
    if (!scopes.some((s) => s.scope === ref)) scopes.push({ scope: ref, permission: PERMISSION_READ });
  }
  return scopes;
}

/** Read-only scopes (e.g. a run GitHub downgraded to a read-only cache token): every ref with permission 1. */
export function readOnlyScopes(...branchesOrRefs: string[]): ScopeGrant[] {
  return branchesOrRefs.map((b) => ({ scope: toRef(b), permission: PERMISSION_READ }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
