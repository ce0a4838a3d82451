import type { CacheScope } from '../github/runtime-token';
import type { CacheRef } from './names';

/**
 * What the job's cache token (ACTIONS_RUNTIME_TOKEN) lets this run do with the GitHub Actions
 * cache, from its `ac` claim: GitHub scopes it by trust (untrusted triggers read only) and by the
 * workflow's `cache-mode`. Pure: the decoded scopes in, what the plan must leave out and why out.
 *
 * `undefined`: no token (the cache is unreachable anyway); `null`: a token that could not be
 * decoded (planned as before, and said so); a list: its scopes.
 */
export type CacheToken = CacheScope[] | null | undefined;

/** Why the token refuses every read or every write ('' when it allows some). */
export interface TokenRefusals {
  read: string;
  write: string;
}

export const READ_ONLY =
  "the job's cache token is read-only here: `cache-mode: read`, or an untrusted trigger";
export const WRITE_ONLY =
  "the job's cache token is write-only here (`cache-mode: write-only`): nothing is read";
export const NO_SCOPE =
  "the job's cache token grants no cache scope here (`cache-mode: none`): nothing is read or written";
export const UNDECODABLE =
  "the job's cache token could not be decoded: reads and writes are planned from the trigger alone, and GitHub may refuse some";

const allowed: TokenRefusals = { read: '', write: '' };

/** One row per combination of what the token grants. */
const REFUSALS: Record<'both' | 'read' | 'write' | 'neither', TokenRefusals> = {
  both: allowed,
  read: { read: '', write: READ_ONLY },
  write: { read: WRITE_ONLY, write: '' },
  neither: { read: NO_SCOPE, write: NO_SCOPE },
};

function grantOf(scopes: CacheScope[]): keyof typeof REFUSALS {
  const read = scopes.some((s) => s.read);
  const write = scopes.some((s) => s.write);
  return read && write ? 'both' : read ? 'read' : write ? 'write' : 'neither';
}

/**
 * Whether the run may read and write at all. Writes go to the token's writable scope whatever the
 * cache's name, so one writable scope is enough to write.
 */
export function tokenRefusals(token: CacheToken): TokenRefusals {
  return token ? REFUSALS[grantOf(token)] : allowed;
}

/** The GitHub scope a ref's cache is written in: the scope of the runs that write it. */
function scopeOf(ref: CacheRef): string | null {
  if (ref.kind === 'branch') return `refs/heads/${ref.name}`;
  if (ref.kind === 'pr') return `refs/pull/${ref.number}/merge`;
  // A commit's cache lives in the scope of whichever run wrote it: any readable scope may hold it.
  return null;
}

/** Why this ref's cache cannot be read with the token ('' when it can, or when that is unknown). */
export function tokenCannotRead(token: CacheToken, ref: CacheRef): string {
  if (!token) return '';
  const whole = tokenRefusals(token).read;
  if (whole) return whole;
  const scope = scopeOf(ref);
  if (scope === null || token.some((s) => s.read && s.scope === scope)) return '';
  return `the job's cache token may not read ${scope}`;
}
