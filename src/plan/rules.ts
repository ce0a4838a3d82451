import type { RunContext } from '../github/context';
import { stripRefsHeads } from '../github/context';
import type { CacheWrite } from '../runner/inputs/types';
import { type CacheRef, refLabel } from './names';

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
  // push, schedule, workflow_dispatch, repository_dispatch, release, …: what the ref is decides.
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
}

export function factsNeeded(trigger: Trigger): FactsNeeded {
  return {
    mergeBase: trigger.kind === 'push-branch' || trigger.kind === 'tag',
    parent: trigger.kind === 'push-default',
    headCommit: trigger.kind === 'pull-request',
  };
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
}

export interface RefUse {
  ref: CacheRef;
  why: string;
  /**
   * Why it is read alone when it exists: the best single source, usually the run's own ref (what
   * its earlier runs wrote). The first such read that exists wins (see narrow.ts).
   */
  alone?: string;
  /** Why it holds exactly this run's files, though it was not written from this commit. */
  exact?: string;
}

export interface RefPlan {
  trigger: Trigger;
  reads: RefUse[];
  writes: RefUse[];
  notes: string[];
}

function dedupe(uses: RefUse[]): RefUse[] {
  const seen = new Set<string>();
  return uses.filter((u) => {
    const key = refLabel(u.ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const branch = (name: string): CacheRef => ({ kind: 'branch', name });
const OWN = "holds this ref's earlier runs";

/**
 * Who can read what a run writes. `github`: the GitHub Actions cache, where a pull request's
 * scope is readable by that pull request's runs only and a merge queue's by the queue branch
 * only. `shared`: a registry, a folder or a bucket, readable by every later run.
 */
export type Visibility = 'github' | 'shared';

export function visibility(backend: string): Visibility {
  return backend === 'gha' ? 'github' : 'shared';
}

/**
 * The rules: which refs' caches this run reads (best match first) and which it writes.
 * Pure: the event, the commits found and the write policy in, refs and reasons out.
 */
export function refPlan(
  ctx: RunContext,
  facts: GitFacts,
  write: CacheWrite,
  visibility: Visibility = 'shared',
): RefPlan {
  const trigger = classify(ctx);
  const def = ctx.defaultBranch;
  const reads: RefUse[] = [];
  let writes: RefUse[] = [];
  const notes: string[] = [];
  /** Where `cache-write: always` writes when the rules write nothing. */
  let alwaysWrites: RefUse[] = [];

  const readMergeBase = () => {
    if (facts.mergeBase) {
      reads.push({
        ref: { kind: 'sha', sha: facts.mergeBase },
        why: `the merge-base with ${def}: its dependency files match this commit best`,
      });
    } else if (facts.mergeBaseSkipped) {
      notes.push(`merge-base with ${def} ${facts.mergeBaseSkipped}`);
    } else {
      notes.push(
        `merge-base with ${def} not found (${facts.mergeBaseWhy ?? 'unknown'}); reading ${def} only`,
      );
    }
  };

  // The base commit this build just merged in holds what the base changed since the own ref's last
  // build (a lock file bumped on the base) and differs only by this ref's own changes, usually
  // later layers: it comes first, read alone.
  const readJustMerged = (why: string, alone: string) => {
    if (facts.justMerged) reads.push({ ref: { kind: 'sha', sha: facts.justMerged }, why, alone });
  };

  // A cache written from this very commit (by its merge queue run, a re-run, a push a schedule
  // follows) is an exact match; the planner reads it alone when it is known to exist.
  const readOwnCommit = () => {
    if (ctx.sha) {
      reads.push({ ref: { kind: 'sha', sha: ctx.sha }, why: 'this very commit, when it was built before' });
    }
  };

  const readMergedPullRequest = () => {
    if (ctx.mergedPullRequest !== undefined) {
      reads.push({
        ref: { kind: 'pr', number: ctx.mergedPullRequest },
        why: `the pull request this push merged (#${ctx.mergedPullRequest}): its merge commit held this content`,
      });
    }
  };

  switch (trigger.kind) {
    case 'push-default':
      readOwnCommit();
      reads.push({
        ref: branch(trigger.branch),
        why: 'own branch: the newest build of this branch',
        alone: OWN,
      });
      readMergedPullRequest();
      if (facts.parent) {
        const why =
          facts.parent === ctx.pushedBefore
            ? "the branch's previous head (the push's before): its last build"
            : 'the parent commit (HEAD^1)';
        reads.push({ ref: { kind: 'sha', sha: facts.parent }, why });
      } else {
        notes.push(`parent commit not found (${facts.parentWhy ?? 'unknown'})`);
      }
      writes = [
        { ref: branch(trigger.branch), why: 'push to the default branch: its cache serves every branch' },
        { ref: { kind: 'sha', sha: ctx.sha }, why: 'this commit, for branches that start from it' },
      ];
      break;
    case 'push-branch':
      readJustMerged(
        `the ${def} commit this push merged in`,
        `is the ${def} commit this push merged in: newer than this branch's last build`,
      );
      reads.push({
        ref: branch(trigger.branch),
        why: 'own branch: the newest build of this branch',
        alone: OWN,
      });
      readMergedPullRequest();
      readMergeBase();
      if (def) reads.push({ ref: branch(def), why: 'the default branch, the newest shared cache' });
      writes = [{ ref: branch(trigger.branch), why: 'push: a branch writes its own cache' }];
      break;
    case 'pull-request': {
      const own: RefUse = {
        ref: { kind: 'pr', number: trigger.number },
        why: 'own pull request: earlier runs',
        alone: OWN,
      };
      // The head branch's newest build: the merge commit holds exactly its files when the head
      // already contains the base (git compared the trees), and then it comes first and alone.
      const head = ctx.pullRequest?.headRef ?? '';
      const readHead = !trigger.fromFork && head !== '' && head !== trigger.base;
      if (readHead && facts.mergeIsHead) {
        reads.push({
          ref: branch(head),
          why: 'the head branch: the head already contains the base, so this merge commit holds its files',
          exact: 'was built from these very files (the head already contains the base)',
        });
      }
      if (facts.headWhy) notes.push(`head commit not compared with the merge commit: ${facts.headWhy}`);
      if (facts.justMerged) {
        // The head was just brought up to date: the base commit, then the base branch.
        const alone = "is the base commit the head just merged: newer than this pull request's last build";
        readJustMerged('the base commit the head just merged', alone);
        reads.push({ ref: branch(trigger.base), why: 'the base branch, which the head just merged', alone });
      }
      reads.push(own);
      if (readHead) {
        reads.push({ ref: branch(head), why: 'the head branch: the changes this pull request merges' });
      }
      if (trigger.base) {
        reads.push({ ref: branch(trigger.base), why: 'the base branch: the merge commit is built on it' });
      }
      if (def) reads.push({ ref: branch(def), why: 'the default branch' });
      const prWrite: RefUse = {
        ref: own.ref,
        why: 'pull request: writes only its own cache, never its base',
      };
      if (trigger.fromFork && visibility === 'github') {
        writes = [
          {
            ...prWrite,
            why: "pull request from a fork: GitHub keeps this scope to the pull request's own runs",
          },
        ];
      } else if (trigger.fromFork) {
        notes.push('pull request from a fork: no cache is written (cache-write: always to override)');
        alwaysWrites = [prWrite];
      } else {
        writes = [prWrite];
      }
      break;
    }
    case 'untrusted':
      if (trigger.base) reads.push({ ref: branch(trigger.base), why: `the base branch of ${trigger.event}` });
      if (def) reads.push({ ref: branch(def), why: 'the default branch' });
      notes.push(`${trigger.event} may run untrusted code: no cache is written by default`);
      if (trigger.base && trigger.base !== def) {
        alwaysWrites = [{ ref: branch(trigger.base), why: `cache-write: always on ${trigger.event}` }];
      }
      break;
    case 'merge-group':
      if (trigger.base)
        reads.push({ ref: branch(trigger.base), why: 'the queue commit is built on its base' });
      if (trigger.number !== null) {
        // Its last run built this PR merged into the base: the queue commit's content, unless the
        // base moved since. Like a run's own ref, it is read alone when it exists.
        reads.push({
          ref: { kind: 'pr', number: trigger.number },
          why: 'the queued pull request: its runs built it merged into the base',
          alone: 'holds the queued pull request built on the base',
        });
      }
      if (def && trigger.base !== def) reads.push({ ref: branch(def), why: 'the default branch' });
      alwaysWrites = [
        { ref: { kind: 'sha', sha: ctx.sha }, why: 'cache-write: always on a merge queue commit' },
      ];
      if (visibility === 'github') {
        notes.push(
          "merge queue: on GitHub the queue's cache is readable on the queue branch only: nothing is written",
        );
      } else if (ctx.sha) {
        writes = [
          {
            ref: { kind: 'sha', sha: ctx.sha },
            why: 'the queue commit: its base is fast-forwarded to it, and the push that follows reads it',
          },
        ];
      }
      break;
    case 'tag':
      if (def) reads.push({ ref: branch(def), why: 'the default branch' });
      readMergeBase();
      notes.push('tag: a tag build only reads');
      alwaysWrites = [{ ref: { kind: 'sha', sha: ctx.sha }, why: 'cache-write: always on a tag' }];
      break;
    case 'unknown':
      if (def) reads.push({ ref: branch(def), why: 'the default branch' });
      notes.push(
        `event ${trigger.event || '(none)'} on ${trigger.ref || '(no ref)'}: reading the default branch only`,
      );
      break;
  }

  if (write === 'never') {
    if (writes.length > 0) notes.push('cache-write: never: nothing is written');
    writes = [];
  } else if (write === 'always' && writes.length === 0) {
    writes = alwaysWrites;
    if (trigger.kind === 'untrusted' && alwaysWrites.length === 0) {
      notes.push(`${trigger.event} never writes the default branch's cache, whatever cache-write says`);
    }
  }
  // Whatever the policy, a run that untrusted code may steer never writes the default branch.
  if (trigger.kind === 'untrusted') {
    writes = writes.filter((w) => !(w.ref.kind === 'branch' && w.ref.name === def));
  }
  return { trigger, reads: dedupe(reads), writes: dedupe(writes), notes };
}
