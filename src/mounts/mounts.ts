import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as workflow from '../runner/commands';
import type { Buildx } from '../buildx/buildx';
import type { BuildStep } from '../buildx/parse/progress';
import { runCacheWorker, saveInto } from '../stores/github-cache/worker';
import { formatCacheEntry } from '../lib/cache-entry';
import type { Exec } from '../lib/exec';
import type { BuildInputs, MountInputs } from '../runner/inputs/types';
import type { CachePlan } from '../plan/planner';
import type { MountScan } from './dockerfile';
import {
  ARCHIVE_FILE,
  extractDockerfile,
  injectDockerfile,
  mayHaveMounts,
  type MountPlan,
  type PlannedMount,
  learnedMount,
  mountStepRan,
  planMounts,
  restoreResult,
  saveDecision,
  TREE_FILE,
} from './mount-plan';
import { buildPlatforms, nativePlatform } from './platform';
import { helperBuild, type HelperBuildOptions } from './helper-build';
import type { MountsReport, MountRecord } from './mounts-report';
import { newRecord, readDockerfile, safely } from './mount-session';
import { cacheMountNamespace, checkMounts } from './observed';
import { restoreLearned, saveLearned, withLearned } from './learned';
import type { BuildHistory } from '../buildx/history';

/**
 * The effects of cache-mount persistence: restore and inject before the build, extract and save
 * after the image and its cache export. Every problem is a warning and a field of the report.
 */

export interface MountSession {
  /** What the Dockerfile holds: checked against the build record after the build. */
  scan: MountScan;
  plan: MountPlan;
  records: MountRecord[];
  /** Per mount: the restored tree's fingerprint, to tell whether the build changed it. */
  restoredFingerprints: (string | null)[];
  o: SessionOptions;
  /** The mounts learned from an earlier build record, and the key they were restored from. */
  learned: { ids: string[]; key: string };
}

/** What the mounts session reads of the inputs: the build (its Dockerfile, target, platforms) and the mounts. */
export interface MountsInputs {
  build: BuildInputs;
  mounts: MountInputs;
}

interface SessionOptions extends HelperBuildOptions {
  inputs: MountsInputs;
  tempDir: string;
}

const cacheOptions = (o: SessionOptions, folder: string) => ({
  root: path.join(o.tempDir, 'mounts', folder),
  env: o.env,
  timeoutMs: o.inputs.mounts.timeoutMs,
});
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const fingerprintOf = (tree: string) => createHash('sha256').update(tree).digest('hex').slice(0, 16);
/** The folder name archived in the cache: part of the cache version, so it never changes. */
const CACHED_FOLDER = 'mount';

/**
 * Before the build: finds the cache mounts, restores each one's archive and puts it into the
 * builder's cache mount of the same id. Returns null when there is nothing to persist, which
 * costs no helper build.
 */
export async function restoreMounts(
  exec: Exec,
  buildx: Buildx,
  o: SessionOptions & { plan: CachePlan; workspace: string; unavailable: string },
): Promise<MountSession | null> {
  if (o.inputs.mounts.selection.kind === 'none') return null;
  if (o.unavailable) {
    workflow.info(
      `cache mounts: not persisted, the GitHub Actions cache is not reachable (${o.unavailable})`,
    );
    return null;
  }
  const dockerfile = readDockerfile(o.inputs.build, o.workspace);
  if ('why' in dockerfile) {
    workflow.info(`cache mounts: not looked for (${dockerfile.why})`);
    return null;
  }
  // No `--mount` anywhere: nothing to persist, and no parser to load. Listed ids are still looked
  // for, so that one missing from the Dockerfile gets its warning.
  if (o.inputs.mounts.selection.kind === 'auto' && !mayHaveMounts(dockerfile.text)) return null;
  let scan: MountScan;
  try {
    // The parser is loaded only by runs that can persist mounts.
    const { scanForPlatforms } = await import('./dockerfile');
    // The builder's own platform is taken as this machine's: builders here run on the runner.
    const platforms = buildPlatforms(o.inputs.build.platforms, nativePlatform(process.arch));
    scan = scanForPlatforms(dockerfile.text, o.inputs.build.target, o.inputs.build.buildArgs, platforms);
  } catch (e) {
    workflow.warning(
      `cache mounts: the Dockerfile could not be read (${(e as Error).message}); they are not persisted`,
    );
    return null;
  }
  const found = planMounts(scan, o.inputs.mounts.selection, o.plan, { noCache: o.inputs.build.noCache });
  // What the reading left out may be a mount an earlier build record showed: its id was kept.
  const learned =
    scan.leftOut.length + scan.notes.length > 0
      ? await restoreLearned(exec, found, cacheOptions(o, 'learned-in'))
      : { mounts: [], key: '' };
  const plan = withLearned(found, o.inputs.mounts.selection, learned.mounts);
  for (const w of plan.warnings) workflow.warning(w);
  for (const n of plan.notes) workflow.info(`cache mounts: ${n}`);
  // A Dockerfile whose `--mount` flags gave nothing still has its build record checked.
  const session: MountSession = {
    scan,
    plan,
    records: [],
    restoredFingerprints: [],
    o,
    learned: { ids: learned.mounts.map((m) => m.id), key: learned.key },
  };
  if (plan.mounts.length === 0) return session;
  await workflow.group('Cache mounts: restore', async () => {
    for (const [n, planned] of plan.mounts.entries()) {
      const record = newRecord(planned);
      session.records.push(record);
      session.restoredFingerprints.push(
        await safely(record, 'restore', () => restoreOne(exec, buildx, o, planned, record, n), null),
      );
    }
  });
  return session;
}

