import { exec, type Exec } from '../../src/lib/exec';
import { isAncestor } from '../../src/git/ancestry';
import { gatherFacts } from '../../src/facts/facts';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { type GitSandbox, gitSandbox } from './git-sandbox';

// Real git (git-sandbox.ts): a work clone that rebases and force-pushes, and CI-like checkouts.

let box: GitSandbox;
let root: string;
let env: NodeJS.ProcessEnv;
const sha: Record<string, string> = {};
const git = (cwd: string, ...args: string[]) => box.git(cwd, ...args);
const commit = (cwd: string, label: string) => box.commit(cwd, label);
const checkout = (ref: string, shallow: boolean) => box.checkout(ref, shallow);

function recordingExec(): {
  exec: Exec;
  fetches: () => string[];
  fetchTimeouts: () => (number | undefined)[];
} {
  const calls: { args: string[]; timeoutMs?: number }[] = [];
  const fetchCalls = () => calls.filter((c) => c.args.includes('fetch'));
  return {
    exec: (command, args, options) => {
      calls.push({ args: [...args], timeoutMs: options?.timeoutMs });
      return exec(command, args, options);
    },
    fetches: () => fetchCalls().map((c) => c.args.slice(c.args.indexOf('fetch') + 1).join(' ')),
    fetchTimeouts: () => fetchCalls().map((c) => c.timeoutMs),
  };
}

beforeAll(async () => {
  box = await gitSandbox('bkca-ancestry-', sha);
  ({ root, env } = box);
  const { work } = box;
  // main c1; topic from c1: t1; main c2; topic pushed on with t2 t3 t4 (a push of three commits);
  // then topic rebased onto c2 (r1..r4) and force-pushed; the old head t4 is kept as `old-topic`.
  await commit(work, 'c1');
  await git(work, 'checkout', '--quiet', '-b', 'topic');
  await commit(work, 't1');
  await git(work, 'checkout', '--quiet', 'main');
  await commit(work, 'c2');
  await git(work, 'checkout', '--quiet', 'topic');
  for (const label of ['t2', 't3', 't4']) await commit(work, label);
  await git(work, 'branch', 'old-topic');
  await git(work, 'checkout', '--quiet', '-b', 'rebased', 'main');
  for (const label of ['r1', 'r2', 'r3', 'r4']) await commit(work, label);
  await git(work, 'push', '--quiet', 'origin', 'main', 'topic', 'old-topic', 'rebased');
  // A push of 120 commits on c2 (one git fast-import), further than the fetches reach.
  let stream = '';
  for (let i = 1; i <= 120; i++) {
    const message = `long ${i}\n`;
    stream += `commit refs/heads/long\nmark :${i}\ncommitter T <t@example.com> ${1_700_000_000 + i} +0000\n`;
    stream += `data ${Buffer.byteLength(message)}\n${message}${i === 1 ? `from ${sha.c2}` : `from :${i - 1}`}\n\n`;
  }
  const imported = await exec('git', ['fast-import', '--quiet'], { cwd: work, env, input: stream });
  if (imported.exitCode !== 0) throw new Error(imported.stderr);
  await git(work, 'push', '--quiet', 'origin', 'long');
  // A pull request's merge commit of the rebased head into main (refs/pull/7/merge on GitHub).
  await git(work, 'checkout', '--quiet', '-b', 'pr-merge', 'main');
  await git(work, 'merge', '--quiet', '--no-ff', '--no-edit', 'rebased');
  sha.merge = await git(work, 'rev-parse', 'HEAD');
  await git(work, 'push', '--quiet', 'origin', 'pr-merge');
}, 60_000);

afterAll(() => box?.remove());

