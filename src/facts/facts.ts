import type { Exec } from '../lib/exec';
import { type CommitInfo, commitInfo, compareCommits, parentCommit } from '../git/commits';
import { isAncestor } from '../git/ancestry';
import { makeGit, resolveCommit } from '../git/git';
import { findMergeBase } from '../git/merge-base';
import { ancestryFromApi, commitFromApi, mergeBaseFromApi } from '../github/compare';
import type { RunContext } from '../github/context';
import { type CachePlan, ownReadEntry, type PlanOptions } from '../plan/planner';
import { refLabel } from '../plan/names';
import { factsNeeded, mergeBaseMootIf } from '../plan/rules';
import { classify, type FactsNeeded, type GitFacts } from '../plan/triggers';
import { type ExistingCaches, findExistingCaches } from './existing';
import { readEnvironment, type RunnerEnvironment } from '../runner/environment';

type RewriteFacts = Pick<GitFacts, 'rewritten' | 'rewrittenWhy'>;

/**
 * Whether the event rewrote the ref's history: the push payload's `forced`, else git asked whether
 * the head the event replaced is still in `head`'s history. Nothing replaced (a new branch), nothing to tell.
 */
async function historyRewritten(
  exec: Exec,
  ctx: RunContext,
  head: string,
  githubToken: string,
  env: NodeJS.ProcessEnv,
): Promise<RewriteFacts> {
  if (ctx.forcedPush) return { rewritten: true };
  if (!ctx.replacedHead) return {};
  const answer = await isAncestor(exec, { cwd: ctx.workspace, env, before: ctx.replacedHead, head });
  if (answer.ancestor !== null) return { rewritten: !answer.ancestor };
  // No checkout (build-push-action's Git context needs none): GitHub's compare API can tell.
  const api = apiOf(ctx, githubToken);
  if (!api) return { rewrittenWhy: answer.reason };
  const remote = await ancestryFromApi({
    ...api,
    base: ctx.replacedHead,
    head: head === 'HEAD' ? ctx.sha : head,
  });
  return remote.ancestor === null
    ? { rewrittenWhy: `git: ${answer.reason}; GitHub API: ${remote.reason}` }
    : { rewritten: !remote.ancestor };
}

/** The REST API for the facts git cannot give (no checkout), when the job has a token for it. */
function apiOf(ctx: RunContext, githubToken: string) {
  return githubToken !== '' && ctx.repository !== '' && ctx.sha !== ''
    ? { apiUrl: ctx.apiUrl, repository: ctx.repository, token: githubToken }
    : null;
}

/** The merge commit's and the head's trees and parents, from the API: what compareCommits reads from git. */
async function headCommitFromApi(
  ctx: RunContext,
  githubToken: string,
  headSha: string,
): Promise<Pick<GitFacts, 'mergeIsHead' | 'baseCommit' | 'justMerged'> | { why: string }> {
  const api = apiOf(ctx, githubToken);
  if (!api) return { why: 'no github-token for the API fallback' };
  const [merge, head] = await Promise.all([
    commitFromApi({ ...api, sha: ctx.sha }),
    commitFromApi({ ...api, sha: headSha }),
  ]);
  if ('reason' in merge) return { why: `GitHub API: ${merge.reason}` };
  if ('reason' in head) return { why: `GitHub API: ${head.reason}` };
  const base = merge.parents[0];
  return {
    mergeIsHead: merge.tree === head.tree,
    ...(base !== undefined ? { baseCommit: base } : {}),
    ...(base !== undefined && head.parents[1] === base ? { justMerged: base } : {}),
  };
}

/**
 * Finds the commits the rules asked for: from the checkout first (deepening a shallow one), then
 * from GitHub's compare API. Never fails: a commit not found is null with its reason.
 */
/** Where git runs: the checkout and the environment it is handed. */
type GitAt = { cwd: string; env: NodeJS.ProcessEnv };

/** The commit the workspace holds; undefined when git cannot tell (no checkout, not a repository). */
async function workspaceHead(exec: Exec, at: GitAt): Promise<string | undefined> {
  try {
    return await resolveCommit(makeGit(exec, at), 'HEAD');
  } catch {
    return undefined;
  }
}

