import type { RunContext } from '../github/context';
import type { CachePlan } from '../plan/planner';
import type { DeletionTarget } from './deletions';
import type { CleanupOutcome } from './outcome';
import type { CleanupEnvironment, CleanupInputs } from './run';

// The room's door for app/: the REST and registry code is evaluated only on runs that clean up.
export { cleanupTrigger, type CleanupTrigger } from './deletions';
export { cleanupOutputs, type CleanupOutcome } from './outcome';

/** A closed pull request's or a deleted branch's caches, deleted; see run.ts. */
export async function cleanUpGoneRef(
  ctx: RunContext,
  inputs: CleanupInputs,
  environment: CleanupEnvironment,
  trigger: DeletionTarget,
  why: string,
): Promise<CleanupOutcome> {
  return (await import('./run')).cleanUpGoneRef(ctx, inputs, environment, trigger, why);
}

/** Retention runs on pushes to the default branch only. */
export async function retainCommitCaches(
  ctx: RunContext,
  inputs: CleanupInputs,
  environment: CleanupEnvironment,
  plan: CachePlan,
): Promise<CleanupOutcome | null> {
  if (plan.trigger.kind !== 'push-default') return null;
  return (await import('./run')).retainCommitCaches(ctx, inputs, environment, plan);
}
