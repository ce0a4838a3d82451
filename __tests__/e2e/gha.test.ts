import { LIST_METHODS } from '../../test-services/gha-cache';
import { runAction, runStep } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  expectOutputs,
  freshRunner,
  git,
  makeRepo,
  pullRequestEvent,
  pushEvent,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// The default backend, gha, end to end: the bundled action on the real engine, BuildKit's gha client
// talking to the local cache service (Azurite blobs), with tokens scoped as GitHub scopes them.
// The service answers only the calls GitHub guarantees a job's token (ListCacheEntries and
// LookupCacheEntry off), except where a test turns them on.
const t = useEngine({ gha: true });

/** ListCacheEntries / LookupCacheEntry requests since `since` (the action must make none). */
const listCallsSince = (since: number) =>
  t.svc
    .requests()
    .filter((r) => r.time.getTime() >= since && (LIST_METHODS as readonly string[]).includes(r.method));

/** Entries the service holds that were created after `since`, by scope. */
const scopesWrittenSince = (since: number) =>
  [
    ...new Set(
      t.svc
        .entries()
        .filter((e) => e.createdAt.getTime() >= since)
        .map((e) => e.scope),
    ),
  ].sort();

describe('gha: main, a pull request, a sibling branch', () => {
  // A unique scope per test run keeps reruns on one service independent.
  const scope = uniqueName('app');
  const inputs = { driver: 'docker', cache: 'gha', 'cache-scope': scope };
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let mainSha = '';
  let mergeSha = '';

  beforeAll(async () => {
    repo = await makeRepo();
    mainSha = await git(repo.work, 'rev-parse', 'HEAD');
  });

  it('1. a push to main exports; after pruning, the next main build is fully cached (list calls on)', async () => {
    // The one run with the service's list calls on: the action still never makes them.
    t.svc.setListCalls(true);
    await freshRunner();
    const since = Date.now();
    const env = { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) };
    const cold = await runAction({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env,
    });
    expect(cold.main.exitCode).toBe(0);
    expect(cold.main.outputs['cached-steps']).toBe('0');
    expect(cold.main.outputs['cache-export']).toBe('ok');
    expect(cold.main.log).toContain('GitHub cache scopes: refs/heads/main (read+write)');
    expect(scopesWrittenSince(since)).toStrictEqual(['refs/heads/main']);
    expect(t.svc.entries().some((e) => e.key.startsWith(`index-${scope}.branch-main-`))).toBe(true);

    await freshRunner();
    const warm = await runAction({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env,
    });
    expect(warm.main.exitCode).toBe(0);
    expect(warm.main.outputs['cached-steps']).toBe('5');
    expect(warm.main.outputs['cache-hit-ratio']).toBe('1.00');
    expect(listCallsSince(since)).toStrictEqual([]);
    t.svc.setListCalls(false);
  });

  it("2. a pull request imports main's cache and writes only its own scope", async () => {
    await freshRunner();
    await git(repo.work, 'checkout', '-q', '-b', 'feature/pr', mainSha);
    const head = await repo.commit({ 'src.txt': 'src from the PR\n' }, 'PR change');
    mergeSha = await repo.merge(mainSha, head, 'refs/pull/7/merge');
    const since = Date.now();
    const { main } = await runAction({
      inputs,
      event: pullRequestEvent(7, 'feature/pr', 'main', mergeSha),
      workspace: await repo.checkout(mergeSha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPullRequest(7, 'main')) },
    });
    expect(main.exitCode).toBe(0);
    expect(main.log).toContain('GitHub cache scopes: refs/pull/7/merge (read+write), refs/heads/main (read)');
    expect(reportOf(main.outputs).tokenScopes).toStrictEqual([
      { scope: 'refs/pull/7/merge', read: true, write: true },
      { scope: 'refs/heads/main', read: true, write: false },
    ]);
    expect(main.outputs['cached-steps']).toBe('2'); // deps from main; the PR changed the sources
    expect(main.outputs['cache-export']).toBe('ok');
    expect(scopesWrittenSince(since)).toStrictEqual(['refs/pull/7/merge']);
  });

  it("3. a sibling branch cannot read the pull request's entries", async () => {
    await freshRunner();
    // Same content as the PR's merge commit: only the PR's cache could make its build stage hit.
    const since = Date.now();
    const { main } = await runAction({
      inputs,
      event: pushEvent('feature/sibling', mergeSha),
      workspace: await repo.checkout(mergeSha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('feature/sibling')) },
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs['cached-steps']).toBe('2'); // deps from main only
    const matched = t.svc
      .requests()
      .filter((r) => r.time.getTime() >= since && r.entry && r.method === 'GetCacheEntryDownloadURL');
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.filter((r) => r.entry!.scope === 'refs/pull/7/merge')).toStrictEqual([]);
  });
});

