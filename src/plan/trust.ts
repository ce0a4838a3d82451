import type { CachePlan } from './planner';
import type { TokenRefusals } from './token';
import type { Trigger } from './triggers';

/**
 * Who may write to the GitHub Actions cache, through any path: cache mounts, `cache: local`
 * folders, learned mount ids, the buildx binary and merge legs' records. A cache scope is read by
 * later trusted runs (the default branch's by every branch), so a run that code from outside may
 * steer writes nothing there, whatever its token allows: GitHub hands some of these triggers a
 * writable token. One rule; every save asks it (see docs/security.md).
 */

/** Why this trigger may write nothing to the GitHub Actions cache ('' when it may). */
export function untrustedTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'pull-request':
      return trigger.fromFork ? 'a pull request from a fork writes nothing to the GitHub cache' : '';
    case 'untrusted':
      return `${trigger.event} may run untrusted code: nothing is written to the GitHub cache`;
    case 'unknown':
      return `the event ${trigger.event || '(none)'} is not one the rules trust: nothing is written to the GitHub cache`;
    default:
      return '';
  }
}

/**
 * Why this run may write nothing to the GitHub Actions cache ('' when it may): its trigger, then
 * its token. For what is not a cache of the build (the buildx binary, a leg's record).
 */
export function neverWrites(trigger: Trigger, tokenRefuses?: TokenRefusals): string {
  return untrustedTrigger(trigger) || tokenRefuses?.write || '';
}

/** Why a run restores nothing from the GitHub Actions cache: its token may not read ('' when it may). */
export function neverRestores(plan: CachePlan): string {
  return plan.tokenRefuses?.read ?? '';
}

/**
 * Why a run must never save what its build leaves (cache mounts, `cache: local` folders, learned
 * mount ids) to the GitHub Actions cache: the run may not write, or its plan writes nothing.
 */
export function neverSaves(plan: CachePlan): string {
  const refused = neverWrites(plan.trigger, plan.tokenRefuses);
  if (refused) return refused;
  if (plan.writes.length === 0) return 'the plan writes no cache on this run';
  return '';
}
