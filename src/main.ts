import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import {
  buildArgs,
  cacheExportArgs,
  gitContextHost,
  historyInspectArgs,
  historyLogsArgs,
} from './buildx/args';
import { BuilderError, lastLine, setupBuilder } from './buildx/builder';
import { type Buildx, BuildxError, ensureBuildx, GHA_MIN_BUILDX } from './buildx/install';
import {
  type BuildLog,
  parseHistoryInspect,
  parseMetadata,
  parseRawJsonLog,
  stepTotals,
} from './buildx/parse';
import { type Exec, exec as realExec } from './exec';
import { readRunContext } from './github/context';
import { cacheScopesFromToken } from './github/runtime-token';
import { InputError, type Inputs, parseInputs, validatePaths } from './inputs';
import { gatherFacts } from './plan/facts';
import { siblingLegsFromTags } from './plan/names';
import { type CachePlan, plan, type PlanOptions, planOptionsFrom } from './plan/plan';
import { listTags } from './registry/tags';
import { classify, factsNeeded } from './plan/rules';
import { setOutputs } from './report/outputs';
import { measureExports } from './report/export-size';
import { buildReport, type CacheReport, exportOutcome, failureMessage, importResults } from './report/report';
import { renderSummary } from './report/summary';
import * as state from './state';

/** Reads every input through @actions/core: the only place that does. */
export function readInputs(): Inputs {
  return parseInputs((name) => core.getInput(name));
}

const RELEASES_BASE = 'https://github.com/docker/buildx/releases/download';

/** Problems the user can act on: one `::error::` line, no stack trace. */
function fail(message: string): void {
  core.setFailed(`buildkit-cache-action: ${message}`);
}

/** Local caches are read from folders; a folder not written yet is a normal miss, not an error. */
function dropMissingLocalSources(p: CachePlan): void {
  const missing = (entry: string) => {
    const m = /(?:^|,)src=([^,]+)/.exec(entry);
    return m !== null && entry.startsWith('type=local') && !fs.existsSync(path.join(m[1], 'index.json'));
  };
  for (const read of p.reads) {
    if (read.entry !== '' && missing(read.entry))
      p.notes.push(`${read.ref}: no local cache yet (${read.entry})`);
  }
  p.cacheFrom = p.cacheFrom.filter((e) => !missing(e));
}

