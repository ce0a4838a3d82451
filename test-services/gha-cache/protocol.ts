import type { IncomingMessage } from 'node:http';
import type { ScopeGrant } from './token';

// What the cache service stand-in speaks: GitHub's cache service (Twirp, protocol v2) and the REST
// endpoints of a repository's caches; the entries it holds and the log of requests it saw.

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
export const TWIRP_PREFIX = `/twirp/${CACHE_SERVICE}/`;
/** GitHub's answer when the token has no writable scope (`@actions/cache` keys on the prefix `cache write denied:`). */
export const WRITE_DENIED_MESSAGE = 'cache write denied: token has no writable scopes';
/**
 * The answer to a download URL asked for with a token that may read no scope (`cache-mode:
 * write-only` or `none`): `@actions/cache` keys on the prefix `cache read denied:`; as a Twirp
 * error, `permission_denied`.
 */
export const READ_DENIED_MESSAGE = 'cache read denied: token has no readable scopes';

export const CACHE_SERVICE_METHODS = [
  'CreateCacheEntry',
  'FinalizeCacheEntryUpload',
  'GetCacheEntryDownloadURL',
  'LookupCacheEntry',
  'ListCacheEntries',
  'DeleteCacheEntry',
] as const;
export type CacheServiceMethod = (typeof CACHE_SERVICE_METHODS)[number];

/**
 * Methods in GitHub's CacheService definition that neither BuildKit nor `@actions/cache` call, and
 * that GitHub does not guarantee a job's token: off unless `listCalls` turns them on.
 */
export const LIST_METHODS: readonly CacheServiceMethod[] = ['ListCacheEntries', 'LookupCacheEntry'];

/**
 * The REST endpoints of GitHub's API for a repository's caches (what `gh cache list/delete` and
 * cache-cleanup jobs use with a GITHUB_TOKEN), named for fault switches and the request log:
 * GET and DELETE `/repos/{owner}/{repo}/actions/caches`, DELETE `…/actions/caches/{id}` and
 * GET `…/actions/cache/usage`.
 */
export const REST_METHODS = [
  'ListCaches',
  'DeleteCachesByKey',
  'DeleteCacheById',
  'GetCacheUsage',
  'GetCacheUsagePolicy',
] as const;
export type RestMethod = (typeof REST_METHODS)[number];

/** One cache entry as the service holds it. */
export interface GhaCacheEntry {
  /** Database id (`entry_id`), increasing in creation order. */
  id: number;
  scope: string;
  key: string;
  version: string;
  /** Bytes, known once finalized (0 before). */
  size: number;
  /** When CreateCacheEntry reserved it. */
  createdAt: Date;
  finalizedAt?: Date;
  lastAccessedAt?: Date;
  /** Only finalized entries are visible to lookups. */
  finalized: boolean;
  /** Blob name inside the service's Azurite container. */
  blobName: string;
}

/** What the service saw of one request (for assertions on client behaviour such as retries). */
export interface RequestRecord {
  time: Date;
  /** Twirp method name, REST method name (see REST_METHODS), or `other` for anything else. */
  method: string;
  status: number;
  /** The fault switch that answered, if one did. */
  fault?: 'rate-limit' | 'server-error' | 'hang';
  /** Scopes of the (valid) token that made the request. */
  tokenScopes?: ScopeGrant[];
  key?: string;
  version?: string;
  /** The entry a lookup matched or a write created. */
  entry?: { id: number; scope: string; key: string };
}

export type Json = Record<string, unknown>;

export const MAX_BODY = 1024 * 1024;

/** The request body; bytes past MAX_BODY are dropped. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Newest first; the higher id first for entries created in the same millisecond. */
export const byNewest = (a: GhaCacheEntry, b: GhaCacheEntry) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

/** Twirp's error codes and the HTTP status each is answered with. */
const TWIRP_STATUS: Record<string, number> = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
  unknown: 500,
};

/** A Twirp error: answered as `{code, msg}` with its status (and headers, e.g. Retry-After). */
export class TwirpError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = TWIRP_STATUS[code] ?? 500,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
