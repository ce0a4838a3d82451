import type { Bench } from './bench';
import { secondsOf } from './model';
import { log } from './options';
import { type Goal, type Rendered, entriesTable, renderTable } from './report';
import type { Kept } from './results';

// The tables a full run prints when the replay is done.

/** Per event, work and time by event class, storage, new entries, clean-ups, goals, losses, anomalies. */
export function printTables(bench: Bench, r: Rendered, goalList: Goal[], kept: Kept | null): void {
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
}
