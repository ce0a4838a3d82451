import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_IMAGE, REGISTRY, run } from '../__tests__/e2e/support';
import { startGhaCacheService, type GhaCacheService } from '../test-services/gha-cache';
import { makeConfigs } from './configs';
import {
  type DownloadSpec,
  type MountConfigId,
  type MountEventClass,
  type MountGoal,
  type MountJob,
  downloadsOf,
  mountDockerfile,
  mountGoals,
  mountOverhead,
  renderMounts,
  stepOutput,
} from './mounts-model';
import { renderMarkdown, renderTable } from './report';
import type { BenchEvent, RunSpec } from './events';
import { Repo, lockFile } from './repo';
import { Timeline } from './timeline';
import type { ScenarioHost } from './host';

// The cache-mount scenario (issue 13): its own small repository and history, run after the main
// replay. Each job on a fresh runner (the builder pruned: its cache mounts are empty), so only
// what the action restores from the GitHub Actions cache can save the step's downloads.

interface MountReport {
  steps: { list: { step: string; status: string; seconds: number }[] };
  imports: { seconds: number }[];
  record: { ref: string } | null;
  timings: { buildMs: number; exportMs: number } | null;
  mounts?: { mounts: NonNullable<MountJob['mount']>[] } | null;
}

type MountStep = (t: Timeline) => Promise<BenchEvent>;
interface Variant {
  name: MountJob['variant'];
  title: string;
  spec: DownloadSpec;
  configs: MountConfigId[];
  steps: [MountEventClass, MountStep][];
}

const MOUNT_MARKER = '--mount=type=cache';
/** 100 MiB over the lock file's twelve dependencies. */
const LARGE_KIB = Math.ceil((100 * 1024) / 12);

const coldStep: MountStep = (t) => t.first();
const mainSource =
  (v: string): MountStep =>
  (t) =>
    t.pushMain({ 'src/core.txt': `core ${v}\n` }, 'main: change sources');
const branchFirst: MountStep = async (t) =>
  t.pushBranch(
    'feature/m',
    { 'src/feature-m.txt': 'm1\n' },
    'feature/m: first commit',
    await t.repo.rev('main'),
  );

/** The variants: the full history, or the quick one (`.ci/run`: three events, tiny sleeps, no 100 MB). */
export function mountVariants(quick: boolean): Variant[] {
  const small: Variant = {
    name: 'small',
    title: `cache mounts: ${quick ? '0.3' : '1'} s per download, 12 dependencies`,
    spec: quick ? { sleep: 0.3, kib: 16 } : { sleep: 1, kib: 64 },
    configs: ['mounts-none', 'mounts-auto'],
    steps: quick
      ? [
          ['cold', coldStep],
          ['main-source', mainSource('v1')],
          ['branch-first', branchFirst],
        ]
      : [
          ['cold', coldStep],
          ['main-source', mainSource('v1')],
          [
            'main-lock',
            (t) =>
              t.pushMain(
                { 'deps.lock': `${lockFile({})}pkg-13 1.0.0\npkg-14 1.0.0\n` },
                'main: add pkg-13 and pkg-14 (lock file)',
              ),
          ],
          ['branch-first', branchFirst],
          [
            'branch-source',
            (t) => t.pushBranch('feature/m', { 'src/feature-m.txt': 'm2\n' }, 'feature/m: second commit'),
          ],
        ],
  };
  const large: Variant = {
    name: 'large',
    title: 'cache mounts, 100 MiB dependency layer: 1 s per download, 12 × 8.3 MiB',
    spec: { sleep: 1, kib: LARGE_KIB },
    configs: ['bpa-gha', 'mounts-auto'],
    steps: [
      ['cold', coldStep],
      ['main-source', mainSource('v1')],
      ['docs-only', (t) => t.pushMain({ 'README.md': '# octo-repo\n\nDocs only.\n' }, 'main: docs only')],
    ],
  };
  return quick ? [small] : [small, large];
}

