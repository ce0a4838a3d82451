/**
 * The process seam's start-up cost, side by side in one run: node's `spawn` (the seam before
 * `@actions/exec`, kept for runs that need a kill handle) and `@actions/exec` (every other run).
 * Each command runs N times through each, alternating, after one warm-up each; prints the median
 * and the 90th percentile in ms per call.
 *
 *   npx tsc -p bench/tsconfig.json && node bench/work/build/bench/exec-startup.js [N]
 */
import { performance } from 'node:perf_hooks';
import { exec, type Exec, spawnExec } from '../src/lib/exec';

const N = Number(process.argv[2] ?? 50);
const COMMANDS: [string, string[]][] = [
  ['true', []],
  ['docker', ['--version']],
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
};

async function timed(run: Exec, command: string, args: string[]): Promise<number> {
  const start = performance.now();
  const result = await run(command, args);
  if (result.exitCode !== 0) throw new Error(`${command} exited ${result.exitCode}: ${result.stderr}`);
  return performance.now() - start;
}

async function main(): Promise<void> {
  const seams: [string, Exec][] = [
    ['spawn (node)', spawnExec],
    ['@actions/exec', exec],
  ];
  for (const [command, args] of COMMANDS) {
    const times = new Map<string, number[]>(seams.map(([name]) => [name, []]));
    for (const [, run] of seams) await timed(run, command, args);
    for (let i = 0; i < N; i++) {
      // Alternating, and which goes first alternates too: neither gets the warmer half of the run.
      const order = i % 2 === 0 ? seams : [...seams].reverse();
      for (const [name, run] of order) times.get(name)!.push(await timed(run, command, args));
    }
    for (const [name] of seams) {
      const t = times.get(name)!;
      const line = `${[command, ...args].join(' ')} | ${name} | median ${percentile(t, 0.5).toFixed(2)} ms | p90 ${percentile(t, 0.9).toFixed(2)} ms | N=${N}`;
      console.log(line);
    }
  }
}

void main();
