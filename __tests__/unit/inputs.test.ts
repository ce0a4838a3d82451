import { parseDuration } from '../../src/runner/inputs/fields';
import { MAX_TIMER_MS } from '../../src/lib/timers';
import { inputList, secretList } from '../../src/runner/inputs/lists';
import { parseInputs, validatePaths } from '../../src/runner/inputs/read';
import { InputError } from '../../src/runner/inputs/types';

const from = (values: Record<string, string | undefined>) => (name: string) => values[name] ?? '';

describe("inputList: build-push-action's reading of list inputs", () => {
  it.each([
    { title: 'one entry per line', name: 'tags', raw: 'a\nb\n', want: ['a', 'b'] },
    { title: 'commas split where the input splits', name: 'tags', raw: 'a, b\nc', want: ['a', 'b', 'c'] },
    { title: 'a quoted entry keeps its comma', name: 'tags', raw: '"a,b",x', want: ['a,b', 'x'] },
    {
      title: 'commas kept where the input keeps them',
      name: 'build-args',
      raw: 'A=1,2\nB=3',
      want: ['A=1,2', 'B=3'],
    },
    {
      title: 'a quoted entry spans lines and loses its quotes',
      name: 'build-args',
      raw: 'A=1\n"MULTI=x\ny\nz"\n"EMPTY="',
      want: ['A=1', 'MULTI=x\ny\nz', 'EMPTY='],
    },
    {
      title: 'outputs keep their quotes as written',
      name: 'outputs',
      raw: 'type=image,"name=a,b",push=true',
      want: ['type=image,"name=a,b",push=true'],
    },
    { title: 'secret-envs split at commas', name: 'secret-envs', raw: 'A=X,B=Y', want: ['A=X', 'B=Y'] },
    { title: 'ssh split at commas', name: 'ssh', raw: 'default,github=/k', want: ['default', 'github=/k'] },
    {
      title: 'blank lines go; a # line is an entry, as there',
      name: 'tags',
      raw: '\n a \n\n#b',
      want: ['a', '#b'],
    },
  ] as const)('$title', ({ name, raw, want }) => expect(inputList(name, raw)).toStrictEqual(want));
});

describe('secretList', () => {
  it.each([
    { title: 'id=value, commas kept', raw: 'T=abc,def=1', want: [{ id: 'T', value: 'abc,def=1' }] },
    {
      title: 'a quoted entry holds newlines and blank lines',
      raw: '"A=x\n\ny"\nB=z',
      want: [
        { id: 'A', value: 'x\n\ny' },
        { id: 'B', value: 'z' },
      ],
    },
    {
      title: 'two quoted multi-line secrets stay apart',
      raw: '"A=1\n2"\n"B=3\n4"',
      want: [
        { id: 'A', value: '1\n2' },
        { id: 'B', value: '3\n4' },
      ],
    },
    {
      title: 'an unquoted value over several lines stays whole, blank lines included',
      raw: 'K=-----BEGIN-----\nline+/2\n\nline+/3\n-----END-----\nF=bar',
      want: [
        { id: 'K', value: '-----BEGIN-----\nline+/2\n\nline+/3\n-----END-----' },
        { id: 'F', value: 'bar' },
      ],
    },
    { title: 'whitespace of a value is kept', raw: 'S= a ', want: [{ id: 'S', value: ' a ' }] },
  ])('$title', ({ raw, want }) => expect(secretList(raw)).toStrictEqual(want));

  it('refuses text before any id=', () => expect(() => secretList('no id here')).toThrow(InputError));
});

describe('parseDuration', () => {
  it('refuses what a Node timer cannot hold', () => {
    expect(parseDuration('cache-export-timeout', '596h', 0)).toBe(596 * 3600000);
    expect(() => parseDuration('cache-export-timeout', '597h', 0)).toThrow(/at most 596h/);
    expect(parseDuration('x', String(MAX_TIMER_MS) + 'ms', 0)).toBe(MAX_TIMER_MS);
  });
});

