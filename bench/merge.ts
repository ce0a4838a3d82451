import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_IMAGE, REGISTRY } from '../__tests__/e2e/support';
import { startGhaCacheService, type GhaCacheService } from '../test-services/gha-cache';
import {
  type LegBuild,
  type MergeGoal,
  type MergeIndexJob,
  type MergeLegJob,
  type MergeRoundClass,
  type MergeSleeps,
  MERGE_CLASSES,
  MERGE_PLATFORMS,
  measureLeg,
  mergeDockerfile,
  mergeGoals,
  planRound,
  renderMerge,
} from './merge-model';
import { renderMarkdown, renderTable } from './report';
import type { BenchEvent, RunSpec } from './events';
import { Repo } from './repo';
import { Timeline } from './timeline';
import type { ActionStep, ScenarioHost } from './host';

// The multi-platform round (issue 24): its own repository and short history, run after the main
// replay. Each round is a workflow run: one leg per platform (`merge: leg`), as GitHub starts them
// (at once, each on a fresh runner), then the merge job (`merge: index`), which builds nothing.

interface LegReport {
  build: string;
  steps: { list: { step: string; status: string }[] };
  plan: { reads: { ref: string; entry: string; notRead?: boolean }[] };
  merge?: {
    legs: { platform: string; digest: string }[];
    missing: string[];
    leftTags?: string[];
    digest: string;
  } | null;
}

export type MergeConfigId = 'action-gha' | 'action-registry';
export const MERGE_CONFIG_IDS: MergeConfigId[] = ['action-gha', 'action-registry'];

/** One workflow run: which legs run, and how (`at once`, or one after the other as re-runs). */
interface Round {
  cls: MergeRoundClass;
  step: (t: Timeline) => Promise<BenchEvent>;
  /** Groups of legs started together; a later group is a re-run (the next attempt). */
  groups: string[][];
}

const both = [MERGE_PLATFORMS];

export function mergeRounds(quick: boolean): Round[] {
  const rounds: Round[] = [
    { cls: 'cold', step: (t) => t.first(), groups: both },
    {
      cls: 'source',
      step: (t) => t.pushMain({ 'src/core.txt': 'core v1\n' }, 'main: change sources'),
      groups: both,
    },
    {
      cls: 'docs-only',
      step: (t) => t.pushMain({ 'README.md': '# octo-repo\n\nDocs only.\n' }, 'main: docs only'),
      groups: both,
    },
  ];
  if (quick) return rounds;
  // The sibling rule: a leg re-run after the other finished reads its cache of this very commit.
  rounds.push({
    cls: 'rerun-leg',
    step: (t) => t.pushMain({ 'src/core.txt': 'core v2\n' }, 'main: change sources'),
    groups: [['linux/amd64'], ['linux/arm64']],
  });
  return rounds;
}

export const mergeSleeps = (quick: boolean): MergeSleeps =>
  quick ? { deps: 1, generate: 1, compile: 1 } : { deps: 2, generate: 2, compile: 1 };

export function mergeConfigInputs(config: MergeConfigId, nonce: string): Record<string, string> {
  if (config === 'action-gha') return { cache: 'gha' };
  // Its own cache repository: the replay's `action-registry` caches are another history's.
  return { cache: 'registry', 'cache-image': `${REGISTRY}/bench-${nonce}/merge-cache` };
}

export interface MergeResults {
  sleeps: MergeSleeps;
  configs: MergeConfigId[];
  probe: boolean;
  legs: MergeLegJob[];
  merges: MergeIndexJob[];
  goals: MergeGoal[];
  tables: Record<string, string>;
  failures: string[];
}

const log = (msg: string) => console.log(msg);
const secs = (ms: number) => Math.round(ms / 100) / 10;

function reportOf(main: ActionStep): LegReport | null {
  try {
    return JSON.parse(main.outputs['cache-report'] ?? '') as LegReport;
  } catch {
    return null;
  }
}

const tail = (s: string) => s.split('\n').slice(-25).join('\n');

class MergeRun {
  readonly legs: MergeLegJob[] = [];
  readonly merges: MergeIndexJob[] = [];
  readonly failures: string[] = [];
  readonly history: LegBuild[] = [];
  group = 0;

  constructor(
    readonly host: ScenarioHost,
    readonly repo: Repo,
    readonly svc: GhaCacheService,
    readonly config: MergeConfigId,
    readonly sleeps: MergeSleeps,
    readonly probe: boolean,
  ) {}

  get image() {
    return `${REGISTRY}/bench-${this.host.nonce}/merge-${this.config}`;
  }

  common(): Record<string, string> {
    return { ...mergeConfigInputs(this.config, this.host.nonce), tags: `${this.image}:latest`, push: 'true' };
  }

  env(runId: string, attempt: string) {
    return (env: Record<string, string>) => ({ ...env, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt });
  }

