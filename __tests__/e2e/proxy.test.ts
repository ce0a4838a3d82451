import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestProxy, type TestProxy } from '../../test-services/proxy';
import { runAction, runStep } from './run-action';
import {
  engineEnv,
  git,
  makeRepo,
  must,
  pushEvent,
  REGISTRY,
  releaseServer,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// A self-hosted runner that reaches everything through HTTPS_PROXY / HTTP_PROXY: the bundled
// action's own requests (registry listing, compare API, cache service, buildx download) go through
// a real forwarding proxy, and NO_PROXY hosts go around it. The services get `.test` names, which
// the proxy resolves to loopback: clients never proxy a loopback address on their own.
const t = useEngine({ gha: true });

interface Service {
  port: number;
  seen: string[];
  close(): Promise<void>;
}

async function listen(server: http.Server, host: string, seen: string[]): Promise<Service> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The GitHub REST API, faked at the HTTP level: the compare endpoint with GitHub's payload shape. */
function compareApi(mergeBase: string, host: string): Promise<Service> {
  const seen: string[] = [];
  const fixture = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'github', 'compare.json'), 'utf8'),
  ) as { merge_base_commit: { sha: string } };
  fixture.merge_base_commit.sha = mergeBase;
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    if (!/^\/repos\/octo-org\/octo-repo\/compare\//.test(req.url ?? '')) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(fixture));
  });
  return listen(server, host, seen);
}

/**
 * The real loopback registry behind TLS for `registry.test` (a registry that is not loopback is
 * reached over HTTPS), with a certificate the action trusts through NODE_EXTRA_CA_CERTS.
 */
