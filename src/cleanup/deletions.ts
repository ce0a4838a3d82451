import type { RunContext } from '../github/context';
import { type CacheRef, cacheName, namespace, parseCacheName } from '../plan/names';

/** At most this many caches are deleted per run: a backlog is paid off over several runs. */
export const MAX_DELETIONS = 25;

/** Events on which the action cleans up instead of building. */
export type CleanupTrigger =
  | { kind: 'ref-gone'; ref: CacheRef; why: string }
  /** An event that ends nothing this action may delete: one info line, no build. */
  | { kind: 'nothing'; why: string };

/**
 * Whether this run is a clean-up run: a closed pull request (merged or not) or a deleted branch.
 * Null for every other run, which builds as usual. `pull_request_target`, `issue_comment` and
 * `workflow_run` are never clean-up runs: code from anyone may steer them.
 */
export function cleanupTrigger(ctx: RunContext): CleanupTrigger | null {
  if (ctx.eventName === 'pull_request' && ctx.action === 'closed' && ctx.pullRequest) {
    const pr = ctx.pullRequest;
    const how = pr.merged ? 'merged' : 'closed without merging';
    // A fork's run has a read-only token anyway; it may only ever touch the pull request's own caches.
    const fork = pr.fromFork ? ' (from a fork: only its own caches)' : '';
    return {
      kind: 'ref-gone',
      ref: { kind: 'pr', number: pr.number },
      why: `pull request #${pr.number} was ${how}${fork}: no run will read its caches again`,
    };
  }
  if (ctx.eventName !== 'delete') return null;
  const deleted = ctx.deletedRef ?? { type: '', name: '' };
  if (deleted.type !== 'branch' || deleted.name === '') {
    const what = deleted.type === 'tag' ? `tag ${deleted.name}` : `${deleted.type || 'ref'} ${deleted.name}`;
    return {
      kind: 'nothing',
      why: `delete of ${what}: tags have no caches of their own, nothing is deleted`,
    };
  }
  if (deleted.name === ctx.defaultBranch) {
    return { kind: 'nothing', why: `the default branch ${deleted.name} is never cleaned up` };
  }
  return {
    kind: 'ref-gone',
    ref: { kind: 'branch', name: deleted.name },
    why: `branch ${deleted.name} was deleted: no run will read its caches again`,
  };
}

/** A cache the backend holds: its name (`<scope>[.<leg>].<ref part>`) and when it was written. */
export interface ExistingCache {
  name: string;
  /** Milliseconds since the epoch; null when the backend does not tell. */
  createdAt: number | null;
}

export interface Deletion {
  name: string;
  why: string;
}

export interface DeletionPlan {
  deletions: Deletion[];
  /** Caches that matched but were kept, with the reason. */
  kept: Deletion[];
  /** Matched caches left for a later run by the per-run limit. */
  deferred: string[];
}

/** The leg a name of this scope has ('' for the plain build); null when the name is not this scope's. */
function legOfName(name: string, scope: string): string | null {
  const parsed = parseCacheName(name);
  return parsed && parsed.scope === namespace(scope, '') ? parsed.leg : null;
}

/** The ref's cache names among `names`, for every leg of the scope (exact names: `feature` never takes `feature-2`). */
export function namesOfRef(names: string[], scope: string, ref: CacheRef): string[] {
  return names.filter((name) => {
    const leg = legOfName(name, scope);
    return leg !== null && cacheName(namespace(scope, leg), ref) === name;
  });
}

const SHA_PART = /^sha-[0-9a-f]{40}$/;

export type DeletionTarget =
  | { kind: 'ref-gone'; ref: CacheRef; why: string }
  /**
   * `written`: the commit caches this run writes. They are the newest whatever their layers' dates
   * say: a fully cached build exports layers as old as the cache they came from.
   */
  | { kind: 'retention'; namespace: string; keep: number; written?: string[] };

/**
 * What a run deletes. A ref that is gone: every cache of it in the scope, all legs. Retention (a
 * push to the default branch): the `sha-*` caches of this run's namespace beyond the newest
 * `keep`; a cache whose age is unknown counts as new. Never a name this run reads or writes, at
 * most `limit` deletions, the oldest first.
 */
