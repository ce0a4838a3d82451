import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAction, runStep, withStepLog, type StepResult } from './run-action';
import {
  BASE_IMAGE,
  BUILDKIT_ENDPOINT,
  BUILDKIT_IMAGE,
  engineEnv,
  errorLines,
  git,
  makeRepo,
  mountStepOutput,
  itNeedsEndpoint,
  must,
  needEndpoint,
  pushEvent,
  REGISTRY,
  registryTags,
  reportOf,
  run,
  uniqueName,
  useEngine,
} from './support';

// The path GitHub's runners take: the action's own builder on the `docker-container` driver (its
// default) and on `remote`, with its steps on Node 24. No BuildKit image can be pulled here, so both
// drivers reach the engine's own BuildKit through test-services/buildkit-endpoint: `remote` at its
// loopback address, `docker-container` through a stand-in image whose `buildctl dial-stdio` dials
// it. What this proves and what it does not: CONTRIBUTING.md, "Test environment".
//
// That BuildKit is the engine's, so its cache is shared with every other build on the engine: each
// test's Dockerfile carries a token of its own, so a cold build is cold, and "a fresh runner" prunes
// the records whose description holds that token, never anything else.
const t = useEngine({ gha: true });
const ENDPOINT = BUILDKIT_ENDPOINT;
const STAND_IN_IMAGE = BUILDKIT_IMAGE;

const DRIVERS = [
  {
    driver: 'docker-container',
    // A container of this job's own: a build fully cached from the cache it writes exports nothing new.
    freshBuildKit: true,
    inputs: () => ({ driver: 'docker-container', 'driver-opts': `image=${STAND_IN_IMAGE}\nnetwork=host` }),
  },
  // A daemon other jobs build on too: its own cache may have served the hits, so the export runs.
  { driver: 'remote', freshBuildKit: false, inputs: () => ({ driver: 'remote', endpoint: ENDPOINT }) },
];

/** Five steps (FROM excluded), each naming `token`, so that its cache is this test's alone. */
const tokenDockerfile = (token: string) => `FROM ${BASE_IMAGE} AS deps
COPY deps.txt /deps-${token}.txt
RUN echo ${token} && cat /deps-${token}.txt > /deps.out
FROM deps AS build
COPY src.txt /src-${token}.txt
RUN echo ${token} && cat /src-${token}.txt /deps.out > /app
FROM ${BASE_IMAGE}
COPY --from=build /app /app-${token}
`;

/** A fresh runner for this test: the engine's build records naming `token` pruned, no others. */
async function pruneToken(token: string) {
  await must('docker', [
    'buildx',
    'prune',
    '-af',
    '--builder',
    'default',
    '--filter',
    `description~=${token}`,
  ]);
  const left = await must('docker', [
    'buildx',
    'du',
    '--verbose',
    '--builder',
    'default',
    '--filter',
    `description~=${token}`,
  ]);
  expect(left).not.toContain(token);
}

const builderExists = async (name: string) => (await run('docker', ['buildx', 'inspect', name])).code === 0;
const containerOf = (builder: string) => `buildx_buildkit_${builder}0`;
const containerExists = async (name: string) =>
  (await run('docker', ['container', 'inspect', name])).code === 0;
const volumeExists = async (name: string) => (await run('docker', ['volume', 'inspect', name])).code === 0;

/** A green step, or its log's tail in the failure. */
function green(step: StepResult, what: string): StepResult {
  if (step.exitCode !== 0) throw new Error(`${what} failed:\n${step.log.slice(-6000)}`);
  return step;
}

