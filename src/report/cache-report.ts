import type { BuildLog, BuildStep } from '../buildx/parse/progress';
import type { BuildMetadata, Material } from '../buildx/parse/metadata';
import type { BuildRecord } from '../buildx/parse/record';
import type { CacheScope } from '../github/runtime-token';
import type { CachePlan } from '../plan/planner';
import type { CleanupOutcome } from '../cleanup/outcome';
import type { CacheReport, ExportStatus, ImportResult } from './types';
import { likelyReasons, type ReasonInput } from './reasons';
import { firstExecutedSteps, stageLabel, stepTotals } from './steps';
import { type LocalCacheReport } from '../localcache/local-cache-report';
import { type MountsReport } from '../mounts/mounts-report';
import { type ExportSize } from '../stores/export-size';
import { cacheImportId, WITHOUT_ENVIRONMENT } from '../buildx/import-id';
import { cacheEntryType } from '../lib/cache-entry';
import { exportFailure } from '../buildx/parse/errors';
import { type ImportSource, mapImports } from './import-sources';

/** Cache exporters default to mode=min; an inline cache can only be min. */
const isModeMin = (entry: string) => !/(^|,)mode=max(,|$)/.test(entry);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

export function importResults(log: BuildLog): ImportResult[] {
  return log.imports.map((i) => {
    const took = seconds(i.durationMs);
    if (!i.error) return { source: i.source, result: 'imported', seconds: took };
    const notFound = /not found|no such file|404|does not exist/i.test(i.error);
    return { source: i.source, result: notFound ? 'not-found' : 'failed', error: i.error, seconds: took };
  });
}

export function firstExecuted(steps: BuildStep[]): CacheReport['steps']['firstExecuted'] {
  return firstExecutedSteps(steps).map((s) => ({
    stage: stageLabel(s),
    step: s.name,
    instruction: s.instruction,
    command: s.command,
  }));
}

/** Whether the export happened, from what the plan asked and what the build record shows. */
export function exportOutcome(
  plan: CachePlan,
  log: BuildLog | null,
  built: boolean,
  skipWhy: string,
): CacheReport['export'] {
  const destinations = plan.cacheTo;
  const exportMs = log ? log.exports.reduce((sum, e) => sum + e.durationMs, 0) : 0;
  const outcome = (status: ExportStatus, reason: string, took = 0): CacheReport['export'] => ({
    status,
    reason,
    seconds: took,
    destinations,
    manifest: null,
    sizes: [],
  });
  if (destinations.length === 0) {
    const why =
      skipWhy ||
      plan.writesLeftOut ||
      plan.notes.find((n) => /nothing is written|no cache is written|only reads/.test(n));
    return outcome('skipped', why ?? 'no cache destination for this run');
  }
  if (skipWhy) return outcome('skipped', skipWhy);
  if (!built) return outcome('skipped', 'the build did not finish');
  const failed = log?.exports.find((e) => e.error);
  if (failed) return outcome('failed', exportFailure(failed.error ?? 'failed'), seconds(exportMs));
  if (log && log.exports.length === 0 && destinations.every((d) => cacheEntryType(d) === 'inline')) {
    // An inline cache has no export vertex of its own: it is written with the image.
    return outcome('ok', 'exported inside the image');
  }
  return outcome('ok', '', seconds(exportMs));
}

/** FROM images of this build: from the record, else the metadata's provenance, else the log. */
export function baseImages(
  record: BuildRecord | null,
  metadata: BuildMetadata | null,
  log: BuildLog | null,
): Material[] {
  const fromRecord = (record?.materials ?? []).filter((m) => m.image !== '');
  if (fromRecord.length > 0) return fromRecord;
  const fromMetadata = (metadata?.materials ?? []).filter((m) => m.image !== '');
  if (fromMetadata.length > 0) return fromMetadata;
  const out: Material[] = [];
  for (const b of log?.bases ?? []) {
    if (b.digest === '' || out.some((m) => m.image === b.image && m.digest === b.digest)) continue;
    out.push({ uri: '', image: b.image, platform: b.platform, digest: b.digest });
  }
  return out;
}

/** The one-line reason of a failed build: the step, its Dockerfile line and BuildKit's message. */
export function failureMessage(error: CacheReport['error'], fallback: string): string {
  if (!error) return `docker buildx build failed: ${fallback}`;
  const where = error.file && error.line !== null ? ` (${error.file}:${error.line})` : '';
  const step = error.step ? ` at ${error.step}` : '';
  return `build failed${step}${where}: ${error.message || fallback}`.replace(/\s*\r?\n\s*/g, ' ');
}

function reportError(record: BuildRecord | null, log: BuildLog | null): CacheReport['error'] {
  const failedStep = log?.steps.find((s) => s.status === 'failed');
  if (record?.error) {
    const e = record.error;
    return {
      step: e.step || failedStep?.name || '',
      message: e.message,
      file: e.location?.file ?? '',
      line: e.location?.line ?? null,
    };
  }
  if (failedStep) return { step: failedStep.name, message: failedStep.error ?? '', file: '', line: null };
  return null;
}

