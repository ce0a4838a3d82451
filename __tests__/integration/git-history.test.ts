import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { exec, type Exec } from '../../src/lib/exec';
import { commitInfo, compareCommits, parentCommit } from '../../src/git/commits';
import { findMergeBase } from '../../src/git/merge-base';
import { redactUrlCredentials } from '../../src/git/git';
import { type GitSandbox, gitSandbox } from './git-sandbox';

// Real git (git-sandbox.ts): a work clone that builds the history, and CI-like checkouts of it.

// Branch names that would run `touch pwned` if they ever reached a shell.
const EVIL_BASE = 'release/a;$(touch${IFS}pwned)';
const EVIL_HEAD = 'feat/`touch${IFS}pwned`|touch${IFS}pwned';

let box: GitSandbox;
let root: string;
let originUrl: string;
let env: NodeJS.ProcessEnv;
/** Commit shas by label: c1..c40 on main, f1 f2 on feature/x, e1 on EVIL_HEAD, o1 on orphan. */
const sha: Record<string, string> = {};
const git = (cwd: string, ...args: string[]) => box.git(cwd, ...args);
const commit = (cwd: string, label: string) => box.commit(cwd, label);
const checkout = (branch: string, shallow: boolean) => box.checkout(branch, shallow);

/** Empty commits c<from>..c<to> on `branch` in one `git fast-import` (one process, not dozens). */
async function commitMany(cwd: string, branch: string, from: number, to: number): Promise<void> {
  const tip = await git(cwd, 'rev-parse', branch);
  let stream = '';
  for (let i = from; i <= to; i++) {
    const message = `c${i}\n`;
    stream += `commit refs/heads/${branch}\nmark :${i}\n`;
    stream += `committer Test Committer <committer@example.com> ${1_700_000_000 + i} +0000\n`;
    stream += `data ${Buffer.byteLength(message)}\n${message}`;
    stream += i === from ? `from ${tip}\n\n` : `from :${i - 1}\n\n`;
  }
  const marks = join(root, `marks-${branch}`);
  const result = await exec('git', ['fast-import', '--quiet', `--export-marks=${marks}`], {
    cwd,
    env,
    input: stream,
  });
  if (result.exitCode !== 0) throw new Error(`git fast-import failed: ${result.stderr}`);
  for (const line of readFileSync(marks, 'utf8').trim().split('\n')) {
    const [mark, commitSha] = line.split(' ');
    sha[`c${mark.slice(1)}`] = commitSha;
  }
}

/** An exec that records the git subcommands it runs (e.g. `fetch --deepen=10 ...`). */
function recordingExec(): { exec: Exec; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    exec: (command, args, options) => {
      calls.push([command, ...args]);
      return exec(command, args, options);
    },
  };
}

/** The arguments after `fetch` of each fetch (the `-c` settings before it are checked once, below). */
const fetches = (calls: string[][]) =>
  calls.filter((c) => c.includes('fetch')).map((c) => c.slice(c.indexOf('fetch') + 1).join(' '));

beforeAll(async () => {
  box = await gitSandbox('bkca-history-', sha);
  ({ root, env, originUrl } = box);
  const { work } = box;
  for (let i = 1; i <= 3; i++) await commit(work, `c${i}`);
  // feature/x and the evil head branch fork from c3 ...
  await git(work, 'checkout', '--quiet', '-b', 'feature/x');
  await commit(work, 'f1');
  await commit(work, 'f2');
  await git(work, 'checkout', '--quiet', '-b', EVIL_HEAD, sha.c3);
  await commit(work, 'e1');
  // ... then main moves on by 37 commits, further than the first deepening step (10) reaches.
  await git(work, 'checkout', '--quiet', 'main');
  await commitMany(work, 'main', 4, 40);
  await git(work, 'branch', EVIL_BASE, 'main');
  // A branch with a history of its own.
  await git(work, 'checkout', '--quiet', '--orphan', 'orphan');
  await commit(work, 'o1');
  await git(work, 'push', '--quiet', 'origin', 'main', 'feature/x', 'orphan', EVIL_HEAD, EVIL_BASE);
}, 60_000);

