import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs';
import type { CachePlan } from '../plan/plan';
import type { CleanupTrigger } from './plan';
import type { CleanupOutcome } from './run';

// The room's door for main.ts: the REST and registry code is evaluated only on runs that clean up.
export { cleanupTrigger } from './plan';

export async function runCleanupEvent(
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  trigger: CleanupTrigger,
): Promise<void> {
  return (await import('./run')).runCleanupEvent(ctx, inputs, env, trigger);
}

/** Retention runs on pushes to the default branch only. */
export async function retainCommitCaches(
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  plan: CachePlan,
): Promise<CleanupOutcome | null> {
  if (plan.trigger.kind !== 'push-default') return null;
  return (await import('./run')).retainCommitCaches(ctx, inputs, env, plan);
}

/** The outputs a clean-up adds: the repository's GitHub cache usage, when it was read. */
export function cleanupOutputs(o: CleanupOutcome | null): Record<string, string> {
  return o?.quota ? { 'cache-usage-bytes': String(o.quota.repositoryBytes) } : {};
}
