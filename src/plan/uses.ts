import type { CacheRef } from './names';
import type { GitFacts } from './triggers';

// The pieces the rules are written with: a ref's use and why, and the reads that several
// triggers share (the merge-base, the base a ref was moved onto).

export interface RefUse {
  ref: CacheRef;
  why: string;
  /**
   * Why it is read alone when it exists: the best single source, usually the run's own ref (what
   * its earlier runs wrote). The first such read that exists wins (see narrow.ts).
   */
  alone?: string;
  /** Why it holds exactly this run's files, though it was not written from this commit. */
  exact?: string;
}

export const branch = (name: string): CacheRef => ({ kind: 'branch', name });
export const commit = (sha: string): CacheRef => ({ kind: 'sha', sha });
export const pullRequestRef = (number: number): CacheRef => ({ kind: 'pr', number });
export const OWN = "holds this ref's earlier runs";

/** The uses, when the condition holds (a ref the run has), else none. */
export const when = (condition: unknown, ...uses: RefUse[]): RefUse[] => (condition ? uses : []);

export function mergeBaseRead(facts: GitFacts, def: string): { reads: RefUse[]; notes: string[] } {
  if (facts.mergeBase) {
    const why = `the merge-base with ${def}: its dependency files match this commit best`;
    return { reads: [{ ref: commit(facts.mergeBase), why }], notes: [] };
  }
  const note = facts.mergeBaseSkipped
    ? `merge-base with ${def} ${facts.mergeBaseSkipped}`
    : `merge-base with ${def} not found (${facts.mergeBaseWhy ?? 'unknown'}); reading ${def} only`;
  return { reads: [], notes: [note] };
}

/** How the ref's last build came to start from another base than this build's. */
export type BaseChange = 'merged' | 'rebased';

/**
 * The base commit newer than the own ref's last build, and how it came: merged in (the merge
 * commit's second parent) or rebased onto (history rewritten; `rebasedOnto` is the new base).
 * One fact for both, so both read the same way.
 */
export function baseChange(
  facts: GitFacts,
  rebasedOnto: string | null | undefined,
): { sha: string; how: BaseChange } | undefined {
  if (facts.justMerged) return { sha: facts.justMerged, how: 'merged' };
  if (facts.rewritten === true && rebasedOnto) return { sha: rebasedOnto, how: 'rebased' };
  return undefined;
}

// The base commit this build started from holds what the base changed since the own ref's last
// build (a lock file bumped on the base) and differs only by this ref's own changes, usually
// later layers: it comes first, read alone.
export const newBaseRead = (
  change: ReturnType<typeof baseChange>,
  words: Record<BaseChange, { why: string; alone: string }>,
): RefUse[] => {
  if (!change) return [];
  const { why, alone } = words[change.how];
  return [{ ref: commit(change.sha), why, alone }];
};

/** Why the rules could not tell whether the history was rewritten: today's rule holds. */
export const rewriteUnknownNote = (facts: GitFacts, what: string, own: string): string[] =>
  facts.rewrittenWhy
    ? [`whether ${what} rewrote history is unknown (${facts.rewrittenWhy}): ${own} is read first, as before`]
    : [];
