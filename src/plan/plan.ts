import type { RunContext } from '../github/context';
import type { CacheWrite, Inputs } from '../inputs';
import { type BackendOptions, cacheFromEntries, cacheToEntries, unusedOptions } from './backends';
import {
  type CacheRef,
  cacheName,
  defaultScope,
  legFromPlatforms,
  namespace,
  refLabel,
  repositoryOf,
} from './names';
import { type GitFacts, type RefUse, type Trigger, refPlan } from './rules';

/** What the planner needs besides the run: the cache inputs with their defaults resolved. */
export interface PlanOptions extends Partial<Omit<BackendOptions, 'backend'>> {
  backend: BackendOptions['backend'] | 'none';
  scope: string;
  leg: string;
  /** Sibling matrix legs whose caches are read after this leg's own. */
  siblingLegs: string[];
  write: CacheWrite;
  /** Raw `cache-from` / `cache-to` entries, appended after the computed ones. */
  rawFrom: string[];
  rawTo: string[];
}

export interface PlannedCache {
  ref: string;
  why: string;
  /** The cache entry this becomes, e.g. `type=registry,ref=…`; empty when it is not read. */
  entry: string;
}

export interface CachePlan {
  trigger: Trigger;
  namespace: string;
  cacheFrom: string[];
  cacheTo: string[];
  reads: PlannedCache[];
  writes: PlannedCache[];
  notes: string[];
  /** Sources left out because they were found not to exist before the build (local folders). */
  missing?: string[];
}

/** Resolves the defaults: scope from Dockerfile + target, leg from platforms, image from tags. */
export function planOptionsFrom(inputs: Inputs, siblingLegs: string[] = []): PlanOptions {
  const { cache, build } = inputs;
  const image = cache.image || (build.tags[0] ? repositoryOf(build.tags[0]) : '');
  return {
    backend: cache.backend,
    image,
    dir: cache.dir,
    mode: cache.mode,
    ignoreError: cache.ignoreError,
    options: cache.options,
    imageTags: build.tags,
    scope: cache.scope || defaultScope(build.file, build.target),
    leg: cache.leg || legFromPlatforms(build.platforms),
    siblingLegs: [...new Set([...cache.readLegs, ...siblingLegs])],
    write: cache.write,
    rawFrom: build.cacheFrom,
    rawTo: build.cacheTo,
  };
}

/**
 * GitHub's cache is scoped by ref already (a run reads its own ref, its base and the default
 * branch): branch and pull request caches share one BuildKit scope and GitHub picks the ref.
 * Only commit caches need a scope of their own.
 */
function ghaName(ns: string, ref: CacheRef): string {
  return ref.kind === 'sha' ? cacheName(ns, ref) : ns;
}

/** Refs a gha run cannot read, whatever the planner wants: GitHub's rules decide. */
function ghaUnreadable(trigger: Trigger, ref: CacheRef, defaultBranch: string): string | null {
  if (trigger.kind === 'merge-group') {
    if (ref.kind === 'pr') return 'a merge queue run cannot read a pull request scope on GitHub';
    if (ref.kind === 'branch' && ref.name !== defaultBranch) {
      return 'a merge queue run can read only the default branch on GitHub';
    }
  }
  return null;
}

/**
 * The cache plan: which caches to import (best first) and where to export. Pure: the run, the
 * commits git found and the options in; BuildKit entries and the reasons for each out.
 */
export function plan(ctx: RunContext, facts: GitFacts, options: PlanOptions): CachePlan {
  const rules = refPlan(ctx, facts, options.write);
  const notes = [...rules.notes];
  const ns = namespace(options.scope, options.leg);
  const result: CachePlan = {
    trigger: rules.trigger,
    namespace: ns,
    cacheFrom: [],
    cacheTo: [],
    reads: [],
    writes: [],
    notes,
  };
  if (options.backend === 'none') {
    notes.push('cache: none: only the raw cache-from / cache-to entries are used');
    result.cacheFrom = [...options.rawFrom];
    result.cacheTo = [...options.rawTo];
    return result;
  }
  const b: BackendOptions = {
    backend: options.backend,
    image: options.image ?? '',
    dir: options.dir ?? '',
    mode: options.mode ?? 'max',
    ignoreError: options.ignoreError ?? true,
    options: options.options ?? [],
    imageTags: options.imageTags ?? [],
  };
  const unused = unusedOptions(b);
  if (unused.length > 0) notes.push(`cache-options not used by ${b.backend}: ${unused.join(', ')}`);
  const nameOf = b.backend === 'gha' ? ghaName : cacheName;

  const readNames: string[] = [];
  const describe = (uses: RefUse[], names: string[], skip: (u: RefUse) => string | null) =>
    uses.map((u): PlannedCache => {
      const why = skip(u);
      if (why) {
        notes.push(`${refLabel(u.ref)} is not read: ${why}`);
        return { ref: refLabel(u.ref), why: u.why, entry: '' };
      }
      const name = nameOf(ns, u.ref);
      if (!names.includes(name)) names.push(name);
      return { ref: refLabel(u.ref), why: u.why, entry: name };
    });

  result.reads = describe(rules.reads, readNames, (u) =>
    b.backend === 'gha' ? ghaUnreadable(rules.trigger, u.ref, ctx.defaultBranch) : null,
  );
  for (const leg of options.siblingLegs.filter((l) => l !== options.leg)) {
    const siblingNs = namespace(options.scope, leg);
    for (const u of rules.reads.filter((r) => r.ref.kind !== 'sha')) {
      const name = nameOf(siblingNs, u.ref);
      if (readNames.includes(name)) continue;
      readNames.push(name);
      result.reads.push({
        ref: `${refLabel(u.ref)} (leg ${leg})`,
        why: 'a sibling matrix leg: shared stages',
        entry: name,
      });
      if (b.backend === 'gha') break;
    }
  }
  const writeNames: string[] = [];
  result.writes = describe(rules.writes, writeNames, () => null);

  if (b.backend === 'inline') {
    notes.push('inline: the cache is exported inside the image (min mode) and read back from its tags');
  }
  // Replace each planned name with its BuildKit entry in the readable report.
  result.cacheFrom = [...cacheFromEntries(b, readNames), ...options.rawFrom];
  result.cacheTo = [...cacheToEntries(b, writeNames), ...options.rawTo];
  for (const list of [result.reads, result.writes]) {
    for (const item of list) {
      if (item.entry === '') continue;
      const to = list === result.writes;
      item.entry =
        (to ? cacheToEntries(b, [item.entry]) : cacheFromEntries(b, [item.entry]))[0] ?? item.entry;
    }
  }
  return result;
}