async function restoreOne(
  exec: Exec,
  buildx: Buildx,
  o: SessionOptions,
  planned: PlannedMount,
  record: MountRecord,
  n: number,
): Promise<string | null> {
  const { mount } = planned;
  const root = path.join(o.tempDir, 'mounts', String(n), 'restored');
  fs.mkdirSync(root, { recursive: true });
  const key = planned.restoreKeys[0];
  if (key === undefined) return null;
  const call = await runCacheWorker(
    exec,
    // The key is a prefix too: it is repeated as a restore key, which GitHub prefix-matches.
    {
      op: 'restore',
      path: CACHED_FOLDER,
      key,
      restoreKeys: planned.restoreKeys,
      maxBytes: o.inputs.mounts.maxBytes,
    },
    { root, env: o.env, timeoutMs: o.inputs.mounts.timeoutMs },
  );
  record.seconds.restore = seconds(call.ms);
  if (call.status === 'failed') {
    record.restore = 'failed';
    record.error = `restore failed: ${call.reason}`;
    workflow.warning(`cache mount ${mount.id}: ${record.error}`);
    return null;
  }
  if (call.status !== 'hit') {
    workflow.info(`cache mount ${mount.id} (${mount.target}): nothing to restore`);
    return null;
  }
  record.restore = restoreResult(call.matchedKey, planned.ownPrefix);
  record.restoredKey = call.matchedKey;
  const folder = path.join(root, CACHED_FOLDER);
  const started = Date.now();
  const failed = await helperBuild(exec, buildx, o, injectDockerfile(mount, o.inputs.mounts.image), {
    restoredDir: folder,
    output: 'type=cacheonly',
  });
  record.seconds.inject = seconds(Date.now() - started);
  if (failed) {
    record.error = `inject failed: ${failed}`;
    workflow.warning(`cache mount ${mount.id}: ${record.error}`);
    return null;
  }
  const tree = fs.readFileSync(path.join(folder, TREE_FILE), 'utf8');
  record.bytes = fs.statSync(path.join(folder, ARCHIVE_FILE)).size;
  workflow.info(
    `cache mount ${mount.id} (${mount.target}): restored from ${call.matchedKey} (${record.restore})`,
  );
  return fingerprintOf(tree);
}

/**
 * After the image and its cache export: checks the prediction against the mounts BuildKit used
 * (`used`, from the build record; null when unread), then copies each mount out and saves it when
 * the plan writes, it changed and it is not too large; a mount BuildKit used that the scan missed
 * is saved by its real id. `steps`: the build record's steps (null when unread).
 */