describe("isAncestor: is the head a push replaced still in the new head's history?", () => {
  it.each([
    {
      title: 'a one-commit push: before is the parent, no fetch',
      branch: 'topic',
      before: 't3',
      shallow: true,
      want: true,
      fetched: 0,
    },
    {
      title: 'a push of three commits, one commit deep: fetched ten deep once',
      branch: 'topic',
      before: 't1',
      shallow: true,
      want: true,
      fetched: 1,
    },
    {
      title: 'the same push in a full checkout: no fetch',
      branch: 'topic',
      before: 't1',
      shallow: false,
      want: true,
      fetched: 0,
    },
    {
      title: 'a rebase in a full checkout: no',
      branch: 'rebased',
      before: 't4',
      shallow: false,
      want: false,
      fetched: 0,
    },
    {
      title: 'a rebase, one commit deep: both fetched ten deep, a common ancestor found',
      branch: 'rebased',
      before: 't4',
      shallow: true,
      want: false,
      fetched: 1,
    },
  ])('$title', async ({ branch, before, shallow, want, fetched }) => {
    const dir = await checkout(branch, shallow);
    const rec = recordingExec();
    expect(await isAncestor(rec.exec, { cwd: dir, env, before: sha[before] })).toStrictEqual({
      ancestor: want,
    });
    expect(rec.fetches()).toHaveLength(fetched);
  });

  it('a rebase one commit deep fetches the head and before by sha, ten commits deep, once', async () => {
    const dir = await checkout('rebased', true);
    const rec = recordingExec();
    await isAncestor(rec.exec, { cwd: dir, env, before: sha.t4 });
    expect(rec.fetches()).toStrictEqual([
      `--no-tags --no-recurse-submodules --depth=10 origin ${sha.r4} ${sha.t4}`,
    ]);
  });

  it.each([
    {
      title: 'a before the remote does not have',
      before: 'f'.repeat(40),
      reason: /^could not fetch f{40}: /,
    },
    { title: 'not a sha (never handed to git)', before: 'HEAD; touch pwned', reason: /is not a commit sha$/ },
  ])('$title: unknown, with the reason', async ({ before, reason }) => {
    const dir = await checkout('rebased', true);
    const got = await isAncestor(exec, { cwd: dir, env, before });
    expect(got.ancestor).toBeNull();
    expect('reason' in got && got.reason).toMatch(reason);
  });

  it('a push longer than the fetches reach, one commit deep: unknown after two fetches of 30 s at most', async () => {
    const dir = await checkout('long', true);
    const rec = recordingExec();
    const got = await isAncestor(rec.exec, { cwd: dir, env, before: sha.c2 });
    expect(got).toStrictEqual({
      ancestor: null,
      reason: `the shallow checkout does not place ${sha.c2}, even 100 commits deep`,
    });
    expect(rec.fetches().map((f) => f.split(' ')[2])).toStrictEqual(['--depth=10', '--depth=100']);
    expect(rec.fetchTimeouts()).toStrictEqual([30_000, 30_000]);
  });

  it('outside a checkout: unknown, not an error', async () => {
    const got = await isAncestor(exec, { cwd: root, env, before: sha.t4 });
    expect(got).toMatchObject({ ancestor: null });
  });
});

describe('gatherFacts: the facts a rebased push and a force-pushed pull request give the rules', () => {
  const repoEnv = (event: string, ref: string, head: string, workspace: string) => ({
    GITHUB_EVENT_NAME: event,
    GITHUB_REF: ref,
    GITHUB_SHA: head,
    GITHUB_WORKSPACE: workspace,
  });
  const repository = { full_name: 'octo-org/octo-repo', default_branch: 'main' };

  it('a push without forced whose before is not in the history: rewritten, with the new merge-base', async () => {
    const dir = await checkout('rebased', true);
    const ctx = runContextFrom(environmentFrom(repoEnv('push', 'refs/heads/rebased', sha.r4, dir)).github, {
      before: sha.t4,
      after: sha.r4,
      repository,
    });
    const f = await gatherFacts(
      exec,
      { ...ctx },
      { mergeBase: true, parent: false, headCommit: false, rewrite: true },
      '',
    );
    expect(f).toMatchObject({ rewritten: true, mergeBase: sha.c2 });
  });

  it.each([
    {
      what: "a synchronize whose before is not in the head's history: rewritten, with the merge's base commit",
      before: () => sha.t4,
      facts: () => ({ rewritten: true, baseCommit: sha.c2, mergeIsHead: true }),
    },
    {
      what: 'a synchronize that only added commits: not rewritten',
      before: () => sha.r3,
      facts: () => ({ rewritten: false }),
    },
  ])('$what', async ({ before, facts }) => {
    const dir = await checkout('pr-merge', true);
    const ctx = runContextFrom(
      environmentFrom(repoEnv('pull_request', 'refs/pull/7/merge', sha.merge, dir)).github,
      {
        action: 'synchronize',
        before: before(),
        after: sha.r4,
        number: 7,
        pull_request: {
          number: 7,
          head: { ref: 'rebased', sha: sha.r4, repo: repository },
          base: { ref: 'main', repo: repository },
        },
        repository,
      },
    );
    const f = await gatherFacts(
      exec,
      ctx,
      { mergeBase: false, parent: false, headCommit: true, rewrite: true },
      '',
    );
    expect(f).toMatchObject(facts());
  });
});
