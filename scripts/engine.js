'use strict';
/* global fetch, AbortSignal */
// The engine the end-to-end suite and the example need: used when it answers, provisioned with
// scripts/provision-engine.sh when it does not and this machine can (Debian, as root), else left
// to the caller to explain. Shared by `npm test` (the e2e project's jest globalSetup) and
// `npm run example`.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** What to do, from what answers and what this machine is. Pure. */
function engineAction(o) {
  if (o.engine && o.registry) return 'ready';
  return o.platform === 'linux' && o.root && o.debian ? 'provision' : 'missing';
}

/** The `export NAME="value"` lines of the provisioned engine's env.sh ($PATH expanded), or {}. */
function engineEnvFile(engineHome, pathNow = process.env.PATH || '') {
  const file = path.join(engineHome, 'env.sh');
  if (!fs.existsSync(file)) return {};
  const env = {};
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^export (\w+)="(.*)"$/gm)) {
    env[m[1]] = m[2].replace('$PATH', pathNow);
  }
  return env;
}

async function answers(env) {
  const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    timeout: 30000,
  });
  const registry = await fetch(
    `http://${env.BKCA_TEST_REGISTRY || process.env.BKCA_TEST_REGISTRY || '127.0.0.1:5000'}/v2/`,
    {
      signal: AbortSignal.timeout(5000),
    },
  )
    .then((r) => r.ok)
    .catch(() => false);
  return { engine: engine.status === 0, registry };
}

/**
 * Makes sure an engine and the registry answer, provisioning them when this machine can. Returns
 * what was done and the environment to run docker with (the provisioned engine's env.sh).
 */
async function ensureEngine(o = {}) {
  const engineHome = o.engineHome || process.env.ENGINE_HOME || '/opt/bkca-engine';
  const log = o.log || ((line) => process.stderr.write(`${line}\n`));
  let env = engineEnvFile(engineHome);
  const action = engineAction({
    ...(await answers(env)),
    platform: process.platform,
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    debian: fs.existsSync('/etc/debian_version'),
  });
  if (action !== 'provision') return { action, env };
  log('No Docker engine and registry answer: provisioning them with scripts/provision-engine.sh …');
  try {
    execFileSync('bash', [path.join(ROOT, 'scripts', 'provision-engine.sh')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ENGINE_HOME: engineHome },
    });
  } catch (e) {
    // The caller says what is missing (and fails under CI=true); the script's own lines are above.
    log(`Provisioning failed: ${e.message}`);
    return { action: 'missing', env: engineEnvFile(engineHome) };
  }
  env = engineEnvFile(engineHome);
  const now = await answers(env);
  return { action: now.engine && now.registry ? 'provisioned' : 'missing', env };
}

module.exports = { engineAction, engineEnvFile, ensureEngine };
