import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from './run-action';
import {
  branchDeleted,
  engineEnv,
  freshRunner,
  git,
  makeRepo,
  pushEvent,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// `cache: local` without `cache-dir`: each ref's folder restored and saved through the local
// GitHub Actions cache service (Azurite blobs) by the bundled action, on the real engine.
const t = useEngine({ gha: true });

type Step = Awaited<ReturnType<typeof runAction>>['main'];

/** A green step; else the failure shows the step's log tail, so CI's output alone explains it. */
function green(step: Step): Step {
  if (step.exitCode !== 0)
    throw new Error(`exit ${step.exitCode}\n--- step log (tail) ---\n${step.log.slice(-6000)}`);
  return step;
}
const folders = (step: Step) => reportOf(step.outputs).localCache!.folders;
const written = (step: Step, name: string) =>
  folders(step).find((f) => f.direction === 'write' && f.name === name)!;

describe('cache: local through the GitHub Actions cache', () => {
  const scope = uniqueName('loc');
  const inputs = { driver: 'docker', cache: 'local', 'cache-scope': scope };
  const env = () => ({ ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) });
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let mainSha = '';

  beforeAll(async () => {
    repo = await makeRepo();
    mainSha = await git(repo.work, 'rev-parse', 'HEAD');
  });

  it('cold: nothing to restore, the written folders are saved; warm on a fresh runner: fully cached', async () => {
    await freshRunner();
    const since = Date.now();
    const cold = await runAction({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env: env(),
    });
    expect(cold.main.exitCode).toBe(0);
    expect(cold.main.outputs['cached-steps']).toBe('0');
    expect(
      folders(cold.main)
        .filter((f) => f.direction === 'read')
        .map((f) => f.restore),
    ).toStrictEqual(['miss', 'miss']);
    expect(written(cold.main, `${scope}.branch-main`).saved).toBe(true);
    expect(written(cold.main, `${scope}.sha-${mainSha}`).saved).toBe(true);
    const saved = t.svc
      .entries()
      .filter((e) => e.createdAt.getTime() >= since && e.key.startsWith('bkca-local-v1/'));
    expect(saved.map((e) => e.scope)).toStrictEqual(['refs/heads/main', 'refs/heads/main']);
    // The folders are in the runner's temp folder, not in the checkout.
    expect(cold.main.outputs['cache-to']).toContain(`/bkca-local-cache/${scope}.branch-main,`);

    await freshRunner();
    const warm = await runAction({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env: env(),
    });
    expect(warm.main.exitCode).toBe(0);
    expect(warm.main.outputs['cached-steps']).toBe('5');
    const read = folders(warm.main).find((f) => f.name === `${scope}.sha-${mainSha}`)!;
    expect(read.restore).toBe('hit');
  });

  it("a deleted branch takes its folder from the GitHub cache; main's stay", async () => {
    await git(repo.work, 'checkout', '-q', '-b', 'topic', mainSha);
    const sha = await repo.commit({ 'src.txt': 'src on topic\n' }, 'topic change');
    const push = await runAction({
      inputs,
      event: pushEvent('topic', sha),
      workspace: await repo.checkout(sha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('topic')) },
    });
    expect(written(green(push.main), `${scope}.branch-topic`).saved).toBe(true);
    const keys = (ref: string) =>
      t.svc
        .entries()
        .filter((e) => e.scope === ref && e.key.startsWith(`bkca-local-v1/${scope}.`))
        .map((e) => e.key);
    const main = keys('refs/heads/main');
    expect(keys('refs/heads/topic')).toHaveLength(1);
    const deleted = await runAction({
      inputs: { ...inputs, 'github-token': t.svc.githubToken },
      event: branchDeleted('topic', mainSha),
      workspace: repo.work,
      env: { ...engineEnv(), GITHUB_API_URL: t.svc.apiUrl },
    });
    expect(green(deleted.main).log).not.toContain('::warning::');
    expect(reportOf(deleted.main.outputs).cleanup?.deleted.map((d) => d.name)).toStrictEqual([
      `${scope}.branch-topic`,
    ]);
    expect(keys('refs/heads/topic')).toStrictEqual([]);
    expect(keys('refs/heads/main')).toStrictEqual(main);
  });

  it('bounded: after 10 source-changing pushes the folder is within 1.2x of a single export', async () => {
    const sizes: number[] = [];
    let pruned = 0;
    for (let n = 1; n <= 10; n++) {
      await git(repo.work, 'checkout', '-q', 'main');
      const sha = await repo.commit(
        { 'src.txt': `source change ${n}\n${'x'.repeat(20000 + n)}\n` },
        `push ${n}`,
      );
      const { main } = await runAction({
        inputs,
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: env(),
      });
      const folder = written(green(main), `${scope}.branch-main`);
      expect(folder).toMatchObject({ saved: true, error: '' });
      sizes.push(folder.bytes);
      pruned += folder.prunedBlobs;
    }
    expect(pruned).toBeGreaterThan(0);
    // The first of these pushes exported into a folder restored from the cold run: its pruned size is one export.
    const single = sizes[0];
    expect(Math.max(...sizes)).toBeLessThanOrEqual(single * 1.2);
  }, 600000);
});

describe('cache: local with cache-dir: an older export picked by digest (cache-options)', () => {
  it('after two exports, reading the first by digest gives the first build its steps', async () => {
    const scope = uniqueName('dig');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-digest-'));
    const inputs = { driver: 'docker', cache: 'local', 'cache-dir': cacheDir, 'cache-scope': scope };
    const repo = await makeRepo();
    const first = await git(repo.work, 'rev-parse', 'HEAD');
    const folder = path.join(cacheDir, `${scope}.branch-main`);
    const push = async (sha: string, extra: Record<string, string> = {}) => {
      await freshRunner();
      const { main } = await runAction({
        inputs: { ...inputs, ...extra },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: engineEnv(),
      });
      return green(main);
    };
    await push(first);
    const firstDigest = (
      JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as {
        manifests: { digest: string }[];
      }
    ).manifests[0].digest;
    const second = await repo.commit({ 'src.txt': 'src v2\n' }, 'second');
    await push(second);
    // A new commit with the first build's files: only the branch folder (now the second export) holds them.
    const back = await repo.commit({ 'src.txt': 'src v1\n' }, 'back to the first sources');
    const latest = await push(back, { 'cache-write': 'never' });
    expect(latest.outputs['cached-steps']).toBe('2'); // the newest export: deps only
    const byDigest = await push(back, { 'cache-write': 'never', 'cache-options': `digest=${firstDigest}` });
    expect(byDigest.outputs['cache-from']).toContain(`digest=${firstDigest}`);
    expect(byDigest.outputs['cached-steps']).toBe('5');
  }, 300000);
});
