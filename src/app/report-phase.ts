import * as workflow from '../runner/commands';
import type { Inputs } from '../runner/inputs/types';
import type { BuildRun, CacheExportRun } from '../buildx/build';
import type { BuildHistory } from '../buildx/history';
import { stepTotals } from '../report/steps';
import { cleanupOutputs, type CleanupOutcome } from '../cleanup';
import { mountOutputs, type MountsReport } from '../mounts/mounts-report';
import type { CachePlan } from '../plan/planner';
import type { BuilderNature } from '../plan/builder-kind';
import { builderReport } from '../report/hit-sources';
import { cacheWarnings } from '../report/warnings';
import { buildReport, exportOutcome, importResults } from '../report/cache-report';
import { mapImports } from '../report/import-sources';
import type { CacheReport } from '../report/types';
import { renderMergeSummary } from '../report/merge-summary';
import { renderSummary } from '../report/summary';
import { measureExports } from '../stores/measure';
import type { LocalCacheReport } from '../localcache/local-cache-report';

/** What the phases before the report produced. */
export interface RunResults {
  inputs: Inputs;
  plan: CachePlan;
  tokenScopes: CacheReport['tokenScopes'];
  builder: string;
  /** The builder's driver and kind (plan/builder-kind), for the report. */
  builderNature?: { driver: string; nature: BuilderNature };
  build: BuildRun;
  history: BuildHistory;
  exportRun: CacheExportRun | null;
  skipExport: string;
  mounts: MountsReport | null;
  localCache: LocalCacheReport | null;
  retention: CleanupOutcome | null;
  /** When main started: the report's total covers everything up to it being written. */
  started: number;
  timings: Omit<NonNullable<CacheReport['timings']>, 'totalMs'>;
}

export const planOutputs = (plan: CachePlan) => ({
  'cache-from': plan.cacheFrom.join('\n'),
  'cache-to': plan.cacheTo.join('\n'),
});

/** A retried build's note joins the plan's notes in the report; the plan itself stays as planned. */
function reportedPlan(plan: CachePlan, build: BuildRun): CachePlan {
  if (!build.retriedWithoutCache) return plan;
  const note = 'a cache source was broken: the build was retried without cache sources';
  return { ...plan, notes: [...plan.notes, note] };
}

/** The cache report of a build: what the cache did, measured after the export. */
export async function reportRun(r: RunResults): Promise<CacheReport> {
  const built = r.build.result.exitCode === 0;
  const plan = reportedPlan(r.plan, r.build);
  const exportResult = r.exportRun
    ? {
        ...exportOutcome(plan, null, built, r.skipExport),
        status: r.exportRun.status,
        reason: r.exportRun.reason,
        seconds: Math.round(r.exportRun.ms / 100) / 10,
      }
    : exportOutcome(plan, r.history.log, built, r.skipExport);
  const imports = mapImports(
    r.history.log ? importResults(r.history.log) : [],
    r.build.importSources,
    plan.reads,
  );
  for (const warning of cacheWarnings(exportResult, imports)) workflow.warning(warning);
  // The cache manifest is in the metadata of the invocation that exported.
  const cacheManifest = r.build.metadata.cacheManifest ?? r.exportRun?.metadata.cacheManifest ?? null;
  const exportSizes = exportResult.status === 'ok' ? await measureExports(plan.cacheTo, cacheManifest) : [];
  const report = buildReport({
    plan,
    backend: r.inputs.cache.backend,
    log: r.history.log,
    build: built ? 'succeeded' : 'failed',
    tokenScopes: r.tokenScopes,
    exportResult,
    record: r.history.record,
    metadata: { ...r.build.metadata, cacheManifest },
    exportSizes,
    importSources: r.build.importSources,
    noCache: r.inputs.build.noCache,
    timings: { ...r.timings, totalMs: Date.now() - r.started },
    mounts: r.mounts,
    localCache: r.localCache,
    cleanup: r.retention,
  });
  if (r.builderNature) {
    const b = { name: r.builder, ...r.builderNature };
    report.builder = builderReport(b, report.imports, report.steps.cached);
  }
  return report;
}

/** The `metadata` output as build-push-action gives it: buildx's JSON indented by two spaces. */
export function indentedMetadata(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed === null ? '' : JSON.stringify(parsed, null, 2);
  } catch {
    return text.trim();
  }
}

/** Every output of a build run. */
export function buildOutputs(r: RunResults, report: CacheReport): Record<string, string> {
  const totals = stepTotals(r.history.log?.steps ?? []);
  return {
    ...planOutputs(r.plan),
    builder: r.builder,
    imageid: r.build.imageId,
    digest: r.build.metadata.digest,
    metadata: indentedMetadata(r.build.metadataText),
    'cached-steps': String(totals.cached),
    'total-steps': String(totals.total),
    'cache-hit-ratio': totals.ratio.toFixed(2),
    'cache-export': report.export.status,
    'cache-report': JSON.stringify(report),
    ...cleanupOutputs(r.retention),
    ...mountOutputs(r.mounts),
  };
}

/** The job summary; a summary that cannot be written is a warning, never a failed build. */
export async function writeSummary(report: CacheReport): Promise<void> {
  try {
    await workflow.appendSummary(
      renderSummary(report) + (report.merge ? renderMergeSummary(report.merge) : ''),
    );
  } catch (e) {
    workflow.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}
