import { mountKeyPrefix } from '../stores/github-cache/keys';
import type { BuildStep } from '../buildx/parse/progress';
import type { CachePlan } from '../plan/planner';
import { slug } from '../plan/names';
import type { CacheMount, MountScan } from './dockerfile';
import { formatBytes } from '../lib/format';
import { neverRestores, neverSaves } from '../plan/trust';

/**
 * Which cache mounts this run restores and saves, under which keys, and why not. Pure: the
 * Dockerfile's mounts, the `cache-mounts` selection and the layer-cache plan in.
 */

export type MountSelection = { kind: 'auto' } | { kind: 'none' } | { kind: 'ids'; ids: string[] };

export interface PlannedMount {
  mount: CacheMount;
  /** Key prefixes to restore from, best first: the plan's reads, in its order (at most 10). */
  restoreKeys: string[];
  /** The prefix of the ref this run writes: a restore from it is `exact`. */
  ownPrefix: string;
  /** Where a changed mount is saved (a fingerprint is appended), or null. */
  saveKeyPrefix: string | null;
}

export interface SkippedMount {
  id: string;
  target: string;
  why: string;
}

export interface MountPlan {
  mounts: PlannedMount[];
  skipped: SkippedMount[];
  /** Why nothing is saved ('' when changed mounts are saved). */
  noSave: string;
  /** Said as warnings: the user asked for something the Dockerfile does not have. */
  warnings: string[];
  notes: string[];
  /** The cache name this run saves mounts under ('' when it saves none). */
  writeName: string;
  /** The cache names mounts are restored from, best first. */
  readNames: string[];
}

/** GitHub's limit is a key and 9 restore keys; the first prefix is also the key (see mounts.ts). */
const MAX_KEYS = 9;

/** The key prefix of a ref's mount, whatever its content. */
export const mountKey = (mountId: string, cacheName: string) => mountKeyPrefix(slug(mountId, 64), cacheName);

/**
 * Whether a Dockerfile can hold a `RUN --mount` at all, before the parser (~55 ms to load) is: a
 * flag is spelled `--mount`, once line continuations are joined.
 */
