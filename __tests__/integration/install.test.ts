import { exportError, exportWaves, withoutIgnoreError } from '../../src/buildx/build';
import { exportFailure } from '../../src/buildx/parse/errors';
import type { BuildLog } from '../../src/buildx/parse/progress';
import type { CachePlan } from '../../src/plan/planner';
import { exportOutcome } from '../../src/report/cache-report';
import { cacheWarnings } from '../../src/report/warnings';
import {
  buildxPluginCandidates,
  extraPluginDirs,
  pluginBuildx,
  standaloneBuildx,
  SYSTEM_PLUGIN_DIRS,
} from '../../src/buildx/buildx';
import { environmentFrom } from '../../src/runner/environment';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Exec, exec as realExec } from '../../src/lib/exec';
import {
  BuildxError,
  checksumOf,
  coerceVersion,
  compareVersions,
  ensureBuildx,
  releaseAsset,
  releaseStoreFor,
  releaseUrl,
  toolCacheDir,
} from '../../src/buildx/install';
import { releaseCacheDir, type ReleaseStore } from '../../src/buildx/release-cache';
import { releaseCacheKey } from '../../src/stores/github-cache/keys';
import * as tc from '@actions/tool-cache';
import { createHash } from 'node:crypto';
import { startTestProxy } from '../../test-services/proxy';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBuildxVersion } from '../../src/buildx/parse/version';

describe('buildx releases', () => {
  it.each([
    { platform: 'linux', arch: 'x64', want: 'buildx-v0.29.1.linux-amd64' },
    { platform: 'linux', arch: 'arm64', want: 'buildx-v0.29.1.linux-arm64' },
    { platform: 'darwin', arch: 'arm64', want: 'buildx-v0.29.1.darwin-arm64' },
    { platform: 'win32', arch: 'x64', want: 'buildx-v0.29.1.windows-amd64.exe' },
  ])('the asset for $platform/$arch is $want', ({ platform, arch, want }) =>
    expect(releaseAsset('0.29.1', platform as NodeJS.Platform, arch)).toBe(want),
  );

  it('builds the download URL from the releases base', () => {
    expect(
      releaseUrl('0.29.1', 'https://example.test/releases/download/', 'buildx-v0.29.1.linux-amd64'),
    ).toBe('https://example.test/releases/download/v0.29.1/buildx-v0.29.1.linux-amd64');
  });

  it('runs the plugin through docker and a standalone binary directly', () => {
    expect(pluginBuildx('0.29.1').argv(['buildx', 'build', '.'])).toStrictEqual(['buildx', 'build', '.']);
    const standalone = standaloneBuildx('/tc/buildx', '0.29.1');
    expect([standalone.command, ...standalone.argv(['buildx', 'build', '.'])]).toStrictEqual([
      '/tc/buildx',
      'build',
      '.',
    ]);
  });

  it.each([
    { out: 'github.com/docker/buildx v0.29.1 8e2a1b0c', want: '0.29.1' },
    { out: 'github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4', want: '0.29.1' },
    { out: 'garbage', want: null },
  ])('parses $out', ({ out, want }) => expect(parseBuildxVersion(out)).toBe(want));
});

describe('the cache export invocation', () => {
  it('drops ignore-error: its exit code is the export result', () => {
    expect(withoutIgnoreError('type=gha,scope=x,mode=max,ignore-error=true')).toBe(
      'type=gha,scope=x,mode=max',
    );
    expect(withoutIgnoreError('type=local,dest=/a,mode=max')).toBe('type=local,dest=/a,mode=max');
  });

  it("reports buildx's reason without its prefixes", () => {
    expect(
      exportError(
        '#12 exporting cache\nERROR: failed to solve: error writing layer blob: connection refused\n',
      ),
    ).toBe('error writing layer blob: connection refused');
  });

  it('says which driver lacks a store (s3, azblob on the docker driver) and what to use', () => {
    expect(exportError('ERROR: failed to build: failed to solve: unknown cache exporter: "s3"\n')).toBe(
      'this builder\'s BuildKit has no s3 cache exporter (unknown cache exporter: "s3"); the docker driver\'s BuildKit, inside dockerd, has none for s3 or azblob: use driver docker-container or remote',
    );
  });
});