/** What the report is made of: the plan, the build's log and record, and what each phase did. */
export interface ReportArgs {
  plan: CachePlan;
  backend: string;
  log: BuildLog | null;
  build: CacheReport['build'];
  tokenScopes: CacheScope[] | null;
  exportResult: CacheReport['export'];
  /** `docker buildx history inspect` of this build. */
  record?: BuildRecord | null;
  metadata?: BuildMetadata | null;
  exportSizes?: ExportSize[];
  /** The `--cache-from` entries with BuildKit's name for each (default: what needs no environment). */
  importSources?: ImportSource[];
  noCache?: boolean;
  previous?: ReasonInput['previous'];
  timings?: CacheReport['timings'];
  mounts?: MountsReport | null;
  localCache?: LocalCacheReport | null;
  /** What a clean-up or retention did on this run. */
  cleanup?: CleanupOutcome | null;
}

/** BuildKit's imports, each mapped to its plan read, and the sources found missing before the build. */
function reportImports(
  args: ReportArgs,
  log: BuildLog | null,
): { imports: ImportResult[]; missed: ImportResult[] } {
  const sources =
    args.importSources ??
    args.plan.cacheFrom.map((entry) => ({
      entry,
      id: cacheImportId(entry, WITHOUT_ENVIRONMENT),
    }));
  // BuildKit's imports only: a source left out before the build is in the plan, marked.
  const imports = mapImports(log ? importResults(log) : [], sources, args.plan.reads);
  // For the reasons, a source found missing before the build is a miss like one BuildKit found.
  const missed = (args.plan.missing ?? []).map((entry): ImportResult => {
    const read = args.plan.reads.find((r) => r.entry === entry);
    return {
      source: entry,
      entry,
      ...(read ? { ref: read.ref, why: read.why } : {}),
      result: 'not-found',
      seconds: 0,
    };
  });
  return { imports, missed };
}

/** The steps' totals and each step as the report lists it. */
function reportSteps(steps: BuildStep[]): CacheReport['steps'] {
  const totals = stepTotals(steps);
  return {
    total: totals.total,
    cached: totals.cached,
    executed: totals.executed,
    notRun: totals.notRun,
    ratio: Math.round(totals.ratio * 1000) / 1000,
    executedSeconds: seconds(totals.executedMs),
    firstExecuted: firstExecuted(steps),
    list: steps.map((s) => ({
      stage: s.stage,
      platform: s.platform,
      step: s.command,
      status: s.status,
      seconds: seconds(s.durationMs),
      instruction: s.instruction,
      index: s.index,
      of: s.total,
      cached: s.status === 'cached',
    })),
  };
}

/** The export's outcome, with the cache manifest the build's metadata names when it does not. */
function reportExport(args: ReportArgs, metadata: BuildMetadata | null): CacheReport['export'] {
  const exported = args.exportResult;
  const manifest =
    exported.manifest ??
    (exported.status === 'ok' && metadata?.cacheManifest
      ? { digest: metadata.cacheManifest.digest, size: metadata.cacheManifest.size }
      : null);
  return { ...exported, manifest, sizes: args.exportSizes ?? exported.sizes };
}

function reportRecord(record: BuildRecord | null): CacheReport['record'] {
  return record
    ? {
        ref: record.ref,
        status: record.status,
        seconds: seconds(record.durationMs),
        buildkitCachedSteps: record.numCachedSteps,
        buildkitTotalSteps: record.numTotalSteps,
      }
    : null;
}

/** Why steps missed the cache: none for a run that built nothing. */
function reportReasons(
  args: ReportArgs,
  log: BuildLog | null,
  o: { imports: ImportResult[]; materials: Material[]; record: BuildRecord | null },
): CacheReport['likelyReasons'] {
  if (args.build === 'not-run' || !log) return [];
  return likelyReasons({
    steps: log.steps,
    bases: log.bases,
    imports: o.imports,
    reads: args.plan.cacheFrom.length + (args.plan.missing?.length ?? 0),
    noCache: args.noCache,
    modeMin: args.plan.cacheTo.length === 0 ? undefined : args.plan.cacheTo.some(isModeMin),
    materials: o.materials,
    buildArgs: o.record?.buildArgs,
    previous: args.previous,
  });
}

export function buildReport(args: ReportArgs): CacheReport {
  const log = args.log;
  const record = args.record ?? null;
  const metadata = args.metadata ?? null;
  const { imports, missed } = reportImports(args, log);
  const materials = baseImages(record, metadata, log);
  return {
    version: 1,
    backend: args.backend,
    trigger: args.plan.trigger.kind,
    namespace: args.plan.namespace,
    build: args.build,
    plan: { reads: args.plan.reads, writes: args.plan.writes, notes: args.plan.notes },
    tokenScopes: args.tokenScopes,
    steps: reportSteps(log?.steps ?? []),
    imports,
    export: reportExport(args, metadata),
    record: reportRecord(record),
    error: args.build === 'failed' ? reportError(record, log) : null,
    baseImages: materials.map((m) => ({ image: m.image, platform: m.platform, digest: m.digest })),
    likelyReasons: reportReasons(args, log, { imports: [...missed, ...imports], materials, record }),
    timings: args.timings ?? null,
    ...(args.mounts ? { mounts: args.mounts } : {}),
    ...(args.localCache ? { localCache: args.localCache } : {}),
    ...(args.cleanup ? { cleanup: args.cleanup } : {}),
  };
}
