import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rateLimitIn, runCacheWorker } from '../../src/stores/github-cache/worker';
import { rateLimitedReason, retryAfterOf, retryWaitMs } from '../../src/stores/github-cache/rate-limit';
import { exec } from '../../src/lib/exec';
import { type GhaCacheService, startGhaCacheService } from '../../test-services/gha-cache';

// The bundled worker (dist/cache/index.js) against the local cache service: what each call comes to.
const script = path.join(__dirname, '..', '..', 'dist', 'cache', 'index.js');
let svc: GhaCacheService;
beforeAll(async () => {
  svc = await startGhaCacheService();
}, 60000);
afterAll(() => svc.stop());
afterEach(() => svc.faults.clear());

function runner(): { env: NodeJS.ProcessEnv; root: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-'));
  const root = path.join(work, 'root');
  fs.mkdirSync(path.join(root, 'folder'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...svc.env(svc.tokenForPush('main')),
    RUNNER_TEMP: path.join(work, 'tmp'),
  };
  delete env.GITHUB_SERVER_URL;
  return { env, root };
}

describe('runCacheWorker', () => {
  it('a miss, a save, a hit by prefix on another runner, the same key again', async () => {
    const a = runner();
    fs.writeFileSync(path.join(a.root, 'folder', 'f'), 'content');
    const o = { ...a, timeoutMs: 30000, script };
    const prefix = `bkca-test/${Date.now()}/`;
    const miss = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: prefix, restoreKeys: [prefix] },
      o,
    );
    expect(miss.status).toBe('miss');
    const saved = await runCacheWorker(exec, { op: 'save', path: 'folder', key: `${prefix}1` }, o);
    expect(saved.status).toBe('saved');
    const b = runner();
    const hit = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: prefix, restoreKeys: [prefix] },
      { ...b, timeoutMs: 30000, script },
    );
    expect(hit).toMatchObject({ status: 'hit', matchedKey: `${prefix}1` });
    expect(fs.readFileSync(path.join(b.root, 'folder', 'f'), 'utf8')).toBe('content');
    const again = await runCacheWorker(exec, { op: 'save', path: 'folder', key: `${prefix}1` }, o);
    expect(again.status).toBe('exists');
  }, 60000);

  it('a hung lookup is ended by the timeout', async () => {
    svc.faults.hang({ method: 'GetCacheEntryDownloadURL' });
    const o = { ...runner(), timeoutMs: 3000, script };
    const call = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: 'k/', restoreKeys: ['k/'] },
      o,
    );
    expect(call).toMatchObject({ status: 'failed', reason: 'no answer within 3s' });
  }, 30000);

  it("a save GitHub's rate limit keeps refusing, longer than its bound: one failure that says rate-limited", async () => {
    svc.faults.rateLimit({ count: Infinity, method: 'CreateCacheEntry', retryAfterSeconds: 60 });
    const a = runner();
    fs.writeFileSync(path.join(a.root, 'folder', 'f'), 'content');
    const call = await runCacheWorker(
      exec,
      { op: 'save', path: 'folder', key: `bkca-test/${Date.now()}/rl` },
      { ...a, timeoutMs: 8000, script },
    );
    expect(call).toMatchObject({ status: 'failed', rateLimited: { retryAfterSeconds: 60 } });
    expect(call.status === 'failed' && call.reason).toMatch(
      /^rate-limited by GitHub's cache \(429, Retry-After 60s;/,
    );
    expect(call.ms).toBeLessThan(12000);
  }, 30000);

  it('a restore refused with a Retry-After that fits in its bound waits as it says, then restores', async () => {
    const a = runner();
    fs.writeFileSync(path.join(a.root, 'folder', 'f'), 'content');
    const prefix = `bkca-test/${Date.now()}/wait/`;
    const o = { ...a, timeoutMs: 90000, script };
    expect((await runCacheWorker(exec, { op: 'save', path: 'folder', key: `${prefix}1` }, o)).status).toBe(
      'saved',
    );
    // Every attempt the client makes on its own is refused: only a call made after waiting gets through.
    const since = Date.now();
    svc.faults.rateLimit({ count: 5, method: 'GetCacheEntryDownloadURL', retryAfterSeconds: 2 });
    const b = runner();
    const hit = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: prefix, restoreKeys: [prefix] },
      { ...b, timeoutMs: 90000, script },
    );
    expect(hit).toMatchObject({ status: 'hit', matchedKey: `${prefix}1` });
    // A refused request is answered before its body is read: it is known by its time.
    const asked = svc
      .requests()
      .filter((r) => r.method === 'GetCacheEntryDownloadURL' && r.time.getTime() >= since);
    expect(asked.map((r) => r.status)).toStrictEqual([429, 429, 429, 429, 429, 200]);
  }, 120000);
});

describe('the rate limit, as the worker reads and answers it', () => {
  const client429 = [
    '::debug::[Response] - 429',
    '::debug::Headers: {%0A  "content-type": "application/json",%0A  "retry-after": "12"%0A}',
    '::warning::Failed to save: Failed to CreateCacheEntry: Failed to make request after 5 attempts: Failed request: (429) Too Many Requests',
  ].join('\n');
  it.each([
    { title: "the client's 429 with a Retry-After", stdout: client429, want: { retryAfterSeconds: 12 } },
    {
      title: 'a 429 without one',
      stdout: '::warning::Failed to restore: Failed request: (429) Too Many Requests',
      want: { retryAfterSeconds: null },
    },
    {
      title: 'another failure',
      stdout: '::warning::Failed to save: Failed request: (503) Service Unavailable',
      want: null,
    },
  ])('$title', ({ stdout, want }) => expect(rateLimitIn(stdout)).toStrictEqual(want));

  it.each([
    { retryAfterSeconds: 5, leftMs: 10000, want: 5000 },
    { retryAfterSeconds: 5, leftMs: 5500, want: null },
    { retryAfterSeconds: null, leftMs: 60000, want: null },
  ])(
    'Retry-After $retryAfterSeconds s with $leftMs ms left: wait $want',
    ({ retryAfterSeconds, leftMs, want }) => expect(retryWaitMs({ retryAfterSeconds }, leftMs)).toBe(want),
  );

  it.each([
    { header: '7', want: 7 },
    { header: 'Wed, 02 Dec 2026 00:00:10 GMT', want: 3 },
    { header: null, want: null },
    { header: 'soon', want: null },
  ])('Retry-After $header is $want s', ({ header, want }) => {
    expect(retryAfterOf(header, Date.parse('Wed, 02 Dec 2026 00:00:07 GMT'))).toBe(want);
  });

  it('a call given up on says rate-limited, what GitHub asked and what was left', () => {
    expect(rateLimitedReason({ retryAfterSeconds: 30 }, 4200)).toBe(
      "rate-limited by GitHub's cache (429, Retry-After 30s; 4s were left of this call's time bound): given up",
    );
  });
});