describe("an export GitHub's rate limit refused", () => {
  const SAID =
    "GitHub's cache rate limit (200 new entries a minute per repository) was reached: GitHub refused this export's new entries (429), so this cache was not written; the next run writes it";
  it.each([
    // BuildKit's gha client retries a 429 until its timeout, then wraps Twirp's code.
    'ERROR: failed to solve: error writing layer blob: maximum timeout reached: resource_exhausted\n',
    'ERROR: failed to build: failed to solve: failed to reserve cache: Failed request: (429) Too Many Requests\n',
  ])('%j is said as the rate limit, not as a raw Twirp error', (stderr) => {
    expect(exportError(stderr)).toBe(SAID);
  });

  it('the same words when the build itself exported (its record names the error)', () => {
    const p = { cacheTo: ['type=gha,scope=x,mode=max'], notes: [] } as unknown as CachePlan;
    const log = {
      exports: [
        { durationMs: 10000, error: 'error writing layer blob: maximum timeout reached: resource_exhausted' },
      ],
    } as unknown as BuildLog;
    const outcome = exportOutcome(p, log, true, '');
    expect(outcome).toMatchObject({ status: 'failed', reason: SAID });
    expect(cacheWarnings(outcome, [])).toStrictEqual([`cache export failed: ${SAID}`]);
  });

  it("other failures keep BuildKit's words", () => {
    expect(exportFailure('error writing layer blob: connection refused')).toBe(
      'error writing layer blob: connection refused',
    );
  });
});

describe('where the docker CLI finds its buildx plugin, in its order', () => {
  it.each([
    {
      title: 'Linux: config extra dirs, then DOCKER_CONFIG, then the system dirs',
      o: {
        dockerConfigDir: '/home/runner/.docker',
        extraDirs: ['/opt/plugins'],
        platform: 'linux' as const,
        systemDirs: SYSTEM_PLUGIN_DIRS,
      },
      want: [
        '/opt/plugins/docker-buildx',
        '/home/runner/.docker/cli-plugins/docker-buildx',
        '/usr/local/lib/docker/cli-plugins/docker-buildx',
        '/usr/local/libexec/docker/cli-plugins/docker-buildx',
        '/usr/lib/docker/cli-plugins/docker-buildx',
        '/usr/libexec/docker/cli-plugins/docker-buildx',
      ],
    },
    {
      title: 'Windows: only the config dirs, with .exe',
      o: { dockerConfigDir: 'C:/Users/r/.docker', extraDirs: [], platform: 'win32' as const, systemDirs: [] },
      want: ['C:/Users/r/.docker/cli-plugins/docker-buildx.exe'],
    },
  ])('$title', ({ o, want }) => {
    expect(buildxPluginCandidates(o)).toStrictEqual(want);
  });

  it.each([
    { config: '{"cliPluginsExtraDirs":["/a","/b"]}', dirs: ['/a', '/b'] },
    { config: '{"auths":{}}', dirs: [] },
    { config: '{"cliPluginsExtraDirs":"/a"}', dirs: [] },
    { config: 'not json', dirs: [] },
    { config: null, dirs: [] },
  ])('cliPluginsExtraDirs from $config', ({ config, dirs }) => {
    expect(extraPluginDirs(config)).toStrictEqual(dirs);
  });
});