describe("gha: a branch's first push, in the job summary", () => {
  it("names the merge-base commit's ref on its imported row, and marks its own missing cache in the plan", async () => {
    const scope = uniqueName('first');
    const inputs = { driver: 'docker', cache: 'gha', 'cache-scope': scope };
    const repo = await makeRepo();
    const m1 = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    const onMain = await runAction({
      inputs,
      event: pushEvent('main', m1),
      workspace: await repo.checkout(m1),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
    });
    expect(onMain.main.outputs['cache-export']).toBe('ok');
    await git(repo.work, 'checkout', '-q', '-b', 'feature/login', m1);
    const f1 = await repo.commit({ 'src.txt': 'src for the login form\n' }, 'login form');
    await freshRunner();
    const { main } = await runAction({
      inputs,
      event: pushEvent('feature/login', f1),
      workspace: await repo.checkout(f1),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('feature/login')) },
    });
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    // The branch has no cache yet: left out before the build, so BuildKit never imports it.
    expect(main.outputs['cache-from']).not.toContain('branch-feature-login');
    expect(r.imports.map((i) => i.ref)).not.toContain('branch:feature/login');
    const mergeBase = r.imports.find((i) => i.ref === `sha:${m1}`);
    expect(mergeBase).toMatchObject({
      result: 'imported',
      mapped: 'id',
      entry: `type=gha,scope=${scope}.sha-${m1}`,
    });
    expect(mergeBase?.source).toMatch(/^gha:\d+$/);
    expect(main.summary).toContain(
      `| \`sha:${m1}\` (the merge-base with main: its dependency files match this commit best) | ✅ imported |`,
    );
    expect(main.summary).toContain(
      '- **read** `branch:feature/login`: own branch: the newest build of this branch → **not read**: not found (checked before the build)',
    );
    expect(main.summary).toMatch(/^Imported: .*`sha:[0-9a-f]+`.*BuildKit does not tell which of them/m);
    // No BuildKit-internal id is left: every import was traced back to its entry.
    expect(main.summary).not.toMatch(/gha:\d+/);
    expect(main.outputs['cached-steps']).toBe('2'); // deps from m1; the sources changed
  }, 120000);
});

