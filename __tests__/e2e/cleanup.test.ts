import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startPackagesService } from '../../test-services/ghcr-packages';
import { startTestProxy } from '../../test-services/proxy';
import { startRegistryLog } from '../../test-services/registry-log';
import { runStep } from './run-action';
import {
  branchDeleted,
  closedPullRequest,
  engineEnv,
  errorLines,
  eventFixture,
  git,
  makeRepo,
  pullRequestEvent,
  pushEvent,
  REGISTRY,
  registryDigest,
  registryTags,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// Cache lifecycle end to end: the bundled action on the real engine, deleting from the local
// registry (deletes enabled), from the GitHub cache stand-in through GitHub's REST endpoints, and
// from a loopback stand-in of GitHub's Packages API (GHCR).
const t = useEngine({ gha: true });

const MANIFEST_TYPES =
  'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json';

/** A second tag on an existing manifest, as `docker buildx imagetools create` would make it. */
async function retag(repositoryName: string, from: string, to: string) {
  const got = await fetch(`http://${REGISTRY}/v2/${repositoryName}/manifests/${from}`, {
    headers: { Accept: MANIFEST_TYPES },
  });
  const put = await fetch(`http://${REGISTRY}/v2/${repositoryName}/manifests/${to}`, {
    method: 'PUT',
    headers: { 'Content-Type': got.headers.get('content-type') ?? '' },
    body: Buffer.from(await got.arrayBuffer()),
  });
  expect(put.status).toBe(201);
}

const warnings = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning::'));

describe('registry: closed pull requests and deleted branches take their tags with them', () => {
  const cacheRepo = `${uniqueName('e2e-cleanup')}/cache`;
  const scope = 'app';
  const inputs = {
    driver: 'docker',
    cache: 'registry',
    'cache-image': `${REGISTRY}/${cacheRepo}`,
    'cache-scope': scope,
  };
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let mainSha = '';

  beforeAll(async () => {
    repo = await makeRepo();
    mainSha = await git(repo.work, 'rev-parse', 'HEAD');
    const main = await runStep({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
  });

  it("1. a pull request builds twice, then closes: its caches are gone, main's are intact", async () => {
    await git(repo.work, 'checkout', '-q', '-b', 'topic/pr', mainSha);
    const head = await repo.commit({ 'src.txt': 'src from the PR\n' }, 'PR change');
    const merge = await repo.merge(mainSha, head, 'refs/pull/7/merge');
    for (let i = 0; i < 2; i++) {
      const build = await runStep({
        inputs,
        event: pullRequestEvent(7, 'topic/pr', 'main', merge),
        workspace: await repo.checkout(merge),
        env: engineEnv(),
      });
      expect(build.exitCode).toBe(0);
    }
    const before = await registryTags(cacheRepo);
    expect(before).toStrictEqual([`${scope}.branch-main`, `${scope}.pr-7`, `${scope}.sha-${mainSha}`]);

    // A dry run lists and deletes nothing.
    const dry = await runStep({
      inputs: { ...inputs, 'dry-run': true },
      event: closedPullRequest(7, 'topic/pr', merge),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(dry.exitCode).toBe(0);
    expect(dry.log).toContain(`would delete ${scope}.pr-7`);
    expect(await registryTags(cacheRepo)).toStrictEqual(before);

    const closed = await runStep({
      inputs,
      event: closedPullRequest(7, 'topic/pr', merge),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(closed.exitCode).toBe(0);
    expect(warnings(closed.log)).toStrictEqual([]);
    expect(closed.log).not.toContain('::group::Builder');
    expect(await registryTags(cacheRepo)).toStrictEqual([`${scope}.branch-main`, `${scope}.sha-${mainSha}`]);
    expect(await registryDigest(cacheRepo, `${scope}.branch-main`)).toMatch(/^sha256:/);
    const report = reportOf(closed.outputs);
    expect({
      version: report.version,
      build: report.build,
      export: closed.outputs['cache-export'],
    }).toStrictEqual({
      version: 1,
      build: 'not-run',
      export: 'skipped',
    });
    expect(report.cleanup?.deleted.map((d) => d.name)).toStrictEqual([`${scope}.pr-7`]);
    expect(closed.summary).toContain(`**deleted** \`${scope}.pr-7\``);
  });

  it('2. a deleted branch loses its caches; a branch sharing its prefix keeps its own', async () => {
    for (const branch of ['feature', 'feature-2']) {
      await git(repo.work, 'checkout', '-q', '-b', branch, mainSha);
      const sha = await repo.commit({ 'src.txt': `src on ${branch}\n` }, `work on ${branch}`);
      const r = await runStep({
        inputs,
        event: pushEvent(branch, sha),
        workspace: await repo.checkout(sha),
        env: engineEnv(),
      });
      expect(r.exitCode).toBe(0);
    }
    expect(await registryTags(cacheRepo)).toContain(`${scope}.branch-feature`);
    const deleted = await runStep({
      inputs,
      event: branchDeleted('feature', mainSha),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(deleted.exitCode).toBe(0);
    expect(await registryTags(cacheRepo)).toStrictEqual([
      `${scope}.branch-feature-2`,
      `${scope}.branch-main`,
      `${scope}.sha-${mainSha}`,
    ]);
  });

  it("5. a pull request's tag that shares main's manifest goes; main's manifest and tags stay", async () => {
    await retag(cacheRepo, `${scope}.branch-main`, `${scope}.pr-9`);
    const mainDigest = await registryDigest(cacheRepo, `${scope}.branch-main`);
    const mainTags = (await registryTags(cacheRepo)).filter((x) => x !== `${scope}.pr-9`);
    const closed = await runStep({
      inputs,
      event: closedPullRequest(9, 'feature/nine', mainSha),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(closed.exitCode).toBe(0);
    expect(warnings(closed.log)).toStrictEqual([]);
    expect(await registryTags(cacheRepo)).toStrictEqual(mainTags);
    expect(await registryDigest(cacheRepo, `${scope}.branch-main`)).toBe(mainDigest);
    const cleanup = reportOf(closed.outputs).cleanup;
    expect(cleanup?.deleted.map((d) => d.name)).toStrictEqual([`${scope}.pr-9`]);
    // branch-main (and main's commit cache, when its export wrote the same manifest) keep it.
    expect(cleanup?.deleted[0].why).toMatch(/; its manifest stays for (\S+, )*app\.branch-main(, \S+)*$/);
    expect(cleanup?.kept).toStrictEqual([]);
  });

  it('6. a pull request built on its up-to-date head branch, then the branch: both go, one manifest shared', async () => {
    const mainTags = await registryTags(cacheRepo);
    const mainDigest = await registryDigest(cacheRepo, `${scope}.branch-main`);
    await git(repo.work, 'checkout', '-q', '-b', 'topic-12', mainSha);
    const head = await repo.commit({ 'src.txt': 'src of topic-12\n' }, 'topic-12 change');
    const branchRun = await runStep({
      inputs,
      event: pushEvent('topic-12', head),
      workspace: await repo.checkout(head),
      env: engineEnv(),
    });
    expect(branchRun.exitCode).toBe(0);
    // The head contains main: the merge commit holds the head's files, the plan reads the head
    // branch alone and every step hits, so the pull request's export is the branch's manifest.
    const merge = await repo.merge(mainSha, head, 'refs/pull/12/merge');
    const prRun = await runStep({
      inputs,
      event: pullRequestEvent(12, 'topic-12', 'main', merge),
      workspace: await repo.checkout(merge),
      env: engineEnv(),
    });
    expect(prRun.exitCode).toBe(0);
    const shared = await registryDigest(cacheRepo, `${scope}.branch-topic-12`);
    expect(await registryDigest(cacheRepo, `${scope}.pr-12`)).toBe(shared);

    const closed = await runStep({
      inputs,
      event: closedPullRequest(12, 'topic-12', merge),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(closed.exitCode).toBe(0);
    expect(warnings(closed.log)).toStrictEqual([]);
    expect(closed.log).toContain(
      `deleted ${scope}.pr-12  # pull request #12 was merged: no run will read its caches again; its manifest stays for ${scope}.branch-topic-12`,
    );
    expect(await registryTags(cacheRepo)).toStrictEqual([...mainTags, `${scope}.branch-topic-12`].sort());
    expect(await registryDigest(cacheRepo, `${scope}.branch-topic-12`)).toBe(shared);

    const deleted = await runStep({
      inputs,
      event: branchDeleted('topic-12', mainSha),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(deleted.exitCode).toBe(0);
    expect(warnings(deleted.log)).toStrictEqual([]);
    expect(reportOf(deleted.outputs).cleanup?.deleted.map((d) => d.name)).toStrictEqual([
      `${scope}.branch-topic-12`,
    ]);
    expect(await registryTags(cacheRepo)).toStrictEqual(mainTags);
    expect(await registryDigest(cacheRepo, `${scope}.branch-main`)).toBe(mainDigest);
  });

  it('a deleted tag writes one info line and does nothing', async () => {
    const before = await registryTags(cacheRepo);
    const r = await runStep({
      inputs,
      event: eventFixture('delete-tag', 'delete', 'refs/heads/main', mainSha),
      workspace: repo.work,
      env: engineEnv(),
    });
    expect(r.exitCode).toBe(0);
    expect(r.log.split('\n').filter((l) => l.includes('cache clean-up'))).toStrictEqual([
      'cache clean-up: delete of tag v1.4.0: tags have no caches of their own, nothing is deleted',
    ]);
    expect(r.outputs).toStrictEqual({});
    expect(await registryTags(cacheRepo)).toStrictEqual(before);
  });
});

describe('registry: retention of commit caches', () => {
  it('3. fifteen pushes to main leave the newest 10 commit caches, never the one the plan read', async () => {
    const cacheRepo = `${uniqueName('e2e-retain')}/cache`;
    const inputs = {
      driver: 'docker',
      cache: 'registry',
      'cache-image': `${REGISTRY}/${cacheRepo}`,
      'cache-scope': 'app',
    };
    const repo = await makeRepo();
    const shas = [await git(repo.work, 'rev-parse', 'HEAD')];
    for (let i = 2; i <= 15; i++) shas.push(await repo.commit({ 'src.txt': `src v${i}\n` }, `change ${i}`));
    let last = null as Awaited<ReturnType<typeof runStep>> | null;
    const retention: string[] = [];
    for (const [i, sha] of shas.entries()) {
      last = await runStep({
        inputs,
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: engineEnv(),
      });
      expect(last.exitCode).toBe(0);
      retention.push(`push ${i + 1}: ${JSON.stringify(reportOf(last.outputs).cleanup)}`);
    }
    const commitTags = (await registryTags(cacheRepo)).filter((t) => t.startsWith('app.sha-'));
    const newest10 = shas
      .slice(5)
      .map((s) => `app.sha-${s}`)
      .sort();
    if (JSON.stringify(commitTags) !== JSON.stringify(newest10)) {
      throw new Error(`commit caches ${commitTags.join(' ')}\nretention by push:\n${retention.join('\n')}`);
    }
    expect(commitTags).toStrictEqual(newest10);
    // The last run read its parent's cache (HEAD^1) and wrote its own: both kept.
    const plan = reportOf(last!.outputs).plan;
    expect(plan.reads.map((r) => r.ref)).toContain(`sha:${shas[13]}`);
    expect(commitTags).toContain(`app.sha-${shas[13]}`);
    expect(reportOf(last!.outputs).cleanup?.kind).toBe('retention');
  });

  it("one tag listing per push to main: retention counts from the planner's, with the tag the run wrote", async () => {
    const registry = await startRegistryLog(REGISTRY);
    try {
      const cacheRepo = `${uniqueName('e2e-listing')}/cache`;
      const inputs = {
        driver: 'docker',
        cache: 'registry',
        'cache-image': `${registry.host}/${cacheRepo}`,
        'cache-scope': 'app',
        'cache-keep-commits': '1',
      };
      const repo = await makeRepo();
      const first = await git(repo.work, 'rev-parse', 'HEAD');
      const second = await repo.commit({ 'src.txt': 'src v2\n' }, 'second');
      const listings: number[] = [];
      for (const sha of [first, second]) {
        const before = registry.requests().length;
        const r = await runStep({
          inputs,
          event: pushEvent('main', sha),
          workspace: await repo.checkout(sha),
          env: engineEnv(),
        });
        expect(r.exitCode).toBe(0);
        const log = registry.requests().slice(before);
        listings.push(log.filter((l) => l.startsWith(`GET /v2/${cacheRepo}/tags/list`)).length);
      }
      expect(listings).toStrictEqual([1, 1]);
      // The second push's listing predates its export: its own commit cache counts all the same,
      // so the first commit's is the one beyond cache-keep-commits: 1.
      expect((await registryTags(cacheRepo)).filter((x) => x.startsWith('app.sha-'))).toStrictEqual([
        `app.sha-${second}`,
      ]);
    } finally {
      await registry.stop();
    }
  });
});

describe('gha: clean-up through GitHub REST', () => {
  it('1/4. a pull request built twice, then closed: a token without actions: write warns once; with it, its caches go', async () => {
    const scope = uniqueName('gc');
    const inputs = { driver: 'docker', cache: 'gha', 'cache-scope': scope };
    const repo = await makeRepo();
    const mainSha = await git(repo.work, 'rev-parse', 'HEAD');
    const api = { GITHUB_API_URL: t.svc.apiUrl };
    const main = await runStep({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: await repo.checkout(mainSha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
    });
    expect(main.exitCode).toBe(0);
    await git(repo.work, 'checkout', '-q', '-b', 'feature/pr', mainSha);
    const head = await repo.commit({ 'src.txt': 'src from the PR\n' }, 'PR change');
    const merge = await repo.merge(mainSha, head, 'refs/pull/17/merge');
    for (let i = 0; i < 2; i++) {
      const pr = await runStep({
        inputs,
        event: pullRequestEvent(17, 'feature/pr', 'main', merge),
        workspace: await repo.checkout(merge),
        env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPullRequest(17, 'main')) },
      });
      expect(pr.outputs['cache-export']).toBe('ok');
    }
    const inScope = (ref: string) => t.svc.entries().filter((e) => e.scope === ref);
    const mainEntries = inScope('refs/heads/main').map((e) => e.key);
    expect(inScope('refs/pull/17/merge').some((e) => e.key.startsWith(`index-${scope}.pr-17-`))).toBe(true);

    // 4. actions: read only: one warning naming the permission, no failure, nothing deleted.
    const readOnly = await runStep({
      inputs: { ...inputs, 'github-token': t.svc.githubTokenReadOnly },
      event: closedPullRequest(17, 'feature/pr', merge),
      workspace: repo.work,
      env: { ...engineEnv(), ...api },
    });
    expect(readOnly.exitCode).toBe(0);
    expect(errorLines(readOnly.log)).toStrictEqual([]);
    const w = warnings(readOnly.log);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('permissions: actions: write');
    expect(w[0]).toContain('Resource not accessible by integration');
    expect(inScope('refs/pull/17/merge').length).toBeGreaterThan(0);

    const closed = await runStep({
      inputs: { ...inputs, 'github-token': t.svc.githubToken },
      event: closedPullRequest(17, 'feature/pr', merge),
      workspace: repo.work,
      env: { ...engineEnv(), ...api },
    });
    expect(closed.exitCode).toBe(0);
    expect(warnings(closed.log)).toStrictEqual([]);
    // Its index and, with no index left in its scope, its layer blobs: nothing else could read them.
    expect(inScope('refs/pull/17/merge')).toStrictEqual([]);
    expect(inScope('refs/heads/main').map((e) => e.key)).toStrictEqual(mainEntries);
    const report = reportOf(closed.outputs);
    expect(report.cleanup?.deleted.map((d) => d.name)).toStrictEqual([`${scope}.pr-17`]);
    const usage = t.svc.entries().reduce((n, e) => n + e.size, 0);
    expect(closed.outputs['cache-usage-bytes']).toBe(String(usage));
    expect(closed.summary).toContain('GitHub cache usage:');
  });

  it('2. a deleted branch: its scope is emptied; feature-2 keeps its caches', async () => {
    const scope = uniqueName('gb');
    const inputs = { driver: 'docker', cache: 'gha', 'cache-scope': scope };
    const repo = await makeRepo();
    const mainSha = await git(repo.work, 'rev-parse', 'HEAD');
    for (const branch of ['feature', 'feature-2']) {
      await git(repo.work, 'checkout', '-q', '-b', branch, mainSha);
      const sha = await repo.commit({ 'src.txt': `src on ${branch}\n` }, `work on ${branch}`);
      const r = await runStep({
        inputs,
        event: pushEvent(branch, sha),
        workspace: await repo.checkout(sha),
        env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush(branch)) },
      });
      expect(r.outputs['cache-export']).toBe('ok');
    }
    const keys = (ref: string) =>
      t.svc
        .entries()
        .filter((e) => e.scope === ref && e.key.startsWith(`index-${scope}.`))
        .map((e) => e.key);
    const feature2 = keys('refs/heads/feature-2');
    expect(feature2.length).toBeGreaterThan(0);
    const r = await runStep({
      inputs: { ...inputs, 'github-token': t.svc.githubToken },
      event: branchDeleted('feature', mainSha),
      workspace: repo.work,
      env: { ...engineEnv(), GITHUB_API_URL: t.svc.apiUrl },
    });
    expect(r.exitCode).toBe(0);
    expect(keys('refs/heads/feature')).toStrictEqual([]);
    expect(keys('refs/heads/feature-2')).toStrictEqual(feature2);
  });
});

/**
 * The environment of a run against the GHCR stand-in: its Packages API as GitHub's REST API; its
 * registry half as ghcr.io, through a proxy that routes ghcr.io there, with its certificate
 * trusted and a docker login for ghcr.io with the token.
 */
async function ghcrRunEnv(svc: Awaited<ReturnType<typeof startPackagesService>>) {
  const proxy = await startTestProxy({ 'ghcr.io:443': svc.registry.address });
  const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'ghcr-login-'));
  const auth = Buffer.from(`octo-bot:${svc.token}`).toString('base64');
  fs.writeFileSync(
    path.join(dockerConfig, 'config.json'),
    JSON.stringify({ auths: { 'ghcr.io': { auth } } }),
  );
  const env = {
    GITHUB_API_URL: svc.apiUrl,
    HTTPS_PROXY: proxy.url,
    NODE_EXTRA_CA_CERTS: svc.registry.caFile,
    DOCKER_CONFIG: dockerConfig,
  };
  return { env, stop: () => proxy.stop() };
}

describe('GHCR: the Packages API stand-in', () => {
  const scope = 'app';
  const versions = [
    { tags: [`${scope}.branch-main`, `${scope}.pr-5`], createdAt: '2026-11-20T10:00:00Z' },
    { tags: [`${scope}.pr-7`], createdAt: '2026-11-20T11:00:00Z' },
    { tags: [`${scope}.amd64.pr-7`], createdAt: '2026-11-20T11:00:00Z' },
    { tags: [`${scope}.pr-70`], createdAt: '2026-11-20T12:00:00Z' },
  ];
  it.each([
    { ownerKind: 'orgs' as const, name: 'octo-repo-cache' },
    { ownerKind: 'users' as const, name: 'team/app-cache' },
  ])(
    "$ownerKind: a closed pull request deletes the versions only it tags; from a version shared with main's, its tag alone",
    async ({ ownerKind, name }) => {
      const svc = await startPackagesService({ owner: 'octo-org', ownerKind, name, versions });
      const run = await ghcrRunEnv(svc);
      try {
        const event = closedPullRequest(7, 'feature/pr', '1'.repeat(40));
        const inputs = { cache: 'registry', 'cache-image': `ghcr.io/octo-org/${name}`, 'cache-scope': scope };
        const readOnly = await runStep({
          inputs: { ...inputs, 'github-token': svc.readOnlyToken },
          event,
          workspace: process.cwd(),
          env: run.env,
        });
        expect(readOnly.exitCode).toBe(0);
        expect(warnings(readOnly.log)).toHaveLength(1);
        expect(warnings(readOnly.log)[0]).toContain('permissions: packages: write');
        expect(svc.versions()).toHaveLength(4);

        const r = await runStep({
          inputs: { ...inputs, 'github-token': svc.token },
          event,
          workspace: process.cwd(),
          env: run.env,
        });
        expect(r.exitCode).toBe(0);
        expect(warnings(r.log)).toStrictEqual([]);
        expect(svc.versions().map((v) => v.tags)).toStrictEqual([
          [`${scope}.branch-main`, `${scope}.pr-5`],
          [`${scope}.pr-70`],
        ]);

        // pr-5 shares its version with branch-main: the tag moves to a version of its own, which goes.
        const mainVersion = svc.versions()[0];
        const shared = await runStep({
          inputs: { ...inputs, 'github-token': svc.token },
          event: closedPullRequest(5, 'feature/five', '1'.repeat(40)),
          workspace: process.cwd(),
          env: run.env,
        });
        expect(warnings(shared.log)).toStrictEqual([]);
        expect(reportOf(shared.outputs).cleanup?.deleted).toStrictEqual([
          {
            name: `${scope}.pr-5`,
            why: `pull request #5 was merged: no run will read its caches again; its manifest stays for ${scope}.branch-main`,
          },
        ]);
        expect(svc.versions()).toStrictEqual([
          { ...mainVersion, tags: [`${scope}.branch-main`] },
          expect.objectContaining({ tags: [`${scope}.pr-70`] }),
        ]);
      } finally {
        await run.stop();
        await svc.stop();
      }
    },
  );

  it('a pull request built on its up-to-date head branch, then the branch: both tags go, one version shared', async () => {
    const svc = await startPackagesService({
      owner: 'octo-org',
      ownerKind: 'orgs',
      name: 'octo-repo-cache',
      versions: [
        {
          tags: [`${scope}.branch-main`, `${scope}.sha-${'a'.repeat(40)}`],
          createdAt: '2026-11-20T10:00:00Z',
        },
        { tags: [`${scope}.branch-topic-12`, `${scope}.pr-12`], createdAt: '2026-11-20T11:00:00Z' },
      ],
    });
    const run = await ghcrRunEnv(svc);
    try {
      const inputs = {
        cache: 'registry',
        'cache-image': 'ghcr.io/octo-org/octo-repo-cache',
        'cache-scope': scope,
        'github-token': svc.token,
      };
      const [main, topic] = svc.versions();
      const closed = await runStep({
        inputs,
        event: closedPullRequest(12, 'topic-12', '1'.repeat(40)),
        workspace: process.cwd(),
        env: run.env,
      });
      expect(closed.exitCode).toBe(0);
      expect(warnings(closed.log)).toStrictEqual([]);
      expect(svc.versions()).toStrictEqual([main, { ...topic, tags: [`${scope}.branch-topic-12`] }]);
      // The tag moved to a version of its own (a PUT on the registry, after its token challenge),
      // which was then deleted through the Packages API.
      const calls = svc.requests().filter((q) => q.method !== 'GET');
      expect(calls.map((q) => `${q.method} ${q.status}`)).toStrictEqual(['PUT 401', 'PUT 201', 'DELETE 204']);

      const deleted = await runStep({
        inputs,
        event: branchDeleted('topic-12', '1'.repeat(40)),
        workspace: process.cwd(),
        env: run.env,
      });
      expect(deleted.exitCode).toBe(0);
      expect(warnings(deleted.log)).toStrictEqual([]);
      expect(reportOf(deleted.outputs).cleanup?.deleted.map((d) => d.name)).toStrictEqual([
        `${scope}.branch-topic-12`,
      ]);
      expect(svc.versions()).toStrictEqual([main]);
    } finally {
      await run.stop();
      await svc.stop();
    }
  });
});
