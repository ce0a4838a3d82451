import type { Config, ConfigId } from './configs';
import type { RegistryStorage } from './measure';
import type { StepName } from './model';
import { CLASSES, type EventClass } from './events';

// Aggregation, the goals and the printed tables.

export interface JobTimings {
  mainMs: number;
  postMs: number;
  wallMs: number;
  builderMs: number;
  buildMs: number;
  exportMs: number;
  historyMs: number;
  otherDockerMs: number;
  dockerCalls: number;
  /** main + post wall time minus builder bootstrap, build and export (and the shim's own cost). */
  overheadMs: number;
  /** Where builder/build/export came from: the action's cache-report `timings`, or the docker shim. */
  source: 'report' | 'shim';
}

export interface JobResult {
  run: string;
  event: string;
  cls: EventClass;
  config: ConfigId;
  target: string;
  exitCode: number;
  postExitCode: number;
  executed: StepName[];
  work: number;
  /** Seconds BuildKit reported for the RUN steps that executed. */
  measuredRunSeconds: number;
  ideal: { steps: StepName[]; work: number; readable: string[] };
  /** Executed although an earlier build the run could read had them. */
  lost: StepName[];
  /** For each lost step, the earlier readable jobs that held it. */
  lostFrom: Partial<Record<StepName, string[]>>;
  /** Cached although no build the ideal counts had them (a shared engine, a concurrent job). */
  unexpectedHits: StepName[];
  cachedSteps: number;
  totalSteps: number;
  cacheExport: string;
  exportReason: string;
  exportSeconds: number;
  imports: { source: string; result: string }[];
  cacheFrom: string[];
  cacheTo: string[];
  planReads: { ref: string; entry: string }[];
  planWrites: { ref: string; entry: string }[];
  steps: { step: string; stage: string; status: string; seconds: number }[];
  timings: JobTimings;
  /** A matrix leg measured alone (probe): what it executed running next to its siblings on this one engine. */
  sharedEngine?: { executed: StepName[]; work: number; steps: JobResult['steps'] };
  reportTimings: Record<string, number> | null;
  error?: string;
}

export interface Storage {
  config: ConfigId;
  kind: 'registry' | 'gha' | 'none';
  /** Live bytes (registry: reachable from tags; gha: every finalized entry, as GitHub keeps them until eviction). */
  bytes: number;
  /** Registry: every blob ever pushed (no garbage collection). */
  writtenBytes: number | null;
  /** Tags or entries. */
  items: number;
  registry?: RegistryStorage;
}

export interface Cell {
  jobs: number;
  work: number;
  ideal: number;
  wallMs: number;
  overheadMs: number[];
  exportMs: number;
  lost: number;
}

export type Table = Record<string, Partial<Record<ConfigId, Cell>>>;

export function aggregate(jobs: JobResult[]): Table {
  const table: Table = {};
  const add = (row: string, j: JobResult) => {
    table[row] ??= {};
    const cell = (table[row][j.config] ??= {
      jobs: 0,
      work: 0,
      ideal: 0,
      wallMs: 0,
      overheadMs: [],
      exportMs: 0,
      lost: 0,
    });
    cell.jobs++;
    cell.work += j.work;
    cell.ideal += j.ideal.work;
    cell.wallMs += j.timings.wallMs;
    cell.overheadMs.push(j.timings.overheadMs);
    cell.exportMs += j.timings.exportMs;
    cell.lost += Math.max(0, j.work - j.ideal.work);
  };
  for (const j of jobs) {
    add(j.cls, j);
    add('TOTAL', j);
  }
  return table;
}

export const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export interface Goal {
  goal: string;
  config: ConfigId;
  value: string;
  target: string;
  met: boolean | null;
  detail: string;
}

export const GOAL_RATIO = 1.1;
export const GOAL_OVERHEAD_MS = 300;
export const GOAL_STORAGE = 1.5;

