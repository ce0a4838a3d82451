import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '../runner/commands';
import { type BuildRun, type BuildSetup, prepareBuild, runCacheExport, runImageBuild } from '../buildx/build';
import { checkoutOrigin, lookWarmth, recordNames } from '../buildx/warmth';
import { type BuilderNature, builderKind, warmBuilderSkip } from '../plan/builder-kind';
import { BuilderError, type BuilderChoice as Builder, setupBuilder } from '../buildx/builder';
import type { Buildx } from '../buildx/buildx';
import { type EngineProbe, probeEngine } from '../buildx/engine';
import { type BuildHistory, ownBuildRef, readBuildHistory } from '../buildx/history';
import {
  type BuildxProbe,
  BuildxError,
  ensureBuildx,
  GHA_MIN_BUILDX,
  probeBuildx,
  releaseStoreFor,
} from '../buildx/install';
import { cleanupTrigger, retainCommitCaches } from '../cleanup';
import { type Exec, exec as realExec } from '../lib/exec';
import { loggedExec } from '../runner/logged-exec';
import { lastLine } from '../lib/text';
import { type RunContext } from '../github/context';
import { readInputs, validatePaths } from '../runner/inputs/read';
import { InputError, type Inputs } from '../runner/inputs/types';
import { type CachePlan, planOptionsFrom } from '../plan/plan';
import { neverWrites } from '../plan/trust';
import { kubernetesBuilderName, setupKubernetesBuilder } from '../buildx/kubernetes';
import { restoreLocalCaches, saveLocalCaches, withPersistedLocalDir } from '../localcache/persist';
import { restoreMounts, saveMounts } from '../mounts/mounts';
import { setOutputs } from '../runner/outputs';
import { failureMessage } from '../report/report';
import { mayBeMoot, mootExport } from '../report/export-moot';
import * as state from '../runner/state';
import { writeBakeFile } from './bake';
import { runCleanupEvent } from './cleanup-event';
import { runDryRun } from './dry-run';
import { prepareLeg, recordLeg, runMerge } from './merge';
import { ghaUnavailable, planCache, readTokenScopes } from './plan-phase';
import { buildOutputs, reportRun, writeSummary } from './report-phase';
import { readRunContext } from '../github/read-context';
import { environmentFrom } from '../runner/environment';

/** Problems the user can act on: one `::error::` line, no stack trace. */
function fail(message: string): void {
  core.setFailed(`buildkit-cache-action: ${message}`);
}

