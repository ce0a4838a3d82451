import type { Exec, ExecResult } from '../lib/exec';

/**
 * A commit that was found, or why it could not be: the caller turns the reason into a note in
 * the job summary and goes on without that cache source; a git failure never fails the build.
 */
export type CommitLookup = { sha: string } | { sha: null; reason: string };

export interface GitContext {
  /** The checkout (work tree) to run git in. */
  cwd: string;
  /** The remote to fetch missing history from (default `origin`). */
  remote?: string;
  /**
   * The environment for git (default: this process's). `GIT_TERMINAL_PROMPT=0` is always added so
   * that a fetch never waits for a password on a terminal.
   */
  env?: NodeJS.ProcessEnv;
  /** Upper bound for each `git fetch`, in milliseconds (default 120 000). */
  fetchTimeoutMs?: number;
}

export interface MergeBaseOptions extends GitContext {
  /** The revision being built (default `HEAD`). */
  head?: string;
  /**
   * The branch the head is compared with: `<remote>/<branch>` (e.g. `origin/main`), a bare branch
   * name of the remote (`main`), or any revision the checkout already has (a sha, a local ref).
   */
  base: string;
  /** How many times a shallow checkout may be deepened before giving up (default 6). */
  maxDeepenSteps?: number;
}

export interface ParentOptions extends GitContext {
  /** The commit whose first parent is wanted (default `HEAD`). */
  rev?: string;
}

/**
 * How far each successive `git fetch --deepen=<n>` reaches. `--deepen` is relative to the current
 * shallow boundary, so after k steps the checkout holds the sum of the first k numbers of commits
 * more (about 31 000 after all six). Steps past the table's end repeat its last number.
 */
export const DEEPEN_STEPS: readonly number[] = [10, 50, 200, 1000, 5000, 25000];

const LOCAL_TIMEOUT_MS = 30_000;
const DEFAULT_FETCH_TIMEOUT_MS = 120_000;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** An error's message; errors are read by shape, since they may come from another realm. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

type Git = (args: readonly string[], timeoutMs?: number) => Promise<ExecResult>;

/**
 * `git fetch` as the planner runs it: no tags, no submodules, and no automatic maintenance or gc
 * afterwards (a process per fetch that the plan would wait for, in the user's checkout).
 */
function fetchArgs(...rest: string[]): string[] {
  return [
    '-c',
    'maintenance.auto=false',
    '-c',
    'gc.auto=0',
    'fetch',
    '--no-tags',
    '--no-recurse-submodules',
    ...rest,
  ];
}

function makeGit(exec: Exec, ctx: GitContext): Git {
  const env = { ...(ctx.env ?? process.env), GIT_TERMINAL_PROMPT: '0' };
  return (args, timeoutMs = LOCAL_TIMEOUT_MS) => exec('git', args, { cwd: ctx.cwd, env, timeoutMs });
}

/** Removes `user:password@` from URLs that git may print in its messages (e.g. a remote's URL). */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}

/** The gist of a failed git command, for a reason: its last non-empty stderr lines, without secrets. */
function describeFailure(result: ExecResult): string {
  if (result.timedOut) return 'timed out';
  if (result.exitCode === 127) return 'git is not installed (or not on PATH)';
  const lines = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('hint:'));
  const text = lines.slice(-2).join(' ') || `exit code ${result.exitCode}`;
  const redacted = redactUrlCredentials(text);
  return redacted.length > 300 ? `${redacted.slice(0, 297)}...` : redacted;
}

/**
 * Why `value` cannot be handed to git as a revision or remote name, or undefined if it can. Git
 * reads an argument that starts with `-` as an option, so such names are refused (no branch,
 * remote or revision git accepts can start with `-` anyway).
 */
function argumentProblem(what: string, value: string): string | undefined {
  if (value === '') return `${what} is empty`;
  if (value.startsWith('-')) return `${what} ${JSON.stringify(value)} starts with "-"`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return `${what} ${JSON.stringify(value)} contains control characters`;
  return undefined;
}

