import type { RunContext } from '../github/context';
import { DEFAULT_CONTEXT_TEMPLATE, isDefaultContext } from '../runner/inputs/read';
import type { BuildInputs } from '../runner/inputs/types';
import type { BuildxVariables } from '../runner/environment';

/**
 * The run's Git context, build-push-action's default: the repository on the run's own server, at
 * the commit the event names (a pull request's head commit when the ref was switched to its head).
 * Pure. `query` is buildx's newer `?ref=` form (BUILDX_SEND_GIT_QUERY_AS_INPUT, buildx 0.29+).
 */
export function defaultGitContext(
  ctx: Pick<RunContext, 'serverUrl' | 'repository' | 'ref' | 'sha' | 'pullRequest'>,
  o: { query: boolean; pullRequestHead: boolean },
): string {
  let ref = ctx.ref.startsWith('refs/') ? ctx.ref : `refs/heads/${ctx.ref}`;
  if (o.pullRequestHead && ref.startsWith('refs/pull/')) ref = ref.replace(/\/merge$/, '/head');
  // The event's commit pins the context; a pull request's head ref pins its head commit instead.
  let pinned = ctx.sha || ref;
  if (ref.startsWith('refs/pull/') && ref.endsWith('/head')) pinned = ctx.pullRequest?.headSha || ref;
  const base = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}.git`;
  return o.query ? `${base}?ref=${pinned}` : `${base}#${pinned}`;
}

/** The environment's switches for the default context (read as buildx reads booleans, in runner/environment.ts). */
export function gitContextSwitches(
  switches: Pick<BuildxVariables, 'sendGitQueryAsInput' | 'gitContextPullRequestHead'>,
  buildxVersion: string,
  atLeast: (version: string, floor: string) => boolean,
): { query: boolean; pullRequestHead: boolean } {
  return {
    query: switches.sendGitQueryAsInput && atLeast(buildxVersion, '0.29.0'),
    pullRequestHead: switches.gitContextPullRequestHead,
  };
}

/** `{{defaultContext}}` replaced in `context` (unset: the default itself) and in `build-contexts`. */
export function renderContexts(build: BuildInputs, defaultContext: string): BuildInputs {
  const render = (text: string) => text.replace(DEFAULT_CONTEXT_TEMPLATE, defaultContext);
  return {
    ...build,
    context: isDefaultContext(build.context) ? render(build.context) || defaultContext : build.context,
    buildContexts: build.buildContexts.map(render),
  };
}

/** The host of a Git URL buildx would fetch (`https://host/…`, `git@host:…`), else null. */
export function gitUrlHost(url: string): string | null {
  const scp = /^[A-Za-z0-9._-]+@([^:/]+):/.exec(url);
  if (scp) return scp[1];
  if (!/^(https?|git|ssh):\/\//.test(url)) return null;
  try {
    return new URL(url.replace(/#.*$/, '')).host;
  } catch {
    return null;
  }
}

/**
 * The host whose `GIT_AUTH_TOKEN.<host>` secret carries `github-token`: the run's own server
 * (GitHub Enterprise included), only when the context or a build context is a Git URL there, and
 * not when `secrets` already gives a GIT_AUTH_TOKEN. Never another host: the token is GitHub's.
 */
export function githubTokenHost(
  build: Pick<BuildInputs, 'context' | 'buildContexts' | 'secrets'>,
  serverUrl: string,
): string | null {
  let server: string;
  try {
    server = new URL(serverUrl).host;
  } catch {
    return null;
  }
  if (build.secrets.some((s) => s.id === 'GIT_AUTH_TOKEN' || s.id === `GIT_AUTH_TOKEN.${server}`))
    return null;
  const sources = [build.context, ...build.buildContexts.map((c) => c.slice(c.indexOf('=') + 1))];
  return sources.some((s) => gitUrlHost(s) === server) ? server : null;
}
