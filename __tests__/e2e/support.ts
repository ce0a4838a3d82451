import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildxPluginCandidates, extraPluginDirs, SYSTEM_PLUGIN_DIRS } from '../../src/buildx/buildx';
import { jsonDocuments } from '../../src/buildx/parse/progress';
import { readDockerConfig } from '../../src/lib/docker-config';
import { environmentFrom } from '../../src/runner/environment';
import type { CacheReport } from '../../src/report/types';
import { type GhaCacheService, startGhaCacheService } from '../../test-services/gha-cache';

// The shared engine, registry and base image come from scripts/provision-engine.sh.
const ENGINE_HOME = process.env.ENGINE_HOME || '/opt/bkca-engine';
export const REGISTRY = process.env.BKCA_TEST_REGISTRY || '127.0.0.1:5000';
export const BASE_IMAGE = process.env.BKCA_TEST_BASE_IMAGE || `${REGISTRY}/busybox:latest`;

/** The BuildKit endpoint the e2e setup starts (test-services/buildkit-endpoint), and its image. */
export const BUILDKIT_ENDPOINT = process.env.BKCA_TEST_BUILDKIT_ENDPOINT ?? '';
export const BUILDKIT_IMAGE = process.env.BKCA_TEST_BUILDKIT_IMAGE ?? '';
const endpointMissing = BUILDKIT_ENDPOINT === '' || BUILDKIT_IMAGE === '';

/**
 * `it` for a test that needs that endpoint. Outside CI, when the setup could not start it (it
 * said why), the test is reported as skipped, as skip-without-engine.js does for the engine:
 * never as passed. In CI the setup fails the run instead, and the test runs (see needEndpoint).
 */
// A function, not a value: this file is also loaded outside jest (the benchmark), where `it` is not defined.
export const itNeedsEndpoint = (): jest.It => (endpointMissing && process.env.CI !== 'true' ? it.skip : it);

/** First line of a test that needs the endpoint: without it the test fails, never passes. */
export function needEndpoint(): void {
  if (!endpointMissing) return;
  throw new Error(
    'no BuildKit endpoint: the e2e setup starts test-services/buildkit-endpoint (see its log above)',
  );
}

