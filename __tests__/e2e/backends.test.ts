import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { type Azurite, startAzurite } from '../../test-services/gha-cache/azurite';
import { type S3Server, startForbidden, startS3rver } from '../../test-services/s3/s3rver';
import {
  selfSignedCertificate,
  startInstanceMetadata,
  startManagedIdentity,
  storageToken,
  trustingCertificate,
} from '../../test-services/credentials/stand-ins';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionEvent, runAction } from './run-action';
import {
  engineEnv,
  expectOutputs,
  freshRunner,
  git,
  makeRepo,
  pullRequestEvent,
  pushEvent,
  REGISTRY,
  type Repo,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// s3, azblob and inline through the bundled action on the real engine, against real stores:
// s3rver and Azurite on loopback, the registry for inline. The engine here is dockerd's own
// BuildKit (driver docker): it has no s3 or azblob store, which these tests pin down as the user
// sees it, while the planner's side (names, existence checks, credentials) runs against the servers.
useEngine();

const warningsOf = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning::'));

/** The action's main step on a fresh runner, for an event on a commit of the repository. */
async function build(
  repo: Repo,
  inputs: Record<string, string>,
  event: ActionEvent,
  env: Record<string, string> = {},
) {
  await freshRunner();
  const workspace = await repo.checkout(event.sha);
  return (await runAction({ inputs, event, workspace, env: { ...engineEnv(), ...env } })).main;
}

interface Store {
  /** cache-options for the action. */
  options: (endpoint?: string) => string;
  env: Record<string, string>;
  /** Names of the manifests the store holds. */
  manifests: () => Promise<string[]>;
  /** Writes a manifest, as an earlier run's export would have. */
  seed: (name: string) => Promise<void>;
  endpoint: () => string;
  stop: () => Promise<void>;
}

async function s3Store(): Promise<Store> {
  const s3: S3Server = await startS3rver(uniqueName('cache'));
  return {
    options: (endpoint = s3.url) =>
      `bucket=${s3.bucket},region=us-east-1,endpoint_url=${endpoint},use_path_style=true`,
    env: { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey },
    manifests: async () =>
      (await s3.keys()).filter((k) => k.startsWith('manifests/')).map((k) => k.slice('manifests/'.length)),
    seed: (name) => s3.put(`manifests/${name}`, '{"layers":[],"records":[]}'),
    endpoint: () => s3.url,
    stop: () => s3.stop(),
  };
}

async function azblobStore(): Promise<Store> {
  const az: Azurite = await startAzurite();
  const containerName = uniqueName('cache');
  const service = new BlobServiceClient(
    az.blobEndpoint,
    new StorageSharedKeyCredential(az.accountName, az.accountKey),
  );
  const container = service.getContainerClient(containerName);
  await container.create();
  return {
    options: (endpoint = az.blobEndpoint) =>
      `account_url=${endpoint}/,account_name=${az.accountName},container=${containerName}`,
    env: { AZURE_STORAGE_KEY: az.accountKey },
    manifests: async () => {
      const names: string[] = [];
      for await (const b of container.listBlobsFlat({ prefix: 'manifests/' })) names.push(b.name.slice(10));
      return names.sort();
    },
    seed: async (name) => {
      await container.getBlockBlobClient(`manifests/${name}`).upload('{}', 2);
    },
    endpoint: () => az.blobEndpoint,
    stop: () => az.stop(),
  };
}

describe.each([
  ['s3', s3Store],
  ['azblob', azblobStore],
] as const)('%s on the docker driver, against a real store', (backend, startStore) => {
  let store: Store;
  let repo: Repo;
  let mainSha = '';
  let branchSha = '';
  const inputs = (endpoint?: string) => ({
    driver: 'docker',
    cache: backend,
    'cache-options': store.options(endpoint),
  });
  beforeAll(async () => {
    store = await startStore();
    repo = await makeRepo();
    mainSha = await git(repo.work, 'rev-parse', 'HEAD');
  }, 60000);
  afterAll(() => store?.stop());

  it(`${backend}: a cold push to main builds green; the export fails with one warning naming the docker driver, and the store holds nothing`, async () => {
    const main = await build(repo, inputs(), pushEvent('main', mainSha), store.env);
    expectOutputs(main, { 'cache-export': 'failed', 'cached-steps': '0', 'total-steps': '5' });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.imageid).toMatch(/^sha256:/);
    const warnings = warningsOf(main.log);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`no ${backend} cache exporter`);
    expect(warnings[0]).toContain('use driver docker-container or remote');
    const r = reportOf(main.outputs);
    // The existence check asked the store: neither the commit nor main exists yet, so nothing is read.
    expect(main.outputs['cache-from']).toBe('');
    expect(r.imports).toStrictEqual([]);
    expect(r.plan.reads.map((x) => x.notRead)).toStrictEqual([
      'not found (checked before the build)',
      'not found (checked before the build)',
    ]);
    // One run writes its branch and its commit: s3 with one exporter naming both.
    const to = main.outputs['cache-to'].split('\n');
    expect(to).toStrictEqual(
      backend === 's3'
        ? [
            `type=s3,name=default.branch-main;default.sha-${mainSha},mode=max,${store.options()},ignore-error=true`,
          ]
        : [
            `type=azblob,name=default.branch-main,mode=max,${store.options()},ignore-error=true`,
            `type=azblob,name=default.sha-${mainSha},mode=max,${store.options()},ignore-error=true`,
          ],
    );
    // Credentials stay in the environment: never in an entry, an output or the log.
    for (const secret of Object.values(store.env)) {
      expect(main.outputs['cache-report']).not.toContain(secret);
      expect(main.outputs['cache-to']).not.toContain(secret);
      if (secret.length > 8) expect(main.log).not.toContain(secret);
    }
    expect(await store.manifests()).toStrictEqual([]);
  });

  it(`${backend}: a branch's first push reads main's manifest, the only planned one the store has`, async () => {
    await store.seed('default.branch-main');
    await git(repo.work, 'checkout', '-q', '-b', 'feature/x', mainSha);
    branchSha = await repo.commit({ 'src.txt': 'src v2\n' }, 'change the sources');
    const main = await build(repo, inputs(), pushEvent('feature/x', branchSha), store.env);
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    expect(r.plan.reads.map((x) => x.ref)).toStrictEqual([
      'branch:feature/x',
      `sha:${mainSha}`,
      'branch:main',
    ]);
    expect(main.outputs['cache-from']).toBe(`type=${backend},name=default.branch-main,${store.options()}`);
    expect(main.outputs['cache-to']).toBe(
      `type=${backend},name=default.branch-feature-x--217d2bf51f16e9dc,mode=max,${store.options()},ignore-error=true`,
    );
    expect(warningsOf(main.log)).toHaveLength(1);
  });

  it(`${backend}: a pull request reads only the manifests the store has, writes only its own`, async () => {
    const mergeSha = await repo.merge(mainSha, branchSha, 'refs/pull/7/merge');
    const main = await build(repo, inputs(), pullRequestEvent(7, 'feature/x', 'main', mergeSha), store.env);
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    expect(r.plan.reads.map((x) => x.ref)).toStrictEqual(['pr:7', 'branch:feature/x', 'branch:main']);
    expect(main.outputs['cache-from']).toBe(`type=${backend},name=default.branch-main,${store.options()}`);
    expect(r.plan.writes.map((x) => x.ref)).toStrictEqual(['pr:7']);
    expect(main.outputs['cache-to']).toBe(
      `type=${backend},name=default.pr-7,mode=max,${store.options()},ignore-error=true`,
    );
    expect(main.outputs['cache-export']).toBe('failed');
    expect(warningsOf(main.log)).toHaveLength(1);
    expect(await store.manifests()).toStrictEqual(['default.branch-main']);
  });

  it(`${backend}: the store stopped or answering 403: existence unknown, the likeliest source and the default branch read, the build green`, async () => {
    const forbidden = await startForbidden();
    const stoppedAt = (await startForbidden().then(async (f) => (await f.stop(), f.url))) as string;
    try {
      for (const [endpoint, cause] of [
        [forbidden.url, /answered HTTP 403/],
        [stoppedAt, /ECONNREFUSED/],
      ] as const) {
        const main = await build(repo, inputs(endpoint), pushEvent('main', mainSha), store.env);
        expect(main.exitCode).toBe(0);
        expect(main.outputs['cache-export']).toBe('failed');
        // One cause, one warning: the store the docker driver lacks (its imports say no more).
        expect(warningsOf(main.log)).toHaveLength(1);
        const r = reportOf(main.outputs);
        // A push to main: its branch is both the likeliest source and the default branch.
        expect(main.outputs['cache-from']).toBe(
          `type=${backend},name=default.branch-main,${store.options(endpoint)}`,
        );
        expect(r.plan.notes.find((n) => n.startsWith('cache existence not checked'))).toMatch(cause);
      }
      expect(forbidden.requests()).toBe(2);
    } finally {
      await forbidden.stop();
    }
  });
});

