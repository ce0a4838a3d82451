import { exportError, exportWaves, withoutIgnoreError } from '../../src/buildx/build';
import {
  buildxPluginCandidates,
  extraPluginDirs,
  pluginBuildx,
  standaloneBuildx,
} from '../../src/buildx/buildx';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Exec } from '../../src/exec';
import {
  BuildxError,
  coerceVersion,
  compareVersions,
  ensureBuildx,
  releaseAsset,
  releaseUrl,
  toolCacheDir,
} from '../../src/buildx/install';
import type { FetchLike } from '../../src/net/http';
import { parseBuildxVersion } from '../../src/buildx/parse';

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

describe('where the docker CLI finds its buildx plugin, in its order', () => {
  it.each([
    {
      title: 'Linux: config extra dirs, then DOCKER_CONFIG, then the system dirs',
      o: { dockerConfigDir: '/home/runner/.docker', extraDirs: ['/opt/plugins'], platform: 'linux' as const },
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
      o: { dockerConfigDir: 'C:/Users/r/.docker', extraDirs: [], platform: 'win32' as const },
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
  const answer = (status: number, body = ''): ReturnType<FetchLike> =>
    Promise.resolve({
      status,
      ok: status < 300,
      headers: { get: () => null },
      text: async () => body,
      json: async () => JSON.parse(body) as unknown,
      arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
    });
  const ensure = (toolCache: string, fetchImpl: FetchLike) =>
    ensureBuildx(exec, {
      wanted: 'v0.29.1',
      floor: '',
      releasesBase: 'http://releases.test/',
      probe: noPlugin,
      toolCache,
      fetchImpl,
    });

  it("downloads once into @actions/tool-cache's layout; the next run takes it from there", async () => {
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
    const urls: string[] = [];
    const fetchImpl: FetchLike = (url) => {
      urls.push(url);
      return answer(200, 'github.com/docker/buildx v0.29.1 abcdef');
    };
    const first = await ensure(toolCache, fetchImpl);
    const dir = toolCacheDir('0.29.1', toolCache);
    expect(dir).toBe(path.join(toolCache, 'buildx', '0.29.1', os.arch()));
    expect(first.buildx.path).toBe(path.join(dir, 'buildx'));
    expect(first.note).toBe('installed buildx 0.29.1 (no docker buildx plugin on the runner)');
    expect(fs.existsSync(`${dir}.complete`)).toBe(true);
    expect(fs.statSync(path.join(dir, 'buildx')).mode & 0o111).not.toBe(0);
    expect(urls).toStrictEqual([releaseUrl('0.29.1', 'http://releases.test')]);
    await ensure(toolCache, fetchImpl);
    expect(urls).toHaveLength(1);
    expect(fs.readdirSync(path.dirname(dir)).sort()).toStrictEqual([os.arch(), `${os.arch()}.complete`]);
  });

  it('replaces a folder an interrupted download left without its .complete marker', async () => {
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
    const dir = toolCacheDir('0.29.1', toolCache);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'buildx'), 'trunc');
    await ensure(toolCache, () => answer(200, 'github.com/docker/buildx v0.29.1 abcdef'));
    expect(fs.readFileSync(path.join(dir, 'buildx'), 'utf8')).toContain('v0.29.1');
  });

  it('retries once after a server error or a network failure', async () => {
    for (const firstTry of [() => answer(502), () => Promise.reject(new TypeError('fetch failed'))]) {
      const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
      let calls = 0;
      const got = await ensure(toolCache, () =>
        ++calls === 1 ? firstTry() : answer(200, 'github.com/docker/buildx v0.29.1 abcdef'),
      );
      expect([calls, got.buildx.version]).toStrictEqual([2, '0.29.1']);
    }
  });

  it('a release that is not there: a BuildxError naming the version, the URL and the status', async () => {
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-'));
    const failed = ensure(toolCache, () => answer(404, 'Not Found'));
    await expect(failed).rejects.toBeInstanceOf(BuildxError);
    await expect(failed).rejects.toThrow(
      'no docker buildx plugin found and buildx 0.29.1 could not be downloaded from http://releases.test/v0.29.1/' +
        `${releaseAsset('0.29.1')}: HTTP 404`,
    );
    expect(fs.existsSync(`${toolCacheDir('0.29.1', toolCache)}.complete`)).toBe(false);
  });
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
