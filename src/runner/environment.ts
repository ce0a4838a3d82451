import * as os from 'node:os';
import * as path from 'node:path';
import { parseBool } from '../lib/text';

/**
 * The runner's environment, read once: every other room takes these typed values, never
 * `process.env`. Values keep "unset" (undefined) apart from "set to empty" where the tool that
 * reads the same variable (buildx, BuildKit) tells the two apart.
 */
export interface RunnerEnvironment {
  github: GithubVariables;
  cache: GithubCacheAccess;
  runner: RunnerFacts;
  docker: DockerVariables;
  buildx: BuildxVariables;
  stores: StoreCredentials;
  /**
   * The environment itself, only to hand unchanged to the processes the action starts: buildx and
   * BuildKit read it too (the cache service, credentials, DOCKER_*), and so must see all of it.
   */
  processEnv: NodeJS.ProcessEnv;
}

/** What the runner says about the run (`GITHUB_*`): the event's context is read from these. */
export interface GithubVariables {
  eventName: string;
  eventPath: string;
  ref: string;
  sha: string;
  /** `owner/name`; undefined when unset (the event payload then names it). */
  repository: string | undefined;
  apiUrl: string;
  serverUrl: string;
  runId: string;
  runAttempt: string;
  job: string;
  workspace: string;
}

/** Where the GitHub Actions cache service is, and the job's token for it. */
export type GhaService = { protocol: 'v2'; url: string } | { protocol: 'v1'; url: string };

export interface GithubCacheAccess {
  /** ACTIONS_RUNTIME_TOKEN: the job's token for the cache service ('' without one). */
  token: string;
  /** The service buildx hands BuildKit: v2 when ACTIONS_CACHE_SERVICE_V2 is true, else v1; null without one. */
  service: GhaService | null;
  /** Any cache service URL (v2's, else v1's), for those that only need to know where it is ('' without one). */
  url: string;
  /** Why this job cannot reach the GitHub Actions cache ('' when it can). */
  unavailable: string;
  /** The variables as set, for code that mirrors buildx's own reading of them. */
  raw: {
    token: string | undefined;
    resultsUrl: string | undefined;
    cacheUrl: string | undefined;
    serviceV2: string | undefined;
  };
}

export interface RunnerFacts {
  /** RUNNER_ENVIRONMENT: `github-hosted`, `self-hosted`, or '' when the runner does not say. */
  kind: string;
  /** The runner's temp folder (RUNNER_TEMP), else the system's. */
  temp: string;
  /** The tool cache (RUNNER_TOOL_CACHE), else a folder in the system's temp. */
  toolCache: string;
}

export interface DockerVariables {
  host: string;
  context: string;
  /** DOCKER_CONFIG, else `~/.docker`. */
  configDir: string;
}

export interface BuildxVariables {
  sendGitQueryAsInput: boolean;
  gitContextPullRequestHead: boolean;
  noDefaultAttestations: boolean;
  /** BUILDKIT_PROGRESS ('' when unset). */
  progress: string;
  /** Stand-ins for the system's CLI plugin folders (tests only; undefined when unset). */
  systemPluginDirs: string | undefined;
}

/** The cloud credentials buildx adds to a cache entry from the environment. */
export interface StoreCredentials {
  aws: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    bucket: string;
    region: string;
  };
  azureStorageKey: string;
}

/** Pure: the environment's variables → the typed values the action uses. */
export function environmentFrom(env: NodeJS.ProcessEnv, cwd = process.cwd()): RunnerEnvironment {
  return {
    github: githubVariables(env, cwd),
    cache: cacheAccess(env),
    runner: {
      kind: env.RUNNER_ENVIRONMENT ?? '',
      temp: env.RUNNER_TEMP || os.tmpdir(),
      toolCache: env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'bkca-tool-cache'),
    },
    docker: {
      host: env.DOCKER_HOST ?? '',
      context: env.DOCKER_CONTEXT ?? '',
      configDir: env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'),
    },
    buildx: {
      sendGitQueryAsInput: parseBool(env.BUILDX_SEND_GIT_QUERY_AS_INPUT) === true,
      gitContextPullRequestHead: parseBool(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF) === true,
      noDefaultAttestations: parseBool(env.BUILDX_NO_DEFAULT_ATTESTATIONS) === true,
      progress: env.BUILDKIT_PROGRESS ?? '',
      systemPluginDirs: env.BKCA_CLI_PLUGINS_SYSTEM_DIRS,
    },
    stores: storeCredentials(env),
    processEnv: env,
  };
}

/** The runner's own environment. */
export function readEnvironment(): RunnerEnvironment {
  return environmentFrom(process.env);
}

function githubVariables(env: NodeJS.ProcessEnv, cwd: string): GithubVariables {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository: env.GITHUB_REPOSITORY,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    job: env.GITHUB_JOB ?? '',
    workspace: env.GITHUB_WORKSPACE ?? cwd,
  };
}

/** The one answer to "can this job reach the GitHub Actions cache, and where?". */
function cacheAccess(env: NodeJS.ProcessEnv): GithubCacheAccess {
  const token = env.ACTIONS_RUNTIME_TOKEN ?? '';
  const v2 = parseBool(env.ACTIONS_CACHE_SERVICE_V2) === true;
  const service: GhaService | null =
    v2 && env.ACTIONS_RESULTS_URL
      ? { protocol: 'v2', url: env.ACTIONS_RESULTS_URL }
      : !v2 && env.ACTIONS_CACHE_URL
        ? { protocol: 'v1', url: env.ACTIONS_CACHE_URL }
        : null;
  const url = env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL || '';
  return {
    token,
    service,
    url,
    unavailable: cacheUnavailable(token, url),
    raw: {
      token: env.ACTIONS_RUNTIME_TOKEN,
      resultsUrl: env.ACTIONS_RESULTS_URL,
      cacheUrl: env.ACTIONS_CACHE_URL,
      serviceV2: env.ACTIONS_CACHE_SERVICE_V2,
    },
  };
}

function cacheUnavailable(token: string, url: string): string {
  if (token === '') {
    return 'ACTIONS_RUNTIME_TOKEN is not set: the GitHub Actions cache is only reachable from a JavaScript action on a GitHub runner';
  }
  if (url === '') {
    return 'neither ACTIONS_RESULTS_URL nor ACTIONS_CACHE_URL is set: no GitHub Actions cache service to talk to';
  }
  return '';
}

function storeCredentials(env: NodeJS.ProcessEnv): StoreCredentials {
  return {
    aws: {
      accessKeyId: env.AWS_ACCESS_KEY_ID || env.AWS_ACCESS_KEY || '',
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY || env.AWS_SECRET_KEY || '',
      sessionToken: env.AWS_SESSION_TOKEN ?? '',
      bucket: env.AWS_BUCKET ?? '',
      region: env.AWS_REGION ?? '',
    },
    azureStorageKey: env.AZURE_STORAGE_KEY ?? '',
  };
}
