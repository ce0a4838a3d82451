import type { Exec } from '../lib/exec';
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

/**
 * A commit that was found, or why it could not be: the caller turns the reason into a note in
 * the job summary and goes on without that cache source; a git failure never fails the build.
 */
export type CommitLookup = { sha: string } | { sha: null; reason: string };

export interface ParentOptions extends GitContext {
  /** The commit whose first parent is wanted (default `HEAD`). */
  rev?: string;
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
