import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction, runStep } from './run-action';
import {
  dockerShim,
  errorLines,
  eventFixture,
  git,
  makeRepo,
  must,
  ownPluginDirs,
  pushEvent,
  realBuildx,
  releaseServer,
  reportOf,
  run,
  useEngine,
} from './support';

// buildx itself: a runner whose buildx is missing gets the requested release from the tool cache;
// a dry run plans without touching docker at all.
const t = useEngine({ gha: true });

/** A runner without a buildx plugin, with the GitHub cache service. */
const downloadEnv = async () => ({
  ...(await ownPluginDirs()).env,
  ...t.svc.env(t.svc.tokenForPush('main')),
});

describe('buildx-version', () => {
  it('a runner without a buildx plugin gets the requested release, cached in the tool cache, and builds with it', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      // Every folder the CLI looks in is the test's, and empty: no buildx plugin, whatever the machine has.
      const runner = await ownPluginDirs();
      expect((await run('docker', ['buildx', 'version'], { env: runner.env })).code).not.toBe(0);
      const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
      const env = runner.env;
      const inputs = {
        driver: 'docker',
        cache: 'none',
        'buildx-version': 'v0.29.1',
        'buildx-releases-url': releases.url,
      };
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

  it('a second job on an empty tool cache restores buildx from the GitHub cache, not from the release server', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      const env = await downloadEnv();
      const job = async () =>
        runStep({
          inputs: {
            driver: 'docker',
            cache: 'none',
            'buildx-version': 'v0.29.1',
            'buildx-releases-url': releases.url,
          },
          event: pushEvent('main', sha),
          workspace: await repo.checkout(sha),
          env,
          // A fresh runner each time: its own RUNNER_TEMP and empty tool cache.
          runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
        });
      const first = await job();
      expect(first.exitCode).toBe(0);
      expect(first.log).toContain('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
      expect(releases.requests).toHaveLength(1);
      const key = `buildkit-cache-action-buildx-0.29.1-linux-${os.arch()}`;
      expect(
        t.svc
          .entries()
          .filter((e) => e.key === key)
          .map((e) => e.scope),
      ).toStrictEqual(['refs/heads/main']);

      const second = await job();
      expect(second.exitCode).toBe(0);
      expect(second.log).toContain(
        'installed buildx 0.29.1 from the GitHub cache (no docker buildx plugin on the runner)',
      );
      expect(second.outputs['total-steps']).toBe('5');
      expect(releases.requests).toHaveLength(1);
    } finally {
      releases.server.close();
    }
  });

  it("a pull_request_target run holding main's writable token keeps no buildx in the GitHub cache", async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      for (const e of t.svc.entries().filter((x) => x.key.startsWith('buildkit-cache-action-buildx-')))
        await t.svc.deleteEntry(e);
      const main = await runStep({
        inputs: {
          driver: 'docker',
          cache: 'none',
          'buildx-version': 'v0.29.1',
          'buildx-releases-url': releases.url,
        },
        event: eventFixture('pull_request_target', 'pull_request_target', 'refs/heads/main', sha),
        workspace: await repo.checkout(sha),
        // The token GitHub may hand this trigger: main's scope, writable.
        env: await downloadEnv(),
        runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
      });
      expect(main.exitCode).toBe(0);
      expect(main.log).toContain(
        'buildx 0.29.1 is not kept in the GitHub cache: pull_request_target may run untrusted code: nothing is written to the GitHub cache',
      );
      expect(t.svc.entries().filter((e) => e.key.startsWith('buildkit-cache-action-buildx-'))).toStrictEqual(
        [],
      );
    } finally {
      releases.server.close();
    }
  });

  it('a GitHub cache that refuses the buildx entry: a warning, and the job builds', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      // No entry from an earlier test: the job downloads, then the service refuses the save.
      for (const e of t.svc.entries().filter((x) => x.key.startsWith('buildkit-cache-action-buildx-')))
        await t.svc.deleteEntry(e);
      t.svc.faults.noWritableScopes();
      const main = await runStep({
        inputs: {
          driver: 'docker',
          cache: 'none',
          'buildx-version': 'v0.29.1',
          'buildx-releases-url': releases.url,
        },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: await downloadEnv(),
        runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
      });
      expect(main.exitCode).toBe(0);
      expect(errorLines(main.log)).toStrictEqual([]);
      expect(main.log).toMatch(/^::warning::.*cache write denied/m);
      expect(main.outputs['total-steps']).toBe('5');
      expect(releases.requests).toHaveLength(1);
    } finally {
      releases.server.close();
    }
  });

  it('a buildx too old for gha and no buildx-version: one error naming the input', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const runner = await ownPluginDirs();
    const main = await runStep({
      inputs: { driver: 'docker' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: {
        ...runner.env,
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
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const releases = await releaseServer();
    try {
      const main = await runStep({
        inputs: {
          driver: 'docker',
          cache: 'none',
          'buildx-version': '0.30.0',
          'buildx-releases-url': releases.url,
        },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: { ...(await ownPluginDirs()).env },
      });
      expect(main.exitCode).not.toBe(0);
      expect(errorLines(main.log)).toHaveLength(1);
      expect(errorLines(main.log)[0]).toMatch(
        /buildx 0\.30\.0 could not be verified: its checksums could not be read from http:\/\/127\.0\.0\.1:\d+\/v0\.30\.0\/checksums\.txt: HTTP 404/,
      );
    } finally {
      releases.server.close();
    }
  });
});

describe("the tests' runner owns every folder the docker CLI looks in for plugins", () => {
  it('a buildx installed system-wide (in the stand-in for /usr/libexec/docker/cli-plugins) is found by the CLI and used by the action', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const runner = await ownPluginDirs();
    const releases = await releaseServer();
    try {
      // As on GitHub's runners: buildx in the system folder, none in the (empty) docker config.
      fs.symlinkSync(realBuildx(), path.join(runner.systemDirs[3], 'docker-buildx'));
      expect(await must('docker', ['buildx', 'version'], { env: runner.env })).toMatch(
        /^github\.com\/docker\/buildx /,
      );
      const main = await runStep({
        inputs: {
          driver: 'docker',
          cache: 'none',
          'buildx-version': '0.21.0',
          'buildx-releases-url': releases.url,
        },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: runner.env,
      });
      expect(main.exitCode).toBe(0);
      expect(main.log).not.toContain('installed buildx');
      expect(releases.requests).toStrictEqual([]);
      // Taken out again, the CLI finds no buildx: the machine's own folders never leak in.
      fs.rmSync(path.join(runner.systemDirs[3], 'docker-buildx'));
      expect((await run('docker', ['buildx', 'version'], { env: runner.env })).code).not.toBe(0);
    } finally {
      releases.server.close();
    }
  });
});

describe('dry-run', () => {
  it('outputs the plan without creating a builder or calling docker', async () => {
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
