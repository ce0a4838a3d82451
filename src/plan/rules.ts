import type { RunContext } from '../github/context';
import type { CacheBackend, CacheWrite } from '../runner/inputs/types';
import { STORE, type Visibility } from '../stores/descriptors';
import { type CacheRef, refLabel } from './names';
import { classify, type FactsNeeded, type GitFacts, type Trigger } from './triggers';
import {
  baseChange,
  branch,
  commit,
  mergeBaseRead,
  newBaseRead,
  OWN,
  pullRequestRef,
  type RefUse,
  rewriteUnknownNote,
  when,
} from './uses';

export type { RefUse } from './uses';

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

export type { Visibility };

/**
 * Who can read what a run writes, as its store says. `github`: the GitHub Actions cache, where a
 * pull request's scope is readable by that pull request's runs only and a merge queue's by the
 * queue branch only. `shared`: a registry, a folder or a bucket, readable by every later run.
 */
export function visibility(backend: CacheBackend): Visibility {
  return backend === 'none' ? 'shared' : STORE[backend].visibility;
}

/** What one trigger's rule is given: the run, narrowed to its trigger, and the commits found. */
interface Run<K extends Trigger['kind']> {
  trigger: Extract<Trigger, { kind: K }>;
  ctx: RunContext;
  facts: GitFacts;
  defaultBranch: string;
  visibility: Visibility;
}

/** One trigger's reads (best first) and writes, before the write policy. */
interface TriggerRules {
  reads: RefUse[];
  writes: RefUse[];
  /** Where `cache-write: always` writes when the rules write nothing. */
  alwaysWrites: RefUse[];
  notes: string[];
}

// A cache written from this very commit (by its merge queue run, a re-run, a push a schedule
// follows) is an exact match; the planner reads it alone when it is known to exist.
const ownCommitRead = (ctx: RunContext): RefUse[] =>
  when(ctx.sha, { ref: commit(ctx.sha), why: 'this very commit, when it was built before' });

const mergedPullRequestRead = (ctx: RunContext): RefUse[] =>
  ctx.mergedPullRequest === undefined
    ? []
    : [
        {
          ref: pullRequestRef(ctx.mergedPullRequest),
          why: `the pull request this push merged (#${ctx.mergedPullRequest}): its merge commit held this content`,
        },
      ];

const ownBranchRead = (name: string): RefUse => ({
  ref: branch(name),
  why: 'own branch: the newest build of this branch',
  alone: OWN,
});

const defaultBranchRead = (def: string): RefUse[] =>
  when(def, { ref: branch(def), why: 'the default branch' });

function pushToDefaultBranch({ trigger, ctx, facts }: Run<'push-default'>): TriggerRules {
  const parentWhy =
    facts.parent === ctx.pushedBefore
      ? "the branch's previous head (the push's before): its last build"
      : 'the parent commit (HEAD^1)';
  return {
    reads: [
      ...ownCommitRead(ctx),
      ownBranchRead(trigger.branch),
      ...mergedPullRequestRead(ctx),
      ...(facts.parent ? [{ ref: commit(facts.parent), why: parentWhy }] : []),
    ],
    writes: [
      { ref: branch(trigger.branch), why: 'push to the default branch: its cache serves every branch' },
      { ref: commit(ctx.sha), why: 'this commit, for branches that start from it' },
    ],
    alwaysWrites: [],
    notes: facts.parent ? [] : [`parent commit not found (${facts.parentWhy ?? 'unknown'})`],
  };
}