export function mountInputs(config: MountConfigId, r: RunSpec, nonce: string): Record<string, string> {
  // The helper builds' image: the engine's local busybox (the default pulls from Docker Hub).
  const helper = { 'cache-mounts-image': BASE_IMAGE };
  if (config === 'mounts-auto') return { cache: 'gha', 'cache-mounts': 'auto', ...helper };
  if (config === 'mounts-none') return { cache: 'gha', 'cache-mounts': 'none', ...helper };
  // build-push-action's common setup, as the main replay runs it: it never persists cache mounts.
  const bpa = makeConfigs(REGISTRY, nonce).find((c) => c.id === 'bpa-gha')!;
  return { ...bpa.inputs(r), 'cache-mounts': 'none' };
}

export interface MountResults {
  variants: { name: string; title: string; spec: DownloadSpec; configs: MountConfigId[] }[];
  jobs: MountJob[];
  goals: MountGoal[];
  tables: Record<string, string>;
  failures: string[];
}

const log = (msg: string) => console.log(msg);

/** The step's own output from its build record: how many it downloaded. */
async function downloadsIn(report: MountReport, builder: string): Promise<ReturnType<typeof downloadsOf>> {
  const ref = report.record?.ref ?? '';
  if (ref === '') return { downloaded: [], total: null };
  const logs = await run('docker', [
    'buildx',
    'history',
    'logs',
    '--builder',
    builder || 'default',
    '--progress',
    'rawjson',
    ref.split('/').pop()!,
  ]);
  // buildx writes the rawjson stream to stderr or stdout depending on its version.
  return downloadsOf(stepOutput(`${logs.stdout}\n${logs.stderr}`, MOUNT_MARKER));
}

async function measure(
  variant: Variant,
  ev: BenchEvent,
  cls: MountEventClass,
  config: MountConfigId,
  res: Awaited<ReturnType<ScenarioHost['runAction']>>,
): Promise<MountJob> {
  const { main, post } = res;
  let report: MountReport | null = null;
  try {
    report = JSON.parse(main.outputs['cache-report'] ?? '') as MountReport;
  } catch {
    report = null;
  }
  const step = report?.steps.list.find((s) => s.step.includes(MOUNT_MARKER));
  const ran = step?.status === 'executed';
  const d =
    report && ran ? await downloadsIn(report, main.outputs.builder ?? '') : { downloaded: [], total: null };
  const record = report?.mounts?.mounts[0];
  const job: MountJob = {
    variant: variant.name,
    event: ev.id,
    cls,
    config,
    downloads: d.downloaded.length,
    total: d.total,
    work: Math.round(d.downloaded.length * variant.spec.sleep * 10) / 10,
    stepStatus: step?.status ?? 'missing',
    stepSeconds: step?.seconds ?? 0,
    mount: record
      ? {
          restore: record.restore,
          bytes: record.bytes,
          saved: record.saved,
          notSaved: record.notSaved,
          error: record.error,
          seconds: record.seconds,
        }
      : null,
    importSeconds: Math.round((report?.imports ?? []).reduce((a, i) => a + i.seconds, 0) * 10) / 10,
    buildSeconds: Math.round((report?.timings?.buildMs ?? 0) / 100) / 10,
    exportSeconds: Math.round((report?.timings?.exportMs ?? 0) / 100) / 10,
    wallSeconds: Math.round((res.mainMs + res.postMs) / 100) / 10,
    exitCode: main.exitCode,
  };
  const problems: string[] = [];
  if (main.exitCode !== 0) problems.push(`main exited ${main.exitCode}`);
  if (post.exitCode !== 0) problems.push(`post exited ${post.exitCode}`);
  if (!report) problems.push('no cache-report output');
  else if (!step) problems.push('no cache-mount step in the cache-report');
  else if (ran && d.total === null)
    problems.push("the step's output (build record logs) has no summary line");
  if (config === 'mounts-auto' && report && !record) problems.push('no mount record in the cache-report');
  if (problems.length > 0)
    job.error = `${problems.join('; ')}\n${main.log.split('\n').slice(-25).join('\n')}`;
  return job;
}