describe('gha: a pull request from a fork', () => {
  it("writes only its own scope, so its next run is fully cached; main's scope is untouched", async () => {
    const scope = uniqueName('fork');
    const inputs = { driver: 'docker', cache: 'gha', 'cache-scope': scope };
    const repo = await makeRepo();
    const mainSha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    const onMain = await runAction({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
    });
    expect(onMain.main.outputs['cache-export']).toBe('ok');
    await git(repo.work, 'checkout', '-q', '-b', 'fork/fix', mainSha);
    const head = await repo.commit({ 'src.txt': 'src from a fork\n' }, 'fork change');
    const mergeSha = await repo.merge(mainSha, head, 'refs/pull/8/merge');
    const job = async () => {
      await freshRunner();
      return runAction({
        inputs,
        event: pullRequestEvent(8, 'fork/fix', 'main', mergeSha, true),
        workspace: await repo.checkout(mergeSha),
        env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPullRequest(8, 'main')) },
      });
    };
    const since = Date.now();
    const first = await job();
    expect(first.main.exitCode).toBe(0);
    // GetCacheEntryDownloadURL found no cache of its own yet: only main's is read.
    expect(first.main.outputs['cache-from']).toBe(`type=gha,scope=${scope}.branch-main`);
    // Its own scope, found missing before the build, is marked in the plan, not among the imports.
    const firstReport = reportOf(first.main.outputs);
    expect(firstReport.plan.reads.find((x) => x.ref === 'pr:8')?.notRead).toBe(
      'not found (checked before the build)',
    );
    expect(firstReport.imports.map((i) => i.ref)).toStrictEqual(['branch:main']);
    expect(first.main.outputs['cache-to']).toBe(`type=gha,scope=${scope}.pr-8,mode=max,ignore-error=true`);
    expect(first.main.outputs['cache-export']).toBe('ok');
    expect(scopesWrittenSince(since)).toStrictEqual(['refs/pull/8/merge']);
    const second = await job();
    // Its own cache exists now: read alone (main's too would make BuildKit miss at random).
    expectOutputs(second.main, {
      'cache-from': `type=gha,scope=${scope}.pr-8`,
      'cached-steps': '5',
      'cache-export': 'ok',
    });
    expect(reportOf(second.main.outputs).plan.notes).toContain(
      "pr:8 holds this ref's earlier runs: it is read alone (more sources only make BuildKit miss at random)",
    );
    // Known from the lookups BuildKit makes: the service refused every list call, and none was made.
    expect(listCallsSince(since)).toStrictEqual([]);
    expect(
      t.svc
        .requests()
        .filter((r) => r.time.getTime() >= since && r.method === 'GetCacheEntryDownloadURL')
        .some((r) => r.key?.startsWith(`index-${scope}.pr-8-1-`)),
    ).toBe(true);
  });
});

describe('gha: two matrix legs in one scope, built at the same time', () => {
  it('both keep their cache: on the second round every leg is fully cached', async () => {
    const repo = await makeRepo(`FROM ${BASE_IMAGE} AS common
RUN sleep 1 && echo common > /common
FROM common AS leg-a
RUN sleep 1 && echo a > /a
FROM common AS leg-b
RUN sleep 1 && echo b > /b
`);
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const scope = uniqueName('matrix');
    const env = { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) };
    const round = async () => {
      await freshRunner();
      const ws = await repo.checkout(sha);
      const runs = await Promise.all(
        (['a', 'b'] as const).map((leg) =>
          runStep({
            inputs: {
              driver: 'docker',
              target: `leg-${leg}`,
              'cache-scope': scope,
              'cache-leg': leg,
              'cache-read-legs': 'a,b',
            },
            event: pushEvent('main', sha),
            workspace: ws,
            env,
          }),
        ),
      );
      for (const r of runs) expect(r.exitCode).toBe(0);
      return runs.map((r) => r.outputs['cached-steps']);
    };
    await round();
    expect(await round()).toStrictEqual(['2', '2']);
  });
});

