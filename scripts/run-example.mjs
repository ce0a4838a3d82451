// Runs the bundled action (dist/) on example/ against the local Docker engine, the way
// a GitHub runner would, twice: a cold build that exports a local cache, then, after pruning the
// builder's cache (a fresh runner), a warm build that imports it. Needs no GitHub.
//
//   npm run example                # cache: local in a temporary folder
//   npm run example -- registry    # cache: registry on the local registry (127.0.0.1:5000)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { runAction } = require('./action-runner.js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const backend = process.argv[2] || 'local';
const { ensureEngine } = require('./engine.js');

// Use the provisioned engine when there is one; provision it when no engine answers.
const { env } = await ensureEngine();
const registry = env.BKCA_TEST_REGISTRY || '127.0.0.1:5000';
const docker = (...args) => spawnSync('docker', args, { env: { ...process.env, ...env }, encoding: 'utf8' });
if (docker('info').status !== 0) {
  console.error('::error::No Docker engine answers. Start Docker or run: bash scripts/provision-engine.sh');
  process.exit(1);
}

// A git checkout of the example, as actions/checkout would leave it.
const work = mkdtempSync(join(tmpdir(), 'bkca-example-'));
cpSync(join(root, 'example'), work, { recursive: true });
const git = (...args) =>
  execFileSync('git', args, {
    cwd: work,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'example',
      GIT_AUTHOR_EMAIL: 'example@example.com',
      GIT_COMMITTER_NAME: 'example',
      GIT_COMMITTER_EMAIL: 'example@example.com',
    },
  })
    .toString()
    .trim();
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'example');
const sha = git('rev-parse', 'HEAD');

const cacheDir = mkdtempSync(join(tmpdir(), 'bkca-example-cache-'));
const base = env.BKCA_TEST_BASE_IMAGE || 'busybox:latest';
const inputs = {
  driver: 'docker',
  'build-args': `BASE=${base}`,
  tags: `${registry}/example/app:latest`,
  ...(backend === 'registry'
    ? { cache: 'registry', 'cache-image': `${registry}/example/cache` }
    : { cache: 'local', 'cache-dir': cacheDir }),
};
const event = {
  name: 'push',
  ref: 'refs/heads/main',
  sha,
  payload: {
    ref: 'refs/heads/main',
    after: sha,
    repository: { full_name: 'example/app', default_branch: 'main' },
  },
};

for (const [n, label] of [
  [1, 'cold: a fresh runner, no cache yet'],
  [2, 'warm: a fresh runner that imports the cache run 1 exported'],
]) {
  docker('buildx', 'prune', '-af');
  console.log(`\n=== run ${n}, ${label} ===`);
  const started = Date.now();
  const { main, post } = await runAction({
    inputs,
    event,
    workspace: work,
    env,
    echo: !!process.env.VERBOSE,
  });
  const o = main.outputs;
  console.log(
    `exit ${main.exitCode} in ${((Date.now() - started) / 1000).toFixed(1)}s; post exit ${post.exitCode}`,
  );
  console.log(
    `cached-steps=${o['cached-steps']} total-steps=${o['total-steps']} cache-hit-ratio=${o['cache-hit-ratio']} cache-export=${o['cache-export']}`,
  );
  console.log(`cache-from:\n  ${(o['cache-from'] || '').split('\n').join('\n  ')}`);
  console.log(`cache-to:\n  ${(o['cache-to'] || '').split('\n').join('\n  ')}`);
  if (main.exitCode !== 0) {
    console.log(main.log);
    process.exit(main.exitCode);
  }
  if (n === 2) console.log(`\n--- job summary (markdown) ---\n${main.summary}`);
}
