import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import { buildArgs, gitContextHost, historyLogsArgs } from './buildx/args';
import { BuilderError, lastLine, setupBuilder } from './buildx/builder';
import { type Buildx, BuildxError, ensureBuildx, GHA_MIN_BUILDX } from './buildx/install';
import { type BuildLog, parseMetadata, parseRawJsonLog, stepTotals } from './buildx/parse';
import { type Exec, exec as realExec } from './exec';
import { readRunContext } from './github/context';
import { cacheScopesFromToken } from './github/runtime-token';
import { InputError, type Inputs, parseInputs } from './inputs';
import { gatherFacts } from './plan/facts';
import { siblingLegsFromTags } from './plan/names';
import { type CachePlan, plan, type PlanOptions, planOptionsFrom } from './plan/plan';
import { listTags } from './registry/tags';
import { classify, factsNeeded } from './plan/rules';
import { setOutputs } from './report/outputs';
import { buildReport, type CacheReport, exportOutcome } from './report/report';
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
  state.markMainStarted();
  let inputs: Inputs;
  try {
    inputs = readInputs();
  } catch (e) {
    if (e instanceof InputError) return fail(e.message);
    throw e;
  }
  try {
    await runWithInputs(exec, env, inputs);
  } catch (e) {
    if (e instanceof BuildxError || e instanceof BuilderError || e instanceof InputError)
      return fail(e.message);
    core.debug((e as Error).stack ?? String(e));
    fail(`unexpected error: ${(e as Error).message ?? String(e)}`);
  }
}

async function runWithInputs(exec: Exec, env: NodeJS.ProcessEnv, inputs: Inputs): Promise<void> {
  for (const secret of [
    env.ACTIONS_RUNTIME_TOKEN,
    inputs.githubToken,
    ...inputs.build.secrets.map((s) => s.value),
  ]) {
    if (secret) core.setSecret(secret);
  }
  const ctx = readRunContext(env);
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
  const builder = await core.group('Builder', () =>
    setupBuilder(exec, buildx, {
      builder: inputs.builder,
      tempDir,
      env,
      onCreate: (name) => state.saveBuilderCreated(name, inputs.builder.cleanup),
    }),
  );

  // 3. The build.
  const metadataFile = path.join(tempDir, 'metadata.json');
  const iidFile = path.join(tempDir, 'iid');
  const childEnv: NodeJS.ProcessEnv = { ...env, BUILDX_METADATA_WARNINGS: 'true' };
  const secretEnvNames = inputs.build.secrets.map((_, n) => `BKCA_SECRET_${n}`);
  inputs.build.secrets.forEach((s, n) => (childEnv[secretEnvNames[n]] = s.value));
  const host = gitContextHost(inputs.build.context);
  const gitAuthEnv = host && inputs.githubToken ? { host, env: 'BKCA_GIT_AUTH_TOKEN' } : undefined;
  if (gitAuthEnv) childEnv[gitAuthEnv.env] = inputs.githubToken;
  const argv = buildArgs({
    build: inputs.build,
    builder: builder.name,
    cacheFrom: cachePlan.cacheFrom,
    cacheTo: cachePlan.cacheTo,
    metadataFile,
    iidFile,
    secretEnvNames,
    gitAuthEnv,
  });
  const result = await exec(buildx.command, buildx.argv(argv), {
    stream: true,
    env: childEnv,
    cwd: ctx.workspace,
  });
  const built = result.exitCode === 0;

  // 4. What happened: the build record, read after the build so the live log stays readable.
  const metadataText = fs.existsSync(metadataFile) ? fs.readFileSync(metadataFile, 'utf8') : '';
  const metadata = parseMetadata(metadataText || '{}');
  const ref = metadata.ref ?? (await lastBuildRef(exec, buildx, builder.name));
  const log = ref ? await readBuildLog(exec, buildx, builder.name, ref) : null;
  const exportResult = exportOutcome(cachePlan, log, built, skipExport);
  if (exportResult.status === 'failed') core.warning(`cache export failed: ${exportResult.reason}`);
  const report = buildReport({
    plan: cachePlan,
    backend,
    log,
    build: built ? 'succeeded' : 'failed',
    tokenScopes,
    exportResult,
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
  if (!built) {
    const failed = log?.steps.find((s) => s.status === 'failed');
    fail(
      failed
        ? `build failed at ${failed.name}: ${failed.error ?? lastLine(result.stderr)}`
        : `docker buildx build failed: ${lastLine(result.stderr)}`,
    );
  }
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

/** When the build failed before writing metadata, the newest record is this build's. */
async function lastBuildRef(exec: Exec, buildx: Buildx, builder: string): Promise<string | null> {
  const ls = await exec(
    buildx.command,
    buildx.argv(['buildx', 'history', 'ls', '--builder', builder, '--format', '{{.Ref}}']),
  );
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
