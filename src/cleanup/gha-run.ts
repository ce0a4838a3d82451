import type { RunContext } from '../github/context';
import type { GitHubApi } from '../github/rest';
import { namespace } from '../plan/names';
import {
  BLOB_KEY_PREFIX,
  cacheNameOfKey,
  type EntryFamily,
  FAMILY_KEY_PREFIX,
  INDEX_KEY_PREFIX,
} from '../stores/github-cache/keys';
import {
  bytesByRef,
  deleteGhaEntry,
  entriesByName,
  GHA_DEFAULT_LIMIT_BYTES,
  ghaCacheLimitBytes,
  gitRefOf,
  ghaUsage,
  listGhaEntries,
  orphanedBlobs,
} from './gha';
import { type DeletionPlan, type DeletionTarget, type ExistingCache, MAX_DELETIONS } from './deletions';
import { type CleanupOutcome, type QuotaView, quotaWarning } from './outcome';

/** What the GitHub cache's clean-up works with (run.ts gives each backend these and more). */
export interface GhaCleanup {
  ctx: RunContext;
  api: GitHubApi;
  target: DeletionTarget;
  scope: string;
  families: EntryFamily[];
  decide: (existing: ExistingCache[]) => DeletionPlan;
  out: CleanupOutcome;
}

/**
 * Deletes a gone ref's entries, or the commit caches past retention, from the GitHub cache: every
 * family's entries under the ref's git ref, grouped by cache name, planned by name (plan.ts).
 */
export async function cleanUpGha(r: GhaCleanup): Promise<void> {
  const { ctx, api, target, scope, families, decide, out } = r;
  const repo = ctx.repository;
  const gitRef =
    target.kind === 'ref-gone' ? gitRefOf(target.ref, ctx.defaultBranch) : `refs/heads/${ctx.defaultBranch}`;
  const names = target.kind === 'ref-gone' ? `${namespace(scope, '')}.` : `${target.namespace}.sha-`;
  const listings = await Promise.all(
    families.map((f) => listGhaEntries(api, repo, { key: FAMILY_KEY_PREFIX[f](names), ref: gitRef })),
  ).catch((e: unknown) => {
    throw Object.assign(e as Error, { listing: true });
  });
  const byName = entriesByName(listings.flatMap((l) => l.entries));
  const plan = decide(
    [...byName].map(([name, list]) => ({ name, createdAt: Math.min(...list.map((e) => e.createdAt)) })),
  );
  let requests = 0;
  for (const d of plan.deletions) {
    if (!out.dryRun) for (const e of byName.get(d.name) ?? []) await deleteGhaEntry(api, repo, e.id);
    requests++;
    out.deleted.push(d);
  }
  // A gone ref's layer blobs: only its own runs could read them.
  if (families.includes('index') && target.kind === 'ref-gone' && !out.dryRun && requests < MAX_DELETIONS) {
    const remaining = await listGhaEntries(api, repo, { key: INDEX_KEY_PREFIX, ref: gitRef });
    const blobs = orphanedBlobs(
      remaining.entries,
      (await listGhaEntries(api, repo, { key: BLOB_KEY_PREFIX, ref: gitRef })).entries,
    );
    const now = blobs.slice(0, MAX_DELETIONS - requests);
    for (const b of now) await deleteGhaEntry(api, repo, b.id);
    if (now.length > 0)
      out.notes.push(`${now.length} layer blobs of ${gitRef} deleted: no index is left to read them`);
    if (blobs.length > now.length) {
      out.notes.push(
        `${blobs.length - now.length} more blobs of ${gitRef} are left to GitHub's 7-day expiry`,
      );
    }
  }
  if (!families.includes('index') && !families.includes('local')) return;
  out.quota = await ghaQuota(api, repo, scope, families).catch((e) => {
    out.notes.push(`cache usage not read: ${(e as Error).message}`);
    return null;
  });
  const warning = out.quota ? quotaWarning(out.quota) : null;
  if (warning) out.warnings.push(warning);
}

async function ghaQuota(
  api: GitHubApi,
  repo: string,
  scope: string,
  families: EntryFamily[],
): Promise<QuotaView> {
  const own = `${namespace(scope, '')}.`;
  const [limit, usage, largest, ...mine] = await Promise.all([
    ghaCacheLimitBytes(api, repo),
    ghaUsage(api, repo),
    listGhaEntries(api, repo, { sort: 'size_in_bytes', maxPages: 1 }),
    ...families.map((f) => listGhaEntries(api, repo, { key: FAMILY_KEY_PREFIX[f](own) })),
  ]);
  const scopeEntries = mine.flatMap((l) => l.entries).filter((e) => cacheNameOfKey(e.key)?.startsWith(own));
  return {
    repositoryBytes: usage.bytes,
    limitBytes: limit ?? GHA_DEFAULT_LIMIT_BYTES,
    limitKnown: limit !== null,
    scopeBytes: scopeEntries.reduce((n, e) => n + e.bytes, 0),
    largest: largest.entries.slice(0, 5).map((e) => ({ ref: e.ref, key: e.key, bytes: e.bytes })),
    refs: bytesByRef(largest.entries, 3),
  };
}
