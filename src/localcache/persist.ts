import { localKeyPrefix } from '../stores/github-cache/keys';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as workflow from '../runner/commands';
import { runCacheWorker, saveInto } from '../stores/github-cache/worker';
import type { Exec } from '../lib/exec';
import type { CacheInputs } from '../runner/inputs/types';
import { localExistence, narrowSources } from '../plan/narrow';
import type { CachePlan } from '../plan/planner';
import { unreachableBlobs } from './gc';
import { neverSaves } from '../plan/trust';
import type { LocalFolderRecord, LocalCacheReport } from './local-cache-report';

/**
 * `cache: local` without `cache-dir`: each ref's folder travels through the GitHub Actions cache.
 * The folders the plan reads are restored before the build (BuildKit imports from them), the
 * folders it writes are pruned to what their index reaches and saved after the export.
 */

export interface LocalCacheSession {
  plan: CachePlan;
  dir: string;
  records: LocalFolderRecord[];
  /** index.json of each restored folder, by name: an unchanged folder is not saved again. */
  restoredIndex: Map<string, string>;
  /** The runner's environment, handed unchanged to the cache worker. */
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Why the GitHub Actions cache cannot be reached ('' when it can). */
  unavailable: string;
}

/** Where the folders live on this runner: its temp folder (`runner.temp`), never the workspace. */
export function withPersistedLocalDir<T extends { cache: CacheInputs }>(inputs: T, runnerTemp: string): T {
  if (!inputs.cache.persistLocal) return inputs;
  const dir = path.join(runnerTemp, 'bkca-local-cache');
  return { ...inputs, cache: { ...inputs.cache, dir } };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const readText = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

const record = (ref: string, name: string, direction: 'read' | 'write'): LocalFolderRecord => ({
  ref,
  name,
  direction,
  restore: '',
  restoredKey: '',
  saved: false,
  savedKey: '',
  notSaved: '',
  error: '',
  bytes: 0,
  prunedBlobs: 0,
  prunedBytes: 0,
  seconds: { restore: 0, save: 0 },
});

/**
 * Restores the folder of every ref the plan reads, then drops from the plan the sources that are
 * still missing. The plan is returned unchanged when the folders are not persisted.
 */
export async function restoreLocalCaches(
  exec: Exec,
  o: {
    cache: Pick<CacheInputs, 'persistLocal' | 'dir'>;
    /** The bound on each transfer (`cache-mounts-timeout`'s). */
    timeoutMs: number;
    plan: CachePlan;
    env: NodeJS.ProcessEnv;
    unavailable: string;
  },
): Promise<{ plan: CachePlan; session: LocalCacheSession | null }> {
  if (!o.cache.persistLocal) return { plan: o.plan, session: null };
  const dir = o.cache.dir;
  fs.mkdirSync(dir, { recursive: true });
  const session: LocalCacheSession = {
    plan: o.plan,
    dir,
    records: [],
    restoredIndex: new Map(),
    env: o.env,
    timeoutMs: o.timeoutMs,
    unavailable: o.unavailable,
  };
  if (o.unavailable)
    workflow.warning(`cache local: the folders are not restored or saved (${o.unavailable})`);
  await workflow.group('Local cache: restore', async () => {
    for (const read of o.plan.reads.filter((r) => r.name && r.entry !== '')) {
      const r = record(read.ref, read.name!, 'read');
      session.records.push(r);
      try {
        if (o.unavailable) {
          r.restore = 'failed';
          r.error = o.unavailable;
          continue;
        }
        const prefix = localKeyPrefix(r.name);
        const call = await runCacheWorker(
          exec,
          // The primary key is a prefix too: it is repeated as a restore key, which GitHub prefix-matches.
          { op: 'restore', path: r.name, key: prefix, restoreKeys: [prefix] },
          { root: dir, env: o.env, timeoutMs: session.timeoutMs },
        );
        r.seconds.restore = seconds(call.ms);
        if (call.status === 'failed') {
          r.restore = 'failed';
          r.error = `restore failed: ${call.reason}`;
          workflow.warning(`local cache ${r.name}: ${r.error}`);
        } else if (call.status === 'hit') {
          r.restore = 'hit';
          r.restoredKey = call.matchedKey;
          // Before the build exports into it: BuildKit would write through a link too.
          dropLinksSaying(path.join(dir, r.name), r.name);
          const index = readText(path.join(dir, r.name, 'index.json'));
          if (index !== null) session.restoredIndex.set(r.name, index);
          workflow.info(`local cache ${r.name}: restored from ${call.matchedKey}`);
        } else {
          r.restore = 'miss';
        }
      } catch (e) {
        r.error = `${r.direction === 'read' ? 'restore' : 'save'} failed: ${(e as Error).message}`;
        workflow.warning(`local cache ${r.name}: ${r.error}`);
      }
    }
  });
  return { plan: narrowSources(o.plan, localExistence(fs.existsSync)), session };
}

/**
 * Removes every symlink in `folder` (and the folder itself when it is one), never following one:
 * BuildKit's local exporter writes none, so any came from a restored archive, and the export, the
 * prune and the save would follow it out of the folder. Returns the links removed, relative.
 */
export function dropLinks(folder: string): string[] {
  if (!fs.existsSync(folder) && !isLink(folder)) return [];
  if (isLink(folder)) {
    fs.unlinkSync(folder);
    return ['.'];
  }
  const dropped: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        fs.unlinkSync(p);
        dropped.push(path.relative(folder, p));
      } else if (entry.isDirectory()) walk(p);
    }
  };
  walk(folder);
  return dropped.sort();
}

