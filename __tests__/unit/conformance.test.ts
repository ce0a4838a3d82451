import { buildArgs } from '../../src/buildx/args';
import { prepareBuild } from '../../src/buildx/build';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { parseInputs } from '../../src/runner/inputs/read';

/**
 * Conformance with docker/build-push-action: every case of its `context.test.ts` that maps inputs to
 * a `buildx build` command line (cases 0–38, numbered as there), restated here: the inputs, the
 * buildx version, the environment, and the command that action builds. This action's command must
 * be the same once the parts that are equivalent by construction are written alike:
 *
 * - the image ID and metadata files are temporary paths (IID, META);
 * - a `secrets` value (and the GitHub token) reaches buildx through the environment here, through a
 *   temporary file there: both are written `id=X,value`;
 * - flags may come in another order; the order of one flag's repeats is kept;
 * - `--builder` names the builder here always; there only with the `builder` input.
 *
 * Where this action differs on purpose, the case names the difference (DIFFERENCES, also listed in
 * docs/inputs-outputs.md), and the test checks that the difference is really there.
 */

/** Each deliberate difference: why, and how it shows in this action's command. */
const DIFFERENCES = {
  'metadata-file': {
    why: "the metadata file is always asked for: the report reads the build's ref and cache manifest from it (buildx 0.6, 2021, and newer take it)",
    drop: (pairs: Pair[]) => pairs.filter(([f]) => f !== '--metadata-file'),
  },
} as const;
type Difference = keyof typeof DIFFERENCES;

type Pair = [flag: string, value: string];

interface Case {
  n: number;
  buildx: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** build-push-action's command: flags (`--push` alone) and, last, the context. */
  peer: (string | Pair)[];
  differs?: Difference[];
  /** The secrets' values, where the case pins them. */
  secretValues?: Record<string, string>;
}

const BUILDER_ID = 'https://github.com/docker/build-push-action/actions/runs/123456789/attempts/1';
const GIT = 'https://github.com/docker/build-push-action.git#refs/heads/master';
const MIN_PROVENANCE: Pair = [
  '--attest',
  `type=provenance,mode=min,inline-only=true,builder-id=${BUILDER_ID}`,
];
const IID: Pair = ['--iidfile', 'IID'];
const META: Pair = ['--metadata-file', 'META'];
const secret = (id: string): Pair => ['--secret', `id=${id},value`];
const OFF = { load: 'false', 'no-cache': 'false', push: 'false', pull: 'false' };
const LABELS_BK =
  'org.opencontainers.image.title=buildkit\norg.opencontainers.image.description=concurrent, cache-efficient, and Dockerfile-agnostic builder toolkit';
const ANNOTATIONS =
  'example1=www\nindex:example2=xxx\nmanifest:example3=yyy\nmanifest-descriptor[linux/amd64]:example4=zzz';
const GIT_SECRETS = {
  context: GIT,
  tag: 'localhost:5000/name/app:latest',
  platforms: 'linux/amd64,linux/arm64',
  file: './test/Dockerfile',
  builder: 'builder-git-context-2',
  ...OFF,
  push: 'true',
};
const GIT_SECRETS_PEER = (ids: string[]): (string | Pair)[] => [
  ['--file', './test/Dockerfile'],
  IID,
  ['--platform', 'linux/amd64,linux/arm64'],
  ...ids.map(secret),
  ['--builder', 'builder-git-context-2'],
  '--push',
  GIT,
];

