import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BASE_IMAGE, REGISTRY, engineEnv, freshRunner, run } from '../__tests__/e2e/support';
import { startGhaCacheService, type GhaCacheService } from '../test-services/gha-cache';
import {
  BASELINE_CONFIG_IDS,
  CONFIG_IDS,
  type Config,
  type ConfigId,
  makeConfigs,
  OPT_IN_CONFIG_IDS,
  PERSISTENT_CONFIG_IDS,
} from './configs';
import { persistentExportsByClass, persistentTable } from './persistent';
import { extraCaCertsCostMs, readDockerLog, registryStorage, shimCostMs, writeDockerShim } from './measure';
import {
  type IdealRun,
  type Sleeps,
  type StepName,
  LEGS,
  dockerfile,
  ideal,
  providers,
  secondsOf,
  workOf,
} from './model';
import {
  type JobResult,
  type JobTimings,
  type NewEntries,
  type Storage,
  aggregate,
  entriesTable,
  goals,
  render,
  renderMarkdown,
  renderTable,
} from './report';
import { type MergeConfigId, MERGE_CONFIG_IDS, runMergeScenario } from './merge';
import { runMountScenario } from './mounts';
import { type BenchEvent, type CleanupEvent, FULL, QUICK, type RunSpec, Repo, Timeline } from './scenario';

// `npm run bench [-- --quick] [-- --plan] [-- --configs=none,action-gha] [-- --mounts-only]`: replays a generated
// repository's history through the action (dist/index.js, run as a GitHub runner runs it) under
// several cache configurations, and compares the build work each executes with the ideal.

function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'buildkit-cache-action')
      return dir;
    const up = path.dirname(dir);
    if (up === dir)
      throw new Error('cannot find the repository root (package.json of buildkit-cache-action)');
    dir = up;
  }
}
const ROOT = findRoot();
type Runner = typeof import('../scripts/action-runner');
const ENGINE_HOME = process.env.ENGINE_HOME || '/opt/bkca-engine';
const WORK = path.join(ROOT, 'bench', 'work');

interface Options {
  quick: boolean;
  plan: boolean;
  probe: boolean;
  configs: ConfigId[];
  verbose: boolean;
  out: string;
  /** The cache-mount scenario (bench/mounts.ts): after the replay, instead of it, or not at all. */
  mounts: 'after' | 'only' | 'skip';
  /** The multi-platform round (bench/merge.ts): after the replay (and the mounts), alone, or not at all. */
  merge: 'after' | 'only' | 'skip';
  /** Its configurations: those of `--configs=` it has, else its defaults. */
  mergeConfigs: MergeConfigId[];
  /** Another copy of the action (dist/, action.yml, scripts/action-runner.js), for the baseline-* configs. */
  baseline: string;
}

const QUICK_CONFIGS: ConfigId[] = ['none', 'bpa-gha', 'single-tag', 'action-gha', 'action-registry'];