const isLink = (p: string) => {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Drops the folder's links with one warning naming them (see dropLinks). */
function dropLinksSaying(folder: string, name: string): void {
  const links = dropLinks(folder);
  if (links.length > 0) {
    workflow.warning(`local cache ${name}: symlinks removed, a cache folder holds none: ${links.join(', ')}`);
  }
}

/**
 * Deletes the blobs of earlier exports; returns how many and their bytes. Its links are removed
 * first: a link is never followed out of the folder.
 */
export function pruneFolder(folder: string): { count: number; bytes: number; links: string[] } {
  const links = dropLinks(folder);
  const blobDir = path.join(folder, 'blobs', 'sha256');
  if (!fs.existsSync(blobDir)) return { count: 0, bytes: 0, links };
  const blobs = fs.readdirSync(blobDir).map((f) => `sha256:${f}`);
  const read = (digest: string) => readText(path.join(blobDir, digest.replace(/^sha256:/, '')));
  let bytes = 0;
  const doomed = unreachableBlobs(readText(path.join(folder, 'index.json')), blobs, read);
  for (const digest of doomed) {
    const file = path.join(blobDir, digest.replace(/^sha256:/, ''));
    bytes += fs.statSync(file).size;
    fs.rmSync(file);
  }
  return { count: doomed.length, bytes, links };
}

export function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const p = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/** After the export: prunes and saves the folders the plan wrote, when they changed. */
export async function saveLocalCaches(
  exec: Exec,
  session: LocalCacheSession | null,
  exported: boolean,
): Promise<LocalCacheReport | null> {
  if (session === null) return null;
  const noSave =
    session.unavailable || neverSaves(session.plan) || (exported ? '' : 'the cache export did not succeed');
  await workflow.group('Local cache: save', async () => {
    for (const write of session.plan.writes.filter((w) => w.name)) {
      const r = record(write.ref, write.name!, 'write');
      session.records.push(r);
      try {
        const folder = path.join(session.dir, r.name);
        dropLinksSaying(folder, r.name);
        const index = readText(path.join(folder, 'index.json'));
        if (index === null) {
          r.notSaved = 'no cache was exported to it';
          continue;
        }
        const pruned = pruneFolder(folder);
        r.prunedBlobs = pruned.count;
        r.prunedBytes = pruned.bytes;
        r.bytes = folderBytes(folder);
        if (noSave) {
          r.notSaved = noSave;
          continue;
        }
        if (session.restoredIndex.get(r.name) === index) {
          r.notSaved = 'unchanged since it was restored';
          continue;
        }
        await saveInto(
          exec,
          r,
          `local cache ${r.name}`,
          { path: r.name, key: `${localKeyPrefix(r.name)}${hashOf(index)}` },
          { root: session.dir, env: session.env, timeoutMs: session.timeoutMs },
        );
      } catch (e) {
        r.error = `${r.direction === 'read' ? 'restore' : 'save'} failed: ${(e as Error).message}`;
        workflow.warning(`local cache ${r.name}: ${r.error}`);
      }
    }
  });
  return { dir: session.dir, folders: session.records };
}