const CASES: Case[] = [
  { n: 0, buildx: '0.4.1', inputs: { context: '.', ...OFF }, peer: [IID, '.'], differs: ['metadata-file'] },
  {
    n: 1,
    buildx: '0.4.2',
    inputs: { 'build-args': 'MY_ARG=val1,val2,val3\nARG=val\n"MULTILINE=aaaa\nbbbb\nccc"', ...OFF },
    peer: [
      ['--build-arg', 'MY_ARG=val1,val2,val3'],
      ['--build-arg', 'ARG=val'],
      ['--build-arg', 'MULTILINE=aaaa\nbbbb\nccc'],
      IID,
      GIT,
    ],
    differs: ['metadata-file'],
  },
  {
    n: 2,
    buildx: '0.4.2',
    inputs: { tags: 'name/app:7.4, name/app:latest', ...OFF },
    peer: [IID, ['--tag', 'name/app:7.4'], ['--tag', 'name/app:latest'], GIT],
    differs: ['metadata-file'],
  },
  {
    n: 3,
    buildx: '0.4.2',
    inputs: { context: '.', labels: LABELS_BK, outputs: 'type=local,dest=./release-out', ...OFF },
    peer: [
      ['--label', 'org.opencontainers.image.title=buildkit'],
      [
        '--label',
        'org.opencontainers.image.description=concurrent, cache-efficient, and Dockerfile-agnostic builder toolkit',
      ],
      ['--output', 'type=local,dest=./release-out'],
      '.',
    ],
    differs: ['metadata-file'],
  },
  {
    n: 4,
    buildx: '0.4.1',
    inputs: { context: '.', platforms: 'linux/amd64,linux/arm64', ...OFF },
    peer: [['--platform', 'linux/amd64,linux/arm64'], '.'],
    differs: ['metadata-file'],
  },
  { n: 5, buildx: '0.4.1', inputs: { context: '.', ...OFF }, peer: [IID, '.'], differs: ['metadata-file'] },
  {
    n: 6,
    buildx: '0.4.2',
    inputs: { context: '.', secrets: 'GIT_AUTH_TOKEN=abcdefghijklmno=0123456789', ...OFF },
    peer: [IID, secret('GIT_AUTH_TOKEN'), '.'],
    differs: ['metadata-file'],
    secretValues: { GIT_AUTH_TOKEN: 'abcdefghijklmno=0123456789' },
  },
  {
    n: 7,
    buildx: '0.4.2',
    inputs: { 'github-token': 'abcdefghijklmno0123456789', outputs: '.', ...OFF },
    peer: [['--output', '.'], secret('GIT_AUTH_TOKEN.github.com'), GIT],
    differs: ['metadata-file'],
  },
  {
    n: 8,
    buildx: '0.4.2',
    inputs: { ...GIT_SECRETS, secrets: 'GIT_AUTH_TOKEN=abcdefghijklmno=0123456789' },
    peer: GIT_SECRETS_PEER(['GIT_AUTH_TOKEN']),
    differs: ['metadata-file'],
  },
  {
    n: 9,
    buildx: '0.4.2',
    inputs: {
      ...GIT_SECRETS,
      secrets:
        'GIT_AUTH_TOKEN=abcdefghi,jklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar\n"EMPTYLINE=aaaa\n\nbbbb\nccc"',
    },
    peer: GIT_SECRETS_PEER(['GIT_AUTH_TOKEN', 'MYSECRET', 'FOO', 'EMPTYLINE']),
    differs: ['metadata-file'],
    secretValues: {
      GIT_AUTH_TOKEN: 'abcdefghi,jklmno=0123456789',
      MYSECRET: 'aaaaaaaa\nbbbbbbb\nccccccccc',
      FOO: 'bar',
      EMPTYLINE: 'aaaa\n\nbbbb\nccc',
    },
  },
  {
    // The same secrets unquoted: build-push-action keeps each value's first line and warns about
    // the others; here a value that goes on over the next lines stays whole (a gain: a pasted key
    // works as pasted). The ids, and so the command, are the same.
    n: 10,
    buildx: '0.4.2',
    inputs: {
      ...GIT_SECRETS,
      secrets:
        'GIT_AUTH_TOKEN=abcdefghi,jklmno=0123456789\nMYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc\nFOO=bar\nEMPTYLINE=aaaa\n\nbbbb\nccc',
    },
    peer: GIT_SECRETS_PEER(['GIT_AUTH_TOKEN', 'MYSECRET', 'FOO', 'EMPTYLINE']),
    differs: ['metadata-file'],
    secretValues: {
      GIT_AUTH_TOKEN: 'abcdefghi,jklmno=0123456789',
      MYSECRET: 'aaaaaaaa\nbbbbbbb\nccccccccc',
      FOO: 'bar',
      EMPTYLINE: 'aaaa\n\nbbbb\nccc',
    },
  },
  {
    n: 11,
    buildx: '0.5.1',
    inputs: {
      context: GIT,
      tag: 'localhost:5000/name/app:latest',
      'secret-files': 'MY_SECRET=/fixtures/secret.txt',
      file: './test/Dockerfile',
      builder: 'builder-git-context-2',
      network: 'host',
      ...OFF,
      push: 'true',
    },
    peer: [
      ['--file', './test/Dockerfile'],
      IID,
      ['--secret', 'id=MY_SECRET,src=/fixtures/secret.txt'],
      ['--builder', 'builder-git-context-2'],
      ['--network', 'host'],
      '--push',
      GIT,
    ],
    differs: ['metadata-file'],
  },
  {
    n: 12,
    buildx: '0.4.2',
    inputs: {
      context: '.',
      labels:
        'org.opencontainers.image.title=filter_results_top_n\norg.opencontainers.image.description=Reference implementation of operation "filter results (top-n)"',
      outputs: 'type=local,dest=./release-out',
      ...OFF,
    },
    peer: [
      ['--label', 'org.opencontainers.image.title=filter_results_top_n'],
      [
        '--label',
        'org.opencontainers.image.description=Reference implementation of operation "filter results (top-n)"',
      ],
      ['--output', 'type=local,dest=./release-out'],
      '.',
    ],
    differs: ['metadata-file'],
  },
  {
    n: 13,
    buildx: '0.6.0',
    inputs: {
      context: '.',
      tag: 'localhost:5000/name/app:latest',
      file: './test/Dockerfile',
      'add-hosts': 'docker:10.180.0.1,foo:10.0.0.1',
      network: 'host',
      ...OFF,
      push: 'true',
    },
    peer: [
      ['--add-host', 'docker:10.180.0.1'],
      ['--add-host', 'foo:10.0.0.1'],
      ['--file', './test/Dockerfile'],
      IID,
      META,
      ['--network', 'host'],
      '--push',
      '.',
    ],
  },
  {
    n: 14,
    buildx: '0.7.0',
    inputs: {
      context: '.',
      file: './test/Dockerfile',
      'add-hosts': 'docker:10.180.0.1\nfoo:10.0.0.1',
      'cgroup-parent': 'foo',
      'shm-size': '2g',
      ulimit: 'nofile=1024:1024\nnproc=3',
      ...OFF,
    },
    peer: [
      ['--add-host', 'docker:10.180.0.1'],
      ['--add-host', 'foo:10.0.0.1'],
      ['--cgroup-parent', 'foo'],
      ['--file', './test/Dockerfile'],
      IID,
      ['--shm-size', '2g'],
      ['--ulimit', 'nofile=1024:1024'],
      ['--ulimit', 'nproc=3'],
      META,
      '.',
    ],
  },
  {
    n: 15,
    buildx: '0.7.0',
    inputs: { context: '{{defaultContext}}:docker', ...OFF },
    peer: [IID, META, `${GIT}:docker`],
  },
  {
    n: 16,
    buildx: '0.8.2',
    inputs: { 'github-token': 'abcdefghijklmno0123456789', context: '{{defaultContext}}:subdir', ...OFF },
    peer: [IID, secret('GIT_AUTH_TOKEN.github.com'), META, `${GIT}:subdir`],
  },
  { n: 17, buildx: '0.8.2', inputs: { context: '.', ...OFF, provenance: 'true' }, peer: [IID, META, '.'] },
  { n: 18, buildx: '0.10.0', inputs: { context: '.', ...OFF }, peer: [IID, MIN_PROVENANCE, META, '.'] },
  {
    n: 19,
    buildx: '0.10.0',
    inputs: { context: '.', ...OFF, provenance: 'true' },
    peer: [IID, ['--attest', `type=provenance,builder-id=${BUILDER_ID}`], META, '.'],
  },
  {
    n: 20,
    buildx: '0.10.0',
    inputs: { context: '.', ...OFF, provenance: 'mode=max' },
    peer: [IID, ['--attest', `type=provenance,mode=max,builder-id=${BUILDER_ID}`], META, '.'],
  },
  {
    n: 21,
    buildx: '0.10.0',
    inputs: { context: '.', ...OFF, provenance: 'false' },
    peer: [IID, ['--attest', 'type=provenance,disabled=true'], META, '.'],
  },
  {
    n: 22,
    buildx: '0.10.0',
    inputs: { context: '.', ...OFF, provenance: 'builder-id=foo' },
    peer: [IID, ['--attest', 'type=provenance,builder-id=foo'], META, '.'],
  },
  {
    n: 23,
    buildx: '0.10.0',
    inputs: { context: '.', ...OFF, outputs: 'type=docker' },
    peer: [IID, ['--output', 'type=docker'], META, '.'],
  },
  {
    n: 24,
    buildx: '0.10.0',
    inputs: { context: '.', ...OFF, load: 'true' },
    peer: [IID, '--load', META, '.'],
  },
  {
    n: 25,
    buildx: '0.10.0',
    inputs: { context: '.', 'build-args': 'FOO=bar#baz', ...OFF, load: 'true' },
    peer: [['--build-arg', 'FOO=bar#baz'], IID, '--load', META, '.'],
  },
  {
    n: 26,
    buildx: '0.10.0',
    inputs: {
      context: '.',
      ...OFF,
      load: 'true',
      'secret-envs': 'MY_SECRET=MY_SECRET_ENV\nANOTHER_SECRET=ANOTHER_SECRET_ENV',
    },
    peer: [
      ['--secret', 'id=MY_SECRET,env=MY_SECRET_ENV'],
      ['--secret', 'id=ANOTHER_SECRET,env=ANOTHER_SECRET_ENV'],
      IID,
      '--load',
      META,
      '.',
    ],
  },
  {
    n: 27,
    buildx: '0.10.0',
    inputs: {
      context: '.',
      ...OFF,
      load: 'true',
      'secret-envs': 'MY_SECRET=MY_SECRET_ENV,ANOTHER_SECRET=ANOTHER_SECRET_ENV',
    },
    peer: [
      ['--secret', 'id=MY_SECRET,env=MY_SECRET_ENV'],
      ['--secret', 'id=ANOTHER_SECRET,env=ANOTHER_SECRET_ENV'],
      IID,
      '--load',
      META,
      '.',
    ],
  },
  {
    n: 28,
    buildx: '0.11.0',
    inputs: { context: '.', annotations: ANNOTATIONS, outputs: 'type=local,dest=./release-out', ...OFF },
    peer: [['--output', 'type=local,dest=./release-out'], MIN_PROVENANCE, META, '.'],
  },
  {
    n: 29,
    buildx: '0.12.0',
    inputs: { context: '.', annotations: ANNOTATIONS, outputs: 'type=local,dest=./release-out', ...OFF },
    peer: [
      ['--annotation', 'example1=www'],
      ['--annotation', 'index:example2=xxx'],
      ['--annotation', 'manifest:example3=yyy'],
      ['--annotation', 'manifest-descriptor[linux/amd64]:example4=zzz'],
      ['--output', 'type=local,dest=./release-out'],
      MIN_PROVENANCE,
      META,
      '.',
    ],
  },
  {
    n: 30,
    buildx: '0.12.0',
    inputs: {
      context: '.',
      outputs:
        'type=image,"name=localhost:5000/name/app:latest,localhost:5000/name/app:foo",push-by-digest=true,name-canonical=true,push=true',
      ...OFF,
    },
    peer: [
      IID,
      [
        '--output',
        'type=image,"name=localhost:5000/name/app:latest,localhost:5000/name/app:foo",push-by-digest=true,name-canonical=true,push=true',
      ],
      MIN_PROVENANCE,
      META,
      '.',
    ],
  },
  {
    n: 31,
    buildx: '0.13.1',
    inputs: { context: '.', ...OFF, provenance: 'mode=max', sbom: 'true' },
    peer: [
      IID,
      ['--attest', `type=provenance,mode=max,builder-id=${BUILDER_ID}`],
      ['--attest', 'type=sbom,disabled=false'],
      META,
      '.',
    ],
  },
  {
    n: 32,
    buildx: '0.13.1',
    inputs: { context: '.', ...OFF, attests: 'type=provenance,mode=min', provenance: 'mode=max' },
    peer: [IID, ['--attest', `type=provenance,mode=max,builder-id=${BUILDER_ID}`], META, '.'],
  },
  {
    n: 33,
    buildx: '0.13.1',
    inputs: { context: '.', ...OFF, attests: 'type=provenance,mode=min' },
    peer: [IID, ['--attest', `type=provenance,mode=min,builder-id=${BUILDER_ID}`], META, '.'],
  },
  {
    n: 34,
    buildx: '0.13.1',
    inputs: { context: '.', ...OFF },
    env: { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' },
    peer: [IID, META, '.'],
  },
  {
    n: 35,
    buildx: '0.13.1',
    inputs: { 'github-token': 'abcdefghijklmno0123456789', context: '{{defaultContext}}', ...OFF },
    env: { GITHUB_SERVER_URL: 'http://10.0.0.5:22827' },
    peer: [
      IID,
      [
        '--attest',
        'type=provenance,mode=min,inline-only=true,builder-id=http://10.0.0.5:22827/docker/build-push-action/actions/runs/123456789/attempts/1',
      ],
      secret('GIT_AUTH_TOKEN.10.0.0.5:22827'),
      META,
      'http://10.0.0.5:22827/docker/build-push-action.git#refs/heads/master',
    ],
  },
  {
    n: 36,
    buildx: '0.13.1',
    inputs: { 'github-token': 'abcdefghijklmno0123456789', context: '{{defaultContext}}', ...OFF },
    env: { GITHUB_SERVER_URL: 'https://github.cds.internal.unity3d.com' },
    peer: [
      IID,
      [
        '--attest',
        'type=provenance,mode=min,inline-only=true,builder-id=https://github.cds.internal.unity3d.com/docker/build-push-action/actions/runs/123456789/attempts/1',
      ],
      secret('GIT_AUTH_TOKEN.github.cds.internal.unity3d.com'),
      META,
      'https://github.cds.internal.unity3d.com/docker/build-push-action.git#refs/heads/master',
    ],
  },
  {
    n: 37,
    buildx: '0.29.0',
    inputs: { ...OFF },
    env: { BUILDX_SEND_GIT_QUERY_AS_INPUT: 'true' },
    peer: [
      IID,
      MIN_PROVENANCE,
      META,
      'https://github.com/docker/build-push-action.git?ref=refs/heads/master',
    ],
  },
  {
    n: 38,
    buildx: '0.28.0',
    inputs: { ...OFF },
    env: { BUILDX_SEND_GIT_QUERY_AS_INPUT: 'true' },
    peer: [IID, MIN_PROVENANCE, META, GIT],
  },
];

/** The environment of build-push-action's tests: its repository, a private one, run 123456789. */
const RUN_ENV = {
  GITHUB_REPOSITORY: 'docker/build-push-action',
  GITHUB_REF: 'refs/heads/master',
  GITHUB_RUN_ID: '123456789',
  GITHUB_RUN_ATTEMPT: '1',
};

/** This action's command for a case, and the secrets' values it hands buildx. */
function ours(c: Pick<Case, 'inputs' | 'env' | 'buildx'>) {
  const env = { ...RUN_ENV, ...c.env };
  const ctx = runContextFrom(environmentFrom(env).github, { repository: { private: true } });
  const inputs = parseInputs((name) => c.inputs[name] ?? '');
  const setup = prepareBuild(inputs, {
    builder: inputs.builder.builder || 'bkca-build-1',
    cacheFrom: [],
    cacheTo: [],
    tempDir: '/T',
    environment: environmentFrom(env),
    cwd: '/ws',
    ctx,
    buildxVersion: c.buildx,
  });
  const argv = buildArgs(setup.input);
  const values: Record<string, string> = {};
  setup.input.build.secrets.forEach(
    (s, n) => (values[s.id] = String(setup.env[setup.input.secretEnvNames[n]])),
  );
  return { argv, values, builderInput: inputs.builder.builder };
}

const BOOLEAN_FLAGS = new Set(['--load', '--push', '--pull', '--no-cache']);

/** `buildx build` argv → its flags as pairs (booleans with ''), the paths and secret carriers written alike. */
function normalize(argv: string[], keepBuilder: boolean): { pairs: Pair[]; context: string } {
  const rest = argv.slice(argv[0] === 'buildx' ? 2 : 0);
  const context = rest[rest.length - 1];
  const pairs: Pair[] = [];
  for (let i = 0; i < rest.length - 1; i++) {
    const flag = rest[i];
    if (BOOLEAN_FLAGS.has(flag)) {
      pairs.push([flag, '']);
      continue;
    }
    let value = rest[++i];
    if (flag === '--iidfile') value = 'IID';
    if (flag === '--metadata-file') value = 'META';
    if (flag === '--secret') value = value.replace(/,env=BKCA_(SECRET_\d+|GIT_AUTH_TOKEN)$/, ',value');
    if (flag === '--builder' && !keepBuilder) continue;
    pairs.push([flag, value]);
  }
  // Another order of flags builds the same; one flag's repeats keep their order (sort is stable).
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { pairs, context };
}

function peerArgv(peer: Case['peer']): string[] {
  return peer.flatMap((p) => (typeof p === 'string' ? [p] : p));
}

describe('build-push-action conformance: its context.test.ts cases, restated', () => {
  it('covers all 39 cases, each once', () => {
    expect(CASES.map((c) => c.n)).toStrictEqual([...Array(39).keys()]);
  });

  it.each(CASES)('[$n] buildx $buildx: the same command', (c) => {
    const mine = ours(c);
    const keepBuilder = mine.builderInput !== '';
    let got = normalize(mine.argv, keepBuilder);
    const want = normalize(peerArgv(c.peer), keepBuilder);
    for (const d of c.differs ?? []) {
      // A difference named here must be real: without it, the commands differ.
      expect(got.pairs).not.toStrictEqual(want.pairs);
      got = { ...got, pairs: DIFFERENCES[d].drop(got.pairs) };
    }
    expect(got).toStrictEqual(want);
    for (const [id, value] of Object.entries(c.secretValues ?? {})) expect(mine.values[id]).toBe(value);
  });
});

describe('build-push-action conformance: its getInputs cases', () => {
  it("an unset context is the run's Git context", () => {
    expect(ours({ inputs: OFF, buildx: '0.29.0' }).argv.at(-1)).toBe(GIT);
  });

  it('{{defaultContext}}:subdir renders to the Git context with the sub-folder', () => {
    expect(
      ours({ inputs: { ...OFF, context: '{{defaultContext}}:subdir' }, buildx: '0.29.0' }).argv.at(-1),
    ).toBe(`${GIT}:subdir`);
  });

  it('a quoted secret keeps its trailing newlines (the input is read untrimmed)', () => {
    const { values } = ours({ inputs: { ...OFF, secrets: '"PRIVATE_SSH_KEY=test\n\n"' }, buildx: '0.29.0' });
    expect(values.PRIVATE_SSH_KEY).toBe('test\n\n');
  });
});
