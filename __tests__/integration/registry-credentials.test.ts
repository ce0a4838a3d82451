import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type Exec, exec as seam } from '../../src/lib/exec';

// The seam hands a child the environment it is given, else node's own; jest's process.env (where
// this test puts the helper on PATH) is a copy node does not see, so it is handed over here.
const exec: Exec = (command, args, options = {}) => seam(command, args, { env: process.env, ...options });
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { narrowSources } from '../../src/plan/narrow';
import { plan, type PlanOptions } from '../../src/plan/planner';
import { listTags, manifestsExist } from '../../src/stores/registry/tags';
import { freePort } from '../../test-services/gha-cache';
import { pushTinyImage } from './registry-push';
import { findExistingCaches } from '../../src/facts/existing';

// A real registry (CNCF distribution, the engine's `docker-registry`) with htpasswd auth, started
// by this test on a free loopback port; its credentials are kept by a docker credential helper,
// a tiny script this test puts on PATH. A forwarding proxy in front of the registry refuses the
// tag list, as registries without it do, for the HEAD fallback.

const USER = 'cache-bot';
const PASSWORD = `pw-${process.pid}-Secret!`;
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const REPO = 'team/app-cache';
const TAGS = ['default.branch-main', 'default.pr-7'];

function registryBinary(): string {
  const home = process.env.ENGINE_HOME || '/opt/bkca-engine';
  const candidates = [join(home, 'prefix', 'usr', 'bin', 'docker-registry')];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) candidates.push(join(dir, 'docker-registry'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('no docker-registry binary: run "bash scripts/provision-engine.sh" first');
  return found;
}

let tmp: string;
let registryProcess: ChildProcess | undefined;
let host = '';
let proxy: Server | undefined;
let proxyHost = '';
const proxyLog: { method: string; path: string; accept?: string }[] = [];
let helperLog = '';
let savedPath: string | undefined;

/** The helper answers for the two hosts of this test only, and logs the server it was asked for. */
function helperScript(): string {
  return `#!/bin/sh
[ "$1" = get ] || exit 2
read -r server
echo "$server" >> '${helperLog}'
case "$server" in
  '${host}'|'${proxyHost}') printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}' "$server" ;;
  *) echo 'credentials not found in native keychain'; exit 1 ;;
esac
`;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'bkca-creds-'));
  // htpasswd entries must be bcrypt: Python's crypt module makes one (Debian 12, Ubuntu 24.04).
  const bcrypt = 'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))';
  const hash = execFileSync('python3', ['-W', 'ignore', '-c', bcrypt, PASSWORD], { encoding: 'utf8' }).trim();
  writeFileSync(join(tmp, 'htpasswd'), `${USER}:${hash}\n`);
  const port = await freePort();
  host = `127.0.0.1:${port}`;
  writeFileSync(
    join(tmp, 'config.yml'),
    [
      'version: 0.1',
      'log: { level: error }',
      `storage: { filesystem: { rootdirectory: ${join(tmp, 'data')} }, delete: { enabled: true } }`,
      `http: { addr: "${host}" }`,
      `auth: { htpasswd: { realm: bkca-test, path: ${join(tmp, 'htpasswd')} } }`,
      '',
    ].join('\n'),
  );
  registryProcess = spawn(registryBinary(), ['serve', join(tmp, 'config.yml')], { stdio: 'ignore' });
  for (let i = 0; ; i++) {
    const status = await fetch(`http://${host}/v2/`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 401) break;
    if (i > 100) throw new Error(`the registry on ${host} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await pushTinyImage(host, REPO, TAGS, BASIC);

  // A forwarding proxy that refuses the tag list (404 UNSUPPORTED) and passes everything else on.
  proxy = createServer((req, res) => {
    proxyLog.push({ method: req.method ?? '', path: req.url ?? '', accept: req.headers.accept });
    if (/\/tags\/list/.test(req.url ?? '')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNSUPPORTED', message: 'the operation is unsupported' }] }));
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  const p = proxy;
  await new Promise<void>((resolve) => p.listen(0, '127.0.0.1', resolve));
  proxyHost = `127.0.0.1:${(p.address() as AddressInfo).port}`;

  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  helperLog = join(tmp, 'helper.log');
  writeFileSync(join(bin, 'docker-credential-bkca-test'), helperScript(), { mode: 0o755 });
  // A helper that fails, printing the secret: its output must never reach a reason.
  writeFileSync(
    join(bin, 'docker-credential-bkca-broken'),
    `#!/bin/sh\necho "boom: ${PASSWORD}" >&2\nexit 3\n`,
    { mode: 0o755 },
  );
  chmodSync(join(bin, 'docker-credential-bkca-test'), 0o755);
  savedPath = process.env.PATH;
  process.env.PATH = `${bin}${delimiter}${process.env.PATH}`;
}, 60000);

