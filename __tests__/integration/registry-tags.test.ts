import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findExistingCaches } from '../../src/facts/existing';
import { environmentFrom } from '../../src/runner/environment';
import { runContextFrom } from '../../src/github/context';
import { cacheName, namespace } from '../../src/plan/names';
import { plan, type PlanOptions } from '../../src/plan/planner';
import { parseImageName, registryOrigin } from '../../src/stores/registry/name';
import { parseChallenges } from '../../src/stores/registry/session';
import { listTags } from '../../src/stores/registry/tags';
import { pushTinyImage } from './registry-push';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseImageName', () => {
  const hub = 'https://index.docker.io/v1/';
  it.each`
    image                                        | registry                      | repository          | configKey
    ${'127.0.0.1:5000/team/app-cache'}           | ${'127.0.0.1:5000'}           | ${'team/app-cache'} | ${'127.0.0.1:5000'}
    ${'localhost:5000/app'}                      | ${'localhost:5000'}           | ${'app'}            | ${'localhost:5000'}
    ${'localhost/app'}                           | ${'localhost'}                | ${'app'}            | ${'localhost'}
    ${'[::1]:5000/app'}                          | ${'[::1]:5000'}               | ${'app'}            | ${'[::1]:5000'}
    ${'ghcr.io/o/r'}                             | ${'ghcr.io'}                  | ${'o/r'}            | ${'ghcr.io'}
    ${'ghcr.io/o/r:buildcache'}                  | ${'ghcr.io'}                  | ${'o/r'}            | ${'ghcr.io'}
    ${`ghcr.io/o/r@${DIGEST}`}                   | ${'ghcr.io'}                  | ${'o/r'}            | ${'ghcr.io'}
    ${`ghcr.io/o/r:v1@${DIGEST}`}                | ${'ghcr.io'}                  | ${'o/r'}            | ${'ghcr.io'}
    ${'registry.example.com:443/a/b.c/d__e/f-g'} | ${'registry.example.com:443'} | ${'a/b.c/d__e/f-g'} | ${'registry.example.com:443'}
    ${'MyHost/app'}                              | ${'MyHost'}                   | ${'app'}            | ${'MyHost'}
    ${'alpine'}                                  | ${'registry-1.docker.io'}     | ${'library/alpine'} | ${hub}
    ${'alpine:3.20'}                             | ${'registry-1.docker.io'}     | ${'library/alpine'} | ${hub}
    ${'user/repo'}                               | ${'registry-1.docker.io'}     | ${'user/repo'}      | ${hub}
    ${'user/repo:cache'}                         | ${'registry-1.docker.io'}     | ${'user/repo'}      | ${hub}
    ${'docker.io/alpine'}                        | ${'registry-1.docker.io'}     | ${'library/alpine'} | ${hub}
    ${'docker.io/library/alpine'}                | ${'registry-1.docker.io'}     | ${'library/alpine'} | ${hub}
    ${'index.docker.io/user/repo'}               | ${'registry-1.docker.io'}     | ${'user/repo'}      | ${hub}
  `('$image', ({ image, registry, repository, configKey }) => {
    expect(parseImageName(image)).toEqual({ registry, repository, configKey });
  });

  it.each`
    image                           | error
    ${''}                           | ${/is empty/}
    ${'ghcr.io/Owner/Repo'}         | ${/repository names must be lowercase/}
    ${'Team/App'}                   | ${/repository names must be lowercase/}
    ${'Alpine'}                     | ${/repository names must be lowercase/}
    ${'ghcr.io/'}                   | ${/has no repository path/}
    ${'ghcr.io/o//r'}               | ${/"" is not a valid repository path component/}
    ${'ghcr.io/o/-r'}               | ${/"-r" is not a valid repository path component/}
    ${'ghcr.io/o/r_'}               | ${/"r_" is not a valid repository path component/}
    ${'ghcr.io/o/r;rm -rf'}         | ${/malformed tag|not a valid repository path component/}
    ${'bad_host:5000/x'}            | ${/malformed registry host "bad_host:5000"/}
    ${'alpine:'}                    | ${/malformed tag/}
    ${'ghcr.io/o/r:bad tag'}        | ${/malformed tag/}
    ${'ghcr.io/o/r@sha256:short'}   | ${/malformed digest/}
    ${`ghcr.io/${'a'.repeat(250)}`} | ${/longer than 255 characters/}
  `('refuses $image', ({ image, error }) => {
    expect(() => parseImageName(image)).toThrow(error);
  });
});

