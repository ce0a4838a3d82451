import type { Exec } from '../exec';
import { findMergeBase, parentCommit } from '../git/history';
import { mergeBaseFromApi } from '../github/compare';
import type { RunContext } from '../github/context';
import { listTags } from '../registry/tags';
import type { PlanOptions } from './plan';
import type { FactsNeeded, GitFacts } from './rules';

/**
 * Finds the commits the rules asked for: from the checkout first (deepening a shallow one), then
 * from GitHub's compare API. Never fails: a commit not found is null with its reason.
 */
export async function gatherFacts(
  exec: Exec,
  ctx: RunContext,
  needed: FactsNeeded,
  githubToken: string,
): Promise<GitFacts> {
  const facts: GitFacts = { mergeBase: null, parent: null };
  const cwd = ctx.workspace;
  if (needed.parent && ctx.pushedBefore) {
    // The push names the head it replaced: no git lookup (or deepening) needed.
    facts.parent = ctx.pushedBefore;
    facts.parentFromPush = true;
  } else if (needed.parent) {
    const parent = await parentCommit(exec, { cwd, rev: 'HEAD', remote: 'origin' });
    facts.parent = parent.sha;
    if (parent.sha === null) facts.parentWhy = parent.reason;
  }
  if (needed.mergeBase && ctx.defaultBranch) {
    const local = await findMergeBase(exec, {
      cwd,
      head: 'HEAD',
      base: `origin/${ctx.defaultBranch}`,
      remote: 'origin',
    });
    if (local.sha !== null) {
      facts.mergeBase = local.sha;
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
  return facts;
}

/**
 * The cache repository's tags, listed once: they tell which planned sources exist and which
 * sibling matrix legs have caches. A listing that fails costs nothing but that knowledge.
 */
export async function listCacheTags(
  options: PlanOptions,
  dockerConfigDir: string | undefined,
): Promise<{ tags: string[] | null; note?: string }> {
  if (options.backend !== 'registry' || !options.image) return { tags: null };
  // The build waits for the plan: a registry that does not answer soon costs 5 s, not more.
  const listed = await listTags({ image: options.image, dockerConfigDir, timeoutMs: 5000 });
  if (listed.tags === null) {
    return { tags: null, note: `cache tags not listed (${listed.reason}): every planned source is read` };
  }
  return { tags: listed.tags };
}
