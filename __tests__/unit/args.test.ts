import { buildArgs, createBuilderArgs, historyLogsArgs, removeBuilderArgs } from '../../src/buildx/args';
import { builderName, needsHostNetwork } from '../../src/buildx/builder';
import { prepareBuild } from '../../src/buildx/build';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { parseInputs } from '../../src/runner/inputs/read';

const inputs = (values: Record<string, string | undefined>) => parseInputs((n) => values[n] ?? '');

describe('createBuilderArgs: the docker-container path, pinned argument by argument', () => {
  it.each([
    {
      title: 'default docker-container builder, bootstrapped',
      v: {},
      extra: [],
      config: undefined,
      want: ['buildx', 'create', '--name', 'bkca-1', '--driver', 'docker-container', '--bootstrap'],
    },
    {
      title: 'driver-opts, buildkitd flags and an inline config file',
      v: { 'driver-opts': 'image=moby/buildkit:v0.20.0\nnetwork=host', 'buildkitd-flags': '--debug' },
      extra: [],
      config: '/tmp/x/buildkitd.toml',
      want: [
        'buildx',
        'create',
        '--name',
        'bkca-1',
        '--driver',
        'docker-container',
        '--driver-opt',
        'image=moby/buildkit:v0.20.0',
        '--driver-opt',
        'network=host',
        '--buildkitd-flags',
        '--debug',
        '--buildkitd-config',
        '/tmp/x/buildkitd.toml',
        '--bootstrap',
      ],
    },
    {
      title: 'network=host added for a loopback cache service',
      v: {},
      extra: ['network=host'],
      config: undefined,
      want: [
        'buildx',
        'create',
        '--name',
        'bkca-1',
        '--driver',
        'docker-container',
        '--driver-opt',
        'network=host',
        '--bootstrap',
      ],
    },
    {
      title: 'a user network option wins over the added one',
      v: { 'driver-opts': 'network=bridge' },
      extra: ['network=host'],
      config: undefined,
      want: [
        'buildx',
        'create',
        '--name',
        'bkca-1',
        '--driver',
        'docker-container',
        '--driver-opt',
        'network=bridge',
        '--bootstrap',
      ],
    },
    {
      title: 'remote driver with its endpoint last',
      v: { driver: 'remote', endpoint: 'tcp://buildkitd:1234' },
      extra: [],
      config: undefined,
      want: [
        'buildx',
        'create',
        '--name',
        'bkca-1',
        '--driver',
        'remote',
        '--bootstrap',
        'tcp://buildkitd:1234',
      ],
    },
  ])('$title', ({ v, extra, config, want }) => {
    expect(
      createBuilderArgs({
        name: 'bkca-1',
        builder: inputs(v).builder,
        configFile: config,
        extraDriverOpts: extra,
      }),
    ).toStrictEqual(want);
  });

  it('removes with --force and reads history as rawjson', () => {
    expect(removeBuilderArgs('bkca-1')).toStrictEqual(['buildx', 'rm', '--force', 'bkca-1']);
    expect(historyLogsArgs('b', 'r1')).toStrictEqual([
      'buildx',
      'history',
      'logs',
      '--builder',
      'b',
      '--progress',
      'rawjson',
      'r1',
    ]);
  });

  it('names builders uniquely per job', () => {
    expect(builderName('Build Image', '0123456789ab')).toBe('bkca-build-image-01234567');
    expect(builderName('', 'abcdef0123')).toBe('bkca-abcdef01');
  });

  it.each([
    { url: 'http://127.0.0.1:8080/', want: true },
    { url: 'http://localhost:1/x', want: true },
    { url: 'https://results-receiver.actions.example/', want: false },
    { url: '', want: false },
  ])('needsHostNetwork($url) = $want', ({ url, want }) => expect(needsHostNetwork(url)).toBe(want));
});

