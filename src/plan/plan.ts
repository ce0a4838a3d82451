import type { RunContext } from '../github/context';
import type { CacheWrite, Inputs } from '../runner/inputs/types';
import { type BackendOptions, cacheFromEntries, cacheToEntries, unusedOptions } from './backends';
import { type CacheRef, cacheName, defaultScope, legOf, namespace, refLabel, repositoryOf } from './names';
import { type RefUse, refPlan, visibility } from './rules';
import { type CacheToken, type TokenRefusals, tokenCannotRead, tokenRefusals, UNDECODABLE } from './token';
import { classify, type GitFacts, type Trigger } from './triggers';

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
  /** Local folders restored from the GitHub Actions cache only after planning: their existence is unknown. */
  persistedLocal?: boolean;
  /** The job's cache token's scopes (see token.ts): what the GitHub Actions cache lets this run do. */
  token?: CacheToken;
}

export interface PlannedCache {
  ref: string;
  why: string;
  /** The cache entry this becomes, e.g. `type=registry,ref=…`; empty when it is not read. */
  entry: string;
  /** The cache name (`<namespace>.<ref part>`), which other stores key by too (cache mounts). */
  name?: string;
  /** Reads only: this leg's own cache, a sibling leg's, or the plain (leg-less) build's. */
  origin?: 'own' | 'sibling' | 'plain';
  /** Reads only: why it is an exact match (written from this very commit or these very files, this leg). */
  exact?: string;
  /** Reads only, this leg's: why it is read alone when it exists (the run's own ref, usually). */
  alone?: string;
  /** Reads only, a sibling leg's: why the stages the legs share are this very commit's there. */
  sharedExact?: string;
  /** Reads only, this leg's or the plain build's: the default branch's cache (read when existence is unknown). */
  defaultBranch?: true;
  /** Reads only: why it was left out before the build (not found, unreadable, another read alone). */
  notRead?: string;
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
  /**
   * The registry's tags as the planner listed them, before this run's export: retention on the
   * default branch counts from them instead of listing again.
   */
  listedTags?: string[];
  /**
   * What the job's cache token refuses as a whole, whatever the backend: cache mounts and
   * `cache: local` folders travel through the GitHub Actions cache too.
   */
  tokenRefuses?: TokenRefusals;
  /** Why the rules' writes were left out before the build (the token may not write). */
  writesLeftOut?: string;
}

/** Resolves the defaults: scope from the Dockerfile, leg from target and platforms, image from tags. */
/** A `cache-read-legs` entry: a leg name, or a platform (`linux/arm64`) read as that platform's leg. */
const legOfRead = (entry: string, target: string) => (entry.includes('/') ? legOf(target, [entry]) : entry);

export function planOptionsFrom(
  inputs: Pick<Inputs, 'cache' | 'build'>,
  siblingLegs: string[] = [],
): PlanOptions {
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
    scope: cache.scope || defaultScope(build.file),
    leg: cache.leg || legOf(build.target, build.platforms),
    siblingLegs: [...new Set([...cache.readLegs.map((l) => legOfRead(l, build.target)), ...siblingLegs])],
    write: cache.write,
    rawFrom: build.cacheFrom,
    rawTo: build.cacheTo,
    ...(cache.persistLocal ? { persistedLocal: true } : {}),
  };
}

/** The plan of a run that builds nothing (a clean-up run): no reads, no writes, one note why. */
export function nothingBuiltPlan(ctx: RunContext, options: PlanOptions, why: string): CachePlan {
  return {
    trigger: classify(ctx),
    namespace: namespace(options.scope, options.leg),
    cacheFrom: [],
    cacheTo: [],
    reads: [],
    writes: [],
    notes: [why],
  };
}

/**
 * Refs a gha run cannot read, whatever the planner wants: GitHub's rules decide. A run reads its
 * own ref, its pull request's base and the default branch; a pull request's scope is readable
 * only by that pull request's runs.
 */
function ghaUnreadable(trigger: Trigger, ref: CacheRef, defaultBranch: string): string | null {
  if (ref.kind === 'pr') {
    return trigger.kind === 'pull-request' && trigger.number === ref.number
      ? null
      : "on GitHub a pull request's cache is readable only by that pull request's runs";
  }
  if (ref.kind !== 'branch' || ref.name === defaultBranch) return null;
  const readable =
    ((trigger.kind === 'push-branch' || trigger.kind === 'push-default') && trigger.branch === ref.name) ||
    ((trigger.kind === 'pull-request' || trigger.kind === 'untrusted') && trigger.base === ref.name);
  return readable ? null : `on GitHub this run can read only its own ref, its base and ${defaultBranch}`;
}

/**
 * The cache plan: which caches to import (best first) and where to export. Pure: the run, the
 * commits git found and the options in; BuildKit entries and the reasons for each out.
 */
