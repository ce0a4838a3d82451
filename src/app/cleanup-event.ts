import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs/types';
import { type CleanupTrigger, cleanUpGoneRef, cleanupOutputs } from '../cleanup';
import { renderCleanup } from '../report/cleanup-summary';
import * as workflow from '../runner/commands';
import type { RunnerEnvironment } from '../runner/environment';
import { finishNothingBuilt } from './nothing-built';

/**
 * A closed pull request's or a deleted branch's run: deletes its caches, builds nothing, and
 * reports as a run that built nothing (`cache-report` with its `cleanup` field, the summary).
 */
export async function runCleanupEvent(
  ctx: RunContext,
  inputs: Inputs,
  environment: RunnerEnvironment,
  trigger: CleanupTrigger,
): Promise<void> {
  if (trigger.kind === 'nothing') return workflow.info(`cache clean-up: ${trigger.why}`);
  const outcome = await workflow.group('Cache clean-up', () =>
    cleanUpGoneRef(ctx, inputs, environment, trigger, trigger.why),
  );
  await finishNothingBuilt(ctx, inputs, {
    why: `clean-up run: ${trigger.why}; nothing is built`,
    exportWhy: 'clean-up run: nothing is built',
    cleanup: outcome,
    outputs: cleanupOutputs(outcome),
    summary: renderCleanup(outcome),
  });
}
