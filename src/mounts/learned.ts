import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as workflow from '../runner/commands';
import type { Exec } from '../lib/exec';
import { runCacheWorker } from '../stores/github-cache/worker';
import { SHARING } from './mount-flag';
import { learnedMount, mountKey, type MountPlan, type MountSelection, type PlannedMount } from './mount-plan';

/**
 * Mounts learned from a build record: the ones BuildKit used that the Dockerfile reading did not
 * find. Their ids are kept in a small cache entry of their own, so that the next run restores and
 * saves them like the mounts it finds. Read only when the reading left something out.
 */

export interface LearnedMount {
  id: string;
  target: string;
  sharing: (typeof SHARING)[number];
}

/** The entry's "mount id": never a cache mount's (BuildKit's ids here start with the target's `/`). */
const LEARNED_ID = 'bkca-learned-mounts';
const FOLDER = 'learned';
const FILE = 'mounts.json';

/** Its content, in one order: the same ids are the same key. */
export function learnedManifest(mounts: LearnedMount[]): string {
  const sorted = [...mounts].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify(sorted.map(({ id, target, sharing }) => ({ id, target, sharing })));
}

/** The entry's content as mounts; anything else is none (it is ours, but a cache is no contract). */
export function parseLearned(text: string): LearnedMount[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(doc)) return [];
  return doc.filter(
    (m): m is LearnedMount =>
      typeof m?.id === 'string' &&
      m.id !== '' &&
      typeof m.target === 'string' &&
      (SHARING as readonly string[]).includes(m.sharing),
  );
}

export const learnedKey = (cacheName: string, manifest: string) =>
  `${mountKey(LEARNED_ID, cacheName)}${createHash('sha256').update(manifest).digest('hex').slice(0, 16)}`;

/** The plan with the learned mounts the scan does not have, restored and saved like its own. */
export function withLearned(plan: MountPlan, selection: MountSelection, learned: LearnedMount[]): MountPlan {
  const known = new Set(plan.mounts.map((m) => m.mount.id));
  const added = learned
    .filter((l) => !known.has(l.id))
    .map((l) => learnedMount(plan, selection, l, { restore: true }))
    .filter((m): m is PlannedMount => m !== null);
  return { ...plan, mounts: [...plan.mounts, ...added] };
}

interface CacheOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** The learned mounts of the plan's reads (best first), and the key they came from. */
export async function restoreLearned(
  exec: Exec,
  plan: MountPlan,
  o: CacheOptions,
): Promise<{ mounts: LearnedMount[]; key: string }> {
  const keys = plan.readNames.map((n) => mountKey(LEARNED_ID, n));
  if (keys.length === 0) return { mounts: [], key: '' };
  fs.mkdirSync(o.root, { recursive: true });
  const call = await runCacheWorker(
    exec,
    { op: 'restore', path: FOLDER, key: keys[0], restoreKeys: keys, maxBytes: 1024 ** 2 },
    o,
  );
  if (call.status !== 'hit') return { mounts: [], key: '' };
  try {
    const mounts = parseLearned(fs.readFileSync(path.join(o.root, FOLDER, FILE), 'utf8'));
    return { mounts, key: call.matchedKey };
  } catch {
    return { mounts: [], key: '' };
  }
}

/** Saves the learned mounts under the ref this run writes, unless that very content came back. */
export async function saveLearned(
  exec: Exec,
  mounts: LearnedMount[],
  o: CacheOptions & { writeName: string; restoredKey: string },
): Promise<void> {
  if (mounts.length === 0 || o.writeName === '') return;
  const manifest = learnedManifest(mounts);
  const key = learnedKey(o.writeName, manifest);
  if (key === o.restoredKey) return;
  fs.mkdirSync(path.join(o.root, FOLDER), { recursive: true });
  fs.writeFileSync(path.join(o.root, FOLDER, FILE), manifest);
  const call = await runCacheWorker(exec, { op: 'save', path: FOLDER, key }, o);
  if (call.status === 'failed')
    workflow.warning(`cache mounts: the learned mount ids were not saved (${call.reason})`);
  else workflow.info(`cache mounts: the ids learned from the build record are saved as ${key}`);
}