describe('gha: the cache service failing during export leaves the build green', () => {
  const cases = [
    {
      title: '429 with Retry-After',
      set: () =>
        t.svc.faults.rateLimit({ count: Infinity, method: 'CreateCacheEntry', retryAfterSeconds: 1 }),
      // BuildKit honours Retry-After and keeps retrying a throttled export: the watchdog ends it.
      timeout: '15s',
    },
    {
      title: '5xx',
      set: () => t.svc.faults.serverError({ count: Infinity, method: 'CreateCacheEntry', status: 503 }),
      timeout: '60s',
    },
    { timeout: '60s', title: 'no writable scopes', set: () => t.svc.faults.noWritableScopes(true) },
  ];
  it.each(cases)('$title: cache-export=failed with a warning, image built', async ({ set, timeout }) => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    set();
    const { main } = await runAction({
      inputs: { driver: 'docker', 'cache-scope': uniqueName('fault'), 'cache-export-timeout': timeout },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-export']).toBe('failed');
    expect(main.log).toMatch(/::warning::cache export failed/);
    expect(reportOf(main.outputs).export.status).toBe('failed');
  });

  it('a hanging service is cut off by cache-export-timeout', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    t.svc.faults.hang({ method: 'CreateCacheEntry' });
    const started = Date.now();
    const { main } = await runAction({
      inputs: { driver: 'docker', 'cache-scope': uniqueName('hang'), 'cache-export-timeout': '8s' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-export']).toBe('failed');
    expect(reportOf(main.outputs).export.reason).toMatch(/timed out after 8s/);
    expect(Date.now() - started).toBeLessThan(90000);
  });
});

describe("gha: the job's cache token decides what is written", () => {
  it('a read-only token on a push to main: no export attempt, no warning, one note, a green build', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    const since = Date.now();
    const { main } = await runAction({
      inputs: { driver: 'docker', 'cache-scope': uniqueName('readonly') },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      // What `cache-mode: read` (or an untrusted trigger) hands the job.
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenReadOnly('main')) },
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-export']).toBe('skipped');
    const report = reportOf(main.outputs);
    expect(report.export.reason).toBe(
      "the job's cache token is read-only here: `cache-mode: read`, or an untrusted trigger",
    );
    expect(report.export.destinations).toStrictEqual([]);
    expect(main.log).not.toContain('::warning::');
    expect(main.log.split('\n').filter((l) => l.includes("note: the job's cache token"))).toHaveLength(1);
    const creates = t.svc
      .requests()
      .filter((r) => r.time.getTime() >= since && r.method === 'CreateCacheEntry');
    expect(creates).toStrictEqual([]);
  });
});

describe("gha: a matrix over GitHub's limit of new cache entries", () => {
  it("every build is green; the refused legs say cache-export=failed, in the rate limit's words", async () => {
    const legs = ['a', 'b', 'c'] as const;
    const repo = await makeRepo(`FROM ${BASE_IMAGE} AS common
RUN echo common-${uniqueName('c')} > /common
${legs.map((l) => `FROM common AS leg-${l}\nRUN echo ${l} > /${l}\n`).join('')}`);
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const scope = uniqueName('ratelimit');
    const env = { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) };
    // Far fewer new entries a minute than three cold legs in mode=max create.
    t.svc.setEntryRateLimit({ perWindow: 4 });
    const since = Date.now();
    await freshRunner();
    const ws = await repo.checkout(sha);
    const runs = await Promise.all(
      legs.map((leg) =>
        runStep({
          inputs: {
            driver: 'docker',
            target: `leg-${leg}`,
            'cache-scope': scope,
            'cache-leg': leg,
            // BuildKit retries a 429 until this, then gives up with Twirp's code.
            'cache-options': 'timeout=10s',
          },
          event: pushEvent('main', sha),
          workspace: ws,
          env,
        }),
      ),
    );
    const refusals = t.svc
      .requests()
      .filter((r) => r.time.getTime() >= since && r.method === 'CreateCacheEntry' && r.status === 429);
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of runs) {
      expect(r.exitCode).toBe(0);
      expect(r.outputs.digest).toMatch(/^sha256:/);
    }
    const failed = runs.filter((r) => r.outputs['cache-export'] === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(reportOf(r.outputs).export.reason).toMatch(
        /^GitHub's cache rate limit \(200 new entries a minute per repository\) was reached/,
      );
      expect(r.log).toContain(
        "::warning::cache export failed: GitHub's cache rate limit (200 new entries a minute per repository)",
      );
      expect(r.log).not.toMatch(/::warning::.*resource_exhausted/);
    }
    for (const r of runs.filter((x) => x.outputs['cache-export'] !== 'failed')) {
      expect(r.outputs['cache-export']).toBe('ok');
    }
  });
});