function parseArgs(argv: string[]): Options {
  const o: Options = {
    quick: false,
    plan: false,
    probe: true,
    configs: [],
    verbose: false,
    out: path.join(ROOT, 'bench', 'results.json'),
    mounts: 'after',
    merge: 'after',
    mergeConfigs: [],
    baseline: '',
  };
  let probe: boolean | undefined;
  for (const a of argv) {
    if (a === '--quick') o.quick = true;
    else if (a === '--plan') o.plan = true;
    else if (a === '--probe') probe = true;
    else if (a === '--no-probe') probe = false;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--mounts-only') o.mounts = 'only';
    else if (a === '--no-mounts') o.mounts = 'skip';
    else if (a === '--merge-only') o.merge = 'only';
    else if (a === '--no-merge') o.merge = 'skip';
    else if (a.startsWith('--configs=')) o.configs = a.slice('--configs='.length).split(',') as ConfigId[];
    else if (a.startsWith('--out=')) o.out = path.resolve(a.slice('--out='.length));
    else if (a.startsWith('--baseline=')) o.baseline = path.resolve(a.slice('--baseline='.length));
    else if (a === '--help' || a === '-h') {
      console.log(
        'npm run bench -- [--quick] [--plan] [--probe|--no-probe] [--configs=' +
          CONFIG_IDS.join(',') +
          '] [--mounts-only|--no-mounts] [--merge-only|--no-merge] [--out=file] [--verbose] [--baseline=DIR --configs=…,baseline-gha,baseline-registry]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  if (o.mounts === 'only' && o.merge === 'only') throw new Error('--mounts-only and --merge-only: pick one');
  const named = MERGE_CONFIG_IDS.filter((c) => (o.configs as string[]).includes(c));
  o.mergeConfigs = named.length > 0 ? named : o.quick ? ['action-gha'] : MERGE_CONFIG_IDS;
  if (o.mounts === 'only') o.merge = 'skip';
  if (o.merge === 'only') o.mounts = 'skip';
  if (o.mounts === 'only' || o.merge === 'only') o.configs = [];
  else if (o.configs.length === 0) o.configs = o.quick ? QUICK_CONFIGS : CONFIG_IDS;
  // Probing matrix legs alone doubles their jobs: on by default, off for --quick (time budget).
  o.probe = probe ?? !o.quick;
  const bad = o.configs.filter((c) => !CONFIG_IDS.includes(c) && !OPT_IN_CONFIG_IDS.includes(c));
  if (bad.length > 0)
    throw new Error(`unknown configuration ${bad.join(', ')} (known: ${CONFIG_IDS.join(', ')})`);
  const persistent = o.configs.filter((c) => PERSISTENT_CONFIG_IDS.includes(c));
  if (persistent.length > 0 && persistent.length < o.configs.length) {
    throw new Error(
      `${persistent.join(', ')} keep the engine's builder between jobs: run them without the others, which prune it`,
    );
  }
  const baselines = o.configs.filter((c) => BASELINE_CONFIG_IDS.includes(c));
  if (baselines.length > 0 && !o.baseline) throw new Error(`${baselines.join(', ')} need --baseline=DIR`);
  if (o.baseline && !fs.existsSync(path.join(o.baseline, 'scripts', 'action-runner.js'))) {
    throw new Error(
      `--baseline=${o.baseline}: no scripts/action-runner.js there (git archive REV dist action.yml scripts)`,
    );
  }
  return o;
}

const log = (msg: string) => console.log(msg);
const secs = (ms: number) => (ms / 1000).toFixed(1);

async function ensureEngine(): Promise<void> {
  const up = async () =>
    (await run('docker', ['info', '--format', '{{.ServerVersion}}'])).code === 0 &&
    (await fetch(`http://${REGISTRY}/v2/`)
      .then((r) => r.ok)
      .catch(() => false));
  if (await up()) return;
  log('The engine or the registry is down: bash scripts/provision-engine.sh …');
  const p = await run('bash', [path.join(ROOT, 'scripts', 'provision-engine.sh')]);
  if (p.code !== 0 || !(await up())) {
    throw new Error(`no engine after provisioning (exit ${p.code}): ${p.stderr.slice(-2000)}`);
  }
}

interface Report {
  steps: { list: { step: string; stage: string; status: string; seconds: number; instruction?: string }[] };
  export: { status: string; reason: string; seconds: number };
  imports: { source: string; result: string }[];
  plan: { reads: { ref: string; entry: string }[]; writes: { ref: string; entry: string }[] };
  timings?: { totalMs?: number; builderMs?: number; buildMs?: number; exportMs?: number };
}

/** Which modelled step a report step is: by the file its RUN writes (robust to stage naming). */
function stepName(text: string): StepName | null {
  if (!/^RUN\b/.test(text)) return null;
  if (text.includes('/base.bin')) return 'base';
  if (text.includes('/app/deps.bin')) return 'deps';
  if (text.includes('/app/app.bin')) return 'build';
  const leg = /\/app\/(leg-[a-d])\.bin/.exec(text);
  return leg ? (leg[1] as StepName) : null;
}

class Bench {
  readonly nonce = randomBytes(3).toString('hex');
  readonly sleeps: Sleeps;
  readonly kib: number;
  readonly configs: Config[];
  readonly services = new Map<ConfigId, GhaCacheService>();
  readonly jobs: JobResult[] = [];
  readonly history: IdealRun[] = [];
  readonly events: BenchEvent[] = [];
  readonly cleanups: { id: string; title: string; config: ConfigId; deleted: string[]; ms: number }[] = [];
  readonly failures: string[] = [];
  readonly anomalies: string[] = [];
  /** New GitHub cache entries each event made, per gha configuration (GitHub allows 200 a minute). */
  readonly newEntries: NewEntries[] = [];
  shimDir = '';
  shimCost = 0;
  extraCaCerts: { file: string; ms: number } | null = null;
  pathEnv = '';
  dockerLogs = '';
  repo!: Repo;
  runner!: Runner;
  /** The `--baseline` copy's harness, for the baseline-* configurations. */
  baselineRunner: Runner | null = null;
  action: { distSha256: string; gitHead: string; distModified: boolean } | null = null;
  pruneMs = 0;

  constructor(readonly o: Options) {
    this.sleeps = o.quick ? { base: 1, deps: 1, build: 1, leg: 1 } : { base: 1, deps: 2, build: 2, leg: 1 };
    this.kib = o.quick ? 64 : 256;
    this.configs = makeConfigs(REGISTRY, this.nonce).filter((c) => o.configs.includes(c.id));
  }

  async setup(): Promise<void> {
    fs.mkdirSync(WORK, { recursive: true });
    // Keep the docker call logs of the last few runs only.
    const old = fs
      .readdirSync(WORK)
      .filter((d) => d.startsWith('run-'))
      .map((d) => path.join(WORK, d))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
      .slice(2);
    for (const d of old) fs.rmSync(d, { recursive: true, force: true });
    const runDir = fs.mkdtempSync(path.join(WORK, 'run-'));
    this.dockerLogs = path.join(runDir, 'docker-logs');
    fs.mkdirSync(this.dockerLogs);
    this.action = await this.snapshotAction(path.join(runDir, 'action'));
    if (this.o.baseline) this.baselineRunner = this.snapshotBaseline(path.join(runDir, 'baseline'));
    if (!this.o.plan) {
      await ensureEngine();
      const engine = engineEnv();
      const enginePath = engine.PATH ?? process.env.PATH ?? '';
      const which = await run('bash', ['-c', 'command -v docker'], { env: { PATH: enginePath } });
      const realDocker = which.stdout.trim();
      if (!realDocker) throw new Error('docker is not on PATH');
      this.shimDir = path.join(runDir, 'bin');
      const shim = writeDockerShim(this.shimDir, realDocker);
      this.pathEnv = `${this.shimDir}:${enginePath}`;
      this.shimCost = await shimCostMs(shim, realDocker, { PATH: enginePath });
      this.extraCaCerts = await extraCaCertsCostMs();
      for (const c of this.configs.filter((x) => x.gha))
        this.services.set(c.id, await startGhaCacheService());
    }
    const df = dockerfile({ baseImage: BASE_IMAGE, nonce: this.nonce, sleeps: this.sleeps, kib: this.kib });
    this.repo = await Repo.create(Timeline.initialFiles(df));
    if (!this.o.plan) await this.smokeTest();
  }

  /**
   * The action under test is a copy of dist/ (with action.yml and the runner harness) taken now:
   * other work may rebuild dist/ while a long run goes on, and every job must run the same action.
   */
  async snapshotAction(dir: string): Promise<NonNullable<Bench['action']>> {
    fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(dir, 'action.yml'));
    fs.copyFileSync(
      path.join(ROOT, 'scripts', 'action-runner.js'),
      path.join(dir, 'scripts', 'action-runner.js'),
    );
    this.runner = require(path.join(dir, 'scripts', 'action-runner.js')) as Runner;
    const distSha256 = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, 'dist', 'main', 'index.js')))
      .update(fs.readFileSync(path.join(dir, 'dist', 'post', 'index.js')))
      .digest('hex');
    const head = await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
    const status = await run('git', ['status', '--porcelain', '--', 'dist', 'src'], { cwd: ROOT });
    return { distSha256, gitHead: head.stdout.trim(), distModified: status.stdout.trim() !== '' };
  }

  /** The `--baseline` copy, taken now like the action under test: before and after in one run. */
  snapshotBaseline(dir: string): Runner {
    for (const part of ['dist', 'action.yml', 'scripts/action-runner.js']) {
      fs.mkdirSync(path.dirname(path.join(dir, part)), { recursive: true });
      fs.cpSync(path.join(this.o.baseline, part), path.join(dir, part), { recursive: true });
    }
    return require(path.join(dir, 'scripts', 'action-runner.js')) as Runner;
  }

  /** A dry run of the snapshot: a broken bundle stops the benchmark before any build. */
  async smokeTest(): Promise<void> {
    const sha = await this.repo.rev('HEAD');
    const fetch = { ref: 'refs/heads/main', local: 'refs/remotes/origin/main', branch: 'main' };
    const ws = await this.repo.checkout(fetch, sha);
    const r = await this.runner.runStep({
      inputs: { driver: 'docker', cache: 'none', 'dry-run': 'true' },
      event: {
        name: 'push',
        ref: 'refs/heads/main',
        sha,
        payload: { repository: { default_branch: 'main' } },
      },
      workspace: ws,
      env: { ...engineEnv(), PATH: this.pathEnv },
    });
    fs.rmSync(ws, { recursive: true, force: true });
    if (r.exitCode !== 0 || !r.outputs['cache-report']) {
      throw new Error(
        `the action (dist/index.js) fails a dry run (exit ${r.exitCode}):\n${r.log.slice(-3000)}`,
      );
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.stop().catch(() => undefined)));
    this.services.clear();
    if (this.repo) fs.rmSync(this.repo.root, { recursive: true, force: true });
  }

  idealRun(ev: BenchEvent, r: RunSpec): IdealRun {
    return { id: r.id, event: ev.index, snap: r.snap, target: r.target, token: r.token, fork: r.fork };
  }

  /**
   * Main, then post, of the action for one job as a runner runs them: the job's runtime token for
   * its gha service (if any), the docker log shim on PATH. The caller gives it a fresh runner.
   */
  async runAction(
    svc: GhaCacheService | undefined,
    jobInputs: Record<string, string>,
    r: RunSpec,
    workspace: string,
    dockerLog: string,
    envOf?: (env: Record<string, string>) => Record<string, string>,
    runner: Runner = this.runner,
  ) {
    const jobEnv: Record<string, string> = {
      ...engineEnv(),
      PATH: this.pathEnv,
      BENCH_DOCKER_LOG: dockerLog,
      // This machine's proxy CA bundle, which a GitHub runner does not set (see extraCaCertsCostMs).
      NODE_EXTRA_CA_CERTS: '',
      ...(svc ? svc.env(svc.mintToken({ scopes: r.token })) : {}),
      // GitHub's REST API for the caches (retention, quota): the service's endpoints.
      ...(svc ? { GITHUB_API_URL: svc.apiUrl } : {}),
    };
    const inputs: Record<string, string> = {
      driver: 'docker',
      // The checkout, as the benchmark's jobs build it (unset, the action builds the run's Git context).
      context: '.',
      ...(svc ? { 'github-token': svc.githubToken } : {}),
      ...jobInputs,
    };
    const env = envOf ? envOf(jobEnv) : jobEnv;
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-bench-runner-'));
    const step = { inputs, event: r.event, workspace, env, runnerTemp, echo: this.o.verbose };
    const t0 = performance.now();
    const main = await runner.runStep({ ...step, step: 'main' });
    const t1 = performance.now();
    const post = await runner.runStep({ ...step, step: 'post', state: main.state });
    const t2 = performance.now();
    fs.rmSync(runnerTemp, { recursive: true, force: true });
    return { main, post, mainMs: t1 - t0, postMs: t2 - t1 };
  }

  /**
   * One job: main, then post. `probe`: the same reads with every write switched off (a matrix leg
   * alone on a fresh engine, as on its own runner). `shared`: a leg running next to its siblings.
   */
  async job(
    c: Config,
    ev: BenchEvent,
    r: RunSpec,
    workspace: string,
    mode: 'alone' | 'probe' | 'shared' = 'alone',
  ): Promise<JobResult> {
    const me = this.idealRun(ev, r);
    const idealResult = ideal(c.ideal, this.history, me, this.sleeps);
    const dockerLog = path.join(
      this.dockerLogs,
      `${ev.id}-${c.id}-${r.target || 'app'}${mode === 'probe' ? '-probe' : ''}.log`,
    );
    const svc = this.services.get(c.id);
    const inputs: Record<string, string> = { ...c.inputs(r) };
    if (r.target) inputs.target = r.target;
    if (mode === 'probe') {
      inputs['cache-to'] = '';
      inputs['cache-write'] = 'never';
    }
    const runner = c.baseline ? this.baselineRunner! : this.runner;
    const { main, post, mainMs, postMs } = await this.runAction(
      svc,
      inputs,
      r,
      workspace,
      dockerLog,
      c.env,
      runner,
    );

    const base = {
      run: r.id,
      event: ev.id,
      cls: ev.cls,
      config: c.id,
      target: r.target,
      exitCode: main.exitCode,
      postExitCode: post.exitCode,
      ideal: idealResult,
    };
    let report: Report | null = null;
    try {
      report = JSON.parse(main.outputs['cache-report'] ?? '') as Report;
    } catch {
      report = null;
    }
    const calls = readDockerLog(dockerLog);
    const sum = (kind: string) =>
      calls.filter((x) => x.kind === kind).reduce((a, x) => a + (x.endMs - x.startMs), 0);
    const rt = report?.timings;
    const fromReport = rt !== undefined && typeof rt.buildMs === 'number';
    const builderMs = fromReport ? (rt.builderMs ?? 0) : sum('builder');
    const buildMs = fromReport ? (rt.buildMs ?? 0) : sum('build');
    const exportMs = fromReport ? (rt.exportMs ?? 0) : sum('export');
    const wallMs = mainMs + postMs;
    const shimCalls = fromReport
      ? calls.filter((x) => !['builder', 'build', 'export'].includes(x.kind)).length
      : calls.length;
    const timings: JobTimings = {
      mainMs,
      postMs,
      wallMs,
      builderMs,
      buildMs,
      exportMs,
      historyMs: sum('history'),
      otherDockerMs: sum('other'),
      dockerCalls: calls.length,
      overheadMs: wallMs - builderMs - buildMs - exportMs - this.shimCost * shimCalls,
      source: fromReport ? 'report' : 'shim',
    };
    const list = report?.steps?.list ?? [];
    const status = new Map<StepName, string>();
    let measured = 0;
    for (const s of list) {
      const name = stepName(s.step);
      if (!name) continue;
      const ran = s.status === 'executed' || s.status === 'failed';
      if (ran) measured += s.seconds;
      if (!status.has(name) || ran) status.set(name, s.status);
    }
    const executed = [...status.entries()]
      .filter(([, s]) => s === 'executed' || s === 'failed')
      .map(([n]) => n);
    const result: JobResult = {
      ...base,
      executed,
      work: workOf(executed, this.sleeps),
      measuredRunSeconds: Math.round(measured * 10) / 10,
      lost: executed.filter((s) => !idealResult.steps.includes(s)),
      lostFrom: Object.fromEntries(
        executed
          .filter((s) => !idealResult.steps.includes(s))
          .map((s) => [s, providers(c.ideal, this.history, me, s, this.sleeps)]),
      ),
      unexpectedHits: idealResult.steps.filter((s) => !executed.includes(s)),
      cachedSteps: Number(main.outputs['cached-steps'] ?? NaN),
      totalSteps: Number(main.outputs['total-steps'] ?? NaN),
      cacheExport: main.outputs['cache-export'] ?? '',
      exportReason: report?.export?.reason ?? '',
      exportSeconds: report?.export?.seconds ?? 0,
      imports: (report?.imports ?? []).map((i) => ({ source: i.source, result: i.result })),
      cacheFrom: (main.outputs['cache-from'] ?? '').split('\n').filter(Boolean),
      cacheTo: (main.outputs['cache-to'] ?? '').split('\n').filter(Boolean),
      planReads: (report?.plan?.reads ?? []).map((x) => ({ ref: x.ref, entry: x.entry })),
      planWrites: (report?.plan?.writes ?? []).map((x) => ({ ref: x.ref, entry: x.entry })),
      steps: list.map((s) => ({ step: s.step, stage: s.stage, status: s.status, seconds: s.seconds })),
      timings,
      reportTimings: rt ? (rt as Record<string, number>) : null,
    };
    const problems: string[] = [];
    if (main.exitCode !== 0) problems.push(`main exited ${main.exitCode}`);
    if (post.exitCode !== 0) problems.push(`post exited ${post.exitCode}`);
    if (!report) problems.push('no cache-report output');
    else if (status.size === 0) problems.push('no RUN step of the generated Dockerfile in the cache-report');
    if (problems.length > 0) {
      result.error = `${problems.join('; ')}\n${main.log.split('\n').slice(-25).join('\n')}`;
      this.failures.push(`${r.id} ${c.id}: ${problems.join('; ')}`);
    }
    if (result.cacheExport === 'failed')
      this.anomalies.push(`${r.id} ${c.id}: cache export failed (${result.exportReason})`);
    if (result.unexpectedHits.length > 0 && mode !== 'shared') {
      this.anomalies.push(
        `${r.id} ${c.id}: ${result.unexpectedHits.join(', ')} cached although no earlier build it could read had ${
          result.unexpectedHits.length > 1 ? 'them' : 'it'
        } (shared engine: a concurrent job's step, or a disturbed run)`,
      );
    }
    return result;
  }

  async fresh(): Promise<void> {
    const t = performance.now();
    await freshRunner();
    this.pruneMs += performance.now() - t;
  }

  /**
   * One event under one configuration: fresh runners, then the event's jobs (concurrently).
   *
   * Concurrent jobs share this machine's one BuildKit: one solver and one local cache, where a
   * step one leg runs is seen as run (or as cached) by a sibling that needs it at the same time,
   * and one leg's imports serve the others. On GitHub each leg has its own runner. So with
   * probes on, each leg first runs alone on a fresh engine with its writes switched off (it reads
   * exactly what it would read on its own runner): its work is the leg's work. Then the legs run
   * concurrently, as GitHub runs them, for their writes (racing on shared destinations) and timings.
   */
  async eventFor(c: Config, ev: BenchEvent): Promise<JobResult[]> {
    if (c.persistent) return this.persistentEvent(c, ev);
    let probes: JobResult[] | null = null;
    if (ev.runs.length > 1 && this.o.probe) {
      probes = [];
      for (const r of ev.runs) {
        await this.fresh();
        const ws = await this.repo.checkout(r.fetch, r.event.sha);
        probes.push(await this.job(c, ev, r, ws, 'probe'));
        fs.rmSync(ws, { recursive: true, force: true });
      }
    }
    await this.fresh();
    const workspaces: string[] = [];
    for (const r of ev.runs) workspaces.push(await this.repo.checkout(r.fetch, r.event.sha));
    const mode = probes ? 'shared' : 'alone';
    const results = await Promise.all(ev.runs.map((r, i) => this.job(c, ev, r, workspaces[i], mode)));
    for (const w of workspaces) fs.rmSync(w, { recursive: true, force: true });
    if (!probes) return results;
    return results.map((shared, i) => {
      const p = (probes as JobResult[])[i];
      return {
        ...shared,
        executed: p.executed,
        work: p.work,
        measuredRunSeconds: p.measuredRunSeconds,
        lost: p.lost,
        lostFrom: p.lostFrom,
        unexpectedHits: p.unexpectedHits,
        imports: p.imports,
        steps: p.steps,
        sharedEngine: { executed: shared.executed, work: shared.work, steps: shared.steps },
      };
    });
  }

  /** The persistent configurations' builder was pruned once, before their first job. */
  persistentStarted = false;

  /**
   * One event on a builder that keeps its state (issue 31): pruned once before the first job, never
   * after; each job in the one work folder a self-hosted runner keeps for it (per configuration and
   * target); matrix legs run together on it, as a runner's jobs share its engine.
   */
  async persistentEvent(c: Config, ev: BenchEvent): Promise<JobResult[]> {
    if (!this.persistentStarted) {
      await this.fresh();
      this.persistentStarted = true;
    }
    const workspaces: string[] = [];
    for (const r of ev.runs) {
      const at = path.join(this.repo.root, `ws-${c.id}${r.target ? `-${r.target}` : ''}`);
      workspaces.push(await this.repo.checkout(r.fetch, r.event.sha, at));
    }
    return Promise.all(ev.runs.map((r, i) => this.job(c, ev, r, workspaces[i], 'alone')));
  }

  planOnly(ev: BenchEvent): void {
    for (const r of ev.runs) {
      const me = this.idealRun(ev, r);
      const g = ideal('gha', this.history, me, this.sleeps);
      const reg = ideal('registry', this.history, me, this.sleeps);
      const kept = ideal('persistent', this.history, me, this.sleeps);
      log(
        `  ${r.id.padEnd(9)} ideal gha ${String(g.work).padStart(2)}s [${g.steps.join(',')}] (reads ${g.readable.join(' ') || '-'})` +
          `  registry ${String(reg.work).padStart(2)}s [${reg.steps.join(',')}]` +
          `  persistent ${String(kept.work).padStart(2)}s [${kept.steps.join(',')}]`,
      );
    }
  }

  /**
   * A clean-up run (a pull request closed, a branch deleted) under each configuration that cleans
   * up: the action deletes the ref's caches and builds nothing. The others leave caches behind, as
   * their setups do.
   */
  async cleanupFor(ev: CleanupEvent): Promise<void> {
    // The baseline copy cleans up too, so that storage compares like for like.
    for (const c of this.configs.filter((x) => x.subject || x.baseline)) {
      const svc = this.services.get(c.id);
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-bench-cleanup-'));
      const t = performance.now();
      const runner = c.baseline ? this.baselineRunner! : this.runner;
      const main = await runner.runStep({
        inputs: {
          driver: 'docker',
          ...(svc ? { 'github-token': svc.githubToken } : {}),
          ...c.inputs({} as RunSpec),
        },
        event: ev.event,
        workspace,
        env: {
          ...engineEnv(),
          PATH: this.pathEnv,
          NODE_EXTRA_CA_CERTS: '',
          ...(svc ? { GITHUB_API_URL: svc.apiUrl } : {}),
        },
        echo: this.o.verbose,
        step: 'main',
      });
      fs.rmSync(workspace, { recursive: true, force: true });
      let deleted: string[] = [];
      try {
        const report = JSON.parse(main.outputs['cache-report'] ?? '') as {
          cleanup?: { deleted: { name: string }[] };
        };
        deleted = (report.cleanup?.deleted ?? []).map((d) => d.name);
      } catch {
        this.failures.push(`${ev.id} ${c.id}: no cache-report from the clean-up run`);
      }
      const warnings = main.log.split('\n').filter((l) => l.startsWith('::warning::'));
      if (main.exitCode !== 0) this.failures.push(`${ev.id} ${c.id}: clean-up exited ${main.exitCode}`);
      for (const w of warnings) this.anomalies.push(`${ev.id} ${c.id}: ${w}`);
      this.cleanups.push({
        id: ev.id,
        title: ev.title,
        config: c.id,
        deleted,
        ms: Math.round(performance.now() - t),
      });
      log(
        `  ${c.id.padEnd(16)} deleted ${deleted.length > 0 ? deleted.join(', ') : 'nothing'}  ${secs(performance.now() - t).padStart(5)}s`,
      );
    }
  }

  async replay(): Promise<void> {
    const steps = this.o.quick ? QUICK : FULL;
    const timeline = new Timeline(this.repo);
    for (const step of steps) {
      const next = await step(timeline);
      if ('cleanup' in next) {
        log(`\n${next.id} clean-up      ${next.title}`);
        if (!this.o.plan) await this.cleanupFor(next);
        continue;
      }
      const ev = next;
      this.events.push(ev);
      const jobsN = ev.runs.length;
      log(`\n${ev.id} ${ev.cls.padEnd(12)} ${ev.title}${jobsN > 1 ? ` [${jobsN} jobs]` : ''}`);
      if (this.o.plan) {
        this.planOnly(ev);
      } else {
        for (const c of this.configs) {
          const t = performance.now();
          const since = Date.now();
          const results = await this.eventFor(c, ev);
          const svc = this.services.get(c.id);
          const created = svc ? svc.entries().filter((e) => e.createdAt.getTime() >= since).length : null;
          if (created !== null)
            this.newEntries.push({ event: ev.id, cls: ev.cls, config: c.id, entries: created });
          this.jobs.push(...results);
          const work = results.reduce((a, j) => a + j.work, 0);
          const idealWork = results.reduce((a, j) => a + j.ideal.work, 0);
          const lost = [...new Set(results.flatMap((j) => j.lost))];
          const shared = results.some((j) => j.sharedEngine)
            ? ` (legs together: ${results.reduce((a, j) => a + (j.sharedEngine?.work ?? 0), 0)}s)`
            : '';
          const over = results.map((j) => Math.round(j.timings.overheadMs));
          log(
            `  ${c.id.padEnd(16)} work ${String(work).padStart(3)}s${shared} ideal ${String(idealWork).padStart(3)}s` +
              `  ${secs(performance.now() - t).padStart(5)}s  overhead ${over.join('/')} ms` +
              `  export ${results.map((j) => j.cacheExport || '-').join('/')}` +
              (created !== null ? `  new entries ${created}` : '') +
              (lost.length > 0 ? `  lost: ${lost.join(',')}` : '') +
              (results.some((j) => j.error) ? '  FAILED' : ''),
          );
          for (const j of results.filter((x) => x.error)) log(j.error ?? '');
        }
        if (this.failures.length >= 3) throw new Error(`the harness broke: ${this.failures.join('; ')}`);
      }
      for (const r of ev.runs) this.history.push(this.idealRun(ev, r));
    }
  }

  async storage(): Promise<Storage[]> {
    const out: Storage[] = [];
    for (const c of this.configs) {
      const svc = this.services.get(c.id);
      if (svc) {
        const entries = svc.entries();
        out.push({
          config: c.id,
          kind: 'gha',
          bytes: entries.reduce((a, e) => a + e.size, 0),
          writtenBytes: null,
          items: entries.length,
        });
      } else if (c.repository) {
        const repo = c.repository.slice(REGISTRY.length + 1);
        const s = await registryStorage(REGISTRY, repo, path.join(ENGINE_HOME, 'registry', 'data'));
        out.push({
          config: c.id,
          kind: 'registry',
          bytes: s.liveBytes,
          writtenBytes: s.writtenBytes,
          items: s.tags,
          registry: s,
        });
      } else {
        out.push({ config: c.id, kind: 'none', bytes: 0, writtenBytes: null, items: 0 });
      }
    }
    return out;
  }
}

