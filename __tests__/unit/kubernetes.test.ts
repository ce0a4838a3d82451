import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { post } from '../../src/app/post';
import { pluginBuildx } from '../../src/buildx/buildx';
import {
  kubernetesBuilderName,
  kubernetesCreateArgs,
  reuseBuilderArgs,
  setupKubernetesBuilder,
} from '../../src/buildx/kubernetes';
import type { Exec, ExecResult } from '../../src/lib/exec';
import { parseInputs } from '../../src/runner/inputs/read';
import type { BuilderInputs } from '../../src/runner/inputs/types';

const inputsOf = (raw: Record<string, string>) => parseInputs((name) => raw[name] ?? '');
const k8s = (over: Partial<BuilderInputs> = {}): BuilderInputs => ({
  ...inputsOf({ driver: 'kubernetes' }).builder,
  ...over,
});

describe('kubernetesBuilderName: stable per repository and cache scope', () => {
  it.each([
    ['octo/app', 'app', /^bkca-app-app-[0-9a-f]{8}$/],
    ['Octo/My_Service', 'docker/Dockerfile.prod', /^bkca-my-service-docker-dockerfile-prod-[0-9a-f]{8}$/],
    ['o/' + 'x'.repeat(80), 'scope', /^bkca-x{34}-[0-9a-f]{8}$/],
    ['', '', /^bkca-[0-9a-f]{8}$/],
  ])('%s with scope %s', (repository, scope, want) => {
    const name = kubernetesBuilderName(repository, scope);
    expect(name).toMatch(want);
    // buildx names the deployment <name>0: a DNS label of at most 63 characters.
    expect(`${name}0`).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
  });
  it('is the same every run, and differs per repository and per scope', () => {
    expect(kubernetesBuilderName('o/a', 'app')).toBe(kubernetesBuilderName('o/a', 'app'));
    expect(kubernetesBuilderName('o/a', 'app')).not.toBe(kubernetesBuilderName('o/b', 'app'));
    expect(kubernetesBuilderName('o/a', 'app')).not.toBe(kubernetesBuilderName('o/a', 'api'));
    // Slugged alike, hashed apart.
    expect(kubernetesBuilderName('o/a', 'x.y')).not.toBe(kubernetesBuilderName('o/a', 'x-y'));
  });
});

describe('the kubernetes argv', () => {
  it.each<[string, BuilderInputs, string | undefined, string[]]>([
    [
      'no options: loadbalance=sticky added',
      k8s(),
      undefined,
      [
        'buildx',
        'create',
        '--name',
        'bk',
        '--driver',
        'kubernetes',
        '--driver-opt',
        'loadbalance=sticky',
        '--bootstrap',
      ],
    ],
    [
      "the user's options passed through, their loadbalance kept",
      k8s({
        driverOpts: [
          'namespace=ci',
          'replicas=3',
          'loadbalance=random',
          'nodeselector=kubernetes.io/arch=arm64',
          'tolerations=key=ci,operator=Exists',
          'persistent-volume-claim.requests.storage=50Gi',
        ],
      }),
      undefined,
      [
        'buildx',
        'create',
        '--name',
        'bk',
        '--driver',
        'kubernetes',
        '--driver-opt',
        'namespace=ci',
        '--driver-opt',
        'replicas=3',
        '--driver-opt',
        'loadbalance=random',
        '--driver-opt',
        'nodeselector=kubernetes.io/arch=arm64',
        '--driver-opt',
        'tolerations=key=ci,operator=Exists',
        '--driver-opt',
        'persistent-volume-claim.requests.storage=50Gi',
        '--bootstrap',
      ],
    ],
    [
      'buildkitd flags and config',
      k8s({ driverOpts: ['namespace=ci'], buildkitdFlags: '--debug' }),
      '/tmp/x/buildkitd.toml',
      [
        'buildx',
        'create',
        '--name',
        'bk',
        '--driver',
        'kubernetes',
        '--driver-opt',
        'namespace=ci',
        '--driver-opt',
        'loadbalance=sticky',
        '--buildkitd-flags',
        '--debug',
        '--buildkitd-config',
        '/tmp/x/buildkitd.toml',
        '--bootstrap',
      ],
    ],
  ])('create: %s', (_t, builder, config, want) => {
    expect(kubernetesCreateArgs('bk', builder, config)).toStrictEqual(want);
  });
  it('reuse: inspect with --bootstrap (starts the pods when they are gone)', () => {
    expect(reuseBuilderArgs('bk')).toStrictEqual(['buildx', 'inspect', '--bootstrap', 'bk']);
  });
});