afterAll(async () => {
  if (savedPath !== undefined) process.env.PATH = savedPath;
  registryProcess?.kill();
  const p = proxy;
  if (p) {
    p.closeAllConnections();
    await new Promise((resolve) => p.close(resolve));
  }
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  writeFileSync(helperLog, '');
  proxyLog.length = 0;
});

function configDir(config: unknown): string {
  const dir = mkdtempSync(join(tmp, 'docker-config-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** What is written to the job log while `fn` runs (workflow commands included). */
async function logOf<T>(fn: () => Promise<T>): Promise<{ result: T; log: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    return { result: await fn(), log: chunks.join('') };
  } finally {
    process.stdout.write = write;
  }
}

describe('credentials kept by a docker credential helper', () => {
  it.each([
    {
      title: 'credHelpers names it for this registry',
      config: () => ({ credHelpers: { [host]: 'bkca-test' } }),
    },
    {
      title: 'credsStore names it for every registry',
      config: () => ({ auths: { [host]: {} }, credsStore: 'bkca-test' }),
    },
    {
      title: 'credHelpers wins over credsStore',
      config: () => ({ credsStore: 'bkca-broken', credHelpers: { [host]: 'bkca-test' } }),
    },
  ])('$title: the tags are listed with its credentials, which are masked', async ({ config }) => {
    const { result, log } = await logOf(() =>
      listTags({ image: `${host}/${REPO}`, dockerConfigDir: configDir(config()), exec }),
    );
    expect(result).toStrictEqual({ tags: TAGS });
    // The server on stdin, as docker asks; the secret masked before any use, never printed.
    expect(readFileSync(helperLog, 'utf8')).toBe(`${host}\n`);
    expect(log).toContain(`::add-mask::${PASSWORD}`);
    expect(log.replace(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
  });

  it.each([
    {
      title: 'the helper is not installed',
      config: () => ({ credsStore: 'bkca-missing' }),
      note: () => `the credential helper docker-credential-bkca-missing is not on PATH for ${host}`,
    },
    {
      title: 'the helper fails (its output is not repeated)',
      config: () => ({ credHelpers: { [host]: 'bkca-broken' } }),
      note: () => `the credential helper docker-credential-bkca-broken failed (exit 3) for ${host}`,
    },
    {
      title: 'the helper is not a plain program name',
      config: () => ({ credHelpers: { [host]: '../../bin/sh' } }),
      note: () => 'the docker config names a credential helper that is not a plain name ("../../bin/sh")',
    },
  ])('$title: the listing says why it went anonymous', async ({ config, note }) => {
    const result = await listTags({ image: `${host}/${REPO}`, dockerConfigDir: configDir(config()), exec });
    // Not a refused listing: without credentials a HEAD would be refused as well.
    expect(result).toStrictEqual({
      tags: null,
      reason: `registry ${host} requires credentials for ${REPO}; ${note()}`,
    });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('a failing helper falls back to what docker login wrote into the file', async () => {
    const dir = configDir({ credsStore: 'bkca-broken', auths: { [host]: { auth: BASIC.slice(6) } } });
    expect(await listTags({ image: `${host}/${REPO}`, dockerConfigDir: dir, exec })).toStrictEqual({
      tags: TAGS,
    });
  });

  it('without the exec seam the helper is not run, and the reason says so', async () => {
    const dir = configDir({ credHelpers: { [host]: 'bkca-test' } });
    expect(await listTags({ image: `${host}/${REPO}`, dockerConfigDir: dir })).toStrictEqual({
      tags: null,
      reason: `registry ${host} requires credentials for ${REPO}; the credentials for ${host} are kept by docker-credential-bkca-test, which was not run`,
    });
    expect(readFileSync(helperLog, 'utf8')).toBe('');
  });
});

describe('a registry that refuses the tag list: HEAD per planned tag', () => {
  const image = () => `${proxyHost}/${REPO}`;
  const dir = () => configDir({ credHelpers: { [proxyHost]: 'bkca-test' } });

  it('asks for each tag with the manifest types cache exporters write, authenticated once', async () => {
    expect(await listTags({ image: image(), dockerConfigDir: dir(), exec })).toStrictEqual({
      tags: null,
      refused: true,
      reason: `registry ${proxyHost} refused to list ${REPO} (HTTP 404: UNSUPPORTED: the operation is unsupported)`,
    });
    proxyLog.length = 0;
    writeFileSync(helperLog, '');
    const tags = ['default.branch-main', 'default.pr-7', 'default.pr-8'];
    const found = await manifestsExist({ image: image(), tags, dockerConfigDir: dir(), exec });
    expect(found).toStrictEqual({
      found: new Map([
        ['default.branch-main', true],
        ['default.pr-7', true],
        ['default.pr-8', false],
      ]),
    });
    const heads = proxyLog.filter((l) => l.method === 'HEAD');
    // Each anonymous first, then again with the credentials the Basic challenge asked for.
    const expected = [...tags, ...tags].map((t) => `/v2/${REPO}/manifests/${t}`).sort();
    expect(heads.map((l) => l.path).sort()).toStrictEqual(expected);
    expect(proxyLog.filter((l) => l.method !== 'HEAD')).toStrictEqual([]);
    for (const h of heads) {
      expect(h.accept).toContain('application/vnd.oci.image.index.v1+json');
      expect(h.accept).toContain('application/vnd.docker.distribution.manifest.list.v2+json');
      expect(h.accept).toContain('application/vnd.oci.image.manifest.v1+json');
    }
    // One helper run serves every request.
    expect(readFileSync(helperLog, 'utf8')).toBe(`${proxyHost}\n`);
  });

  it('narrows the plan from the HEAD answers, and says how it knows', async () => {
    const options: PlanOptions = {
      backend: 'registry',
      image: image(),
      scope: 'default',
      leg: '',
      siblingLegs: [],
      write: 'auto',
      rawFrom: [],
      rawTo: [],
    };
    const payload = readFileSync(join(__dirname, '..', 'fixtures', 'events', 'pull_request.json'), 'utf8');
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_SHA: '1'.repeat(40),
      }).github,
      JSON.parse(payload),
    );
    const p = plan(ctx, { mergeBase: null, parent: null }, options);
    const existing = await findExistingCaches(
      options,
      environmentFrom({ DOCKER_CONFIG: dir() }),
      () => false,
      exec,
    );
    await existing.probe?.(p.reads.map((r) => r.entry));
    expect(existing.note).toBe(
      `cache tags not listed (registry ${proxyHost} refused to list ${REPO} (HTTP 404: UNSUPPORTED: the operation is unsupported)): each planned tag was asked for with HEAD`,
    );
    expect(narrowSources(p, existing.exists, existing.failed).cacheFrom).toStrictEqual([
      `type=registry,ref=${image()}:default.pr-7`,
    ]);
    // The listing and the HEADs share one helper run.
    expect(readFileSync(helperLog, 'utf8')).toBe(`${proxyHost}\n`);
  });

  it('a tag whose request fails stays unknown, with the reason', async () => {
    const found = await manifestsExist({
      image: image(),
      tags: ['default.branch-main'],
      dockerConfigDir: configDir({}),
      exec,
    });
    expect(found.found).toStrictEqual(new Map([['default.branch-main', undefined]]));
    expect(found.reason).toMatch(
      new RegExp(
        `^registry ${proxyHost} requires credentials for ${REPO}; no credentials for ${proxyHost} in `,
      ),
    );
  });
});
