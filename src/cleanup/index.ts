import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs/types';
import type { CachePlan } from '../plan/plan';
import type { DeletionTarget } from './plan';
import type { CleanupOutcome } from './outcome';

// The room's door for app/: the REST and registry code is evaluated only on runs that clean up.
export { cleanupTrigger, type CleanupTrigger } from './plan';
export { cleanupOutputs, type CleanupOutcome } from './outcome';

/** A closed pull request's or a deleted branch's caches, deleted; see run.ts. */
export async function cleanUpGoneRef(
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  trigger: DeletionTarget,
  why: string,
): Promise<CleanupOutcome> {
  return (await import('./run')).cleanUpGoneRef(ctx, inputs, env, trigger, why);
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
