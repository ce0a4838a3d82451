import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '../runner/commands';
import {
  type BuildRun,
  type CacheExportRun,
  prepareBuild,
  runCacheExport,
  runImageBuild,
} from '../buildx/build';
import { writeBakeFile } from './bake';
import { BuilderError, setupBuilder } from '../buildx/builder';
import { type EngineProbe, probeEngine } from '../buildx/engine';
import { type BuildHistory, lastBuildRef, readBuildHistory } from '../buildx/history';
import { type BuildxProbe, BuildxError, ensureBuildx, GHA_MIN_BUILDX, probeBuildx } from '../buildx/install';
import { stepTotals } from '../report/steps';
import { cleanupOutputs, cleanupTrigger, retainCommitCaches } from '../cleanup';
import { runCleanupEvent } from './cleanup-event';
import { type Exec, exec as realExec } from '../lib/exec';
import { type RunContext, readRunContext } from '../github/context';
import { type CacheScope, cacheScopesFromToken } from '../github/runtime-token';
import { InputError, type Inputs, readInputs, validatePaths } from '../runner/inputs';
import { planInputs } from '../facts/facts';
import { narrowSources } from '../plan/narrow';
import { type CachePlan, plan, planLines, planOptionsFrom } from '../plan/plan';
import {
  type LocalCacheReport,
  restoreLocalCaches,
  saveLocalCaches,
  withPersistedLocalDir,
} from '../localcache/persist';
import { type MountsReport, mountOutputs, restoreMounts, saveMounts } from '../mounts/mounts';
import { measureExports } from '../stores/measure';
import { setOutputs } from '../runner/outputs';
import { cacheWarnings } from '../report/warnings';
import { buildReport, exportOutcome, failureMessage, importResults } from '../report/report';
import type { CacheReport } from '../report/types';
import { renderSummary } from '../report/summary';
import * as state from '../runner/state';
import { lastLine } from '../lib/text';

const RELEASES_BASE = 'https://github.com/docker/buildx/releases/download';

/** Problems the user can act on: one `::error::` line, no stack trace. */
function fail(message: string): void {
  core.setFailed(`buildkit-cache-action: ${message}`);
}

export async function run(exec: Exec = realExec, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = Date.now();
  try {
    await runWithInputs(exec, env, withPersistedLocalDir(readInputs(), env), started);
  } catch (e) {
    if (e instanceof InputError || e instanceof BuildxError || e instanceof BuilderError)
      return fail(e.message);
    core.debug((e as Error)?.stack ?? String(e));
    fail(`unexpected error: ${(e as Error)?.message ?? String(e)}`);
  }
}

