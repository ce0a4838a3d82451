import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startGhaCacheService,
  type GhaCacheEntry,
  type GhaCacheService,
} from '../../test-services/gha-cache';
import { BASE_IMAGE, requireEngine, run } from './support';

/**
 * BuildKit's own `type=gha` client (in the engine's built-in builder, `docker` driver) against the
 * local cache service: a main build exports, a pull request imports main's cache and exports into its
 * own scope only, and a sibling branch sees nothing of the pull request's scope.
 *
 * Docker runs as an asynchronous child process: the service lives in this process and must keep
 * answering while the build runs.
 */

/** docker, asynchronously, with the engine's environment plus `extra`; stdout and stderr together. */
async function docker(
  args: string[],
  extra: NodeJS.ProcessEnv = {},
): Promise<{ code: number; output: string }> {
  const r = await run('docker', args, { env: extra });
  return { code: r.code, output: `${r.stdout}${r.stderr}` };
}

/** RUN steps of a `--progress=plain` log, each with whether BuildKit printed CACHED for it. */
function runSteps(output: string): { name: string; cached: boolean }[] {
  const names = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of output.split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line.trim());
    if (!m) continue;
    if (!names.has(m[1]) && /^\[.*\] RUN /.test(m[2])) names.set(m[1], m[2]);
    if (m[2] === 'CACHED') cached.add(m[1]);
  }
  return [...names].map(([id, name]) => ({ name, cached: cached.has(id) }));
}

/**
 * Whether a RUN step really ran: its command printed `marker` (plain progress shows a step's output
 * as `#<n> <seconds> <text>`). A step taken from the cache prints nothing: either CACHED, or, when a
 * later step needs its files, the download and extraction of its layer.
 */
function executed(output: string, marker: string): boolean {
  return output.split('\n').some((line) => new RegExp(`^#\\d+ \\d+\\.\\d+ ${marker}$`).test(line.trim()));
}

let svc: GhaCacheService;
let context: string;
/** In every RUN command of this run's Dockerfile, so prune() can drop exactly this test's build records. */
const nonce = `bkca-gha-${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  // Outside CI a missing engine skips the file (skip-without-engine.js); an engine that stopped
  // answering since is a failure, not a pass.
  if (!(await requireEngine())) throw new Error('the engine stopped answering: see the message above');
  svc = await startGhaCacheService();
  context = await mkdtemp(join(tmpdir(), 'bkca-gha-e2e-'));
  await writeFile(
    join(context, 'Dockerfile'),
    [
      `FROM ${BASE_IMAGE} AS base`,
      `RUN sleep 1 && echo ran-base && echo ${nonce} > /one`,
      '',
      'FROM base AS final',
      'ARG VARIANT=main',
      `RUN sleep 1 && echo "ran-final-$VARIANT" && echo "${nonce} $VARIANT" > /x`,
      '',
    ].join('\n'),
  );
}, 60000);

afterAll(async () => {
  await svc?.stop();
  if (context) await rm(context, { recursive: true, force: true });
});

/**
 * `docker buildx prune -af`, limited to the build records of this test's RUN steps (their commands
 * carry the nonce): the local cache forgets them, the base image and other users' caches stay.
 */
async function prune(): Promise<void> {
  const r = await docker([
    'buildx',
    'prune',
    '--builder',
    'default',
    '-af',
    '--filter',
    `description~=${nonce}`,
  ]);
  expect(r.code).toBe(0);
}

/** One build with the gha cache, as a job holding `token` would run it; returns its log and the entries it added. */
async function build(token: string, variant: string): Promise<{ output: string; added: GhaCacheEntry[] }> {
  const before = Math.max(0, ...svc.entries({ includePending: true }).map((e) => e.id));
  const r = await docker(
    [
      'buildx',
      'build',
      '--builder',
      'default',
      '--progress=plain',
      '--cache-to',
      'type=gha,scope=t,mode=max,ignore-error=true',
      '--cache-from',
      'type=gha,scope=t',
      '--build-arg',
      `VARIANT=${variant}`,
      '--output',
      'type=cacheonly',
      context,
    ],
    { ...svc.env(token) },
  );
  if (r.code !== 0) throw new Error(`docker buildx build failed (${r.code}):\n${r.output}`);
  return { output: r.output, added: svc.entries().filter((e) => e.id > before) };
}

const lookupKey = async (token: string, e: GhaCacheEntry) => {
  const res = await fetch(
    `${svc.url}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: e.key, restore_keys: [e.key], version: e.version }),
    },
  );
  return ((await res.json()) as { ok: boolean }).ok;
};