  /** One leg; `probe`: its reads alone, nothing written nor pushed (a sibling's run does that). */
  async leg(
    round: string,
    cls: MergeRoundClass,
    r: RunSpec,
    platform: string,
    o: { attempt: string; probe: boolean },
  ) {
    const ws = await this.repo.checkout(r.fetch, r.event.sha);
    const inputs: Record<string, string> = {
      ...this.common(),
      merge: 'leg',
      platforms: platform,
      'cache-read-legs': MERGE_PLATFORMS.join(','),
      ...(o.probe ? { push: 'false', 'cache-to': '', 'cache-write': 'never' } : {}),
    };
    const arch = platform.split('/')[1];
    const dockerLog = path.join(
      this.host.dockerLogs,
      `merge-${round}-${this.config}-${arch}${o.probe ? '-probe' : ''}.log`,
    );
    const runId = `bench-${this.host.nonce}-${round}`;
    const res = await this.host.runAction(this.svc, inputs, r, ws, dockerLog, this.env(runId, o.attempt));
    fs.rmSync(ws, { recursive: true, force: true });
    const report = reportOf(res.main);
    const me: LegBuild = { round, platform, group: this.group, snap: r.snap };
    const job = measureLeg(
      {
        config: this.config,
        round,
        cls,
        platform,
        attempt: o.attempt,
        reads: (report?.plan.reads ?? []).filter((x) => x.entry !== '' && !x.notRead).map((x) => x.ref),
        cachedSteps: Number(res.main.outputs['cached-steps'] ?? NaN),
        totalSteps: Number(res.main.outputs['total-steps'] ?? NaN),
        wallSeconds: secs(res.mainMs + res.postMs),
      },
      report?.steps.list ?? [],
      this.history,
      me,
      this.sleeps,
    );
    const problems: string[] = [];
    if (res.main.exitCode !== 0) problems.push(`main exited ${res.main.exitCode}`);
    if (res.post.exitCode !== 0) problems.push(`post exited ${res.post.exitCode}`);
    if (!report) problems.push('no cache-report output');
    else if (report.build !== 'succeeded') problems.push(`build ${report.build}`);
    else if (!o.probe && report.merge?.legs.length !== 1)
      problems.push('no digest recorded for the merge job');
    if (problems.length > 0) job.error = `${problems.join('; ')}\n${tail(res.main.log)}`;
    return job;
  }

  /** The round's legs: each group at once (probed alone first, with probes on), then the merge. */
  async round(id: string, round: Round, ev: BenchEvent): Promise<void> {
    const r = ev.runs[0];
    let attempt = 0;
    for (const group of round.groups) {
      attempt += 1;
      const a = String(attempt);
      const probes = new Map<string, MergeLegJob>();
      if (this.probe && group.length > 1) {
        for (const p of group) {
          await this.host.fresh();
          probes.set(p, await this.leg(id, round.cls, r, p, { attempt: a, probe: true }));
        }
      }
      await this.host.fresh();
      const ran = await Promise.all(
        group.map((p) => this.leg(id, round.cls, r, p, { attempt: a, probe: false })),
      );
      for (const shared of ran) {
        const alone = probes.get(shared.platform);
        const job: MergeLegJob = alone
          ? {
              ...shared,
              executed: alone.executed,
              work: alone.work,
              lost: alone.lost,
              reads: alone.reads,
              error: alone.error ?? shared.error,
              sharedEngine: { executed: shared.executed, work: shared.work },
            }
          : shared;
        this.legs.push(job);
        this.print(job);
      }
      for (const p of group) this.history.push({ round: id, platform: p, group: this.group, snap: r.snap });
      this.group += 1;
    }
    await this.mergeJob(id, r, String(attempt));
  }

  print(j: MergeLegJob): void {
    log(
      `  ${j.config.padEnd(16)} ${j.platform.padEnd(12)} attempt ${j.attempt}  work ${j.work}s ideal ${j.ideal.work}s` +
        ` [${j.executed.join(',') || '-'}]` +
        (j.sharedEngine ? ` (legs together: ${j.sharedEngine.work}s)` : '') +
        `  read ${j.reads.join(', ') || '-'}  wall ${j.wallSeconds.toFixed(1)}s` +
        (j.lost.length > 0 ? `  lost: ${j.lost.map((x) => x.step).join(',')}` : '') +
        (j.error ? '  FAILED' : ''),
    );
    if (j.error) {
      log(j.error);
      this.failures.push(`${j.round} ${j.config} ${j.platform}: ${j.error.split('\n')[0]}`);
    }
  }

