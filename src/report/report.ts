import type { BuildLog, BuildStep } from '../buildx/parse';
import { stepTotals } from '../buildx/parse';
import type { CacheScope } from '../github/runtime-token';
import type { CachePlan } from '../plan/plan';

export type ExportStatus = 'ok' | 'failed' | 'skipped';

export interface ImportResult {
  source: string;
  result: 'imported' | 'not-found' | 'failed';
  error?: string;
}

/** The `cache-report` output. Its shape is documented in README.md and versioned. */
export interface CacheReport {
  version: 1;
  backend: string;
  trigger: string;
  namespace: string;
  build: 'succeeded' | 'failed' | 'not-run';
  plan: { reads: CachePlan['reads']; writes: CachePlan['writes']; notes: string[] };
  tokenScopes: CacheScope[] | null;
  steps: {
    total: number;
    cached: number;
    executed: number;
    ratio: number;
    executedSeconds: number;
    /** Per stage, the first step that ran: where that stage's cache broke. */
    firstExecuted: { stage: string; step: string }[];
    list: { stage: string; platform: string; step: string; status: BuildStep['status']; seconds: number }[];
  };
  imports: ImportResult[];
  export: { status: ExportStatus; reason: string; seconds: number; destinations: string[] };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export function importResults(log: BuildLog): ImportResult[] {
  return log.imports.map((i) => {
    if (!i.error) return { source: i.source, result: 'imported' };
    const notFound = /not found|no such file|404|does not exist/i.test(i.error);
    return { source: i.source, result: notFound ? 'not-found' : 'failed', error: i.error };
  });
}

export function firstExecuted(steps: BuildStep[]): { stage: string; step: string }[] {
  const seen = new Set<string>();
  const out: { stage: string; step: string }[] = [];
  for (const s of [...steps].sort((a, b) => a.index - b.index)) {
    const key = `${s.platform} ${s.stage}`;
    if (s.status !== 'executed' && s.status !== 'failed') continue;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ stage: [s.platform, s.stage].filter(Boolean).join(' ') || '(single stage)', step: s.name });
  }
  return out;
}

/** Whether the export happened, from what the plan asked and what the build record shows. */
export function exportOutcome(
  plan: CachePlan,
  log: BuildLog | null,
  built: boolean,
  skipWhy: string,
): CacheReport['export'] {
  const destinations = plan.cacheTo;
  const took = log ? log.exports.reduce((sum, e) => sum + e.durationMs, 0) : 0;
  if (destinations.length === 0) {
    const why =
      skipWhy || plan.notes.find((n) => /nothing is written|no cache is written|only reads/.test(n));
    return {
      status: 'skipped',
      reason: why ?? 'no cache destination for this run',
      seconds: 0,
      destinations,
    };
  }
  if (skipWhy) return { status: 'skipped', reason: skipWhy, seconds: 0, destinations };
  if (!built) return { status: 'skipped', reason: 'the build did not finish', seconds: 0, destinations };
  const failed = log?.exports.find((e) => e.error);
  if (failed)
    return { status: 'failed', reason: failed.error ?? 'failed', seconds: seconds(took), destinations };
  return { status: 'ok', reason: '', seconds: seconds(took), destinations };
}

export function buildReport(args: {
  plan: CachePlan;
  backend: string;
  log: BuildLog | null;
  build: CacheReport['build'];
  tokenScopes: CacheScope[] | null;
  exportResult: CacheReport['export'];
}): CacheReport {
  const steps = args.log?.steps ?? [];
  const totals = stepTotals(steps);
  return {
    version: 1,
    backend: args.backend,
    trigger: args.plan.trigger.kind,
    namespace: args.plan.namespace,
    build: args.build,
    plan: { reads: args.plan.reads, writes: args.plan.writes, notes: args.plan.notes },
    tokenScopes: args.tokenScopes,
    steps: {
      total: totals.total,
      cached: totals.cached,
      executed: totals.executed,
      ratio: Math.round(totals.ratio * 1000) / 1000,
      executedSeconds: seconds(totals.executedMs),
      firstExecuted: firstExecuted(steps),
      list: steps.map((s) => ({
        stage: s.stage,
        platform: s.platform,
        step: s.command,
        status: s.status,
        seconds: seconds(s.durationMs),
      })),
    },
    imports: args.log ? importResults(args.log) : [],
    export: args.exportResult,
  };
}