/** The environment for docker and the action: the provisioned engine's binaries first on PATH. */
export function engineEnv(): Record<string, string> {
  const prefix = path.join(ENGINE_HOME, 'prefix');
  const env: Record<string, string> = {};
  if (fs.existsSync(path.join(prefix, 'usr', 'bin', 'docker'))) {
    env.PATH = `${path.join(prefix, 'usr', 'bin')}:${path.join(prefix, 'usr', 'sbin')}:${process.env.PATH}`;
    env.DOCKER_CONFIG = process.env.DOCKER_CONFIG || path.join(ENGINE_HOME, 'docker-config');
  }
  return env;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program asynchronously (never blocking the event loop: tests may host services). */
export function run(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...engineEnv(), ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function must(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const r = await run(command, args, opts);
  if (r.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${r.code}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * The end-to-end suite needs the real engine. In CI a missing engine fails the run; elsewhere the
 * suite says so loudly and points at the provisioning script.
 */
export async function requireEngine(): Promise<boolean> {
  const r = await run('docker', ['info', '--format', '{{.ServerVersion}}']).catch(() => ({
    code: 127,
    stdout: '',
    stderr: 'docker not found',
  }));
  const registry = await fetch(`http://${REGISTRY}/v2/`)
    .then((x) => x.ok)
    .catch(() => false);
  if (r.code === 0 && registry) return true;
  const why = r.code !== 0 ? `no Docker engine (${r.stderr.trim()})` : `no registry at ${REGISTRY}`;
  const msg = `END-TO-END TESTS NEED THE ENGINE: ${why}. Run: bash scripts/provision-engine.sh`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`\n${'!'.repeat(msg.length)}\n${msg}\n${'!'.repeat(msg.length)}\n`);
  return false;
}

/** Every CI job starts on a fresh runner: no build cache, none of the images it built. */
export async function freshRunner(): Promise<void> {
  await must('docker', ['buildx', 'prune', '-af', '--builder', 'default']);
  await run('docker', ['image', 'prune', '-af']);
}

export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

const gitEnv = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};
export const git = (cwd: string, ...args: string[]) =>
  must('git', args, { cwd, env: gitEnv }).then((s) => s.trim());

/**
 * A project with a three-stage Dockerfile whose RUN steps take a second each: `deps` keyed on
 * deps.txt, `build` keyed on src.txt, and a final stage. Five steps in all (FROM excluded).
 */
export const DOCKERFILE = `FROM ${BASE_IMAGE} AS deps
COPY deps.txt /deps.txt
RUN sleep 1 && cat /deps.txt > /deps.out
FROM deps AS build
COPY src.txt /src.txt
RUN sleep 1 && cat /src.txt /deps.out > /app
FROM ${BASE_IMAGE}
COPY --from=build /app /app
`;

export interface Repo {
  origin: string;
  work: string;
  commit(files: Record<string, string>, message: string): Promise<string>;
  /** A fresh CI checkout of a ref (full history, with origin/* refs). */
  checkout(ref: string): Promise<string>;
  /** The merge commit GitHub builds for a pull request or a merge queue, pushed as `ref`. */
  merge(base: string, head: string, ref: string): Promise<string>;
}

export async function makeRepo(dockerfile = DOCKERFILE): Promise<Repo> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-repo-'));
  const origin = path.join(root, 'origin.git');
  const work = path.join(root, 'work');
  await git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  await git(root, 'clone', '-q', origin, work);
  await git(work, 'checkout', '-q', '-b', 'main');
  const repo: Repo = {
    origin,
    work,
    async commit(files, message) {
      for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
        fs.writeFileSync(path.join(work, name), content);
      }
      await git(work, 'add', '-A');
      await git(work, 'commit', '-q', '-m', message);
      const branch = await git(work, 'rev-parse', '--abbrev-ref', 'HEAD');
      await git(work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
      return git(work, 'rev-parse', 'HEAD');
    },
    async merge(base, head, ref) {
      await git(work, 'checkout', '-q', '--detach', base);
      await git(work, 'merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head);
      const sha = await git(work, 'rev-parse', 'HEAD');
      await git(work, 'push', '-q', 'origin', `${sha}:${ref}`);
      return sha;
    },
    async checkout(ref) {
      const dir = fs.mkdtempSync(path.join(root, 'checkout-'));
      await git(root, 'clone', '-q', origin, dir);
      await git(dir, 'checkout', '-q', ref);
      return dir;
    },
  };
  await repo.commit({ Dockerfile: dockerfile, 'deps.txt': 'deps v1\n', 'src.txt': 'src v1\n' }, 'initial');
  return repo;
}

export const repository = (defaultBranch = 'main') => ({
  full_name: 'octo-org/octo-repo',
  name: 'octo-repo',
  default_branch: defaultBranch,
  owner: { login: 'octo-org' },
});

export function pushEvent(branch: string, sha: string) {
  return {
    name: 'push',
    ref: `refs/heads/${branch}`,
    sha,
    payload: { ref: `refs/heads/${branch}`, after: sha, repository: repository() },
  };
}

export function pullRequestEvent(
  n: number,
  head: string,
  base: string,
  mergeSha: string,
  fork = false,
  headSha?: string,
) {
  const repo = repository();
  return {
    name: 'pull_request',
    ref: `refs/pull/${n}/merge`,
    sha: mergeSha,
    payload: {
      action: 'synchronize',
      number: n,
      pull_request: {
        number: n,
        head: {
          ref: head,
          ...(headSha ? { sha: headSha } : {}),
          repo: fork ? { ...repo, full_name: 'contributor/octo-repo', fork: true } : repo,
        },
        base: { ref: base, repo },
      },
      repository: repo,
    },
  };
}

/** Tags of a repository in the test registry. */
export async function registryTags(repositoryName: string): Promise<string[]> {
  const r = await fetch(`http://${REGISTRY}/v2/${repositoryName}/tags/list`);
  if (r.status === 404) return [];
  const body = (await r.json()) as { tags: string[] | null };
  return (body.tags ?? []).sort();
}

/** The digest a tag points at, or null. */
export async function registryDigest(repositoryName: string, tag: string): Promise<string | null> {
  const r = await fetch(`http://${REGISTRY}/v2/${repositoryName}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json',
    },
  });
  return r.ok ? r.headers.get('docker-content-digest') : null;
}

/**
 * A `docker` on PATH, and a buildx plugin where docker (and the action) look for it, that record
 * every invocation (one line of NUL-separated arguments; a direct buildx call is logged as
 * `buildx …`, as through docker) and then run the real ones: proves what reached docker and
 * buildx, argument by argument.
 */
export async function dockerShim(): Promise<{ env: Record<string, string>; calls: () => string[][] }> {
  const real = (await must('bash', ['-c', 'command -v docker'], {})).trim();
  const base = engineEnv();
  const realConfig = environmentFrom({ ...process.env, ...base }).docker.configDir;
  const realPlugin = fs.realpathSync(path.join(realConfig, 'cli-plugins', 'docker-buildx'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-shim-'));
  const log = path.join(dir, 'calls');
  fs.writeFileSync(log, '');
  // One record per call, written under a lock: calls run at once (the export and the history read)
  // would otherwise interleave their arguments.
  const appendCall = (args: string) =>
    `exec 9>>'${log}'; flock 9; { printf '%s\\0' ${args}; printf '\\n'; } >&9; exec 9>&-\n`;
  fs.writeFileSync(path.join(dir, 'docker'), `#!/bin/bash\n${appendCall('"$@"')}exec '${real}' "$@"\n`, {
    mode: 0o755,
  });
  // A docker config of its own whose plugin is the shim; builder state stays the engine's.
  const config = path.join(dir, 'config');
  fs.mkdirSync(path.join(config, 'cli-plugins'), { recursive: true });
  if (fs.existsSync(path.join(realConfig, 'config.json'))) {
    fs.copyFileSync(path.join(realConfig, 'config.json'), path.join(config, 'config.json'));
  }
  fs.mkdirSync(path.join(realConfig, 'buildx'), { recursive: true });
  fs.symlinkSync(path.join(realConfig, 'buildx'), path.join(config, 'buildx'));
  fs.writeFileSync(
    path.join(config, 'cli-plugins', 'docker-buildx'),
    // Run by docker (which logged already) or asked for its metadata: not logged again.
    `#!/bin/bash\nif [ -z "$DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND" ] && [ "$1" != docker-cli-plugin-metadata ]; then\n` +
      `  ${appendCall('buildx "$@"')}fi\nexec '${realPlugin}' "$@"\n`,
    { mode: 0o755 },
  );
  return {
    env: { ...base, PATH: `${dir}:${base.PATH ?? process.env.PATH}`, DOCKER_CONFIG: config },
    calls: () =>
      fs
        .readFileSync(log, 'utf8')
        .split('\0\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\0')),
  };
}

