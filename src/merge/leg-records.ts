import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exec } from '../lib/exec';
import { mergeRecordKey, mergeRecordPrefix } from '../stores/github-cache/keys';
import { type CacheCall, runCacheWorker } from '../stores/github-cache/worker';
import { type Found, parseLegRecord } from './legs';
import type { LegRecord } from './merge-report';

/**
 * The legs' records travel as tiny GitHub cache entries, through the @actions/cache worker: no step
 * in the workflow, a key per run, image, platform and attempt, and GitHub expires them unread.
 */

/** The folder archived: one name on every runner, so the cache version (a hash of the paths) matches. */
const FOLDER = 'bkca-merge-record';
const FILE = 'leg.json';
const TIMEOUT_MS = 60000;

interface Where {
  runId: string;
  tempDir: string;
  env: NodeJS.ProcessEnv;
}

export async function saveLegRecord(exec: Exec, record: LegRecord, w: Where): Promise<CacheCall> {
  const root = fs.mkdtempSync(path.join(w.tempDir, 'merge-save-'));
  fs.mkdirSync(path.join(root, FOLDER));
  fs.writeFileSync(path.join(root, FOLDER, FILE), `${JSON.stringify(record)}\n`);
  const key = mergeRecordKey(w.runId, record.image, record.platform, record.attempt);
  return runCacheWorker(exec, { op: 'save', path: FOLDER, key }, { root, env: w.env, timeoutMs: TIMEOUT_MS });
}

/** The newest record of one platform's leg in this run. */
async function restoreOne(exec: Exec, image: string, platform: string, w: Where): Promise<Found> {
  const root = fs.mkdtempSync(path.join(w.tempDir, 'merge-restore-'));
  const prefix = mergeRecordPrefix(w.runId, image, platform);
  // No key is ever saved as `<prefix>newest`: the restore key's prefix match, newest first, answers.
  const call = await runCacheWorker(
    exec,
    { op: 'restore', path: FOLDER, key: `${prefix}newest`, restoreKeys: [prefix], maxBytes: 1024 ** 2 },
    { root, env: w.env, timeoutMs: TIMEOUT_MS },
  );
  if (call.status === 'failed') return { platform, record: null, failed: call.reason };
  if (call.status !== 'hit') return { platform, record: null };
  const file = path.join(root, FOLDER, FILE);
  if (!fs.existsSync(file)) return { platform, record: null, dropped: 'the entry holds no record' };
  return { platform, ...parseLegRecord(fs.readFileSync(file, 'utf8'), { platform, image, runId: w.runId }) };
}

export const restoreLegRecords = (exec: Exec, image: string, platforms: string[], w: Where) =>
  Promise.all(platforms.map((p) => restoreOne(exec, image, p, w)));
