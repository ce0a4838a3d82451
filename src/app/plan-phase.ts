import * as fs from 'node:fs';
import type { Exec } from '../lib/exec';
import type { RunContext } from '../github/context';
import { type CacheScope, cacheScopesFromToken } from '../github/runtime-token';
import type { Inputs } from '../runner/inputs/types';
import * as core from '../runner/commands';
import { planInputs } from '../facts/facts';
import { isDefaultContext } from '../runner/inputs/read';
import { narrowSources } from '../plan/narrow';
import type { CacheToken } from '../plan/token';
import { type CachePlan, plan, planLines, planOptionsFrom } from '../plan/plan';

/**
 * The plan: pure rules, fed with the commits git (or the API) found, the sibling legs listed and
 * which caches exist. Final once returned: later phases read it and never change it.
 */
export async function planCache(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): Promise<CachePlan> {
  const asked = { ...planOptionsFrom(inputs), token: cacheTokenIn(env) };
  const found = await planInputs(exec, ctx, asked, env, inputs.githubToken, fs.existsSync);
  const { existing } = found;
  // The run's Git context is the event's commit whatever the workspace holds: its commit cache is
  // that commit's, so the workspace's HEAD has no say over the write.
  const facts = isDefaultContext(inputs.build.context)
    ? { ...found.facts, workspaceHead: undefined }
    : found.facts;
  const options = { ...asked, siblingLegs: [...new Set([...asked.siblingLegs, ...existing.siblingLegs])] };
  const narrowed = narrowSources(plan(ctx, facts, options), existing.exists, existing.failed);
  const p = {
    ...narrowed,
    ...(existing.note ? { notes: [...narrowed.notes, existing.note] } : {}),
    ...(existing.tags ? { listedTags: existing.tags } : {}),
  };
  for (const line of planLines(p)) core.info(line);
  if (existing.warning) core.warning(existing.warning);
  return p;
}

/** The job's cache token as the planner reads it: undefined without one, null when it cannot be decoded. */
export function cacheTokenIn(env: NodeJS.ProcessEnv): CacheToken {
  return env.ACTIONS_RUNTIME_TOKEN ? cacheScopesFromToken(env.ACTIONS_RUNTIME_TOKEN) : undefined;
}

/** The ref scopes the runtime token may read and write, so users see why a cache is (not) readable. */
export function readTokenScopes(inputs: Inputs, env: NodeJS.ProcessEnv): CacheScope[] | null {
  if (inputs.cache.backend !== 'gha' || !env.ACTIONS_RUNTIME_TOKEN) return null;
  const scopes = cacheScopesFromToken(env.ACTIONS_RUNTIME_TOKEN);
  if (scopes) {
    const list = scopes.map(
      (s) => `${s.scope} (${[s.read && 'read', s.write && 'write'].filter(Boolean).join('+')})`,
    );
    core.info(`GitHub cache scopes: ${list.join(', ')}`);
  }
  return scopes;
}

/** Why the GitHub Actions cache cannot be reached from this job ('' when it can). */
export function ghaUnavailable(env: NodeJS.ProcessEnv): string {
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    return 'ACTIONS_RUNTIME_TOKEN is not set: the GitHub Actions cache is only reachable from a JavaScript action on a GitHub runner';
  }
  if (!env.ACTIONS_RESULTS_URL && !env.ACTIONS_CACHE_URL) {
    return 'neither ACTIONS_RESULTS_URL nor ACTIONS_CACHE_URL is set: no GitHub Actions cache service to talk to';
  }
  return '';
}
