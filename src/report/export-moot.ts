import type { BuildStep } from '../buildx/parse/progress';
import type { CachePlan } from '../plan/planner';

/**
 * Whether the cache export would write nothing new: the build was fully cached from the very cache
 * it would write. Then skipping it saves its seconds and GitHub's new entries (200 a minute per
 * repository). Each rule below names why the export is still needed ('' when it says nothing);
 * the export is moot only when none does. Pure.
 */
export interface MootExportInput {
  plan: CachePlan;
  /** The build's steps from its record; null when it was not read. */
  steps: BuildStep[] | null;
  /** The builder was created by this run: it holds no cache but what the build imported. */
  freshBuilder: boolean;
  retriedWithoutCache: boolean;
}

/** The one cache name the plan reads, when it passes BuildKit exactly one computed source. */
function soleSource(plan: CachePlan): { ref: string; name: string } | null {
  const passed = plan.reads.filter((r) => r.entry !== '' && plan.cacheFrom.includes(r.entry));
  const only = passed.length === 1 && plan.cacheFrom.length === 1 ? passed[0] : null;
  return only?.name ? { ref: only.ref, name: only.name } : null;
}

type Rule = (o: MootExportInput) => string;

/** What the plan and the builder tell, before the build's steps are read. */
const STILL_NEEDED_BY_PLAN: Rule[] = [
  (o) => (o.plan.cacheTo.length === 0 ? 'nothing to export' : ''),
  (o) => (o.retriedWithoutCache ? 'the build was retried without its cache sources' : ''),
  // A builder kept from earlier builds may have served the hits: the source may lack them.
  (o) => (o.freshBuilder ? '' : 'the builder has a cache of its own'),
  (o) => (soleSource(o.plan) ? '' : 'the build read more than one source, or none'),
  (o) =>
    o.plan.cacheTo.length === o.plan.writes.length &&
    o.plan.writes.every((w) => w.name === soleSource(o.plan)?.name)
      ? ''
      : 'it writes a cache other than the one it read',
];

const STILL_NEEDED: Rule[] = [
  ...STILL_NEEDED_BY_PLAN,
  // Every step must be one BuildKit found cached: a step it never needed (a cached result
  // downstream) may hold records mode=max would add.
  (o) =>
    o.steps !== null && o.steps.length > 0 && o.steps.every((s) => s.status === 'cached')
      ? ''
      : 'not every step was cached',
];

/** Whether the export may turn out moot once the steps are read (so they are worth reading first). */
export function mayBeMoot(o: Omit<MootExportInput, 'steps'>): boolean {
  return STILL_NEEDED_BY_PLAN.every((rule) => rule({ ...o, steps: null }) === '');
}

/** Why the export may be skipped ('' when it must run). */
export function mootExport(o: MootExportInput): string {
  if (STILL_NEEDED.some((rule) => rule(o) !== '')) return '';
  const source = soleSource(o.plan)!;
  return `the build was fully cached from ${source.ref}, the very cache it would write: nothing new to export`;
}
