import { type RunContext, stripRefsHeads } from '../github/context';

/** What the run is, for cache purposes. Derived from the event and its payload, never guessed. */
export type Trigger =
  | { kind: 'push-default'; branch: string }
  | { kind: 'push-branch'; branch: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'pull-request'; number: number; base: string; fromFork: boolean }
  | { kind: 'untrusted'; event: string; base: string }
  | { kind: 'merge-group'; base: string; number: number | null }
  | { kind: 'unknown'; event: string; ref: string };

/** Events that anyone who can open a pull request or comment can start, with the base's privileges. */
const UNTRUSTED_EVENTS = ['pull_request_target', 'issue_comment', 'workflow_run'];

/**
 * Events only someone who may push (or the repository's own schedule) can start, whose ref is
 * what they built: the ref decides what the run is. Any other event (deployment_status,
 * check_run, check_suite, issues, …) is `unknown`: it may be started by others, on a ref whose
 * newest commit is not the workspace's, so it reads and writes nothing of its own.
 */
const REF_EVENTS = ['push', 'schedule', 'workflow_dispatch', 'repository_dispatch', 'release', 'create'];

export function classify(ctx: RunContext): Trigger {
  const defaultBranch = ctx.defaultBranch;
  if (ctx.eventName === 'pull_request' && ctx.pullRequest) {
    const pr = ctx.pullRequest;
    return { kind: 'pull-request', number: pr.number, base: pr.baseRef, fromFork: pr.fromFork };
  }
  if (UNTRUSTED_EVENTS.includes(ctx.eventName)) {
    const base = ctx.pullRequest?.baseRef || defaultBranch;
    return { kind: 'untrusted', event: ctx.eventName, base };
  }
  if (ctx.eventName === 'merge_group' && ctx.mergeGroup) {
    return { kind: 'merge-group', base: ctx.mergeGroup.baseRef, number: ctx.mergeGroup.prNumber };
  }
  if (!REF_EVENTS.includes(ctx.eventName)) return { kind: 'unknown', event: ctx.eventName, ref: ctx.ref };
  // push, schedule, workflow_dispatch, repository_dispatch, release, create: what the ref is decides.
  if (ctx.ref.startsWith('refs/tags/')) return { kind: 'tag', tag: ctx.ref.slice('refs/tags/'.length) };
  if (ctx.ref.startsWith('refs/heads/')) {
    const branch = stripRefsHeads(ctx.ref);
    return branch === defaultBranch ? { kind: 'push-default', branch } : { kind: 'push-branch', branch };
  }
  return { kind: 'unknown', event: ctx.eventName, ref: ctx.ref };
}

/** Commits the rules want to know, fetched by the caller (git, then the REST API). */
export interface FactsNeeded {
  mergeBase: boolean;
  parent: boolean;
  /** A pull request's head commit next to its merge commit (same files? did it just merge the base?). */
  headCommit: boolean;
  /** Whether the event replaced commits (a force push): the head it replaced is still in the history? */
  rewrite: boolean;
  /** The workspace's HEAD: the run may write a commit's cache, which only a build of that commit may. */
  workspaceHead?: boolean;
}

/** Commits found for this run; null where they could not be found (with a reason). */
export interface GitFacts {
  mergeBase: string | null;
  mergeBaseWhy?: string;
  /** Why the merge-base was not looked up (a source read alone makes it moot). */
  mergeBaseSkipped?: string;
  /**
   * A base commit this build just merged in, so the own ref's last build predates what it brought:
   * a branch push whose commit merged the merge-base (HEAD^2), or a pull request whose head merged
   * the base commit its merge commit is built on (the head's second parent).
   */
  justMerged?: string;
  parent: string | null;
  parentWhy?: string;
  /** The pull request's merge commit holds exactly its head's files. */
  mergeIsHead?: boolean;
  /** Why the head commit could not be compared. */
  headWhy?: string;
  /** A pull request's base commit: the merge commit's first parent. */
  baseCommit?: string;
  /**
   * The event rewrote the ref's history (`forced`, or the head it replaced is not in the new
   * head's history): the ref's last build started from another base. Undefined when not asked.
   */
  rewritten?: boolean;
  /** Why git could not tell whether the history was rewritten. */
  rewrittenWhy?: string;
  /**
   * The commit the workspace holds (`git rev-parse HEAD`): a commit's cache is written only from
   * a build of that commit. Undefined when not asked or when git could not tell (no checkout).
   */
  workspaceHead?: string;
}
