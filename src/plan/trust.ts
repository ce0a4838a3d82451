import type { CachePlan } from './plan';

/** Why a run restores nothing from the GitHub Actions cache: its token may not read ('' when it may). */
export function neverRestores(plan: CachePlan): string {
  return plan.tokenRefuses?.read ?? '';
}

/**
 * Why a run must never save what its build leaves (cache mounts, `cache: local` folders) to the
 * GitHub Actions cache: code it runs may be someone else's, or the plan writes nothing. '' when it may.
 */
export function neverSaves(plan: CachePlan): string {
  const t = plan.trigger;
  if (t.kind === 'pull-request' && t.fromFork) return 'a pull request from a fork never saves cache mounts';
  if (t.kind === 'untrusted') return `${t.event} may run untrusted code: cache mounts are never saved`;
  if (plan.tokenRefuses?.write) return plan.tokenRefuses.write;
  if (plan.writes.length === 0) return 'the plan writes no cache on this run';
  return '';
}
