import type { GithubVariables } from '../runner/environment';

/** The facts about this run that the cache planner needs, read from the runner's environment. */
export interface RunContext {
  eventName: string;
  /** GITHUB_REF, e.g. refs/heads/main, refs/pull/7/merge, refs/tags/v1. */
  ref: string;
  sha: string;
  /** owner/name */
  repository: string;
  defaultBranch: string;
  apiUrl: string;
  /** `GITHUB_SERVER_URL`: github.com, or a GitHub Enterprise Server's own URL. */
  serverUrl: string;
  /** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`, for provenance's builder id. */
  runId: string;
  runAttempt: string;
  /** The payload's `repository.private` (false when the payload has no repository). */
  privateRepository: boolean;
  workspace: string;
  pullRequest?: PullRequestFacts;
  mergeGroup?: MergeGroupFacts;
  /** The pull request a push merged, from its head commit's message, when it names one. */
  mergedPullRequest?: number;
  /**
   * A push's `before`: the branch head it replaced, so the commit the last build of this branch
   * ran on (HEAD^1 for a one-commit push). Absent for new branches and forced pushes.
   */
  pushedBefore?: string;
  /**
   * The head this event replaced, forced or not: a push's `before`, or a pull request update's
   * (`synchronize`). Absent for new branches. Whether it is still in the new head's history tells
   * whether the ref's last build started from the same base.
   */
  replacedHead?: string;
  /** The push payload says `forced: true`: the push rewrote the branch's history. */
  forcedPush?: true;
  /** The payload's `action` (`closed`, `synchronize`, …), for events that have one. */
  action?: string;
  /** A `delete` event's ref: `branch` or `tag`, and its short name. */
  deletedRef?: { type: string; name: string };
}

export interface PullRequestFacts {
  number: number;
  baseRef: string;
  headRef: string;
  /** The head commit the pull request merges ('' when the payload lacks it). */
  headSha: string;
  /** The head repository differs from the base repository. */
  fromFork: boolean;
  /** A closed pull request was merged. */
  merged?: boolean;
}

export interface MergeGroupFacts {
  baseRef: string;
  prNumber: number | null;
  headSha: string;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' ? (value as Json) : undefined;
}
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
export function stripRefsHeads(ref: string): string {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}

/** `gh-readonly-queue/<base>/pr-<N>-<sha>` → base and N (the base itself may contain `/`). */
export function parseMergeQueueRef(ref: string): { baseRef: string; prNumber: number } | null {
  const m = /^(?:refs\/heads\/)?gh-readonly-queue\/(.+)\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
  return m ? { baseRef: m[1], prNumber: Number(m[2]) } : null;
}

/** Pure: the runner's `GITHUB_*` variables plus the parsed event payload → RunContext. */
export function runContextFrom(github: GithubVariables, payload: Json): RunContext {
  const eventName = github.eventName;
  const repo = obj(payload.repository);
  const ctx: RunContext = {
    eventName,
    ref: github.ref,
    sha: github.sha,
    repository: github.repository ?? str(repo?.full_name),
    defaultBranch: str(repo?.default_branch) || str(repo?.master_branch),
    apiUrl: github.apiUrl,
    serverUrl: github.serverUrl,
    runId: github.runId,
    runAttempt: github.runAttempt,
    privateRepository: repo?.private === true,
    workspace: github.workspace,
  };
  // A schedule payload carries no repository; scheduled runs always run on the default branch.
  if (ctx.defaultBranch === '' && eventName === 'schedule') ctx.defaultBranch = stripRefsHeads(ctx.ref);
  const pr = obj(payload.pull_request);
  if (pr && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
    const base = obj(pr.base);
    const head = obj(pr.head);
    const baseRepo = str(obj(base?.repo)?.full_name);
    const headRepo = str(obj(head?.repo)?.full_name);
    ctx.pullRequest = {
      number: Number(pr.number ?? payload.number),
      baseRef: str(base?.ref),
      headRef: str(head?.ref),
      headSha: str(head?.sha),
      // A deleted fork has head.repo null: treat it as a fork, the careful answer.
      fromFork: headRepo === '' || (baseRepo !== '' && headRepo !== baseRepo),
      ...(pr.merged === true ? { merged: true } : {}),
    };
  }
  if (typeof payload.action === 'string') ctx.action = payload.action;
  if (eventName === 'delete') ctx.deletedRef = { type: str(payload.ref_type), name: str(payload.ref) };
  const mg = obj(payload.merge_group);
  if (mg && eventName === 'merge_group') {
    const headRef = str(mg.head_ref);
    const parsed = parseMergeQueueRef(headRef);
    ctx.mergeGroup = {
      baseRef: stripRefsHeads(str(mg.base_ref)) || parsed?.baseRef || '',
      prNumber: parsed?.prNumber ?? null,
      headSha: str(mg.head_sha),
    };
  }
  const headCommit = obj(payload.head_commit);
  if (eventName === 'push' && headCommit) {
    const n = mergedPullRequest(str(headCommit.message));
    if (n !== null) ctx.mergedPullRequest = n;
  }
  const before = str(payload.before);
  const replaced = /^[0-9a-f]{40}$/.test(before) && !/^0+$/.test(before);
  if (replaced && (eventName === 'push' || (eventName === 'pull_request' && ctx.action === 'synchronize'))) {
    ctx.replacedHead = before;
  }
  if (eventName === 'push' && payload.forced === true) ctx.forcedPush = true;
  if (eventName === 'push' && replaced && payload.forced !== true) ctx.pushedBefore = before;
  return ctx;
}

/**
 * The pull request a commit merged, from the messages GitHub writes: a merge commit's
 * `Merge pull request #12 from owner/branch`, a squash merge's `Title (#12)`.
 */
export function mergedPullRequest(message: string): number | null {
  const subject = message.split('\n')[0].trim();
  const m = /^Merge pull request #(\d+) from /.exec(subject) ?? /\(#(\d+)\)$/.exec(subject);
  return m ? Number(m[1]) : null;
}
