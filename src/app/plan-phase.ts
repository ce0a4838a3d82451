import * as fs from 'node:fs';
import type { Exec } from '../lib/exec';
import type { RunContext } from '../github/context';
import { type CacheScope, cacheScopesFromToken } from '../github/runtime-token';
import type { Inputs } from '../runner/inputs/types';
import * as workflow from '../runner/commands';
import type { GithubCacheAccess, RunnerEnvironment } from '../runner/environment';
import { planInputs, probePlanned } from '../facts/facts';
import { isDefaultContext } from '../runner/inputs/read';
import { narrowSources } from '../plan/narrow';
import type { CacheToken } from '../plan/token';
import { type CachePlan, plan, planLines, planOptionsFrom } from '../plan/planner';

/**
 * The plan: pure rules, fed with the commits git (or the API) found, the sibling legs listed and
 * which caches exist. Final once returned: later phases read it and never change it.
 */
export async function planCache(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  environment: RunnerEnvironment,
): Promise<CachePlan> {
  const asked = { ...planOptionsFrom(inputs), token: cacheTokenIn(environment.cache) };
  const found = await planInputs(exec, ctx, asked, environment, inputs.githubToken, fs.existsSync);
  const { existing } = found;
  // The run's Git context is the event's commit whatever the workspace holds: its commit cache is
  // that commit's, so the workspace's HEAD has no say over the write.
  const facts = isDefaultContext(inputs.build.context)
    ? { ...found.facts, workspaceHead: undefined }
    : found.facts;
  const options = { ...asked, siblingLegs: [...new Set([...asked.siblingLegs, ...existing.siblingLegs])] };
  // The planner runs once: its reads are what the store is asked about, then narrowed to what exists.
  const planned = plan(ctx, facts, options);
  await probePlanned(existing, [planned]);
  const narrowed = narrowSources(planned, existing.exists, existing.failed);
  const p = {
    ...narrowed,
    ...(existing.note ? { notes: [...narrowed.notes, existing.note] } : {}),
    ...(existing.tags ? { listedTags: existing.tags } : {}),
  };
  for (const line of planLines(p)) workflow.info(line);
  if (existing.warning) workflow.warning(existing.warning);
  return p;
}

/** The job's cache token as the planner reads it: undefined without one, null when it cannot be decoded. */
export function cacheTokenIn(cache: GithubCacheAccess): CacheToken {
  return cache.token ? cacheScopesFromToken(cache.token) : undefined;
}

/** The ref scopes the runtime token may read and write, so users see why a cache is (not) readable. */
export function readTokenScopes(inputs: Inputs, cache: GithubCacheAccess): CacheScope[] | null {
  if (inputs.cache.backend !== 'gha' || !cache.token) return null;
  const scopes = cacheScopesFromToken(cache.token);
  if (scopes) {
    const list = scopes.map(
      (s) => `${s.scope} (${[s.read && 'read', s.write && 'write'].filter(Boolean).join('+')})`,
    );
    workflow.info(`GitHub cache scopes: ${list.join(', ')}`);
  }
  return scopes;
}
