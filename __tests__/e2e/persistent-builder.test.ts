import { randomBytes } from 'node:crypto';
import { runAction } from './run-action';
import {
  BASE_IMAGE,
  BUILDKIT_ENDPOINT,
  git,
  itNeedsEndpoint,
  makeRepo,
  needEndpoint,
  pushEvent,
  REGISTRY,
  reportOf,
  useEngine,
} from './support';

// A self-hosted runner's engine, not pruned between jobs: the engine's own builder (`driver:
// docker`) keeps its cache. Two jobs on it, one workspace as a self-hosted runner keeps it: the
// default branch builds and exports; a branch push then builds warm and skips its export.
useEngine();
// The engine's BuildKit as a remote endpoint (test-services/buildkit-endpoint, started by the e2e setup).
const ENDPOINT = BUILDKIT_ENDPOINT;

const nonce = () => randomBytes(4).toString('hex');
const dockerfile = (n: string) => `FROM ${BASE_IMAGE} AS deps
COPY deps.txt /deps.txt
RUN echo persistent-${n} && cat /deps.txt > /deps.out
FROM deps AS build
COPY src.txt /src.txt
RUN echo persistent-${n} && cat /src.txt /deps.out > /app
FROM ${BASE_IMAGE}
COPY --from=build /app /app
`;

/** Two jobs, then the controls; `builder` is what the report should say of it. */
async function twoJobs(o: {
  driverInputs: Record<string, string>;
  builder: { name?: RegExp; driver: string; why: RegExp };
  /** A runner environment under which the same builder is ephemeral (null: none, it is persistent anyway). */
  ephemeralOn: string | null;
}) {
  const n = nonce();
  const repo = await makeRepo(dockerfile(n));
  const main = await git(repo.work, 'rev-parse', 'HEAD');
  // One workspace for both jobs: a self-hosted runner keeps its work folder.
  const workspace = await repo.checkout(main);
  const inputs = {
    ...o.driverInputs,
    context: '.',
    cache: 'registry',
    'cache-image': `${REGISTRY}/e2e-persistent-${n}`,
  };
  const selfHosted = { RUNNER_ENVIRONMENT: 'self-hosted' };

  const first = await runAction({ inputs, event: pushEvent('main', main), workspace, env: selfHosted });
  expect(first.main.exitCode).toBe(0);
  const r1 = reportOf(first.main.outputs);
  expect(r1.builder).toMatchObject({ driver: o.builder.driver, kind: 'persistent' });
  expect(r1.builder?.name).toMatch(o.builder.name ?? /./);
  expect(r1.builder?.why).toMatch(o.builder.why);
  expect(r1.builder?.warmth?.warm).toBe(false);
  expect(r1.export.status).toBe('ok');
  expect(first.post.exitCode).toBe(0);

  // A branch with a README-only change: the same build, on the same BuildKit, not pruned.
  await git(repo.work, 'checkout', '-q', '-b', 'topic');
  const topic = await repo.commit({ 'README.md': 'docs only\n' }, 'docs');
  await git(workspace, 'fetch', '-q', 'origin');
  await git(workspace, 'checkout', '-q', topic);
  const second = await runAction({ inputs, event: pushEvent('topic', topic), workspace, env: selfHosted });
  expect(second.main.exitCode).toBe(0);
  const r2 = reportOf(second.main.outputs);
  expect(r2.trigger).toBe('push-branch');
  expect(r2.builder?.kind).toBe('persistent');
  expect(r2.builder?.warmth?.why).toMatch(/^its history holds a completed build of /);
  expect(r2.builder?.warmth?.warm).toBe(true);
  // The first job's record (its image build or its cache export, both of this name), not its own.
  expect(r2.builder?.warmth?.ref).toMatch(/^\w+$/);
  expect(r2.builder?.warmth?.ref).not.toBe(r2.record?.ref);
  expect(r2.steps.executed).toBe(0);
  expect(r2.steps.cached).toBe(r2.steps.total);
  expect(r2.export.status).toBe('skipped');
  expect(r2.export.reason).toMatch(
    /^the builder is persistent and warm \(its history holds a completed build of /,
  );
  expect(second.main.outputs['cache-export']).toBe('skipped');
  expect(second.main.log).toContain('cache export skipped: the builder is persistent and warm');
  expect(second.main.summary).toContain(`(driver ${o.builder.driver}): **persistent** (it outlives the job)`);
  expect(second.main.summary).toMatch(/Warm: its history holds a completed build of \S+ at \d{4}-/);
  expect(second.main.summary).toContain('➖ skipped: the builder is persistent and warm');
  expect(second.main.summary).toContain('Where the hits came from:');
  expect(second.post.exitCode).toBe(0);

  if (o.ephemeralOn !== null) {
    // The same branch job where this builder goes with the job: it exports.
    const hosted = await runAction({
      inputs,
      event: pushEvent('topic', topic),
      workspace,
      env: { RUNNER_ENVIRONMENT: o.ephemeralOn },
    });
    expect(hosted.main.exitCode).toBe(0);
    const r3 = reportOf(hosted.main.outputs);
    expect(r3.builder).toMatchObject({ kind: 'ephemeral', warmth: null });
    expect(r3.export.status).toBe('ok');
  }

  // cache-write: always exports on the warm builder too.
  const always = await runAction({
    inputs: { ...inputs, 'cache-write': 'always' },
    event: pushEvent('topic', topic),
    workspace,
    env: selfHosted,
  });
  expect(always.main.exitCode).toBe(0);
  expect(reportOf(always.main.outputs).export.status).toBe('ok');
}

describe('a persistent docker engine (self-hosted runner)', () => {
  it('the default branch exports; a branch push on the warm builder builds from its own cache and skips the export, saying why', async () => {
    await twoJobs({
      driverInputs: { driver: 'docker' },
      builder: { name: /^default$/, driver: 'docker', why: /self-hosted runner/ },
      ephemeralOn: 'github-hosted',
    });
  });
});

describe('driver: remote, a BuildKit service', () => {
  // Skipped, not passed, where the e2e setup could not start the endpoint (support.ts).
  const it = itNeedsEndpoint();
  it('a builder created per job on the same service: the second job finds it warm and a branch skips its export', async () => {
    needEndpoint();
    await twoJobs({
      driverInputs: { driver: 'remote', endpoint: ENDPOINT },
      builder: { name: /^bkca-build-/, driver: 'remote', why: /remote driver/ },
      ephemeralOn: null,
    });
  });
});
