import type { Exec } from '../exec';
import { type CommitInfo, commitInfo, compareCommits, findMergeBase, parentCommit } from '../git/history';
import { mergeBaseFromApi } from '../github/compare';
import type { RunContext } from '../github/context';
import { dockerConfigDir } from '../docker-config';
import { ghaServiceFrom, lookUpGhaCaches } from '../github/cache-entries';
import { cacheScopesFromToken } from '../github/runtime-token';
import { listTags, manifestsExist, type TagList } from '../registry/tags';
import { siblingLegsFromTags } from './names';
import {
  type Existence,
  ghaExistence,
  ghaNameOf,
  localExistence,
  manifestExistence,
  registryExistence,
  registryTagOf,
} from './narrow';
import { type CachePlan, plan, type PlanOptions } from './plan';
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

/** The entries a plan reads. */
const readEntries = (p: CachePlan) => p.reads.map((r) => r.entry).filter((e) => e !== '');

/**
 * The facts and which caches exist, side by side. The caches the plan can name without git (its
 * own refs, the default branch) are checked at once; those that need a commit git finds (the
 * merge-base, the parent) are checked once it is found. One exception to running them at once: a
 * branch push whose own cache exists reads that alone (narrow.ts), so its merge-base, which a
 * shallow checkout only yields after fetches, is not looked up, unless the push is a merge (it
 * may have merged its base, which the rules read instead). That push waits for the first check.
 */
export async function planInputs(
  exec: Exec,
  ctx: RunContext,
  options: PlanOptions,
  env: NodeJS.ProcessEnv,
  githubToken: string,
  fileExists: (file: string) => boolean,
): Promise<{ facts: GitFacts; existing: ExistingCaches }> {
  const trigger = classify(ctx);
  const needed = factsNeeded(trigger);
  const checks = existenceChecks(exec, options, env, fileExists);
  const early = plan(ctx, { mergeBase: null, parent: null }, options);
  const listing = checks.check(readEntries(early));
  // HEAD's parents decide both whether to skip the lookup and whether the push merged its base.
  const head = trigger.kind === 'push-branch' ? commitInfo(exec, { cwd: ctx.workspace }) : undefined;
  let skipped = '';
  if (head) {
    const own = early.reads.find((r) => r.alone && r.entry);
    if (own && (await listing).exists(own.entry) === true) {
      const info = await head;
      if (info && info.parents.length === 1) {
        needed.mergeBase = false;
        skipped = `not looked up: ${own.ref} exists and is read alone`;
      }
    }
  }
  const [facts] = await Promise.all([gatherFacts(exec, ctx, needed, githubToken, head), listing]);
  if (skipped) facts.mergeBaseSkipped = skipped;
  const existing = await checks.check(readEntries(plan(ctx, facts, options)));
  return { facts, existing };
}

/** What the backend tells before the build: which sources exist, which legs have caches. */
export interface ExistingCaches {
  exists: Existence;
  /** Sibling matrix legs found with caches of their own (registry tags). */
  siblingLegs: string[];
  /** Why some or all of it is unknown, when a check failed. */
  note?: string;
  /** A check failed: what it would have told is unknown (narrow.ts then reads the likeliest sources). */
  failed?: true;
}

/** Finds out which caches exist; asked again with more entries, it checks only the new ones. */
export interface ExistenceChecks {
  check(entries: string[]): Promise<ExistingCaches>;
}

/**
 * Checks, by the backend's own means, which caches exist: the registry repository's tags (listed
 * once per run; a registry that refuses the listing is asked `HEAD` per planned tag, as BuildKit's
 * importer asks), the gha index of each planned cache name (looked up as BuildKit's importer looks
 * it up), the local folders. A check that fails costs nothing but that knowledge (see narrow.ts
 * for what is read then).
 */
export function existenceChecks(
  exec: Exec,
  options: PlanOptions,
  env: NodeJS.ProcessEnv,
  fileExists: (file: string) => boolean,
): ExistenceChecks {
  const unknown = (): ExistingCaches => ({ exists: () => undefined, siblingLegs: [] });
  switch (options.backend) {
    case 'registry': {
      const image = options.image;
      if (!image) return { check: async () => unknown() };
      const dir = dockerConfigDir(env);
      // The build waits for the plan: a registry that does not answer soon costs 5 s, not more.
      let listing: Promise<TagList> | undefined;
      const heads = new OnePerKey((tags) => manifestsExist({ image, tags, dockerConfigDir: dir, exec }));
      return {
        async check(entries) {
          listing ??= listTags({ image, dockerConfigDir: dir, timeoutMs: 5000, exec });
          const listed = await listing;
          if (listed.tags !== null) {
            const legs =
              options.leg === '' ? [] : siblingLegsFromTags(listed.tags, options.scope, options.leg);
            return { exists: registryExistence(listed.tags), siblingLegs: legs };
          }
          if (!listed.refused) {
            const note = `cache tags not listed (${listed.reason}): which caches exist is unknown`;
            return { exists: () => undefined, siblingLegs: [], note, failed: true };
          }
          const tags = entries.map(registryTagOf).filter((t): t is string => t !== undefined);
          const headed = await heads.ask(tags);
          const failed = headed.reason ? `; some could not be asked for (${headed.reason})` : '';
          return {
            exists: manifestExistence(headed.found),
            siblingLegs: [],
            ...(headed.reason ? { failed: true as const } : {}),
            note: `cache tags not listed (${listed.reason}): each planned tag was asked for with HEAD${failed}`,
          };
        },
      };
    }
    case 'gha': {
      const service = ghaServiceFrom(env);
      const token = env.ACTIONS_RUNTIME_TOKEN ?? '';
      if (!token || !service) return { check: async () => unknown() };
      const tokenScopes = cacheScopesFromToken(token)?.map((s) => s.scope) ?? null;
      const lookups = new OnePerKey((names) => lookUpGhaCaches({ service, token, names, tokenScopes }));
      return {
        async check(entries) {
          const names = entries.map(ghaNameOf).filter((n): n is string => n !== undefined);
          const looked = await lookups.ask(names);
          return {
            exists: ghaExistence(looked.found),
            siblingLegs: [],
            ...(looked.reason
              ? {
                  note: `some gha caches could not be looked up (${looked.reason}): they count as unknown`,
                  failed: true as const,
                }
              : {}),
          };
        },
      };
    }
    case 'local':
      return { check: async () => ({ exists: localExistence(fileExists), siblingLegs: [] }) };
    default:
      return { check: async () => unknown() };
  }
}

/**
 * Asks about each key once per run: later calls ask only about keys not asked yet, and wait for
 * the answers still on their way. The first failure's reason is kept.
 */
class OnePerKey {
  private readonly found = new Map<string, boolean | undefined>();
  private readonly asked = new Set<string>();
  private readonly pending: Promise<void>[] = [];
  private reason?: string;

  constructor(
    private readonly lookUp: (
      keys: string[],
    ) => Promise<{ found: Map<string, boolean | undefined>; reason?: string }>,
  ) {}

  async ask(keys: string[]): Promise<{ found: Map<string, boolean | undefined>; reason?: string }> {
    const fresh = [...new Set(keys)].filter((k) => !this.asked.has(k));
    for (const k of fresh) this.asked.add(k);
    if (fresh.length > 0) {
      this.pending.push(
        this.lookUp(fresh).then((answer) => {
          for (const [k, v] of answer.found) this.found.set(k, v);
          this.reason ??= answer.reason;
        }),
      );
    }
    await Promise.all(this.pending);
    return this.reason ? { found: this.found, reason: this.reason } : { found: this.found };
  }
}
