import type { FaultSwitches } from './faults';
import {
  type CacheServiceMethod,
  type GhaCacheEntry,
  type Json,
  READ_DENIED_MESSAGE,
  type RequestRecord,
  TwirpError,
  WRITE_DENIED_MESSAGE,
  byNewest,
} from './protocol';
import type { EntryRateLimit } from './rate-limit';
import type { EntryStorage } from './storage';
import { PERMISSION_READ, PERMISSION_WRITE, type ScopeGrant } from './token';

// What each method of GitHub's cache service (Twirp, protocol v2) does: reserve, finalize, match
// and delete entries within the scopes of the job's token.

/** What the cache methods read and change of the service. */
export interface CacheContext {
  readonly storage: EntryStorage;
  readonly faults: FaultSwitches;
  readonly entryRateLimit: EntryRateLimit;
}

function str(body: Json, ...names: string[]): string {
  for (const n of names) {
    const v = body[n];
    if (typeof v === 'string') return v;
  }
  return '';
}

function strList(body: Json, ...names: string[]): string[] {
  for (const n of names) {
    const v = body[n];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  }
  return [];
}

function int64(body: Json, ...names: string[]): number | undefined {
  for (const n of names) {
    const v = body[n];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  }
  return undefined;
}

function writableScope(ctx: CacheContext, scopes: ScopeGrant[]): string | undefined {
  if (ctx.faults.writesDenied) return undefined;
  // The last writable scope, as BuildKit picks it for its index key (GitHub issues at most one).
  let scope: string | undefined;
  for (const s of scopes) if (s.permission & PERMISSION_WRITE) scope = s.scope;
  return scope;
}

/** Readable scopes in lookup order: the run's own (writable) scope first, then the token's order. */
function readableScopes(scopes: ScopeGrant[]): string[] {
  const readable = scopes.filter((s) => s.permission & PERMISSION_READ).map((s) => s.scope);
  let own: string | undefined;
  for (const s of scopes) if (s.permission & PERMISSION_WRITE) own = s.scope;
  const order = own !== undefined && readable.includes(own) ? [own] : [];
  for (const s of readable) if (!order.includes(s)) order.push(s);
  return order;
}

/** GitHub's matching: per scope, exact key, then key as a prefix, then each restore key as a prefix; newest wins. */
function match(
  ctx: CacheContext,
  scopes: string[],
  key: string,
  restoreKeys: string[],
  version: string,
): GhaCacheEntry | undefined {
  for (const scope of scopes) {
    const candidates = ctx.storage.all.filter(
      (e) => e.finalized && e.scope === scope && e.version === version,
    );
    const exact = candidates.filter((e) => e.key === key).sort(byNewest)[0];
    if (exact) return exact;
    for (const prefix of [key, ...restoreKeys]) {
      if (prefix === '') continue;
      const hit = candidates.filter((e) => e.key.startsWith(prefix)).sort(byNewest)[0];
      if (hit) return hit;
    }
  }
  return undefined;
}

function entryJson(e: GhaCacheEntry): Json {
  const accessed = e.lastAccessedAt ?? e.finalizedAt ?? e.createdAt;
  return {
    key: e.key,
    hash: '',
    size_bytes: String(e.size),
    scope: e.scope,
    version: e.version,
    created_at: e.createdAt.toISOString(),
    last_accessed_at: accessed.toISOString(),
    expires_at: new Date(accessed.getTime() + 7 * 24 * 3600 * 1000).toISOString(),
  };
}

