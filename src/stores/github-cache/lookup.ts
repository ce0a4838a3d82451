import { createHash } from 'node:crypto';
import { type FetchLike, failureText, httpFetch } from '../../net/http';
import { indexKeys, isIndexOf } from './keys';
import type { GhaService } from '../../runner/environment';
import { type RateLimited, rateLimitedReason, retryAfterOf, retryWaitMs } from './rate-limit';

/**
 * Which BuildKit caches the GitHub Actions cache holds for this run, asked the way BuildKit's gha
 * importer asks at import: its client (go-actions-cache) looks an index up with
 * GetCacheEntryDownloadURL (cache service v2) or `GET _apis/artifactcache/cache` (v1, GHES and
 * older runners), under one constant version. GitHub's scope rules then answer exactly what the
 * import will see. Neither BuildKit nor `@actions/cache` lists entries, and GitHub guarantees a
 * job's token no listing call, so none is made.
 */

/** go-actions-cache's version: one constant hash for every key, not one per key. */
export const GHA_CACHE_VERSION = createHash('sha256').update('|go-actionscache-1.0').digest('hex');

/** Per cache name: true (BuildKit's import will find it), false (it will not), undefined (unknown). */
export interface GhaLookup {
  found: Map<string, boolean | undefined>;
  /** Why some names stayed unknown (the first failure). */
  reason?: string;
}

/**
 * Looks every name up at once, one request each, within `timeoutMs` for all of them. Never
 * fails: a name whose request fails stays unknown, with the reason.
 */
export async function lookUpGhaCaches(o: {
  service: GhaService;
  token: string;
  names: string[];
  /** The token's ref scopes (`refs/heads/main`, …); null when the token could not be read. */
  tokenScopes: string[] | null;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
}): Promise<GhaLookup> {
  const timeoutMs = o.timeoutMs ?? 3000;
  const deadline = Date.now() + timeoutMs;
  const signal = AbortSignal.timeout(timeoutMs);
  const fetchImpl = o.fetchImpl ?? httpFetch;
  const reasons: string[] = [];
  const found = new Map<string, boolean | undefined>();
  const lookUp = o.service.protocol === 'v2' ? lookUpV2 : lookUpV1;
  await Promise.all(
    o.names.map(async (name) => {
      const keys = indexKeys(name, o.tokenScopes);
      const request = { fetchImpl, url: o.service.url, token: o.token, keys, signal };
      for (;;) {
        try {
          const matched = await lookUp(request);
          // A key of another name that shares the prefix says nothing about this one.
          found.set(name, matched === null ? false : isIndexOf(matched, name) ? true : undefined);
          return;
        } catch (e) {
          // Rate-limited: wait as GitHub says when that fits in the lookups' bound, then ask again.
          const wait =
            e instanceof LookupRateLimited ? retryWaitMs(e.limited, deadline - Date.now(), 200) : null;
          if (wait !== null) {
            await new Promise((resolve) => setTimeout(resolve, wait));
            continue;
          }
          found.set(name, undefined);
          const timedOut = signal.aborted || (e as Error)?.name === 'TimeoutError';
          reasons.push(
            e instanceof LookupRateLimited
              ? rateLimitedReason(e.limited, deadline - Date.now())
              : timedOut
                ? `no answer within ${timeoutMs} ms`
                : failureText(e),
          );
          return;
        }
      }
    }),
  );
  return reasons.length > 0 ? { found, reason: reasons[0] } : { found };
}

class LookupRefused extends Error {}

/** GitHub's rate limit answered the lookup (429), with how long to wait. */
class LookupRateLimited extends Error {
  constructor(readonly limited: RateLimited) {
    super('rate-limited (429)');
  }
}

function refusal(res: { status: number; headers: { get(name: string): string | null } }, what: string) {
  if (res.status === 429)
    return new LookupRateLimited({ retryAfterSeconds: retryAfterOf(res.headers.get('retry-after')) });
  return new LookupRefused(`the cache service answered ${res.status} to ${what}`);
}

/** One lookup: the index keys of one cache name, best first. */
interface LookupRequest {
  fetchImpl: FetchLike;
  url: string;
  token: string;
  keys: string[];
  signal: AbortSignal;
}

/** Twirp `GetCacheEntryDownloadURL`: the matched key, or null on a miss (`ok: false`). */
async function lookUpV2({ fetchImpl, url, token, keys, signal }: LookupRequest): Promise<string | null> {
  const res = await fetchImpl(
    `${url.replace(/\/*$/, '/')}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ key: keys[0], restore_keys: keys, version: GHA_CACHE_VERSION }),
      signal,
    },
  );
  if (!res.ok) throw refusal(res, 'GetCacheEntryDownloadURL');
  const body = (await res.json()) as { ok?: unknown; matched_key?: unknown };
  return body.ok === true ? String(body.matched_key ?? '') : null;
}

/** v1 `GET _apis/artifactcache/cache?keys=…&version=…`: the matched key, or null on a miss (204). */
async function lookUpV1({ fetchImpl, url, token, keys, signal }: LookupRequest): Promise<string | null> {
  const query = new URLSearchParams({ keys: keys.join(','), version: GHA_CACHE_VERSION });
  const res = await fetchImpl(`${url.replace(/\/*$/, '')}/_apis/artifactcache/cache?${query}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;api-version=6.0-preview.1' },
    signal,
  });
  if (res.status === 204) return null;
  if (!res.ok) throw refusal(res, 'the v1 cache lookup');
  const text = await res.text();
  if (text.trim() === '') return null;
  const body = JSON.parse(text) as { cacheKey?: unknown };
  return typeof body.cacheKey === 'string' && body.cacheKey !== '' ? body.cacheKey : null;
}
