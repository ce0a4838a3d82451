import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GHA_CACHE_VERSION, lookUpGhaCaches } from '../../src/stores/github-cache/lookup';
import { environmentFrom } from '../../src/runner/environment';
import { indexKeys, isIndexOf } from '../../src/stores/github-cache/keys';
import { type GhaCacheService, startGhaCacheService } from '../../test-services/gha-cache';

// The lookups BuildKit's gha importer makes (go-actions-cache): v2 Twirp GetCacheEntryDownloadURL,
// v1 GET _apis/artifactcache/cache. Answered by a loopback server in GitHub's payload shapes.

const hash8 = (scope: string) => createHash('sha256').update(scope).digest('hex').slice(0, 8);
const MAIN = 'refs/heads/main';
const PR = 'refs/pull/7/merge';

describe('the keys and version BuildKit looks an index up with', () => {
  it("uses go-actions-cache's constant version: sha256 of |go-actionscache-1.0", () => {
    expect(GHA_CACHE_VERSION).toBe('693bb7016429d80366022f036f84856888c9f13e00145f5f6f4dce303a38d6f2');
  });

  it.each([
    {
      title: 'one key per ref scope of the token',
      scopes: [PR, MAIN],
      want: [`index-app.pr-7-1-${hash8(PR)}`, `index-app.pr-7-1-${hash8(MAIN)}`],
    },
    {
      title: 'the shared prefix when the token has no readable scopes',
      scopes: null,
      want: ['index-app.pr-7-1-'],
    },
  ])('$title', ({ scopes, want }) => {
    expect(indexKeys('app.pr-7', scopes)).toStrictEqual(want);
  });

  it.each([
    { key: `index-app.branch-main-1-${hash8(MAIN)}#3`, want: true },
    { key: `index-app.branch-main-1-${hash8(MAIN)}`, want: true },
    { key: `index-app.branch-main-2-1-${hash8(MAIN)}#1`, want: false },
    { key: `index-app.branch-main-1-x-1-${hash8(MAIN)}#1`, want: false },
    { key: `index-app.branch-main-1-${hash8(MAIN)}x#1`, want: false },
    { key: 'buildkit-blob-1-sha256:abc', want: false },
  ])('$key names app.branch-main: $want', ({ key, want }) => {
    expect(isIndexOf(key, 'app.branch-main')).toBe(want);
  });

  it.each([
    {
      title: 'v2 when ACTIONS_CACHE_SERVICE_V2 is true',
      env: {
        ACTIONS_CACHE_SERVICE_V2: 'true',
        ACTIONS_RESULTS_URL: 'https://r/',
        ACTIONS_CACHE_URL: 'https://c/',
      },
      want: { protocol: 'v2', url: 'https://r/' },
    },
    {
      title: 'v1 at ACTIONS_CACHE_URL otherwise (GHES, older runners)',
      env: { ACTIONS_RESULTS_URL: 'https://r/', ACTIONS_CACHE_URL: 'https://c/' },
      want: { protocol: 'v1', url: 'https://c/' },
    },
    { title: 'none without a URL', env: { ACTIONS_CACHE_SERVICE_V2: 'true' }, want: null },
  ])('$title', ({ env, want }) => {
    expect(environmentFrom(env).cache.service).toStrictEqual(want);
  });
});

/** What the loopback service saw and how it answers. */
interface Seen {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
  body: string;
}

let server: Server;
let url = '';
let seen: Seen[] = [];
let answer: (req: IncomingMessage, body: string, res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        accept: req.headers.accept,
        body,
      });
      answer(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const json = (res: ServerResponse, status: number, payload: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(payload));
};