test('BuildKit type=gha: main exports, a PR imports main and writes only its own scope, a sibling cannot see the PR', async () => {
  const MAIN = 'refs/heads/main';
  const PR = 'refs/pull/7/merge';
  const FEATURE = 'refs/heads/feature';
  const mainToken = svc.tokenForPush('main', 'main');
  const prToken = svc.tokenForPullRequest(7, 'main', 'main');
  const featureToken = svc.tokenForPush('feature', 'main');

  // 1. main, cold: both RUN steps execute and the export lands in main's scope.
  await prune();
  const main = await build(mainToken, 'main');
  expect(executed(main.output, 'ran-base')).toBe(true);
  expect(executed(main.output, 'ran-final-main')).toBe(true);
  expect(main.added.length).toBeGreaterThan(1);
  expect(new Set(main.added.map((e) => e.scope))).toEqual(new Set([MAIN]));
  expect(main.added.some((e) => e.key.startsWith('index-t-1-'))).toBe(true);
  expect(main.added.some((e) => e.key.startsWith('buildkit-blob-1-sha256:'))).toBe(true);

  // 2. PR after a prune: everything comes from main's cache; the export lands only in the PR's scope.
  await prune();
  const logStart = svc.requests().length;
  const prSame = await build(prToken, 'main');
  expect(runSteps(prSame.output)).toEqual([
    { name: expect.stringContaining('ran-base'), cached: true },
    { name: expect.stringContaining('ran-final'), cached: true },
  ]);
  expect(executed(prSame.output, 'ran-base') || executed(prSame.output, 'ran-final-main')).toBe(false);
  const prLookups = svc
    .requests()
    .slice(logStart)
    .filter((r) => r.method === 'GetCacheEntryDownloadURL' && r.entry);
  expect(prLookups.some((r) => r.entry?.scope === MAIN && r.entry.key.startsWith('index-t-1-'))).toBe(true);
  expect(prSame.added.length).toBeGreaterThan(0);
  expect(new Set(prSame.added.map((e) => e.scope))).toEqual(new Set([PR]));
  expect(svc.entries().filter((e) => e.scope === MAIN)).toHaveLength(main.added.length);

  // 3. PR with a change: the new layer is written to the PR's scope.
  const prChanged = await build(prToken, 'pr');
  expect(executed(prChanged.output, 'ran-final-pr')).toBe(true);
  expect(new Set(prChanged.added.map((e) => e.scope))).toEqual(new Set([PR]));
  expect(prChanged.added.some((e) => e.key.startsWith('buildkit-blob-1-'))).toBe(true);

  // 4. A sibling branch after a prune: main's part is cached, the PR's layer is not visible to it.
  await prune();
  const siblingStart = svc.requests().length;
  const sibling = await build(featureToken, 'pr');
  // The base step is reused from main's cache (its layer is downloaded, so BuildKit shows the
  // download instead of CACHED); the PR's layer for the changed step is not visible, so it runs.
  expect(executed(sibling.output, 'ran-base')).toBe(false);
  expect(executed(sibling.output, 'ran-final-pr')).toBe(true);
  const siblingHits = svc
    .requests()
    .slice(siblingStart)
    .filter((r) => r.entry && r.method === 'GetCacheEntryDownloadURL');
  expect(siblingHits.filter((r) => r.entry?.scope === PR)).toEqual([]);
  expect(siblingHits.some((r) => r.entry?.scope === MAIN && r.entry.key.startsWith('buildkit-blob-1-'))).toBe(
    true,
  );
  expect(new Set(sibling.added.map((e) => e.scope))).toEqual(new Set([FEATURE]));

  // 5. Every entry BuildKit wrote for the PR: readable with the PR's token, invisible to the sibling's.
  const prEntries = svc.entries().filter((e) => e.scope === PR);
  expect(prEntries.length).toBeGreaterThan(1);
  for (const e of prEntries) {
    expect(await lookupKey(prToken, e)).toBe(true);
    expect(await lookupKey(featureToken, e)).toBe(false);
  }
}, 240000);
