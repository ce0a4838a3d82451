import { cacheEntryAttributes } from '../lib/cache-entry';
import type { CachePlan, PlannedCache } from './planner';

/** Why a read the existence check found missing is not passed to BuildKit. */
export const NOT_FOUND = 'not found (checked before the build)';

/** Why a source whose existence check got no answer is not passed to BuildKit. */
export const NO_ANSWER =
  'its store did not answer the existence check in time: BuildKit would wait on it the same way';

/** Whether a cache entry exists: known from a listing, or undefined when it cannot be told. */
export type Existence = (entry: string) => boolean | undefined;

/**
 * Fewer sources, once it is known which exist. BuildKit, given several caches that share a chain
 * of steps but differ deeper, may follow the one that lacks a step and run it again although
 * another source holds it (bench/README.md, cause 1; bench/repro-multi-import.sh). So:
 *
 * - a source known to be missing is not passed (it would only be a failed lookup);
 * - a cache written from this very commit (or these very files) and leg is an exact match: it is
 *   read alone;
 * - else a sibling leg's cache of this very commit is read alone: the stages the legs share (those
 *   on $BUILDPLATFORM) are this commit's there, and next to this leg's own older cache BuildKit
 *   can follow that one for a shared stage's first steps and miss its later ones (multi-platform
 *   legs, `merge: leg`); this leg's own stages build again;
 * - else the first source the rules mark as best alone that exists: usually the run's own ref
 *   (its branch, its pull request), once an earlier run wrote it; a base that moved its
 *   dependencies since then costs those layers once, where two overlapping sources would cost this
 *   ref's own layers on about every other run;
 * - a leg whose own cache exists does not read its siblings' or the plain build's, which only
 *   serve a leg that has nothing yet;
 * - when the check failed and nothing is known, see {@link unknownRule};
 * - but when the check got no answer (`no-answer`: a timeout, or a rate limit that outlasted its
 *   bound), a source still unknown is not passed: BuildKit's import would wait on that store too,
 *   with no bound of its own.
 *
 * Pure: the plan and what exists in, the narrowed plan out. Raw `cache-from` entries stay.
 */
export function narrowSources(
  p: CachePlan,
  exists: Existence,
  /** The backend's existence check failed (not merely: this backend has none); how (see ExistingCaches). */
  checkFailed: boolean | 'no-answer' = false,
): CachePlan {
  const computed = new Set(p.reads.map((r) => r.entry).filter((e) => e !== ''));
  const raw = p.cacheFrom.filter((e) => !computed.has(e));
  const state = (r: PlannedCache) => (r.entry === '' ? undefined : exists(r.entry));
  const found = (r: PlannedCache) => state(r) === true;

  const missing = [...new Set(p.reads.filter((r) => state(r) === false).map((r) => r.entry))];
  const unanswered = new Set(
    checkFailed === 'no-answer'
      ? p.reads.filter((r) => r.entry !== '' && state(r) === undefined).map((r) => r.entry)
      : [],
  );
  const candidates = p.reads.filter((r) => r.entry !== '' && state(r) !== false && !unanswered.has(r.entry));
  // The first rule that applies decides which candidates stay; the others are left out.
  const exact = candidates.find((r) => r.exact && found(r));
  const alone = candidates.find((r) => r.alone && found(r));
  // The stages a sibling shares with this leg are this commit's there; this leg's own older caches
  // still serve its own stages. The siblings' older caches and the plain build's add nothing.
  const sibling = candidates.find((r) => r.sharedExact && found(r));
  const rule: { keep: (r: PlannedCache) => boolean; why: string } | null = exact
    ? {
        keep: (r) => r.entry === exact.entry,
        why: `${exact.ref} ${exact.exact}: it is read alone`,
      }
    : sibling
      ? {
          keep: (r) => r.entry === sibling.entry,
          why: `${sibling.ref} ${sibling.sharedExact}: it is read alone`,
        }
      : alone
        ? {
            keep: (r) => r.entry === alone.entry,
            why: `${alone.ref} ${alone.alone}: it is read alone`,
          }
        : candidates.some((r) => r.origin === 'own' && found(r))
          ? {
              keep: (r) => r.origin === 'own',
              why: "this leg has a cache of its own: its siblings' and the plain build's are not read",
            }
          : checkFailed && p.reads.every((r) => state(r) === undefined)
            ? unknownRule(candidates)
            : null;
  const left = new Set(candidates.filter((r) => rule !== null && !rule.keep(r)).map((r) => r.entry));
  const kept = new Set(candidates.map((r) => r.entry).filter((e) => !left.has(e)));
  return {
    ...p,
    notes: [
      ...p.notes,
      ...(left.size > 0 ? [`${rule!.why} (more sources only make BuildKit miss at random)`] : []),
      ...(unanswered.size > 0 ? [`${unanswered.size} cache source(s) not read: ${NO_ANSWER}`] : []),
    ],
    reads: p.reads.map((r) =>
      unanswered.has(r.entry)
        ? { ...r, entry: '', notRead: NO_ANSWER }
        : left.has(r.entry)
          ? { ...r, entry: '', notRead: rule!.why }
          : state(r) === false
            ? { ...r, notRead: NOT_FOUND }
            : r,
    ),
    cacheFrom: [...[...computed].filter((e) => kept.has(e)), ...raw],
    missing: [...(p.missing ?? []), ...missing],
  };
}