describe('parseInputs: defaults', () => {
  const i = parseInputs(from({}));
  it("builds the run's Git context with the gha cache; the builder is chosen at run time", () => {
    expect(i.build.context).toBe('');
    expect(i.builder.driverSet).toBe(false);
    expect(i.cache.backend).toBe('gha');
    expect(i.cache.mode).toBe('max');
    expect(i.cache.write).toBe('auto');
    expect(i.cache.ignoreError).toBe(true);
    expect(i.builder.driver).toBe('docker-container');
    expect(i.builder.cleanup).toBe(true);
    expect(i.dryRun).toBe(false);
  });
});

describe('parseInputs: values', () => {
  it('reads build-push-action style inputs', () => {
    const i = parseInputs(
      from({
        tags: 'r/app:1,r/app:latest',
        'build-args': 'A=1,2\nB=two words',
        platforms: 'linux/amd64,linux/arm64',
        push: 'true',
        secrets: 'token=abc\nkey=-----BEGIN KEY-----\nline2\n-----END KEY-----',
        'secret-envs': 'npm=NPM_TOKEN',
        'secret-files': 'cfg=/tmp/cfg',
        'cache-options': 'compression=zstd,compression-level=3',
      }),
    );
    expect(i.build.tags).toStrictEqual(['r/app:1', 'r/app:latest']);
    expect(i.build.buildArgs).toStrictEqual(['A=1,2', 'B=two words']);
    expect(i.build.platforms).toStrictEqual(['linux/amd64', 'linux/arm64']);
    expect(i.build.push).toBe(true);
    expect(i.build.secrets).toStrictEqual([
      { id: 'token', value: 'abc' },
      { id: 'key', value: '-----BEGIN KEY-----\nline2\n-----END KEY-----' },
    ]);
    expect(i.build.secretEnvs).toStrictEqual([{ id: 'npm', env: 'NPM_TOKEN' }]);
    expect(i.build.secretFiles).toStrictEqual([{ id: 'cfg', path: '/tmp/cfg' }]);
    expect(i.cache.options).toStrictEqual(['compression=zstd', 'compression-level=3']);
  });
});

describe('parseInputs: cache local', () => {
  it.each([
    {
      title: 'without cache-dir: persisted through the GitHub Actions cache',
      v: { cache: 'local' },
      want: true,
    },
    {
      title: "with cache-dir: the folder is the runner's own",
      v: { cache: 'local', 'cache-dir': '/c' },
      want: false,
    },
    { title: 'another backend', v: { cache: 'gha' }, want: false },
  ])('$title', ({ v, want }) => expect(parseInputs(from(v)).cache.persistLocal).toBe(want));
});

describe('parseInputs: cache mounts', () => {
  it.each([
    {
      title: 'default: auto, 2 GiB, busybox',
      v: {},
      want: { selection: { kind: 'auto' }, maxBytes: 2147483648, image: 'busybox:1.36.1', timeoutMs: 300000 },
    },
    {
      title: 'none',
      v: { 'cache-mounts': 'none' },
      want: { selection: { kind: 'none' }, maxBytes: 2147483648, image: 'busybox:1.36.1', timeoutMs: 300000 },
    },
    {
      title: 'ids, a size in MB, an image of its own and a timeout',
      v: {
        'cache-mounts': 'apt\n/root/.npm, go-mod',
        'cache-mounts-max-size': '500MB',
        'cache-mounts-image': 'mirror.example/busybox:1',
        'cache-mounts-timeout': '90s',
      },
      want: {
        selection: { kind: 'ids', ids: ['apt', '/root/.npm', 'go-mod'] },
        maxBytes: 500000000,
        image: 'mirror.example/busybox:1',
        timeoutMs: 90000,
      },
    },
    {
      title: 'a size in GiB with a fraction',
      v: { 'cache-mounts-max-size': '1.5GiB' },
      want: { selection: { kind: 'auto' }, maxBytes: 1610612736, image: 'busybox:1.36.1', timeoutMs: 300000 },
    },
  ])('$title', ({ v, want }) => expect(parseInputs(from(v)).mounts).toStrictEqual(want));
});