/** The `::error::` lines of a step's log. */
export const errorLines = (log: string) => log.split('\n').filter((l) => l.startsWith('::error::'));

/** A real-shaped payload file from __tests__/fixtures/events. */
export function eventFixture(name: string, event: string, ref: string, sha: string) {
  const payload = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8'),
  );
  return { name: event, ref, sha, payload };
}

/** The `cache-report` output, typed as the action writes it. */
export const reportOf = (outputs: Record<string, string>) =>
  JSON.parse(outputs['cache-report']) as CacheReport;

/**
 * Per test file: checks the engine once (failing in CI when it is missing), and with `gha` starts
 * the local GitHub Actions cache service, clears its fault switches after each test and stops it.
 */
export function useEngine(o: { gha?: boolean } = {}): { ready: boolean; svc: GhaCacheService } {
  const t = { ready: false, svc: undefined as unknown as GhaCacheService };
  beforeAll(async () => {
    t.ready = await requireEngine();
    // GitHub's own limit of new entries a repository may create per minute (a test may lower it);
    // the token's scopes are always enforced.
    if (t.ready && o.gha) t.svc = await startGhaCacheService({ entryRateLimit: { perWindow: 200 } });
  }, 120000);
  afterAll(async () => {
    if (t.svc) await t.svc.stop();
  });
  if (o.gha)
    afterEach(() => {
      t.svc?.faults.clear();
      t.svc?.setEntryRateLimit({ perWindow: 200 });
    });
  return t;
}

/**
 * Checks a step's outputs; on a mismatch the failure shows the step's log tail too, so a rare
 * failure in CI can be understood from CI's output alone.
 */
export function expectOutputs(
  step: { outputs: Record<string, string>; log: string },
  expected: Record<string, string>,
) {
  const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, step.outputs[k]]));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `outputs ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}\n--- step log (tail) ---\n${step.log.slice(-6000)}`,
    );
  }
  expect(actual).toStrictEqual(expected);
}

/**
 * A runner whose plugin folders the test owns: the real docker CLI, copied, with each system plugin
 * folder fixed in its binary (`/usr/libexec/docker/cli-plugins`, where GitHub's runners keep buildx,
 * and the three others) rewritten to an empty stand-in of the same length; an empty DOCKER_CONFIG;
 * and the action told the stand-ins (BKCA_CLI_PLUGINS_SYSTEM_DIRS). A buildx installed system-wide
 * on the machine is then invisible, to the CLI and to the action. `systemDirs[3]` stands for
 * `/usr/libexec/docker/cli-plugins`.
 */
