import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { engineEnv, run } from '../__tests__/e2e/support';
import { ROOT, type Runner, log } from './options';
import type { Repo } from './repo';

// What the benchmark runs on: the engine (provisioned when down), and the action under test (and
// the --baseline copy), copied at the start and checked with a dry run.

/** Which action a run measured: its bundle's digest and the commit it was built from. */
export interface ActionSnapshot {
  distSha256: string;
  gitHead: string;
  /** dist/ or src/ had changes the commit does not hold. */
  distModified: boolean;
}

/** The engine and the registry, provisioned when down: scripts/engine.js, as the e2e setup does it. */
export async function ensureEngine(): Promise<void> {
  // Required from the checkout: the compiled benchmark runs from bench/work/build.
  const engine = require(path.join(ROOT, 'scripts', 'engine.js')) as typeof import('../scripts/engine');
  const { action } = await engine.ensureEngine({ log });
  if (action === 'missing')
    throw new Error('no engine or registry answers, and provisioning could not make one');
}

/**
 * The action under test is a copy of dist/ (with action.yml and the runner harness) taken now:
 * other work may rebuild dist/ while a long run goes on, and every job must run the same action.
 */
export async function snapshotAction(dir: string): Promise<{ runner: Runner; action: ActionSnapshot }> {
  fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(dir, 'action.yml'));
  fs.copyFileSync(
    path.join(ROOT, 'scripts', 'action-runner.js'),
    path.join(dir, 'scripts', 'action-runner.js'),
  );
  const runner = require(path.join(dir, 'scripts', 'action-runner.js')) as Runner;
  const distSha256 = createHash('sha256')
    .update(fs.readFileSync(path.join(dir, 'dist', 'main', 'index.js')))
    .update(fs.readFileSync(path.join(dir, 'dist', 'post', 'index.js')))
    .digest('hex');
  const head = await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
  const status = await run('git', ['status', '--porcelain', '--', 'dist', 'src'], { cwd: ROOT });
  return {
    runner,
    action: { distSha256, gitHead: head.stdout.trim(), distModified: status.stdout.trim() !== '' },
  };
}

/** The `--baseline` copy, taken now like the action under test: before and after in one run. */
export function snapshotBaseline(baseline: string, dir: string): Runner {
  for (const part of ['dist', 'action.yml', 'scripts/action-runner.js']) {
    fs.mkdirSync(path.dirname(path.join(dir, part)), { recursive: true });
    fs.cpSync(path.join(baseline, part), path.join(dir, part), { recursive: true });
  }
  return require(path.join(dir, 'scripts', 'action-runner.js')) as Runner;
}

/** A dry run of the snapshot: a broken bundle stops the benchmark before any build. */
export async function smokeTest(repo: Repo, runner: Runner, pathEnv: string): Promise<void> {
  const sha = await repo.rev('HEAD');
  const fetch = { ref: 'refs/heads/main', local: 'refs/remotes/origin/main', branch: 'main' };
  const ws = await repo.checkout(fetch, sha);
  const r = await runner.runStep({
    inputs: { driver: 'docker', cache: 'none', 'dry-run': 'true' },
    event: {
      name: 'push',
      ref: 'refs/heads/main',
      sha,
      payload: { repository: { default_branch: 'main' } },
    },
    workspace: ws,
    env: { ...engineEnv(), PATH: pathEnv },
  });
  fs.rmSync(ws, { recursive: true, force: true });
  if (r.exitCode !== 0 || !r.outputs['cache-report']) {
    throw new Error(
      `the action (dist/index.js) fails a dry run (exit ${r.exitCode}):\n${r.log.slice(-3000)}`,
    );
  }
}
