import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from './run-action';
import {
  engineEnv,
  freshRunner,
  git,
  makeRepo,
  pullRequestEvent,
  pushEvent,
  REGISTRY,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// Issue 21's four steps, on the real engine, on both backends: main builds at c1; topic is cut from
// c1 and built; main bumps its lock file at c2 and builds; topic is rebased onto c2 and
// force-pushed. The rebased push must read c2's cache (the new lock file's layers), not its own
// branch's (the old lock file's). Then its pull request, whose head was force-pushed.
const t = useEngine({ gha: true });

type Backend = 'gha' | 'registry';
const setups: { backend: Backend; inputs: () => Record<string, string> }[] = [
  { backend: 'gha', inputs: () => ({ driver: 'docker', cache: 'gha', 'cache-scope': uniqueName('rebase') }) },
  {
    backend: 'registry',
    inputs: () => ({
      driver: 'docker',
      cache: 'registry',
      'cache-image': `${REGISTRY}/${uniqueName('e2e-rebase')}/cache`,
    }),
  },
];

/** A push as GitHub sends it: before, after and forced (a branch's first push has before 0…0). */
function pushed(branch: string, before: string, after: string, forced: boolean | undefined) {
  const event = pushEvent(branch, after);
  const extra = forced === undefined ? {} : { forced };
  return { ...event, payload: { ...event.payload, before, ...extra } };
}

/** actions/checkout's default: one commit deep, this branch only. */
async function shallowCheckout(origin: string, branch: string): Promise<string> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-rebase-'));
  await git(os.tmpdir(), 'clone', '-q', '--depth', '1', '--branch', branch, `file://${origin}`, ws);
  return ws;
}

describe.each(setups)(
  '$backend: a branch rebased onto main and force-pushed',
  ({ backend, inputs: make }) => {
    const inputs = make();
    let repo: Awaited<ReturnType<typeof makeRepo>>;
    let c2 = '';
    let t1 = '';
    let r1 = '';
    const envFor = (token: () => string) => ({
      ...engineEnv(),
      ...(backend === 'gha' ? t.svc.env(token()) : {}),
    });
    const pushEnv = (branch: string) => envFor(() => t.svc.tokenForPush(branch));

    beforeAll(async () => {
      repo = await makeRepo();
      const c1 = await git(repo.work, 'rev-parse', 'HEAD');
      const build = async (event: ReturnType<typeof pushed>, sha: string, branch: string) => {
        await freshRunner();
        const { main } = await runAction({
          inputs,
          event,
          workspace: await repo.checkout(sha),
          env: pushEnv(branch),
        });
        expect(main.exitCode).toBe(0);
        expect(main.outputs['cache-export']).toBe('ok');
      };
      await build(pushed('main', '0'.repeat(40), c1, false), c1, 'main'); // 1. main at c1
      await git(repo.work, 'checkout', '-q', '-b', 'topic', c1);
      t1 = await repo.commit({ 'src.txt': 'src topic\n' }, 'topic work');
      await build(pushed('topic', '0'.repeat(40), t1, false), t1, 'topic'); // 2. topic from c1
      await git(repo.work, 'checkout', '-q', 'main');
      c2 = await repo.commit({ 'deps.txt': 'deps v2\n' }, 'bump the lock file');
      await build(pushed('main', c1, c2, false), c2, 'main'); // 3. main bumps its lock file
      await git(repo.work, 'checkout', '-q', 'topic');
      await git(repo.work, 'rebase', '-q', 'main');
      await git(repo.work, 'push', '-q', '--force', 'origin', 'topic'); // 4. rebased, force-pushed
      r1 = await git(repo.work, 'rev-parse', 'HEAD');
    }, 240000);

    it.each([
      { how: 'forced: true in the payload', forced: true as boolean | undefined },
      {
        how: 'no forced in the payload: git finds before off the new history, one commit deep',
        forced: undefined,
      },
    ])(
      "the rebased push reads c2's cache alone, and the dependency steps hit ($how)",
      async ({ forced }) => {
        await freshRunner();
        const { main } = await runAction({
          inputs,
          event: pushed('topic', t1, r1, forced),
          workspace: await shallowCheckout(repo.origin, 'topic'),
          env: pushEnv('topic'),
        });
        expect(main.exitCode).toBe(0);
        const r = reportOf(main.outputs);
        expect(r.plan.reads[0]).toMatchObject({ ref: `sha:${c2}` });
        expect(main.outputs['cache-from']).toMatch(new RegExp(`^type=${backend}[^ ]*sha-${c2}$`));
        expect(r.plan.notes).toContain(
          `sha:${c2} is the new merge-base with main: this push rewrote the branch's history, so its last build started from another base: it is read alone (more sources only make BuildKit miss at random)`,
        );
        expect(r.imports.find((i) => i.ref === `sha:${c2}`)?.result).toBe('imported');
        // deps (COPY + RUN) come from c2's build; the sources differ from c2's, so the rest runs.
        expect(main.outputs['cached-steps']).toBe('2');
        expect(main.outputs['cache-export']).toBe('ok');
      },
      120000,
    );

    it("its pull request, whose head was force-pushed, reads the merge's base commit alone, not the head branch", async () => {
      const merge = await repo.merge(c2, r1, 'refs/pull/5/merge');
      const event = pullRequestEvent(5, 'topic', 'main', merge, false, r1);
      await freshRunner();
      const { main } = await runAction({
        inputs,
        event: { ...event, payload: { ...event.payload, before: t1, after: r1 } },
        workspace: await repo.checkout(merge),
        env: envFor(() => t.svc.tokenForPullRequest(5, 'main')),
      });
      expect(main.exitCode).toBe(0);
      const r = reportOf(main.outputs);
      expect(r.plan.reads[0]).toMatchObject({ ref: `sha:${c2}` });
      expect(main.outputs['cache-from']).toMatch(new RegExp(`^type=${backend}[^ ]*sha-${c2}$`));
      expect(main.outputs['cached-steps']).toBe('2');
    }, 120000);
  },
);
