import type { Exec } from '../lib/exec';
import { commitInfo } from './commits';
import {
  argumentProblem,
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
} from './runner';

/** Whether one commit is in another's history, or why git could not tell. */
export type Ancestry = { ancestor: boolean } | { ancestor: null; reason: string };

export interface AncestryOptions extends GitContext {
  /** The commit that may have been replaced: a push's or a pull request update's `before`. */
  before: string;
  /** The new head (default `HEAD`). */
  head?: string;
}

/**
 * How far a shallow head is deepened to reach `before`: a push adds a few commits, so two steps
 * are enough for all but the largest pushes, and bound the fetches when `before` was replaced.
 */
export const ANCESTRY_DEEPEN_STEPS: readonly number[] = [10, 100];

/** A bounded fetch here: this runs on every branch push, before the build, and the answer is optional. */
const ANCESTRY_FETCH_TIMEOUT_MS = 30_000;

/**
 * Whether `before` is in the history of `head`: false means the push rewrote history (a rebase,
 * an amend, a reset). The cheap answers first: `before` is one of the head's parents (the head's
 * commit object names them, also in a shallow checkout). Else `before` is fetched by sha when the
 * checkout lacks it, and git answers; a shallow head is deepened a bounded number of times.
 *
 * In a shallow checkout a "no" is given only once git finds a common ancestor of the two that is
 * not `before` itself: `before` then lies off the head's history, unless the shallow boundary cut
 * the very path that leads to it (a rare side line of merges), which is accepted. Never throws:
 * whatever git cannot tell is a reason.
 */
export async function isAncestor(exec: Exec, options: AncestryOptions): Promise<Ancestry> {
  const head = options.head ?? 'HEAD';
  const remote = options.remote ?? 'origin';
  const fetchTimeout = options.fetchTimeoutMs ?? ANCESTRY_FETCH_TIMEOUT_MS;
  const problem = argumentProblem('head', head) ?? argumentProblem('remote', remote);
  if (problem) return { ancestor: null, reason: problem };
  if (!SHA.test(options.before)) return unknown(`${JSON.stringify(options.before)} is not a commit sha`);
  const before = options.before;
  try {
    const git = makeGit(exec, options);
    const headSha = await resolveCommit(git, head);
    if (!headSha) return unknown(`head ${JSON.stringify(head)} is not a commit in the checkout`);
    if (headSha === before) return { ancestor: true };
    if ((await commitInfo(exec, { ...options, rev: headSha }))?.parents.includes(before)) {
      return { ancestor: true };
    }
    const shallow = await isShallow(git);
    if (typeof shallow === 'string') return unknown(shallow);
    if (!(await resolveCommit(git, before))) {
      const noRemote = await remoteProblem(git, remote);
      if (noRemote) return unknown(`${before} is not in the checkout and ${noRemote}`);
      const depth = shallow ? ['--depth=1'] : [];
      const fetched = await git(fetchArgs(...depth, remote, before), fetchTimeout);
      if (fetched.exitCode !== 0) return unknown(`could not fetch ${before}: ${describeFailure(fetched)}`);
      if (!(await resolveCommit(git, before))) return unknown(`${before} was fetched but does not resolve`);
    }
    return await askWhileDeepening(git, before, headSha, remote, fetchTimeout);
  } catch (error) {
    return unknown(`ancestry check failed: ${messageOf(error)}`);
  }
}

const unknown = (reason: string): Ancestry => ({ ancestor: null, reason });

async function askWhileDeepening(
  git: Git,
  before: string,
  head: string,
  remote: string,
  fetchTimeout: number,
): Promise<Ancestry> {
  for (let step = 0; ; step++) {
    const asked = await git(['merge-base', '--is-ancestor', before, head]);
    if (asked.exitCode === 0) return { ancestor: true };
    if (asked.exitCode !== 1) return unknown(`git merge-base failed: ${describeFailure(asked)}`);
    const shallow = await isShallow(git);
    if (typeof shallow === 'string') return unknown(shallow);
    if (!shallow) return { ancestor: false };
    const common = (await git(['merge-base', before, head])).stdout.trim();
    if (SHA.test(common) && common !== before) return { ancestor: false };
    if (step >= ANCESTRY_DEEPEN_STEPS.length) {
      const reach = ANCESTRY_DEEPEN_STEPS.reduce((a, b) => a + b, 0);
      return unknown(`the shallow checkout does not reach ${before}, even deepened by ${reach} commits`);
    }
    const deepen = fetchArgs(`--deepen=${ANCESTRY_DEEPEN_STEPS[step]}`, remote);
    let fetched = await git([...deepen, head, before], fetchTimeout);
    // A server that refuses wants by sha: deepen through the remote's configured refspec instead.
    if (fetched.exitCode !== 0) fetched = await git(deepen, fetchTimeout);
    if (fetched.exitCode !== 0) {
      return unknown(`could not deepen the shallow checkout: ${describeFailure(fetched)}`);
    }
  }
}
