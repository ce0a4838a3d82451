import { buildxPluginCandidates, SYSTEM_PLUGIN_DIRS, systemPluginDirs } from '../../src/buildx/buildx';
import { environmentFrom } from '../../src/runner/environment';

describe("the docker CLI's system plugin folders", () => {
  it.each([
    { platform: 'linux' as const, env: {}, dirs: SYSTEM_PLUGIN_DIRS },
    { platform: 'darwin' as const, env: {}, dirs: SYSTEM_PLUGIN_DIRS },
    { platform: 'win32' as const, env: {}, dirs: [] },
    // The tests' docker CLI copy looks in stand-ins of its own; the action is told where.
    {
      platform: 'linux' as const,
      env: { BKCA_CLI_PLUGINS_SYSTEM_DIRS: '/tmp/a:/tmp/b' },
      dirs: ['/tmp/a', '/tmp/b'],
    },
    { platform: 'linux' as const, env: { BKCA_CLI_PLUGINS_SYSTEM_DIRS: '' }, dirs: SYSTEM_PLUGIN_DIRS },
  ])('$platform with $env', ({ platform, env, dirs }) => {
    expect(systemPluginDirs(platform, environmentFrom(env).buildx.systemPluginDirs)).toStrictEqual(dirs);
  });

  it('are the last candidates, after the config folders', () => {
    expect(
      buildxPluginCandidates({ dockerConfigDir: '/c', extraDirs: [], platform: 'linux', systemDirs: ['/s'] }),
    ).toStrictEqual(['/c/cli-plugins/docker-buildx', '/s/docker-buildx']);
  });
});
