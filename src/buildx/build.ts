import * as fs from 'node:fs';
import * as path from 'node:path';
import * as workflow from '../runner/commands';
import type { Exec, ExecResult } from '../lib/exec';
import type { BuildInputs } from '../runner/inputs/types';
import type { RunnerEnvironment } from '../runner/environment';
import { ATTEST_FLOOR, type BuildArgsInput, buildArgs, cacheExportArgs, forBuildxVersion } from './args';
import { InputError } from '../runner/inputs/types';
import { builderIdOf } from './attest';
import { defaultGitContext, githubTokenHost, gitContextSwitches, renderContexts } from './git-context';
import { versionAtLeast } from './install';
import type { RunContext } from '../github/context';
import type { Buildx } from './buildx';
import { type BuildMetadata, parseMetadata } from './parse/metadata';
import { cacheEntryAttributes, cacheEntryFields, cacheEntryType } from '../lib/cache-entry';
import { lastLine } from '../lib/text';
import { exportFailure } from './parse/errors';
import { cacheImportId, type ImportIdContext } from './import-id';
import { ImportWatch } from './import-watch';

/**
 * Running `buildx build`. The image is built (and pushed) first, with cache imports only; the
 * cache export runs afterwards as its own invocation, so a failing or hanging cache can never fail
 * or cancel the image. An inline cache is part of the image, so it stays in the first one.
 */

export interface BuildRun {
  result: ExecResult;
  metadataText: string;
  metadata: BuildMetadata;
  imageId: string;
  /** Milliseconds of the image build (both attempts when it was retried). */
  ms: number;
  /** When the attempt that counts started (epoch ms): its build record is the one made after. */
  startedAt: number;
  /** The cache sources were dropped for a retry. */
  retriedWithoutCache: boolean;
  /** The `--cache-from` entries of the build that counts, each with BuildKit's name for its import. */
  importSources: { entry: string; id: string | null }[];
}

export interface BuildSetup {
  input: BuildArgsInput;
  env: NodeJS.ProcessEnv;
  /** BUILDKIT_PROGRESS as the runner set it ('' when unset). */
  progress: string;
  /** What BuildKit's name of each import is computed from (buildx/import-id.ts). */
  importContext: ImportIdContext;
  cwd: string;
  /** The cache export needs its own invocation after the image. */
  separateExport: boolean;
  cacheTo: string[];
  exportMetadataFile: string;
}

/** Argument data and environment for both invocations. Secret values go by environment only. */
export function prepareBuild(
  inputs: { build: BuildInputs; githubToken: string },
  o: {
    builder: string;
    cacheFrom: string[];
    cacheTo: string[];
    tempDir: string;
    /**
     * The runner's environment (runner/environment.ts): handed whole to buildx, which reads it
     * too; its switches; and what buildx adds to cache entries before BuildKit names an import.
     */
    environment: Pick<RunnerEnvironment, 'processEnv' | 'buildx' | 'cache' | 'stores'>;
    cwd: string;
    /** The run, for the default Git context, the token's host and provenance's builder id. */
    ctx: RunContext;
    buildxVersion: string;
    /** The builder's BuildKit can attest (0.11+); true when unknown, as build-push-action assumes. */
    builderAttests?: boolean;
  },
): BuildSetup {
  const env: NodeJS.ProcessEnv = { ...o.environment.processEnv, BUILDX_METADATA_WARNINGS: 'true' };
  const secretEnvNames = inputs.build.secrets.map((_, n) => `BKCA_SECRET_${n}`);
  inputs.build.secrets.forEach((s, n) => (env[secretEnvNames[n]] = s.value));
  const supported = forBuildxVersion(inputs.build, o.buildxVersion, versionAtLeast);
  if (supported.error) throw new InputError('call', supported.error.replace(/^input "call" /, ''));
  supported.warnings.forEach((w) => workflow.warning(w));
  const switches = gitContextSwitches(o.environment.buildx, o.buildxVersion, versionAtLeast);
  const build = renderContexts(supported.build, defaultGitContext(o.ctx, switches));
  const host = inputs.githubToken ? githubTokenHost(build, o.ctx.serverUrl) : null;
  const gitAuthEnv = host ? { host, env: 'BKCA_GIT_AUTH_TOKEN' } : undefined;
  if (gitAuthEnv) env[gitAuthEnv.env] = inputs.githubToken;
  const separateExport = o.cacheTo.length > 0 && !o.cacheTo.some((e) => cacheEntryType(e) === 'inline');
  return {
    input: {
      build,
      builder: o.builder,
      cacheFrom: o.cacheFrom,
      cacheTo: separateExport ? [] : o.cacheTo,
      metadataFile: path.join(o.tempDir, 'metadata.json'),
      // buildx before 0.4.2 wrote no image ID for a multi-platform build.
      iidFile:
        build.platforms.length > 0 && !versionAtLeast(o.buildxVersion, '0.4.2')
          ? ''
          : path.join(o.tempDir, 'iid'),
      secretEnvNames,
      gitAuthEnv,
      attest: {
        enabled: versionAtLeast(o.buildxVersion, ATTEST_FLOOR),
        builderId: builderIdOf(o.ctx),
        privateRepository: o.ctx.privateRepository,
        noDefault: o.environment.buildx.noDefaultAttestations,
        builderAttests: o.builderAttests ?? true,
      },
    },
    env,
    progress: o.environment.buildx.progress,
    importContext: {
      cache: o.environment.cache,
      stores: o.environment.stores,
      localDigest: localIndexDigest,
    },
    cwd: o.cwd,
    separateExport,
    cacheTo: o.cacheTo,
    exportMetadataFile: path.join(o.tempDir, 'export-metadata.json'),
  };
}

