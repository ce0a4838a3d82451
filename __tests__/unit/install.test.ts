import { exportError, withoutIgnoreError } from '../../src/buildx/build';
import { pluginBuildx, standaloneBuildx } from '../../src/buildx/buildx';
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