async function versions(): Promise<Record<string, string>> {
  const out = async (cmd: string, args: string[]) =>
    (await run(cmd, args)).stdout.trim().split('\n')[0] ?? '';
  return {
    node: process.version,
    docker: await out('docker', ['version', '--format', '{{.Server.Version}}']),
    buildx: await out('docker', ['buildx', 'version']),
  };
}

async function writeJson(file: string, data: unknown): Promise<void> {
  let text = `${JSON.stringify(data, null, 2)}\n`;
  try {
    const prettier = require('prettier') as {
      format(src: string, o: object): Promise<string>;
      resolveConfig(f: string): Promise<object | null>;
    };
    text = await prettier.format(text, { ...((await prettier.resolveConfig(file)) ?? {}), parser: 'json' });
  } catch {
    // unformatted JSON is still JSON
  }
  fs.writeFileSync(file, text);
}

/** What every results file starts with: the run, the machine, the action measured. */
async function resultsHead(bench: Bench, o: Options, durationS: number) {
  return {
    version: 1,
    date: new Date().toISOString(),
    mode: o.quick ? 'quick' : 'full',
    durationSeconds: Math.round(durationS),
    machine: {
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      ...(await versions()),
    },
    nonce: bench.nonce,
    action: bench.action,
  };
}