describe('parseInputs: mistakes name the input and what it accepts', () => {
  it.each([
    {
      title: 'unknown cache',
      v: { cache: 'redis' },
      input: 'cache',
      msg: /gha, registry, local, s3, azblob, inline, none.*"redis"/,
    },
    {
      title: 'unknown driver',
      v: { driver: 'podman' },
      input: 'driver',
      msg: /docker-container, docker, remote, kubernetes.*"podman"/,
    },
    { title: 'unknown cache-mode', v: { 'cache-mode': 'all' }, input: 'cache-mode', msg: /max, min/ },
    {
      title: 'unknown cache-write',
      v: { 'cache-write': 'yes' },
      input: 'cache-write',
      msg: /auto, always, never/,
    },
    { title: 'boolean typo', v: { push: 'yes' }, input: 'push', msg: /true or false/ },
    { title: 'malformed list line', v: { tags: '"a,b' }, input: 'tags', msg: /cannot read the list/ },
    {
      title: 'registry cache without image or tags',
      v: { cache: 'registry' },
      input: 'cache-image',
      msg: /set cache-image or tags/,
    },
    {
      title: 'uppercase cache-image',
      v: { cache: 'registry', 'cache-image': 'ghcr.io/Octo/cache' },
      input: 'cache-image',
      msg: /lowercase/,
    },
    {
      title: 'cache-image with a digest',
      v: { 'cache-image': 'r/c@sha256:abc' },
      input: 'cache-image',
      msg: /without a digest/,
    },
    {
      title: 'cache-image with a tag',
      v: { 'cache-image': 'r/c:buildcache' },
      input: 'cache-image',
      msg: /without a tag/,
    },
    {
      title: 'remote driver without endpoint',
      v: { driver: 'remote' },
      input: 'endpoint',
      msg: /needs an endpoint/,
    },
    {
      title: 'builder with driver-opts',
      v: { builder: 'b', 'driver-opts': 'image=x' },
      input: 'builder',
      msg: /cannot take driver-opts/,
    },
    {
      title: 'bad buildx-version',
      v: { 'buildx-version': 'latest-ish' },
      input: 'buildx-version',
      msg: /0\.29\.1/,
    },
    {
      title: 'buildx-releases-url not an http(s) URL',
      v: { 'buildx-releases-url': 'file:///tmp/releases' },
      input: 'buildx-releases-url',
      msg: /expected an http\(s\) URL without credentials/,
    },
    {
      title: 'buildx-releases-url with credentials',
      v: { 'buildx-releases-url': 'https://user:pw@mirror.test/buildx' },
      input: 'buildx-releases-url',
      msg: /without credentials/,
    },
    {
      title: 'cache-options not key=value',
      v: { 'cache-options': 'zstd' },
      input: 'cache-options',
      msg: /key=value/,
    },
    {
      title: 'a credential in cache-options',
      v: { cache: 's3', 'cache-options': 'bucket=b,secret_access_key=abc' },
      input: 'cache-options',
      msg: /secret_access_key would put a credential on docker's command line/,
    },
    { title: 'secret line without id', v: { secrets: 'just-a-value' }, input: 'secrets', msg: /id=value/ },
    {
      title: 'a malformed cache-mounts-max-size',
      v: { 'cache-mounts-max-size': '2 lots' },
      input: 'cache-mounts-max-size',
      msg: /2GiB, 500MB or 1048576.*"2 lots"/,
    },
    {
      title: 'cache-mounts mixing auto with ids',
      v: { 'cache-mounts': 'auto,apt' },
      input: 'cache-mounts',
      msg: /auto, none, or a list of cache mount ids/,
    },
    {
      title: 'a malformed cache-mounts-timeout',
      v: { 'cache-mounts-timeout': 'soon' },
      input: 'cache-mounts-timeout',
      msg: /600, 90s, 10m or 1h/,
    },
    {
      title: 'multi-platform push+load on the docker driver',
      v: { driver: 'docker', push: 'true', load: 'true', platforms: 'linux/amd64,linux/arm64' },
      input: 'load',
      msg: /multi-platform/,
    },
  ])('$title', ({ v, input, msg }) => {
    let err: unknown;
    try {
      parseInputs(from(v as unknown as Record<string, string>));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe(input);
    expect((err as InputError).message).toMatch(new RegExp(`^input "${input}": `));
    expect((err as InputError).message).toMatch(msg);
    expect((err as InputError).message).not.toContain('\n');
  });
});

describe('validatePaths: the build reads only the checkout', () => {
  const files = new Set([
    '/ws',
    '/ws/Dockerfile',
    '/ws/app',
    '/ws/app/Dockerfile',
    '/ws/docker/prod.Dockerfile',
  ]);
  const exists = (p: string) => files.has(p);
  const build = (v: Record<string, string | undefined>) => parseInputs(from({ context: '.', ...v })).build;
  const temp = ['/runner/temp'];
  files.add('/runner/temp/gen.Dockerfile');
  files.add('/etc/passwd');
  it.each([
    { title: 'the checkout and its Dockerfile', v: {} },
    { title: 'a sub-folder context', v: { context: 'app' } },
    { title: 'a Dockerfile elsewhere in the workspace', v: { file: 'docker/prod.Dockerfile' } },
    {
      title: "a Dockerfile a step wrote to the runner's temp folder",
      v: { file: '/runner/temp/gen.Dockerfile' },
    },
    { title: 'a git context is not checked', v: { context: 'https://github.com/octo/app.git#main' } },
    { title: "the run's Git context is not checked", v: { context: '' } },
    { title: 'a {{defaultContext}} template is not checked', v: { context: '{{ defaultContext }}:sub' } },
  ])('accepts $title', ({ v }) => expect(() => validatePaths(build(v), '/ws', exists, temp)).not.toThrow());

  it.each([
    {
      title: 'a context outside the workspace',
      v: { context: '../other' },
      input: 'context',
      msg: /inside the workspace/,
    },
    { title: 'a missing context folder', v: { context: 'nope' }, input: 'context', msg: /does not exist/ },
    {
      title: 'a missing Dockerfile',
      v: { file: 'Dockerfile.missing' },
      input: 'file',
      msg: /does not exist/,
    },
    {
      title: 'a Dockerfile outside the workspace and the temp folders (its first line would be quoted)',
      v: { file: '../../../../etc/passwd' },
      input: 'file',
      msg: /inside the workspace or the runner's temporary folder/,
    },
  ])('rejects $title', ({ v, input, msg }) => {
    expect(() => validatePaths(build(v), '/ws', exists, temp)).toThrow(InputError);
    try {
      validatePaths(build(v), '/ws', exists, temp);
    } catch (e) {
      expect((e as InputError).input).toBe(input);
      expect((e as InputError).message).toMatch(msg);
    }
  });
});

describe('cache-export-timeout', () => {
  it.each([
    { raw: '', ms: 600000 },
    { raw: '90', ms: 90000 },
    { raw: '90s', ms: 90000 },
    { raw: '10m', ms: 600000 },
    { raw: '1h', ms: 3600000 },
    { raw: '1500ms', ms: 1500 },
    { raw: '0', ms: 0 },
  ])('$raw → $ms ms', ({ raw, ms }) => expect(parseDuration('cache-export-timeout', raw, 600000)).toBe(ms));

  it.each(['-1', '10 minutes', '1d', 'soon'])('rejects %s', (raw) =>
    expect(() => parseInputs(from({ 'cache-export-timeout': raw }))).toThrow(
      /input "cache-export-timeout": expected a duration/,
    ),
  );
});

describe('cache-keep-commits', () => {
  it.each([
    { raw: '', keep: 10 },
    { raw: '1', keep: 1 },
    { raw: ' 25 ', keep: 25 },
  ])('"$raw" → $keep', ({ raw, keep }) =>
    expect(parseInputs(from({ 'cache-keep-commits': raw })).cache.keepCommits).toBe(keep),
  );

  it.each(['0', '-1', '2.5', 'ten', '1e3'])('rejects %s, naming the input', (raw) =>
    expect(() => parseInputs(from({ 'cache-keep-commits': raw }))).toThrow(
      `input "cache-keep-commits": expected a whole number of at least 1, got "${raw}"`,
    ),
  );
});

describe('buildx-releases-url', () => {
  it("defaults to GitHub's releases of docker/buildx; a mirror is taken as given", () => {
    const read = (v: Record<string, string>) => parseInputs((n) => v[n] ?? '').builder.buildxReleasesUrl;
    expect(read({})).toBe('https://github.com/docker/buildx/releases/download');
    expect(read({ 'buildx-releases-url': 'https://mirror.test/buildx' })).toBe('https://mirror.test/buildx');
  });
});
