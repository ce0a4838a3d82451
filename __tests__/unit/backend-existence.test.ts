import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { azblobManifestExists, azblobManifestUrl } from '../../src/stores/azblob/exists';
import { signSharedKey, stringToSign } from '../../src/stores/azblob/sharedkey';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runContextFrom } from '../../src/github/context';
import { planInputs } from '../../src/facts/facts';
import { narrowSources } from '../../src/plan/narrow';
import { plan, type PlanOptions } from '../../src/plan/plan';
import { eachAtOnce, OnePerKey } from '../../src/facts/probe';
import { s3ManifestExists, s3ManifestUrl } from '../../src/stores/s3/exists';
import { EMPTY_SHA256, signV4 } from '../../src/stores/s3/sigv4';
import { type Azurite, startAzurite } from '../../test-services/gha-cache/azurite';
import { type S3Server, startForbidden, startS3rver } from '../../test-services/s3/s3rver';
import { probedCaches } from '../../src/facts/existing';

// Existence of s3 and azblob caches: the request BuildKit's importer makes first, asked of real
// servers (s3rver, Azurite), signed by the action's own small signers.

describe('s3: Signature Version 4 against AWS published examples', () => {
  const EXAMPLE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
  const S3_EXAMPLE = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };
  it.each([
    {
      title: 'the test suite get-vanilla',
      input: {
        method: 'GET',
        url: 'https://example.amazonaws.com/',
        region: 'us-east-1',
        service: 'service',
      },
      credentials: EXAMPLE,
      now: '2015-08-30T12:36:00Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    },
    {
      title: 'the S3 documentation: GET Object with a range',
      input: {
        method: 'GET',
        url: 'https://examplebucket.s3.amazonaws.com/test.txt',
        region: 'us-east-1',
        service: 's3',
        headers: { Range: 'bytes=0-9' },
        payloadHash: EMPTY_SHA256,
      },
      credentials: S3_EXAMPLE,
      now: '2013-05-24T00:00:00Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    },
  ])('$title', ({ input, credentials, now, authorization }) => {
    const headers = signV4({ ...input, credentials, now: new Date(now) });
    expect(headers.Authorization).toBe(authorization);
    expect(headers['x-amz-date']).toBe(now.replace(/[-:]/g, ''));
  });

  it('adds the session token and never puts the secret into a header', () => {
    const headers = signV4({
      method: 'HEAD',
      url: 'https://b.s3.eu-west-1.amazonaws.com/manifests/x',
      region: 'eu-west-1',
      service: 's3',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET-VALUE', sessionToken: 'TOKEN' },
      payloadHash: EMPTY_SHA256,
    });
    expect(headers['x-amz-security-token']).toBe('TOKEN');
    expect(headers.Authorization).toContain(
      'SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,',
    );
    expect(JSON.stringify(headers)).not.toContain('SECRET-VALUE');
  });
});

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
    expect(s3ManifestUrl(entry, env)?.url).toBe(url);
  });

  it('an entry without bucket or region has no object', () => {
    expect(s3ManifestUrl('type=s3,name=n', {})).toBeNull();
    expect(s3ManifestUrl('type=azblob,name=n,bucket=b,region=r', {})).toBeNull();
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

  it('a written manifest exists, another name does not, a prefix is followed', async () => {
    expect(await s3ManifestExists(entry('default.branch-main'), creds)).toEqual({ exists: true });
    expect(await s3ManifestExists(entry('default.pr-7'), creds)).toEqual({ exists: false });
    expect(await s3ManifestExists(entry('default.pr-7', ',prefix=team/'), creds)).toEqual({ exists: true });
  });

  it("a branch push: planInputs asks the store for the planned sources; the plan reads only the branch's own cache", async () => {
    await s3.put('manifests/default.branch-feature-login-form-5e6268e3', '{}');
    const payload = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'events', 'push-feature.json'), 'utf8'),
    );
    const ctx = runContextFrom(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/feature/login-form',
        GITHUB_SHA: '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d',
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
      },
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
    const { facts, existing } = await planInputs(exec, ctx, options, creds, '', () => false);
    expect(gitCalls.some((c) => c.startsWith('rev-parse --is-shallow-repository'))).toBe(false);
    const p = narrowSources(plan(ctx, facts, options), existing.exists);
    expect(p.cacheFrom).toStrictEqual([
      `type=s3,name=default.branch-feature-login-form-5e6268e3,${options.options!.join(',')}`,
    ]);
    expect(existing.note).toBeUndefined();
  });

  it('refused credentials (403) leave existence unknown, with the status as the reason', async () => {
    const r = await s3ManifestExists(entry('default.branch-main'), { ...creds, AWS_ACCESS_KEY_ID: 'NOBODY' });
    expect(r).toEqual({ exists: undefined, reason: `s3 HEAD 127.0.0.1:${s3.port} answered HTTP 403` });
  });

  it('no AWS_* credentials: unknown, and nothing is asked', async () => {
    expect(await s3ManifestExists(entry('default.branch-main'), {})).toEqual({
      exists: undefined,
      reason: 'no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment',
    });
  });

  it('a store answering 403 to everything, and a stopped one, leave existence unknown', async () => {
    const forbidden = await startForbidden();
    const at = (url: string) =>
      `type=s3,name=n,bucket=b,region=us-east-1,endpoint_url=${url},use_path_style=true`;
    try {
      const denied = await s3ManifestExists(at(forbidden.url), creds);
      expect(denied).toEqual({ exists: undefined, reason: expect.stringMatching(/answered HTTP 403$/) });
      expect(forbidden.requests()).toBe(1);
    } finally {
      await forbidden.stop();
    }
    const stopped = await s3ManifestExists(at(forbidden.url), creds);
    expect(stopped).toEqual({ exists: undefined, reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('azblob: Shared Key signing', () => {
  it('the string to sign of a blob properties request (path-style emulator URL)', () => {
    const headers = { 'x-ms-date': 'Sun, 29 Nov 2026 10:00:00 GMT', 'x-ms-version': '2021-08-06' };
    expect(
      stringToSign(
        'HEAD',
        'http://127.0.0.1:10000/devstoreaccount1/buildkit-cache/manifests/x?comp=a&b=1',
        'devstoreaccount1',
        headers,
      ),
    ).toBe(
      [
        'HEAD',
        ...Array(11).fill(''),
        'x-ms-date:Sun, 29 Nov 2026 10:00:00 GMT',
        'x-ms-version:2021-08-06',
        '/devstoreaccount1/devstoreaccount1/buildkit-cache/manifests/x\nb:1\ncomp:a',
      ].join('\n'),
    );
  });

  it('never puts the key into a header', () => {
    const key = Buffer.from('k'.repeat(64)).toString('base64');
    const headers = signSharedKey({
      method: 'HEAD',
      url: 'https://acct.blob.core.windows.net/c/b',
      account: 'acct',
      key,
    });
    expect(headers.Authorization).toMatch(/^SharedKey acct:[A-Za-z0-9+/]+=*$/);
    expect(JSON.stringify(headers)).not.toContain(key);
  });

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

  it('a written manifest exists, another name does not, a prefix and a missing container are followed', async () => {
    const env = { AZURE_STORAGE_KEY: az.accountKey };
    expect(await azblobManifestExists(entry('default.branch-main'), env)).toEqual({ exists: true });
    expect(await azblobManifestExists(entry('default.pr-7'), env)).toEqual({ exists: false });
    expect(await azblobManifestExists(entry('default.pr-7', ',prefix=team'), env)).toEqual({ exists: true });
    expect(await azblobManifestExists(entry('default.branch-main', ',container=none'), env)).toEqual({
      exists: false,
    });
  });

  it('a wrong account key (403) and no key leave existence unknown', async () => {
    const wrong = Buffer.from('w'.repeat(64)).toString('base64');
    expect(await azblobManifestExists(entry('default.branch-main'), { AZURE_STORAGE_KEY: wrong })).toEqual({
      exists: undefined,
      reason: `azblob blob properties request to 127.0.0.1:${az.port} answered HTTP 403`,
    });
    expect(await azblobManifestExists(entry('default.branch-main'), {})).toEqual({
      exists: undefined,
      reason: 'no AZURE_STORAGE_KEY in the environment',
    });
  });

  it('a stopped Azurite leaves existence unknown', async () => {
    const other = await startAzurite();
    const at = `type=azblob,name=n,account_url=${other.blobEndpoint},account_name=${other.accountName}`;
    await other.stop();
    const r = await azblobManifestExists(at, { AZURE_STORAGE_KEY: other.accountKey });
    expect(r).toEqual({ exists: undefined, reason: expect.stringMatching(/ECONNREFUSED/) });
  }, 60000);
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
});
