import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction, runStep } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  freshRunner,
  git,
  makeRepo,
  pullRequestEvent,
  pushEvent,
  REGISTRY,
  registryTags,
  reportOf,
  repository,
  uniqueName,
  useEngine,
} from './support';

// The planner's promises, on the real engine and registry: merge-base reads, merge queues and
// matrix legs that share one scope.
useEngine();

describe('a branch pushed off an old main commit', () => {
  const cacheRepo = `${uniqueName('e2e-plan')}/cache`;
  const inputs = { driver: 'docker', cache: 'registry', 'cache-image': `${REGISTRY}/${cacheRepo}` };
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let m1 = '';
  let m2 = '';
  let f1 = '';

  beforeAll(async () => {
    repo = await makeRepo();
    m1 = await git(repo.work, 'rev-parse', 'HEAD');
    // main builds M1; a branch starts at M1; main moves on and changes the lock file; main builds M2.
    await freshRunner();
    const first = await runAction({
      inputs,
      event: pushEvent('main', m1),
      workspace: await repo.checkout(m1),
      env: engineEnv(),
    });
    expect(first.main.exitCode).toBe(0);
    await git(repo.work, 'checkout', '-q', '-b', 'feature/old', m1);
    f1 = await repo.commit({ 'src.txt': 'src v2\n' }, 'feature work');
    await git(repo.work, 'checkout', '-q', 'main');
    m2 = await repo.commit({ 'deps.txt': 'deps v2\n' }, 'bump the lock file');
    await freshRunner();
    const second = await runAction({
      inputs,
      event: pushEvent('main', m2),
      workspace: await repo.checkout(m2),
      env: engineEnv(),
    });
    expect(second.main.exitCode).toBe(0);
  });

  it("hits the merge-base commit's cache from a depth-1 checkout, where main's newest cache misses", async () => {
    await freshRunner();
    // actions/checkout's default: one commit deep, no other branches.
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-shallow-'));
    await git(
      os.tmpdir(),
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'feature/old',
      `file://${repo.origin}`,
      ws,
    );
    expect(await git(ws, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const { main } = await runAction({
      inputs,
      event: pushEvent('feature/old', f1),
      workspace: ws,
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    expect(r.plan.reads.map((x) => x.ref)).toStrictEqual(['branch:feature/old', `sha:${m1}`, 'branch:main']);
    expect(r.imports.find((i) => i.source.endsWith(`default.sha-${m1}`))?.result).toBe('imported');
    // deps (COPY + RUN) come from M1; the sources changed, so build and final stages run.
    expect(main.outputs['cached-steps']).toBe('2');

    // The same build reading only main's newest cache (what a branch-only setup does) gets nothing.
    await freshRunner();
    const ws2 = await repo.checkout(f1);
    const mainOnly = await runAction({
      inputs: {
        driver: 'docker',
        cache: 'none',
        'cache-from': `type=registry,ref=${REGISTRY}/${cacheRepo}:default.branch-main`,
      },
      event: pushEvent('feature/old', f1),
      workspace: ws2,
      env: engineEnv(),
    });
    expect(mainOnly.main.exitCode).toBe(0);
    expect(mainOnly.main.outputs['cached-steps']).toBe('0');
  });

  let queueSha = '';
  it("a merge-queue commit hits its base branch's cache and writes its own commit's", async () => {
    await freshRunner();
    const queueRef = `refs/heads/gh-readonly-queue/main/pr-9-${f1}`;
    queueSha = await repo.merge(m2, f1, queueRef);
    const before = await registryTags(cacheRepo);
    const { main } = await runAction({
      inputs,
      event: {
        name: 'merge_group',
        ref: queueRef,
        sha: queueSha,
        payload: {
          action: 'checks_requested',
          merge_group: { head_sha: queueSha, head_ref: queueRef, base_sha: m2, base_ref: 'refs/heads/main' },
          repository: repository(),
        },
      },
      workspace: await repo.checkout(queueSha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    expect(r.plan.reads.map((x) => x.ref)).toStrictEqual(['branch:main', 'pr:9']);
    expect(r.imports.find((i) => i.source.endsWith('default.branch-main'))?.result).toBe('imported');
    expect(main.outputs['cached-steps']).toBe('2'); // deps v2 from main
    expect(main.outputs['cache-export']).toBe('ok');
    expect((await registryTags(cacheRepo)).filter((x) => !before.includes(x))).toStrictEqual([
      `default.sha-${queueSha}`,
    ]);
  });

  it("main fast-forwarded to the queue commit reads that commit's cache alone and hits every step", async () => {
    await freshRunner();
    await git(repo.work, 'push', '-q', 'origin', `${queueSha}:refs/heads/main`); // GitHub fast-forwards main
    const { main } = await runAction({
      inputs,
      event: pushEvent('main', queueSha),
      workspace: await repo.checkout(queueSha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    expect(main.outputs['cache-from']).toBe(
      `type=registry,ref=${REGISTRY}/${cacheRepo}:default.sha-${queueSha}`,
    );
    expect(r.plan.notes).toContain(
      `sha:${queueSha} was built from this very commit: it is read alone (more sources only make BuildKit miss at random)`,
    );
    expect(main.outputs['cached-steps']).toBe('5');
  });
});

describe('a branch brought up to date with main, then its pull request', () => {
  const cacheRepo = `${uniqueName('e2e-update')}/cache`;
  const inputs = { driver: 'docker', cache: 'registry', 'cache-image': `${REGISTRY}/${cacheRepo}` };
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let m2 = '';
  let u2 = '';
  const build = async (event: Parameters<typeof runAction>[0]['event'], sha: string) => {
    await freshRunner();
    const { main } = await runAction({
      inputs,
      event,
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    return main;
  };

  beforeAll(async () => {
    // main M1; feature/up from M1 changes a source; main M2 bumps the lock file; each is built.
    repo = await makeRepo();
    const m1 = await git(repo.work, 'rev-parse', 'HEAD');
    await build(pushEvent('main', m1), m1);
    await git(repo.work, 'checkout', '-q', '-b', 'feature/up', m1);
    const u1 = await repo.commit({ 'src.txt': 'src up\n' }, 'feature work');
    await build(pushEvent('feature/up', u1), u1);
    await git(repo.work, 'checkout', '-q', 'main');
    m2 = await repo.commit({ 'deps.txt': 'deps v2\n' }, 'bump the lock file');
    await build(pushEvent('main', m2), m2);
  });

  it("the push that merged main reads main's merged commit alone: the new lock file's layers hit", async () => {
    await git(repo.work, 'checkout', '-q', 'feature/up');
    await git(repo.work, 'merge', '-q', '--no-edit', 'main'); // GitHub's "Update branch"
    await git(repo.work, 'push', '-q', 'origin', 'feature/up');
    u2 = await git(repo.work, 'rev-parse', 'HEAD');
    const main = await build(pushEvent('feature/up', u2), u2);
    const r = reportOf(main.outputs);
    expect(r.plan.reads[0].ref).toBe(`sha:${m2}`);
    expect(main.outputs['cache-from']).toBe(`type=registry,ref=${REGISTRY}/${cacheRepo}:default.sha-${m2}`);
    // deps (COPY + RUN) from main's build; the branch's own cache has the old lock file's.
    expect(main.outputs['cached-steps']).toBe('2');
  });

  it("its pull request, whose merge commit holds the head's files, reads the head branch alone: fully cached", async () => {
    const merge = await repo.merge(m2, u2, 'refs/pull/3/merge');
    const main = await build(pullRequestEvent(3, 'feature/up', 'main', merge, false, u2), merge);
    const r = reportOf(main.outputs);
    expect(main.outputs['cache-from']).toMatch(
      new RegExp(`^type=registry,ref=${REGISTRY}/${cacheRepo}:default\\.branch-feature-up--[0-9a-f]{16}$`),
    );
    expect(r.plan.notes.some((n) => n.includes('was built from these very files'))).toBe(true);
    expect(main.outputs['cached-steps']).toBe('5');
  });
});

describe('matrix legs sharing one cache scope, built at the same time', () => {
  const dockerfile = `FROM ${BASE_IMAGE} AS common
RUN sleep 1 && echo common > /common
FROM common AS leg-a
RUN sleep 1 && echo a > /a
FROM common AS leg-b
RUN sleep 1 && echo b > /b
`;

  async function round(
    repo: Awaited<ReturnType<typeof makeRepo>>,
    sha: string,
    legInputs: (leg: 'a' | 'b') => Record<string, string>,
  ) {
    await freshRunner();
    const ws = await repo.checkout(sha);
    const runs = await Promise.all(
      (['a', 'b'] as const).map((leg) =>
        runStep({
          inputs: { driver: 'docker', target: `leg-${leg}`, ...legInputs(leg) },
          event: pushEvent('main', sha),
          workspace: ws,
          env: engineEnv(),
        }),
      ),
    );
    for (const r of runs) expect(r.exitCode).toBe(0);
    return runs.map((r) => Number(r.outputs['cached-steps']));
  }

  it('each leg keeps its own cache: on the second round every leg is fully cached', async () => {
    const repo = await makeRepo(dockerfile);
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const cacheRepo = `${uniqueName('e2e-legs')}/cache`;
    const legInputs = (leg: 'a' | 'b') => ({
      cache: 'registry',
      'cache-image': `${REGISTRY}/${cacheRepo}`,
      'cache-scope': 'app',
      'cache-leg': leg,
    });
    await round(repo, sha, legInputs);
    expect(await registryTags(cacheRepo)).toStrictEqual([
      'app.a.branch-main',
      `app.a.sha-${sha}`,
      'app.b.branch-main',
      `app.b.sha-${sha}`,
    ]);
    expect(await round(repo, sha, legInputs)).toStrictEqual([2, 2]);
  });
});
