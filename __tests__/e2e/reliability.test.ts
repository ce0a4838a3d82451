import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction, runStep } from './run-action';
import {
  BASE_IMAGE,
  dockerShim,
  engineEnv,
  errorLines,
  eventFixture,
  expectOutputs,
  freshRunner,
  git,
  makeRepo,
  pushEvent,
  REGISTRY,
  registryTags,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// The cache is optional, the build is not: every fault is injected for real (a closed port, a
// deleted blob, a missing engine) and the outputs are checked. Untrusted runs never write.
const t = useEngine({ gha: true });

describe('cache faults never fail the build', () => {
  it('the registry is down during export: build green, cache-export=failed, one warning naming the cause', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    const { main } = await runAction({
      inputs: { driver: 'docker', cache: 'registry', 'cache-image': '127.0.0.1:5999/nobody/cache' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-export']).toBe('failed');
    const warnings = main.log.split('\n').filter((l) => l.startsWith('::warning::cache export failed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/connection refused/);
  });

  it('with cache-ignore-error: false a failed export fails the step, after the image was built', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    const { main } = await runAction({
      inputs: {
        driver: 'docker',
        cache: 'registry',
        'cache-image': '127.0.0.1:5999/nobody/cache',
        'cache-ignore-error': 'false',
      },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-export']).toBe('failed');
    expect(errorLines(main.log)).toHaveLength(1);
    expect(errorLines(main.log)[0]).toMatch(
      /cache export failed and cache-ignore-error is false: .*connection refused/,
    );
  });

  it('an index whose blobs were evicted: the build is retried without the broken source and succeeds', async () => {
    const cacheRepo = `${uniqueName('e2e-evicted')}/cache`;
    const inputs = { driver: 'docker', cache: 'registry', 'cache-image': `${REGISTRY}/${cacheRepo}` };
    const repo = await makeRepo();
    const m1 = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    expect(
      (
        await runAction({
          inputs,
          event: pushEvent('main', m1),
          workspace: await repo.checkout(m1),
          env: engineEnv(),
        })
      ).main.exitCode,
    ).toBe(0);
    // Evict every layer blob the cache manifest points at; the manifest (the index) survives.
    const accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json';
    const manifest = (await (
      await fetch(`http://${REGISTRY}/v2/${cacheRepo}/manifests/default.branch-main`, {
        headers: { Accept: accept },
      })
    ).json()) as {
      layers: { digest: string }[];
    };
    expect(manifest.layers.length).toBeGreaterThan(0);
    const deleted = [];
    for (const digest of new Set(manifest.layers.map((l) => l.digest))) {
      const r = await fetch(`http://${REGISTRY}/v2/${cacheRepo}/blobs/${digest}`, { method: 'DELETE' });
      deleted.push(r.status);
    }
    expect(deleted.filter((s) => s === 202).length).toBeGreaterThan(0);
    // A later commit whose build stage needs the deps layer from that cache.
    const m2 = await repo.commit({ 'src.txt': 'src v2\n' }, 'change sources');
    await freshRunner();
    const { main } = await runAction({
      inputs,
      event: pushEvent('main', m2),
      workspace: await repo.checkout(m2),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    expect(main.log).toMatch(/::warning::a cache source is broken/);
    expect(reportOf(main.outputs).plan.notes).toContain(
      'a cache source was broken: the build was retried without cache sources',
    );
  });

  it.each(['once in sequence', 'twice at the same time'])(
    'a job re-run %s on one ref leaves a usable gha cache',
    async (how) => {
      const repo = await makeRepo();
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      const inputs = { driver: 'docker', 'cache-scope': uniqueName('rerun') };
      const env = { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) };
      const job = async () =>
        runStep({ inputs, event: pushEvent('main', sha), workspace: await repo.checkout(sha), env });
      await freshRunner();
      const runs =
        how === 'twice at the same time' ? await Promise.all([job(), job()]) : [await job(), await job()];
      for (const r of runs) {
        expect(r.exitCode).toBe(0);
        expect(r.outputs['cache-export']).toBe('ok');
      }
      await freshRunner();
      const next = await job();
      expect(next.outputs['cached-steps']).toBe('5');
    },
  );
});

describe('the engine or the builder is not there', () => {
  it('an unreachable engine ends with one clear error; post still runs cleanly', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const { main, post } = await runAction({
      inputs: { cache: 'none' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: { ...engineEnv(), DOCKER_HOST: 'unix:///tmp/no-such-docker.sock' },
    });
    expect(main.exitCode).not.toBe(0);
    expect(errorLines(main.log)).toHaveLength(1);
    expect(errorLines(main.log)[0]).toMatch(/Docker engine is not reachable/);
    expect(post.exitCode).toBe(0);
    expect(errorLines(post.log)).toStrictEqual([]);
  });

  it('a builder that does not exist ends with one clear error', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const { main } = await runAction({
      inputs: { cache: 'none', builder: 'no-such-builder' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    expect(main.exitCode).not.toBe(0);
    expect(errorLines(main.log)).toHaveLength(1);
    expect(errorLines(main.log)[0]).toMatch(/builder "no-such-builder" not found/);
  });

  it.each([
    { title: 'after a main step that never started', state: {} },
    {
      title: 'after a main step that never created its builder',
      state: { builderCreated: 'bkca-gone-0000', cleanup: 'true' },
    },
    { title: 'twice', state: { tempDir: '/tmp/bkca-already-removed' } },
  ])('post runs cleanly $title', async ({ state }) => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-post-'));
    for (let i = 0; i < 2; i++) {
      const post = await runStep({
        step: 'post',
        event: pushEvent('main', 'a'.repeat(40)),
        workspace: ws,
        env: engineEnv(),
        state,
      });
      expect(post.exitCode).toBe(0);
      expect(errorLines(post.log)).toStrictEqual([]);
    }
  });
});

describe('security', () => {
  it.each([
    { fixture: 'pull_request-fork', event: 'pull_request', ref: 'refs/pull/7/merge' },
    { fixture: 'pull_request_target', event: 'pull_request_target', ref: 'refs/heads/main' },
    { fixture: 'issue_comment', event: 'issue_comment', ref: 'refs/heads/main' },
    { fixture: 'workflow_run', event: 'workflow_run', ref: 'refs/heads/main' },
  ])('$event ($fixture payload) reads but never writes a shared cache', async ({ fixture, event, ref }) => {
    const cacheRepo = `${uniqueName('e2e-untrusted')}/cache`;
    const inputs = { driver: 'docker', cache: 'registry', 'cache-image': `${REGISTRY}/${cacheRepo}` };
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    await runAction({
      inputs,
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    const before = await registryTags(cacheRepo);
    await freshRunner();
    const { main } = await runAction({
      inputs,
      event: eventFixture(fixture, event, ref, sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    // It does read main, and writes nothing.
    expectOutputs(main, { 'cached-steps': '5', 'cache-to': '', 'cache-export': 'skipped' });
    expect(await registryTags(cacheRepo)).toStrictEqual(before);
  });

  it('branch names, build args and tags are data: single arguments, nothing executed', async () => {
    const branch = 'a;$(touch${IFS}pwned)`touch${IFS}pwned2`';
    const repo = await makeRepo(`FROM ${BASE_IMAGE}\nARG MSG\nRUN echo "$MSG" > /msg\n`);
    await git(repo.work, 'checkout', '-q', '-b', branch);
    const sha = await repo.commit({ 'x.txt': 'x\n' }, 'x');
    const ws = await repo.checkout(sha);
    const shim = await dockerShim();
    const cacheRepo = `${uniqueName('e2e-shell')}/cache`;
    const buildArg = `MSG=it's "quoted" $(touch pwned3) ;|&`;
    const { main } = await runAction({
      inputs: {
        driver: 'docker',
        cache: 'registry',
        'cache-image': `${REGISTRY}/${cacheRepo}`,
        'build-args': buildArg,
      },
      event: pushEvent(branch, sha),
      workspace: ws,
      env: shim.env,
    });
    expect(main.exitCode).toBe(0);
    for (const dir of [ws, repo.work, process.cwd(), os.tmpdir()]) {
      for (const f of ['pwned', 'pwned2', 'pwned3']) expect(fs.existsSync(path.join(dir, f))).toBe(false);
    }
    const build = shim.calls().find((c) => c[0] === 'buildx' && c[1] === 'build');
    expect(build).toBeDefined();
    expect(build).toContain(buildArg);
    const tags = await registryTags(cacheRepo);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatch(/^default\.branch-a-touch-ifs-pwned-touch-ifs-pwned2--[0-9a-f]{16}$/);
  });

  it('a tag with spaces or unicode reaches buildx as one argument (and buildx rejects it)', async () => {
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const shim = await dockerShim();
    const { main } = await runAction({
      inputs: { driver: 'docker', cache: 'none', tags: 'r/app:bad tag ü' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: shim.env,
    });
    expect(main.exitCode).not.toBe(0);
    const build = shim.calls().find((c) => c[0] === 'buildx' && c[1] === 'build')!;
    expect(build[build.indexOf('--tag') + 1]).toBe('r/app:bad tag ü');
    expect(errorLines(main.log)).toHaveLength(1);
  });

  it('tokens and secrets reach neither logs, state, outputs, summary nor docker arguments', async () => {
    // The Dockerfile checks the secret by its digest, so the value itself appears nowhere but the input.
    const md5 = createHash('md5').update('s3cr3t-npm-value').digest('hex');
    const repo = await makeRepo(
      `FROM ${BASE_IMAGE}\nRUN --mount=type=secret,id=npm --mount=type=secret,id=fromenv test "$(md5sum < /run/secrets/npm | cut -c1-32)" = ${md5} && test -s /run/secrets/fromenv\n`,
    );
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const shim = await dockerShim();
    const runtimeToken = t.svc.tokenForPush('main');
    const githubToken = 'ghs_tokenThatMustNeverBeSeen000000000';
    const { main, post } = await runAction({
      inputs: {
        driver: 'docker',
        'cache-scope': uniqueName('secrets'),
        'github-token': githubToken,
        secrets: 'npm=s3cr3t-npm-value',
        'secret-envs': 'fromenv=MY_SECRET_ENV',
      },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: { ...shim.env, ...t.svc.env(runtimeToken), MY_SECRET_ENV: 'env-secret-value-123' },
    });
    expect(main.exitCode).toBe(0); // the secrets arrived: the RUN step checks them
    // `::add-mask::` is how a secret is handed to the runner for masking; the runner never prints it.
    const masked = main.log.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masked).toStrictEqual(
      [runtimeToken, githubToken, 's3cr3t-npm-value'].map((s) => `::add-mask::${s}`),
    );
    const unmask = (log: string) =>
      log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
    const everything = [
      unmask(main.log),
      unmask(post.log),
      main.summary,
      main.envFile,
      JSON.stringify(main.outputs),
      JSON.stringify(main.state),
      JSON.stringify(shim.calls()),
    ].join('\n');
    const leaks = [runtimeToken, githubToken, 's3cr3t-npm-value', 'env-secret-value-123'].flatMap(
      (secret) => {
        const at = everything.indexOf(secret);
        return at === -1 ? [] : [everything.slice(Math.max(0, at - 200), at + 40)];
      },
    );
    expect(leaks).toStrictEqual([]);
  });
});

describe('bad input', () => {
  it.each([
    {
      title: 'an unknown cache backend',
      inputs: { cache: 'redis' },
      msg: /input "cache": expected one of gha, registry/,
    },
    {
      title: 'a negative export timeout',
      inputs: { 'cache-export-timeout': '-5' },
      msg: /input "cache-export-timeout"/,
    },
    {
      title: 'an uppercase cache-image',
      inputs: { cache: 'registry', 'cache-image': 'R/Cache' },
      msg: /input "cache-image"/,
    },
    {
      title: 'a Dockerfile that does not exist',
      inputs: { file: 'nope/Dockerfile' },
      msg: /input "file": the Dockerfile/,
    },
    {
      title: 'a context outside the workspace',
      inputs: { context: '../..' },
      msg: /input "context": expected a folder inside/,
    },
  ])(
    '$title: one ::error:: naming the input, non-zero exit, docker never called',
    async ({ inputs, msg }) => {
      const repo = await makeRepo();
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      const shim = await dockerShim();
      const main = await runStep({
        inputs: { driver: 'docker', ...inputs },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: shim.env,
      });
      expect(main.exitCode).not.toBe(0);
      expect(errorLines(main.log)).toHaveLength(1);
      expect(errorLines(main.log)[0]).toMatch(msg);
      expect(main.log).not.toMatch(/\n\s+at .*\(.*\.js:\d+:\d+\)/); // no stack trace
      expect(shim.calls()).toStrictEqual([]);
    },
  );
});