export function mayHaveMounts(dockerfile: string): boolean {
  return /--mount\b/.test(dockerfile.replace(/[\\`][ \t]*\r?\n/g, ''));
}

export function planMounts(
  scan: MountScan,
  selection: MountSelection,
  plan: CachePlan,
  o: { noCache: boolean },
): MountPlan {
  const result: MountPlan = {
    mounts: [],
    skipped: [],
    noSave: '',
    warnings: [],
    notes: [...scan.notes],
    writeName: '',
    readNames: [],
  };
  for (const l of scan.leftOut)
    result.notes.push(`cache mount on line ${l.line} (${l.mount}) is left out: ${l.why}`);
  if (selection.kind === 'none') return result;
  if (selection.kind === 'ids') {
    const found = new Set(scan.mounts.map((m) => m.id));
    for (const id of selection.ids.filter((i) => !found.has(i))) {
      result.warnings.push(
        `cache-mounts: the mount id ${JSON.stringify(id)} is not in the stages this build uses`,
      );
    }
  }
  const chosen = scan.mounts.filter((m) => selection.kind === 'auto' || selection.ids.includes(m.id));
  if (o.noCache) {
    const why = 'no-cache: BuildKit starts every cache mount empty';
    result.skipped = chosen.map((m) => ({ id: m.id, target: m.target, why }));
    return result;
  }
  const noRestore = neverRestores(plan);
  const readNames = noRestore
    ? []
    : [...new Set(plan.reads.map((r) => r.name ?? '').filter((n) => n !== ''))];
  const writeName = plan.writes[0]?.name ?? '';
  result.noSave = neverSaves(plan) || (writeName === '' ? 'the plan writes no cache on this run' : '');
  if (noRestore && result.noSave) {
    // Neither restored nor saved: the mounts are not persisted at all.
    result.skipped = chosen.map((m) => ({ id: m.id, target: m.target, why: noRestore }));
    return result;
  }
  result.writeName = result.noSave === '' ? writeName : '';
  result.readNames = readNames.slice(0, MAX_KEYS);
  if (readNames.length > MAX_KEYS) {
    result.notes.push(
      `cache mounts restore from the first ${MAX_KEYS} of the plan's ${readNames.length} reads`,
    );
  }
  for (const mount of chosen) {
    const restoreKeys = readNames.slice(0, MAX_KEYS).map((n) => mountKey(mount.id, n));
    const savePrefix = result.noSave === '' ? mountKey(mount.id, writeName) : null;
    result.mounts.push({
      mount,
      restoreKeys,
      ownPrefix: savePrefix ?? restoreKeys[0] ?? '',
      saveKeyPrefix: savePrefix,
    });
  }
  return result;
}

/**
 * A mount BuildKit used that the scan did not find, planned by its real id: saved on this run
 * (`restore: false`, the build just filled it), or restored too (known from an earlier record).
 * Null when there is nothing to do for it, or `cache-mounts` lists other ids.
 */
export function learnedMount(
  plan: MountPlan,
  selection: MountSelection,
  used: { id: string; target: string; sharing: CacheMount['sharing'] },
  o: { restore: boolean },
): PlannedMount | null {
  if (selection.kind === 'none') return null;
  if (selection.kind === 'ids' && !selection.ids.includes(used.id)) return null;
  const restoreKeys = o.restore ? plan.readNames.map((n) => mountKey(used.id, n)) : [];
  const savePrefix = plan.writeName === '' ? null : mountKey(used.id, plan.writeName);
  if (restoreKeys.length === 0 && savePrefix === null) return null;
  return {
    mount: { ...used, uid: '', gid: '', mode: '', stage: '', line: 0 },
    restoreKeys,
    ownPrefix: savePrefix ?? restoreKeys[0] ?? '',
    saveKeyPrefix: savePrefix,
  };
}

export type RestoreResult = 'exact' | 'fallback' | 'miss' | 'failed';

/** `exact`: restored from the ref this run writes (its own earlier run); `fallback`: another read. */
export function restoreResult(matchedKey: string | null, ownPrefix: string): RestoreResult {
  if (matchedKey === null) return 'miss';
  return ownPrefix !== '' && matchedKey.startsWith(ownPrefix) ? 'exact' : 'fallback';
}

/** Whether an extracted mount is saved, and why not. */
export function saveDecision(o: {
  saveKeyPrefix: string | null;
  noSave: string;
  fingerprint: string;
  restoredFingerprint: string | null;
  files: number;
  bytes: number;
  maxBytes: number;
}): { key: string; why: string } {
  if (o.saveKeyPrefix === null) return { key: '', why: o.noSave || 'not saved on this run' };
  if (o.files === 0) return { key: '', why: 'the mount is empty' };
  if (o.fingerprint === o.restoredFingerprint) return { key: '', why: 'unchanged since it was restored' };
  if (o.bytes > o.maxBytes) {
    return {
      key: '',
      why: `${formatBytes(o.bytes)} is over cache-mounts-max-size (${formatBytes(o.maxBytes)}; a repository's GitHub cache holds the default 10 GB in all, unless raised)`,
    };
  }
  return { key: `${o.saveKeyPrefix}${o.fingerprint}`, why: '' };
}

/**
 * Whether the build may have changed a cache mount: a RUN step with a `--mount` flag did work.
 * When every such step was a layer-cache hit, a restored mount is as it was restored, and copying
 * it out only to find that costs a helper build (seconds per 100 MB). Without the build's steps
 * (no record), it may have.
 */
export function mountStepRan(steps: Pick<BuildStep, 'instruction' | 'command' | 'status'>[] | null): boolean {
  if (steps === null || steps.length === 0) return true;
  return steps.some(
    (s) =>
      s.instruction === 'RUN' &&
      s.status !== 'cached' &&
      s.status !== 'not-run' &&
      /--mount[= ]/.test(s.command),
  );
}

/** Paths inside the helper builds (never the user's). */
const MOUNT_DIR = '/bkca/mount';
const OUT_DIR = '/bkca/out';
const RESTORED_DIR = '/bkca/restored';
/** The named build context the restored archive reaches the inject helper by. */
export const RESTORED_CONTEXT = 'bkca-restored';
export const ARCHIVE_FILE = 'mount.tar';
/** The mount's file list and content hashes: what "changed" compares. */
export const TREE_FILE = 'tree.txt';

/** One CSV field of a `--mount` value, quoted when it must be. */
function field(key: string, value: string): string {
  return /[",\s]/.test(value) ? `${key}="${value.replace(/"/g, '""')}"` : `${key}=${value}`;
}

/** The user's mount as BuildKit keys it (id, sharing, uid, gid, mode), at the helper's own path. */
export function helperMountFlag(m: CacheMount): string {
  const fields = [
    'type=cache',
    field('id', m.id),
    `target=${MOUNT_DIR}`,
    `sharing=${m.sharing}`,
    ...(m.uid !== '' ? [field('uid', m.uid)] : []),
    ...(m.gid !== '' ? [field('gid', m.gid)] : []),
    ...(m.mode !== '' ? [field('mode', m.mode)] : []),
  ];
  return `--mount=${fields.join(',')}`;
}

/**
 * The helper that fills the builder's cache mount from the restored archive. `BKCA_NONCE` makes its
 * step run every time (`--no-cache` would hand it a fresh, empty cache mount instead).
 */
export function injectDockerfile(m: CacheMount, image: string): string {
  return [
    `FROM ${image}`,
    'ARG BKCA_NONCE',
    `RUN ${helperMountFlag(m)} --mount=type=bind,from=${RESTORED_CONTEXT},target=${RESTORED_DIR} \\`,
    `    tar -xf ${RESTORED_DIR}/${ARCHIVE_FILE} -C ${MOUNT_DIR}`,
    '',
  ].join('\n');
}

/** The helper that copies a cache mount out: an archive (owners and modes kept) and its tree list. */
export function extractDockerfile(m: CacheMount, image: string): string {
  return [
    `FROM ${image} AS copy`,
    'ARG BKCA_NONCE',
    `RUN ${helperMountFlag(m)} \\`,
    `    mkdir -p ${OUT_DIR} && cd ${MOUNT_DIR} && tar -cf ${OUT_DIR}/${ARCHIVE_FILE} . && \\`,
    `    { find . | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2; } > ${OUT_DIR}/${TREE_FILE}`,
    'FROM scratch',
    `COPY --from=copy ${OUT_DIR}/ /`,
    '',
  ].join('\n');
}

/** The build arg that namespaces cache mount ids: the helpers must see the same ids as the build. */
const CACHE_MOUNT_NS = 'BUILDKIT_CACHE_MOUNT_NS';

/** `buildx build` of a helper: its Dockerfile on stdin, no workspace context, no attestations. */
export function helperBuildArgs(o: {
  builder: string;
  nonce: string;
  buildArgs: string[];
  /** The restored folder, for the inject helper. */
  restoredDir?: string;
  output: string;
}): string[] {
  const args = ['buildx', 'build', '--builder', o.builder, '--progress', 'plain'];
  args.push('--provenance=false', '--sbom=false');
  args.push('--build-arg', `BKCA_NONCE=${o.nonce}`);
  for (const a of o.buildArgs.filter((b) => b.startsWith(`${CACHE_MOUNT_NS}=`))) args.push('--build-arg', a);
  if (o.restoredDir) args.push('--build-context', `${RESTORED_CONTEXT}=${o.restoredDir}`);
  args.push('--output', o.output, '-');
  return args;
}