function pushToBranch({ trigger, ctx, facts, defaultBranch: def }: Run<'push-branch'>): TriggerRules {
  const mergeBase = mergeBaseRead(facts, def);
  const rewrote = "this push rewrote the branch's history";
  return {
    reads: [
      ...newBaseRead(baseChange(facts, facts.mergeBase), {
        merged: {
          why: `the ${def} commit this push merged in`,
          alone: `is the ${def} commit this push merged in: newer than this branch's last build`,
        },
        rebased: {
          why: `the new merge-base with ${def}: ${rewrote}`,
          alone: `is the new merge-base with ${def}: ${rewrote}, so its last build started from another base`,
        },
      }),
      ownBranchRead(trigger.branch),
      ...mergedPullRequestRead(ctx),
      ...mergeBase.reads,
      ...when(def, { ref: branch(def), why: 'the default branch, the newest shared cache' }),
    ],
    writes: [{ ref: branch(trigger.branch), why: 'push: a branch writes its own cache' }],
    alwaysWrites: [],
    notes: [...mergeBase.notes, ...rewriteUnknownNote(facts, 'this push', `branch:${trigger.branch}`)],
  };
}

/** A pull request's head brought onto a newer base: the base commit, then the base branch, each read alone. */
const PULL_REQUEST_BASE_CHANGE = {
  merged: {
    why: 'the base commit the head just merged',
    baseBranch: 'the base branch, which the head just merged',
    alone: "is the base commit the head just merged: newer than this pull request's last build",
  },
  rebased: {
    why: 'the base commit of this merge: the head was rewritten (force-pushed)',
    baseBranch: 'the base branch, which the head was rebased onto',
    alone:
      "is the base commit of this merge: the head was rewritten, so this pull request's last build started from another base",
  },
};

const baseBranchRead = (base: string, words: { baseBranch: string; alone: string }): RefUse => ({
  ref: branch(base),
  why: words.baseBranch,
  alone: words.alone,
});

function pullRequest(run: Run<'pull-request'>): TriggerRules {
  const { trigger, ctx, facts, defaultBranch: def } = run;
  const own: RefUse = {
    ref: pullRequestRef(trigger.number),
    why: 'own pull request: earlier runs',
    alone: OWN,
  };
  // The head branch's newest build: the merge commit holds exactly its files when the head
  // already contains the base (git compared the trees), and then it comes first and alone; not
  // when the head was rewritten, since that build may be of the head it replaced.
  const head = ctx.pullRequest?.headRef ?? '';
  const readHead = !trigger.fromFork && head !== '' && head !== trigger.base;
  // The head was just brought up to date (merged or rebased): the base commit, then the base branch.
  const change = baseChange(facts, facts.baseCommit);
  const { writes, alwaysWrites, notes } = pullRequestWrites(run, own.ref);
  return {
    reads: [
      ...when(readHead && facts.mergeIsHead && facts.rewritten !== true, {
        ref: branch(head),
        why: 'the head branch: the head already contains the base, so this merge commit holds its files',
        exact: 'was built from these very files (the head already contains the base)',
      }),
      ...newBaseRead(change, PULL_REQUEST_BASE_CHANGE),
      ...(change ? [baseBranchRead(trigger.base, PULL_REQUEST_BASE_CHANGE[change.how])] : []),
      own,
      ...when(readHead, { ref: branch(head), why: 'the head branch: the changes this pull request merges' }),
      ...when(trigger.base, {
        ref: branch(trigger.base),
        why: 'the base branch: the merge commit is built on it',
      }),
      ...defaultBranchRead(def),
    ],
    writes,
    alwaysWrites,
    notes: [
      ...(facts.headWhy ? [`head commit not compared with the merge commit: ${facts.headWhy}`] : []),
      ...rewriteUnknownNote(facts, 'the head update', `pr:${trigger.number}`),
      ...notes,
    ],
  };
}

/** A pull request writes only its own cache; from a fork, only where GitHub keeps it to its own runs. */
function pullRequestWrites(
  { trigger, visibility }: Run<'pull-request'>,
  own: CacheRef,
): Omit<TriggerRules, 'reads'> {
  const prWrite: RefUse = { ref: own, why: 'pull request: writes only its own cache, never its base' };
  if (trigger.fromFork && visibility === 'github') {
    const why = "pull request from a fork: GitHub keeps this scope to the pull request's own runs";
    return { writes: [{ ...prWrite, why }], alwaysWrites: [], notes: [] };
  }
  if (trigger.fromFork) {
    const note = 'pull request from a fork: no cache is written (cache-write: always to override)';
    return { writes: [], alwaysWrites: [prWrite], notes: [note] };
  }
  return { writes: [prWrite], alwaysWrites: [], notes: [] };
}