const buildx = pluginBuildx('0.29.1');
const ok = (stdout = ''): ExecResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false });
const no = (stderr: string): ExecResult => ({ exitCode: 1, stdout: '', stderr, timedOut: false });
/** A fake buildx: answers each call in turn and records the argv. */
function scripted(answers: ExecResult[]): { exec: Exec; calls: string[][] } {
  const calls: string[][] = [];
  const exec: Exec = async (_cmd, args) => {
    calls.push([...args]);
    return answers.shift() ?? no('unexpected call');
  };
  return { exec, calls };
}

describe('setupKubernetesBuilder: created or reused, never fresh', () => {
  const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-k8s-'));
  const inspect = ['buildx', 'inspect', '--bootstrap', 'bk'];
  const create = [
    'buildx',
    'create',
    '--name',
    'bk',
    '--driver',
    'kubernetes',
    '--driver-opt',
    'loadbalance=sticky',
    '--bootstrap',
  ];

  it.each<[string, ExecResult[], string[][], RegExp]>([
    [
      'found from an earlier job: only inspected',
      [ok()],
      [inspect],
      /found from an earlier job, kept after the job/,
    ],
    ['not there: created', [no('no builder "bk" found'), ok()], [inspect, create], /created now/],
    [
      'another job created it at the same time: reused',
      [no('no builder'), no('existing instance for "bk"'), ok()],
      [inspect, create, inspect],
      /created by another job at the same time/,
    ],
  ])('%s', async (_t, answers, wantCalls, why) => {
    const { exec, calls } = scripted(answers);
    const used: string[] = [];
    const choice = await setupKubernetesBuilder(exec, buildx, {
      name: 'bk',
      builder: k8s(),
      tempDir: tempDir(),
      onUse: (n) => used.push(n),
    });
    expect(calls).toStrictEqual(wantCalls);
    expect(used).toStrictEqual(['bk']);
    expect(choice).toMatchObject({ name: 'bk', created: false, source: 'stable', driver: 'kubernetes' });
    expect(choice.why).toMatch(why);
  });

  it('a builder it cannot create is one clear error', async () => {
    const { exec } = scripted([
      no('x'),
      no('error: forbidden: cannot create deployments in namespace "ci"'),
      no('y'),
    ]);
    await expect(
      setupKubernetesBuilder(exec, buildx, {
        name: 'bk',
        builder: k8s(),
        tempDir: tempDir(),
        onUse: () => undefined,
      }),
    ).rejects.toThrow(
      'could not create the kubernetes builder bk: error: forbidden: cannot create deployments in namespace "ci"',
    );
  });

  it('writes buildkitd-config-inline and passes it', async () => {
    const dir = tempDir();
    const { exec, calls } = scripted([no('x'), ok()]);
    await setupKubernetesBuilder(exec, buildx, {
      name: 'bk',
      builder: k8s({ buildkitdConfigInline: '[worker.oci]\n  gc = true\n' }),
      tempDir: dir,
      onUse: () => undefined,
    });
    const config = path.join(dir, 'buildkitd.toml');
    expect(calls[1]).toContain(config);
    expect(fs.readFileSync(config, 'utf8')).toBe('[worker.oci]\n  gc = true\n');
  });
});

describe('inputs: driver kubernetes and cleanup per driver', () => {
  it.each([
    [{ driver: 'kubernetes' }, false],
    [{ driver: 'kubernetes', cleanup: 'true' }, true],
    [{ driver: 'docker-container' }, true],
    [{ driver: 'remote', endpoint: 'tcp://b:1234' }, true],
    [{}, true],
  ])('%j: cleanup %s', (raw, cleanup) => {
    expect(inputsOf(raw).builder.cleanup).toBe(cleanup);
  });
});

describe('post: the builder this action created is removed only when cleanup is true (post reads no driver: kubernetes included)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  it.each<[string, string, string[][]]>([
    ['cleanup false (the default): nothing is run', 'false', []],
    [
      'cleanup true: inspected, then removed',
      'true',
      [
        ['buildx', 'inspect', 'bkca-app-app-12345678'],
        ['buildx', 'rm', '--force', 'bkca-app-app-12345678'],
      ],
    ],
  ])('%s', async (_t, cleanup, want) => {
    process.env.STATE_builderCreated = 'bkca-app-app-12345678';
    process.env.STATE_cleanup = cleanup;
    process.env.STATE_tempDir = '';
    process.env.STATE_buildxPath = '';
    const { exec, calls } = scripted([ok(), ok()]);
    await post(exec);
    expect(calls).toStrictEqual(want);
  });
});