/**
 * Why `name` is not a valid branch name by git's rules (git-check-ref-format), or undefined. The
 * name becomes part of a refspec, so `:` and the other characters git forbids must not pass.
 */
function branchNameProblem(name: string): string | undefined {
  const quoted = JSON.stringify(name);
  const basic = argumentProblem('branch name', name);
  if (basic) return basic;
  if (/[ ~^:?*[\\]/.test(name)) return `branch name ${quoted} contains a character git does not allow`;
  if (name.includes('..') || name.includes('@{') || name === '@') return `branch name ${quoted} is not valid`;
  if (name.endsWith('.') || name.endsWith('/') || name.startsWith('/') || name.includes('//')) {
    return `branch name ${quoted} is not valid`;
  }
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
    return `branch name ${quoted} is not valid`;
  }
  return undefined;
}

async function resolveCommit(git: Git, rev: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const sha = result.stdout.trim();
  return result.exitCode === 0 && SHA.test(sha) ? sha : undefined;
}

/** true/false, or a reason when this is not a usable git checkout. */
async function isShallow(git: Git): Promise<boolean | string> {
  const result = await git(['rev-parse', '--is-shallow-repository']);
  if (result.exitCode !== 0) return `not a git checkout: ${describeFailure(result)}`;
  return result.stdout.trim() === 'true';
}

async function remoteProblem(git: Git, remote: string): Promise<string | undefined> {
  const result = await git(['remote', 'get-url', remote]);
  return result.exitCode === 0 ? undefined : `remote ${JSON.stringify(remote)} is not configured`;
}

/**
 * The merge-base of `head` and `base` in a checkout that may be shallow and may lack the base
 * branch (a CI checkout usually is `--depth=1` of one branch):
 *
 * 1. if `base` is not in the checkout, its branch is fetched from the remote
 *    (`--depth=1` in a shallow checkout; a full one stays full);
 * 2. `git merge-base head base`; while that finds nothing and the checkout is shallow, the history
 *    is deepened (`git fetch --deepen=<n>`, n from {@link DEEPEN_STEPS}; deepening moves every
 *    shallow boundary, the head's included) up to `maxDeepenSteps` times;
 * 3. a checkout that is complete and still has no merge-base holds unrelated histories.
 *
 * Every name goes to git as a single argument (no shell); never throws for git failures.
 */
