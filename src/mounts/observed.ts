import { type UsedCacheMount, frontendCacheId } from '../buildx/parse/provenance';
import type { MountScan } from './dockerfile';

/**
 * The build record as the check of the prediction: the cache mounts BuildKit used (from the
 * provenance's LLB) against the ones the action found in the Dockerfile. Pure.
 */

/** A cache mount as the record shows it, by the frontend's id; `line` when the record maps its step. */
export interface ObservedMount {
  id: string;
  target: string;
  sharing: UsedCacheMount['sharing'];
  line?: number;
}

export interface MountCheck {
  /** The ids BuildKit used (the frontend's, without namespace), in the record's order. */
  observed: string[];
  /** Used by BuildKit, not predicted: the action did not find them, or left them out unknowingly. */
  unpredicted: ObservedMount[];
  /** Used by BuildKit, not found by the reading, but known from an earlier run's record. */
  learned: ObservedMount[];
  /** Predicted (or learned), not used by BuildKit: nothing is saved for them. */
  unused: string[];
  /** Said as warnings (unpredicted) and notes (unused). */
  warnings: string[];
  notes: string[];
}

/** BUILDKIT_CACHE_MOUNT_NS from the build args: BuildKit puts it before every cache id. */
export function cacheMountNamespace(buildArgs: string[]): string {
  const arg = buildArgs.find((a) => a.startsWith('BUILDKIT_CACHE_MOUNT_NS='));
  return arg === undefined ? '' : arg.slice('BUILDKIT_CACHE_MOUNT_NS='.length);
}

export function checkMounts(
  scan: MountScan,
  used: UsedCacheMount[],
  namespace: string,
  learnedIds: string[] = [],
): MountCheck {
  const observed: ObservedMount[] = [];
  for (const u of used) {
    const id = frontendCacheId(u.llbId, namespace);
    const at = u.line === undefined ? {} : { line: u.line };
    if (!observed.some((o) => o.id === id)) observed.push({ id, target: u.dest, sharing: u.sharing, ...at });
  }
  const predicted = new Set(scan.mounts.map((m) => m.id));
  // Left out on purpose with a known id (seeded from a stage): not a miss of the prediction.
  const leftOutIds = new Set(scan.leftOut.map((l) => l.id).filter((id) => id !== undefined));
  const observedIds = new Set(observed.map((o) => o.id));
  const learned = new Set(learnedIds.filter((id) => !predicted.has(id)));
  const unpredicted = observed.filter(
    (o) => !predicted.has(o.id) && !leftOutIds.has(o.id) && !learned.has(o.id),
  );
  const unused = [...predicted, ...learned].filter((id) => !observedIds.has(id));
  return {
    observed: observed.map((o) => o.id),
    unpredicted,
    learned: observed.filter((o) => learned.has(o.id)),
    unused,
    warnings: unpredicted.map(
      (u) =>
        `cache mount ${JSON.stringify(u.id)} (at ${u.target}${u.line === undefined ? '' : `, Dockerfile line ${u.line}`}) was used by BuildKit but not found in the Dockerfile by the action`,
    ),
    notes: unused.map(
      (id) =>
        `cache mount ${JSON.stringify(id)} was predicted but BuildKit did not use it: nothing is saved for it`,
    ),
  };
}
