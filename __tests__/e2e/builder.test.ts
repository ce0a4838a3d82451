import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction, runStep } from '../../scripts/action-runner';
import {
  dockerShim,
  engineEnv,
  errorLines,
  git,
  makeRepo,
  must,
  pushEvent,
  reportOf,
  useEngine,
} from './support';

// buildx itself: a runner whose buildx is missing gets the requested release from the tool cache;
// a dry run plans without touching docker at all.
const t = useEngine();

/** A loopback stand-in for the release downloads, serving this machine's real buildx binary. */
async function releaseServer(): Promise<{ url: string; requests: string[]; server: Server }> {
  const binary = fs.realpathSync(
    (
      await must(
        'bash',
        ['-c', 'command -v docker-buildx || echo "$DOCKER_CONFIG/cli-plugins/docker-buildx"'],
        { env: engineEnv() },
      )
    ).trim(),
  );
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (!/^\/v0\.29\.1\/buildx-v0\.29\.1\.linux-(amd64|arm64)$/.test(req.url ?? '')) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    fs.createReadStream(binary).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe('buildx-version', () => {
  it('a runner without a buildx plugin gets the requested release, cached in the tool cache, and builds with it', async () => {
    if (!t.ready) return;
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      // An empty docker config folder: the CLI finds no buildx plugin there.
      const bareConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'no-buildx-'));
      const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
      const env = { ...engineEnv(), DOCKER_CONFIG: bareConfig, BKCA_BUILDX_RELEASES_URL: releases.url };
      const inputs = { driver: 'docker', cache: 'none', 'buildx-version': 'v0.29.1' };
      const first = await runAction({
        inputs,
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env,
        runnerTemp,
      });
      expect(first.main.exitCode).toBe(0);
      expect(first.main.log).toContain('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
      expect(first.main.outputs['total-steps']).toBe('5');
      expect(first.post.exitCode).toBe(0);
      expect(releases.requests).toStrictEqual([
        '/v0.29.1/buildx-v0.29.1.linux-amd64'.replace('amd64', os.arch() === 'arm64' ? 'arm64' : 'amd64'),
      ]);
      // The second run on the same runner takes it from the tool cache: no download.
      const second = await runStep({
        inputs,
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env,
        runnerTemp,
      });
      expect(second.exitCode).toBe(0);
      expect(releases.requests).toHaveLength(1);
    } finally {
      releases.server.close();
    }
  });

  it('a buildx too old for gha and no buildx-version: one error naming the input', async () => {
    if (!t.ready) return;
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const bareConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'no-buildx-'));
    const main = await runStep({
      inputs: { driver: 'docker' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: {
        ...engineEnv(),
        DOCKER_CONFIG: bareConfig,
        ACTIONS_RUNTIME_TOKEN: 'x.y.z',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
      },
    });
    expect(main.exitCode).not.toBe(0);
    expect(errorLines(main.log)).toStrictEqual([
      '::error::buildkit-cache-action: no docker buildx plugin found; 0.21.0 or newer is needed. Set buildx-version (e.g. 0.29.1) to install it, or use docker/setup-buildx-action first',
    ]);
  });

  it('a release that cannot be downloaded: one clear error', async () => {
    if (!t.ready) return;
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      const main = await runStep({
        inputs: { driver: 'docker', cache: 'none', 'buildx-version': '0.30.0' },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: {
          ...engineEnv(),
          DOCKER_CONFIG: fs.mkdtempSync(path.join(os.tmpdir(), 'no-buildx-')),
          BKCA_BUILDX_RELEASES_URL: releases.url,
        },
      });
      expect(main.exitCode).not.toBe(0);
      expect(errorLines(main.log)).toHaveLength(1);
      expect(errorLines(main.log)[0]).toMatch(
        /buildx 0\.30\.0 could not be downloaded from http:\/\/127\.0\.0\.1:\d+\/v0\.30\.0\//,
      );
    } finally {
      releases.server.close();
    }
  });
});

describe('dry-run', () => {
  it('outputs the plan without creating a builder or calling docker', async () => {
    if (!t.ready) return;
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const shim = await dockerShim();
    const main = await runStep({
      inputs: {
        'dry-run': 'true',
        'cache-explain': 'true',
        cache: 'registry',
        'cache-image': 'ghcr.io/octo-org/app-cache',
      },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: shim.env,
    });
    expect(main.exitCode).toBe(0);
    expect(shim.calls()).toStrictEqual([]);
    expect(main.state.builderCreated).toBeUndefined();
    // This machine cannot reach the registry: which caches exist is unknown, so only the likeliest
    // source (main's own branch, the default branch) is read, and the plan says so.
    expect(main.outputs['cache-from'].split('\n')).toStrictEqual([
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-main',
    ]);
    const notes = reportOf(main.outputs).plan.notes;
    expect(notes.some((n) => n.startsWith('cache tags not listed'))).toBe(true);
    expect(notes).toContain(
      'which caches exist is unknown: only branch:main is read (more sources only make BuildKit miss at random)',
    );
    expect(main.outputs['cache-to'].split('\n')).toStrictEqual([
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-main,mode=max,ignore-error=true',
      `type=registry,ref=ghcr.io/octo-org/app-cache:default.sha-${sha},mode=max,ignore-error=true`,
    ]);
    expect(main.outputs['cache-export']).toBe('skipped');
    expect(reportOf(main.outputs).build).toBe('not-run');
    // cache-explain: the plan, with its reasons, in the job summary.
    expect(main.summary).toContain('push to the default branch: its cache serves every branch');
  });
});
