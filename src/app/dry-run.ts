import type { Exec } from '../lib/exec';
import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs/types';
import * as workflow from '../runner/commands';
import type { RunnerEnvironment } from '../runner/environment';
import { setOutputs } from '../runner/outputs';
import { cleanupOutputs, retainCommitCaches } from '../cleanup';
import { buildReport, exportOutcome } from '../report/cache-report';
import { planCache, readTokenScopes } from './plan-phase';
import { planOutputs, writeSummary } from './report-phase';

/** `dry-run: true`: the plan (and retention) without a build; the outputs say what would be used. */
export async function runDryRun(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  environment: RunnerEnvironment,
): Promise<void> {
  const plan = await workflow.group('Cache plan', () => planCache(exec, ctx, inputs, environment));
  const tokenScopes = readTokenScopes(inputs, environment.cache);
  const retention = await retainCommitCaches(ctx, inputs, environment, plan);
  const report = buildReport({
    plan,
    backend: inputs.cache.backend,
    log: null,
    build: 'not-run',
    tokenScopes,
    exportResult: exportOutcome(plan, null, false, 'dry-run'),
    cleanup: retention,
  });
  setOutputs({
    ...planOutputs(plan),
    'cache-export': 'skipped',
    'cache-report': JSON.stringify(report),
    ...cleanupOutputs(retention),
  });
  if (inputs.cache.explain) await writeSummary(report);
}