export async function findMergeBase(exec: Exec, options: MergeBaseOptions): Promise<CommitLookup> {
  const head = options.head ?? 'HEAD';
  const remote = options.remote ?? 'origin';
  const base = options.base;
  const maxSteps = Math.max(0, Math.floor(options.maxDeepenSteps ?? 6));
  const fetchTimeout = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const problem =
    argumentProblem('head', head) ?? argumentProblem('base', base) ?? argumentProblem('remote', remote);
  if (problem) return { sha: null, reason: problem };

  try {
    const git = makeGit(exec, options);
    const shallow = await isShallow(git);
    if (typeof shallow === 'string') return { sha: null, reason: shallow };

    const headSha = await resolveCommit(git, head);
    if (!headSha)
      return { sha: null, reason: `head ${JSON.stringify(head)} is not a commit in the checkout` };

    // The remote branch behind `base`, when it names one: `origin/main` or `main`.
    const prefix = `${remote}/`;
    const branch = base.startsWith(prefix) ? base.slice(prefix.length) : base;
    const trackingRef = `refs/remotes/${remote}/${branch}`;
    const refspec = `+refs/heads/${branch}:${trackingRef}`;
    const branchOk = branchNameProblem(branch) === undefined && branchNameProblem(remote) === undefined;

    let baseSha =
      (await resolveCommit(git, base)) ?? (branchOk ? await resolveCommit(git, trackingRef) : undefined);
    if (!baseSha) {
      const badName = branchNameProblem(branch) ?? branchNameProblem(remote);
      if (badName)
        return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout; ${badName}` };
      const noRemote = await remoteProblem(git, remote);
      if (noRemote)
        return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout and ${noRemote}` };
      const depth = shallow ? ['--depth=1'] : [];
      const fetched = await git(fetchArgs(...depth, remote, refspec), fetchTimeout);
      if (fetched.exitCode !== 0) {
        return {
          sha: null,
          reason: `could not fetch branch ${JSON.stringify(branch)} from ${JSON.stringify(remote)}: ${describeFailure(fetched)}`,
        };
      }
      baseSha = await resolveCommit(git, trackingRef);
      if (!baseSha)
        return { sha: null, reason: `branch ${JSON.stringify(branch)} was fetched but does not resolve` };
    }

    let deepened = 0;
    let reach = 0;
    for (;;) {
      const result = await git(['merge-base', headSha, baseSha]);
      const sha = result.stdout.trim();
      if (result.exitCode === 0 && SHA.test(sha)) return { sha };
      if (result.exitCode !== 1)
        return { sha: null, reason: `git merge-base failed: ${describeFailure(result)}` };

      const stillShallow = await isShallow(git);
      if (typeof stillShallow === 'string') return { sha: null, reason: stillShallow };
      if (!stillShallow) {
        return {
          sha: null,
          reason: `${JSON.stringify(head)} and ${JSON.stringify(base)} have no common ancestor (unrelated histories)`,
        };
      }
      if (deepened >= maxSteps) {
        const tried =
          deepened === 0
            ? 'and deepening is disabled'
            : `after deepening it ${deepened} time${deepened === 1 ? '' : 's'} (by ${reach} commits)`;
        return {
          sha: null,
          reason: `no merge-base of ${JSON.stringify(head)} and ${JSON.stringify(base)} in the shallow checkout ${tried}`,
        };
      }
      if (deepened === 0) {
        const noRemote = await remoteProblem(git, remote);
        if (noRemote) return { sha: null, reason: `the checkout is shallow and ${noRemote}` };
      }
      const n = DEEPEN_STEPS[Math.min(deepened, DEEPEN_STEPS.length - 1)];
      // Name the base branch when it is the remote's, so it is deepened (and kept) too; the
      // deepening itself applies to every shallow boundary of the checkout.
      const refs = branchOk && (await resolveCommit(git, trackingRef)) === baseSha ? [refspec] : [];
      const fetched = await git(fetchArgs(`--deepen=${n}`, remote, ...refs), fetchTimeout);
      if (fetched.exitCode !== 0) {
        return { sha: null, reason: `could not deepen the shallow checkout: ${describeFailure(fetched)}` };
      }
      deepened += 1;
      reach += n;
    }
  } catch (error) {
    return {
      sha: null,
      reason: `merge-base lookup failed: ${messageOf(error)}`,
    };
  }
}

/**
 * The first parent of `rev` (`rev^1`). A shallow checkout has no parents at its boundary (a
 * `--depth=1` checkout has none at all), so there the history is deepened by one first (fetching
 * the commit itself by sha, or else the remote's configured refspec). A root commit has no parent:
 * that is a reason, not an error. Never throws for git failures.
 */
