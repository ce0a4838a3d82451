import { exportError, withoutIgnoreError } from '../../src/buildx/build';
import {
  buildxPluginCandidates,
  extraPluginDirs,
  pluginBuildx,
  standaloneBuildx,
} from '../../src/buildx/buildx';
import { releaseAsset, releaseUrl } from '../../src/buildx/install';
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
