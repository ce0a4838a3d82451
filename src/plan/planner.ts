import type { RunContext } from '../github/context';
import type { BuildInputs, CacheInputs, CacheWrite } from '../runner/inputs/types';
import { type BackendOptions, cacheFromEntries, cacheToEntries, unusedOptions } from './backends';
import { type CacheRef, cacheName, defaultScope, legOf, namespace, refLabel, repositoryOf } from './names';
import { type RefPlan, type RefUse, refPlan, visibility } from './rules';
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

/** The inputs the plan options come from: the cache inputs and the build's names, never its secrets. */
export interface PlanInputs {
  cache: Pick<
    CacheInputs,
    | 'backend'
    | 'image'
    | 'dir'
    | 'mode'
    | 'ignoreError'
    | 'options'
    | 'scope'
    | 'leg'
    | 'readLegs'
    | 'write'
    | 'persistLocal'
  >;
  build: Pick<BuildInputs, 'tags' | 'file' | 'target' | 'platforms' | 'cacheFrom' | 'cacheTo'>;
}

/** A `cache-read-legs` entry: a leg name, or a platform (`linux/arm64`) read as that platform's leg. */
const legOfRead = (entry: string, target: string) => (entry.includes('/') ? legOf(target, [entry]) : entry);

/** Resolves the defaults: scope from the Dockerfile, leg from target and platforms, image from tags. */
export function planOptionsFrom(inputs: PlanInputs, siblingLegs: string[] = []): PlanOptions {
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

/** What the plan's phases share: the run, the rules' answer, the backend, and the names gathered so far. */
interface Planning {
  ctx: RunContext;
  options: PlanOptions;
  rules: RefPlan;
  b: BackendOptions;
  ns: string;
  /** The layer cache itself goes through the GitHub Actions cache: the token decides it too. */
  throughGithub: boolean;
  refusals: TokenRefusals;
  notes: string[];
  readNames: string[];
  writeNames: string[];
}

/** The backend's options with their defaults. */
function backendOptions(options: PlanOptions & { backend: BackendOptions['backend'] }): BackendOptions {
  return {
    backend: options.backend,
    image: options.image ?? '',
    dir: options.dir ?? '',
    mode: options.mode ?? 'max',
    ignoreError: options.ignoreError ?? true,
    options: options.options ?? [],
    imageTags: options.imageTags ?? [],
  };
}

/** What the phases start from: the backend's options, this leg's namespace, what the token refuses. */
function planning(
  ctx: RunContext,
  options: PlanOptions & { backend: BackendOptions['backend'] },
  rules: RefPlan,
  notes: string[],
): Planning {
  const b = backendOptions(options);
  return {
    ctx,
    options,
    rules,
    b,
    ns: namespace(options.scope, options.leg),
    throughGithub: b.backend === 'gha' || (b.backend === 'local' && options.persistedLocal === true),
    refusals: tokenRefusals(options.token),
    notes,
    readNames: [],
    writeNames: [],
  };
}

/**
 * The entry this leg reads one of its own refs from, as plan() spells it ('' when it is not read
 * whatever exists: GitHub's rules or the token refuse it). Lets the facts finder check a declared
 * read's existence before the facts the plan needs are found.
 */
export function ownReadEntry(ctx: RunContext, options: PlanOptions, use: RefUse): string {
  if (options.backend === 'none') return '';
  const rules: RefPlan = { trigger: classify(ctx), reads: [], writes: [], notes: [] };
  const p = planning(ctx, { ...options, backend: options.backend }, rules, []);
  return unreadableOf(p, use.ref) ? '' : read(p, use, 'own').entry;
}

const noteOnce = (notes: string[], note: string) => {
  if (!notes.includes(note)) notes.push(note);
};

/** Why a ref is not read whatever exists; `noted`: the token's one note already says it. */
function unreadableOf(p: Planning, ref: CacheRef): { why: string; noted: boolean } | null {
  const rule = p.b.backend === 'gha' ? ghaUnreadable(p.rules.trigger, ref, p.ctx.defaultBranch) : null;
  if (rule) return { why: rule, noted: false };
  const token = p.throughGithub ? tokenCannotRead(p.options.token, ref) : '';
  return token ? { why: token, noted: token === p.refusals.read } : null;
}

// Each ref becomes a cache name of its own, also on gha: BuildKit's gha import reads a name's
// index in every ref scope the token may read, so a name shared by a branch and a pull request
// would import both of them at once.
function use(
  p: Planning,
  u: RefUse,
  direction: 'from' | 'to',
  inNamespace = p.ns,
  label = refLabel(u.ref),
): PlannedCache {
  const names = direction === 'from' ? p.readNames : p.writeNames;
  const name = cacheName(inNamespace, u.ref);
  if (!names.includes(name)) names.push(name);
  const entry =
    (direction === 'from' ? cacheFromEntries(p.b, [name]) : cacheToEntries(p.b, [name]))[0] ?? name;
  return { ref: label, why: u.why, entry, name };
}

function read(
  p: Planning,
  u: RefUse,
  origin: 'own' | 'sibling' | 'plain',
  inNamespace = p.ns,
  label?: string,
): PlannedCache {
  const { sha, defaultBranch } = p.ctx;
  const thisCommit = u.ref.kind === 'sha' && u.ref.sha === sha;
  const exact =
    origin !== 'own' ? undefined : (u.exact ?? (thisCommit ? 'was built from this very commit' : undefined));
  const alone = origin === 'own' ? u.alone : undefined;
  const trunk = origin !== 'sibling' && u.ref.kind === 'branch' && u.ref.name === defaultBranch;
  return {
    ...use(p, u, 'from', inNamespace, label),
    origin,
    ...(exact ? { exact } : {}),
    ...(alone ? { alone } : {}),
    ...(trunk ? { defaultBranch: true as const } : {}),
  };
}

const siblingLegsOf = (options: PlanOptions) => options.siblingLegs.filter((l) => l !== options.leg);

/**
 * A sibling leg's cache of this very commit: the stages the legs share (those on $BUILDPLATFORM)
 * are this commit's there (narrow.ts reads it alone when this leg has none of this commit).
 */
function siblingsOfThisCommit(p: Planning): PlannedCache[] {
  const { ctx, rules, options } = p;
  const thisCommit = rules.reads.filter(
    (r) =>
      r.ref.kind === 'sha' &&
      r.ref.sha === ctx.sha &&
      !(p.b.backend === 'gha' && ghaUnreadable(rules.trigger, r.ref, ctx.defaultBranch)),
  );
  return siblingLegsOf(options).flatMap((leg) =>
    thisCommit.map((u) => {
      const why = { ...u, why: 'a sibling matrix leg built this very commit: shared stages' };
      const label = `${refLabel(u.ref)} (leg ${leg})`;
      return {
        ...read(p, why, 'sibling', namespace(options.scope, leg), label),
        sharedExact: 'was built from this very commit by a sibling leg',
      };
    }),
  );
}

/** This leg's own reads, the rules' order; one the token or GitHub's rules refuse is listed, not read. */
function ownReads(p: Planning): PlannedCache[] {
  return p.rules.reads.map((u) => {
    const unreadable = unreadableOf(p, u.ref);
    if (!unreadable) return read(p, u, 'own');
    if (!unreadable.noted) p.notes.push(`${refLabel(u.ref)} is not read: ${unreadable.why}`);
    else noteOnce(p.notes, unreadable.why);
    return { ref: refLabel(u.ref), why: u.why, entry: '', origin: 'own' as const, notRead: unreadable.why };
  });
}

/** The other sibling caches come after this leg's own: their stages shared with this leg hit. */
function siblingReads(p: Planning): PlannedCache[] {
  const { options, rules } = p;
  return siblingLegsOf(options).flatMap((leg) => {
    const siblingNs = namespace(options.scope, leg);
    const reads: PlannedCache[] = [];
    for (const u of rules.reads.filter((r) => r.ref.kind !== 'sha')) {
      if (p.throughGithub && tokenCannotRead(options.token, u.ref)) continue;
      if (p.readNames.includes(cacheName(siblingNs, u.ref))) continue;
      const why = { ...u, why: 'a sibling matrix leg: shared stages' };
      reads.push(read(p, why, 'sibling', siblingNs, `${refLabel(u.ref)} (leg ${leg})`));
    }
    return reads;
  });
}

/**
 * A leg also reads the scope's plain cache (the Dockerfile built with no target or platform):
 * the stages they share hit there, so a new leg or a new target does not start cold.
 */
function plainReads(p: Planning): PlannedCache[] {
  if (p.options.leg === '') return [];
  const plainNs = namespace(p.options.scope, '');
  const reads: PlannedCache[] = [];
  for (const u of p.rules.reads) {
    if (unreadableOf(p, u.ref)) continue;
    if (p.readNames.includes(cacheName(plainNs, u.ref))) continue;
    const why = { ...u, why: `${u.why}; built without a leg (shared stages)` };
    reads.push(read(p, why, 'plain', plainNs, `${refLabel(u.ref)} (no leg)`));
  }
  return reads;
}

/** The rules' writes, unless the token may not write through the GitHub Actions cache. */
function writesOf(p: Planning): Pick<CachePlan, 'writes' | 'writesLeftOut'> {
  if (p.throughGithub && p.refusals.write && p.rules.writes.length > 0) {
    noteOnce(p.notes, p.refusals.write);
    return { writes: [], writesLeftOut: p.refusals.write };
  }
  return { writes: p.rules.writes.map((u) => use(p, u, 'to')) };
}

const INLINE_NOTE =
  "inline: the cache travels inside the pushed image, in min mode only: just the final stage's steps can hit (the other stages run again); it is read back from the image's own tags, whatever the ref";

/**
 * The cache plan: which caches to import (best first) and where to export. Pure: the run, the
 * commits git found and the options in; BuildKit entries and the reasons for each out.
 */
export function plan(ctx: RunContext, facts: GitFacts, options: PlanOptions): CachePlan {
  const rules = refPlan(ctx, facts, options.write, visibility(options.backend));
  const notes = [...rules.notes];
  const ns = namespace(options.scope, options.leg);
  const refusals = tokenRefusals(options.token);
  const result: CachePlan = {
    trigger: rules.trigger,
    namespace: ns,
    cacheFrom: [],
    cacheTo: [],
    reads: [],
    writes: [],
    notes,
    ...(refusals.read || refusals.write ? { tokenRefuses: refusals } : {}),
  };
  if (options.backend === 'none') {
    notes.push('cache: none: only the raw cache-from / cache-to entries are used');
    return { ...result, cacheFrom: [...options.rawFrom], cacheTo: [...options.rawTo] };
  }
  const p = planning(ctx, { ...options, backend: options.backend }, rules, notes);
  const { b } = p;
  const unused = unusedOptions(b);
  if (unused.length > 0) notes.push(`cache-options not used by ${b.backend}: ${unused.join(', ')}`);
  if (p.throughGithub && options.token === null) notes.push(UNDECODABLE);
  // In this order: each phase skips the names the ones before it read.
  result.reads.push(...siblingsOfThisCommit(p));
  result.reads.push(...ownReads(p));
  result.reads.push(...siblingReads(p));
  result.reads.push(...plainReads(p));
  Object.assign(result, writesOf(p));
  if (b.backend === 'inline') notes.push(INLINE_NOTE);
  result.cacheFrom = [...cacheFromEntries(b, p.readNames), ...options.rawFrom];
  result.cacheTo = [...cacheToEntries(b, p.writeNames), ...options.rawTo];
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