export async function ownPluginDirs(): Promise<{ env: Record<string, string>; systemDirs: string[] }> {
  const base = engineEnv();
  const real = fs.realpathSync((await must('bash', ['-c', 'command -v docker'])).trim());
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-cli-'));
  let binary = fs.readFileSync(real);
  const systemDirs = SYSTEM_PLUGIN_DIRS.map((dir, i) => {
    const standIn = `${root}/${i}`.padEnd(dir.length, 'x');
    if (standIn.length !== dir.length) throw new Error(`${os.tmpdir()} is too long to stand in for ${dir}`);
    const [from, to] = [Buffer.from(dir), Buffer.from(standIn)];
    let replaced = 0;
    for (let at = binary.indexOf(from); at !== -1; at = binary.indexOf(from, at + to.length)) {
      binary = Buffer.concat([binary.subarray(0, at), to, binary.subarray(at + from.length)]);
      replaced++;
    }
    if (replaced === 0)
      throw new Error(`${real} does not name ${dir}: its plugin search path cannot be owned`);
    fs.mkdirSync(standIn, { recursive: true });
    return standIn;
  });
  fs.mkdirSync(path.join(root, 'bin'));
  fs.writeFileSync(path.join(root, 'bin', 'docker'), binary, { mode: 0o755 });
  const config = path.join(root, 'docker-config');
  fs.mkdirSync(config);
  return {
    env: {
      ...base,
      PATH: `${path.join(root, 'bin')}:${base.PATH ?? process.env.PATH}`,
      DOCKER_CONFIG: config,
      BKCA_CLI_PLUGINS_SYSTEM_DIRS: systemDirs.join(':'),
    },
    systemDirs,
  };
}

/** This machine's real buildx binary, found where the docker CLI (and the action) look for it. */
export function realBuildx(): string {
  const env = { ...process.env, ...engineEnv() };
  const candidates = buildxPluginCandidates({
    dockerConfigDir: environmentFrom(env).docker.configDir,
    extraDirs: extraPluginDirs(readDockerConfig(environmentFrom(env).docker.configDir)),
    platform: os.platform(),
    systemDirs: SYSTEM_PLUGIN_DIRS,
  });
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`no buildx on this machine (looked in ${candidates.join(', ')})`);
  return fs.realpathSync(found);
}

/**
 * A loopback stand-in for the release downloads, serving this machine's real buildx binary and,
 * beside it, checksums.txt with its sha256 as buildx's releases publish it. `requests`: the
 * binary's downloads; `checksums`: the reads of checksums.txt.
 */
export async function releaseServer(): Promise<{
  url: string;
  port: number;
  requests: string[];
  checksums: string[];
  server: Server;
}> {
  const binary = realBuildx();
  const sum = createHash('sha256').update(fs.readFileSync(binary)).digest('hex');
  const requests: string[] = [];
  const checksums: string[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/v0.29.1/checksums.txt') {
      checksums.push(req.url);
      const arch = os.arch() === 'arm64' ? 'arm64' : 'amd64';
      res.end(`${sum}  buildx-v0.29.1.linux-${arch}\n`);
      return;
    }
    requests.push(req.url ?? '');
    if (!/^\/v0\.29\.1\/buildx-v0\.29\.1\.linux-(amd64|arm64)$/.test(req.url ?? '')) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    fs.createReadStream(binary).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, requests, checksums, server };
}

/** `pull_request` `closed`: merged, unless it comes from a fork. */
export function closedPullRequest(n: number, head: string, sha: string, fork = false) {
  const e = pullRequestEvent(n, head, 'main', sha, fork);
  const pr = {
    ...e.payload.pull_request,
    state: 'closed',
    merged: !fork,
    merged_at: fork ? null : '2026-11-20T12:00:00Z',
  };
  return { ...e, payload: { ...e.payload, action: 'closed', pull_request: pr } };
}

/** `delete` of a branch, as GitHub sends it: the default branch's ref and sha. */
export function branchDeleted(branch: string, mainSha: string) {
  const e = eventFixture('delete-branch', 'delete', 'refs/heads/main', mainSha);
  return { ...e, payload: { ...e.payload, ref: branch } };
}

/** A run of the action, as scripts/action-runner gives it. */
export type Step = { outputs: Record<string, string> };

/** What the cache-mount step printed, from the build's own record (rawjson logs of buildx history). */
export async function mountStepOutput(step: Step): Promise<string> {
  const ref = reportOf(step.outputs).record?.ref ?? '';
  expect(ref).not.toBe('');
  const logs = await run('docker', [
    'buildx',
    'history',
    'logs',
    '--builder',
    'default',
    '--progress',
    'rawjson',
    ref.split('/').pop()!,
  ]);
  expect(logs.code).toBe(0);
  const vertices = new Map<string, string>();
  let out = '';
  // buildx writes the rawjson stream to stderr or stdout depending on its version.
  for (const doc of jsonDocuments(`${logs.stdout}\n${logs.stderr}`)) {
    const status = doc as {
      vertexes?: { digest: string; name?: string }[];
      logs?: { vertex: string; data: string }[];
    };
    for (const v of status.vertexes ?? []) if (v.name) vertices.set(v.digest, v.name);
    for (const l of status.logs ?? []) {
      if ((vertices.get(l.vertex) ?? '').includes('--mount=type=cache')) {
        out += Buffer.from(l.data, 'base64').toString();
      }
    }
  }
  return out;
}
