import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as workflow from '../runner/commands';
import {
  type BuildRun,
  type BuildSetup,
  type CacheExportRun,
  prepareBuild,
  runCacheExport,
  runImageBuild,
} from '../buildx/build';
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
import type { CacheScope } from '../github/runtime-token';
import { readInputs, validatePaths } from '../runner/inputs/read';
import { InputError, type Inputs } from '../runner/inputs/types';
import { type CachePlan, planOptionsFrom } from '../plan/planner';
import { neverWrites } from '../plan/trust';
import { kubernetesBuilderName, setupKubernetesBuilder } from '../buildx/kubernetes';
import { restoreLocalCaches, saveLocalCaches, withPersistedLocalDir } from '../localcache/persist';
import { restoreMounts, saveMounts } from '../mounts/mounts';
import { setOutputs } from '../runner/outputs';
import { failureMessage } from '../report/cache-report';
import { mayBeMoot, mootExport } from '../report/export-moot';
import * as state from '../runner/state';
import { writeBakeFile } from './bake';
import { runCleanupEvent } from './cleanup-event';
import { runDryRun } from './dry-run';
import { type Leg, prepareLeg, recordLeg, runMerge } from './merge';
import { planCache, readTokenScopes } from './plan-phase';
import { buildOutputs, reportRun, type RunResults, writeSummary } from './report-phase';
import { readRunContext } from '../github/read-context';
import { environmentFrom, readEnvironment, type RunnerEnvironment } from '../runner/environment';

/** Problems the user can act on: one `::error::` line, no stack trace. */
function fail(message: string): void {
  workflow.setFailed(`buildkit-cache-action: ${message}`);
}