afterAll(() => box?.remove());

describe('findMergeBase', () => {
  it.each`
    case                                               | branch         | shallow  | base             | expected | fetched
    ${'full clone, base present'}                      | ${'feature/x'} | ${false} | ${'origin/main'} | ${'c3'}  | ${[]}
    ${'full clone, bare branch name'}                  | ${'feature/x'} | ${false} | ${'main'}        | ${'c3'}  | ${[]}
    ${'full clone, base is a sha'}                     | ${'feature/x'} | ${false} | ${'SHA:c20'}     | ${'c3'}  | ${[]}
    ${'depth-1 clone: base fetched, deepened twice'}   | ${'feature/x'} | ${true}  | ${'origin/main'} | ${'c3'}  | ${['--depth=1', '--deepen=10', '--deepen=50']}
    ${'depth-1 clone: bare base name fetched'}         | ${'feature/x'} | ${true}  | ${'main'}        | ${'c3'}  | ${['--depth=1', '--deepen=10', '--deepen=50']}
    ${'depth-1 clone of main, base is its own branch'} | ${'main'}      | ${true}  | ${'origin/main'} | ${'c40'} | ${[]}
    ${'head and base are the same commit'}             | ${'main'}      | ${true}  | ${'SHA:c40'}     | ${'c40'} | ${[]}
  `('$case', async ({ branch, shallow, base, expected, fetched }) => {
    const cwd = await checkout(branch, shallow);
    const rec = recordingExec();
    const baseArg = String(base).startsWith('SHA:') ? sha[String(base).slice(4)] : base;
    const result = await findMergeBase(rec.exec, { cwd, head: 'HEAD', base: baseArg, remote: 'origin', env });
    expect(result).toEqual({ sha: sha[expected] });
    const fetchArgs = fetches(rec.calls);
    expect(fetchArgs).toHaveLength(fetched.length);
    fetched.forEach((flag: string, i: number) => expect(fetchArgs[i]).toContain(flag));
    // Every process was git with an argument array.
    expect(rec.calls.every((c) => c[0] === 'git')).toBe(true);
  });

  it('fetches the missing base branch into its remote-tracking ref with the documented refspec', async () => {
    const cwd = await checkout('feature/x', true);
    const rec = recordingExec();
    await findMergeBase(rec.exec, { cwd, base: 'origin/main', env });
    expect(rec.calls).toContainEqual([
      'git',
      '-c',
      'maintenance.auto=false',
      '-c',
      'gc.auto=0',
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--depth=1',
      'origin',
      '+refs/heads/main:refs/remotes/origin/main',
    ]);
    expect(await git(cwd, 'rev-parse', 'refs/remotes/origin/main')).toBe(sha.c40);
  });

  it('keeps a full clone full when it fetches a missing base branch', async () => {
    // A full clone of one branch only: origin/main is missing, yet the history is complete.
    const cwd = mkdtempSync(join(root, 'single-branch-'));
    await git(root, 'clone', '--quiet', '--single-branch', '--branch', 'feature/x', originUrl, cwd);
    const rec = recordingExec();
    expect(await findMergeBase(rec.exec, { cwd, base: 'origin/main', env })).toEqual({ sha: sha.c3 });
    expect(fetches(rec.calls)).toEqual([
      '--no-tags --no-recurse-submodules origin +refs/heads/main:refs/remotes/origin/main',
    ]);
    expect(await git(cwd, 'rev-parse', '--is-shallow-repository')).toBe('false');
  });

  it.each`
    case                                  | branch         | base                       | maxDeepenSteps | reason
    ${'unrelated histories'}              | ${'orphan'}    | ${'origin/main'}           | ${6}           | ${/no common ancestor \(unrelated histories\)/}
    ${'deepening bounded, still shallow'} | ${'feature/x'} | ${'origin/main'}           | ${1}           | ${/no merge-base .* after deepening it 1 time \(by 10 commits\)/}
    ${'deepening disabled'}               | ${'feature/x'} | ${'origin/main'}           | ${0}           | ${/shallow checkout and deepening is disabled/}
    ${'base branch not on the remote'}    | ${'feature/x'} | ${'origin/no-such-branch'} | ${6}           | ${/could not fetch branch "no-such-branch" from "origin": .*no-such-branch/}
    ${'base is an option'}                | ${'feature/x'} | ${'--upload-pack=touch x'} | ${6}           | ${/base "--upload-pack=touch x" starts with "-"/}
    ${'base with a refspec colon'}        | ${'feature/x'} | ${'origin/x:refs/heads/y'} | ${6}           | ${/contains a character git does not allow/}
    ${'base with ..'}                     | ${'feature/x'} | ${'origin/a..b'}           | ${6}           | ${/branch name "a..b" is not valid/}
    ${'base with a newline'}              | ${'feature/x'} | ${'origin/a\nb'}           | ${6}           | ${/contains control characters/}
  `('$case → null with a reason', async ({ branch, base, maxDeepenSteps, reason }) => {
    const cwd = await checkout(branch, true);
    const result = await findMergeBase(exec, { cwd, base, maxDeepenSteps, env });
    expect(result.sha).toBeNull();
    expect(result).toEqual({ sha: null, reason: expect.stringMatching(reason) });
  });

  it('reports a repository without the remote, and still works there when the base is local', async () => {
    const cwd = mkdtempSync(join(root, 'no-remote-'));
    await git(root, 'init', '--quiet', '--initial-branch=main', cwd);
    await commit(cwd, 'n1');
    await git(cwd, 'checkout', '--quiet', '-b', 'topic');
    await commit(cwd, 'n2');
    expect(await findMergeBase(exec, { cwd, base: 'origin/main', env })).toEqual({
      sha: null,
      reason: 'base "origin/main" is not in the checkout and remote "origin" is not configured',
    });
    expect(await findMergeBase(exec, { cwd, base: 'main', env })).toEqual({ sha: sha.n1 });
  });

  it('reports a directory that is not a git checkout, and a head that is not a commit', async () => {
    const plain = mkdtempSync(join(root, 'plain-'));
    const notRepo = await findMergeBase(exec, {
      cwd: plain,
      base: 'origin/main',
      env: { ...env, GIT_CEILING_DIRECTORIES: root },
    });
    expect(notRepo).toEqual({
      sha: null,
      reason: expect.stringMatching(/^not a git checkout: .*not a git repository/),
    });
    const cwd = await checkout('feature/x', true);
    expect(await findMergeBase(exec, { cwd, head: 'nope', base: 'origin/main', env })).toEqual({
      sha: null,
      reason: 'head "nope" is not a commit in the checkout',
    });
  });

  it('turns a missing git, a timeout and a throwing exec into reasons', async () => {
    const cwd = root;
    const missing: Exec = async () => ({
      exitCode: 127,
      stdout: '',
      stderr: 'spawn git ENOENT',
      timedOut: false,
    });
    const slow: Exec = async () => ({ exitCode: 143, stdout: '', stderr: '', timedOut: true });
    const throwing: Exec = async () => {
      throw new Error('boom');
    };
    expect(await findMergeBase(missing, { cwd, env, base: 'origin/main' })).toEqual({
      sha: null,
      reason: 'not a git checkout: git is not installed (or not on PATH)',
    });
    expect(await parentCommit(slow, { cwd, env })).toEqual({
      sha: null,
      reason: 'not a git checkout: timed out',
    });
    expect(await findMergeBase(throwing, { cwd, env, base: 'origin/main' })).toEqual({
      sha: null,
      reason: 'merge-base lookup failed: boom',
    });
    expect(await parentCommit(throwing, { cwd, env })).toEqual({
      sha: null,
      reason: 'parent lookup failed: boom',
    });
  });

  it('passes branch names with shell metacharacters to git verbatim and runs nothing', async () => {
    const cwd = await checkout(EVIL_HEAD, true);
    const rec = recordingExec();
    const result = await findMergeBase(rec.exec, { cwd, base: `origin/${EVIL_BASE}`, env });
    expect(result).toEqual({ sha: sha.c3 });
    expect(rec.calls).toContainEqual(
      expect.arrayContaining([`+refs/heads/${EVIL_BASE}:refs/remotes/origin/${EVIL_BASE}`]),
    );
    expect(await git(cwd, 'rev-parse', `refs/remotes/origin/${EVIL_BASE}`)).toBe(sha.c40);
    // A shell would have run in git's working directory (the checkout) or in this process's.
    expect([cwd, root, process.cwd()].filter((dir) => existsSync(join(dir, 'pwned')))).toEqual([]);
  });
});

