import type { Exec } from '../lib/exec';
import type { CommitLookup } from './commits';
import {
  argumentProblem,
  DEFAULT_FETCH_TIMEOUT_MS,
  describeFailure,
  fetchArgs,
  type Git,
  type GitContext,
  isShallow,
  makeGit,
  messageOf,
  remoteProblem,
  resolveCommit,
  SHA,
} from './git';

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

/**
 * How far each successive `git fetch --deepen=<n>` reaches. `--deepen` is relative to the current
 * shallow boundary, so after k steps the checkout holds the sum of the first k numbers of commits
 * more (about 31 000 after all six). Steps past the table's end repeat its last number.
 */
export const DEEPEN_STEPS: readonly number[] = [10, 50, 200, 1000, 5000, 25000];

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
    const l: Lookup = {
      git,
      head,
      base,
      remote,
      branch,
      trackingRef,
      refspec: `+refs/heads/${branch}:${trackingRef}`,
      branchOk: branchNameProblem(branch) === undefined && branchNameProblem(remote) === undefined,
      fetchTimeout: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    };
    const baseSha = await resolveBase(l, shallow);
    if (baseSha.sha === null) return baseSha;
    const maxSteps = Math.max(0, Math.floor(options.maxDeepenSteps ?? 6));
    return await mergeBaseDeepening(l, headSha, baseSha.sha, maxSteps);
  } catch (error) {
    return {
      sha: null,
      reason: `merge-base lookup failed: ${messageOf(error)}`,
    };
  }
}

/** What one lookup works with: its names, checked, and the refs they make. */
interface Lookup {
  git: Git;
  head: string;
  base: string;
  remote: string;
  branch: string;
  trackingRef: string;
  refspec: string;
  /** The branch and remote are names git accepts in a refspec. */
  branchOk: boolean;
  fetchTimeout: number;
}

/** `base`'s commit: from the checkout, else its branch fetched from the remote (step 1). */
async function resolveBase(l: Lookup, shallow: boolean): Promise<CommitLookup> {
  const { git, base, remote, branch } = l;
  const found =
    (await resolveCommit(git, base)) ?? (l.branchOk ? await resolveCommit(git, l.trackingRef) : undefined);
  if (found) return { sha: found };
  const badName = branchNameProblem(branch) ?? branchNameProblem(remote);
  if (badName)
    return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout; ${badName}` };
  const noRemote = await remoteProblem(git, remote);
  if (noRemote)
    return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout and ${noRemote}` };
  const depth = shallow ? ['--depth=1'] : [];
  const fetched = await git(fetchArgs(...depth, remote, l.refspec), l.fetchTimeout);
  if (fetched.exitCode !== 0) {
    return {
      sha: null,
      reason: `could not fetch branch ${JSON.stringify(branch)} from ${JSON.stringify(remote)}: ${describeFailure(fetched)}`,
    };
  }
  const fetchedSha = await resolveCommit(git, l.trackingRef);
  if (!fetchedSha)
    return { sha: null, reason: `branch ${JSON.stringify(branch)} was fetched but does not resolve` };
  return { sha: fetchedSha };
}

/** `git merge-base`, deepening a shallow checkout until it answers (steps 2 and 3). */
async function mergeBaseDeepening(
  l: Lookup,
  headSha: string,
  baseSha: string,
  maxSteps: number,
): Promise<CommitLookup> {
  const { git, head, base, remote } = l;
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
    if (deepened >= maxSteps) return { sha: null, reason: notFoundAfter(l, deepened, reach) };
    if (deepened === 0) {
      const noRemote = await remoteProblem(git, remote);
      if (noRemote) return { sha: null, reason: `the checkout is shallow and ${noRemote}` };
    }
    const n = DEEPEN_STEPS[Math.min(deepened, DEEPEN_STEPS.length - 1)];
    // Name the base branch when it is the remote's, so it is deepened (and kept) too; the
    // deepening itself applies to every shallow boundary of the checkout.
    const refs = l.branchOk && (await resolveCommit(git, l.trackingRef)) === baseSha ? [l.refspec] : [];
    const fetched = await git(fetchArgs(`--deepen=${n}`, remote, ...refs), l.fetchTimeout);
    if (fetched.exitCode !== 0) {
      return { sha: null, reason: `could not deepen the shallow checkout: ${describeFailure(fetched)}` };
    }
    deepened += 1;
    reach += n;
  }
}

/** Why a shallow checkout gave no merge-base within the deepening allowed. */
function notFoundAfter(l: Lookup, deepened: number, reach: number): string {
  const tried =
    deepened === 0
      ? 'and deepening is disabled'
      : `after deepening it ${deepened} time${deepened === 1 ? '' : 's'} (by ${reach} commits)`;
  return `no merge-base of ${JSON.stringify(l.head)} and ${JSON.stringify(l.base)} in the shallow checkout ${tried}`;
}