export async function gatherFacts(
  exec: Exec,
  ctx: RunContext,
  needed: FactsNeeded,
  githubToken: string,
  /** HEAD's commit, when the caller already asked git for it. */
  head?: Promise<CommitInfo | undefined>,
  /** Whether a push rewrote history, when the caller already asked. */
  pushRewrite?: Promise<RewriteFacts>,
  /** The environment git runs in (the runner's). */
  env: NodeJS.ProcessEnv = readEnvironment().processEnv,
): Promise<GitFacts> {
  const facts: GitFacts = { mergeBase: null, parent: null };
  const at: GitAt = { cwd: ctx.workspace, env };
  if (needed.workspaceHead) {
    const head = await workspaceHead(exec, at);
    if (head) facts.workspaceHead = head;
  }
  if (needed.rewrite && !ctx.pullRequest)
    Object.assign(facts, await (pushRewrite ?? historyRewritten(exec, ctx, 'HEAD', githubToken, env)));
  if (needed.parent && ctx.pushedBefore) {
    // The push names the head it replaced: no git lookup (or deepening) needed.
    facts.parent = ctx.pushedBefore;
  } else if (needed.parent) {
    const parent = await parentCommit(exec, { ...at, rev: 'HEAD', remote: 'origin' });
    facts.parent = parent.sha;
    if (parent.sha === null) {
      const api = apiOf(ctx, githubToken);
      const remote = api ? await commitFromApi({ ...api, sha: ctx.sha }) : null;
      if (remote && !('reason' in remote) && remote.parents[0]) facts.parent = remote.parents[0];
      else
        facts.parentWhy = `git: ${parent.reason}; ${remote ? `GitHub API: ${'reason' in remote ? remote.reason : 'the commit has no parent'}` : 'no github-token for the API fallback'}`;
    }
  }
  if (needed.mergeBase && ctx.defaultBranch) {
    const local = await findMergeBase(exec, {
      ...at,
      head: 'HEAD',
      base: `origin/${ctx.defaultBranch}`,
      remote: 'origin',
    });
    if (local.sha !== null) {
      facts.mergeBase = local.sha;
      // A push that merged the default branch in names the merge-base as HEAD's second parent.
      if ((await (head ?? commitInfo(exec, at)))?.parents[1] === local.sha) facts.justMerged = local.sha;
    } else if (githubToken !== '' && ctx.repository !== '' && ctx.sha !== '') {
      const remote = await mergeBaseFromApi({
        apiUrl: ctx.apiUrl,
        repository: ctx.repository,
        base: ctx.defaultBranch,
        head: ctx.sha,
        token: githubToken,
      });
      facts.mergeBase = remote.sha;
      if (remote.sha === null) facts.mergeBaseWhy = `git: ${local.reason}; GitHub API: ${remote.reason}`;
    } else {
      facts.mergeBaseWhy = `git: ${local.reason}; no github-token for the API fallback`;
    }
  }
  const headSha = ctx.pullRequest?.headSha ?? '';
  if (needed.headCommit && headSha !== '') {
    const compared = await compareCommits(exec, { ...at, other: headSha, remote: 'origin' });
    const remote = typeof compared === 'string' ? await headCommitFromApi(ctx, githubToken, headSha) : null;
    if (remote && !('why' in remote)) {
      Object.assign(facts, remote);
    } else if (typeof compared === 'string') {
      facts.headWhy = `git: ${compared}; ${remote && 'why' in remote ? remote.why : ''}`;
    } else {
      // GitHub's merge commit of a pull request: first parent the base, second the head.
      const base = compared.rev.parents[0];
      facts.mergeIsHead = compared.rev.tree === compared.other.tree;
      if (base !== undefined) facts.baseCommit = base;
      if (base !== undefined && compared.other.parents[1] === base) facts.justMerged = base;
    }
  }
  if (needed.rewrite && ctx.pullRequest && headSha !== '' && facts.headWhy === undefined) {
    Object.assign(facts, await historyRewritten(exec, ctx, headSha, githubToken, env));
  }
  return facts;
}

/**
 * The facts the trigger's rule declares (plan/rules.ts) and which caches exist, side by side; the
 * caller plans once with these facts, then asks `existing.probe` about the plan's reads. One
 * exception to running them at once: a branch push whose own cache exists reads that alone
 * (narrow.ts), so its merge-base, which a shallow checkout only yields after fetches, is not looked
 * up, unless the push is a merge (it may have merged its base, which the rules read instead) or
 * rewrote history (it reads its new merge-base instead). That push checks its own cache first.
 */
export async function planInputs(
  exec: Exec,
  ctx: RunContext,
  options: PlanOptions,
  environment: RunnerEnvironment,
  githubToken: string,
  fileExists: (file: string) => boolean,
  /** Every leg planned from these facts (bake targets); the lookup is skipped only when each has its own cache. */
  legs: string[] = [options.leg],
): Promise<{ facts: GitFacts; existing: ExistingCaches }> {
  const trigger = classify(ctx);
  const needed = factsNeeded(trigger);
  const listing = findExistingCaches(options, environment, fileExists, exec);
  const moot = needed.mergeBase ? mergeBaseMootIf(trigger) : null;
  // The declared own read, as each leg's plan will spell it: checked while git works.
  const owns = moot ? legs.map((leg) => ownReadEntry(ctx, { ...options, leg }, moot)) : [];
  const early = owns.some((o) => o !== '') ? listing.then((e) => e.probe?.(owns)) : undefined;
  // HEAD's parents decide both whether to skip the lookup and whether the push merged its base.
  const env = environment.processEnv;
  const head = moot ? commitInfo(exec, { cwd: ctx.workspace, env }) : undefined;
  // A push that rewrote history reads its new merge-base instead of its own cache: that needs the lookup.
  const rewrite = head && needed.rewrite ? historyRewritten(exec, ctx, 'HEAD', githubToken, env) : undefined;
  let skipped = '';
  if (moot && head && (await rewrite)?.rewritten !== true) {
    const existing = await listing;
    await early;
    if (owns.every((o) => o !== '' && existing.exists(o) === true)) {
      const info = await head;
      if (info && info.parents.length === 1) {
        needed.mergeBase = false;
        skipped = `not looked up: ${refLabel(moot.ref)} exists and is read alone`;
      }
    }
  }
  const [facts, existing] = await Promise.all([
    gatherFacts(exec, ctx, needed, githubToken, head, rewrite, env),
    listing,
    early,
  ]);
  if (skipped) facts.mergeBaseSkipped = skipped;
  return { facts, existing };
}

/** Asks the store about every source the plans read (those it knows from a listing need no request). */
export async function probePlanned(existing: ExistingCaches, plans: CachePlan[]): Promise<void> {
  await existing.probe?.(plans.flatMap((p) => p.reads.map((read) => read.entry)));
}