describe('registryOrigin', () => {
  it.each`
    registry                   | origin
    ${'127.0.0.1:5000'}        | ${'http://127.0.0.1:5000'}
    ${'127.1.2.3'}             | ${'http://127.1.2.3'}
    ${'localhost:5000'}        | ${'http://localhost:5000'}
    ${'LOCALHOST'}             | ${'http://LOCALHOST'}
    ${'[::1]:5000'}            | ${'http://[::1]:5000'}
    ${'ghcr.io'}               | ${'https://ghcr.io'}
    ${'registry-1.docker.io'}  | ${'https://registry-1.docker.io'}
    ${'10.0.0.5:5000'}         | ${'https://10.0.0.5:5000'}
    ${'128.0.0.1'}             | ${'https://128.0.0.1'}
    ${'localhost.example.com'} | ${'https://localhost.example.com'}
  `('$registry → $origin', ({ registry, origin }) => {
    expect(registryOrigin(registry)).toBe(origin);
  });
});

describe('parseChallenges', () => {
  it.each`
    header                                                                                                               | expected
    ${'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'} | ${[{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull' } }]}
    ${'Basic realm="Registry Realm"'}                                                                                    | ${[{ scheme: 'basic', params: { realm: 'Registry Realm' } }]}
    ${'Basic realm="a, b", Bearer realm="https://t.example/token",service=svc'}                                          | ${[{ scheme: 'basic', params: { realm: 'a, b' } }, { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 'svc' } }]}
    ${'bearer realm="https://t.example/t?x=\\"q\\""'}                                                                    | ${[{ scheme: 'bearer', params: { realm: 'https://t.example/t?x="q"' } }]}
    ${'Negotiate abc'}                                                                                                   | ${[]}
  `('$header', ({ header, expected }) => {
    expect(parseChallenges(header)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// The real local registry (CNCF distribution on 127.0.0.1:5000, started by
// scripts/provision-engine.sh). Two tags are pushed with the distribution API itself: a config
// blob (monolithic upload: POST, then PUT with the digest) and an OCI manifest per tag.

const REGISTRY = process.env.BKCA_TEST_REGISTRY ?? '127.0.0.1:5000';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'bkca-tags-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function configDir(config?: unknown): string {
  const dir = mkdtempSync(join(tmp, 'docker-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

describe('listTags against the local registry', () => {
  const repository = `bkca-unit/tags-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    const ping = await fetch(`http://${REGISTRY}/v2/`).catch((e: unknown) => e);
    if (!(ping instanceof Response) || ping.status !== 200) {
      throw new Error(`no registry at ${REGISTRY}: run "bash scripts/provision-engine.sh" first`);
    }
    await pushTinyImage(REGISTRY, repository, ['main', 'feature-x']);
  });

  it('lists the pushed tags (also when the image is given with a tag)', async () => {
    for (const image of [`${REGISTRY}/${repository}`, `${REGISTRY}/${repository}:main`]) {
      const result = await listTags({ image, dockerConfigDir: configDir(), timeoutMs: 5000 });
      expect(result.tags?.slice().sort()).toEqual(['feature-x', 'main']);
    }
  });

  it('lists no tags for a repository nothing was pushed to', async () => {
    expect(
      await listTags({ image: `${REGISTRY}/${repository}-never-pushed`, dockerConfigDir: configDir() }),
    ).toEqual({
      tags: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A fake registry on loopback that demands a bearer token from its own realm (or basic auth).

const USER = 'cache-bot';
const PASSWORD = 'p4ss:w0rd-Secret!';
const AUTH = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

interface FakeState {
  mode: 'bearer' | 'basic' | 'open';
  /** Repositories and their tags (in listing order). */
  repos: Record<string, string[]>;
  /** Repositories anyone may pull. */
  public: Set<string>;
  /** What the token realm answers instead of a token, if set. */
  tokenReply?: (res: ServerResponse) => void;
  /** Answer tag lists with this instead, if set. */
  tagsReply?: (req: IncomingMessage, res: ServerResponse) => boolean;
  issued: Map<string, string>; // token -> repository
  log: { path: string; authorization?: string }[];
}

let fake: Server;
let fakeHost: string;
let state: FakeState;

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

function handleFake(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', `http://${fakeHost}`);
  const authorization = req.headers.authorization;
  state.log.push({ path: url.pathname + url.search, authorization });
  const goodBasic = authorization === `Basic ${AUTH}`;

  if (url.pathname === '/token') {
    if (state.tokenReply) return state.tokenReply(res);
    const scope = /^repository:(.+):pull$/.exec(url.searchParams.get('scope') ?? '');
    if (url.searchParams.get('service') !== 'fake-registry' || !scope)
      return send(res, 400, { errors: [{ code: 'BAD' }] });
    if (authorization !== undefined && !goodBasic) {
      return send(res, 401, {
        errors: [{ code: 'UNAUTHORIZED', message: 'incorrect username or password' }],
      });
    }
    if (!goodBasic && !state.public.has(scope[1])) {
      // Like real token services: an anonymous token without the pull grant.
      const token = randomBytes(12).toString('hex');
      state.issued.set(token, '');
      return send(res, 200, { token, access_token: token, expires_in: 300 });
    }
    const token = randomBytes(12).toString('hex');
    state.issued.set(token, scope[1]);
    return send(res, 200, {
      token,
      access_token: token,
      expires_in: 300,
      issued_at: new Date().toISOString(),
    });
  }

  const match = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
  if (!match) return send(res, 404, { errors: [{ code: 'NOT_FOUND' }] });
  const repo = match[1];
  if (state.mode === 'bearer') {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    if (token === undefined || state.issued.get(token) !== repo) {
      const challenge = `Bearer realm="http://${fakeHost}/token",service="fake-registry",scope="repository:${repo}:pull"`;
      const code = token === undefined ? 'UNAUTHORIZED' : 'DENIED';
      return send(
        res,
        401,
        { errors: [{ code, message: 'authentication required' }] },
        { 'www-authenticate': challenge },
      );
    }
  } else if (state.mode === 'basic' && !goodBasic && !state.public.has(repo)) {
    return send(
      res,
      401,
      { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
      {
        'www-authenticate': 'Basic realm="Registry Realm"',
      },
    );
  }
  if (state.tagsReply?.(req, res)) return;
  const all = state.repos[repo];
  if (!all)
    return send(res, 404, {
      errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }],
    });
  // distribution's pagination: ?n=<count>&last=<tag>, with a Link to the next page.
  const n = Number(url.searchParams.get('n') ?? all.length) || all.length;
  const last = url.searchParams.get('last');
  const from = last === null ? 0 : all.indexOf(last) + 1;
  const page = all.slice(from, from + n);
  const headers: Record<string, string> = {};
  if (from + n < all.length) {
    headers.link = `</v2/${repo}/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1])}>; rel="next"`;
  }
  send(res, 200, { name: repo, tags: page }, headers);
}

describe('listTags against a fake registry with its own token realm', () => {
  beforeAll(async () => {
    fake = createServer(handleFake);
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    fakeHost = `127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  });
  beforeEach(() => {
    state = {
      mode: 'bearer',
      repos: {
        'team/app-cache': ['main', 'feature-a', 'feature-b', 'pr-12', 'pr-13'],
        'team/public-cache': ['main'],
        'team/empty': [],
      },
      public: new Set(['team/public-cache']),
      issued: new Map(),
      log: [],
    };
  });

  const loggedIn = () => configDir({ auths: { [fakeHost]: { auth: AUTH } } });
  const image = (repo = 'team/app-cache') => `${fakeHost}/${repo}`;
  const expectNoSecrets = (result: unknown) => {
    const text = JSON.stringify(result);
    for (const secret of [PASSWORD, AUTH, USER, ...state.issued.keys()]) expect(text).not.toContain(secret);
  };

  it('gets a token with the docker login credentials and follows the Link pages', async () => {
    const result = await listTags({ image: image(), dockerConfigDir: loggedIn(), pageSize: 2 });
    expect(result).toEqual({ tags: ['main', 'feature-a', 'feature-b', 'pr-12', 'pr-13'] });
    const paths = state.log.map((l) => l.path);
    expect(paths).toEqual([
      '/v2/team/app-cache/tags/list?n=2',
      '/token?service=fake-registry&scope=repository%3Ateam%2Fapp-cache%3Apull',
      '/v2/team/app-cache/tags/list?n=2',
      '/v2/team/app-cache/tags/list?n=2&last=feature-a',
      '/v2/team/app-cache/tags/list?n=2&last=pr-12',
    ]);
    expect(state.log[0].authorization).toBeUndefined();
    expect(state.log[1].authorization).toBe(`Basic ${AUTH}`);
    expect(state.log.slice(2).every((l) => l.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it.each`
    case                                | config
    ${'auths key with scheme and path'} | ${() => ({ auths: { [`http://${fakeHost}/v1/`]: { auth: AUTH } } })}
    ${'username and password fields'}   | ${() => ({ auths: { [fakeHost]: { username: USER, password: PASSWORD } } })}
    ${'other registries around it'}     | ${() => ({ auths: { 'ghcr.io': { auth: 'eDp5' }, [fakeHost]: { auth: AUTH } }, credHelpers: { 'gcr.io': 'gcloud' } })}
  `('reads credentials from the docker config: $case', async ({ config }) => {
    const result = await listTags({ image: image(), dockerConfigDir: configDir(config()) });
    expect(result).toEqual({ tags: state.repos['team/app-cache'] });
    expect(state.log[1].authorization).toBe(`Basic ${AUTH}`);
  });

  it('gets an anonymous token for a public repository', async () => {
    const result = await listTags({ image: image('team/public-cache'), dockerConfigDir: configDir() });
    expect(result).toEqual({ tags: ['main'] });
    expect(state.log.map((l) => l.authorization?.split(' ')[0])).toEqual([undefined, undefined, 'Bearer']);
  });

  it.each`
    case                             | config                                            | reason
    ${'no docker config at all'}     | ${undefined}                                      | ${/\(HTTP 401: DENIED: authentication required\); no docker config at .*config\.json$/}
    ${'no entry for this registry'}  | ${{ auths: { 'ghcr.io': { auth: 'eDp5' } } }}     | ${/; no credentials for 127\.0\.0\.1:\d+ in .*config\.json$/}
    ${'credentials in a credsStore'} | ${{ auths: { HOST: {} }, credsStore: 'desktop' }} | ${/; the credentials for 127\.0\.0\.1:\d+ are kept by docker-credential-desktop, which was not run$/}
    ${'credentials in a credHelper'} | ${{ credHelpers: { HOST: 'ecr-login' } }}         | ${/kept by docker-credential-ecr-login, which was not run/}
    ${'config that is not JSON'}     | ${'{not json'}                                    | ${/; the docker config .*config\.json could not be read$/}
  `('a private repository without usable credentials: $case → reason', async ({ config, reason }) => {
    const text = typeof config === 'string' ? config : JSON.stringify(config)?.replace(/HOST/g, fakeHost);
    const dir = configDir();
    if (text !== undefined) writeFileSync(join(dir, 'config.json'), text);
    const result = await listTags({ image: image(), dockerConfigDir: dir });
    expect(result).toEqual({ tags: null, refused: true, reason: expect.stringMatching(reason) });
    expect(result.tags === null && result.reason).toMatch(
      /^registry 127\.0\.0\.1:\d+ refused to list team\/app-cache/,
    );
  });

  it('reports rejected credentials without revealing them', async () => {
    const wrong = configDir({
      auths: { [fakeHost]: { auth: Buffer.from(`${USER}:wrong-${PASSWORD}`).toString('base64') } },
    });
    const result = await listTags({ image: image(), dockerConfigDir: wrong });
    expect(result).toEqual({
      tags: null,
      reason: `registry ${fakeHost}: the token service ${fakeHost} refused the docker login credentials (HTTP 401: UNAUTHORIZED: incorrect username or password)`,
    });
    expectNoSecrets(result);
  });

  it('answers a Basic challenge with the credentials, and says when there are none', async () => {
    state.mode = 'basic';
    expect(await listTags({ image: image(), dockerConfigDir: loggedIn() })).toEqual({
      tags: state.repos['team/app-cache'],
    });
    expect(state.log.map((l) => l.authorization)).toEqual([undefined, `Basic ${AUTH}`]);
    const anonymous = await listTags({ image: image(), dockerConfigDir: configDir() });
    expect(anonymous).toEqual({
      tags: null,
      reason: expect.stringMatching(
        /^registry 127\.0\.0\.1:\d+ requires credentials for team\/app-cache; no docker config at /,
      ),
    });
  });

  it.each`
    case                              | setup                                                                                                                                               | options                         | result
    ${'unknown repository → no tags'} | ${() => undefined}                                                                                                                                  | ${{ repo: 'team/nothing' }}     | ${{ tags: [] }}
    ${'tags: null → no tags'}         | ${() => (state.tagsReply = (_q, s) => (send(s, 200, { name: 'team/app-cache', tags: null }), true))}                                                | ${{}}                           | ${{ tags: [] }}
    ${'empty repository'}             | ${() => undefined}                                                                                                                                  | ${{ repo: 'team/empty' }}       | ${{ tags: [] }}
    ${'page bound'}                   | ${() => undefined}                                                                                                                                  | ${{ pageSize: 2, maxPages: 2 }} | ${{ tags: null, reason: 'registry HOST: team/app-cache has more than 2 pages of tags' }}
    ${'server error'}                 | ${() => (state.tagsReply = (_q, s) => (send(s, 503, 'upstream unavailable'), true))}                                                                | ${{}}                           | ${{ tags: null, reason: 'registry HOST refused to list team/app-cache (HTTP 503: upstream unavailable)' }}
    ${'429 with an error body'}       | ${() => (state.tagsReply = (_q, s) => (send(s, 429, { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }), true))}                       | ${{}}                           | ${{ tags: null, reason: 'registry HOST refused to list team/app-cache (HTTP 429: TOOMANYREQUESTS: slow down)' }}
    ${'not JSON'}                     | ${() => (state.tagsReply = (_q, s) => (send(s, 200, '<html>'), true))}                                                                              | ${{}}                           | ${{ tags: null, refused: true, reason: 'registry HOST answered the tag list with something that is not JSON: <html>' }}
    ${'JSON that is no object'}       | ${() => (state.tagsReply = (_q, s) => (send(s, 200, '42'), true))}                                                                                  | ${{}}                           | ${{ tags: null, refused: true, reason: 'registry HOST answered the tag list without a list of tags' }}
    ${'tags not a list'}              | ${() => (state.tagsReply = (_q, s) => (send(s, 200, { tags: 'main' }), true))}                                                                      | ${{}}                           | ${{ tags: null, refused: true, reason: 'registry HOST answered the tag list without a list of tags' }}
    ${'next page on another host'}    | ${() => (state.tagsReply = (_q, s) => (send(s, 200, { tags: ['a'] }, { link: '<http://other.example/v2/x/tags/list?last=a>; rel="next"' }), true))} | ${{}}                           | ${{ tags: null, reason: 'registry HOST: the next page of tags is on another host (other.example)' }}
    ${'token realm without a token'}  | ${() => (state.tokenReply = (s) => send(s, 200, { expires_in: 300 }))}                                                                              | ${{}}                           | ${{ tags: null, reason: 'registry HOST: the token service HOST answered without a token' }}
    ${'bad image name'}               | ${() => undefined}                                                                                                                                  | ${{ repo: 'Team/App' }}         | ${{ tags: null, reason: expect.stringContaining('repository names must be lowercase') }}
  `('$case', async ({ setup, options, result }) => {
    setup();
    const got = await listTags({
      image: `${fakeHost}/${options.repo ?? 'team/app-cache'}`,
      dockerConfigDir: loggedIn(),
      pageSize: options.pageSize,
      maxPages: options.maxPages,
    });
    const expected =
      result.reason && typeof result.reason === 'string'
        ? { ...result, reason: result.reason.replace(/HOST/g, fakeHost) }
        : result;
    expect(got).toEqual(expected);
    expectNoSecrets(got);
  });

  it('sends no credentials to a plain-HTTP token realm on another host', async () => {
    state.tagsReply = (_req, res) => {
      send(res, 401, {}, { 'www-authenticate': 'Bearer realm="http://auth.example/token",service="x"' });
      return true;
    };
    state.mode = 'open';
    const fetched: string[] = [];
    const loggedFetch: typeof fetch = (input, init) => {
      fetched.push(String(input));
      return fetch(input, init);
    };
    const result = await listTags({ image: image(), dockerConfigDir: loggedIn(), fetchImpl: loggedFetch });
    expect(result).toEqual({
      tags: null,
      reason: `registry ${fakeHost}: refusing to send credentials to the plain-HTTP token realm auth.example`,
    });
    expect(fetched.every((u) => !u.includes('auth.example'))).toBe(true);
  });

  it('times out a registry that stalls, and reports one that is gone', async () => {
    state.tagsReply = () => true; // never answers
    const started = Date.now();
    expect(await listTags({ image: image(), dockerConfigDir: loggedIn(), timeoutMs: 300 })).toEqual({
      tags: null,
      reason: `registry ${fakeHost}: listing tags timed out after 300 ms`,
    });
    expect(Date.now() - started).toBeLessThan(3000);

    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    expect(
      await listTags({ image: `127.0.0.1:${port}/team/app-cache`, dockerConfigDir: loggedIn() }),
    ).toEqual({
      tags: null,
      reason: `registry 127.0.0.1:${port}: listing tags failed: ECONNREFUSED`,
    });
  });

  it("uses DOCKER_CONFIG as the runner's environment gives it", async () => {
    const dockerConfigDir = environmentFrom({ DOCKER_CONFIG: loggedIn() }).docker.configDir;
    expect(await listTags({ image: image(), dockerConfigDir })).toEqual({
      tags: state.repos['team/app-cache'],
    });
  });
});

describe('a tag a branch name made is never a sibling leg (local registry)', () => {
  const repository = `bkca-unit/forged-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const image = `${REGISTRY}/${repository}`;
  const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
  const branchTag = (leg: string, name: string) =>
    cacheName(namespace('default', leg), { kind: 'branch', name });
  beforeAll(async () => {
    await pushTinyImage(REGISTRY, repository, [
      // What an earlier version wrote for pushes of these branches (branch parts kept their dots).
      'default.branch-evil.branch-main',
      `default.branch-x.sha-${HEAD}`,
      // What this version writes for them, in the plain namespace and a leg's.
      branchTag('', 'evil.branch-main'),
      branchTag('', `x.sha-${HEAD}`),
      branchTag('linux-amd64', 'evil.branch-main'),
      // A real sibling leg's cache of main.
      branchTag('linux-arm64', 'main'),
    ]);
  });

  it('a matrix leg on main lists them and reads only the real sibling', async () => {
    const options: PlanOptions = {
      backend: 'registry',
      image,
      scope: 'default',
      leg: 'linux-amd64',
      siblingLegs: [],
      write: 'auto',
      rawFrom: [],
      rawTo: [],
    };
    const existing = await findExistingCaches(
      options,
      environmentFrom({ DOCKER_CONFIG: configDir() }),
      () => false,
    );
    expect(existing.siblingLegs).toStrictEqual(['linux-arm64']);
    expect(existing.tags).toHaveLength(6);
    expect(existing.legs).toStrictEqual(['linux-amd64', 'linux-arm64']);
    const payload = readFileSync(join(__dirname, '..', 'fixtures', 'events', 'push-main.json'), 'utf8');
    const ctx = runContextFrom(
      environmentFrom({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: HEAD }).github,
      JSON.parse(payload),
    );
    const p = plan(ctx, { mergeBase: null, parent: null }, { ...options, siblingLegs: existing.siblingLegs });
    const read = p.reads.filter((r) => r.entry !== '').map((r) => r.name);
    expect(read).toContain(`default.linux-arm64.branch-main`);
    expect(read.filter((n) => n?.includes('evil') || n?.includes('branch-x'))).toStrictEqual([]);
    expect(p.reads.filter((r) => r.sharedExact).map((r) => r.name)).toStrictEqual([
      `default.linux-arm64.sha-${HEAD}`,
    ]);
  });
});