export async function parentCommit(exec: Exec, options: ParentOptions): Promise<CommitLookup> {
  const rev = options.rev ?? 'HEAD';
  const remote = options.remote ?? 'origin';
  const fetchTimeout = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const problem = argumentProblem('rev', rev) ?? argumentProblem('remote', remote);
  if (problem) return { sha: null, reason: problem };

  try {
    const git = makeGit(exec, options);
    const shallow = await isShallow(git);
    if (typeof shallow === 'string') return { sha: null, reason: shallow };

    const sha = await resolveCommit(git, rev);
    if (!sha) return { sha: null, reason: `${JSON.stringify(rev)} is not a commit in the checkout` };
    const parent = await resolveCommit(git, `${sha}^1`);
    if (parent) return { sha: parent };
    if (!shallow)
      return { sha: null, reason: `${JSON.stringify(rev)} (${sha}) is a root commit: it has no parent` };

    const noRemote = await remoteProblem(git, remote);
    if (noRemote) return { sha: null, reason: `the checkout is shallow and ${noRemote}` };
    const deepen = fetchArgs('--deepen=1', remote);
    let fetched = await git([...deepen, sha], fetchTimeout);
    // A server that refuses wants by sha: deepen through the remote's configured refspec instead.
    if (fetched.exitCode !== 0) fetched = await git(deepen, fetchTimeout);
    if (fetched.exitCode !== 0) {
      return { sha: null, reason: `could not deepen the shallow checkout: ${describeFailure(fetched)}` };
    }
    const deepenedParent = await resolveCommit(git, `${sha}^1`);
    if (deepenedParent) return { sha: deepenedParent };
    return {
      sha: null,
      reason: `${JSON.stringify(rev)} (${sha}) has no parent, even after deepening the checkout`,
    };
  } catch (error) {
    return {
      sha: null,
      reason: `parent lookup failed: ${messageOf(error)}`,
    };
  }
}

/** A commit's tree and parents, as its object records them (a shallow checkout hides the parents). */
export interface CommitInfo {
  tree: string;
  parents: string[];
}

/** `rev`'s tree and parents from its object: undefined when the checkout does not have it. */
export async function commitInfo(
  exec: Exec,
  options: GitContext & { rev?: string },
): Promise<CommitInfo | undefined> {
  const rev = options.rev ?? 'HEAD';
  if (argumentProblem('rev', rev)) return undefined;
  try {
    return await readCommit(makeGit(exec, options), rev);
  } catch {
    return undefined;
  }
}

async function readCommit(git: Git, rev: string): Promise<CommitInfo | undefined> {
  const result = await git(['cat-file', 'commit', rev]);
  if (result.exitCode !== 0) return undefined;
  const header = result.stdout.split('\n\n')[0].split('\n');
  const field = (name: string) =>
    header.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
  const tree = field('tree')[0];
  return tree ? { tree, parents: field('parent') } : undefined;
}

/**
 * `rev` and commit `other` side by side: trees and parents, read from the commit objects, so the
 * answer holds in a shallow checkout. The checkout may lack `other`: it is fetched by sha (one
 * commit deep in a shallow checkout; objects `rev` already has are not sent again). A pull
 * request's merge commit and its head tell whether the head already contains the base (same tree)
 * and whether the head just merged the base (its second parent is the merge commit's first).
 * Never throws: anything git cannot tell is a reason.
 */
export async function compareCommits(
  exec: Exec,
  options: GitContext & { rev?: string; other: string },
): Promise<{ rev: CommitInfo; other: CommitInfo } | string> {
  const rev = options.rev ?? 'HEAD';
  const remote = options.remote ?? 'origin';
  const problem = argumentProblem('rev', rev) ?? argumentProblem('remote', remote);
  if (problem) return problem;
  if (!SHA.test(options.other)) return `${JSON.stringify(options.other)} is not a commit sha`;
  try {
    const git = makeGit(exec, options);
    const mine = await readCommit(git, rev);
    if (!mine) return `${JSON.stringify(rev)} is not a commit in the checkout`;
    let theirs = await readCommit(git, options.other);
    if (!theirs) {
      const shallow = await isShallow(git);
      if (typeof shallow === 'string') return shallow;
      const depth = shallow ? ['--depth=1'] : [];
      const fetched = await git(
        fetchArgs(...depth, remote, options.other),
        options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      );
      if (fetched.exitCode !== 0) return `could not fetch ${options.other}: ${describeFailure(fetched)}`;
      theirs = await readCommit(git, options.other);
      if (!theirs) return `${options.other} was fetched but does not resolve`;
    }
    return { rev: mine, other: theirs };
  } catch (error) {
    return `commit comparison failed: ${messageOf(error)}`;
  }
}
