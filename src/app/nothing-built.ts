import type { CleanupOutcome } from '../cleanup/outcome';
import type { RunContext } from '../github/context';
import type { MergeReport } from '../merge/merge-report';
import { nothingBuiltPlan, planOptionsFrom } from '../plan/planner';
import { buildReport, exportOutcome } from '../report/cache-report';
import * as workflow from '../runner/commands';
import type { Inputs } from '../runner/inputs/types';
import { setOutputs } from '../runner/outputs';

/** What a run that builds nothing did instead: a clean-up event's deletions, or a merge. */
export interface NothingBuilt {
  /** Why nothing is built, for the plan. */
  why: string;
  /** Why nothing is exported, when it says more than `why`. */
  exportWhy?: string;
  cleanup?: CleanupOutcome;
  merge?: MergeReport;
  /** Outputs of its own (`digest`, clean-up counts), beside the cache ones. */
  outputs: Record<string, string>;
  summary: string;
}

/**
 * How a run that builds nothing reports, in one place for every such run: an empty plan with its
 * reason, `cache-report` with what the run did, the cache outputs empty, and its summary.
 */
export async function finishNothingBuilt(ctx: RunContext, inputs: Inputs, run: NothingBuilt): Promise<void> {
  const plan = nothingBuiltPlan(ctx, planOptionsFrom(inputs), run.why);
  const report = buildReport({
    plan,
    backend: inputs.cache.backend,
    log: null,
    build: 'not-run',
    tokenScopes: null,
    exportResult: exportOutcome(plan, null, false, run.exportWhy ?? run.why),
    cleanup: run.cleanup,
  });
  setOutputs({
    'cache-from': '',
    'cache-to': '',
    'cache-export': 'skipped',
    ...run.outputs,
    'cache-report': JSON.stringify(run.merge ? { ...report, merge: run.merge } : report),
  });
  try {
    await workflow.appendSummary(run.summary);
  } catch (e) {
    workflow.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}
