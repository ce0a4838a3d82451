import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { azblobManifestExists, azblobManifestUrl } from '../../src/stores/azblob/exists';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { planInputs, probePlanned } from '../../src/facts/facts';
import { narrowSources } from '../../src/plan/narrow';
import { plan, type PlanOptions } from '../../src/plan/planner';
import { eachAtOnce, OnePerKey } from '../../src/facts/probe';
import { s3ManifestExists, s3ManifestUrl } from '../../src/stores/s3/exists';
import { type Azurite, startAzurite } from '../../test-services/gha-cache/azurite';
import { type S3Server, startForbidden, startS3rver } from '../../test-services/s3/s3rver';
import { probedCaches } from '../../src/facts/existing';
import {
  startInstanceMetadata,
  startStsWebIdentity,
  selfSignedCertificate,
  startManagedIdentity,
  storageToken,
  trustingCertificate,
  withCredentialEnv,
} from '../../test-services/credentials/stand-ins';
import { startTestProxy, withProxyEnv } from '../../test-services/proxy';

// Existence of s3 and azblob caches: the request BuildKit's importer makes first, asked of real
// servers (s3rver, Azurite), with the credentials the clouds' own SDKs find, as buildx and
// BuildKit find them. The SDKs read process.env themselves, so each case sets the variables it
// means (withEnv) and nothing else on this machine (~/.aws, a metadata service) can answer.

describe('s3: the manifest object a cache entry names', () => {
  it.each([
    {
      entry: 'type=s3,name=default.branch-main,bucket=ci,region=eu-west-1',
      env: {},
      url: 'https://ci.s3.eu-west-1.amazonaws.com/manifests/default.branch-main',
    },
    {
      entry: 'type=s3,name=a;b,bucket=my.ci,region=eu-west-1,prefix=team/',
      env: {},
      url: 'https://s3.eu-west-1.amazonaws.com/my.ci/team/manifests/a',
    },
    {
      entry: 'type=s3,name=n,endpoint_url=http://127.0.0.1:9000,use_path_style=true,manifests_prefix=m/',
      env: { AWS_BUCKET: 'b', AWS_REGION: 'us-east-1' },
      url: 'http://127.0.0.1:9000/b/m/n',
    },
    {
      entry: 'type=s3,name=n,bucket=b,region=auto,endpoint_url=https://acct.r2.example',
      env: {},
      url: 'https://b.acct.r2.example/manifests/n',
    },
  ])('$entry', ({ entry, env, url }) => {
    expect(s3ManifestUrl(entry, environmentFrom(env).stores.aws)?.url).toBe(url);
  });

  it('an entry without bucket or region has no object', () => {
    expect(s3ManifestUrl('type=s3,name=n', environmentFrom({}).stores.aws)).toBeNull();
    expect(s3ManifestUrl('type=azblob,name=n,bucket=b,region=r', environmentFrom({}).stores.aws)).toBeNull();
  });
});