describe('installing a buildx release into the tool cache', () => {
  const noPlugin = Promise.resolve({
    result: { exitCode: 1, stdout: '', stderr: 'not found', timedOut: false },
    binary: '',
  });
  // The downloaded "binary" answers `version` with the version written into it.
  const exec: Exec = async (command) => {
    const text = fs.existsSync(command) ? fs.readFileSync(command, 'utf8') : '';
    return { exitCode: text ? 0 : 127, stdout: text, stderr: '', timedOut: false };
  };
  const RELEASE = 'github.com/docker/buildx v0.29.1 abcdef';

  const ASSET = releaseAsset('0.29.1');
  const sumOf = (text: string) => createHash('sha256').update(text).digest('hex');
  /**
   * A loopback release server: `checksums.txt` as buildx's releases publish it (the real binary's
   * sum, `published`), and the binary answered with the next of `answers` (then the last).
   */
  async function releases(...answers: Array<number | 'reset' | 'silent'>) {
    const requests: string[] = [];
    const state = { published: sumOf(RELEASE), body: RELEASE };
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url?.endsWith('/checksums.txt')) {
        res.end(`${'0'.repeat(64)}  buildx-v0.29.1.darwin-arm64\n${state.published}  ${ASSET}\n`);
        return;
      }
      const binaryRequests = requests.filter((r) => !r.endsWith('/checksums.txt')).length;
      const answer = answers[Math.min(binaryRequests, answers.length) - 1];
      if (answer === 'silent') return;
      if (answer === 'reset') req.socket.destroy();
      else res.writeHead(answer).end(answer === 200 ? state.body : 'Not Found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const close = () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    };
    /** The requests for the binary (each run also reads checksums.txt first). */
    const binaryRequests = () => requests.filter((r) => !r.endsWith('/checksums.txt'));
    return { url, requests, binaryRequests, state, close };
  }
  let server: Awaited<ReturnType<typeof releases>>;
  afterEach(() => server?.close());

  /** The GitHub cache as a map; what the e2e test does with the real service, in memory. */
  function memoryStore(held: Record<string, string> = {}) {
    const calls: string[] = [];
    const store: ReleaseStore = {
      async restore(version, file) {
        calls.push(`restore ${version}`);
        if (!(version in held)) return false;
        fs.writeFileSync(file, held[version]);
        return true;
      },
      async save(version, file) {
        calls.push(`save ${version}`);
        held[version] = fs.readFileSync(file, 'utf8');
      },
    };
    return { store, calls, held };
  }

  const ensure = (
    toolCache: string,
    releasesBase: string,
    releaseStore: ReleaseStore | null = null,
    more: { saveRefused?: string; timeoutMs?: number } = {},
  ) =>
    ensureBuildx(exec, {
      wanted: 'v0.29.1',
      floor: '',
      releasesBase,
      probe: noPlugin,
      toolCache,
      releaseStore,
      saveRefused: more.saveRefused ?? '',
      retryWaitMs: 10,
      ...(more.timeoutMs ? { timeoutMs: more.timeoutMs } : {}),
    });

  it("downloads once into @actions/tool-cache's layout; the next run takes it from there", async () => {
    server = await releases(200);
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
    const first = await ensure(toolCache, server.url);
    const dir = toolCacheDir('0.29.1', toolCache);
    expect(dir).toBe(path.join(toolCache, 'buildx', '0.29.1', os.arch()));
    expect(first.buildx.path).toBe(path.join(dir, 'buildx'));
    expect(first.note).toBe('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
    expect(fs.existsSync(`${dir}.complete`)).toBe(true);
    expect(fs.statSync(path.join(dir, 'buildx')).mode & 0o111).not.toBe(0);
    expect(server.requests).toStrictEqual(['/v0.29.1/checksums.txt', `/v0.29.1/${releaseAsset('0.29.1')}`]);
    await ensure(toolCache, server.url);
    expect(server.requests).toHaveLength(2);
    expect(fs.readdirSync(path.dirname(dir)).sort()).toStrictEqual([os.arch(), `${os.arch()}.complete`]);
    // The toolkit itself finds it there.
    const saved = process.env.RUNNER_TOOL_CACHE;
    process.env.RUNNER_TOOL_CACHE = toolCache;
    try {
      expect(tc.find('buildx', '0.29.1')).toBe(dir);
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE;
      else process.env.RUNNER_TOOL_CACHE = saved;
    }
  });

  it('replaces a folder an interrupted download left without its .complete marker', async () => {
    server = await releases(200);
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
    const dir = toolCacheDir('0.29.1', toolCache);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'buildx'), 'trunc');
    await ensure(toolCache, server.url);
    expect(fs.readFileSync(path.join(dir, 'buildx'), 'utf8')).toBe(RELEASE);
    expect(fs.readdirSync(path.dirname(dir)).sort()).toStrictEqual([os.arch(), `${os.arch()}.complete`]);
  });

  it('retries after a server error or a network failure', async () => {
    for (const firstTry of [502, 'reset'] as const) {
      server = await releases(firstTry, 200);
      const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
      const got = await ensure(toolCache, server.url);
      expect([server.binaryRequests().length, got.buildx.version]).toStrictEqual([2, '0.29.1']);
      await server.close();
    }
  });

  it('a release that is not there: a BuildxError naming the version, the URL and the status', async () => {
    server = await releases(404);
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
    const failed = ensure(toolCache, server.url);
    await expect(failed).rejects.toBeInstanceOf(BuildxError);
    await expect(failed).rejects.toThrow(
      `no docker buildx plugin found and buildx 0.29.1 could not be downloaded from ${server.url}v0.29.1/` +
        `${releaseAsset('0.29.1')}: HTTP 404`,
    );
    expect(server.binaryRequests()).toHaveLength(1);
    expect(fs.readdirSync(path.join(toolCache, 'buildx', '0.29.1'))).toStrictEqual([]);
  });

  it('a proxy that does not answer: the BuildxError names it', async () => {
    const proxy = await startTestProxy();
    await proxy.stop();
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.http_proxy;
    try {
      const failed = ensure(fs.mkdtempSync(path.join(os.tmpdir(), 'tc-')), 'http://releases.test/');
      await expect(failed).rejects.toThrow(
        new RegExp(
          `could not be verified: its checksums could not be read from http://releases\\.test/v0\\.29\\.1/checksums\\.txt: .* through the proxy ${new URL(proxy.url).host}$`,
        ),
      );
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it('keeps a downloaded release in the GitHub cache; a job with an empty tool cache restores it from there', async () => {
    server = await releases(200);
    const cache = memoryStore();
    const first = await ensure(fs.mkdtempSync(path.join(os.tmpdir(), 'tc-')), server.url, cache.store);
    expect(first.note).toBe('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
    expect(cache.calls).toStrictEqual(['restore 0.29.1', 'save 0.29.1']);
    expect(cache.held).toStrictEqual({ '0.29.1': RELEASE });
    const second = await ensure(fs.mkdtempSync(path.join(os.tmpdir(), 'tc-')), server.url, cache.store);
    expect(second.note).toBe(
      'installed buildx 0.29.1 from the GitHub cache (no docker buildx plugin on the runner)',
    );
    expect(cache.calls).toStrictEqual(['restore 0.29.1', 'save 0.29.1', 'restore 0.29.1']);
    expect(server.binaryRequests()).toHaveLength(1);
  });

  it('does not keep a download that does not run', async () => {
    const server2 = http.createServer((req, res) =>
      res.end(req.url?.endsWith('/checksums.txt') ? `${sumOf('')}  ${ASSET}\n` : ''),
    );
    await new Promise<void>((r) => server2.listen(0, '127.0.0.1', r));
    const cache = memoryStore();
    try {
      const failed = ensure(
        fs.mkdtempSync(path.join(os.tmpdir(), 'tc-')),
        `http://127.0.0.1:${(server2.address() as AddressInfo).port}/`,
        cache.store,
      );
      await expect(failed).rejects.toThrow('the downloaded buildx 0.29.1 does not run');
      expect(cache.calls).toStrictEqual(['restore 0.29.1']);
    } finally {
      server2.close();
    }
  });
});

describe('a buildx release is run only once it matches its published checksum', () => {
  const noPlugin = Promise.resolve({
    result: { exitCode: 1, stdout: '', stderr: 'not found', timedOut: false },
    binary: '',
  });
  const ASSET = releaseAsset('0.29.1');
  const GENUINE = "#!/bin/sh\necho 'github.com/docker/buildx v0.29.1 abcdef'\n";
  /** A tampered binary: answers like buildx, and leaves a marker behind if it is ever run. */
  const tampered = (marker: string) =>
    `#!/bin/sh\ntouch '${marker}'\necho 'github.com/docker/buildx v0.29.1 abcdef'\n`;
  const sumOf = (text: string) => createHash('sha256').update(text).digest('hex');
  let closeServer: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await closeServer?.();
    closeServer = null;
  });

  /** Serves checksums.txt with the genuine binary's sum, and `binary` as the release asset. */
  async function releaseServer(binary: string | 'silent') {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/v0.29.1/checksums.txt') res.end(`${sumOf(GENUINE)}  ${ASSET}\n`);
      else if (req.url === `/v0.29.1/${ASSET}`) {
        if (binary !== 'silent') res.end(binary);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closeServer = () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    };
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
  }

  function heldStore(held: Record<string, string>) {
    const calls: string[] = [];
    const store: ReleaseStore = {
      async restore(version, file) {
        calls.push(`restore ${version}`);
        if (!(version in held)) return false;
        fs.writeFileSync(file, held[version]);
        return true;
      },
      async save(version, file) {
        calls.push(`save ${version}`);
        held[version] = fs.readFileSync(file, 'utf8');
      },
    };
    return { store, calls, held };
  }

  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bx-'));
  const ensure = (
    releasesBase: string,
    o: { store?: ReleaseStore | null; saveRefused?: string; timeoutMs?: number },
  ) =>
    ensureBuildx(realExec, {
      wanted: '0.29.1',
      floor: '',
      releasesBase,
      probe: noPlugin,
      toolCache: tmp(),
      releaseStore: o.store ?? null,
      saveRefused: o.saveRefused ?? '',
      retryWaitMs: 10,
      ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    });

  it('a tampered download is refused and never run', async () => {
    const marker = path.join(tmp(), 'ran');
    const server = await releaseServer(tampered(marker));
    const failed = ensure(server.url, {});
    await expect(failed).rejects.toBeInstanceOf(BuildxError);
    await expect(failed).rejects.toThrow(
      new RegExp(
        `buildx 0\\.29\\.1 downloaded from \\S+ does not match the release's checksum .*: it is not run$`,
      ),
    );
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('a tampered binary restored from the GitHub cache is never run: one warning, the release is downloaded instead', async () => {
    const marker = path.join(tmp(), 'ran');
    const server = await releaseServer(GENUINE);
    const cache = heldStore({ '0.29.1': tampered(marker) });
    const warnings: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      if (String(chunk).startsWith('::warning::')) warnings.push(String(chunk));
      return true;
    });
    let got: Awaited<ReturnType<typeof ensure>>;
    try {
      got = await ensure(server.url, { store: cache.store });
    } finally {
      write.mockRestore();
    }
    expect(fs.existsSync(marker)).toBe(false);
    expect(got.note).toBe('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
    expect(fs.readFileSync(got.buildx.path!, 'utf8')).toBe(GENUINE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/from the GitHub cache does not match the release's checksum/);
    expect(server.requests).toStrictEqual(['/v0.29.1/checksums.txt', `/v0.29.1/${ASSET}`]);
  });

  it('a genuine binary from the GitHub cache is verified against the release server, then run', async () => {
    const server = await releaseServer('silent');
    const cache = heldStore({ '0.29.1': GENUINE });
    const got = await ensure(server.url, { store: cache.store });
    expect(got.note).toBe(
      'installed buildx 0.29.1 from the GitHub cache (no docker buildx plugin on the runner)',
    );
    expect(server.requests).toStrictEqual(['/v0.29.1/checksums.txt']);
  });

  it('a release server that never answers fails within the bound, naming it', async () => {
    const server = await releaseServer('silent');
    const started = Date.now();
    await expect(ensure(server.url, { timeoutMs: 1500 })).rejects.toThrow(
      `no docker buildx plugin found and buildx 0.29.1 could not be downloaded from ${server.url}v0.29.1/${ASSET}: no answer within 2s`,
    );
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a run the trust rule refuses does not keep the download in the GitHub cache', async () => {
    const server = await releaseServer(GENUINE);
    const cache = heldStore({});
    await ensure(server.url, {
      store: cache.store,
      saveRefused: 'pull_request_target may run untrusted code: nothing is written to the GitHub cache',
    });
    expect(cache.calls).toStrictEqual(['restore 0.29.1']);
    expect(cache.held).toStrictEqual({});
  });

  it.each([
    { text: `${'a'.repeat(64)}  buildx-v0.29.1.linux-amd64\n`, want: 'a'.repeat(64) },
    { text: `${'b'.repeat(64)} *buildx-v0.29.1.linux-amd64\n`, want: 'b'.repeat(64) },
    { text: `${'c'.repeat(64)}  buildx-v0.29.1.linux-amd64.sbom.json\n`, want: null },
    { text: 'not a checksum file', want: null },
  ])('checksums.txt $text: $want', ({ text, want }) =>
    expect(checksumOf(text, 'buildx-v0.29.1.linux-amd64')).toBe(want),
  );

  it('no buildx plugin and no version asked: a clear message, not "undefined or newer"', async () => {
    const failed = ensureBuildx(realExec, {
      wanted: '',
      floor: '',
      releasesBase: 'http://x/',
      probe: noPlugin,
      toolCache: os.tmpdir(),
      releaseStore: null,
      saveRefused: '',
    });
    await expect(failed).rejects.toThrow(
      'no docker buildx plugin found: set buildx-version (e.g. 0.29.1) to have this action install that release, or install buildx first (docker/setup-buildx-action)',
    );
    await expect(failed).rejects.not.toThrow(/undefined/);
  });
});

describe('where a downloaded buildx is kept in the GitHub cache', () => {
  it.each([
    { platform: 'linux', arch: 'x64', key: 'buildkit-cache-action-buildx-0.29.1-linux-x64' },
    { platform: 'darwin', arch: 'arm64', key: 'buildkit-cache-action-buildx-0.29.1-darwin-arm64' },
  ])('$platform/$arch: $key', ({ platform, arch, key }) =>
    expect(releaseCacheKey('0.29.1', platform as NodeJS.Platform, arch)).toBe(key),
  );

  it('the same folder in every job, whatever the tool cache', () => {
    expect(releaseCacheDir('0.29.1', '/tmp', 'x64')).toBe('/tmp/buildkit-cache-action/buildx/0.29.1-x64');
  });

  it.each([
    { env: { ACTIONS_RESULTS_URL: 'http://c/', ACTIONS_RUNTIME_TOKEN: 't' }, want: true },
    { env: { ACTIONS_CACHE_URL: 'http://c/', ACTIONS_RUNTIME_TOKEN: 't' }, want: true },
    { env: { ACTIONS_RESULTS_URL: 'http://c/' }, want: false },
    { env: { ACTIONS_RUNTIME_TOKEN: 't' }, want: false },
  ])('a GitHub cache with $env: $want', ({ env, want }) =>
    expect(releaseStoreFor(realExec, environmentFrom(env)) !== null).toBe(want),
  );
});

describe('buildx versions', () => {
  it.each([
    ['v0.29.1', '0.29.1'],
    ['0.29', '0.29.0'],
    ['1', '1.0.0'],
    ['0.30.0-rc1', '0.30.0'],
    ['latest', null],
    ['', null],
  ])('%j reads as %j', (text, want) => expect(coerceVersion(text)).toBe(want));

  it.each([
    ['0.29.1', '0.21.0', 1],
    ['0.21.0', '0.29.1', -1],
    ['0.10.0', '0.9.9', 1],
    ['1.0.0', '0.99.99', 1],
    ['0.29.1', '0.29.1', 0],
  ])('%s against %s: %d', (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign));
});

describe('cache export invocations: one destination per registry repository at a time', () => {
  const reg = (tag: string, repo = 'ghcr.io/o/cache') => `type=registry,ref=${repo}:${tag},mode=max`;
  it.each([
    { title: 'one destination: one invocation', to: [reg('branch-main')], waves: [[reg('branch-main')]] },
    {
      title: "a branch's tag and its commit's, same repository: two invocations, in order",
      to: [reg('branch-main'), reg('sha-1')],
      waves: [[reg('branch-main')], [reg('sha-1')]],
    },
    {
      title: 'different repositories, local and gha: together',
      to: [reg('a'), reg('a', '127.0.0.1:5000/other'), 'type=local,dest=/c', 'type=gha,scope=x'],
      waves: [[reg('a'), reg('a', '127.0.0.1:5000/other'), 'type=local,dest=/c', 'type=gha,scope=x']],
    },
    {
      title: 'a registry port is not a tag',
      to: [reg('x', 'localhost:5000/c'), reg('y', 'localhost:5000/c'), reg('z', 'localhost:5000/c')],
      waves: [[reg('x', 'localhost:5000/c')], [reg('y', 'localhost:5000/c')], [reg('z', 'localhost:5000/c')]],
    },
    { title: 'nothing: no invocation', to: [], waves: [] },
  ])('$title', ({ to, waves }) => expect(exportWaves(to)).toStrictEqual(waves));
});
