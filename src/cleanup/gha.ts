import { BLOB_KEY_PREFIX, cacheNameOfKey } from '../stores/github-cache/keys';
import type { CacheRef } from '../plan/names';
import { type GitHubApi, githubRequest } from '../github/rest';

/** One entry of `GET /repos/{owner}/{repo}/actions/caches`, as GitHub answers it. */
export interface GhaEntry {
  id: number;
  ref: string;
  key: string;
  createdAt: number;
  bytes: number;
}

/** GitHub's limit per repository; past it, GitHub evicts the least recently used entries. */
/** GitHub's default repository cache limit; admins may raise it (billed), so it is only the default. */
export const GHA_DEFAULT_LIMIT_BYTES = 10 * 1024 ** 3;

const PAGE = 100;

/** The git ref whose cache scope holds a ref's caches: where its runs wrote them. */
export function gitRefOf(ref: CacheRef, defaultBranch: string): string {
  switch (ref.kind) {
    case 'branch':
      return `refs/heads/${ref.name}`;
    case 'pr':
      return `refs/pull/${ref.number}/merge`;
    case 'sha':
      // Commit caches are written by pushes to the default branch.
      return `refs/heads/${defaultBranch}`;
  }
}

function entryOf(raw: unknown): GhaEntry | null {
  const e = raw as {
    id?: unknown;
    ref?: unknown;
    key?: unknown;
    created_at?: unknown;
    size_in_bytes?: unknown;
  };
  if (typeof e?.id !== 'number' || typeof e.key !== 'string') return null;
  return {
    id: e.id,
    ref: typeof e.ref === 'string' ? e.ref : '',
    key: e.key,
    createdAt: typeof e.created_at === 'string' ? Date.parse(e.created_at) : NaN,
    bytes: typeof e.size_in_bytes === 'number' ? e.size_in_bytes : 0,
  };
}

/**
 * The repository's cache entries whose key starts with `key`, in `ref` when given, every page
 * (at most `maxPages`). Throws GitHubApiError.
 */
export async function listGhaEntries(
  api: GitHubApi,
  repository: string,
  q: { key?: string; ref?: string; sort?: 'size_in_bytes'; maxPages?: number },
): Promise<{ entries: GhaEntry[]; total: number }> {
  const entries: GhaEntry[] = [];
  let total = 0;
  for (let page = 1; page <= (q.maxPages ?? 50); page++) {
    const params = new URLSearchParams({ per_page: String(PAGE), page: String(page) });
    if (q.key) params.set('key', q.key);
    if (q.ref) params.set('ref', q.ref);
    if (q.sort) {
      params.set('sort', q.sort);
      params.set('direction', 'desc');
    }
    const body = (await githubRequest(api, 'GET', `/repos/${repository}/actions/caches?${params}`)) as {
      total_count?: unknown;
      actions_caches?: unknown;
    } | null;
    const list = Array.isArray(body?.actions_caches) ? body.actions_caches : [];
    total = typeof body?.total_count === 'number' ? body.total_count : entries.length + list.length;
    for (const raw of list) {
      const e = entryOf(raw);
      if (e) entries.push(e);
    }
    if (list.length < PAGE || entries.length >= total) break;
  }
  return { entries, total };
}

export async function deleteGhaEntry(api: GitHubApi, repository: string, id: number): Promise<void> {
  await githubRequest(api, 'DELETE', `/repos/${repository}/actions/caches/${id}`);
}

export async function ghaUsage(
  api: GitHubApi,
  repository: string,
): Promise<{ bytes: number; count: number }> {
  const body = (await githubRequest(api, 'GET', `/repos/${repository}/actions/cache/usage`)) as {
    active_caches_size_in_bytes?: unknown;
    active_caches_count?: unknown;
  } | null;
  return {
    bytes: Number(body?.active_caches_size_in_bytes ?? 0),
    count: Number(body?.active_caches_count ?? 0),
  };
}

/**
 * The repository's cache limit where the API says it: GitHub Enterprise Server's
 * `GET /repos/{owner}/{repo}/actions/cache/usage-policy` (`repo_cache_size_limit_in_gb`). Null
 * where it cannot be read (github.com has no such endpoint): the limit is then unknown.
 */
export async function ghaCacheLimitBytes(api: GitHubApi, repository: string): Promise<number | null> {
  try {
    const body = (await githubRequest(api, 'GET', `/repos/${repository}/actions/cache/usage-policy`)) as {
      repo_cache_size_limit_in_gb?: unknown;
    } | null;
    const gb = Number(body?.repo_cache_size_limit_in_gb);
    return Number.isFinite(gb) && gb > 0 ? gb * 1024 ** 3 : null;
  } catch {
    return null;
  }
}

/** Entries by the cache name they belong to (one name may have several: `#1`, a mount per id, …). */
export function entriesByName(entries: GhaEntry[]): Map<string, GhaEntry[]> {
  const byName = new Map<string, GhaEntry[]>();
  for (const e of entries) {
    const name = cacheNameOfKey(e.key);
    if (name === null) continue;
    byName.set(name, [...(byName.get(name) ?? []), e]);
  }
  return byName;
}

/**
 * Layer blobs (`buildkit-blob-…`) of a ref's scope that nothing can read any more. BuildKit's
 * blobs are content-addressed and shared by every index that can read their scope; a ref's scope
 * is readable only by that ref's runs, so once the ref is gone and no index (of any image) is left
 * in its scope, its blobs are orphans. While another index remains there, they are kept: GitHub
 * expires them a week after their last use, least recently used first.
 */
export function orphanedBlobs(remainingIndexes: GhaEntry[], blobs: GhaEntry[]): GhaEntry[] {
  return remainingIndexes.length > 0 ? [] : blobs.filter((b) => b.key.startsWith(BLOB_KEY_PREFIX));
}

/** The refs holding the most bytes among the given entries, largest first. */
export function bytesByRef(entries: GhaEntry[], top = 5): { ref: string; bytes: number }[] {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.ref, (sums.get(e.ref) ?? 0) + e.bytes);
  return [...sums]
    .map(([ref, bytes]) => ({ ref, bytes }))
    .sort((a, b) => b.bytes - a.bytes || (a.ref < b.ref ? -1 : 1))
    .slice(0, top);
}
