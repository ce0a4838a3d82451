import { type FetchLike, httpFetch } from '../net/http';

/**
 * Which BuildKit caches the GitHub Actions cache holds for this run. BuildKit keeps one index
 * entry per cache name and ref, keyed `index-<name>-<version>-<hash of the ref>#<n>`; the
 * service's ListCacheEntries answers with the entries this run's token may read, which are the
 * ones BuildKit's import would find. Never fails: a service that does not answer gives null.
 */
export async function listGhaCacheNames(o: {
  /** ACTIONS_RESULTS_URL */
  resultsUrl: string;
  token: string;
  /** Every cache name this run plans starts with it (the scope). */
  prefix: string;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
}): Promise<{ names: string[] } | { names: null; reason: string }> {
  const url = `${o.resultsUrl.replace(/\/*$/, '/')}twirp/github.actions.results.api.v1.CacheService/ListCacheEntries`;
  try {
    const res = await (o.fetchImpl ?? httpFetch)(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${o.token}` },
      body: JSON.stringify({ key: '', restore_keys: [`index-${o.prefix}`] }),
      signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
    });
    if (!res.ok)
      return { names: null, reason: `the cache service answered ${res.status} to ListCacheEntries` };
    const body = (await res.json()) as { entries?: { key?: unknown }[] };
    return { names: indexNames((body.entries ?? []).map((e) => String(e.key ?? ''))) };
  } catch (e) {
    return { names: null, reason: `the cache service could not list entries: ${(e as Error).message}` };
  }
}

/** The cache names in BuildKit index keys; other keys are ignored. */
export function indexNames(keys: string[]): string[] {
  const names = new Set<string>();
  for (const key of keys) {
    const m = /^index-(.+)-\d+-[0-9a-f]{8}(?:#\d+)?$/.exec(key);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}
