import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BASELINE_CONFIG_IDS,
  CONFIG_IDS,
  type ConfigId,
  OPT_IN_CONFIG_IDS,
  PERSISTENT_CONFIG_IDS,
} from './configs';
import { type MergeConfigId, MERGE_CONFIG_IDS } from './merge';

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
export const ROOT = findRoot();
/** The runner harness (scripts/action-runner.js) of a copy of the action. */
export type Runner = typeof import('../scripts/action-runner');
export const ENGINE_HOME = process.env.ENGINE_HOME || '/opt/bkca-engine';
export const WORK = path.join(ROOT, 'bench', 'work');

export interface Options {
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

export function parseArgs(argv: string[]): Options {
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

export const log = (msg: string) => console.log(msg);
export const secs = (ms: number) => (ms / 1000).toFixed(1);
