import { formatBytes } from '../lib/format';
import type { Deletion } from './deletions';

/** Above this share of the repository's limit, a warning names the refs that hold the most. */
const QUOTA_WARNING = 0.8;

export interface QuotaView {
  repositoryBytes: number;
  /** The repository's limit when the API gave it (limitKnown), else GitHub's default. */
  limitBytes: number;
  limitKnown: boolean;
  /** This scope's BuildKit index entries (blobs are content-addressed and shared, so not counted). */
  scopeBytes: number;
  largest: { ref: string; key: string; bytes: number }[];
  refs: { ref: string; bytes: number }[];
}

/** What a clean-up did: the `cleanup` field of `cache-report`. */
export interface CleanupOutcome {
  kind: 'ref-gone' | 'retention';
  why: string;
  dryRun: boolean;
  /** Deleted caches (on a dry run: what would be). */
  deleted: Deletion[];
  kept: Deletion[];
  /** Left for a later run by the limit of 25 per run. */
  deferred: string[];
  notes: string[];
  warnings: string[];
  quota: QuotaView | null;
}

/**
 * The limit, as far as it is known: admins may raise it above GitHub's default, so a limit the
 * API did not give is said as the default, never as a fact.
 */
export function limitWords(q: Pick<QuotaView, 'limitBytes' | 'limitKnown'>): string {
  return q.limitKnown
    ? `the repository's limit of ${formatBytes(q.limitBytes)}`
    : // GitHub's own words for its default (10 GiB).
      'the default 10 GB';
}

/** Above 80% of the limit: which refs hold the most, before GitHub evicts main's caches. */
export function quotaWarning(q: QuotaView): string | null {
  if (q.repositoryBytes <= QUOTA_WARNING * q.limitBytes) return null;
  const refs = q.refs.map((r) => `${r.ref} (${formatBytes(r.bytes)})`).join(', ');
  return `the repository's GitHub cache holds ${formatBytes(q.repositoryBytes)} of ${limitWords(q)}: GitHub evicts the least recently used entries past the limit; the most is held by ${refs}`;
}

/** The outputs a clean-up adds: the repository's GitHub cache usage, when it was read. */
export function cleanupOutputs(o: CleanupOutcome | null): Record<string, string> {
  return o?.quota ? { 'cache-usage-bytes': String(o.quota.repositoryBytes) } : {};
}
