import type { RunContext } from '../github/context';
import { legOf } from '../plan/names';
import { type Existence, narrowSources } from '../plan/narrow';
import { type CachePlan, plan, type PlanOptions } from '../plan/planner';
import type { GitFacts } from '../plan/triggers';

/** A `docker buildx bake` target and the matrix leg its caches belong to. */
export interface BakeLeg {
  target: string;
  leg: string;
}

/**
 * Each bake target is a leg of the scope, named after it: `app`, or with `cache-leg` (a matrix of
 * bake runs) `app-<cache-leg>`, else with the platforms as a build's leg would be (`app-linux-arm64`).
 */
export function bakeLegs(targets: string[], cacheLeg: string, platforms: string[]): BakeLeg[] {
  return targets.map((target) => ({
    target,
    leg: cacheLeg !== '' ? `${target}-${cacheLeg}` : legOf(target, platforms),
  }));
}

/**
 * The plan of every target, from one set of facts and one listing: the same rules, narrowing and
 * write policy as a build of that leg. Its siblings are the legs named in `cache-read-legs` and
 * those the listing found (registry), as for a matrix leg; the other targets are not read unless
 * found or named, so a target with a cache of its own reads it alone.
 */
export function planBakeTargets(
  ctx: RunContext,
  facts: GitFacts,
  base: PlanOptions,
  legs: BakeLeg[],
  existing: { exists: Existence; legs?: string[]; note?: string; failed?: true | 'no-answer' },
): { target: string; plan: CachePlan }[] {
  return legs.map(({ target, leg }) => {
    const options = {
      ...base,
      leg,
      siblingLegs: [...new Set([...base.siblingLegs, ...(existing.legs ?? [])])],
    };
    const p = narrowSources(plan(ctx, facts, options), existing.exists, existing.failed);
    if (existing.note) p.notes.push(existing.note);
    return { target, plan: p };
  });
}

/** The bake definition (JSON, bake's own file format) that sets each target's cache sources and destinations. */
export interface BakeDefinition {
  target: Record<string, { 'cache-from': string[]; 'cache-to': string[] }>;
}

export function bakeDefinition(plans: { target: string; plan: CachePlan }[]): BakeDefinition {
  const target: BakeDefinition['target'] = {};
  for (const { target: name, plan: p } of plans) {
    target[name] = { 'cache-from': p.cacheFrom, 'cache-to': p.cacheTo };
  }
  return { target };
}