/** BuildKit's words for an imported cache whose blobs are gone (evicted, deleted). */
export function isBrokenCacheError(stderr: string): boolean {
  return /(blob|content|digest)[^\n]*not found|failed to (get|fetch|copy)[^\n]*blob|unexpected status[^\n]*404/i.test(
    stderr,
  );
}

const readIfExists = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** The manifest digest a local cache folder's index holds for a tag, as buildx reads it. */
export function localIndexDigest(src: string, tag: string): string | undefined {
  try {
    const index = JSON.parse(fs.readFileSync(path.join(src, 'index.json'), 'utf8')) as {
      manifests?: { digest?: string; annotations?: Record<string, string> }[];
    };
    const m = index.manifests?.find((d) => d.annotations?.['org.opencontainers.image.ref.name'] === tag);
    return typeof m?.digest === 'string' ? m.digest : undefined;
  } catch {
    return undefined;
  }
}

/** BuildKit's name of each import, computed before the build: a local export may rewrite an index. */
function importSourcesOf(cacheFrom: string[], context: ImportIdContext) {
  return cacheFrom.map((entry) => ({ entry, id: cacheImportId(entry, context) }));
}

/** Progress modes whose lines the import watch reads; any other is replaced by `plain` while it watches. */
const READABLE_PROGRESS = new Set(['plain', 'rawjson']);

/**
 * The image build (cache imports only). `importTimeoutMs` (`cache-import-timeout`; 0 for none)
 * bounds each cache import, read from the progress stream: a build still importing at the bound is
 * ended and built once more without cache sources, with one warning, so a cache service that
 * never answers (or answers 429 for ever) costs the bound plus an uncached build. A build past its
 * imports is never ended, however long it runs.
 */
export async function runImageBuild(
  exec: Exec,
  buildx: Buildx,
  s: BuildSetup,
  importTimeoutMs = 0,
): Promise<BuildRun> {
  const started = Date.now();
  const opts = { stream: true, env: s.env, cwd: s.cwd };
  let importSources = importSourcesOf(s.input.cacheFrom, s.importContext);
  let startedAt = started;
  const bounded = importTimeoutMs > 0 && s.input.cacheFrom.length > 0;
  const env = READABLE_PROGRESS.has(s.progress) ? s.env : { ...s.env, BUILDKIT_PROGRESS: 'plain' };
  /** One invocation, watched when imports are bounded; a silent engine's end is said in stderr. */
  const build = async (input: BuildArgsInput) => {
    if (!bounded) return exec(buildx.command, buildx.argv(buildArgs(input)), opts);
    const w = new ImportWatch(importTimeoutMs);
    const run = await exec(buildx.command, buildx.argv(buildArgs(input)), {
      ...opts,
      env,
      onOutput: w.onOutput,
      signal: w.signal,
    });
    w.stop();
    const silent = w.silent
      ? `ERROR: the engine printed nothing for ${Math.round(importTimeoutMs / 1000)}s (cache-import-timeout): its builder is held, e.g. by a cache import stuck in an earlier build, until that store lets go`
      : '';
    if (silent) workflow.info(silent);
    return { run: { ...run, stderr: silent ? `${run.stderr}\n${silent}` : run.stderr }, stuck: w.stuck };
  };
  const first = await build(s.input);
  let result = 'run' in first ? first.run : first;
  let retriedWithoutCache = false;
  const retry = async (why: string) => {
    workflow.warning(`${why}; building again without cache sources`);
    retriedWithoutCache = true;
    importSources = [];
    startedAt = Date.now();
    const again = await build({ ...s.input, cacheFrom: [] });
    result = 'run' in again ? again.run : again;
  };
  const stuck = 'stuck' in first ? first.stuck : null;
  if (stuck) {
    const seconds = Math.round(importTimeoutMs / 1000);
    await retry(`importing the cache ${stuck} did not end within ${seconds}s (cache-import-timeout)`);
  } else if (result.exitCode !== 0 && s.input.cacheFrom.length > 0 && isBrokenCacheError(result.stderr)) {
    // An index that outlived its blobs (eviction) fails the build instead of missing: build once more without it.
    await retry(`a cache source is broken (${lastLine(result.stderr)})`);
  }
  const metadataText = readIfExists(s.input.metadataFile);
  return {
    result,
    metadataText,
    metadata: parseMetadata(metadataText || '{}'),
    imageId: readIfExists(s.input.iidFile).trim(),
    ms: Date.now() - started,
    startedAt,
    retriedWithoutCache,
    importSources,
  };
}

