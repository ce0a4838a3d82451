import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BASE_IMAGE, REGISTRY, engineEnv, freshRunner, run } from '../__tests__/e2e/support';
import { startGhaCacheService, type GhaCacheService } from '../test-services/gha-cache';
import {
  type ActionSnapshot,
  ensureEngine,
  smokeTest,
  snapshotAction,
  snapshotBaseline,
} from './action-copy';
import { type Config, type ConfigId, makeConfigs } from './configs';
import { type BenchEvent, type CleanupEvent, type RunSpec } from './events';
import { jobResult } from './job-result';
import { extraCaCertsCostMs, shimCostMs, storageOf, writeDockerShim } from './measure';
import { type IdealRun, type Sleeps, dockerfile, ideal } from './model';
import { ENGINE_HOME, type Options, type Runner, WORK, log, secs } from './options';
import type { JobResult, NewEntries, Storage } from './report';
import { Repo } from './repo';
import { FULL, QUICK } from './scenario';
import { Timeline } from './timeline';

// The replay: the generated history's events, one after the other, each under every configuration
// (fresh runners, probes for matrix legs, clean-up runs), and what each job did.

export class Bench {
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
  action: ActionSnapshot | null = null;
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
    const copy = await snapshotAction(path.join(runDir, 'action'));
    this.runner = copy.runner;
    this.action = copy.action;
    if (this.o.baseline)
      this.baselineRunner = snapshotBaseline(this.o.baseline, path.join(runDir, 'baseline'));
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
    if (!this.o.plan) await smokeTest(this.repo, this.runner, this.pathEnv);
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
    const jobEnv = this.jobEnv(svc, {
      BENCH_DOCKER_LOG: dockerLog,
      ...(svc ? svc.env(svc.mintToken({ scopes: r.token })) : {}),
    });
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
    const runner = this.runnerFor(c);
    const { main, post, mainMs, postMs } = await this.runAction(
      svc,
      inputs,
      r,
      workspace,
      dockerLog,
      c.env,
      runner,
    );
    return jobResult({ c, ev, r, me, idealResult, mode, main, post, mainMs, postMs, dockerLog }, this);
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

  /** The harness of the action copy a configuration runs: this checkout's, or `--baseline`'s. */
  private runnerFor(c: Config): Runner {
    return c.baseline ? this.baselineRunner! : this.runner;
  }

  /** A job's environment: the engine's, the shims on PATH, the service's REST API; `extra` on top. */
  private jobEnv(
    svc: GhaCacheService | undefined,
    extra: Record<string, string> = {},
  ): Record<string, string> {
    return {
      ...engineEnv(),
      PATH: this.pathEnv,
      // This machine's proxy CA bundle, which a GitHub runner does not set (see extraCaCertsCostMs).
      NODE_EXTRA_CA_CERTS: '',
      ...extra,
      // GitHub's REST API for the caches (retention, quota): the service's endpoints.
      ...(svc ? { GITHUB_API_URL: svc.apiUrl } : {}),
    };
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
      const runner = this.runnerFor(c);
      const main = await runner.runStep({
        inputs: {
          driver: 'docker',
          ...(svc ? { 'github-token': svc.githubToken } : {}),
          ...c.inputs({} as RunSpec),
        },
        event: ev.event,
        workspace,
        env: this.jobEnv(svc),
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

  /** What each configuration's cache holds now. */
  storage(): Promise<Storage[]> {
    return storageOf(this.configs, this.services, REGISTRY, path.join(ENGINE_HOME, 'registry', 'data'));
  }
}