describe('inline: the cache inside the pushed image', () => {
  const image = `${REGISTRY}/${uniqueName('e2e-inline')}/app`;
  const inputs = { driver: 'docker', cache: 'inline', tags: `${image}:latest`, push: 'true' };
  let repo: Repo;
  let mainSha = '';
  beforeAll(async () => {
    repo = await makeRepo();
    mainSha = await git(repo.work, 'rev-parse', 'HEAD');
  });

  it('inline: a cold push to main exports the cache inside the image, and the plan says min mode, final stage only', async () => {
    const main = await build(repo, inputs, pushEvent('main', mainSha));
    expectOutputs(main, { 'cache-export': 'ok', 'cached-steps': '0', 'cache-to': 'type=inline' });
    expect(main.outputs['cache-from']).toBe(`type=registry,ref=${image}:latest`);
    const note = reportOf(main.outputs).plan.notes.find((n) => n.startsWith('inline:'));
    expect(note).toMatch(/min mode only: just the final stage's steps can hit/);
    expect(main.summary).toContain("just the final stage's steps can hit");
    // The pushed image's config carries BuildKit's inline cache.
    expect(await imageConfig(image, 'latest')).toContain('moby.buildkit.cache.v0');
  });

  it('inline: a fresh runner with the image as its only source gets every step (the final result is there)', async () => {
    const main = await build(repo, inputs, pushEvent('main', mainSha));
    expectOutputs(main, {
      'cached-steps': '5',
      'total-steps': '5',
      'cache-hit-ratio': '1.00',
      'cache-export': 'ok',
    });
    const r = reportOf(main.outputs);
    expect(r.imports).toStrictEqual([
      expect.objectContaining({ source: `${image}:latest`, result: 'imported' }),
    ]);
  });

  it("inline: after a source change the unchanged deps stage runs again: only the final stage's layers travel (min mode)", async () => {
    await git(repo.work, 'checkout', '-q', 'main');
    const changed = await repo.commit({ 'src.txt': 'src v2\n' }, 'change the sources');
    const main = await build(repo, inputs, pushEvent('main', changed));
    expect(main.exitCode).toBe(0);
    const r = reportOf(main.outputs);
    expect(r.imports).toStrictEqual([
      expect.objectContaining({ source: `${image}:latest`, result: 'imported' }),
    ]);
    // The registry and local caches (max mode) keep deps' two steps here (spine.test.ts); inline cannot.
    expect(r.steps.list.map((x) => `${x.stage}: ${x.step} ${x.status}`)).toStrictEqual([
      'deps: COPY deps.txt /deps.txt executed',
      'deps: RUN sleep 1 && cat /deps.txt > /deps.out executed',
      'build: COPY src.txt /src.txt executed',
      'build: RUN sleep 1 && cat /src.txt /deps.out > /app executed',
      'stage-2: COPY --from=build /app /app executed',
    ]);
    expect(main.outputs['cached-steps']).toBe('0');
  });
});

/** The config of an image in the test registry (the first manifest of an index). */
async function imageConfig(image: string, tag: string): Promise<string> {
  const name = image.slice(REGISTRY.length + 1);
  const accept = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
  ].join(', ');
  const get = async (ref: string) =>
    (await (
      await fetch(`http://${REGISTRY}/v2/${name}/manifests/${ref}`, { headers: { Accept: accept } })
    ).json()) as { manifests?: { digest: string; platform?: { os: string } }[]; config?: { digest: string } };
  let manifest = await get(tag);
  const first = manifest.manifests?.find((m) => m.platform?.os !== 'unknown');
  if (first) manifest = await get(first.digest);
  return (await fetch(`http://${REGISTRY}/v2/${name}/blobs/${manifest.config?.digest}`)).text();
}