export function planDeletions(o: {
  target: DeletionTarget;
  scope: string;
  existing: ExistingCache[];
  /** Names this run's plan reads or writes. */
  protect: string[];
  limit?: number;
}): DeletionPlan {
  const limit = o.limit ?? MAX_DELETIONS;
  const byName = new Map<string, ExistingCache>();
  for (const c of o.existing) if (!byName.has(c.name)) byName.set(c.name, c);
  const caches = [...byName.values()];
  let doomed: Deletion[];
  const kept: Deletion[] = [];
  if (o.target.kind === 'ref-gone') {
    const why = o.target.why;
    doomed = namesOfRef(
      caches.map((c) => c.name),
      o.scope,
      o.target.ref,
    ).map((name) => ({ name, why }));
  } else {
    const prefix = `${o.target.namespace}.`;
    const written = new Set(o.target.written ?? []);
    const age = (c: ExistingCache) => (written.has(c.name) ? Infinity : (c.createdAt ?? Infinity));
    const commits = caches
      .filter((c) => c.name.startsWith(prefix) && SHA_PART.test(c.name.slice(prefix.length)))
      // Newest first; unknown ages first of all, so they are kept.
      .sort((a, b) => age(b) - age(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const keep = o.target.keep;
    for (const c of commits.slice(0, keep))
      kept.push({ name: c.name, why: `one of the newest ${keep} commit caches` });
    doomed = commits
      .slice(keep)
      .reverse()
      .map((c) => ({
        name: c.name,
        why: `older than the newest ${keep} commit caches (cache-keep-commits)`,
      }));
  }
  const deletions: Deletion[] = [];
  const deferred: string[] = [];
  for (const d of doomed) {
    if (o.protect.includes(d.name)) kept.push({ name: d.name, why: "this run's plan reads or writes it" });
    else if (deletions.length < limit) deletions.push(d);
    else deferred.push(d.name);
  }
  return { deletions, kept, deferred };
}

/**
 * Whether names alone show something to delete, before ages or digests are read. Not which: the
 * ages decide that, and with them which one is protected, so no name is protected here.
 */
export function deletionsDue(target: DeletionTarget, scope: string, names: string[]): boolean {
  const existing = names.map((name) => ({ name, createdAt: null }));
  return planDeletions({ target, scope, existing, protect: [] }).deletions.length > 0;
}

/** What a tag points at: a registry manifest digest or a GHCR package version, with every tag on it. */
export interface TaggedManifest {
  id: string;
  tags: string[];
}

/** What removing the doomed tags takes: whole manifests, and single tags off a manifest that stays. */
export interface TagRemovals {
  /** Manifests every tag of which goes: deleted by digest (or version), tags and all. */
  remove: (TaggedManifest & { why: string })[];
  /** Tags on a manifest a kept tag shares: removed one by one, the manifest stays for the kept tag. */
  untag: (Deletion & { manifest: string })[];
  kept: Deletion[];
}

/**
 * How the doomed tags go. Deleting a manifest deletes every tag on it, so a manifest is deleted
 * only when all its tags are doomed; a doomed tag that shares its manifest with a kept tag is
 * removed alone ({@link TagRemovals.untag}), so a pull request and its head branch, or a pull
 * request and main, never keep each other's tags alive.
 */
export function manifestsToDelete(deletions: Deletion[], manifests: TaggedManifest[]): TagRemovals {
  const doomed = new Map(deletions.map((d) => [d.name, d.why]));
  const out: TagRemovals = { remove: [], untag: [], kept: [] };
  const seen = new Set<string>();
  for (const d of deletions) {
    const m = manifests.find((x) => x.tags.includes(d.name));
    if (!m) {
      out.kept.push({ name: d.name, why: 'its manifest was not found (already deleted?)' });
      continue;
    }
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const others = m.tags.filter((t) => !doomed.has(t));
    if (others.length === 0) {
      out.remove.push({ ...m, why: d.why });
      continue;
    }
    const shared = `; its manifest stays for ${others.join(', ')}`;
    for (const name of m.tags.filter((t) => doomed.has(t))) {
      out.untag.push({ name, why: `${doomed.get(name)}${shared}`, manifest: m.id });
    }
  }
  return out;
}