function untrusted({ trigger, defaultBranch: def }: Run<'untrusted'>): TriggerRules {
  return {
    reads: [
      ...when(trigger.base, { ref: branch(trigger.base), why: `the base branch of ${trigger.event}` }),
      ...defaultBranchRead(def),
    ],
    writes: [],
    alwaysWrites: when(trigger.base && trigger.base !== def, {
      ref: branch(trigger.base),
      why: `cache-write: always on ${trigger.event}`,
    }),
    notes: [`${trigger.event} may run untrusted code: no cache is written by default`],
  };
}

function mergeQueue({ trigger, ctx, defaultBranch: def, visibility }: Run<'merge-group'>): TriggerRules {
  const onGithub = visibility === 'github';
  return {
    reads: [
      ...when(trigger.base, { ref: branch(trigger.base), why: 'the queue commit is built on its base' }),
      // Its last run built this PR merged into the base: the queue commit's content, unless the
      // base moved since. Like a run's own ref, it is read alone when it exists.
      ...(trigger.number === null
        ? []
        : [
            {
              ref: pullRequestRef(trigger.number),
              why: 'the queued pull request: its runs built it merged into the base',
              alone: 'holds the queued pull request built on the base',
            },
          ]),
      ...when(def && trigger.base !== def, { ref: branch(def), why: 'the default branch' }),
    ],
    writes: when(!onGithub && ctx.sha, {
      ref: commit(ctx.sha),
      why: 'the queue commit: its base is fast-forwarded to it, and the push that follows reads it',
    }),
    alwaysWrites: [{ ref: commit(ctx.sha), why: 'cache-write: always on a merge queue commit' }],
    notes: onGithub
      ? ["merge queue: on GitHub the queue's cache is readable on the queue branch only: nothing is written"]
      : [],
  };
}

function tag({ ctx, facts, defaultBranch: def }: Run<'tag'>): TriggerRules {
  const mergeBase = mergeBaseRead(facts, def);
  return {
    reads: [...defaultBranchRead(def), ...mergeBase.reads],
    writes: [],
    alwaysWrites: [{ ref: commit(ctx.sha), why: 'cache-write: always on a tag' }],
    notes: [...mergeBase.notes, 'tag: a tag build only reads'],
  };
}

function unknown({ trigger, defaultBranch: def }: Run<'unknown'>): TriggerRules {
  return {
    reads: defaultBranchRead(def),
    writes: [],
    alwaysWrites: [],
    notes: [
      `event ${trigger.event || '(none)'} on ${trigger.ref || '(no ref)'}: reading the default branch only`,
    ],
  };
}

/** One trigger's rule, and what it reads besides the run: the facts fetched before it runs. */
interface TriggerRule<K extends Trigger['kind']> {
  rule: (run: Run<K>) => TriggerRules;
  /** The commits the rule reads (facts/facts.ts finds them); one not declared is not looked up. */
  facts: { [F in keyof FactsNeeded]?: true };
  /**
   * The read an earlier run of this ref wrote, read alone when it exists (with no base change the
   * facts could bring): when it exists and the push is no merge nor rewrite, the merge-base is
   * moot and not looked up.
   */
  mergeBaseMootIf?: (trigger: Extract<Trigger, { kind: K }>) => RefUse;
}

/**
 * The rule of each trigger, with the facts it needs: one table, so the two cannot drift apart. A
 * rule that writes (or, with `cache-write: always`, may write) a commit's cache needs the
 * workspace's HEAD (see ownCommitWrites).
 */