export interface CacheExportRun {
  status: 'ok' | 'failed';
  reason: string;
  metadata: BuildMetadata;
  ms: number;
}

/**
 * The export invocation doesn't need `ignore-error`: it exports nothing but the cache, so its exit
 * code is the export's result and its last error line the reason, with no build record to read.
 */
export function withoutIgnoreError(entry: string): string {
  return cacheEntryFields(entry)
    .filter((f) => !(f.key === 'ignore-error' && f.value === 'true'))
    .map((f) => f.text)
    .join(',');
}

/**
 * The export invocations, in order. BuildKit runs the cache exporters of one invocation at once,
 * and two of them writing to one registry repository upload the same blobs side by side: the
 * registry may then refuse one upload ("provided digest did not match uploaded content") and the
 * whole export fails. So a second destination in a repository (a branch's tag and its commit's)
 * waits for the first; its blobs are then already there and only its manifest is written.
 */
export function exportWaves(cacheTo: string[]): string[][] {
  const waves: string[][] = [];
  const seen = new Map<string, number>();
  for (const entry of cacheTo) {
    const attrs = cacheEntryAttributes(entry);
    const ref = attrs.type === 'registry' ? (attrs.ref ?? '') : '';
    const repository = ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.slice(0, ref.lastIndexOf(':')) : ref;
    const wave = repository === '' ? 0 : (seen.get(repository) ?? -1) + 1;
    if (repository !== '') seen.set(repository, wave);
    (waves[wave] ??= []).push(entry);
  }
  return waves.filter((w) => w !== undefined);
}

/** The export invocations under one watchdog (`cache-export-timeout`; 0 for none). */
export async function runCacheExport(
  exec: Exec,
  buildx: Buildx,
  s: BuildSetup,
  timeoutMs: number,
): Promise<CacheExportRun> {
  const started = Date.now();
  let metadata: BuildMetadata | null = null;
  for (const wave of exportWaves(s.cacheTo.map(withoutIgnoreError))) {
    const input = { ...s.input, cacheTo: wave, metadataFile: s.exportMetadataFile };
    const left = timeoutMs - (Date.now() - started);
    const run = await exec(buildx.command, buildx.argv(cacheExportArgs(input)), {
      stream: true,
      env: s.env,
      cwd: s.cwd,
      timeoutMs: timeoutMs > 0 ? Math.max(left, 1) : undefined,
    });
    // The first invocation's metadata names the cache manifest every later one reuses.
    metadata ??= parseMetadata(readIfExists(input.metadataFile) || '{}');
    const ms = Date.now() - started;
    if (run.timedOut) {
      return {
        status: 'failed',
        reason: `timed out after ${Math.round(timeoutMs / 1000)}s (cache-export-timeout)`,
        metadata,
        ms,
      };
    }
    if (run.exitCode !== 0) return { status: 'failed', reason: exportError(run.stderr), metadata, ms };
  }
  return { status: 'ok', reason: '', metadata: metadata ?? parseMetadata('{}'), ms: Date.now() - started };
}

/**
 * buildx ends a failed export with `ERROR: failed to solve: <why>` (newer: `failed to build:`
 * first); the why is what users need, in words for its known causes (parse/errors.ts).
 */
export function exportError(stderr: string): string {
  const why = lastLine(stderr)
    .replace(/^ERROR:\s*/, '')
    .replace(/^failed to build:\s*/, '')
    .replace(/^failed to solve:\s*/, '');
  return exportFailure(why);
}