/** A matrix leg reads its siblings' registry caches: they are found among the repository's tags. */
async function registrySiblingLegs(options: PlanOptions, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (options.backend !== 'registry' || options.leg === '' || !options.image) return [];
  const listed = await listTags({ image: options.image, dockerConfigDir: env.DOCKER_CONFIG });
  if (listed.tags === null) {
    core.info(`sibling legs not listed (${listed.reason}); reading this leg's caches only`);
    return [];
  }
  return siblingLegsFromTags(listed.tags, options.scope, options.leg);
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

export async function run(exec: Exec = realExec, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = Date.now();
  state.markMainStarted();
  let inputs: Inputs;
  try {
    inputs = readInputs();
  } catch (e) {
    if (e instanceof InputError) return fail(e.message);
    throw e;
  }
  try {
    await runWithInputs(exec, env, inputs, started);
  } catch (e) {
    if (e instanceof BuildxError || e instanceof BuilderError || e instanceof InputError)
      return fail(e.message);
    core.debug((e as Error).stack ?? String(e));
    fail(`unexpected error: ${(e as Error).message ?? String(e)}`);
  }
}

/** Milliseconds a promise took, beside its value. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = Date.now();
  const value = await work();
  return [value, Date.now() - start];
}

async function runWithInputs(
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
  if (!inputs.dryRun) validatePaths(inputs.build, ctx.workspace, fs.existsSync);
  const backend = inputs.cache.backend;

  // 1. The plan: pure rules, fed with the commits git (or the API) found.
  const cachePlan = await core.group('Cache plan', async () => {
    const facts = await gatherFacts(exec, ctx, factsNeeded(classify(ctx)), inputs.githubToken);
    const options = planOptionsFrom(inputs);
    options.siblingLegs = [...options.siblingLegs, ...(await registrySiblingLegs(options, env))];
    const p = plan(ctx, facts, options);
    if (backend === 'local') dropMissingLocalSources(p);
    for (const r of p.reads) core.info(`read  ${r.ref.padEnd(20)} ${r.entry || '(not read)'}  # ${r.why}`);
    for (const w of p.writes) core.info(`write ${w.ref.padEnd(20)} ${w.entry}  # ${w.why}`);
    for (const n of p.notes) core.info(`note: ${n}`);
    return p;
  });
  const outputs = { 'cache-from': cachePlan.cacheFrom.join('\n'), 'cache-to': cachePlan.cacheTo.join('\n') };
  const tokenScopes =
    backend === 'gha' && env.ACTIONS_RUNTIME_TOKEN ? cacheScopesFromToken(env.ACTIONS_RUNTIME_TOKEN) : null;
  if (tokenScopes) {
    core.info(
      `GitHub cache scopes: ${tokenScopes.map((s) => `${s.scope} (${[s.read && 'read', s.write && 'write'].filter(Boolean).join('+')})`).join(', ')}`,
    );
  }
  if (inputs.dryRun) {
    setOutputs({ ...outputs, 'cache-export': 'skipped' });
    const report = buildReport({
      plan: cachePlan,
      backend,
      log: null,
      build: 'not-run',
      tokenScopes,
      exportResult: exportOutcome(cachePlan, null, false, 'dry-run'),
    });
    setOutputs({ 'cache-report': JSON.stringify(report) });
    if (inputs.cache.explain) await writeSummary(report);
    return;
  }
  let skipExport = '';
  if (backend === 'gha') {
    skipExport = ghaUnavailable(env);
    if (skipExport) core.warning(`cache: ${skipExport}. The build runs without the gha cache.`);
  }

  // 2. buildx and the builder.
  const tempDir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'bkca-'));
  state.saveTempDir(tempDir);
  const { buildx, note } = await core.group('Builder', async () => {
    const engine =
      inputs.builder.driver === 'remote'
        ? null
        : await exec('docker', ['version', '--format', '{{.Server.Version}}']);
    if (engine && engine.exitCode !== 0) {
      throw new BuilderError(
        `the Docker engine is not reachable (${lastLine(engine.stderr)}); start Docker or set driver: remote`,
      );
    }
    return ensureBuildx(exec, {
      wanted: inputs.builder.buildxVersion,
      floor: backend === 'gha' ? GHA_MIN_BUILDX : '',
      releasesBase: env.BKCA_BUILDX_RELEASES_URL || RELEASES_BASE,
    });
  });
  if (note) core.info(note);
  state.saveBuildxPath(buildx.path);
  const [builder, builderMs] = await timed(() =>
    core.group('Builder', () =>
      setupBuilder(exec, buildx, {
        builder: inputs.builder,
        tempDir,
        env,
        onCreate: (name) => state.saveBuilderCreated(name, inputs.builder.cleanup),
      }),
    ),
  );

  // 3. The build. The image is built (and pushed) first, with cache imports only; the cache
  //    export runs afterwards as its own invocation, so a failing or hanging cache can never fail
  //    or cancel the image. An inline cache is part of the image, so it stays in the first one.
  const metadataFile = path.join(tempDir, 'metadata.json');
  const iidFile = path.join(tempDir, 'iid');
  const childEnv: NodeJS.ProcessEnv = { ...env, BUILDX_METADATA_WARNINGS: 'true' };
  const secretEnvNames = inputs.build.secrets.map((_, n) => `BKCA_SECRET_${n}`);
  inputs.build.secrets.forEach((s, n) => (childEnv[secretEnvNames[n]] = s.value));
  const host = gitContextHost(inputs.build.context);
  const gitAuthEnv = host && inputs.githubToken ? { host, env: 'BKCA_GIT_AUTH_TOKEN' } : undefined;
  if (gitAuthEnv) childEnv[gitAuthEnv.env] = inputs.githubToken;
  const separateExport =
    cachePlan.cacheTo.length > 0 && !cachePlan.cacheTo.some((e) => e.startsWith('type=inline'));
  const buildInput = {
    build: inputs.build,
    builder: builder.name,
    cacheFrom: cachePlan.cacheFrom,
    cacheTo: separateExport ? [] : cachePlan.cacheTo,
    metadataFile,
    iidFile,
    secretEnvNames,
    gitAuthEnv,
  };
  const runOpts = { stream: true, env: childEnv, cwd: ctx.workspace };
  const buildStart = Date.now();
  let result = await exec(buildx.command, buildx.argv(buildArgs(buildInput)), runOpts);
  if (result.exitCode !== 0 && buildInput.cacheFrom.length > 0 && isBrokenCacheError(result.stderr)) {
    // An index that outlived its blobs (eviction) fails the build instead of missing: build once more without it.
    core.warning(
      `a cache source is broken (${lastLine(result.stderr)}); building again without cache sources`,
    );
    cachePlan.notes.push('a cache source was broken: the build was retried without cache sources');
    buildInput.cacheFrom = [];
    result = await exec(buildx.command, buildx.argv(buildArgs(buildInput)), runOpts);
  }
  const built = result.exitCode === 0;
  const buildMs = Date.now() - buildStart;
  let exportRun: CacheExportRun | null = null;
  const exportStart = Date.now();
  if (built && separateExport && !skipExport) {
    exportRun = await core.group('Cache export', () =>
      runCacheExport(
        exec,
        buildx,
        {
          ...buildInput,
          cacheTo: cachePlan.cacheTo,
          metadataFile: path.join(tempDir, 'export-metadata.json'),
        },
        runOpts,
        inputs.cache.exportTimeoutMs,
      ),
    );
  }

  const exportMs = Date.now() - exportStart;

  // 4. What happened: the build record, read after the build so the live log stays readable.
  const metadataText = fs.existsSync(metadataFile) ? fs.readFileSync(metadataFile, 'utf8') : '';
  const metadata = parseMetadata(metadataText || '{}');
  const ref = metadata.ref ?? (await lastBuildRef(exec, buildx, builder.name, !built));
  const [log, inspected] = ref
    ? await Promise.all([
        readBuildLog(exec, buildx, builder.name, ref),
        exec(buildx.command, buildx.argv(historyInspectArgs(builder.name, ref))),
      ])
    : [null, null];
  const record = inspected?.exitCode === 0 ? parseHistoryInspect(inspected.stdout) : null;
  const exportResult = exportRun
    ? { ...exportOutcome(cachePlan, exportRun.log, built, skipExport), ...exportRun.override }
    : exportOutcome(cachePlan, log, built, skipExport);
  if (exportResult.status === 'failed') core.warning(`cache export failed: ${exportResult.reason}`);
  for (const i of log ? importResults(log) : []) {
    if (i.result === 'failed') core.warning(`cache import from ${i.source} failed: ${i.error}`);
  }
  // The cache manifest is in the metadata of the invocation that exported (see runCacheExport).
  const exportMetadataFile = path.join(tempDir, 'export-metadata.json');
  const cacheManifest =
    metadata.cacheManifest ??
    (fs.existsSync(exportMetadataFile)
      ? parseMetadata(fs.readFileSync(exportMetadataFile, 'utf8')).cacheManifest
      : null);
  const report = buildReport({
    plan: cachePlan,
    backend,
    log,
    build: built ? 'succeeded' : 'failed',
    tokenScopes,
    exportResult,
    record,
    metadata: { ...metadata, cacheManifest },
    exportSizes: exportResult.status === 'ok' ? await measureExports(cachePlan.cacheTo, cacheManifest) : [],
    noCache: inputs.build.noCache,
    timings: { totalMs: Date.now() - started, builderMs, buildMs, exportMs },
  });
  const totals = stepTotals(log?.steps ?? []);
  setOutputs({
    ...outputs,
    builder: builder.name,
    imageid: fs.existsSync(iidFile) ? fs.readFileSync(iidFile, 'utf8').trim() : '',
    digest: metadata.digest,
    metadata: metadataText,
    'cached-steps': String(totals.cached),
    'total-steps': String(totals.total),
    'cache-hit-ratio': totals.ratio.toFixed(2),
    'cache-export': exportResult.status,
    'cache-report': JSON.stringify(report),
  });
  await writeSummary(report);
  // One `::error::` line: the failing step, its Dockerfile line and BuildKit's message.
  if (!built) fail(failureMessage(report.error, lastLine(result.stderr)));
}

/** BuildKit's words for an imported cache whose blobs are gone (evicted, deleted). */
export function isBrokenCacheError(stderr: string): boolean {
  return /(blob|content|digest)[^\n]*not found|failed to (get|fetch|copy)[^\n]*blob|unexpected status[^\n]*404/i.test(
    stderr,
  );
}

interface CacheExportRun {
  log: BuildLog | null;
  /** Set when the export invocation itself failed or was ended by the watchdog. */
  override?: { status: 'failed'; reason: string };
}

async function runCacheExport(
  exec: Exec,
  buildx: Buildx,
  input: Parameters<typeof cacheExportArgs>[0],
  runOpts: { stream: boolean; env: NodeJS.ProcessEnv; cwd: string },
  timeoutMs: number,
): Promise<CacheExportRun> {
  const started = Date.now();
  const run = await exec(buildx.command, buildx.argv(cacheExportArgs(input)), {
    ...runOpts,
    timeoutMs: timeoutMs > 0 ? timeoutMs : undefined,
  });
  const text = fs.existsSync(input.metadataFile) ? fs.readFileSync(input.metadataFile, 'utf8') : '{}';
  const ref = parseMetadata(text).ref;
  const log = ref ? await readBuildLog(exec, buildx, input.builder, ref) : null;
  if (run.timedOut) {
    const s = Math.round(timeoutMs / 1000);
    return { log, override: { status: 'failed', reason: `timed out after ${s}s (cache-export-timeout)` } };
  }
  if (run.exitCode !== 0) {
    return { log, override: { status: 'failed', reason: lastLine(run.stderr) } };
  }
  core.debug(`cache export took ${Date.now() - started} ms`);
  return { log };
}

async function readBuildLog(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  ref: string,
): Promise<BuildLog | null> {
  const logs = await exec(buildx.command, buildx.argv(historyLogsArgs(builder, ref)));
  if (logs.exitCode !== 0) {
    core.warning(`could not read the build record ${ref}: ${lastLine(logs.stderr)}`);
    return null;
  }
  // buildx writes the rawjson stream to stderr or stdout depending on its version.
  return parseRawJsonLog(`${logs.stdout}\n${logs.stderr}`);
}

/**
 * When the build failed before writing metadata, the newest record is this build's. On a shared
 * builder a concurrent build can be newer: after a failure, only failed records are candidates.
 */
async function lastBuildRef(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  failed: boolean,
): Promise<string | null> {
  const args = ['buildx', 'history', 'ls', '--builder', builder, '--format', '{{.Ref}}'];
  let ls = await exec(buildx.command, buildx.argv(failed ? [...args, '--filter', 'status=error'] : args));
  if (ls.exitCode !== 0 && failed) ls = await exec(buildx.command, buildx.argv(args));
  if (ls.exitCode !== 0) return null;
  const first = ls.stdout.trim().split('\n')[0]?.trim() ?? '';
  return first === '' ? null : (first.split('/').pop() ?? null);
}

async function writeSummary(report: CacheReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(renderSummary(report), true).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}
