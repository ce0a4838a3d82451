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
} from './git';

/** Whether one commit is in another's history, or why git could not tell. */
export type Ancestry = { ancestor: boolean } | { ancestor: null; reason: string };

export interface AncestryOptions extends GitContext {
  /** The commit that may have been replaced: a push's or a pull request update's `before`. */
  before: string;
  /** The new head (default `HEAD`). */
  head?: string;
}

/**
 * How deep a shallow checkout fetches the new head and `before` to place one against the other:
 * a push adds a few commits and a rebase moves a branch by a few of its base's, so two tries are
 * enough for nearly every push, and bound the fetches when they are not.
 */
export const ANCESTRY_DEPTHS: readonly number[] = [10, 100];

/** A bounded fetch here: this runs on every branch push, before the build, and the answer is optional. */
const ANCESTRY_FETCH_TIMEOUT_MS = 30_000;

/**
 * Whether `before` is in the history of `head`: false means the push rewrote history (a rebase,
 * an amend, a reset). The cheap answer first: `before` is one of the head's parents (the head's
 * commit object names them, also in a shallow checkout). A full checkout fetches `before` by sha
 * when it lacks it, and git answers. A shallow one fetches both commits a bounded depth deep
 * ({@link ANCESTRY_DEPTHS}), each time asking git.
 *
 * In a shallow checkout a "no" is given once git finds a common ancestor of the two that is not
 * `before` itself: `before` then lies off the head's history, unless the shallow boundary cut
 * the very path that leads to it (a side line of merges), which is accepted. Never throws:
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
    const present = await resolveCommit(git, before);
    if (present) {
      const asked = await ask(git, before, headSha);
      if (asked) return asked;
    }
    const noRemote = await remoteProblem(git, remote);
    if (noRemote) return unknown(`${before} is not in the checkout and ${noRemote}`);
    for (const depth of shallow ? ANCESTRY_DEPTHS : [0]) {
      const deep = depth > 0 ? [`--depth=${depth}`, remote, headSha, before] : [remote, before];
      const fetched = await git(fetchArgs(...deep), fetchTimeout);
      if (fetched.exitCode !== 0) return unknown(`could not fetch ${before}: ${describeFailure(fetched)}`);
      const asked = await ask(git, before, headSha);
      if (asked) return asked;
    }
    return unknown(
      `the shallow checkout does not place ${before}, even ${ANCESTRY_DEPTHS[ANCESTRY_DEPTHS.length - 1]} commits deep`,
    );
  } catch (error) {
    return unknown(`ancestry check failed: ${messageOf(error)}`);
  }
}

const unknown = (reason: string): Ancestry => ({ ancestor: null, reason });

/** git's answer from the history the checkout holds, or undefined while a shallow boundary hides it. */
async function ask(git: Git, before: string, head: string): Promise<Ancestry | undefined> {
  const asked = await git(['merge-base', '--is-ancestor', before, head]);
  if (asked.exitCode === 0) return { ancestor: true };
  if (asked.exitCode !== 1) return unknown(`git merge-base failed: ${describeFailure(asked)}`);
  const shallow = await isShallow(git);
  if (typeof shallow === 'string') return unknown(shallow);
  if (!shallow) return { ancestor: false };
  const common = (await git(['merge-base', before, head])).stdout.trim();
  return SHA.test(common) && common !== before ? { ancestor: false } : undefined;
}