/** Runs (or with `plan`, only lists) the scenario: every event under each configuration of its variant. */
export async function runMountScenario(
  host: ScenarioHost,
  o: { quick: boolean; plan: boolean },
): Promise<MountResults> {
  const jobs: MountJob[] = [];
  const failures: string[] = [];
  const variants = mountVariants(o.quick);
  for (const v of variants) {
    log(`\n=== ${v.title} (${v.configs.join(' vs ')}) ===`);
    const df = mountDockerfile({ baseImage: BASE_IMAGE, nonce: host.nonce, ...v.spec });
    const repo = await Repo.create(Timeline.initialFiles(df));
    const timeline = new Timeline(repo);
    const services = new Map<MountConfigId, GhaCacheService>();
    try {
      if (!o.plan) for (const c of v.configs) services.set(c, await startGhaCacheService());
      for (const [n, [cls, step]] of v.steps.entries()) {
        const ev = await step(timeline);
        const id = `${v.name === 'small' ? 'M' : 'L'}${n + 1}`;
        log(`\n${id} ${cls.padEnd(13)} ${ev.title}`);
        if (o.plan) continue;
        const r = ev.runs[0];
        for (const c of v.configs) {
          await host.fresh();
          const ws = await repo.checkout(r.fetch, r.event.sha);
          const dockerLog = path.join(host.dockerLogs, `${id}-${c}.log`);
          const res = await host.runAction(services.get(c), mountInputs(c, r, host.nonce), r, ws, dockerLog);
          fs.rmSync(ws, { recursive: true, force: true });
          const job = await measure(v, { ...ev, id }, cls, c, res);
          jobs.push(job);
          const m = job.mount;
          log(
            `  ${c.padEnd(12)} downloads ${job.downloads}/${job.total ?? '-'} = ${job.work.toFixed(1)}s` +
              `  step ${job.stepStatus} ${job.stepSeconds.toFixed(1)}s` +
              (m
                ? `  mount ${m.restore}${m.saved ? ', saved' : ''} (restore ${m.seconds.restore} inject ${m.seconds.inject}` +
                  ` extract ${m.seconds.extract} save ${m.seconds.save} = ${mountOverhead(job).toFixed(1)}s)`
                : '') +
              `  import ${job.importSeconds.toFixed(1)} build ${job.buildSeconds.toFixed(1)} export ${job.exportSeconds.toFixed(1)}` +
              `  wall ${job.wallSeconds.toFixed(1)}s` +
              (job.error ? '  FAILED' : ''),
          );
          if (job.error) {
            log(job.error);
            failures.push(`${id} ${c}: ${job.error.split('\n')[0]}`);
          }
        }
      }
    } finally {
      await Promise.all([...services.values()].map((s) => s.stop().catch(() => undefined)));
      fs.rmSync(repo.root, { recursive: true, force: true });
    }
  }
  const goals = mountGoals(jobs);
  const r = renderMounts(jobs, goals);
  if (!o.plan) {
    log(
      `\n=== Cache mounts: seconds of download work without / with persistence, mount seconds (sum per class) ===\n`,
    );
    log(renderTable(r.small.header, r.small.rows));
    log(`\n=== Cache mounts: per event ===\n`);
    log(renderTable(r.events.header, r.events.rows, ['l', 'l']));
    if (r.large.rows.length > 0) {
      log(
        `\n=== Cache mounts, 100 MiB layer: this action (mounts auto) vs build-push-action (bpa-gha) ===\n`,
      );
      log(renderTable(r.large.header, r.large.rows, ['l', 'l', 'l']));
    }
    log(`\n=== Cache-mount goals ===\n`);
    log(renderTable(r.goals.header, r.goals.rows, ['l', 'l', 'l', 'l', 'l']));
    for (const g of goals.filter((x) => !x.met)) log(`  ${g.cls}: ${g.goal}: ${g.why}`);
  }
  return {
    variants: variants.map((v) => ({ name: v.name, title: v.title, spec: v.spec, configs: v.configs })),
    jobs,
    goals,
    tables: {
      small: renderMarkdown(r.small.header, r.small.rows),
      events: renderMarkdown(r.events.header, r.events.rows, 2),
      large: renderMarkdown(r.large.header, r.large.rows, 3),
      goals: renderMarkdown(r.goals.header, r.goals.rows, 5),
    },
    failures,
  };
}