describe('s3: existence against s3rver', () => {
  let s3: S3Server;
  const creds = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
  const entry = (name: string, extra = '') =>
    `type=s3,name=${name},bucket=${s3.bucket},region=us-east-1,endpoint_url=${s3.url},use_path_style=true${extra}`;
  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.put('manifests/default.branch-main', '{}');
    await s3.put('team/manifests/default.pr-7', '{}');
  });
  afterAll(() => s3?.stop());
  /** The check as the action runs it, with only `vars` for credentials in the environment. */
  const check = (e: string, vars: Record<string, string | undefined>) =>
    withCredentialEnv(vars, () => s3ManifestExists(e, environmentFrom(process.env).stores.aws));

  it('a written manifest exists, another name does not, a prefix is followed', async () => {
    expect(await check(entry('default.branch-main'), creds)).toEqual({ exists: true });
    expect(await check(entry('default.pr-7'), creds)).toEqual({ exists: false });
    expect(await check(entry('default.pr-7', ',prefix=team/'), creds)).toEqual({ exists: true });
  });

  it("a branch push: the store is asked for its own cache before the facts, then for the planned sources; the plan reads only the branch's own cache", async () => {
    await s3.put('manifests/default.branch-feature-login-form--5e6268e34d4a6047', '{}');
    const payload = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'events', 'push-feature.json'), 'utf8'),
    );
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/feature/login-form',
        GITHUB_SHA: '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d',
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
      }).github,
      payload,
    );
    const options: PlanOptions = {
      backend: 's3',
      options: [`bucket=${s3.bucket}`, 'region=us-east-1', `endpoint_url=${s3.url}`, 'use_path_style=true'],
      scope: 'default',
      leg: '',
      siblingLegs: [],
      write: 'auto',
      rawFrom: [],
      rawTo: [],
    };
    // HEAD has one parent, and git knows nothing else: the merge-base is only looked up when needed.
    const gitCalls: string[] = [];
    const exec = async (_cmd: string, args: readonly string[]) => {
      gitCalls.push(args.join(' '));
      return args[0] === 'cat-file'
        ? {
            exitCode: 0,
            stdout:
              'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 5f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4\n\nmsg',
            stderr: '',
            timedOut: false,
          }
        : { exitCode: 1, stdout: '', stderr: 'no git here', timedOut: false };
    };
    const { facts, existing, planned } = await withCredentialEnv(creds, async () => {
      const found = await planInputs(exec, ctx, options, environmentFrom(process.env), '', () => false);
      const planned = plan(ctx, found.facts, options);
      await probePlanned(found.existing, [planned]);
      return { ...found, planned };
    });
    expect(gitCalls.some((c) => c.startsWith('rev-parse --is-shallow-repository'))).toBe(false);
    expect(facts.mergeBaseSkipped).toBe('not looked up: branch:feature/login-form exists and is read alone');
    const p = narrowSources(planned, existing.exists);
    expect(p.cacheFrom).toStrictEqual([
      `type=s3,name=default.branch-feature-login-form--5e6268e34d4a6047,${options.options!.join(',')}`,
    ]);
    expect(existing.note).toBeUndefined();
  });

  it('refused credentials (403) leave existence unknown, with the status as the reason', async () => {
    const r = await check(entry('default.branch-main'), { ...creds, AWS_ACCESS_KEY_ID: 'NOBODY' });
    expect(r).toEqual({ exists: undefined, reason: `s3 HEAD 127.0.0.1:${s3.port} answered HTTP 403` });
  });

  it('a named profile in a shared credentials file: AWS_PROFILE picks it over [default]', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bkca-aws-'));
    const file = join(dir, 'credentials');
    writeFileSync(
      file,
      '[default]\naws_access_key_id = NOBODY\naws_secret_access_key = NOBODY\n\n' +
        '[ci]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n',
    );
    try {
      const files = { AWS_SHARED_CREDENTIALS_FILE: file };
      expect(await check(entry('default.branch-main'), { ...files, AWS_PROFILE: 'ci' })).toEqual({
        exists: true,
      });
      expect(await check(entry('default.pr-7'), { ...files, AWS_PROFILE: 'ci' })).toEqual({ exists: false });
      // The default profile's key is unknown to s3rver: the profile is what made the difference.
      expect(await check(entry('default.branch-main'), files)).toEqual({
        exists: undefined,
        reason: `s3 HEAD 127.0.0.1:${s3.port} answered HTTP 403`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an EC2 instance role: the credentials come from the instance metadata service', async () => {
    const imds = await startInstanceMetadata('ci-runner', {
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    try {
      const vars = { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url };
      expect(await check(entry('default.branch-main'), vars)).toEqual({ exists: true });
      expect(await check(entry('default.pr-7'), vars)).toEqual({ exists: false });
      expect(imds.requests).toEqual(
        expect.arrayContaining([
          'PUT /latest/api/token',
          'GET /latest/meta-data/iam/security-credentials/',
          'GET /latest/meta-data/iam/security-credentials/ci-runner',
        ]),
      );
    } finally {
      await imds.stop();
    }
  });

  it("web identity behind the runner's proxy: STS is asked through HTTPS_PROXY, and NO_PROXY is kept", async () => {
    // `*.test` names resolve only inside the test proxy: STS answers only through it.
    const sts = await startStsWebIdentity('oidc-jwt', { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    const proxy = await startTestProxy();
    const dir = mkdtempSync(join(tmpdir(), 'bkca-web-identity-'));
    try {
      writeFileSync(join(dir, 'token'), 'oidc-jwt');
      const stsUrl = sts.url.replace('127.0.0.1', 'sts.bkca.test');
      const vars = {
        AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci',
        AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'),
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_STS: stsUrl,
      };
      const proxied = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '' };
      expect(await withProxyEnv(proxied, () => check(entry('default.branch-main'), vars))).toEqual({
        exists: true,
      });
      expect(proxy.targets()).toStrictEqual([new URL(stsUrl).host]);
      expect(sts.requests).toStrictEqual(['POST / AssumeRoleWithWebIdentity']);
      // Named in NO_PROXY, the STS host is asked directly, and it has no address outside the proxy.
      const bypassed = { ...proxied, NO_PROXY: 'sts.bkca.test' };
      expect(await withProxyEnv(bypassed, () => check(entry('default.branch-main'), vars))).toEqual({
        exists: undefined,
        reason: expect.stringMatching(
          /^the AWS SDK's default credential chain found no credentials: .*ENOTFOUND/,
        ),
      });
      expect(sts.requests).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await proxy.stop();
      await sts.stop();
    }
  });

  it('no credentials anywhere in the chain: unknown, says so, and the store is not asked', async () => {
    const store = await startForbidden();
    try {
      const at = `type=s3,name=n,bucket=b,region=us-east-1,endpoint_url=${store.url},use_path_style=true`;
      expect(await check(at, {})).toEqual({
        exists: undefined,
        reason: expect.stringMatching(/^the AWS SDK's default credential chain found no credentials: /),
      });
      expect(store.requests()).toBe(0);
    } finally {
      await store.stop();
    }
  });

  it('a store answering 403 to everything, and a stopped one, leave existence unknown', async () => {
    const forbidden = await startForbidden();
    const at = (url: string) =>
      `type=s3,name=n,bucket=b,region=us-east-1,endpoint_url=${url},use_path_style=true`;
    try {
      const denied = await check(at(forbidden.url), creds);
      expect(denied).toEqual({ exists: undefined, reason: expect.stringMatching(/answered HTTP 403$/) });
      expect(forbidden.requests()).toBe(1);
    } finally {
      await forbidden.stop();
    }
    const stopped = await check(at(forbidden.url), creds);
    expect(stopped).toEqual({ exists: undefined, reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('azblob: the manifest blob a cache entry names', () => {
  it.each([
    {
      entry: 'type=azblob,name=default.pr-7,account_url=https://acct.blob.core.windows.net/',
      url: 'https://acct.blob.core.windows.net/buildkit-cache/manifests/default.pr-7',
      account: 'acct',
    },
    {
      entry:
        'type=azblob,name=n,account_url=http://127.0.0.1:10000/devstoreaccount1,account_name=devstoreaccount1,container=c,prefix=team',
      url: 'http://127.0.0.1:10000/devstoreaccount1/c/team/manifests/n',
      account: 'devstoreaccount1',
    },
  ])('the manifest blob of $entry', ({ entry, url, account }) => {
    expect(azblobManifestUrl(entry)).toEqual({ url, account });
  });
});

describe('azblob: existence against Azurite', () => {
  let az: Azurite;
  const entry = (name: string, extra = '') =>
    `type=azblob,name=${name},account_url=${az.blobEndpoint}/,account_name=${az.accountName}${extra}`;
  beforeAll(async () => {
    az = await startAzurite();
    const service = new BlobServiceClient(
      az.blobEndpoint,
      new StorageSharedKeyCredential(az.accountName, az.accountKey),
    );
    const container = service.getContainerClient('buildkit-cache');
    await container.create();
    await container.getBlockBlobClient('manifests/default.branch-main').upload('{}', 2);
    await container.getBlockBlobClient('team/manifests/default.pr-7').upload('{}', 2);
  }, 60000);
  afterAll(() => az?.stop());
  const check = (e: string, vars: Record<string, string | undefined>) =>
    withCredentialEnv(vars, () =>
      azblobManifestExists(e, environmentFrom(process.env).stores.azureStorageKey),
    );

  it('a written manifest exists, another name does not, a prefix and a missing container are followed', async () => {
    const env = { AZURE_STORAGE_KEY: az.accountKey };
    expect(await check(entry('default.branch-main'), env)).toEqual({ exists: true });
    expect(await check(entry('default.pr-7'), env)).toEqual({ exists: false });
    expect(await check(entry('default.pr-7', ',prefix=team'), env)).toEqual({ exists: true });
    expect(await check(entry('default.branch-main', ',container=none'), env)).toEqual({
      exists: false,
    });
  });

  it('a wrong account key (403) leaves existence unknown, and the reason names the key as what was used', async () => {
    const wrong = Buffer.from('w'.repeat(64)).toString('base64');
    expect(await check(entry('default.branch-main'), { AZURE_STORAGE_KEY: wrong })).toEqual({
      exists: undefined,
      reason: `azblob blob properties request to 127.0.0.1:${az.port} with the account key in AZURE_STORAGE_KEY answered HTTP 403`,
    });
  });

  it("no key: the job's default chain is used, and the reason says so", async () => {
    // Over plain HTTP Azure's SDK sends no token at all: the reason names the chain it tried.
    const r = await check(entry('default.branch-main'), {});
    expect(r).toEqual({
      exists: undefined,
      reason: expect.stringContaining(
        `azblob blob properties request to 127.0.0.1:${az.port} with the job's Azure default credential chain failed: `,
      ),
    });
  });

  it('a stopped Azurite leaves existence unknown', async () => {
    const other = await startAzurite();
    const at = `type=azblob,name=n,account_url=${other.blobEndpoint},account_name=${other.accountName}`;
    await other.stop();
    const r = await check(at, { AZURE_STORAGE_KEY: other.accountKey });
    expect(r).toEqual({ exists: undefined, reason: expect.stringMatching(/ECONNREFUSED/) });
  }, 60000);
});

describe('azblob: a managed identity against Azurite over HTTPS with OAuth', () => {
  let az: Azurite;
  let dir: string;
  const secret = 'identity-header-secret';
  const entry = (name: string) =>
    `type=azblob,name=${name},account_url=${az.blobEndpoint}/,account_name=${az.accountName}`;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bkca-azurite-tls-'));
    const { cert, key } = selfSignedCertificate(dir);
    az = await startAzurite({ https: { cert, key } });
    const service = new BlobServiceClient(
      az.blobEndpoint,
      new StorageSharedKeyCredential(az.accountName, az.accountKey),
      { keepAliveOptions: { enable: false } }, // the default agent, which trustingCertificate() reaches
    );
    await trustingCertificate(join(dir, 'cert.pem'), async () => {
      const container = service.getContainerClient('buildkit-cache');
      await container.create();
      await container.getBlockBlobClient('manifests/default.branch-main').upload('{}', 2);
    });
  }, 60000);
  afterAll(async () => {
    await az?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the token from IDENTITY_ENDPOINT finds a written manifest and a missing one', async () => {
    const identity = await startManagedIdentity(secret, storageToken());
    try {
      const vars = { IDENTITY_ENDPOINT: `${identity.url}/msi/token`, IDENTITY_HEADER: secret };
      const [found, missing] = await trustingCertificate(join(dir, 'cert.pem'), async () => [
        await check(entry('default.branch-main'), vars),
        await check(entry('default.pr-7'), vars),
      ]);
      expect(found).toEqual({ exists: true });
      expect(missing).toEqual({ exists: false });
      expect(identity.requests[0]).toMatch(/^GET \/msi\/token\?.*resource=https%3A%2F%2Fstorage\.azure\.com/);
    } finally {
      await identity.stop();
    }
  });

  const check = (e: string, vars: Record<string, string | undefined>) =>
    withCredentialEnv(vars, () =>
      azblobManifestExists(e, environmentFrom(process.env).stores.azureStorageKey),
    );
});

describe('probedCaches, asked one entry at a time', () => {
  it('checks each entry once, answers from what it found, and notes the first failure as a failed check', async () => {
    const asked: string[] = [];
    const lookups = new OnePerKey(
      eachAtOnce(async (e) => {
        asked.push(e);
        return e === 'a'
          ? { exists: true }
          : e === 'b'
            ? { exists: false }
            : { exists: undefined, reason: 'HTTP 500' };
      }),
    );
    const p = probedCaches({
      lookups,
      exists: (e) => lookups.found.get(e),
      keyOf: (e) => e,
      noteAfter: (reason) => reason && `not checked (${reason})`,
    });
    await p.probe!(['a', 'b', 'a', '']);
    expect([p.note, p.failed]).toStrictEqual([undefined, undefined]);
    await p.probe!(['a', 'c']);
    expect(asked).toStrictEqual(['a', 'b', 'c']);
    expect([p.exists('a'), p.exists('b'), p.exists('c'), p.exists('d')]).toStrictEqual([
      true,
      false,
      undefined,
      undefined,
    ]);
    expect([p.note, p.failed]).toStrictEqual(['not checked (HTTP 500)', true]);
  });

  it('a check that throws (a module that fails to load, a bug) leaves its entry unknown, with the error as the reason', async () => {
    const lookups = new OnePerKey(
      eachAtOnce(async (e) => {
        if (e === 'b') throw new TypeError('crc64_require is not a function');
        return { exists: true };
      }),
    );
    expect(await lookups.ask(['a', 'b'])).toBe('the check failed: crc64_require is not a function');
    expect([lookups.found.get('a'), lookups.found.get('b')]).toStrictEqual([true, undefined]);
  });
});
