import * as workflow from '../runner/commands';
import type { Exec } from '../lib/exec';
import { historyAttachmentArgs, historyInspectArgs, historyListArgs, historyLogsArgs } from './args';
import { parseProvenanceCacheMounts, type UsedCacheMount } from './parse/provenance';
import type { Buildx } from './buildx';
import { type BuildLog, parseRawJsonLog } from './parse/progress';
import { type BuildRecord, parseHistoryInspect } from './parse/record';
import { parseHistoryList } from './parse/history-list';
import { lastLine } from '../lib/text';

/** A build's record as BuildKit kept it: its steps (rawjson log) and its summary (inspect). */
export interface BuildHistory {
  log: BuildLog | null;
  record: BuildRecord | null;
  /** The cache mounts BuildKit used, from the provenance attachment; null when not read. */
  cacheMounts: { used: UsedCacheMount[]; ms: number } | null;
}

export async function readBuildLog(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  ref: string,
): Promise<BuildLog | null> {
  const logs = await exec(buildx.command, buildx.argv(historyLogsArgs(builder, ref)));
  if (logs.exitCode !== 0) {
    workflow.warning(`could not read the build record ${ref}: ${lastLine(logs.stderr)}`);
    return null;
  }
  // buildx writes the rawjson stream to stderr or stdout depending on its version.
  return parseRawJsonLog(`${logs.stdout}\n${logs.stderr}`);
}

/**
 * The log and the record, read side by side; then, when asked, the provenance attachment for the
 * cache mounts BuildKit used (one more buildx call).
 */
export async function readBuildHistory(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  ref: string,
  o: { cacheMounts: boolean } = { cacheMounts: false },
): Promise<BuildHistory> {
  const [log, inspected] = await Promise.all([
    readBuildLog(exec, buildx, builder, ref),
    exec(buildx.command, buildx.argv(historyInspectArgs(builder, ref))),
  ]);
  const record = inspected.exitCode === 0 ? parseHistoryInspect(inspected.stdout) : null;
  const digests = record?.provenanceDigests ?? [];
  return {
    log,
    record,
    cacheMounts:
      o.cacheMounts && digests.length > 0 ? await readCacheMounts(exec, buildx, builder, ref, digests) : null,
  };
}

/** Each platform's provenance, read side by side; null when one cannot be read. */
async function readCacheMounts(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  ref: string,
  digests: string[],
): Promise<BuildHistory['cacheMounts']> {
  const started = Date.now();
  const runs = await Promise.all(
    digests.map((d) => exec(buildx.command, buildx.argv(historyAttachmentArgs(builder, ref, d)))),
  );
  const used: UsedCacheMount[] = [];
  for (const run of runs) {
    const mounts = run.exitCode === 0 ? parseProvenanceCacheMounts(run.stdout) : null;
    if (mounts === null) {
      workflow.info(
        `cache mounts: the build record's provenance could not be read (${lastLine(run.stderr)})`,
      );
      return null;
    }
    used.push(...mounts);
  }
  return { used, ms: Date.now() - started };
}

/**
 * The record of this build among a builder's records, when its metadata (which names its ref) was
 * not written: the one record that started after this build did. None when buildx refused the
 * command before BuildKit made a record, and none when two builds started since (a shared
 * builder): another job's record, its error and its secrets, must never be reported as ours.
 * Pure; `listing` is the JSON lines buildx printed.
 */
export function ownRecordRef(listing: string, startedAtMs: number, failed: boolean): string | null {
  const since = parseHistoryList(listing).filter(
    (r) => r.createdAt >= startedAtMs && !(failed && r.status === 'Completed'),
  );
  return since.length === 1 ? since[0].ref : null;
}

/** This build's record ref, read from the builder's list (see {@link ownRecordRef}); null when unsure. */
export async function ownBuildRef(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  o: { startedAtMs: number; failed: boolean },
): Promise<string | null> {
  const ls = await exec(buildx.command, buildx.argv(historyListArgs(builder)));
  return ls.exitCode === 0 ? ownRecordRef(ls.stdout, o.startedAtMs, o.failed) : null;
}