  /** The merge job: no builder, so no fresh engine needed; its wall time is its whole overhead. */
  async mergeJob(round: string, r: RunSpec, attempt: string): Promise<void> {
    const ws = await this.repo.checkout(r.fetch, r.event.sha);
    const inputs = { ...this.common(), merge: 'index', platforms: MERGE_PLATFORMS.join(',') };
    const dockerLog = path.join(this.host.dockerLogs, `merge-${round}-${this.config}-index.log`);
    const runId = `bench-${this.host.nonce}-${round}`;
    const res = await this.host.runAction(this.svc, inputs, r, ws, dockerLog, this.env(runId, attempt));
    fs.rmSync(ws, { recursive: true, force: true });
    const report = reportOf(res.main);
    const m = report?.merge;
    const job: MergeIndexJob = {
      config: this.config,
      round,
      attempt,
      wallSeconds: secs(res.mainMs + res.postMs),
      build: report?.build ?? 'missing',
      platforms: (m?.legs ?? []).map((l) => l.platform),
      missing: m?.missing ?? [],
      leftTags: m?.leftTags ?? [],
      digest: m?.digest ?? '',
    };
    const problems: string[] = [];
    if (res.main.exitCode !== 0) problems.push(`main exited ${res.main.exitCode}`);
    if (job.build !== 'not-run') problems.push(`the merge job's build is ${job.build}, not not-run`);
    if (job.platforms.join(',') !== MERGE_PLATFORMS.join(','))
      problems.push(`platforms ${job.platforms.join(',') || 'none'}`);
    if (!/^sha256:/.test(job.digest)) problems.push('no index digest');
    if (problems.length > 0) {
      job.error = `${problems.join('; ')}\n${tail(res.main.log)}`;
      this.failures.push(`${round} ${this.config} merge: ${problems.join('; ')}`);
    }
    this.merges.push(job);
    log(
      `  ${this.config.padEnd(16)} merge        attempt ${attempt}  ${job.platforms.join(',') || '-'} → ${job.digest.slice(0, 19) || '-'}` +
        `  left tags ${job.leftTags.length}  wall ${job.wallSeconds.toFixed(1)}s${job.error ? '  FAILED' : ''}`,
    );
    if (job.error) log(job.error);
  }
}

/** Runs (or with `plan`, only lists) the round under each configuration, each with its own caches. */
export async function runMergeScenario(
  host: ScenarioHost,
  o: { quick: boolean; plan: boolean; probe: boolean; configs: MergeConfigId[] },
): Promise<MergeResults> {
  const sleeps = mergeSleeps(o.quick);
  const rounds = mergeRounds(o.quick);
  const legs: MergeLegJob[] = [];
  const merges: MergeIndexJob[] = [];
  const failures: string[] = [];
  log(
    `\n=== Multi-platform legs and merge (${MERGE_PLATFORMS.join(' + ')}; ${o.configs.join(', ')}` +
      `; sleep per RUN deps ${sleeps.deps}s, generate ${sleeps.generate}s, compile ${sleeps.compile}s` +
      `; ${o.probe ? 'legs measured alone (probe), written together' : 'legs measured together on one engine'}) ===`,
  );
  for (const config of o.configs) {
    const df = mergeDockerfile({ baseImage: BASE_IMAGE, nonce: host.nonce, sleeps, kib: 64 });
    const repo = await Repo.create(Timeline.initialFiles(df));
    const timeline = new Timeline(repo);
    const svc = o.plan ? null : await startGhaCacheService();
    try {
      const run = svc ? new MergeRun(host, repo, svc, config, sleeps, o.probe) : null;
      const planned: LegBuild[] = [];
      for (const [n, round] of rounds.entries()) {
        const ev = await round.step(timeline);
        const id = `R${n + 1}`;
        log(`\n${id} ${round.cls.padEnd(10)} ${config}: ${MERGE_CLASSES[round.cls]}`);
        if (run) {
          await run.round(id, round, ev);
          continue;
        }
        const p = planRound(planned, {
          round: id,
          firstGroup: n * 2,
          groups: round.groups,
          snap: ev.runs[0].snap,
          sleeps,
        });
        for (const l of p.legs)
          log(
            `  ${l.platform.padEnd(12)} attempt ${l.attempt}  ideal ${l.ideal.work}s [${l.ideal.steps.join(',') || '-'}]`,
          );
        planned.push(...p.builds);
      }
      if (run) {
        legs.push(...run.legs);
        merges.push(...run.merges);
        failures.push(...run.failures);
      }
    } finally {
      await svc?.stop().catch(() => undefined);
      fs.rmSync(repo.root, { recursive: true, force: true });
    }
  }
  const goals = mergeGoals(legs);
  const r = renderMerge(legs, merges, goals);
  if (!o.plan) {
    log(`\n=== Multi-platform legs: executed / ideal seconds of RUN (! = more than ideal, ? = less) ===\n`);
    log(renderTable(r.legs.header, r.legs.rows, ['l', 'l', 'l', 'l', 'l', 'l']));
    log(`\n=== Merge jobs (they build nothing: the wall time is the overhead) ===\n`);
    log(renderTable(r.merges.header, r.merges.rows, ['l', 'l', 'l', 'l', 'l']));
    log(`\n=== Multi-platform goal ===\n`);
    log(renderTable(r.goals.header, r.goals.rows, ['l', 'l', 'l', 'l', 'l']));
    for (const g of goals.filter((x) => !x.met)) log(`  ${g.config}: ${g.why}`);
  }
  return {
    sleeps,
    configs: o.configs,
    probe: o.probe,
    legs,
    merges,
    goals,
    tables: {
      legs: renderMarkdown(r.legs.header, r.legs.rows, 6),
      merges: renderMarkdown(r.merges.header, r.merges.rows, 5),
      goals: renderMarkdown(r.goals.header, r.goals.rows, 5),
    },
    failures,
  };
}