// The credential setups an instance role, a profile or a managed identity give a self-hosted
// runner: the action's check finds them where buildx (s3) or Azure's SDK (azblob) does, so
// existence is known and a branch's first push reads main's manifest alone, as with AWS_* or a key.
describe('existence with credentials outside the AWS_* and AZURE_STORAGE_KEY variables', () => {
  let repo: Repo;
  let branchSha = '';
  let dir = '';
  /** Nothing on this machine answers for AWS but what a case gives. */
  const noAws = {
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bkca-credentials-'));
    repo = await makeRepo();
    const mainSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature/x', mainSha);
    branchSha = await repo.commit({ 'src.txt': 'src v2\n' }, 'change the sources');
  }, 60000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** A first push of feature/x with only main's manifest in the store, and what it reads. */
  async function firstBranchPush(backend: string, options: string, env: Record<string, string>) {
    const main = await build(
      repo,
      { driver: 'docker', cache: backend, 'cache-options': options },
      pushEvent('feature/x', branchSha),
      env,
    );
    expect(main.exitCode).toBe(0);
    const notes = reportOf(main.outputs).plan.notes;
    expect(notes.filter((n) => n.startsWith('cache existence not checked'))).toStrictEqual([]);
    // Unknown existence would read the likeliest source too: main alone says the check answered.
    expect(main.outputs['cache-from']).toBe(`type=${backend},name=default.branch-main,${options}`);
  }

  async function seededS3() {
    const s3 = await startS3rver(uniqueName('cache'));
    await s3.put('manifests/default.branch-main', '{"layers":[],"records":[]}');
    return { s3, options: `bucket=${s3.bucket},region=us-east-1,endpoint_url=${s3.url},use_path_style=true` };
  }

  it('s3: a named profile in a shared credentials file (AWS_PROFILE), the [default] one unknown to the store', async () => {
    const { s3, options } = await seededS3();
    const file = join(dir, 'aws-credentials');
    writeFileSync(
      file,
      '[default]\naws_access_key_id = NOBODY\naws_secret_access_key = NOBODY\n\n' +
        `[ci]\naws_access_key_id = ${s3.accessKeyId}\naws_secret_access_key = ${s3.secretAccessKey}\n`,
    );
    try {
      await firstBranchPush('s3', options, {
        ...noAws,
        AWS_SHARED_CREDENTIALS_FILE: file,
        AWS_PROFILE: 'ci',
      });
    } finally {
      await s3.stop();
    }
  });

  it('s3: an EC2 instance role, from the instance metadata service', async () => {
    const { s3, options } = await seededS3();
    const imds = await startInstanceMetadata('ci-runner', s3);
    try {
      await firstBranchPush('s3', options, {
        ...noAws,
        AWS_EC2_METADATA_DISABLED: 'false',
        AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url,
      });
      expect(imds.requests).toContain('GET /latest/meta-data/iam/security-credentials/ci-runner');
    } finally {
      await imds.stop();
      await s3.stop();
    }
  });

  it('azblob: a managed identity (IDENTITY_ENDPOINT), against Azurite over HTTPS with OAuth', async () => {
    const tls = selfSignedCertificate(dir);
    const az = await startAzurite({ https: tls });
    const identity = await startManagedIdentity('identity-header-secret', storageToken());
    try {
      const containerName = uniqueName('cache');
      await trustingCertificate(tls.cert, async () => {
        const service = new BlobServiceClient(
          az.blobEndpoint,
          new StorageSharedKeyCredential(az.accountName, az.accountKey),
          { keepAliveOptions: { enable: false } },
        );
        const container = service.getContainerClient(containerName);
        await container.create();
        await container.getBlockBlobClient('manifests/default.branch-main').upload('{}', 2);
      });
      await firstBranchPush(
        'azblob',
        `account_url=${az.blobEndpoint}/,account_name=${az.accountName},container=${containerName}`,
        {
          NODE_EXTRA_CA_CERTS: tls.cert,
          IDENTITY_ENDPOINT: `${identity.url}/msi/token`,
          IDENTITY_HEADER: 'identity-header-secret',
        },
      );
      expect(identity.requests.length).toBeGreaterThan(0);
    } finally {
      await identity.stop();
      await az.stop();
    }
  }, 60000);
});