export async function run(
  exec: Exec = loggedExec(realExec),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const started = Date.now();
  try {
    await runOfItsKind(
      exec,
      env,
      withPersistedLocalDir(readInputs(), environmentFrom(env).runner.temp),
      started,
    );
  } catch (e) {
    if (e instanceof InputError || e instanceof BuildxError || e instanceof BuilderError)
      return fail(e.message);
    core.debug((e as Error)?.stack ?? String(e));
    fail(`unexpected error: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** Which kind of run this is: a clean-up event, a bake file, a dry run, or a build. */
async function runOfItsKind(
  exec: Exec,
  env: NodeJS.ProcessEnv,
  inputs: Inputs,
  started: number,
): Promise<void> {
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
  if (inputs.merge === 'index') return runMerge(exec, ctx, inputs, env, fail);
  if (inputs.dryRun) return runDryRun(exec, ctx, inputs, env);
  return runBuild(exec, ctx, inputs, env, started);
}

/** A build, in its phases: plan, builder, restore, build, export, save, report. */
async function runBuild(
  exec: Exec,
  ctx: RunContext,
  original: Inputs,
  env: NodeJS.ProcessEnv,
  started: number,
): Promise<void> {
  // A matrix leg of a multi-platform image pushes its platform by digest (src/merge).
  const leg = original.merge === 'leg' ? prepareLeg(ctx, original, env) : null;
  const inputs = leg?.inputs ?? original;
  const mark = (phase: string) => core.debug(`${phase} at ${Date.now() - started} ms`);
  validatePaths(inputs.build, ctx.workspace, fs.existsSync, [env.RUNNER_TEMP ?? '', os.tmpdir()]);
  // Probing docker and buildx takes ~0.2 s each: run them while git and the planner work.
  const probes = startProbes(exec, inputs, env);

  const planned = await core.group('Cache plan', () => planCache(exec, ctx, inputs, env));
  // A persisted folder's existence is known once it is restored: the plan's reads are narrowed to
  // the folders that arrived, and that plan is final.
  const local = await restoreLocalCaches(exec, {
    cache: inputs.cache,
    timeoutMs: inputs.mounts.timeoutMs,
    plan: planned,
    env,
    unavailable: ghaUnavailable(env),
  });
  const plan = local.plan;
  mark('planned');
  const tokenScopes = readTokenScopes(inputs, env);
  const skipExport = inputs.cache.backend === 'gha' ? ghaUnavailable(env) : '';
  if (skipExport) core.warning(`cache: ${skipExport}. The build runs without the gha cache.`);

  const tempDir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'bkca-'));
  state.saveTempDir(tempDir);
  const builderStart = Date.now();
  const { buildx, builder } = await core.group('Builder', () =>
    setUpBuilder(exec, inputs, env, probes, tempDir, neverWrites(plan.trigger, plan.tokenRefuses)),
  );
  core.info(`builder: ${builder.name}: ${builder.why}`);
  const setup = prepareImageBuild(buildx, { ctx, inputs, env, plan, builder, tempDir });
  const nature = await knowBuilder(exec, buildx, builder, setup, env);
  const builderMs = Date.now() - builderStart;
  mark('builder ready');
  // A warm builder that outlives the job reads its own cache next time: a branch's export is skipped.
  const warmSkip = skipExport ? '' : warmBuilderSkip({ plan, nature, write: inputs.cache.write });
  if (warmSkip) core.info(`cache export skipped: ${warmSkip}`);

  const mountSession = await restoreMounts(exec, buildx, {
    inputs,
    plan,
    builder: builder.name,
    tempDir,
    env,
    workspace: ctx.workspace,
    unavailable: ghaUnavailable(env),
  });
  const build = await buildImage(
    exec,
    buildx,
    warmSkip ? withoutExport(setup) : setup,
    inputs.cache.importTimeoutMs,
  );
  const built = build.run.result.exitCode === 0;
  mark('built');
  // The image's build record is read while the cache export runs.
  const historyRead = readHistory(exec, buildx, builder, build.run, mountSession !== null);
  const moot = await exportMootWhy(built && build.setup.separateExport && !skipExport && !warmSkip, {
    plan,
    // A remote builder this run created is only a name for a daemon that other jobs build on too.
    freshBuilder: builder.created && inputs.builder.driver !== 'remote',
    retriedWithoutCache: build.run.retriedWithoutCache,
    historyRead,
  });
  if (moot) core.info(`cache export skipped: ${moot}`);
  const exportRun =
    built && build.setup.separateExport && !skipExport && !warmSkip && !moot
      ? await core.group('Cache export', () =>
          runCacheExport(exec, buildx, build.setup, inputs.cache.exportTimeoutMs),
        )
      : null;
  mark('exported');
  // A push to the default branch: commit caches beyond cache-keep-commits go (src/cleanup).
  const retaining = built ? retainCommitCaches(ctx, inputs, environmentFrom(env), plan) : null;
  const history = await historyRead;
  mark('history read');
  const retention = await retaining;
  const mounts = await saveMounts(exec, buildx, mountSession, built, {
    steps: history.log?.steps ?? null,
    used: history.cacheMounts,
  });
  const localCache = await saveLocalCaches(exec, local.session, exportRun?.status === 'ok' || moot !== '');

  const results = {
    inputs,
    plan,
    tokenScopes,
    builder: builder.name,
    builderNature: { driver: builder.driver, nature },
    build: build.run,
    history,
    exportRun,
    skipExport: skipExport || warmSkip || moot,
    mounts,
    localCache,
    retention,
    started,
    timings: { builderMs, buildMs: build.run.ms, exportMs: exportRun?.ms ?? 0 },
  };
  const report = await reportRun(results);
  if (leg) {
    const { digest } = build.run.metadata;
    report.merge = await recordLeg(exec, leg, { original, report, digest, tempDir, env });
  }
  mark('reported');
  setOutputs(buildOutputs(results, report));
  await writeSummary(report);
  // One `::error::` line: the failing step, its Dockerfile line and BuildKit's message.
  if (!built) fail(failureMessage(report.error, buildxSaid(inputs, build.run.result)));
  else if (report.export.status === 'failed' && !inputs.cache.ignoreError) {
    fail(`cache export failed and cache-ignore-error is false: ${report.export.reason}`);
  }
}

/**
 * buildx's own words for a failure with no failed step: its last error line, or for `call: check`
 * the first line of the checks' summary, which it prints on stdout (as build-push-action reads it),
 * with the rules it names.
 */
export function buildxSaid(inputs: Inputs, result: { stdout: string; stderr: string }): string {
  const checks = inputs.build.call === 'check' ? result.stdout.trim().split('\n')[0]?.trim() : '';
  const why = lastLine(result.stderr);
  return checks ? `${checks}${why ? ` (${why.replace(/^ERROR:\s*/, '')})` : ''}` : why;
}

/**
 * Why this run's export would write nothing new ('' when it must run). The build's steps are read
 * first only when the plan leaves that possible; otherwise the record is read while the export runs.
 */
async function exportMootWhy(
  exporting: boolean,
  o: {
    plan: CachePlan;
    freshBuilder: boolean;
    retriedWithoutCache: boolean;
    historyRead: Promise<BuildHistory>;
  },
): Promise<string> {
  if (!exporting || !mayBeMoot(o)) return '';
  const steps = (await o.historyRead).log?.steps ?? null;
  return mootExport({ ...o, steps });
}

type Probes = { engine: Promise<EngineProbe | null>; buildx: Promise<BuildxProbe> };

function startProbes(exec: Exec, inputs: Inputs, env: NodeJS.ProcessEnv): Probes {
  const engine =
    ['remote', 'kubernetes'].includes(inputs.builder.driver) && inputs.builder.builder === ''
      ? Promise.resolve(null)
      : probeEngine(exec, environmentFrom(env).docker);
  return { engine, buildx: probeBuildx(exec, environmentFrom(env)) };
}

/** The builder: buildx must be new enough, then pick one or create one (which needs the engine). */
async function setUpBuilder(
  exec: Exec,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  probes: Probes,
  tempDir: string,
  saveRefused: string,
): Promise<{ buildx: Buildx; builder: Builder }> {
  const engine = await probes.engine;
  const found = await ensureBuildx(exec, {
    wanted: inputs.builder.buildxVersion,
    floor: inputs.cache.backend === 'gha' ? GHA_MIN_BUILDX : '',
    releasesBase: inputs.builder.buildxReleasesUrl,
    probe: probes.buildx,
    toolCache: environmentFrom(env).runner.toolCache,
    releaseStore: releaseStoreFor(exec, environmentFrom(env)),
    saveRefused,
  });
  if (found.note) core.info(found.note);
  state.saveBuildxPath(found.buildx.path);
  const onCreate = (name: string) => state.saveBuilderCreated(name, inputs.builder.cleanup);
  const builder =
    inputs.builder.driver === 'kubernetes' && inputs.builder.builder === ''
      ? await setupKubernetesBuilder(exec, found.buildx, {
          name: kubernetesBuilderName(env.GITHUB_REPOSITORY ?? '', planOptionsFrom(inputs).scope),
          builder: inputs.builder,
          tempDir,
          onUse: onCreate,
        })
      : await setupBuilder(exec, found.buildx, {
          builder: inputs.builder,
          tempDir,
          cacheUrl: environmentFrom(env).cache.url,
          job: environmentFrom(env).github.job,
          // A builder of setup-buildx-action's (remote, kubernetes) may not need a local engine at all.
          engineDown: engine && !engine.ok ? engine.reason : '',
          onCreate,
        });
  return { buildx: found.buildx, builder };
}

/** What the build phases share. */
interface BuildContext {
  ctx: RunContext;
  inputs: Inputs;
  env: NodeJS.ProcessEnv;
  plan: CachePlan;
  builder: Builder;
  tempDir: string;
}

/** The image build's arguments and environment, for both invocations (see src/buildx/build.ts). */
function prepareImageBuild(buildx: Buildx, b: BuildContext): BuildSetup {
  const setup = prepareBuild(b.inputs, {
    builder: b.builder.name,
    cacheFrom: b.plan.cacheFrom,
    cacheTo: b.plan.cacheTo,
    tempDir: b.tempDir,
    env: b.env,
    switches: environmentFrom(b.env).buildx,
    cwd: b.ctx.workspace,
    ctx: b.ctx,
    buildxVersion: buildx.version,
    builderAttests: b.builder.attests,
  });
  // A URL's user and password (`https://user:token@host/…`) stay out of the log.
  core.info(`context: ${setup.input.build.context.replace(/\/\/[^/@]*@/, '//***@')}`);
  return setup;
}

/** The same build with no cache export at all: neither its own invocation nor an inline cache. */
const withoutExport = (setup: BuildSetup): BuildSetup => ({
  ...setup,
  input: { ...setup.input, cacheTo: [] },
  separateExport: false,
  cacheTo: [],
});

/** The image first, then the cache export as its own invocation (see src/buildx/build.ts). */
async function buildImage(exec: Exec, buildx: Buildx, setup: BuildSetup, importTimeoutMs: number) {
  return { setup, run: await runImageBuild(exec, buildx, setup, importTimeoutMs) };
}

/**
 * The builder's kind; for one that outlives the job, whether its history already holds this build
 * (one `buildx history ls`, before the build adds its own record).
 */
async function knowBuilder(
  exec: Exec,
  buildx: Buildx,
  builder: Builder,
  setup: BuildSetup,
  env: NodeJS.ProcessEnv,
): Promise<BuilderNature> {
  const { kind, why } = builderKind({
    source: builder.source,
    driver: builder.driver,
    runnerEnvironment: env.RUNNER_ENVIRONMENT ?? '',
  });
  const names = async () => recordNames(setup.input.build, setup.cwd, await checkoutOrigin(exec, setup.cwd));
  const warmth = kind === 'persistent' ? await lookWarmth(exec, buildx, builder.name, await names()) : null;
  core.info(
    `builder kind: ${kind}: ${why}${warmth ? `; ${warmth.warm ? 'warm' : 'cold'}: ${warmth.why}` : ''}`,
  );
  return { kind, why, warmth };
}

async function readHistory(
  exec: Exec,
  buildx: Buildx,
  builder: Builder,
  build: BuildRun,
  cacheMounts: boolean,
): Promise<BuildHistory> {
  const built = build.result.exitCode === 0;
  const ref =
    build.metadata.ref ??
    (await ownBuildRef(exec, buildx, builder.name, { startedAtMs: build.startedAt, failed: !built }));
  return ref
    ? readBuildHistory(exec, buildx, builder.name, ref, { cacheMounts: cacheMounts && built })
    : { log: null, record: null, cacheMounts: null };
}
