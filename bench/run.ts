import * as path from 'node:path';
import { Bench } from './bench';
import { runMergeScenario } from './merge';
import { runMountScenario } from './mounts';
import { ROOT, type Options, log, parseArgs, secs } from './options';
import { persistentExportsByClass, persistentTable } from './persistent';
import { aggregate, goals, render } from './report';
import { fullResults, resultsHead, writeJson } from './results';
import { printTables } from './summary';

// `npm run bench [-- --quick] [-- --plan] [-- --configs=none,action-gha] [-- --mounts-only]`: replays a generated
// repository's history through the action (dist/index.js, run as a GitHub runner runs it) under
// several cache configurations, and compares the build work each executes with the ideal.
// The command line is read in bench/options.ts, the replay runs in bench/bench.ts, its tables are
// printed by bench/summary.ts and written by bench/results.ts.

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
    const persistentIds = bench.configs.filter((c) => c.persistent).map((c) => c.id);
    const kept =
      persistentIds.length > 0
        ? {
            totals: persistentTable(bench.jobs, persistentIds, storage),
            byClass: persistentExportsByClass(bench.jobs, persistentIds),
          }
        : null;
    printTables(bench, r, goalList, kept);
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

    await writeJson(
      o.out,
      await fullResults(bench, o, durationS, { table, storage, goalList, r, kept, mounts, merge }),
    );
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