/**
 * When no check answered (existence unknown for every source), passing them all is the known-bad
 * case. Instead: the source this trigger makes most likely, i.e. the first of this leg's reads the
 * rules mark as read alone (the run's own ref, which every run after its first has written; the
 * first read when none is), plus the default branch, which nearly every repository has written;
 * a matrix leg also reads the default branch's plain build, whose shared stages serve a leg that
 * has no cache yet. A first run then still starts from the default branch; a later one reads its
 * own ref with one or two overlapping sources instead of every planned one.
 */
function unknownRule(candidates: PlannedCache[]): { keep: (r: PlannedCache) => boolean; why: string } | null {
  const own = candidates.filter((r) => r.origin === 'own');
  const likely = own.find((r) => r.alone) ?? own[0];
  if (!likely) return null;
  const trunks = candidates.filter((r) => r.defaultBranch && r.entry !== likely.entry);
  const keep = new Set([likely.entry, ...trunks.map((r) => r.entry)]);
  const read =
    trunks.length > 0
      ? `${likely.ref} and the default branch (${trunks.map((r) => r.ref).join(', ')}) are read`
      : `${likely.ref} is read`;
  return { keep: (r) => keep.has(r.entry), why: `which caches exist is unknown: only ${read}` };
}

/** The tag of a registry entry (`type=registry,ref=<repository>:<tag>`), if it names one. */
export function registryTagOf(entry: string): string | undefined {
  const attrs = cacheEntryAttributes(entry);
  if (attrs.type !== 'registry') return undefined;
  const ref = attrs.ref ?? '';
  return ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.slice(ref.lastIndexOf(':') + 1) : undefined;
}

/** The cache name of a gha entry (its `scope` attribute). */
export function ghaNameOf(entry: string): string | undefined {
  const attrs = cacheEntryAttributes(entry);
  return attrs.type === 'gha' && attrs.scope ? attrs.scope : undefined;
}

/** A registry entry exists when its tag is among the repository's tags (listed once per run). */
export function registryExistence(tags: string[] | null): Existence {
  if (tags === null) return () => undefined;
  const have = new Set(tags);
  return (entry) => {
    const tag = registryTagOf(entry);
    return tag === undefined ? undefined : have.has(tag);
  };
}

/**
 * A registry entry exists when the registry has its tag's manifest: the answers to HEAD requests
 * per tag, for a registry that does not list tags. A tag not asked about, or whose request
 * failed, stays unknown.
 */
export function manifestExistence(found: ReadonlyMap<string, boolean | undefined>): Existence {
  return (entry) => {
    const tag = registryTagOf(entry);
    return tag === undefined ? undefined : found.get(tag);
  };
}

/**
 * A gha entry exists as BuildKit's import will find it: the service's answer to the lookup
 * BuildKit itself makes, per cache name (see src/stores/github-cache/lookup.ts). A name whose lookup
 * failed, or that was not looked up, stays unknown.
 */
export function ghaExistence(found: ReadonlyMap<string, boolean | undefined>): Existence {
  return (entry) => {
    const name = ghaNameOf(entry);
    return name === undefined ? undefined : found.get(name);
  };
}

/** A local cache folder exists when BuildKit wrote its index there. */
export function localExistence(fileExists: (file: string) => boolean): Existence {
  return (entry) => {
    const attrs = cacheEntryAttributes(entry);
    if (attrs.type !== 'local' || !attrs.src) return undefined;
    return fileExists(`${attrs.src.replace(/\/+$/, '')}/index.json`);
  };
}