describe('v2: GetCacheEntryDownloadURL, one request per cache name, all at once', () => {
  /** Index keys the service holds, per name; answers as GitHub does (200 with ok:false on a miss). */
  const serve = (stored: string[]) => {
    answer = (_req, body, res) => {
      const { key, restore_keys: restore } = JSON.parse(body) as { key: string; restore_keys: string[] };
      const hit =
        stored.find((k) => k === key) ?? stored.find((k) => [key, ...restore].some((p) => k.startsWith(p)));
      json(
        res,
        200,
        hit
          ? { ok: true, signed_download_url: 'https://blob/x?sig', matched_key: hit }
          : { ok: false, signed_download_url: '', matched_key: '' },
      );
    };
  };

  it('asks with the exact keys of the token scopes and the constant version', async () => {
    serve([`index-app.branch-main-1-${hash8(MAIN)}#2`]);
    const got = await lookUpGhaCaches({
      service: { protocol: 'v2', url },
      token: 'tkn',
      names: ['app.pr-7', 'app.branch-main'],
      tokenScopes: [PR, MAIN],
    });
    expect(got).toStrictEqual({
      found: new Map([
        ['app.pr-7', false],
        ['app.branch-main', true],
      ]),
    });
    expect(seen).toHaveLength(2);
    for (const s of seen) {
      expect(s.method).toBe('POST');
      expect(s.path).toBe('/twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL');
      expect(s.authorization).toBe('Bearer tkn');
    }
    expect(seen.map((s) => JSON.parse(s.body)).sort((a, b) => a.key.localeCompare(b.key))).toStrictEqual([
      {
        key: `index-app.branch-main-1-${hash8(PR)}`,
        restore_keys: [`index-app.branch-main-1-${hash8(PR)}`, `index-app.branch-main-1-${hash8(MAIN)}`],
        version: GHA_CACHE_VERSION,
      },
      {
        key: `index-app.pr-7-1-${hash8(PR)}`,
        restore_keys: [`index-app.pr-7-1-${hash8(PR)}`, `index-app.pr-7-1-${hash8(MAIN)}`],
        version: GHA_CACHE_VERSION,
      },
    ]);
  });

  it('a key of another name that shares the prefix leaves the name unknown', async () => {
    // The cache of a branch named `main-1-x` starts with the prefix of `main`'s.
    serve([`index-app.branch-main-1-x-1-${hash8(MAIN)}#1`]);
    const got = await lookUpGhaCaches({
      service: { protocol: 'v2', url },
      token: 'tkn',
      names: ['app.branch-main'],
      tokenScopes: null,
    });
    expect(JSON.parse(seen[0].body).restore_keys).toStrictEqual(['index-app.branch-main-1-']);
    expect(got.found.get('app.branch-main')).toBeUndefined();
  });

  it.each([
    { title: '404', status: 404, reason: 'the cache service answered 404 to GetCacheEntryDownloadURL' },
    { title: '403', status: 403, reason: 'the cache service answered 403 to GetCacheEntryDownloadURL' },
  ])('a refusal ($title) leaves the names unknown, with the reason', async ({ status, reason }) => {
    answer = (_req, _body, res) => json(res, status, { code: 'permission_denied', msg: 'no' });
    const got = await lookUpGhaCaches({
      service: { protocol: 'v2', url },
      token: 'tkn',
      names: ['app.branch-main'],
      tokenScopes: [MAIN],
    });
    expect(got).toStrictEqual({ found: new Map([['app.branch-main', undefined]]), reason });
  });

  it('a service that does not answer costs the timeout, not more', async () => {
    answer = () => undefined; // never answers
    const started = Date.now();
    const got = await lookUpGhaCaches({
      service: { protocol: 'v2', url },
      token: 'tkn',
      names: ['a', 'b'],
      tokenScopes: [MAIN],
      timeoutMs: 300,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(got).toStrictEqual({
      found: new Map([
        ['a', undefined],
        ['b', undefined],
      ]),
      reason: 'no answer within 300 ms',
    });
  });
});

describe('v1 (GHES, older runners): GET _apis/artifactcache/cache', () => {
  it('finds an entry from the payload GitHub answers, and a miss from 204', async () => {
    answer = (req, _body, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const keys = (q.get('keys') ?? '').split(',');
      if (keys[0].startsWith('index-app.branch-main-')) {
        json(res, 200, {
          cacheKey: `index-app.branch-main-1-${hash8(MAIN)}#4`,
          scope: MAIN,
          archiveLocation: 'https://artifactcache.example/blob?sig',
        });
      } else {
        res.writeHead(204);
        res.end();
      }
    };
    const got = await lookUpGhaCaches({
      service: { protocol: 'v1', url: url.replace(/\/$/, '') },
      token: 'tkn',
      names: ['app.branch-main', 'app.pr-7'],
      tokenScopes: [PR, MAIN],
    });
    expect(got).toStrictEqual({
      found: new Map([
        ['app.branch-main', true],
        ['app.pr-7', false],
      ]),
    });
    const main = seen.find((s) => s.path.includes('branch-main'))!;
    expect(main.method).toBe('GET');
    expect(main.authorization).toBe('Bearer tkn');
    expect(main.accept).toBe('application/json;api-version=6.0-preview.1');
    const q = new URL(main.path, 'http://x');
    expect(q.pathname).toBe('/_apis/artifactcache/cache');
    expect(q.searchParams.get('keys')).toBe(
      `index-app.branch-main-1-${hash8(PR)},index-app.branch-main-1-${hash8(MAIN)}`,
    );
    expect(q.searchParams.get('version')).toBe(GHA_CACHE_VERSION);
  });
});

describe("GitHub's rate limit on the lookups (the cache service stand-in)", () => {
  let svc: GhaCacheService;
  beforeAll(async () => {
    svc = await startGhaCacheService();
  }, 60000);
  afterAll(() => svc.stop());
  afterEach(() => svc.faults.clear());
  const lookUp = () =>
    lookUpGhaCaches({
      service: { protocol: 'v2', url: svc.url },
      token: svc.tokenForPush('main'),
      names: ['app.branch-main'],
      tokenScopes: [MAIN],
      timeoutMs: 3000,
    });

  it('a Retry-After that fits in the 3 s bound is waited out, and the lookup answers', async () => {
    svc.faults.rateLimit({ count: 1, method: 'GetCacheEntryDownloadURL', retryAfterSeconds: 1 });
    const started = Date.now();
    const got = await lookUp();
    expect(got).toStrictEqual({ found: new Map([['app.branch-main', false]]) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('one that does not fit is not waited for: unknown, and the reason says rate-limited', async () => {
    svc.faults.rateLimit({ count: 1, method: 'GetCacheEntryDownloadURL', retryAfterSeconds: 30 });
    const started = Date.now();
    const got = await lookUp();
    expect(got.found.get('app.branch-main')).toBeUndefined();
    expect(got.reason).toMatch(/^rate-limited by GitHub's cache \(429, Retry-After 30s; 3s were left/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