/** The goals, for each of the action's default configurations that ran. */
export function goals(configs: Config[], table: Table, storage: Storage[]): Goal[] {
  const out: Goal[] = [];
  const subjects = configs.filter((c) => c.subject);
  const others = configs.filter((c) => !c.subject);
  for (const c of subjects) {
    const total = table.TOTAL?.[c.id];
    if (!total) continue;
    const ratio = total.ideal > 0 ? total.work / total.ideal : total.work === 0 ? 1 : Infinity;
    out.push({
      goal: `work ≤ ${GOAL_RATIO}× ideal (whole history)`,
      config: c.id,
      value: `${fmtS(total.work)} / ${fmtS(total.ideal)} = ${fmtRatio(ratio)}`,
      target: `≤ ${GOAL_RATIO}×`,
      met: ratio <= GOAL_RATIO + 1e-9,
      detail: `${c.ideal} ideal`,
    });
    const beaten: string[] = [];
    const ties: string[] = [];
    for (const row of Object.keys(table).filter((r) => r !== 'TOTAL')) {
      const mine = table[row][c.id];
      if (!mine) continue;
      for (const o of others) {
        const theirs = table[row][o.id];
        if (!theirs) continue;
        if (theirs.work < mine.work) {
          // Say when no configuration of this backend could do better: the loss is the rules'.
          const atIdeal =
            mine.work <= mine.ideal ? ` (at the ${c.ideal} ideal: its rules allow no less)` : '';
          beaten.push(`${row}: ${o.id} ${fmtS(theirs.work)} < ${fmtS(mine.work)}${atIdeal}`);
        } else if (theirs.work === mine.work) ties.push(`${row}/${o.id}`);
      }
    }
    out.push({
      goal: 'less work than every other configuration, every event class',
      config: c.id,
      value: beaten.length === 0 ? `never more (${ties.length} ties)` : `${beaten.length} classes lose`,
      target: 'never more',
      met: beaten.length === 0,
      detail: beaten.join('; ') || (ties.length > 0 ? `ties (equal work): ${ties.join(', ')}` : ''),
    });
    const overheads = total.overheadMs;
    const med = median(overheads);
    out.push({
      goal: `action overhead < ${GOAL_OVERHEAD_MS} ms per job (median)`,
      config: c.id,
      value: `${Math.round(med)} ms (p90 ${Math.round(percentile(overheads, 90))} ms)`,
      target: `< ${GOAL_OVERHEAD_MS} ms`,
      met: med < GOAL_OVERHEAD_MS,
      detail: 'main+post wall minus builder bootstrap, image build and cache export',
    });
    const mine = storage.find((s) => s.config === c.id);
    const baseline = storage.find((s) => s.config === (c.gha ? 'bpa-gha' : 'single-tag'));
    const written =
      mine?.writtenBytes && baseline?.writtenBytes
        ? `; written ${fmtRatio(mine.writtenBytes / baseline.writtenBytes)}`
        : '';
    out.push({
      goal: `cache storage ≤ ${GOAL_STORAGE}× the single-tag/scope setup`,
      config: c.id,
      value:
        mine && baseline
          ? `${fmtBytes(mine.bytes)} / ${fmtBytes(baseline.bytes)} = ${fmtRatio(mine.bytes / baseline.bytes)}${written}`
          : 'not measured',
      target: `≤ ${GOAL_STORAGE}×`,
      met: mine && baseline ? mine.bytes <= GOAL_STORAGE * baseline.bytes : null,
      detail: baseline
        ? `vs ${baseline.config} (${c.gha ? 'all entries' : 'live bytes'})`
        : 'baseline not run',
    });
  }
  return out;
}

export const fmtS = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
export const fmtRatio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '∞');
export function fmtBytes(b: number): string {
  if (b >= 1024 * 1024) return `${(b / 1024 / 1024).toFixed(1)} MiB`;
  if (b >= 1024) return `${(b / 1024).toFixed(0)} KiB`;
  return `${b} B`;
}

function workCell(c: Cell | undefined): string {
  if (!c) return '';
  if (c.ideal === 0) return c.work === 0 ? '0/0' : `${fmtS(c.work)}/0 (+${fmtS(c.work)})`;
  return `${c.work}/${c.ideal} ${fmtRatio(c.work / c.ideal)}`;
}

export function renderTable(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        (align[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i]),
      )
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Markdown version (for bench/README.md). */
export function renderMarkdown(header: string[], rows: string[][], textColumns = 1): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, i) => (i < textColumns ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}

export interface Rendered {
  work: { header: string[]; rows: string[][] };
  classTime: { header: string[]; rows: string[][] };
  time: { header: string[]; rows: string[][] };
  goals: { header: string[]; rows: string[][] };
  events: { header: string[]; rows: string[][] };
}

