import type { Exec } from '../lib/exec';
import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs/types';
import * as core from '../runner/commands';
import { setOutputs } from '../runner/outputs';
import { cleanupOutputs, retainCommitCaches } from '../cleanup';
import { buildReport, exportOutcome } from '../report/report';
import { planCache, readTokenScopes } from './plan-phase';
import { planOutputs, writeSummary } from './report-phase';
import { environmentFrom } from '../runner/environment';

/** `dry-run: true`: the plan (and retention) without a build; the outputs say what would be used. */
export async function runDryRun(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const plan = await core.group('Cache plan', () => planCache(exec, ctx, inputs, env));
  const tokenScopes = readTokenScopes(inputs, env);
  const retention = await retainCommitCaches(ctx, inputs, environmentFrom(env), plan);
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