async function tlsRegistry(dir: string): Promise<Service & { ca: string }> {
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  await must('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=registry.test',
    '-addext', 'subjectAltName=DNS:registry.test', '-keyout', key, '-out', cert,
  ]); // prettier-ignore
  const seen: string[] = [];
  const [registryHost, registryPort] = REGISTRY.split(':');
  const server = https.createServer(
    { key: fs.readFileSync(key), cert: fs.readFileSync(cert) },
    (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = http.request(
        {
          host: registryHost,
          port: Number(registryPort),
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    },
  );
  return { ...(await listen(server, '127.0.0.1', seen)), ca: cert };
}

const proxyEnv = (proxy: TestProxy, noProxy = '') => ({
  HTTPS_PROXY: proxy.url,
  HTTP_PROXY: proxy.url,
  NO_PROXY: noProxy,
  https_proxy: '',
  http_proxy: '',
  no_proxy: '',
});

describe('behind HTTPS_PROXY / HTTP_PROXY', () => {
  let proxy: TestProxy;
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let mainSha = '';
  let branchSha = '';
  let workspace = '';
  beforeAll(async () => {
    proxy = await startTestProxy();
    repo = await makeRepo();
    mainSha = await git(repo.work, 'rev-parse', 'HEAD');
    await git(repo.work, 'checkout', '-q', '-b', 'feature/x');
    branchSha = await repo.commit({ 'src.txt': 'src v2\n' }, 'feature work');
    // actions/checkout's depth 1, and an origin git cannot reach: the merge-base comes from the API.
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-proxy-ws-'));
    await git(
      os.tmpdir(),
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'feature/x',
      `file://${repo.origin}`,
      workspace,
    );
    await git(workspace, 'remote', 'set-url', 'origin', path.join(workspace, 'no-such-origin'));
  });
  afterAll(() => proxy?.stop());
  beforeEach(() => proxy?.log.splice(0));

  const planInputs = (cacheImage: string) => ({
    'dry-run': 'true',
    cache: 'registry',
    'cache-image': cacheImage,
    'github-token': 'ghs_proxytoken',
  });

  it('the registry listing and the compare API go through the proxy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-proxy-'));
    const registry = await tlsRegistry(dir);
    const api = await compareApi(mainSha, '127.0.0.1');
    const cacheRepo = `${uniqueName('e2e-proxy')}/cache`;
    try {
      const main = await runStep({
        inputs: planInputs(`registry.test:${registry.port}/${cacheRepo}`),
        event: pushEvent('feature/x', branchSha),
        workspace,
        env: {
          ...engineEnv(),
          ...proxyEnv(proxy),
          NODE_EXTRA_CA_CERTS: registry.ca,
          GITHUB_API_URL: `http://api.test:${api.port}`,
        },
      });
      expect(main.exitCode).toBe(0);
      expect(proxy.targets()).toStrictEqual([`api.test:${api.port}`, `registry.test:${registry.port}`]);
      expect(api.seen).toStrictEqual([
        `GET /repos/octo-org/octo-repo/compare/main...${branchSha}?per_page=1 Bearer ghs_proxytoken`,
      ]);
      expect(registry.seen).toContain(`GET /v2/${cacheRepo}/tags/list`);
      // The plan used both answers: the merge-base from the API, the tags (none yet) from the registry.
      const report = reportOf(main.outputs);
      expect(report.plan.reads.map((x) => x.ref)).toContain(`sha:${mainSha}`);
      expect(main.log).not.toContain('cache tags not listed');
    } finally {
      await Promise.all([registry.close(), api.close()]);
    }
  });

  it('NO_PROXY hosts are reached directly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-proxy-'));
    const registry = await tlsRegistry(dir);
    // This machine's name: not loopback to the client, resolvable without the proxy.
    const api = await compareApi(mainSha, '0.0.0.0');
    try {
      const main = await runStep({
        inputs: planInputs(`registry.test:${registry.port}/${uniqueName('e2e-proxy')}/cache`),
        event: pushEvent('feature/x', branchSha),
        workspace,
        env: {
          ...engineEnv(),
          ...proxyEnv(proxy, `example.org,${os.hostname()}`),
          NODE_EXTRA_CA_CERTS: registry.ca,
          GITHUB_API_URL: `http://${os.hostname()}:${api.port}`,
        },
      });
      expect(main.exitCode).toBe(0);
      expect(api.seen).toStrictEqual([
        `GET /repos/octo-org/octo-repo/compare/main...${branchSha}?per_page=1 Bearer ghs_proxytoken`,
      ]);
      expect(reportOf(main.outputs).plan.reads.map((x) => x.ref)).toContain(`sha:${mainSha}`);
      expect(proxy.targets()).toStrictEqual([`registry.test:${registry.port}`]);
    } finally {
      await Promise.all([registry.close(), api.close()]);
    }
  });

  it('the gha cache lookups go through the proxy', async () => {
    const token = t.svc.tokenForPush('feature/x');
    const named = t.svc.url.replace('127.0.0.1', 'cache.test');
    const main = await runStep({
      inputs: { 'dry-run': 'true', cache: 'gha' },
      event: pushEvent('feature/x', branchSha),
      workspace,
      env: {
        ...engineEnv(),
        ...proxyEnv(proxy),
        ...t.svc.env(token),
        ACTIONS_RESULTS_URL: named,
        ACTIONS_CACHE_URL: named,
      },
    });
    expect(main.exitCode).toBe(0);
    expect(proxy.targets()).toContain(`cache.test:${t.svc.port}`);
    expect(t.svc.requests().length).toBeGreaterThan(0);
  });

  it('the buildx download and its GitHub cache entry go through the proxy', async () => {
    const releases = await releaseServer();
    const named = t.svc.url.replace('127.0.0.1', 'cache.test');
    try {
      const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
      const { main, post } = await runAction({
        inputs: {
          driver: 'docker',
          cache: 'none',
          'buildx-version': '0.29.1',
          'buildx-releases-url': `http://releases.test:${releases.port}`,
        },
        event: pushEvent('main', mainSha),
        workspace: await repo.checkout(mainSha),
        runnerTemp,
        env: {
          ...engineEnv(),
          ...proxyEnv(proxy),
          ...t.svc.env(t.svc.tokenForPush('main')),
          ACTIONS_RESULTS_URL: named,
          ACTIONS_CACHE_URL: named,
          DOCKER_CONFIG: fs.mkdtempSync(path.join(os.tmpdir(), 'no-buildx-')),
        },
      });
      expect([main.exitCode, post.exitCode]).toStrictEqual([0, 0]);
      expect(main.log).toContain('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
      expect(releases.requests).toHaveLength(1);
      expect(proxy.targets()).toEqual(
        expect.arrayContaining([`releases.test:${releases.port}`, `cache.test:${t.svc.port}`]),
      );
    } finally {
      releases.server.close();
    }
  });
});