export async function run(exec: Exec = loggedExec(realExec), env?: NodeJS.ProcessEnv): Promise<void> {
  const started = Date.now();
  try {
    // The runner's environment, read once: the phases below take its typed values.
    const environment = env ? environmentFrom(env) : readEnvironment();
    const inputs = withPersistedLocalDir(readInputs(), environment.runner.temp);
    await runOfItsKind(exec, environment, inputs, started);
  } catch (e) {
    if (e instanceof InputError || e instanceof BuildxError || e instanceof BuilderError)
      return fail(e.message);
    workflow.debug((e as Error)?.stack ?? String(e));
    fail(`unexpected error: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** Which kind of run this is: a clean-up event, a bake file, a dry run, or a build. */
async function runOfItsKind(
  exec: Exec,
  environment: RunnerEnvironment,
  inputs: Inputs,
  started: number,
): Promise<void> {
  for (const secret of [
    environment.cache.token,
    inputs.githubToken,
    ...inputs.build.secrets.map((s) => s.value),
  ]) {
    if (secret) workflow.setSecret(secret);
  }
  const ctx = readRunContext(environment.github);
  // A closed pull request or a deleted branch: its caches go, nothing is built.
  const cleanup = cleanupTrigger(ctx);
  if (cleanup) return runCleanupEvent(ctx, inputs, environment, cleanup);
  if (inputs.bakeTargets.length > 0) return writeBakeFile(exec, ctx, inputs, environment);
  if (inputs.merge === 'index') return runMerge(exec, ctx, inputs, environment, fail);
  if (inputs.dryRun) return runDryRun(exec, ctx, inputs, environment);
  return runBuild(exec, ctx, inputs, environment, started);
}

/** What every phase of a build reads: the run, its inputs and environment, and the debug clock. */
interface BuildJob {
  exec: Exec;
  ctx: RunContext;
  inputs: Inputs;
  environment: RunnerEnvironment;
  mark: (phase: string) => void;
}

/** A build, in its phases: plan, builder, restore, build, export, save, report. */
async function runBuild(
  exec: Exec,
  ctx: RunContext,
  original: Inputs,
  environment: RunnerEnvironment,
  started: number,
): Promise<void> {
  // A matrix leg of a multi-platform image pushes its platform by digest (src/merge).
  const leg = original.merge === 'leg' ? prepareLeg(ctx, original, environment) : null;
  const inputs = leg?.inputs ?? original;
  const mark = (phase: string) => workflow.debug(`${phase} at ${Date.now() - started} ms`);
  const job: BuildJob = { exec, ctx, inputs, environment, mark };
  validatePaths(inputs.build, ctx.workspace, fs.existsSync, [environment.runner.temp, os.tmpdir()]);
  // Probing docker and buildx takes ~0.2 s each: run them while git and the planner work.
  const probes = startProbes(exec, inputs, environment);
  const planned = await planPhase(job);
  const tempDir = fs.mkdtempSync(path.join(environment.runner.temp, 'bkca-'));
  state.saveTempDir(tempDir);
  const ready = await builderPhase(job, planned, probes, tempDir);
  const done = await buildPhase(job, planned, ready, tempDir);
  const saved = await savePhase(job, planned, ready, done);
  const results: RunResults = {
    inputs,
    plan: planned.plan,
    tokenScopes: planned.tokenScopes,
    builder: ready.builder.name,
    builderNature: { driver: ready.builder.driver, nature: ready.nature },
    build: done.build.run,
    history: saved.history,
    exportRun: done.exportRun,
    skipExport: planned.skipExport || ready.warmSkip || done.moot,
    mounts: saved.mounts,
    localCache: saved.localCache,
    retention: saved.retention,
    started,
    timings: { builderMs: ready.builderMs, buildMs: done.build.run.ms, exportMs: done.exportRun?.ms ?? 0 },
  };
  await reportPhase(job, results, { leg, original, tempDir });
}

type Planned = {
  plan: CachePlan;
  local: Awaited<ReturnType<typeof restoreLocalCaches>>;
  tokenScopes: CacheScope[] | null;
  /** Why nothing is exported, this job having no GitHub cache for a gha build ('' when it has). */
  skipExport: string;
};

/** The plan, final once the persisted local folders are restored. */
async function planPhase({ exec, ctx, inputs, environment, mark }: BuildJob): Promise<Planned> {
  const unavailable = environment.cache.unavailable;
  const planned = await workflow.group('Cache plan', () => planCache(exec, ctx, inputs, environment));
  // A persisted folder's existence is known once it is restored: the plan's reads are narrowed to
  // the folders that arrived, and that plan is final.
  const local = await restoreLocalCaches(exec, {
    cache: inputs.cache,
    timeoutMs: inputs.mounts.timeoutMs,
    plan: planned,
    env: environment.processEnv,
    unavailable,
  });
  mark('planned');
  const tokenScopes = readTokenScopes(inputs, environment.cache);
  const skipExport = inputs.cache.backend === 'gha' ? unavailable : '';
  if (skipExport) workflow.warning(`cache: ${skipExport}. The build runs without the gha cache.`);
  return { plan: local.plan, local, tokenScopes, skipExport };
}

type Ready = {
  buildx: Buildx;
  builder: Builder;
  setup: BuildSetup;
  nature: BuilderNature;
  builderMs: number;
  /** Why a warm builder's own cache makes the export moot ('' when it does not). */
  warmSkip: string;
};

/** The builder, set up and known (its kind, its warmth), and the build's arguments for it. */
async function builderPhase(
  job: BuildJob,
  planned: Planned,
  probes: Probes,
  tempDir: string,
): Promise<Ready> {
  const { exec, ctx, inputs, environment, mark } = job;
  const { plan } = planned;
  const builderStart = Date.now();
  const { buildx, builder } = await workflow.group('Builder', () =>
    setUpBuilder(exec, inputs, environment, probes, tempDir, neverWrites(plan.trigger, plan.tokenRefuses)),
  );
  workflow.info(`builder: ${builder.name}: ${builder.why}`);
  const setup = prepareImageBuild(buildx, { ctx, inputs, environment, plan, builder, tempDir });
  const nature = await knowBuilder(exec, buildx, builder, setup, environment.runner.kind);
  const builderMs = Date.now() - builderStart;
  mark('builder ready');
  // A warm builder that outlives the job reads its own cache next time: a branch's export is skipped.
  const warmSkip = planned.skipExport ? '' : warmBuilderSkip({ plan, nature, write: inputs.cache.write });
  if (warmSkip) workflow.info(`cache export skipped: ${warmSkip}`);
  return { buildx, builder, setup, nature, builderMs, warmSkip };
}

type Done = {
  build: { setup: BuildSetup; run: BuildRun };
  built: boolean;
  mountSession: Awaited<ReturnType<typeof restoreMounts>>;
  historyRead: Promise<BuildHistory>;
  /** Why the export would write nothing new ('' when it ran or was skipped for another reason). */
  moot: string;
  exportRun: CacheExportRun | null;
};

/** The cache mounts restored, the image built, then the cache exported unless there is no need. */
async function buildPhase(job: BuildJob, planned: Planned, ready: Ready, tempDir: string): Promise<Done> {
  const { exec, ctx, inputs, environment, mark } = job;
  const { plan, skipExport } = planned;
  const { buildx, builder, setup, warmSkip } = ready;
  const mountSession = await restoreMounts(exec, buildx, {
    inputs,
    plan,
    builder: builder.name,
    tempDir,
    env: environment.processEnv,
    workspace: ctx.workspace,
    unavailable: environment.cache.unavailable,
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
  if (moot) workflow.info(`cache export skipped: ${moot}`);
  const exportRun =
    built && build.setup.separateExport && !skipExport && !warmSkip && !moot
      ? await workflow.group('Cache export', () =>
          runCacheExport(exec, buildx, build.setup, inputs.cache.exportTimeoutMs),
        )
      : null;
  mark('exported');
  return { build, built, mountSession, historyRead, moot, exportRun };
}

/** Retention, the build record, and what goes back to the GitHub cache: mounts and local folders. */
async function savePhase(job: BuildJob, planned: Planned, ready: Ready, done: Done) {
  const { exec, ctx, inputs, environment, mark } = job;
  // A push to the default branch: commit caches beyond cache-keep-commits go (src/cleanup).
  const retaining = done.built ? retainCommitCaches(ctx, inputs, environment, planned.plan) : null;
  const history = await done.historyRead;
  mark('history read');
  const retention = await retaining;
  const mounts = await saveMounts(exec, ready.buildx, done.mountSession, done.built, {
    steps: history.log?.steps ?? null,
    used: history.cacheMounts,
  });
  const exported = done.exportRun?.status === 'ok' || done.moot !== '';
  const localCache = await saveLocalCaches(exec, planned.local.session, exported);
  return { history, retention, mounts, localCache };
}

/** The report, a leg's record for the merge job, the outputs, the summary, and the one error line. */
async function reportPhase(
  { exec, inputs, environment, mark }: BuildJob,
  results: RunResults,
  o: { leg: Leg | null; original: Inputs; tempDir: string },
): Promise<void> {
  const report = await reportRun(results);
  if (o.leg) {
    const { digest } = results.build.metadata;
    const { original, tempDir } = o;
    report.merge = await recordLeg(exec, o.leg, { original, report, digest, tempDir, environment });
  }
  mark('reported');
  setOutputs(buildOutputs(results, report));
  await writeSummary(report);
  // One `::error::` line: the failing step, its Dockerfile line and BuildKit's message.
  if (results.build.result.exitCode !== 0)
    fail(failureMessage(report.error, buildxSaid(inputs, results.build.result)));
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

function startProbes(exec: Exec, inputs: Inputs, environment: RunnerEnvironment): Probes {
  const engine =
    ['remote', 'kubernetes'].includes(inputs.builder.driver) && inputs.builder.builder === ''
      ? Promise.resolve(null)
      : probeEngine(exec, environment.docker);
  return { engine, buildx: probeBuildx(exec, environment) };
}

/** The builder: buildx must be new enough, then pick one or create one (which needs the engine). */
async function setUpBuilder(
  exec: Exec,
  inputs: Inputs,
  environment: RunnerEnvironment,
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
    toolCache: environment.runner.toolCache,
    releaseStore: releaseStoreFor(exec, environment),
    saveRefused,
  });
  if (found.note) workflow.info(found.note);
  state.saveBuildxPath(found.buildx.path);
  const onCreate = (name: string) => state.saveBuilderCreated(name, inputs.builder.cleanup);
  const builder =
    inputs.builder.driver === 'kubernetes' && inputs.builder.builder === ''
      ? await setupKubernetesBuilder(exec, found.buildx, {
          name: kubernetesBuilderName(environment.github.repository ?? '', planOptionsFrom(inputs).scope),
          builder: inputs.builder,
          tempDir,
          onUse: onCreate,
        })
      : await setupBuilder(exec, found.buildx, {
          builder: inputs.builder,
          tempDir,
          cacheUrl: environment.cache.url,
          job: environment.github.job,
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
  environment: RunnerEnvironment;
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
    environment: b.environment,
    cwd: b.ctx.workspace,
    ctx: b.ctx,
    buildxVersion: buildx.version,
    builderAttests: b.builder.attests,
  });
  // A URL's user and password (`https://user:token@host/…`) stay out of the log.
  workflow.info(`context: ${setup.input.build.context.replace(/\/\/[^/@]*@/, '//***@')}`);
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
  runnerKind: string,
): Promise<BuilderNature> {
  const { kind, why } = builderKind({
    source: builder.source,
    driver: builder.driver,
    runnerEnvironment: runnerKind,
  });
  const names = async () => recordNames(setup.input.build, setup.cwd, await checkoutOrigin(exec, setup.cwd));
  const warmth = kind === 'persistent' ? await lookWarmth(exec, buildx, builder.name, await names()) : null;
  workflow.info(
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