/** `--mounts-only` or `--merge-only`: that scenario alone, in a results file with its field alone. */
async function scenarioOnly(bench: Bench, o: Options, started: number): Promise<number> {
  const scenario =
    o.merge === 'only'
      ? { field: 'merge', flag: 'mergeOnly', run: () => mergeScenario(bench, o) }
      : {
          field: 'mounts',
          flag: 'mountsOnly',
          run: () => runMountScenario(bench, { quick: o.quick, plan: o.plan }),
        };
  const result = await scenario.run();
  if (o.plan) return 0;
  const durationS = (Date.now() - started) / 1000;
  const jobs = 'jobs' in result ? result.jobs.length : result.legs.length + result.merges.length;
  log(`\nDone in ${durationS.toFixed(0)} s (${jobs} jobs). Results: ${path.relative(ROOT, o.out)}`);
  await writeJson(o.out, {
    ...(await resultsHead(bench, o, durationS)),
    [scenario.flag]: true,
    extraCaCertsMsPerNodeStart: bench.extraCaCerts?.ms ?? null,
    [scenario.field]: result,
    failures: result.failures,
  });
  if (result.failures.length === 0) return 0;
  console.error(
    `\nThe harness broke (${result.failures.length} failed jobs):\n  ${result.failures.join('\n  ')}`,
  );
  return 1;
}