async function runWithInputs(
  exec: Exec,
  env: NodeJS.ProcessEnv,
  inputs: Inputs,
  started: number,
): Promise<void> {
  const mark = (phase: string) => core.debug(`${phase} at ${Date.now() - started} ms`);
  for (const secret of [
    env.ACTIONS_RUNTIME_TOKEN,
    inputs.githubToken,
    ...inputs.build.secrets.map((s) => s.value),
  ]) {
    if (secret) core.setSecret(secret);
  }
  const ctx = readRunContext(env);
  // A closed pull request or a deleted branch: its caches go, nothing is built.
  const cleanup = cleanupTrigger(ctx);
  if (cleanup) return runCleanupEvent(ctx, inputs, env, cleanup);
  if (inputs.bakeTargets.length > 0) return writeBakeFile(exec, ctx, inputs, env);
  if (!inputs.dryRun) validatePaths(inputs.build, ctx.workspace, fs.existsSync);
  // Probing docker and buildx takes ~0.2 s each: run them while git and the planner work.
  const probes = inputs.dryRun ? null : startProbes(exec, inputs, env);

  let cachePlan = await core.group('Cache plan', () => planCache(exec, ctx, inputs, env));
  mark('planned');
  const tokenScopes = readTokenScopes(inputs, env);
  const planOutputs = {
    'cache-from': cachePlan.cacheFrom.join('\n'),
    'cache-to': cachePlan.cacheTo.join('\n'),
  };
  if (probes === null) {
    const retention = await retainCommitCaches(ctx, inputs, env, cachePlan);
    const report = buildReport({
      plan: cachePlan,
      backend: inputs.cache.backend,
      log: null,
      build: 'not-run',
      tokenScopes,
      exportResult: exportOutcome(cachePlan, null, false, 'dry-run'),
    });
    if (retention) report.cleanup = retention;
    setOutputs({
      ...planOutputs,
      'cache-export': 'skipped',
      'cache-report': JSON.stringify(report),
      ...cleanupOutputs(retention),
    });
    if (inputs.cache.explain) await writeSummary(report);
    return;
  }
  const skipExport = inputs.cache.backend === 'gha' ? ghaUnavailable(env) : '';
  if (skipExport) core.warning(`cache: ${skipExport}. The build runs without the gha cache.`);

  // The builder: the engine must answer, buildx must be new enough, then create or pick one.
  const tempDir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'bkca-'));
  state.saveTempDir(tempDir);
  const builderStart = Date.now();
  const { buildx, builder } = await core.group('Builder', async () => {
    const engine = await probes.engine;
    if (engine && !engine.ok) {
      throw new BuilderError(
        `the Docker engine is not reachable (${engine.reason}); start Docker or set driver: remote`,
      );
    }
    const found = await ensureBuildx(exec, {
      wanted: inputs.builder.buildxVersion,
      floor: inputs.cache.backend === 'gha' ? GHA_MIN_BUILDX : '',
      releasesBase: env.BKCA_BUILDX_RELEASES_URL || RELEASES_BASE,
      probe: probes.buildx,
    });
    if (found.note) core.info(found.note);
    state.saveBuildxPath(found.buildx.path);
    const chosen = await setupBuilder(exec, found.buildx, {
      builder: inputs.builder,
      tempDir,
      env,
      onCreate: (name) => state.saveBuilderCreated(name, inputs.builder.cleanup),
    });
    return { buildx: found.buildx, builder: chosen };
  });
  const builderMs = Date.now() - builderStart;
  mark('builder ready');

  const mountSession = await restoreMounts(exec, buildx, {
    inputs,
    plan: cachePlan,
    builder: builder.name,
    tempDir,
    env,
    workspace: ctx.workspace,
    unavailable: ghaUnavailable(env),
  });
  const local = await restoreLocalCaches(exec, {
    inputs,
    plan: cachePlan,
    env,
    unavailable: ghaUnavailable(env),
  });
  cachePlan = local.plan;
  // The image first, then the cache export as its own invocation (see src/buildx/build.ts).
  const setup = prepareBuild(inputs, {
    builder: builder.name,
    cacheFrom: cachePlan.cacheFrom,
    cacheTo: cachePlan.cacheTo,
    tempDir,
    env,
    cwd: ctx.workspace,
  });
  const build = await runImageBuild(exec, buildx, setup);
  if (build.retriedWithoutCache) {
    cachePlan.notes.push('a cache source was broken: the build was retried without cache sources');
  }
  const built = build.result.exitCode === 0;
  mark('built');
  // The image's build record is read while the cache export runs.
  const historyRead = (async (): Promise<BuildHistory> => {
    const ref = build.metadata.ref ?? (await lastBuildRef(exec, buildx, builder.name, !built));
    return ref ? readBuildHistory(exec, buildx, builder.name, ref) : { log: null, record: null };
  })();
  const exportRun =
    built && setup.separateExport && !skipExport
      ? await core.group('Cache export', () =>
          runCacheExport(exec, buildx, setup, inputs.cache.exportTimeoutMs),
        )
      : null;
  mark('exported');
  // A push to the default branch: commit caches beyond cache-keep-commits go (src/cleanup).
  const retaining = built ? retainCommitCaches(ctx, inputs, env, cachePlan) : null;
  const history = await historyRead;
  mark('history read');
  const retention = await retaining;
  const mounts = await saveMounts(exec, buildx, mountSession, built, history.log?.steps ?? null);
  const localCache = await saveLocalCaches(exec, local.session, exportRun?.status === 'ok');

  const report = await reportRun({
    inputs,
    cachePlan,
    tokenScopes,
    build,
    history,
    exportRun,
    skipExport,
    started,
    mounts,
    localCache,
    timings: { builderMs, buildMs: build.ms, exportMs: exportRun?.ms ?? 0 },
  });
  mark('reported');
  if (retention) report.cleanup = retention;
  const totals = stepTotals(history.log?.steps ?? []);
  setOutputs({
    ...planOutputs,
    builder: builder.name,
    imageid: build.imageId,
    digest: build.metadata.digest,
    metadata: build.metadataText,
    'cached-steps': String(totals.cached),
    'total-steps': String(totals.total),
    'cache-hit-ratio': totals.ratio.toFixed(2),
    'cache-export': report.export.status,
    'cache-report': JSON.stringify(report),
    ...cleanupOutputs(retention),
    ...mountOutputs(mounts),
  });
  await writeSummary(report);
  // One `::error::` line: the failing step, its Dockerfile line and BuildKit's message.
  if (!built) fail(failureMessage(report.error, lastLine(build.result.stderr)));
  else if (report.export.status === 'failed' && !inputs.cache.ignoreError) {
    fail(`cache export failed and cache-ignore-error is false: ${report.export.reason}`);
  }
}

