import type { Config } from './configs';
import type { BenchEvent, RunSpec } from './events';
import type { ActionStep } from './host';
import { readDockerLog } from './measure';
import { type IdealRun, type Sleeps, type StepName, ideal, providers, workOf } from './model';
import type { JobResult, JobTimings } from './report';

// What one job of the replay did, read from the action's outputs (its cache-report) and the docker
// calls the shim logged: the steps it executed against the ideal, its timings, what it imported.

/** The parts of the action's cache-report the benchmark reads. */
export interface Report {
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

/** One job as it ran: the event's run, the ideal it is held to, the action's main and post. */
export interface JobRun {
  c: Config;
  ev: BenchEvent;
  r: RunSpec;
  me: IdealRun;
  idealResult: ReturnType<typeof ideal>;
  mode: 'alone' | 'probe' | 'shared';
  main: ActionStep;
  post: ActionStep;
  mainMs: number;
  postMs: number;
  dockerLog: string;
}

/** What the result reads of the benchmark, and where it notes a broken job or an anomaly. */
export interface JobContext {
  readonly shimCost: number;
  readonly sleeps: Sleeps;
  readonly history: IdealRun[];
  readonly failures: string[];
  readonly anomalies: string[];
}

export function jobResult(job: JobRun, ctx: JobContext): JobResult {
  const { c, ev, r, me, idealResult, mode, main, post, mainMs, postMs, dockerLog } = job;

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
    overheadMs: wallMs - builderMs - buildMs - exportMs - ctx.shimCost * shimCalls,
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
    work: workOf(executed, ctx.sleeps),
    measuredRunSeconds: Math.round(measured * 10) / 10,
    lost: executed.filter((s) => !idealResult.steps.includes(s)),
    lostFrom: Object.fromEntries(
      executed
        .filter((s) => !idealResult.steps.includes(s))
        .map((s) => [s, providers(c.ideal, ctx.history, me, s, ctx.sleeps)]),
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
    ctx.failures.push(`${r.id} ${c.id}: ${problems.join('; ')}`);
  }
  if (result.cacheExport === 'failed')
    ctx.anomalies.push(`${r.id} ${c.id}: cache export failed (${result.exportReason})`);
  if (result.unexpectedHits.length > 0 && mode !== 'shared') {
    ctx.anomalies.push(
      `${r.id} ${c.id}: ${result.unexpectedHits.join(', ')} cached although no earlier build it could read had ${
        result.unexpectedHits.length > 1 ? 'them' : 'it'
      } (shared engine: a concurrent job's step, or a disturbed run)`,
    );
  }
  return result;
}
