import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs/types';
import { nothingBuiltPlan, planOptionsFrom } from '../plan/plan';
import { type CleanupTrigger, cleanUpGoneRef, cleanupOutputs } from '../cleanup';
import { buildReport, exportOutcome } from '../report/report';
import { renderCleanup } from '../report/cleanup-summary';
import * as core from '../runner/commands';
import { setOutputs } from '../runner/outputs';

/**
 * A closed pull request's or a deleted branch's run: deletes its caches, builds nothing, and
 * reports as a run that built nothing (`cache-report` with its `cleanup` field, the summary).
 */
export async function runCleanupEvent(
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  trigger: CleanupTrigger,
): Promise<void> {
  if (trigger.kind === 'nothing') return core.info(`cache clean-up: ${trigger.why}`);
  const outcome = await core.group('Cache clean-up', () =>
    cleanUpGoneRef(ctx, inputs, env, trigger, trigger.why),
  );
  const why = `clean-up run: ${trigger.why}; nothing is built`;
  const plan = nothingBuiltPlan(ctx, planOptionsFrom(inputs), why);
  const report = buildReport({
    plan,
    backend: inputs.cache.backend,
    log: null,
    build: 'not-run',
    tokenScopes: null,
    exportResult: exportOutcome(plan, null, false, 'clean-up run: nothing is built'),
    cleanup: outcome,
  });
  setOutputs({
    'cache-from': '',
    'cache-to': '',
    'cache-export': 'skipped',
    'cache-report': JSON.stringify(report),
    ...cleanupOutputs(outcome),
  });
  try {
    await core.appendSummary(renderCleanup(outcome));
  } catch (e) {
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}