/** The multi-platform round: probed legs as the replay's matrix (on for the full run, off for --quick). */
const mergeScenario = (bench: Bench, o: Options) =>
  runMergeScenario(bench, { quick: o.quick, plan: o.plan, probe: o.probe, configs: o.mergeConfigs });

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const bench = new Bench(o);
  const onSignal = () => {
    void bench.stop().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await bench.setup();
    log(
      `buildkit-cache-action benchmark (${o.quick ? 'quick' : 'full'}${o.plan ? ', plan only' : ''}), nonce ${bench.nonce}` +
        (o.mounts === 'only' || o.merge === 'only'
          ? `\nthe ${o.merge === 'only' ? 'multi-platform round' : 'cache-mount scenario'} alone`
          : `\nmatrix legs: ${o.probe ? 'work measured with each leg alone (probe), writes by the legs together' : 'work measured with the legs together on one engine (no probe)'}` +
            `\nsleep per RUN: base ${bench.sleeps.base}s, deps ${bench.sleeps.deps}s, build ${bench.sleeps.build}s, leg ${bench.sleeps.leg}s` +
            `\nconfigurations: ${bench.configs.map((c) => c.id).join(', ')}`) +
        (o.plan
          ? ''
          : `\ndocker shim cost ${bench.shimCost.toFixed(1)} ms per call (subtracted from overhead)` +
            (bench.extraCaCerts
              ? `\nNODE_EXTRA_CA_CERTS cleared for the action (a runner does not set it): it costs each node start ${bench.extraCaCerts.ms} ms here`
              : '')),
    );
    if (o.mounts === 'only' || o.merge === 'only') return await scenarioOnly(bench, o, started);
    await bench.replay();
    if (o.plan) {
      if (o.mounts === 'after') await runMountScenario(bench, { quick: o.quick, plan: true });
      if (o.merge === 'after') await mergeScenario(bench, o);
      return 0;
    }

    const storage = await bench.storage();
    const table = aggregate(bench.jobs);
    const goalList = goals(bench.configs, table, storage);
    const events = bench.events.map((e) => ({
      id: e.id,
      cls: e.cls,
      title: e.title,
      jobs: bench.jobs.filter((j) => j.event === e.id),
    }));
    const r = render(bench.configs, table, storage, goalList, events);
    log(`\n=== Per event: executed / ideal seconds of RUN (! = more than ideal, ? = less) ===\n`);
    log(renderTable(r.events.header, r.events.rows, ['l', 'l', 'l']));
    log(`\n=== Work by event class: executed / ideal seconds of RUN, ratio ===\n`);
    log(renderTable(r.work.header, r.work.rows));
    log(`\n=== Time by event class: wall (main+post) s · action overhead median ms · cache export s ===\n`);
    log(renderTable(r.classTime.header, r.classTime.rows));
    log(`\n=== Time and storage ===\n`);
    log(renderTable(r.time.header, r.time.rows));
    if (bench.newEntries.length > 0) {
      const e = entriesTable(bench.newEntries);
      log(`\n=== New GitHub cache entries per event (GitHub allows 200 a minute per repository) ===\n`);
      log(renderTable(e.header, e.rows));
    }
    if (bench.cleanups.length > 0) {
      log(`\n=== Clean-up runs (storage above is after them) ===\n`);
      for (const x of bench.cleanups) {
        log(
          `  ${x.id} ${x.title.padEnd(28)} ${x.config.padEnd(16)} ${x.ms} ms  deleted ${x.deleted.join(', ') || 'nothing'}`,
        );
      }
    }
    const persistentIds = bench.configs.filter((c) => c.persistent).map((c) => c.id);
    const kept =
      persistentIds.length > 0
        ? {
            totals: persistentTable(bench.jobs, persistentIds, storage),
            byClass: persistentExportsByClass(bench.jobs, persistentIds),
          }
        : null;
    if (kept) {
      log(`\n=== Persistent builder: one builder kept between jobs, never pruned (issue 31) ===\n`);
      log(renderTable(kept.totals.header, kept.totals.rows, ['l']));
      log('');
      log(renderTable(kept.byClass.header, kept.byClass.rows, ['l']));
    }
    log(`\n=== Goals ===\n`);
    log(renderTable(r.goals.header, r.goals.rows, ['l', 'l', 'l', 'l', 'l']));
    for (const g of goalList.filter((x) => x.met === false && x.detail))
      log(`  ${g.config}: ${g.goal}: ${g.detail}`);

    const losses = bench.jobs.filter(
      (j) => bench.configs.find((c) => c.id === j.config)?.subject && j.lost.length > 0,
    );
    if (losses.length > 0) {
      log(`\n=== Where the action's defaults executed work an earlier readable build had ===\n`);
      for (const j of losses) {
        const lostS = j.lost.reduce((a, s) => a + secondsOf(s, bench.sleeps), 0);
        log(
          `  ${j.run.padEnd(9)} ${j.cls.padEnd(12)} ${j.config.padEnd(16)} lost ${j.lost
            .map((s) => `${s} (held by ${j.lostFrom[s]?.join(' ') || '?'})`)
            .join(', ')} = ${lostS}s; ` +
            `read ${j.planReads.map((x) => x.ref + (x.entry ? '' : ' (skipped)')).join(', ') || '-'}`,
        );
      }
    }
    if (bench.anomalies.length > 0) {
      log(`\n=== Anomalies ===\n`);
      bench.anomalies.forEach((a) => log(`  ${a}`));
    }
    const mounts =
      o.mounts === 'after' ? await runMountScenario(bench, { quick: o.quick, plan: false }) : null;
    bench.failures.push(...(mounts?.failures ?? []));
    const merge = o.merge === 'after' ? await mergeScenario(bench, o) : null;
    bench.failures.push(...(merge?.failures ?? []));
    const durationS = (Date.now() - started) / 1000;
    log(
      `\nDone in ${durationS.toFixed(0)} s (${bench.jobs.length} jobs; pruning ${secs(bench.pruneMs)} s). ` +
        `Results: ${path.relative(ROOT, o.out)}`,
    );

    await writeJson(o.out, {
      ...(await resultsHead(bench, o, durationS)),
      sleeps: bench.sleeps,
      layerKiB: { base: bench.kib, deps: 4 * bench.kib, build: 2 * bench.kib, leg: bench.kib },
      legs: LEGS,
      shimCostMs: Math.round(bench.shimCost * 10) / 10,
      // Cleared for the action's processes; what it would add to each of main and post.
      extraCaCertsMsPerNodeStart: bench.extraCaCerts?.ms ?? null,
      matrixProbe: o.probe,
      configurations: bench.configs.map((c) => ({
        id: c.id,
        label: c.label,
        ideal: c.ideal,
        subject: c.subject,
        repository: c.repository ?? null,
      })),
      events: bench.events.map((e) => ({
        id: e.id,
        class: e.cls,
        title: e.title,
        runs: e.runs.map((x) => ({
          id: x.id,
          event: x.event.name,
          ref: x.event.ref,
          sha: x.event.sha,
          target: x.target,
          fork: x.fork,
          token: x.token,
          snapshot: x.snap,
        })),
      })),
      jobs: bench.jobs,
      cleanups: bench.cleanups,
      newEntries: bench.newEntries,
      summary: table,
      storage,
      goals: goalList,
      tables: {
        work: renderMarkdown(r.work.header, r.work.rows),
        classTime: renderMarkdown(r.classTime.header, r.classTime.rows),
        time: renderMarkdown(r.time.header, r.time.rows),
        goals: renderMarkdown(r.goals.header, r.goals.rows, 5),
        events: renderMarkdown(r.events.header, r.events.rows, 3),
        ...(kept
          ? {
              persistent: renderMarkdown(kept.totals.header, kept.totals.rows),
              persistentByClass: renderMarkdown(kept.byClass.header, kept.byClass.rows),
            }
          : {}),
      },
      anomalies: bench.anomalies,
      failures: bench.failures,
      // The cache-mount scenario (bench/mounts.ts), null with --no-mounts.
      mounts,
      // The multi-platform round (bench/merge.ts), null with --no-merge.
      merge,
    });
    if (bench.failures.length > 0) {
      console.error(
        `\nThe harness broke (${bench.failures.length} failed jobs):\n  ${bench.failures.join('\n  ')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await bench.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
