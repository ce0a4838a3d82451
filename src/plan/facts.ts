import * as path from 'node:path';
import type { Exec } from '../exec';
import { findMergeBase, parentCommit } from '../git/history';
import { mergeBaseFromApi } from '../github/compare';
import type { RunContext } from '../github/context';
import { listTags } from '../registry/tags';
import { siblingLegsFromTags } from './names';
import type { CachePlan, PlanOptions } from './plan';
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
  if (needed.parent) {
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

/** A matrix leg reads its siblings' registry caches: they are found among the repository's tags. */
export async function registrySiblingLegs(
  options: PlanOptions,
  dockerConfigDir: string | undefined,
): Promise<{ legs: string[]; note?: string }> {
  if (options.backend !== 'registry' || options.leg === '' || !options.image) return { legs: [] };
  const listed = await listTags({ image: options.image, dockerConfigDir });
  if (listed.tags === null) {
    return { legs: [], note: `sibling legs not listed (${listed.reason}); reading this leg's caches only` };
  }
  return { legs: siblingLegsFromTags(listed.tags, options.scope, options.leg) };
}

/** Local caches are read from folders; a folder not written yet is a normal miss, not an error. */
export function dropMissingLocalSources(p: CachePlan, exists: (file: string) => boolean): void {
  const missing = (entry: string) => {
    const m = /(?:^|,)src=([^,]+)/.exec(entry);
    return m !== null && entry.startsWith('type=local') && !exists(path.join(m[1], 'index.json'));
  };
  p.missing = p.cacheFrom.filter(missing);
  p.cacheFrom = p.cacheFrom.filter((e) => !missing(e));
}