describe('parentCommit', () => {
  it.each`
    case                          | branch         | shallow  | rev         | expected | deepened
    ${'depth-1 clone, HEAD'}      | ${'feature/x'} | ${true}  | ${'HEAD'}   | ${'f1'}  | ${true}
    ${'full clone, HEAD'}         | ${'feature/x'} | ${false} | ${'HEAD'}   | ${'f1'}  | ${false}
    ${'full clone, HEAD~1'}       | ${'feature/x'} | ${false} | ${'HEAD~1'} | ${'c3'}  | ${false}
    ${'depth-1 clone, evil head'} | ${EVIL_HEAD}   | ${true}  | ${'HEAD'}   | ${'c3'}  | ${true}
  `('$case → parent', async ({ branch, shallow, rev, expected, deepened }) => {
    const cwd = await checkout(branch, shallow);
    const rec = recordingExec();
    expect(await parentCommit(rec.exec, { cwd, rev, remote: 'origin', env })).toEqual({ sha: sha[expected] });
    const fetchArgs = fetches(rec.calls);
    expect(fetchArgs).toEqual(deepened ? [expect.stringContaining('--deepen=1 origin')] : []);
  });

  it.each`
    case                                   | branch      | shallow  | remote      | reason
    ${'root commit (full clone)'}          | ${'orphan'} | ${false} | ${'origin'} | ${/^"HEAD" \([0-9a-f]{40}\) is a root commit: it has no parent$/}
    ${'root commit reached by deepening'}  | ${'orphan'} | ${true}  | ${'origin'} | ${/has no parent, even after deepening the checkout$/}
    ${'shallow checkout without a remote'} | ${'main'}   | ${true}  | ${'nope'}   | ${/^the checkout is shallow and remote "nope" is not configured$/}
    ${'remote that is an option'}          | ${'main'}   | ${true}  | ${'-x'}     | ${/^remote "-x" starts with "-"$/}
  `('$case → null with a reason', async ({ branch, shallow, remote, reason }) => {
    const cwd = await checkout(branch, shallow);
    expect(await parentCommit(exec, { cwd, remote, env })).toEqual({
      sha: null,
      reason: expect.stringMatching(reason),
    });
  });
});