describe("the action's steps run on Node 24", () => {
  it("main and post run on the Node 24 binary, as action.yml's `using: node24` asks of a runner", async () => {
    expect(fs.readFileSync(path.join(__dirname, '..', '..', 'action.yml'), 'utf8')).toMatch(
      /^ {2}using: node24$/m,
    );
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const { main, post } = await runAction({
      inputs: { driver: 'docker', cache: 'none' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    green(main, 'main');
    const version = execFileSync(main.node, ['--version'], { encoding: 'utf8' }).trim();
    console.info(
      `the action's steps ran on Node ${version} (${main.node}); jest runs on Node ${process.version}`,
    );
    expect(version).toMatch(/^v24\./);
    // What the steps themselves report (their first debug line), not only which binary was started.
    expect(main.log).toContain(`::debug::buildkit-cache-action main runs on node ${version}\n`);
    expect(post.log).toContain(`::debug::buildkit-cache-action post runs on node ${version}\n`);
  });
});

describe.each(DRIVERS)(
  'driver: $driver (the engine’s BuildKit through the endpoint)',
  ({ driver, freshBuildKit, inputs }) => {
    // Skipped, not passed, where the e2e setup could not start the endpoint (support.ts).
    const it = itNeedsEndpoint();
    it('creates its own builder, builds on it, and post removes that builder and nothing else', async () => {
      needEndpoint();
      const token = uniqueName('tok').replace('-', '');
      const repo = await makeRepo(tokenDockerfile(token));
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      // Someone else's builder on the same engine: post must leave it alone, also when it is used.
      const other = uniqueName('e2e-other');
      await must('docker', ['buildx', 'create', '--name', other, '--driver', 'remote', ENDPOINT]);
      try {
        // `builder` names an existing builder: the options that create one are not given with it.
        const job = async (builder?: string) => {
          const o = {
            inputs: { ...(builder ? { driver, builder } : inputs()), cache: 'none' },
            event: pushEvent('main', sha),
            workspace: await repo.checkout(sha),
            env: engineEnv(),
          };
          const main = green(await runStep(o), 'main');
          return { main, post: () => runStep({ ...o, step: 'post', state: main.state }) };
        };
        const own = await job();
        const name = own.main.outputs.builder;
        expect(name).toMatch(/^bkca-build-[0-9a-f]{8}$/);
        // A cold build of this test's own steps, each once.
        expect(
          reportOf(own.main.outputs).steps.list.map((s) => `${s.stage}: ${s.step} ${s.status}`),
        ).toStrictEqual([
          `deps: COPY deps.txt /deps-${token}.txt executed`,
          `deps: RUN echo ${token} && cat /deps-${token}.txt > /deps.out executed`,
          `build: COPY src.txt /src-${token}.txt executed`,
          `build: RUN echo ${token} && cat /src-${token}.txt /deps.out > /app executed`,
          `stage-2: COPY --from=build /app /app-${token} executed`,
        ]);
        // Between main and post the builder is there (and its container, for docker-container).
        expect(await builderExists(name)).toBe(true);
        expect(await containerExists(containerOf(name))).toBe(driver === 'docker-container');
        const post = green(await own.post(), 'post');
        expect(post.log).toContain(`builder ${name} removed`);
        expect(await builderExists(name)).toBe(false);
        expect(await containerExists(containerOf(name))).toBe(false);
        expect(await volumeExists(`${containerOf(name)}_state`)).toBe(false);
        expect(await builderExists(other)).toBe(true);

        // A builder named by the `builder` input is not this run's: post keeps it.
        const named = await job(other);
        expect(named.main.outputs.builder).toBe(other);
        const namedPost = green(await named.post(), 'post');
        expect(namedPost.log).not.toContain('removed');
        expect(await builderExists(other)).toBe(true);
      } finally {
        await run('docker', ['buildx', 'rm', '--force', other]);
      }
    });

    it('registry cache: cold, then warm on a fresh runner with every step from the cache; the export skipped on a BuildKit of its own', async () => {
      needEndpoint();
      const token = uniqueName('tok').replace('-', '');
      const cacheRepo = `${uniqueName('e2e-drivers')}/cache`;
      const repo = await makeRepo(tokenDockerfile(token));
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      // A branch other than the default: its one cache is both what it reads and what it writes.
      const job = async () =>
        runAction({
          inputs: { ...inputs(), cache: 'registry', 'cache-image': `${REGISTRY}/${cacheRepo}` },
          event: pushEvent('topic', sha),
          workspace: await repo.checkout(sha),
          env: engineEnv(),
        });
      const cold = await job();
      await withStepLog(cold.main, async () => {
        green(cold.main, 'cold');
        expect([cold.main.outputs['cached-steps'], cold.main.outputs['total-steps']]).toStrictEqual([
          '0',
          '5',
        ]);
        expect(cold.main.outputs['cache-export']).toBe('ok');
        expect(await registryTags(cacheRepo)).toStrictEqual(['default.branch-topic']);
      });
      expect(await builderExists(cold.main.outputs.builder)).toBe(false);

      await pruneToken(token);
      const warm = await job();
      await withStepLog(warm.main, async () => {
        green(warm.main, 'warm');
        expect([warm.main.outputs['cached-steps'], warm.main.outputs['total-steps']]).toStrictEqual([
          '5',
          '5',
        ]);
        const skipped =
          'cache export skipped: the build was fully cached from branch:topic, the very cache it would write';
        if (freshBuildKit) {
          expect(warm.main.outputs['cache-export']).toBe('skipped');
          expect(warm.main.log).toContain(skipped);
          expect(warm.main.log).not.toContain('::group::Cache export');
        } else {
          // A daemon that outlives the job, whose history holds this build: a branch's export is
          // skipped as the warm plan's (issue 31, docs/builders.md), not as a moot one.
          expect(warm.main.outputs['cache-export']).toBe('skipped');
          expect(warm.main.log).toContain('cache export skipped: the builder is persistent and warm');
          expect(warm.main.log).not.toContain(skipped);
        }
      });
      expect(warm.main.outputs.builder).not.toBe(cold.main.outputs.builder);
      expect(await builderExists(warm.main.outputs.builder)).toBe(false);
    });

    it('gha cache on main: cold, then warm on a fresh runner with every step from the cache', async () => {
      needEndpoint();
      const token = uniqueName('tok').replace('-', '');
      const scope = uniqueName('drv');
      const repo = await makeRepo(tokenDockerfile(token));
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      const job = async () =>
        runAction({
          inputs: { ...inputs(), cache: 'gha', 'cache-scope': scope },
          event: pushEvent('main', sha),
          workspace: await repo.checkout(sha),
          env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
        });
      const cold = await job();
      await withStepLog(cold.main, () => {
        green(cold.main, 'cold');
        expect([cold.main.outputs['cached-steps'], cold.main.outputs['total-steps']]).toStrictEqual([
          '0',
          '5',
        ]);
        expect(cold.main.outputs['cache-export']).toBe('ok');
      });
      expect(t.svc.entries().some((e) => e.key.includes(scope))).toBe(true);
      await pruneToken(token);
      const warm = await job();
      await withStepLog(warm.main, () => {
        green(warm.main, 'warm');
        expect([warm.main.outputs['cached-steps'], warm.main.outputs['total-steps']]).toStrictEqual([
          '5',
          '5',
        ]);
        expect(reportOf(warm.main.outputs).steps.list.every((s) => s.cached)).toBe(true);
      });
      expect(await builderExists(warm.main.outputs.builder)).toBe(false);
    });

    it('merge: each leg pushes by digest and leaves no tag; merge: index makes one index of both', async () => {
      needEndpoint();
      const token = uniqueName('tok').replace('-', '');
      const name = uniqueName('e2e/drivers-merge');
      const tag = `${REGISTRY}/${name}:latest`;
      const platforms = ['linux/amd64', 'linux/arm64'];
      // Build-platform stages, a scratch final stage: no emulation needed for linux/arm64.
      const repo = await makeRepo(`FROM --platform=$BUILDPLATFORM ${BASE_IMAGE} AS build
COPY src.txt /src.txt
RUN echo ${token} && cat /src.txt > /app
FROM scratch
COPY --from=build /app /app
`);
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      const common = {
        ...inputs(),
        cache: 'gha',
        'cache-scope': uniqueName('drvm'),
        tags: tag,
        push: 'true',
      };
      const job = async (extra: Record<string, string>) =>
        runAction({
          inputs: { ...common, ...extra },
          event: pushEvent('main', sha),
          workspace: await repo.checkout(sha),
          env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')), GITHUB_RUN_ID: `drv-${token}` },
        });
      const digests: Record<string, string> = {};
      for (const platform of platforms) {
        const { main, post } = await job({ merge: 'leg', platforms: platform });
        green(main, `leg ${platform}`);
        digests[platform] = main.outputs.digest;
        expect(main.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(main.log).toContain(`merge: ${platform} pushed as ${REGISTRY}/${name}@${main.outputs.digest}`);
        expect(await builderExists(main.outputs.builder)).toBe(false);
        expect(errorLines(post.log)).toStrictEqual([]);
      }
      // Pushed by digest: the repository has the legs' manifests and no tag at all (no bkca-leg-*).
      expect(await registryTags(name)).toStrictEqual([]);
      for (const digest of Object.values(digests)) {
        expect(
          (await run('docker', ['buildx', 'imagetools', 'inspect', `${REGISTRY}/${name}@${digest}`])).code,
        ).toBe(0);
      }

      const { main } = await job({ merge: 'index', platforms: platforms.join(',') });
      green(main, 'merge');
      expect(await registryTags(name)).toStrictEqual(['latest']);
      expect(reportOf(main.outputs).merge?.legs.map((l) => [l.platform, l.digest])).toStrictEqual(
        platforms.map((p) => [p, digests[p]]),
      );
      const inspected = await must('docker', ['buildx', 'imagetools', 'inspect', tag]);
      for (const p of platforms) expect(inspected).toContain(`Platform:    ${p}`);
    });

    it('cache mounts: saved after the first job, restored into the step on a fresh runner', async () => {
      needEndpoint();
      const token = uniqueName('tok').replace('-', '');
      const repo = await makeRepo(`FROM ${BASE_IMAGE}
COPY deps.txt /deps-${token}.txt
RUN --mount=type=cache,id=${token},target=/var/cache/app \\
    if [ -f /var/cache/app/${token} ]; then echo "reused ${token}"; \\
    else echo "downloading ${token}"; echo ${token} > /var/cache/app/${token}; fi
`);
      const scope = uniqueName('drvmnt');
      const job = async (sha: string) =>
        runAction({
          inputs: {
            ...inputs(),
            cache: 'gha',
            'cache-scope': scope,
            'cache-mounts-image': BASE_IMAGE,
            'cache-mounts-timeout': '60s',
          },
          event: pushEvent('main', sha),
          workspace: await repo.checkout(sha),
          env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
        });
      const first = await job(await git(repo.work, 'rev-parse', 'HEAD'));
      green(first.main, 'first');
      expect(await mountStepOutput(first.main)).toContain(`downloading ${token}`);
      expect(first.main.outputs['cache-mounts-saved']).toBe(token);

      // A fresh runner (the mount's record pruned), and a change that re-runs the step.
      await pruneToken(token);
      const second = await job(await repo.commit({ 'deps.txt': 'deps v2\n' }, 'new deps'));
      green(second.main, 'second');
      expect(JSON.parse(second.main.outputs['cache-mounts'])).toMatchObject({ restored: 1, failed: 0 });
      const output = await mountStepOutput(second.main);
      expect(output).toContain(`reused ${token}`);
      expect(output).not.toContain('downloading');
      expect(await builderExists(second.main.outputs.builder)).toBe(false);
    });

    it('a step failing inside the builder: one ::error:: naming it, and post still removes the builder', async () => {
      needEndpoint();
      const token = uniqueName('tok').replace('-', '');
      const repo = await makeRepo(`FROM ${BASE_IMAGE}
COPY src.txt /src.txt
RUN echo ${token} && exit 3
`);
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      const { main, post } = await runAction({
        inputs: { ...inputs(), cache: 'none' },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: engineEnv(),
      });
      expect(main.exitCode).toBe(1);
      const errors = errorLines(main.log);
      expect(errors).toHaveLength(1);
      // The failing command and its exit code. Where the step and its Dockerfile line come from the
      // build's record: on a daemon other builds share, a failed build's record is found only when
      // no other build started meanwhile (src/buildx/history.ts), so they are not required here.
      expect(errors[0]).toContain(`echo ${token} && exit 3`);
      expect(errors[0]).toMatch(/exit code: 3$/);
      expect(post.exitCode).toBe(0);
      expect(errorLines(post.log)).toStrictEqual([]);
      expect(await builderExists(main.state.builderCreated)).toBe(false);
    });
  },
);

describe('driver: remote, a BuildKit that outlives the builder', () => {
  // Skipped, not passed, where the e2e setup could not start the endpoint (support.ts).
  const it = itNeedsEndpoint();
  // A remote builder is only a name for a daemon that serves other jobs too: its own cache may
  // serve a build in full that the cache it reads lacks, so that export is not moot.
  it('a build served by the daemon’s own cache still exports, and the next fresh runner finds it all', async () => {
    needEndpoint();
    const token = uniqueName('tok').replace('-', '');
    const cacheRepo = `${uniqueName('e2e-drivers')}/cache`;
    const repo = await makeRepo(tokenDockerfile(token));
    const job = async (sha: string) =>
      runAction({
        inputs: {
          driver: 'remote',
          endpoint: ENDPOINT,
          cache: 'registry',
          'cache-image': `${REGISTRY}/${cacheRepo}`,
        },
        // The default branch: on a warm persistent builder a branch skips its export (issue 31,
        // docs/builders.md); the default branch exports, and this test is about when it is moot.
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: engineEnv(),
      });
    green((await job(await git(repo.work, 'rev-parse', 'HEAD'))).main, 'first');
    // Another job on the same daemon builds the next commit first, without this cache.
    const sha = await repo.commit({ 'src.txt': 'src v2\n' }, 'change the source');
    await must('docker', ['buildx', 'build', '--builder', 'default', '-q', await repo.checkout(sha)]);

    const served = await job(sha);
    await withStepLog(served.main, () => {
      green(served.main, 'served by the daemon');
      expect(served.main.outputs['cached-steps']).toBe('5');
      expect(served.main.outputs['cache-export']).toBe('ok');
      expect(served.main.log).not.toContain('cache export skipped');
    });
    await pruneToken(token);
    const next = await job(sha);
    await withStepLog(next.main, () => {
      green(next.main, 'next');
      expect([next.main.outputs['cached-steps'], next.main.outputs['total-steps']]).toStrictEqual(['5', '5']);
    });
  });
});
