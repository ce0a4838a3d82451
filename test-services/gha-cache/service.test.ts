import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobClient, BlockBlobClient } from '@azure/storage-blob';
import {
  CACHE_SERVICE,
  LIST_METHODS,
  READ_DENIED_MESSAGE,
  WRITE_DENIED_MESSAGE,
  decodeTokenUnverified,
  mintToken,
  pushScopes,
  startGhaCacheService,
  type GhaCacheService,
} from './index';

let svc: GhaCacheService;

beforeAll(async () => {
  svc = await startGhaCacheService();
}, 60000);

afterAll(async () => {
  await svc?.stop();
});

afterEach(() => svc.faults.clear());

interface TwirpResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function twirp(
  method: string,
  body: Record<string, unknown>,
  token: string,
  init: { signal?: AbortSignal; contentType?: string; httpMethod?: string } = {},
): Promise<TwirpResult> {
  const res = await fetch(`${svc.url}twirp/${CACHE_SERVICE}/${method}`, {
    method: init.httpMethod ?? 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': init.contentType ?? 'application/json' },
    body: init.httpMethod === 'GET' ? undefined : JSON.stringify(body),
    signal: init.signal,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

let counter = 0;
/** A fresh key per test, so tests sharing the service do not see each other's entries. */
const uniq = (name: string) => `${name}-${++counter}-${Date.now()}`;
const VERSION = 'a'.repeat(64);

/** Uploads the way BuildKit does: Put Block + Put Block List through the signed URL. */
async function uploadBlocks(signedUrl: string, data: Buffer, blockSize = 1024): Promise<void> {
  const client = new BlockBlobClient(signedUrl);
  const ids: string[] = [];
  for (let offset = 0, i = 0; offset < data.length; offset += blockSize, i++) {
    const id = Buffer.from(String(i).padStart(6, '0')).toString('base64');
    const chunk = data.subarray(offset, offset + blockSize);
    await client.stageBlock(id, chunk, chunk.length);
    ids.push(id);
  }
  await client.commitBlockList(ids);
}

/** Reserve, upload, finalize; returns the entry id. */
async function save(token: string, key: string, data: Buffer, version = VERSION): Promise<string> {
  const created = await twirp('CreateCacheEntry', { key, version }, token);
  expect(created.status).toBe(200);
  expect(created.body.ok).toBe(true);
  await uploadBlocks(String(created.body.signed_upload_url), data);
  const fin = await twirp(
    'FinalizeCacheEntryUpload',
    { key, version, size_bytes: String(data.length) },
    token,
  );
  expect(fin.status).toBe(200);
  expect(fin.body.ok).toBe(true);
  return String(fin.body.entry_id);
}

async function lookup(token: string, key: string, restoreKeys: string[] = [], version = VERSION) {
  const r = await twirp('GetCacheEntryDownloadURL', { key, restore_keys: restoreKeys, version }, token);
  expect(r.status).toBe(200);
  return r.body as { ok: boolean; signed_download_url?: string; matched_key?: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('tokens', () => {
  test('minted tokens carry exp, nbf and the ac claim as a JSON string, as BuildKit requires', () => {
    const token = svc.tokenForPullRequest(7, 'develop', 'main');
    const { header, claims } = decodeTokenUnverified(token);
    expect(header.alg).toBe('HS256');
    expect(typeof claims.exp).toBe('number');
    expect(typeof claims.nbf).toBe('number');
    expect(typeof claims.ac).toBe('string');
    expect(JSON.parse(String(claims.ac))).toEqual([
      { Scope: 'refs/pull/7/merge', Permission: 3 },
      { Scope: 'refs/heads/develop', Permission: 1 },
      { Scope: 'refs/heads/main', Permission: 1 },
    ]);
    expect(JSON.parse(String(decodeTokenUnverified(svc.tokenForPush('feature', 'main')).claims.ac))).toEqual([
      { Scope: 'refs/heads/feature', Permission: 3 },
      { Scope: 'refs/heads/main', Permission: 1 },
    ]);
    expect(JSON.parse(String(decodeTokenUnverified(svc.tokenReadOnly('main')).claims.ac))).toEqual([
      { Scope: 'refs/heads/main', Permission: 1 },
    ]);
  });

  test('a token signed with another secret is rejected with 401 unauthenticated', async () => {
    const forged = mintToken({ scopes: pushScopes('main'), secret: 'not-the-service-secret' });
    const r = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, forged);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthenticated');
    const c = await twirp('CreateCacheEntry', { key: uniq('forged'), version: VERSION }, forged);
    expect(c.status).toBe(401);
    expect(svc.entries({ includePending: true }).some((e) => e.key.startsWith('forged'))).toBe(false);
  });

  test('expired, not-yet-valid, tampered and missing tokens are rejected', async () => {
    const expired = svc.mintToken({ scopes: pushScopes('main'), expiresInSeconds: -10 });
    const future = svc.mintToken({ scopes: pushScopes('main'), notBeforeOffsetSeconds: 600 });
    const good = svc.tokenReadOnly('main');
    const [h, , s] = good.split('.');
    const widened = Buffer.from(
      JSON.stringify({
        ...decodeTokenUnverified(good).claims,
        ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
      }),
    ).toString('base64url');
    for (const token of [expired, future, `${h}.${widened}.${s}`, 'garbage']) {
      const r = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token);
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 401, code: 'unauthenticated' });
    }
    const res = await fetch(`${svc.url}twirp/${CACHE_SERVICE}/GetCacheEntryDownloadURL`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});

describe('protocol', () => {
  test('create → upload through the SAS URL (Put Block / Put Block List) → finalize → lookup → ranged download', async () => {
    const token = svc.tokenForPush('main');
    const key = uniq('roundtrip');
    const data = Buffer.from('x'.repeat(3000) + 'tail');

    const created = await twirp('CreateCacheEntry', { key, version: VERSION }, token);
    expect(created.status).toBe(200);
    expect(created.body.ok).toBe(true);
    const uploadUrl = new URL(String(created.body.signed_upload_url));
    expect(uploadUrl.origin).toBe(svc.azurite.url);
    expect(uploadUrl.pathname.startsWith(`/devstoreaccount1/${svc.container}/`)).toBe(true);
    expect(uploadUrl.searchParams.get('sig')).toBeTruthy();
    await uploadBlocks(uploadUrl.toString(), data);

    // Not visible before finalize.
    expect((await lookup(token, key)).ok).toBe(false);
    expect(svc.entries().some((e) => e.key === key)).toBe(false);
    expect(svc.entries({ includePending: true }).some((e) => e.key === key && !e.finalized)).toBe(true);

    // BuildKit sends size_bytes as a JSON number, @actions/cache as a string: both work.
    const fin = await twirp(
      'FinalizeCacheEntryUpload',
      { key, version: VERSION, size_bytes: data.length },
      token,
    );
    expect(fin.body).toEqual({ ok: true, entry_id: expect.stringMatching(/^\d+$/) });

    const hit = await lookup(token, key, [key]);
    expect(hit.ok).toBe(true);
    expect(hit.matched_key).toBe(key);
    const blob = new BlobClient(String(hit.signed_download_url));
    expect(await blob.downloadToBuffer()).toEqual(data);
    const ranged = await blob.download(3000);
    const chunks: Buffer[] = [];
    for await (const c of ranged.readableStreamBody as NodeJS.ReadableStream)
      chunks.push(Buffer.from(c as Buffer));
    expect(Buffer.concat(chunks).toString()).toBe('tail');

    const entry = svc.entries().find((e) => e.key === key);
    expect(entry).toMatchObject({
      scope: 'refs/heads/main',
      version: VERSION,
      size: data.length,
      finalized: true,
    });
    expect(entry?.createdAt).toBeInstanceOf(Date);
    expect(String(entry?.id)).toBe(fin.body.entry_id);
    expect(await svc.blobBytes(entry!.id)).toEqual(data);

    // The upload URL does not grant reads, the download URL does not grant writes.
    await expect(new BlobClient(uploadUrl.toString()).downloadToBuffer()).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(
      new BlockBlobClient(String(hit.signed_download_url)).upload(Buffer.from('evil'), 4),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  test('a second CreateCacheEntry for the same key and version in the same scope is 409 already_exists', async () => {
    const token = svc.tokenForPush('main');
    const key = uniq('dup');
    const first = await twirp('CreateCacheEntry', { key, version: VERSION }, token);
    expect(first.body.ok).toBe(true);
    // While the first upload is still in progress...
    const whileUploading = await twirp('CreateCacheEntry', { key, version: VERSION }, token);
    expect(whileUploading.status).toBe(409);
    expect(whileUploading.body).toEqual({ code: 'already_exists', msg: expect.any(String) });
    await uploadBlocks(String(first.body.signed_upload_url), Buffer.from('one'));
    await twirp('FinalizeCacheEntryUpload', { key, version: VERSION, size_bytes: '3' }, token);
    // ...and after it was finalized.
    const afterFinalize = await twirp('CreateCacheEntry', { key, version: VERSION }, token);
    expect(afterFinalize.status).toBe(409);
    expect(afterFinalize.body.code).toBe('already_exists');
    // Another version, or another scope, is a different entry.
    expect((await twirp('CreateCacheEntry', { key, version: 'b'.repeat(64) }, token)).body.ok).toBe(true);
    expect(
      (await twirp('CreateCacheEntry', { key, version: VERSION }, svc.tokenForPush('other'))).body.ok,
    ).toBe(true);
  });

  test('lookup: exact key first, then the key and each restore key as prefixes, newest entry winning; version must match', async () => {
    const token = svc.tokenForPush('main');
    const p = uniq('prefix');
    await save(token, `${p}-linux-aaa`, Buffer.from('old'));
    await sleep(5);
    await save(token, `${p}-linux-bbb`, Buffer.from('new'));
    await save(token, `${p}-other`, Buffer.from('other'), 'c'.repeat(64));

    // No exact hit: the restore key as a prefix; the newest of the two matches wins.
    let r = await lookup(token, `${p}-linux-zzz`, [`${p}-linux-`]);
    expect(r.matched_key).toBe(`${p}-linux-bbb`);
    expect(await new BlobClient(String(r.signed_download_url)).downloadToBuffer()).toEqual(
      Buffer.from('new'),
    );
    // An exact hit beats a newer prefix match.
    r = await lookup(token, `${p}-linux-aaa`, [`${p}-linux-`]);
    expect(r.matched_key).toBe(`${p}-linux-aaa`);
    // The primary key itself also matches as a prefix (BuildKit relies on this for its `index-…#N` keys).
    r = await lookup(token, `${p}-linux`);
    expect(r.matched_key).toBe(`${p}-linux-bbb`);
    // Restore keys are tried in order.
    r = await lookup(token, `${p}-none`, [`${p}-nope`, `${p}-linux-a`, `${p}-linux-`]);
    expect(r.matched_key).toBe(`${p}-linux-aaa`);
    // Entries of another version never match.
    r = await lookup(token, `${p}-other`, [`${p}-o`]);
    expect(r).toEqual({ ok: false, signed_download_url: '', matched_key: '' });
    r = await lookup(token, `${p}-other`, [], 'c'.repeat(64));
    expect(r.matched_key).toBe(`${p}-other`);
  });

  test('lookup order: the run’s own scope first, then the token’s other readable scopes in order', async () => {
    const key = uniq('order');
    await save(svc.tokenForPush('main'), key, Buffer.from('main'));
    await save(svc.tokenForPush('develop'), key, Buffer.from('develop'));
    const pr = svc.tokenForPullRequest(31, 'develop', 'main');
    // The base branch (listed before the default branch) wins over main.
    let r = await lookup(pr, key);
    expect(await new BlobClient(String(r.signed_download_url)).downloadToBuffer()).toEqual(
      Buffer.from('develop'),
    );
    // Once the PR has its own entry, that one wins, even though the others are older and exact too.
    await save(pr, key, Buffer.from('pr'));
    r = await lookup(pr, key);
    expect(await new BlobClient(String(r.signed_download_url)).downloadToBuffer()).toEqual(Buffer.from('pr'));
    // Own scope is searched completely (restore keys included) before moving to the next scope.
    const p = uniq('order-prefix');
    await save(svc.tokenForPush('main'), `${p}-exact`, Buffer.from('main-exact'));
    await save(pr, `${p}-partial`, Buffer.from('pr-partial'));
    r = await lookup(pr, `${p}-exact`, [`${p}-`]);
    expect(r.matched_key).toBe(`${p}-partial`);
  });

  test('scopes: writes land in the writable scope; a PR reads main; a sibling branch cannot see the PR', async () => {
    const key = uniq('scope');
    await save(svc.tokenForPush('main'), key, Buffer.from('from-main'));
    expect(svc.entries().filter((e) => e.key === key)).toEqual([
      expect.objectContaining({ scope: 'refs/heads/main' }),
    ]);

    const pr = svc.tokenForPullRequest(12, 'main', 'main');
    const fromMain = await lookup(pr, key);
    expect(fromMain.ok).toBe(true);
    expect(await new BlobClient(String(fromMain.signed_download_url)).downloadToBuffer()).toEqual(
      Buffer.from('from-main'),
    );

    const prKey = uniq('scope-pr');
    await save(pr, prKey, Buffer.from('from-pr'));
    expect(svc.entries().find((e) => e.key === prKey)?.scope).toBe('refs/pull/12/merge');
    expect((await lookup(pr, prKey)).ok).toBe(true);

    const sibling = svc.tokenForPush('feature', 'main');
    expect(await lookup(sibling, prKey, [prKey, 'scope-pr-'])).toEqual({
      ok: false,
      signed_download_url: '',
      matched_key: '',
    });
    expect((await lookup(sibling, key)).ok).toBe(true); // main stays readable
    // Main itself cannot read the PR either.
    expect((await lookup(svc.tokenForPush('main'), prKey)).ok).toBe(false);
  });

  test('a read-only token cannot write: ok:false with "cache write denied: token has no writable scopes"', async () => {
    const key = uniq('ro');
    const r = await twirp(
      'CreateCacheEntry',
      { key, version: VERSION },
      svc.tokenReadOnly('refs/pull/3/merge', 'main'),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: false, message: WRITE_DENIED_MESSAGE });
    expect(String(r.body.message)).toContain('no writable scopes');
    expect(svc.entries({ includePending: true }).some((e) => e.key === key)).toBe(false);
  });

  test('a token that may read no scope (cache-mode write-only, none) is refused a download URL: permission_denied, "cache read denied:"', async () => {
    const writeOnly = svc.mintToken({ scopes: [{ scope: 'refs/heads/main', permission: 2 }] });
    const none = svc.mintToken({ scopes: [] });
    for (const token of [writeOnly, none]) {
      const r = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token);
      expect(r.status).toBe(403);
      expect(r.body).toStrictEqual({ code: 'permission_denied', msg: READ_DENIED_MESSAGE });
    }
    // A token that may read some scope gets a plain miss for a key it cannot see.
    const miss = await twirp(
      'GetCacheEntryDownloadURL',
      { key: uniq('k'), version: VERSION },
      svc.tokenReadOnly('main'),
    );
    expect(miss).toMatchObject({ status: 200, body: { ok: false } });
  });

  test('new entries past the per-repository limit get 429 resource_exhausted with Retry-After, until the window passes', async () => {
    const token = svc.tokenForPush('main');
    svc.setEntryRateLimit({ perWindow: 2, windowMs: 1500 });
    try {
      const create = () => twirp('CreateCacheEntry', { key: uniq('rate'), version: VERSION }, token);
      expect((await create()).status).toBe(200);
      expect((await create()).status).toBe(200);
      const refused = await create();
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('resource_exhausted');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 1600));
      expect((await create()).status).toBe(200);
    } finally {
      svc.setEntryRateLimit({ perWindow: null });
    }
  });

  test('finalize needs a reservation and an uploaded blob of the stated size', async () => {
    const token = svc.tokenForPush('main');
    const key = uniq('fin');
    const nothing = await twirp(
      'FinalizeCacheEntryUpload',
      { key, version: VERSION, size_bytes: '1' },
      token,
    );
    expect(nothing.status).toBe(404);
    expect(nothing.body.code).toBe('not_found');
    await twirp('CreateCacheEntry', { key, version: VERSION }, token);
    const notUploaded = await twirp(
      'FinalizeCacheEntryUpload',
      { key, version: VERSION, size_bytes: '1' },
      token,
    );
    expect(notUploaded.body.ok).toBe(false);
    expect(svc.entries().some((e) => e.key === key)).toBe(false);
  });

  test('LookupCacheEntry and ListCacheEntries are off by default: 404 bad_route, as an unknown method', async () => {
    const main = svc.tokenForPush('main');
    for (const method of LIST_METHODS) {
      const res = await twirp(method, { key: 'k', restore_keys: ['k'], version: VERSION }, main);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('bad_route');
    }
    expect(
      svc
        .requests()
        .slice(-2)
        .map((r) => [r.method, r.status]),
    ).toStrictEqual([
      ['ListCacheEntries', 404],
      ['LookupCacheEntry', 404],
    ]);
  });

  test('LookupCacheEntry, ListCacheEntries (switched on) and DeleteCacheEntry', async () => {
    svc.setListCalls(true);
    const main = svc.tokenForPush('main');
    const p = uniq('gc');
    await save(main, `${p}-1`, Buffer.from('1'));
    await sleep(5);
    await save(main, `${p}-2`, Buffer.from('22'));
    const pr = svc.tokenForPullRequest(44);
    await save(pr, `${p}-3`, Buffer.from('333'));

    const look = await twirp('LookupCacheEntry', { key: `${p}-`, restore_keys: [], version: VERSION }, main);
    expect(look.body).toMatchObject({
      exists: true,
      entry: { key: `${p}-2`, scope: 'refs/heads/main', size_bytes: '2' },
    });

    const listed = await twirp('ListCacheEntries', { key: '', restore_keys: [`${p}-`] }, pr);
    const keys = (listed.body.entries as { key: string; scope: string }[]).map((e) => `${e.scope}:${e.key}`);
    expect(keys).toEqual([`refs/pull/44/merge:${p}-3`, `refs/heads/main:${p}-2`, `refs/heads/main:${p}-1`]);
    const mainList = await twirp('ListCacheEntries', { key: '', restore_keys: [`${p}-`] }, main);
    expect((mainList.body.entries as unknown[]).length).toBe(2); // main cannot see the PR's entry

    // Deletion is limited to the token's writable scope.
    const denied = await twirp('DeleteCacheEntry', { key: `${p}-1` }, pr);
    expect(denied.body.ok).toBe(false);
    const id = svc.entries().find((e) => e.key === `${p}-1`)!.id;
    const deleted = await twirp('DeleteCacheEntry', { key: `${p}-1` }, main);
    expect(deleted.body).toEqual({ ok: true, entry_id: String(id) });
    expect(svc.entries().some((e) => e.key === `${p}-1`)).toBe(false);
    expect(await svc.blobBytes(id)).toBeUndefined();
    svc.setListCalls(false);
  });

  test('Twirp routing errors: unknown method, GET, protobuf content type', async () => {
    const token = svc.tokenForPush('main');
    expect((await twirp('NoSuchMethod', {}, token)).body.code).toBe('bad_route');
    expect((await twirp('NoSuchMethod', {}, token)).status).toBe(404);
    expect((await twirp('CreateCacheEntry', {}, token, { httpMethod: 'GET' })).body.code).toBe('bad_route');
    expect(
      (await twirp('CreateCacheEntry', {}, token, { contentType: 'application/protobuf' })).body.code,
    ).toBe('bad_route');
    const missingKey = await twirp('CreateCacheEntry', { version: VERSION }, token);
    expect({ status: missingKey.status, code: missingKey.body.code }).toEqual({
      status: 400,
      code: 'invalid_argument',
    });
  });
});

describe('REST cache endpoints (repository caches, for cleanup jobs)', () => {
  const rest = (path: string, method = 'GET', token = svc.githubToken) =>
    fetch(`${svc.apiUrl}/repos/o/r/actions/${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json' },
    });
  type CacheList = {
    total_count: number;
    actions_caches: { id: number; ref: string; key: string; size_in_bytes: number }[];
  };

  test('list by key prefix and ref, sorted and paged; delete by key (+ref) and by id; usage', async () => {
    const p = uniq('rest');
    await save(svc.tokenForPush('main'), `${p}-a`, Buffer.from('a'));
    await sleep(5);
    await save(svc.tokenForPush('main'), `${p}-b`, Buffer.from('bb'));
    await save(svc.tokenForPullRequest(9), `${p}-a`, Buffer.from('ccc'));

    let list = (await (await rest(`caches?key=${p}-&sort=created_at&direction=asc`)).json()) as CacheList;
    expect(list.total_count).toBe(3);
    expect(list.actions_caches.map((c) => `${c.ref}:${c.key}:${c.size_in_bytes}`)).toEqual([
      `refs/heads/main:${p}-a:1`,
      `refs/heads/main:${p}-b:2`,
      `refs/pull/9/merge:${p}-a:3`,
    ]);
    list = (await (await rest(`caches?key=${p}-&ref=refs/pull/9/merge`)).json()) as CacheList;
    expect(list.actions_caches.map((c) => c.key)).toEqual([`${p}-a`]);
    list = (await (await rest(`caches?key=${p}-&sort=size_in_bytes&per_page=1&page=2`)).json()) as CacheList;
    expect({ total: list.total_count, keys: list.actions_caches.map((c) => c.size_in_bytes) }).toEqual({
      total: 3,
      keys: [2],
    });

    const usage = (await (await rest('cache/usage')).json()) as Record<string, unknown>;
    expect(usage.full_name).toBe('o/r');
    expect(usage.active_caches_count).toBe(svc.entries().length);

    expect((await rest(`caches?key=${p}-a`, 'GET', 'wrong-token')).status).toBe(401);
    // Delete by key is exact and can be narrowed to a ref.
    expect((await rest(`caches?key=${p}-`, 'DELETE')).status).toBe(404);
    const del = await rest(`caches?key=${p}-a&ref=refs/pull/9/merge`, 'DELETE');
    expect(del.status).toBe(200);
    expect(((await del.json()) as CacheList).actions_caches.map((c) => c.ref)).toEqual(['refs/pull/9/merge']);
    expect(
      svc
        .entries()
        .filter((e) => e.key.startsWith(p))
        .map((e) => e.scope),
    ).toEqual(['refs/heads/main', 'refs/heads/main']);
    const b = svc.entries().find((e) => e.key === `${p}-b`)!;
    expect((await rest(`caches/${b.id}`, 'DELETE')).status).toBe(204);
    expect((await rest(`caches/${b.id}`, 'DELETE')).status).toBe(404);
    expect(await svc.blobBytes(b)).toBeUndefined();
  });

  test('a token with actions: read lists but may not delete (403, as GitHub answers)', async () => {
    const p = uniq('rest-ro');
    await save(svc.tokenForPush('main'), `${p}-a`, Buffer.from('a'));
    const ro = svc.githubTokenReadOnly;
    const list = (await (await rest(`caches?key=${p}-`, 'GET', ro)).json()) as CacheList;
    expect(list.actions_caches.map((c) => c.key)).toEqual([`${p}-a`]);
    const denied = await rest(`caches/${list.actions_caches[0].id}`, 'DELETE', ro);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { message: string }).message).toBe(
      'Resource not accessible by integration',
    );
    expect(svc.entries().some((e) => e.key === `${p}-a`)).toBe(true);
  });

  test('fault switches apply to REST methods too', async () => {
    svc.faults.serverError({ method: 'ListCaches', status: 502 });
    expect((await rest('caches')).status).toBe(502);
    expect((await rest('caches')).status).toBe(200);
  });
});

describe('fault switches', () => {
  test('rateLimit answers 429 with Retry-After for the next N requests, then normally', async () => {
    const token = svc.tokenForPush('main');
    svc.faults.rateLimit({ count: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const r = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token);
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('7');
      expect(r.body.code).toBe('resource_exhausted');
    }
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token)).status).toBe(200);
    expect(
      svc
        .requests()
        .slice(-3)
        .map((r) => [r.status, r.fault]),
    ).toEqual([
      [429, 'rate-limit'],
      [429, 'rate-limit'],
      [200, undefined],
    ]);
  });

  test('a fault limited to one method leaves the others alone', async () => {
    const token = svc.tokenForPush('main');
    svc.faults.rateLimit({ method: 'CreateCacheEntry', count: Infinity });
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token)).status).toBe(200);
    expect((await twirp('CreateCacheEntry', { key: uniq('rl'), version: VERSION }, token)).status).toBe(429);
    expect((await twirp('CreateCacheEntry', { key: uniq('rl'), version: VERSION }, token)).status).toBe(429);
    svc.faults.clear();
    expect((await twirp('CreateCacheEntry', { key: uniq('rl'), version: VERSION }, token)).status).toBe(200);
  });

  test('serverError answers 500 internal or 503 unavailable', async () => {
    const token = svc.tokenForPush('main');
    svc.faults.serverError();
    svc.faults.serverError({ status: 503 });
    const a = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token);
    const b = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token);
    const c = await twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, token);
    expect([a.status, a.body.code, b.status, b.body.code, c.status]).toEqual([
      500,
      'internal',
      503,
      'unavailable',
      200,
    ]);
  });

  test('hang holds requests unanswered until the switch is cleared', async () => {
    const token = svc.tokenForPush('main');
    const key = uniq('hang');
    svc.faults.hang({ method: 'CreateCacheEntry' });
    let settled = false;
    const pending = twirp('CreateCacheEntry', { key, version: VERSION }, token).finally(() => {
      settled = true;
    });
    await sleep(300);
    expect(settled).toBe(false);
    expect(svc.faults.hungRequests).toBe(1);
    // Other methods are still answered meanwhile.
    expect((await twirp('GetCacheEntryDownloadURL', { key, version: VERSION }, token)).status).toBe(200);
    svc.faults.clear();
    const r = await pending;
    expect(r.body.ok).toBe(true);
  });

  test('hang: a client timeout fires (the service never answers)', async () => {
    svc.faults.hang();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 200);
    await expect(
      twirp('GetCacheEntryDownloadURL', { key: 'k', version: VERSION }, svc.tokenForPush('main'), {
        signal: controller.signal,
      }),
    ).rejects.toThrow(/abort/i);
    clearTimeout(timer);
  });

  test('dropBlobAfterFinalize: the entry is found but its blob is gone', async () => {
    const token = svc.tokenForPush('main');
    const key = uniq('drop');
    svc.faults.dropBlobAfterFinalize({ keyPrefix: key });
    await save(token, key, Buffer.from('soon gone'));
    const hit = await lookup(token, key);
    expect(hit.ok).toBe(true);
    await expect(new BlobClient(String(hit.signed_download_url)).downloadToBuffer()).rejects.toMatchObject({
      statusCode: 404,
    });
    const entry = svc.entries().find((e) => e.key === key)!;
    expect(entry.finalized).toBe(true);
    expect(await svc.blobBytes(entry)).toBeUndefined();
    // The switch was used up: the next entry keeps its blob.
    const next = uniq('drop');
    await save(token, next, Buffer.from('kept'));
    expect(await svc.blobBytes(svc.entries().find((e) => e.key === next)!)).toEqual(Buffer.from('kept'));
  });

  test('noWritableScopes makes a writable token look read-only', async () => {
    svc.faults.noWritableScopes();
    const r = await twirp(
      'CreateCacheEntry',
      { key: uniq('nws'), version: VERSION },
      svc.tokenForPush('main'),
    );
    expect(r.body).toMatchObject({ ok: false, message: WRITE_DENIED_MESSAGE });
    svc.faults.clear();
    const ok = await twirp(
      'CreateCacheEntry',
      { key: uniq('nws'), version: VERSION },
      svc.tokenForPush('main'),
    );
    expect(ok.body.ok).toBe(true);
  });
});

describe('@actions/cache against the service', () => {
  const saved: Record<string, string | undefined> = {};
  const names = [
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_CACHE_SERVICE_V2',
    'GITHUB_SERVER_URL',
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
    'GITHUB_REF',
  ];
  let work: string;

  beforeAll(async () => {
    for (const n of names) saved[n] = process.env[n];
    work = await mkdtemp(join(tmpdir(), 'bkca-actions-cache-'));
  });

  afterAll(async () => {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
    await rm(work, { recursive: true, force: true });
  });

  /** @actions/core logs workflow commands to stdout; keep them out of the test output (BKCA_TEST_VERBOSE=1 shows them). */
  async function quietly<T>(fn: () => Promise<T>): Promise<T> {
    if (process.env.BKCA_TEST_VERBOSE) return fn();
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  }

  function useToken(token: string, ref: string) {
    Object.assign(process.env, svc.env(token), {
      GITHUB_WORKSPACE: work,
      RUNNER_TEMP: join(work, '_temp'),
      GITHUB_REF: ref,
    });
    delete process.env.GITHUB_SERVER_URL; // not GHES: v2 is used
  }

  test('saveCache then restoreCache round-trips a directory (v2 protocol)', async () => {
    const cache = await import('@actions/cache');
    const dir = join(work, 'deps');
    await mkdir(join(dir, 'sub'), { recursive: true });
    await writeFile(join(dir, 'a.txt'), 'alpha');
    await writeFile(join(dir, 'sub', 'b.txt'), 'beta');
    const key = uniq('actions-cache-linux');

    useToken(svc.tokenForPush('main'), 'refs/heads/main');
    expect(cache.isFeatureAvailable()).toBe(true);
    const id = await quietly(() => cache.saveCache([dir], key));
    expect(id).toBeGreaterThan(0);
    const entry = svc.entries().find((e) => e.key === key);
    expect(entry).toMatchObject({ id, scope: 'refs/heads/main' });
    expect(entry!.size).toBeGreaterThan(0);

    await rm(dir, { recursive: true, force: true });
    // A pull request restores main's entry through a restore key.
    useToken(svc.tokenForPullRequest(5), 'refs/pull/5/merge');
    const restored = await quietly(() =>
      cache.restoreCache([dir], uniq('actions-cache-linux-miss'), [key.slice(0, -4)]),
    );
    expect(restored).toBe(key);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('alpha');
    expect(await readFile(join(dir, 'sub', 'b.txt'), 'utf8')).toBe('beta');

    // Saving the same key again in the same scope is refused (409) without an exception.
    useToken(svc.tokenForPush('main'), 'refs/heads/main');
    expect(await quietly(() => cache.saveCache([dir], key))).toBe(-1);
    // A read-only token saves nothing.
    useToken(svc.tokenReadOnly('main'), 'refs/heads/main');
    expect(await quietly(() => cache.saveCache([dir], uniq('ro')))).toBe(-1);
    expect(svc.entries().filter((e) => e.key === key)).toHaveLength(1);
  }, 60000);
});
