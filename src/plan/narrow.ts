import type { CachePlan, PlannedCache } from './plan';

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
 * - else the first source the rules mark as best alone that exists: usually the run's own ref
 *   (its branch, its pull request), once an earlier run wrote it; a base that moved its
 *   dependencies since then costs those layers once, where two overlapping sources would cost this
 *   ref's own layers on about every other run;
 * - a leg whose own cache exists does not read its siblings' or the plain build's, which only
 *   serve a leg that has nothing yet.
 *
 * Pure: the plan and what exists in, the narrowed plan out. Raw `cache-from` entries stay.
 */
export function narrowSources(p: CachePlan, exists: Existence): CachePlan {
  const computed = new Set(p.reads.map((r) => r.entry).filter((e) => e !== ''));
  const raw = p.cacheFrom.filter((e) => !computed.has(e));
  const state = (r: PlannedCache) => (r.entry === '' ? undefined : exists(r.entry));
  const found = (r: PlannedCache) => state(r) === true;

  const missing = [...new Set(p.reads.filter((r) => state(r) === false).map((r) => r.entry))];
  const candidates = p.reads.filter((r) => r.entry !== '' && state(r) !== false);
  // The first rule that applies decides which candidates stay; the others are left out.
  const exact = candidates.find((r) => r.exact && found(r));
  const alone = candidates.find((r) => r.alone && found(r));
  const rule: { keep: (r: PlannedCache) => boolean; why: string } | null = exact
    ? {
        keep: (r) => r.entry === exact.entry,
        why: `${exact.ref} ${exact.exact}: it is read alone`,
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
        : null;
  const left = new Set(candidates.filter((r) => rule !== null && !rule.keep(r)).map((r) => r.entry));
  const kept = new Set(candidates.map((r) => r.entry).filter((e) => !left.has(e)));
  return {
    ...p,
    notes:
      left.size > 0 ? [...p.notes, `${rule!.why} (more sources only make BuildKit miss at random)`] : p.notes,
    reads: p.reads.map((r) =>
      left.has(r.entry) ? { ...r, entry: '', why: `${r.why}; not read: ${rule!.why}` } : r,
    ),
    cacheFrom: [...[...computed].filter((e) => kept.has(e)), ...raw],
    missing: [...(p.missing ?? []), ...missing],
  };
}

/** A registry entry exists when its tag is among the repository's tags (listed once per run). */
export function registryExistence(tags: string[] | null): Existence {
  if (tags === null) return () => undefined;
  const have = new Set(tags);
  return (entry) => {
    if (!entry.startsWith('type=registry,')) return undefined;
    const ref = /(?:^|,)ref=([^,]+)/.exec(entry)?.[1] ?? '';
    const tag = ref.slice(ref.lastIndexOf(':') + 1);
    return ref.lastIndexOf(':') > ref.lastIndexOf('/') ? have.has(tag) : undefined;
  };
}

/**
 * A gha entry exists when BuildKit's index for its cache name is among the entries the service
 * listed for this run. Only that positive answer is trusted: a name not listed stays unknown (and
 * is passed), so a service that lists less than it serves never costs a warm cache.
 */
export function ghaExistence(names: string[] | null): Existence {
  const have = new Set(names ?? []);
  return (entry) => {
    const scope = /^type=gha,(?:.*,)?scope=([^,]+)/.exec(entry)?.[1];
    return scope !== undefined && have.has(scope) ? true : undefined;
  };
}

/** A local cache folder exists when BuildKit wrote its index there. */
export function localExistence(fileExists: (file: string) => boolean): Existence {
  return (entry) => {
    const src = /(?:^|,)src=([^,]+)/.exec(entry)?.[1];
    if (!entry.startsWith('type=local') || src === undefined) return undefined;
    return fileExists(`${src.replace(/\/+$/, '')}/index.json`);
  };
}