export function plan(ctx: RunContext, facts: GitFacts, options: PlanOptions): CachePlan {
  const rules = refPlan(ctx, facts, options.write, visibility(options.backend));
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
  const refusals = tokenRefusals(options.token);
  if (refusals.read || refusals.write) result.tokenRefuses = refusals;
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
  // The layer cache itself goes through the GitHub Actions cache: the token decides it too.
  const throughGithub = b.backend === 'gha' || (b.backend === 'local' && options.persistedLocal === true);
  if (throughGithub && options.token === null) notes.push(UNDECODABLE);
  const noteOnce = (note: string) => {
    if (!notes.includes(note)) notes.push(note);
  };
  /** Why a ref is not read whatever exists; `noted`: the token's one note already says it. */
  const unreadableOf = (ref: CacheRef): { why: string; noted: boolean } | null => {
    const rule = b.backend === 'gha' ? ghaUnreadable(rules.trigger, ref, ctx.defaultBranch) : null;
    if (rule) return { why: rule, noted: false };
    const token = throughGithub ? tokenCannotRead(options.token, ref) : '';
    return token ? { why: token, noted: token === refusals.read } : null;
  };

  // Each ref becomes a cache name of its own, also on gha: BuildKit's gha import reads a name's
  // index in every ref scope the token may read, so a name shared by a branch and a pull request
  // would import both of them at once.
  const readNames: string[] = [];
  const writeNames: string[] = [];
  const entryOf = (name: string, direction: 'from' | 'to') =>
    (direction === 'from' ? cacheFromEntries(b, [name]) : cacheToEntries(b, [name]))[0] ?? name;
  const use = (
    u: RefUse,
    names: string[],
    direction: 'from' | 'to',
    inNamespace = ns,
    label = refLabel(u.ref),
  ): PlannedCache => {
    const name = cacheName(inNamespace, u.ref);
    if (!names.includes(name)) names.push(name);
    return { ref: label, why: u.why, entry: entryOf(name, direction), name };
  };
  const read = (u: RefUse, origin: 'own' | 'sibling' | 'plain', inNamespace = ns, label?: string) => {
    const thisCommit = u.ref.kind === 'sha' && u.ref.sha === ctx.sha;
    const exact =
      origin !== 'own'
        ? undefined
        : (u.exact ?? (thisCommit ? 'was built from this very commit' : undefined));
    const alone = origin === 'own' ? u.alone : undefined;
    const trunk = origin !== 'sibling' && u.ref.kind === 'branch' && u.ref.name === ctx.defaultBranch;
    return {
      ...use(u, readNames, 'from', inNamespace, label),
      origin,
      ...(exact ? { exact } : {}),
      ...(alone ? { alone } : {}),
      ...(trunk ? { defaultBranch: true as const } : {}),
    };
  };

  // A sibling leg's cache of this very commit: the stages the legs share (those on $BUILDPLATFORM)
  // are this commit's there (narrow.ts reads it alone when this leg has none of this commit).
  const siblings = options.siblingLegs.filter((l) => l !== options.leg);
  const thisCommit = rules.reads.filter(
    (r) =>
      r.ref.kind === 'sha' &&
      r.ref.sha === ctx.sha &&
      !(b.backend === 'gha' && ghaUnreadable(rules.trigger, r.ref, ctx.defaultBranch)),
  );
  const siblingsOfThisCommit = siblings.flatMap((leg) =>
    thisCommit.map((u) => {
      const why = { ...u, why: 'a sibling matrix leg built this very commit: shared stages' };
      const label = `${refLabel(u.ref)} (leg ${leg})`;
      return {
        ...read(why, 'sibling', namespace(options.scope, leg), label),
        sharedExact: 'was built from this very commit by a sibling leg',
      };
    }),
  );
  result.reads.push(...siblingsOfThisCommit);
  for (const u of rules.reads) {
    const unreadable = unreadableOf(u.ref);
    if (unreadable) {
      if (!unreadable.noted) notes.push(`${refLabel(u.ref)} is not read: ${unreadable.why}`);
      result.reads.push({
        ref: refLabel(u.ref),
        why: u.why,
        entry: '',
        origin: 'own',
        notRead: unreadable.why,
      });
      if (unreadable.noted) noteOnce(unreadable.why);
    } else {
      result.reads.push(read(u, 'own'));
    }
  }
  // The other sibling caches come after this leg's own: their stages shared with this leg hit.
  for (const leg of siblings) {
    const siblingNs = namespace(options.scope, leg);
    for (const u of rules.reads.filter((r) => r.ref.kind !== 'sha')) {
      if (throughGithub && tokenCannotRead(options.token, u.ref)) continue;
      if (readNames.includes(cacheName(siblingNs, u.ref))) continue;
      const why = { ...u, why: 'a sibling matrix leg: shared stages' };
      result.reads.push(read(why, 'sibling', siblingNs, `${refLabel(u.ref)} (leg ${leg})`));
    }
  }
  // A leg also reads the scope's plain cache (the Dockerfile built with no target or platform):
  // the stages they share hit there, so a new leg or a new target does not start cold.
  if (options.leg !== '') {
    const plainNs = namespace(options.scope, '');
    for (const u of rules.reads) {
      if (unreadableOf(u.ref)) continue;
      if (readNames.includes(cacheName(plainNs, u.ref))) continue;
      const why = { ...u, why: `${u.why}; built without a leg (shared stages)` };
      result.reads.push(read(why, 'plain', plainNs, `${refLabel(u.ref)} (no leg)`));
    }
  }
  if (throughGithub && refusals.write && rules.writes.length > 0) {
    result.writesLeftOut = refusals.write;
    noteOnce(refusals.write);
  } else result.writes = rules.writes.map((u) => use(u, writeNames, 'to'));

  if (b.backend === 'inline') {
    notes.push(
      "inline: the cache travels inside the pushed image, in min mode only: just the final stage's steps can hit (the other stages run again); it is read back from the image's own tags, whatever the ref",
    );
  }
  result.cacheFrom = [...cacheFromEntries(b, readNames), ...options.rawFrom];
  result.cacheTo = [...cacheToEntries(b, writeNames), ...options.rawTo];
  return result;
}

/** The plan as log lines: each read and write with its reason, then the notes. */
export function planLines(p: CachePlan): string[] {
  return [
    ...p.reads.map(
      (r) =>
        `read  ${r.ref.padEnd(20)} ${r.notRead ? `(not read: ${r.notRead})` : r.entry || '(not read)'}  # ${r.why}`,
    ),
    ...p.writes.map((w) => `write ${w.ref.padEnd(20)} ${w.entry}  # ${w.why}`),
    ...p.notes.map((n) => `note: ${n}`),
  ];
}