describe('buildArgs', () => {
  const common = {
    builder: 'b',
    cacheFrom: [],
    cacheTo: [],
    metadataFile: '/t/m.json',
    iidFile: '/t/iid',
    secretEnvNames: [],
    attest: {
      enabled: true,
      builderId: 'B',
      privateRepository: false,
      noDefault: true,
      builderAttests: true,
    },
  };

  it('a minimal build', () => {
    expect(buildArgs({ ...common, build: inputs({ context: '.' }).build })).toStrictEqual([
      'buildx',
      'build',
      '--builder',
      'b',
      '--iidfile',
      '/t/iid',
      '--metadata-file',
      '/t/m.json',
      '.',
    ]);
  });

  it('each build input becomes its own argument, in a stable order, secrets by environment only', () => {
    const build = inputs({
      context: 'app',
      file: 'app/Dockerfile',
      target: 'runtime',
      tags: 'r/app:1, r/app:latest',
      labels: 'a=b c',
      annotations: 'index:x=y',
      'build-args': 'Q="quoted, value"\nBRANCH=a;$(touch pwned)`b`',
      'build-contexts': 'extra=../lib',
      secrets: 'tok=s3cr3t',
      'secret-envs': 'npm=NPM_TOKEN',
      'secret-files': 'cfg=/run/cfg',
      ssh: 'default',
      platforms: 'linux/amd64,linux/arm64',
      push: 'true',
      outputs: 'type=image,compression=zstd',
      pull: 'true',
      'no-cache-filters': 'deps',
      provenance: 'mode=max',
      sbom: 'true',
      attests: 'type=sbom',
      network: 'host',
      'add-hosts': 'db:10.0.0.1',
      allow: 'network.host',
      'shm-size': '2g',
      ulimit: 'nofile=1024:1024',
      'cgroup-parent': 'ci',
      call: 'check',
    }).build;
    const argv = buildArgs({
      ...common,
      build,
      cacheFrom: ['type=gha,scope=x'],
      cacheTo: ['type=gha,scope=x,mode=max'],
      secretEnvNames: ['BKCA_SECRET_0'],
    });
    expect(argv).toStrictEqual([
      'buildx',
      'build',
      '--builder',
      'b',
      '--add-host',
      'db:10.0.0.1',
      '--allow',
      'network.host',
      '--annotation',
      'index:x=y',
      '--attest',
      'type=provenance,mode=max,builder-id=B',
      '--attest',
      'type=sbom,disabled=false',
      '--build-arg',
      'Q="quoted, value"',
      '--build-arg',
      'BRANCH=a;$(touch pwned)`b`',
      '--build-context',
      'extra=../lib',
      '--cache-from',
      'type=gha,scope=x',
      '--cache-to',
      'type=gha,scope=x,mode=max',
      '--call',
      'check',
      '--cgroup-parent',
      'ci',
      '--file',
      'app/Dockerfile',
      '--iidfile',
      '/t/iid',
      '--label',
      'a=b c',
      '--metadata-file',
      '/t/m.json',
      '--network',
      'host',
      '--no-cache-filter',
      'deps',
      '--output',
      'type=image,compression=zstd',
      '--platform',
      'linux/amd64,linux/arm64',
      '--pull',
      '--push',
      '--secret',
      'id=tok,env=BKCA_SECRET_0',
      '--secret',
      'id=npm,env=NPM_TOKEN',
      '--secret',
      'id=cfg,src=/run/cfg',
      '--shm-size',
      '2g',
      '--ssh',
      'default',
      '--tag',
      'r/app:1',
      '--tag',
      'r/app:latest',
      '--target',
      'runtime',
      '--ulimit',
      'nofile=1024:1024',
      'app',
    ]);
    expect(argv.join(' ')).not.toContain('s3cr3t');
  });

  it.each([
    { input: 'load', flag: '--load' },
    { input: 'no-cache', flag: '--no-cache' },
    { input: 'pull', flag: '--pull' },
    { input: 'push', flag: '--push' },
  ])('$input: true passes $flag, and false leaves it out', ({ input, flag }) => {
    const on = buildArgs({ ...common, build: inputs({ context: '.', [input]: 'true' }).build });
    const off = buildArgs({ ...common, build: inputs({ context: '.', [input]: 'false' }).build });
    expect(on.filter((a) => a === flag)).toHaveLength(1);
    expect(off).not.toContain(flag);
  });

  it('passes github-token for a git context by environment, never as an argument', () => {
    const token = 'ghs_argvNeverHoldsThis0123';
    const values: Record<string, string> = {
      context: 'https://github.com/octo/app.git#main',
      'github-token': token,
    };
    const i = parseInputs((n) => values[n] ?? '');
    const ctx = runContextFrom(
      environmentFrom({ GITHUB_REPOSITORY: 'octo/app', GITHUB_REF: 'refs/heads/main' }).github,
      {},
    );
    const setup = prepareBuild(i, {
      builder: 'b',
      cacheFrom: [],
      cacheTo: [],
      tempDir: '/t',
      environment: environmentFrom({}),
      cwd: '/w',
      ctx,
      buildxVersion: '0.29.1',
    });
    const argv = buildArgs(setup.input);
    expect(argv).toContain('id=GIT_AUTH_TOKEN.github.com,env=BKCA_GIT_AUTH_TOKEN');
    expect(argv.join(' ')).not.toContain(token);
    expect(setup.env.BKCA_GIT_AUTH_TOKEN).toBe(token);
  });
});
