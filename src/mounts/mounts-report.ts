import type { RestoreResult } from './mount-plan';

/** What cache-mount persistence did: the `mounts` field of `cache-report`. */
export interface MountRecord {
  id: string;
  target: string;
  stage: string;
  restore: RestoreResult;
  /** The key it was restored from ('' on a miss). */
  restoredKey: string;
  /** Size of the mount's archive after the build (0 when not extracted). */
  bytes: number;
  saved: boolean;
  savedKey: string;
  /** Why it was not saved ('' when saved). */
  notSaved: string;
  /** What failed, if anything (restore, inject, extract or save). */
  error: string;
  seconds: { restore: number; inject: number; extract: number; save: number };
}

export interface MountsReport {
  mounts: MountRecord[];
  /** Mounts not persisted at all, with why. */
  skipped: { id: string; target: string; why: string }[];
  notes: string[];
  counts: { restored: number; missed: number; skipped: number; failed: number };
  saved: string[];
  /**
   * The cache mount ids BuildKit used, from the build record's provenance (null when it was not
   * read: a failed build, or no record), and where they differ from the prediction.
   */
  observed: string[] | null;
  mismatches: { unpredicted: string[]; unused: string[] };
  /** What reading the provenance cost, in seconds. */
  observedSeconds: number;
}

/** The `cache-mounts` and `cache-mounts-saved` outputs (empty counts when none were looked for). */
export function mountOutputs(r: MountsReport | null): {
  'cache-mounts': string;
  'cache-mounts-saved': string;
} {
  const counts = r?.counts ?? { restored: 0, missed: 0, skipped: 0, failed: 0 };
  return { 'cache-mounts': JSON.stringify(counts), 'cache-mounts-saved': (r?.saved ?? []).join(',') };
}
