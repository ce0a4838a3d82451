import type { BuildStep } from '../buildx/parse/progress';
/** Pure computations over a build's steps, shared by the report and its reasons. */

export interface StepTotals {
  total: number;
  /** Steps the cache saved; in a build that did not fail, steps BuildKit never needed count too. */
  cached: number;
  /** Steps that did work: ran, failed, or were canceled. */
  executed: number;
  /** Steps left undone because another step failed. */
  notRun: number;
  /** Cached steps over all steps, 0..1 (1 when there are no steps: nothing had to run). */
  ratio: number;
  executedMs: number;
}

/** A step that ran, failed or was canceled: not one the cache saved or the build never needed. */
export const didWork = (s: BuildStep) =>
  s.status === 'executed' || s.status === 'failed' || s.status === 'canceled';

/**
 * In a build that succeeded, a step that did no work was saved by the cache (or by a cached
 * result downstream); after a failure, steps that never started were just not reached.
 */
export function stepTotals(steps: BuildStep[]): StepTotals {
  const total = steps.length;
  const executed = steps.filter(didWork).length;
  const broke = steps.some((s) => s.status === 'failed' || s.status === 'canceled');
  const notRun = broke ? steps.filter((s) => s.status === 'not-run').length : 0;
  const cached = total - executed - notRun;
  return {
    total,
    cached,
    executed,
    notRun,
    ratio: total === 0 ? 1 : cached / total,
    executedMs: steps.reduce((sum, s) => sum + s.durationMs, 0),
  };
}

/** `linux/amd64 build`: a step's platform and stage, as the report names a stage. */
export const stageLabel = (s: { platform: string; stage: string }) =>
  [s.platform, s.stage].filter(Boolean).join(' ') || '(single stage)';

/** Per platform and stage, the first step (by its place in the stage) that did work. */
export function firstExecutedSteps(steps: BuildStep[]): BuildStep[] {
  const seen = new Set<string>();
  const out: BuildStep[] = [];
  for (const s of [...steps].sort((a, b) => a.index - b.index)) {
    const key = `${s.platform} ${s.stage}`;
    if (!didWork(s) || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  // Back in build order.
  return out.sort((a, b) => steps.indexOf(a) - steps.indexOf(b));
}
