import type { Exec } from '../exec';
import { type CommitInfo, commitInfo, compareCommits, findMergeBase, parentCommit } from '../git/history';
import { mergeBaseFromApi } from '../github/compare';
import type { RunContext } from '../github/context';
import { dockerConfigDir } from '../docker-config';
import { listGhaCacheNames } from '../github/cache-entries';
import { listTags } from '../registry/tags';
import { namespace, siblingLegsFromTags } from './names';
import { type Existence, ghaExistence, localExistence, registryExistence } from './narrow';
import { plan, type PlanOptions } from './plan';
import { probedExistence } from './probe';
import { classify, type FactsNeeded, factsNeeded, type GitFacts } from './rules';

/**
 * Finds the commits the rules asked for: from the checkout first (deepening a shallow one), then
 * from GitHub's compare API. Never fails: a commit not found is null with its reason.
 */
export async function gatherFacts(
  exec: Exec,
  ctx: RunContext,
  needed: FactsNeeded,
  githubToken: string,
  /** HEAD's commit, when the caller already asked git for it. */
  head?: Promise<CommitInfo | undefined>,
): Promise<GitFacts> {
  const facts: GitFacts = { mergeBase: null, parent: null };
  const cwd = ctx.workspace;
  if (needed.parent && ctx.pushedBefore) {
    // The push names the head it replaced: no git lookup (or deepening) needed.
    facts.parent = ctx.pushedBefore;
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
      // A push that merged the default branch in names the merge-base as HEAD's second parent.
      if ((await (head ?? commitInfo(exec, { cwd })))?.parents[1] === local.sha) facts.justMerged = local.sha;
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
    const compared = await compareCommits(exec, { cwd, other: headSha, remote: 'origin' });
    if (typeof compared === 'string') {
      facts.headWhy = compared;
    } else {
      // GitHub's merge commit of a pull request: first parent the base, second the head.
      const base = compared.rev.parents[0];
      facts.mergeIsHead = compared.rev.tree === compared.other.tree;
      if (base !== undefined && compared.other.parents[1] === base) facts.justMerged = base;
    }
  }
  return facts;
}

/**
 * The facts and the listing a plan needs, side by side. One exception to running them at once:
 * a branch push whose own cache exists reads that alone (narrow.ts), so its merge-base, which a
 * shallow checkout only yields after fetches, is not looked up, unless the push is a merge (it
 * may have merged its base, which the rules read instead). That push waits for the listing first.
 */
export async function planInputs(
  exec: Exec,
  ctx: RunContext,
  options: PlanOptions,
  env: NodeJS.ProcessEnv,
  githubToken: string,
  fileExists: (file: string) => boolean,
  /** Every leg planned from these facts (bake targets); the lookup is skipped only when each has its own cache. */
  legs: string[] = [options.leg],
): Promise<{ facts: GitFacts; existing: ExistingCaches }> {
  const trigger = classify(ctx);
  const needed = factsNeeded(trigger);
  const listing = findExistingCaches(options, env, fileExists);
  // HEAD's parents decide both whether to skip the lookup and whether the push merged its base.
  const head = trigger.kind === 'push-branch' ? commitInfo(exec, { cwd: ctx.workspace }) : undefined;
  let skipped = '';
  if (head) {
    const owns = legs.map((leg) =>
      plan(ctx, { mergeBase: null, parent: null }, { ...options, leg }).reads.find((r) => r.alone && r.entry),
    );
    const existing = await listing;
    const own = owns[0];
    const ownEntries = owns.flatMap((o) => (o ? [o.entry] : []));
    if (ownEntries.length > 0) await existing.probe?.(ownEntries);
    if (own && owns.every((o) => o && existing.exists(o.entry) === true)) {
      const info = await head;
      if (info && info.parents.length === 1) {
        needed.mergeBase = false;
        skipped = `not looked up: ${own.ref} exists and is read alone`;
      }
    }
  }
  const [facts, existing] = await Promise.all([gatherFacts(exec, ctx, needed, githubToken, head), listing]);
  if (skipped) facts.mergeBaseSkipped = skipped;
  if (existing.probe) {
    await existing.probe(
      legs.flatMap((leg) => plan(ctx, facts, { ...options, leg }).reads.map((r) => r.entry)),
    );
  }
  return { facts, existing };
}

/** What the backend's own listing tells before the build: which sources exist, which legs have caches. */
export interface ExistingCaches {
  exists: Existence;
  /** Sibling matrix legs found with caches of their own (registry tags). */
  siblingLegs: string[];
  /** Every leg found with caches (registry tags), this one included: the siblings of each bake target. */
  legs?: string[];
  /** Why nothing could be listed, when a listing failed. */
  note?: string;
  /** Stores asked per entry (s3, azblob): checks these entries, once the plan's reads are known. */
  probe?: (entries: string[]) => Promise<void>;
}

/**
 * Lists, once per run and by the backend's own means, which caches exist: the registry
 * repository's tags, the gha index entries the runtime token can read, the local folders. A
 * listing that fails costs nothing but that knowledge: every planned source is then read.
 */
export async function findExistingCaches(
  options: PlanOptions,
  env: NodeJS.ProcessEnv,
  fileExists: (file: string) => boolean,
): Promise<ExistingCaches> {
  const unknown = (note?: string): ExistingCaches => ({ exists: () => undefined, siblingLegs: [], note });
  switch (options.backend) {
    case 'registry': {
      if (!options.image) return unknown();
      // The build waits for the plan: a registry that does not answer soon costs 5 s, not more.
      const listed = await listTags({
        image: options.image,
        dockerConfigDir: dockerConfigDir(env),
        timeoutMs: 5000,
      });
      if (listed.tags === null) {
        return unknown(`cache tags not listed (${listed.reason}): every planned source is read`);
      }
      const legs = options.leg === '' ? [] : siblingLegsFromTags(listed.tags, options.scope, options.leg);
      return {
        exists: registryExistence(listed.tags),
        siblingLegs: legs,
        legs: siblingLegsFromTags(listed.tags, options.scope, ''),
      };
    }
    case 'gha': {
      if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) return unknown();
      const listed = await listGhaCacheNames({
        resultsUrl: env.ACTIONS_RESULTS_URL,
        token: env.ACTIONS_RUNTIME_TOKEN,
        prefix: namespace(options.scope, ''),
      });
      if (listed.names === null) {
        return unknown(`gha caches not listed (${listed.reason}): every planned source is read`);
      }
      return { exists: ghaExistence(listed.names), siblingLegs: [] };
    }
    case 'local':
      return options.persistedLocal ? unknown() : { exists: localExistence(fileExists), siblingLegs: [] };
    case 's3':
    case 'azblob': {
      // The request that BuildKit's importer makes first, one per source (src/s3, src/azblob).
      const check =
        options.backend === 's3'
          ? (await import('../s3/exists')).s3ManifestExists
          : (await import('../azblob/exists')).azblobManifestExists;
      const probed = probedExistence((entry) => check(entry, env));
      const found: ExistingCaches = {
        exists: probed.exists,
        siblingLegs: [],
        probe: async (entries) => {
          await probed.probe(entries);
          found.note = probed.note();
        },
      };
      return found;
    }
    default:
      return unknown();
  }
}