describe('redactUrlCredentials', () => {
  it.each`
    text                                                                              | expected
    ${"fatal: unable to access 'https://x-access-token:ghs_abc@github.example/o/r/'"} | ${"fatal: unable to access 'https://***@github.example/o/r/'"}
    ${'fatal: repository https://github.example/o/r not found'}                       | ${'fatal: repository https://github.example/o/r not found'}
    ${'ssh://git@host:22/r and http://u:p@h/x'}                                       | ${'ssh://***@host:22/r and http://***@h/x'}
  `('$text', ({ text, expected }) => {
    expect(redactUrlCredentials(text)).toBe(expected);
  });
});

describe('a push that merged the base in, and a merge commit that holds its head', () => {
  // main: m1 (lock v1) -> m2 (lock v2); feature/u from m1: u1 (a source), then u2 = merge of m2.
  // pr-up: main merged with u2 (the head contains the base); pr-old: main merged with u1.
  const s: Record<string, string> = {};
  beforeAll(async () => {
    const work = join(root, 'work-trees');
    await git(root, 'clone', '--quiet', originUrl, work);
    const write = async (file: string, text: string, label: string) => {
      await exec('sh', ['-c', 'printf %s "$2" > "$1"', 'sh', join(work, file), text], { env });
      await git(work, 'add', file);
      await git(work, 'commit', '--quiet', '-m', label);
      s[label] = await git(work, 'rev-parse', 'HEAD');
    };
    await git(work, 'checkout', '--quiet', '-b', 'trees-main', sha.c40);
    await write('deps.lock', 'v1', 'm1');
    await git(work, 'checkout', '--quiet', '-b', 'feature/u');
    await write('src.txt', 'feature', 'u1');
    await git(work, 'checkout', '--quiet', 'trees-main');
    await write('deps.lock', 'v2', 'm2');
    await git(work, 'checkout', '--quiet', 'feature/u');
    await git(work, 'merge', '--quiet', '--no-edit', 'trees-main');
    s.u2 = await git(work, 'rev-parse', 'HEAD');
    for (const [name, head] of [
      ['pr-up', s.u2],
      ['pr-old', s.u1],
    ]) {
      await git(work, 'checkout', '--quiet', '-b', name, s.m2);
      await git(work, 'merge', '--quiet', '--no-ff', '--no-edit', head);
    }
    await git(work, 'push', '--quiet', 'origin', 'trees-main', 'feature/u', 'pr-up', 'pr-old');
  }, 60_000);

  it('commitInfo: the merge that brought the base commit in names it as second parent, also one commit deep', async () => {
    for (const shallow of [false, true]) {
      const dir = await checkout('feature/u', shallow);
      const second = (await commitInfo(exec, { cwd: dir, env }))?.parents[1];
      expect(second).toBe(s.m2);
      expect(second).not.toBe(s.m1);
    }
    const full = await checkout('feature/u', false);
    expect((await commitInfo(exec, { cwd: full, env, rev: s.u1 }))?.parents).toStrictEqual([s.m1]);
    expect(await commitInfo(exec, { cwd: full, env, rev: 'f'.repeat(40) })).toBeUndefined();
  });

  it('compareCommits fetches the head into a shallow checkout: trees and parents, as the objects say', async () => {
    const up = recordingExec();
    const dir = await checkout('pr-up', true);
    const got = await compareCommits(up.exec, { cwd: dir, env, other: s.u2 });
    expect(fetches(up.calls)).toStrictEqual([`--no-tags --no-recurse-submodules --depth=1 origin ${s.u2}`]);
    if (typeof got === 'string') throw new Error(got);
    expect(got.rev.parents).toStrictEqual([s.m2, s.u2]);
    expect(got.other.parents).toStrictEqual([s.u1, s.m2]);
    expect(got.rev.tree).toBe(got.other.tree);
    const old = await compareCommits(exec, { cwd: await checkout('pr-old', true), env, other: s.u1 });
    if (typeof old === 'string') throw new Error(old);
    expect(old.rev.tree).not.toBe(old.other.tree);
    expect(old.other.parents).toStrictEqual([s.m1]);
  });

  it('compareCommits gives reasons, not errors, for what it cannot tell', async () => {
    const dir = await checkout('pr-up', true);
    expect(await compareCommits(exec, { cwd: dir, env, other: 'not-a-sha; rm -rf /' })).toBe(
      '"not-a-sha; rm -rf /" is not a commit sha',
    );
    expect(await compareCommits(exec, { cwd: dir, env, other: 'f'.repeat(40) })).toMatch(
      /^could not fetch f{40}: /,
    );
    expect(await compareCommits(exec, { cwd: root, env, other: s.u2 })).toMatch(
      /is not a commit in the checkout$/,
    );
  });
});