function startProbes(
  exec: Exec,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): { engine: Promise<EngineProbe | null>; buildx: Promise<BuildxProbe> } {
  const engine =
    inputs.builder.driver === 'remote' && inputs.builder.builder === ''
      ? Promise.resolve(null)
      : probeEngine(exec, env);
  return { engine, buildx: probeBuildx(exec, env) };
}

/** The plan: pure rules, fed with the commits git (or the API) found and the sibling legs listed. */
async function planCache(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
): Promise<CachePlan> {
  const options = planOptionsFrom(inputs);
  const { facts, existing } = await planInputs(exec, ctx, options, env, inputs.githubToken, fs.existsSync);
  options.siblingLegs = [...new Set([...options.siblingLegs, ...existing.siblingLegs])];
  const p = narrowSources(plan(ctx, facts, options), existing.exists, existing.failed);
  if (existing.note) p.notes.push(existing.note);
  for (const line of planLines(p)) core.info(line);
  return p;
}

/** The ref scopes the runtime token may read and write, so users see why a cache is (not) readable. */
function readTokenScopes(inputs: Inputs, env: NodeJS.ProcessEnv): CacheScope[] | null {
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

function ghaUnavailable(env: NodeJS.ProcessEnv): string {
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    return 'ACTIONS_RUNTIME_TOKEN is not set: the GitHub Actions cache is only reachable from a JavaScript action on a GitHub runner';
  }
  if (!env.ACTIONS_RESULTS_URL && !env.ACTIONS_CACHE_URL) {
    return 'neither ACTIONS_RESULTS_URL nor ACTIONS_CACHE_URL is set: no GitHub Actions cache service to talk to';
  }
  return '';
}

async function reportRun(r: {
  inputs: Inputs;
  cachePlan: CachePlan;
  tokenScopes: CacheScope[] | null;
  build: BuildRun;
  history: BuildHistory;
  exportRun: CacheExportRun | null;
  skipExport: string;
  mounts: MountsReport | null;
  localCache: LocalCacheReport | null;
  /** When main started: the report's total covers everything up to it being written. */
  started: number;
  timings: Omit<NonNullable<CacheReport['timings']>, 'totalMs'>;
}): Promise<CacheReport> {
  const built = r.build.result.exitCode === 0;
  const exportResult = r.exportRun
    ? {
        ...exportOutcome(r.cachePlan, null, built, r.skipExport),
        status: r.exportRun.status,
        reason: r.exportRun.reason,
        seconds: Math.round(r.exportRun.ms / 100) / 10,
      }
    : exportOutcome(r.cachePlan, r.history.log, built, r.skipExport);
  const imports = r.history.log ? importResults(r.history.log) : [];
  for (const warning of cacheWarnings(exportResult, imports)) core.warning(warning);
  // The cache manifest is in the metadata of the invocation that exported.
  const cacheManifest = r.build.metadata.cacheManifest ?? r.exportRun?.metadata.cacheManifest ?? null;
  const exportSizes =
    exportResult.status === 'ok' ? await measureExports(r.cachePlan.cacheTo, cacheManifest) : [];
  return buildReport({
    plan: r.cachePlan,
    backend: r.inputs.cache.backend,
    log: r.history.log,
    build: built ? 'succeeded' : 'failed',
    tokenScopes: r.tokenScopes,
    exportResult,
    record: r.history.record,
    metadata: { ...r.build.metadata, cacheManifest },
    exportSizes,
    noCache: r.inputs.build.noCache,
    timings: { ...r.timings, totalMs: Date.now() - r.started },
    mounts: r.mounts,
    localCache: r.localCache,
  });
}

async function writeSummary(report: CacheReport): Promise<void> {
  try {
    await core.appendSummary(renderSummary(report));
  } catch (e) {
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}