export async function saveMounts(
  exec: Exec,
  buildx: Buildx,
  session: MountSession | null,
  built: boolean,
  history: { steps: BuildStep[] | null; used: BuildHistory['cacheMounts'] },
): Promise<MountsReport | null> {
  if (session === null) return null;
  const { plan, records, o } = session;
  const ns = cacheMountNamespace(o.inputs.build.buildArgs);
  const check =
    built && history.used !== null
      ? checkMounts(session.scan, history.used.used, ns, session.learned.ids)
      : null;
  if (check) {
    const keep = [...check.unpredicted, ...check.learned];
    await saveLearned(exec, keep, {
      ...cacheOptions(o, 'learned-out'),
      writeName: plan.writeName,
      restoredKey: session.learned.key,
    });
  }
  for (const w of check?.warnings ?? []) workflow.warning(w);
  for (const n of check?.notes ?? []) workflow.info(`cache mounts: ${n}`);
  const unused = new Set(check?.unused ?? []);
  const learned = (check?.unpredicted ?? [])
    .map((u) => learnedMount(plan, o.inputs.mounts.selection, u, { restore: false }))
    .filter((m): m is PlannedMount => m !== null);
  const toSave = [...plan.mounts, ...learned];
  for (const m of learned) {
    records.push(newRecord(m));
    session.restoredFingerprints.push(null);
  }
  const ran = mountStepRan(history.steps);
  if (toSave.length > 0) {
    await workflow.group('Cache mounts: save', async () => {
      for (const [n, planned] of toSave.entries()) {
        const record = records[n];
        if (!built) record.notSaved = 'the build failed';
        else if (unused.has(record.id)) record.notSaved = 'BuildKit did not use it in this build';
        else {
          const restored = session.restoredFingerprints[n];
          await safely(
            record,
            'save',
            () => saveOne(exec, buildx, o, planned, record, restored, plan.noSave, n, ran),
            undefined,
          );
        }
      }
    });
  }
  if (records.length === 0 && plan.skipped.length === 0 && check === null) return null;
  const failed = records.filter((r) => r.error !== '').length;
  return {
    mounts: records,
    skipped: plan.skipped,
    notes: [...plan.notes, ...(check?.notes ?? [])],
    counts: {
      restored: records.filter((r) => r.restore === 'exact' || r.restore === 'fallback').length,
      missed: records.filter((r) => r.restore === 'miss').length,
      skipped: plan.skipped.length,
      failed,
    },
    saved: records.filter((r) => r.saved).map((r) => r.id),
    observed: check?.observed ?? null,
    mismatches: { unpredicted: (check?.unpredicted ?? []).map((u) => u.id), unused: check?.unused ?? [] },
    observedSeconds: history.used ? seconds(history.used.ms) : 0,
  };
}

async function saveOne(
  exec: Exec,
  buildx: Buildx,
  o: SessionOptions,
  planned: PlannedMount,
  record: MountRecord,
  restoredFingerprint: string | null,
  noSave: string,
  n: number,
  mountStepsRan: boolean,
): Promise<void> {
  const { mount } = planned;
  // Nothing is copied out when it could not be saved anyway.
  if (planned.saveKeyPrefix === null) {
    record.notSaved = noSave;
    return;
  }
  if (restoredFingerprint !== null && !mountStepsRan) {
    record.notSaved = 'unchanged since it was restored: no step that mounts it ran';
    workflow.info(`cache mount ${mount.id}: not saved (${record.notSaved})`);
    return;
  }
  const root = path.join(o.tempDir, 'mounts', String(n), 'extracted');
  const folder = path.join(root, CACHED_FOLDER);
  fs.mkdirSync(root, { recursive: true });
  const started = Date.now();
  const failed = await helperBuild(exec, buildx, o, extractDockerfile(mount, o.inputs.mounts.image), {
    output: formatCacheEntry([
      ['type', 'local'],
      ['dest', folder],
    ]),
  });
  record.seconds.extract = seconds(Date.now() - started);
  if (failed) {
    record.error = `extract failed: ${failed}`;
    record.notSaved = 'it could not be copied out';
    workflow.warning(`cache mount ${mount.id}: ${record.error}`);
    return;
  }
  const tree = fs.readFileSync(path.join(folder, TREE_FILE), 'utf8');
  record.bytes = fs.statSync(path.join(folder, ARCHIVE_FILE)).size;
  const decision = saveDecision({
    saveKeyPrefix: planned.saveKeyPrefix,
    noSave,
    fingerprint: fingerprintOf(tree),
    restoredFingerprint,
    // The tree lists `.` and every path, then each file's hash.
    files: tree.split('\n').filter((l) => l !== '' && l !== '.').length,
    bytes: record.bytes,
    maxBytes: o.inputs.mounts.maxBytes,
  });
  if (decision.key === '') {
    record.notSaved = decision.why;
    workflow.info(`cache mount ${mount.id}: not saved (${decision.why})`);
    return;
  }
  await saveInto(
    exec,
    record,
    `cache mount ${mount.id}`,
    { path: CACHED_FOLDER, key: decision.key },
    { root, env: o.env, timeoutMs: o.inputs.mounts.timeoutMs },
  );
}