export function render(
  configs: Config[],
  table: Table,
  storage: Storage[],
  goalList: Goal[],
  events: { id: string; cls: string; title: string; jobs: JobResult[] }[],
): Rendered {
  const ids = configs.map((c) => c.id);
  const rows = [...CLASSES.filter((c) => table[c]), 'TOTAL'];
  const work = {
    header: ['executed / ideal (s of RUN)', ...ids],
    rows: rows.map((r) => [
      r === 'TOTAL' ? 'TOTAL' : `${r} (${table[r][ids[0]]?.jobs ?? 0} jobs)`,
      ...ids.map((id) => workCell(table[r][id])),
    ]),
  };
  work.rows.push(['ideal used', ...configs.map((c) => c.ideal)]);
  const classTime = {
    header: ['wall s · overhead ms (median) · export s', ...ids],
    rows: rows.map((r) => [
      r,
      ...ids.map((id) => {
        const c = table[r][id];
        if (!c) return '';
        return `${(c.wallMs / 1000).toFixed(1)} · ${Math.round(median(c.overheadMs))} · ${(c.exportMs / 1000).toFixed(1)}`;
      }),
    ]),
  };
  const time = {
    header: [
      'per configuration',
      'wall s',
      'overhead ms med',
      'p90',
      'export s',
      'export ms/job',
      'storage',
      'written',
      'tags/entries',
    ],
    rows: configs.map((c) => {
      const t = table.TOTAL?.[c.id];
      const s = storage.find((x) => x.config === c.id);
      const exporting = t ? t.exportMs : 0;
      return [
        c.id,
        t ? (t.wallMs / 1000).toFixed(1) : '',
        t ? String(Math.round(median(t.overheadMs))) : '',
        t ? String(Math.round(percentile(t.overheadMs, 90))) : '',
        (exporting / 1000).toFixed(1),
        t ? String(Math.round(exporting / t.jobs)) : '',
        s && s.kind !== 'none' ? fmtBytes(s.bytes) : '-',
        s && s.writtenBytes !== null ? fmtBytes(s.writtenBytes) : '-',
        s && s.kind !== 'none' ? String(s.items) : '-',
      ];
    }),
  };
  const goalsTable = {
    header: ['goal', 'config', 'value', 'target', 'met'],
    rows: goalList.map((g) => [
      g.goal,
      g.config,
      g.value,
      g.target,
      g.met === null ? 'n/a' : g.met ? 'MET' : 'NOT MET',
    ]),
  };
  const eventsTable = {
    header: ['event', 'class', 'what', ...ids],
    rows: events.map((e) => [
      e.id,
      e.cls,
      e.title.length > 58 ? `${e.title.slice(0, 57)}…` : e.title,
      ...ids.map((id) => {
        const js = e.jobs.filter((j) => j.config === id);
        if (js.length === 0) return '';
        const w = js.reduce((a, j) => a + j.work, 0);
        const i = js.reduce((a, j) => a + j.ideal.work, 0);
        return `${w}/${i}${w > i ? ' !' : w < i ? ' ?' : ''}`;
      }),
    ]),
  };
  return { work, classTime, time, goals: goalsTable, events: eventsTable };
}

/** The new GitHub cache entries one event made under one gha configuration. */
export interface NewEntries {
  event: string;
  cls: EventClass;
  config: ConfigId;
  entries: number;
}

/**
 * New entries per event class and configuration: the most one event made, and the mean. GitHub
 * answers 429 above 200 new entries a minute per repository; a matrix round is the peak.
 */
export function entriesTable(rows: NewEntries[]): { header: string[]; rows: string[][] } {
  const configs = [...new Set(rows.map((r) => r.config))];
  const classes = CLASSES.filter((c) => rows.some((r) => r.cls === c));
  return {
    header: ['new entries per event: most · mean', ...configs],
    rows: classes.map((cls) => [
      cls,
      ...configs.map((config) => {
        const n = rows.filter((r) => r.cls === cls && r.config === config).map((r) => r.entries);
        if (n.length === 0) return '';
        return `${Math.max(...n)} · ${(n.reduce((a, b) => a + b, 0) / n.length).toFixed(1)}`;
      }),
    ]),
  };
}