const RULES: { [K in Trigger['kind']]: TriggerRule<K> } = {
  'push-default': { rule: pushToDefaultBranch, facts: { parent: true, workspaceHead: true } },
  'push-branch': {
    rule: pushToBranch,
    facts: { mergeBase: true, rewrite: true },
    mergeBaseMootIf: (trigger) => ownBranchRead(trigger.branch),
  },
  'pull-request': { rule: pullRequest, facts: { headCommit: true, rewrite: true } },
  untrusted: { rule: untrusted, facts: {} },
  'merge-group': { rule: mergeQueue, facts: { workspaceHead: true } },
  tag: { rule: tag, facts: { mergeBase: true, workspaceHead: true } },
  unknown: { rule: unknown, facts: {} },
};

const ruleOf = <K extends Trigger['kind']>(kind: K): TriggerRule<K> => RULES[kind];

const rulesOf = <K extends Trigger['kind']>(run: Run<K>): TriggerRules =>
  ruleOf<K>(run.trigger.kind as K).rule(run);

/** The commits this trigger's rule reads, as the facts finder asks for them. */
export function factsNeeded(trigger: Trigger): FactsNeeded {
  const { facts } = RULES[trigger.kind];
  return {
    mergeBase: facts.mergeBase === true,
    parent: facts.parent === true,
    headCommit: facts.headCommit === true,
    rewrite: facts.rewrite === true,
    workspaceHead: facts.workspaceHead === true,
  };
}

/** The own read whose existence makes this trigger's merge-base lookup moot; null when none does. */
export function mergeBaseMootIf<K extends Trigger['kind']>(
  trigger: Extract<Trigger, { kind: K }>,
): RefUse | null {
  return ruleOf<K>(trigger.kind as K).mergeBaseMootIf?.(trigger) ?? null;
}

/**
 * A commit's cache (`sha:<commit>`) is written only by a build of that commit: the workspace's
 * HEAD, where git could tell. Another commit checked out (a workflow_dispatch of an older ref, an
 * event whose GITHUB_SHA is not what was checked out) would file its layers under the wrong commit,
 * which later runs read as an exact match.
 */
function ownCommitWrites(writes: RefUse[], facts: GitFacts): { writes: RefUse[]; notes: string[] } {
  const head = facts.workspaceHead;
  if (head === undefined) return { writes, notes: [] };
  const wrong = writes.filter((w) => w.ref.kind === 'sha' && w.ref.sha !== head);
  return {
    writes: writes.filter((w) => !wrong.includes(w)),
    notes: wrong.map(
      (w) => `${refLabel(w.ref)} is not written: the workspace holds ${head}, not that commit`,
    ),
  };
}

/** `cache-write`'s say over the trigger's writes. */
function writePolicy(
  trigger: Trigger,
  rules: TriggerRules,
  write: CacheWrite,
  def: string,
  facts: GitFacts,
): RefPlan {
  const notes = [...rules.notes];
  let writes = rules.writes;
  if (write === 'never') {
    if (writes.length > 0) notes.push('cache-write: never: nothing is written');
    writes = [];
  } else if (write === 'always' && writes.length === 0) {
    writes = rules.alwaysWrites;
    if (trigger.kind === 'untrusted' && rules.alwaysWrites.length === 0) {
      notes.push(`${trigger.event} never writes the default branch's cache, whatever cache-write says`);
    }
  }
  // Whatever the policy, a run that untrusted code may steer never writes the default branch.
  if (trigger.kind === 'untrusted') {
    writes = writes.filter((w) => !(w.ref.kind === 'branch' && w.ref.name === def));
  }
  const own = ownCommitWrites(writes, facts);
  return { trigger, reads: dedupe(rules.reads), writes: dedupe(own.writes), notes: [...notes, ...own.notes] };
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
  const defaultBranch = ctx.defaultBranch;
  const rules = rulesOf({ trigger, ctx, facts, defaultBranch, visibility });
  return writePolicy(trigger, rules, write, defaultBranch, facts);
}
