import * as fs from 'node:fs';
import * as os from 'node:os';
import { run } from '../__tests__/e2e/support';
import type { Bench } from './bench';
import { LEGS } from './model';
import type { Options } from './options';
import { type Goal, type Rendered, type Storage, type Table, renderMarkdown } from './report';

// The results file (bench/results.json by default): the run, the machine, the action measured,
// then every job, table and scenario of the run.

async function versions(): Promise<Record<string, string>> {
  const out = async (cmd: string, args: string[]) =>
    (await run(cmd, args)).stdout.trim().split('\n')[0] ?? '';
  return {
    node: process.version,
    docker: await out('docker', ['version', '--format', '{{.Server.Version}}']),
    buildx: await out('docker', ['buildx', 'version']),
  };
}

export async function writeJson(file: string, data: unknown): Promise<void> {
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
export async function resultsHead(bench: Bench, o: Options, durationS: number) {
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

/** What the full run found, for its results file. */
export interface Findings {
  table: Table;
  storage: Storage[];
  goalList: Goal[];
  r: Rendered;
  kept: Kept | null;
  mounts: unknown;
  merge: unknown;
}

/** The persistent builder's tables (issue 31), when the run had persistent configurations. */
export interface Kept {
  totals: { header: string[]; rows: string[][] };
  byClass: { header: string[]; rows: string[][] };
}

/** The results file of a full run (the replay and the scenarios after it). */
export async function fullResults(bench: Bench, o: Options, durationS: number, f: Findings) {
  const { table, storage, goalList, r, kept, mounts, merge } = f;
  return {
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
  };
}