/** One Twirp method call (its JSON body parsed), answered as GitHub's service answers it. */
export async function dispatch(
  ctx: CacheContext,
  method: CacheServiceMethod,
  body: Json,
  scopes: ScopeGrant[],
  record: RequestRecord,
) {
  const key = str(body, 'key');
  const version = str(body, 'version');
  record.key = key || undefined;
  record.version = version || undefined;
  switch (method) {
    case 'CreateCacheEntry': {
      if (!key) throw new TwirpError('invalid_argument', 'key is required');
      if (!version) throw new TwirpError('invalid_argument', 'version is required');
      const scope = writableScope(ctx, scopes);
      if (scope === undefined) return { ok: false, signed_upload_url: '', message: WRITE_DENIED_MESSAGE };
      const existing = ctx.storage.all.find(
        (e) => e.scope === scope && e.key === key && e.version === version,
      );
      if (existing) {
        record.entry = { id: existing.id, scope, key };
        throw new TwirpError(
          'already_exists',
          `cache entry with the same key, version, and scope already exists (${existing.finalized ? 'finalized' : 'upload in progress'})`,
        );
      }
      const wait = ctx.entryRateLimit.take();
      if (wait > 0) {
        throw new TwirpError(
          'resource_exhausted',
          'too many new cache entries for this repository: retry later',
          429,
          { 'Retry-After': String(wait) },
        );
      }
      const entry = ctx.storage.reserve(scope, key, version);
      record.entry = { id: entry.id, scope, key };
      return { ok: true, signed_upload_url: ctx.storage.sasUrl(entry.blobName, 'cw') };
    }
    case 'FinalizeCacheEntryUpload': {
      if (!key) throw new TwirpError('invalid_argument', 'key is required');
      if (!version) throw new TwirpError('invalid_argument', 'version is required');
      const sizeBytes = int64(body, 'size_bytes', 'sizeBytes');
      const scope = writableScope(ctx, scopes);
      if (scope === undefined) return { ok: false, entry_id: '0', message: WRITE_DENIED_MESSAGE };
      const entry = ctx.storage.all.find((e) => e.scope === scope && e.key === key && e.version === version);
      if (!entry)
        throw new TwirpError('not_found', 'cache entry not found: reserve it with CreateCacheEntry first');
      record.entry = { id: entry.id, scope, key };
      if (entry.finalized) throw new TwirpError('already_exists', 'cache entry is already finalized');
      const actual = await ctx.storage.uploadedSize(entry);
      if (actual === undefined) {
        return {
          ok: false,
          entry_id: '0',
          message: 'cache entry upload not found: nothing was uploaded',
        };
      }
      if (sizeBytes !== undefined && sizeBytes !== actual) {
        return {
          ok: false,
          entry_id: '0',
          message: `size_bytes ${sizeBytes} does not match the uploaded size ${actual}`,
        };
      }
      entry.size = actual;
      entry.finalized = true;
      entry.finalizedAt = new Date();
      if (ctx.faults.takeDrop(key)) await ctx.storage.dropBlob(entry);
      return { ok: true, entry_id: String(entry.id) };
    }
    case 'GetCacheEntryDownloadURL': {
      if (!key) throw new TwirpError('invalid_argument', 'key is required');
      if (readableScopes(scopes).length === 0) throw new TwirpError('permission_denied', READ_DENIED_MESSAGE);
      const restoreKeys = strList(body, 'restore_keys', 'restoreKeys');
      const hit = match(ctx, readableScopes(scopes), key, restoreKeys, version);
      if (!hit) return { ok: false, signed_download_url: '', matched_key: '' };
      hit.lastAccessedAt = new Date();
      record.entry = { id: hit.id, scope: hit.scope, key: hit.key };
      return { ok: true, signed_download_url: ctx.storage.sasUrl(hit.blobName, 'r'), matched_key: hit.key };
    }
    case 'LookupCacheEntry': {
      if (!key) throw new TwirpError('invalid_argument', 'key is required');
      const restoreKeys = strList(body, 'restore_keys', 'restoreKeys');
      const hit = match(ctx, readableScopes(scopes), key, restoreKeys, version);
      if (!hit) return { exists: false };
      record.entry = { id: hit.id, scope: hit.scope, key: hit.key };
      return { exists: true, entry: entryJson(hit) };
    }
    case 'ListCacheEntries': {
      const restoreKeys = strList(body, 'restore_keys', 'restoreKeys');
      const order = readableScopes(scopes);
      const listed = ctx.storage.all
        .filter((e) => e.finalized && order.includes(e.scope))
        .filter((e) => {
          if (!key && restoreKeys.length === 0) return true;
          return (key !== '' && e.key === key) || restoreKeys.some((p) => p !== '' && e.key.startsWith(p));
        })
        .sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope) || byNewest(a, b));
      return { entries: listed.map((e) => entryJson(e)) };
    }
    case 'DeleteCacheEntry': {
      if (!key) throw new TwirpError('invalid_argument', 'key is required');
      const scope = writableScope(ctx, scopes);
      if (scope === undefined) return { ok: false, entry_id: '0', message: WRITE_DENIED_MESSAGE };
      const doomed = ctx.storage.all
        .filter((e) => e.scope === scope && e.key === key && e.finalized)
        .sort(byNewest);
      if (doomed.length === 0) return { ok: false, entry_id: '0' };
      for (const e of doomed) await ctx.storage.deleteEntry(e);
      record.entry = { id: doomed[0].id, scope, key };
      return { ok: true, entry_id: String(doomed[0].id) };
    }
  }
}
