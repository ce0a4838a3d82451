import { createHash } from 'node:crypto';
import {
  type CacheRef,
  cacheName,
  defaultScope,
  legOf,
  namespace,
  parseCacheName,
  refLabel,
  refName,
  repositoryOf,
  siblingLegsFromTags,
  slug,
  TAG_MAX,
} from '../../src/plan/names';

const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

describe('slug: a name valid in a tag, a scope and a folder', () => {
  it.each([
    { title: 'a clean name stays as it is', name: 'main', want: 'main' },
    { title: 'dots, dashes and underscores are kept', name: 'release-1.2_x', want: 'release-1.2_x' },
    {
      title: 'a slash is replaced and the original hashed',
      name: 'feature/a',
      want: `feature-a-${h('feature/a')}`,
    },
    {
      title: 'uppercase is lowered and hashed, so Feature/A and feature-a differ',
      name: 'Feature/A',
      want: `feature-a-${h('Feature/A')}`,
    },
    { title: 'a leading dot or dash is dropped', name: '.hidden', want: `hidden-${h('.hidden')}` },
    {
      title: 'unicode becomes dashes plus the hash',
      name: 'fix/ünïcode',
      want: `fix-n-code-${h('fix/ünïcode')}`,
    },
    {
      title: 'shell metacharacters are only text',
      name: 'a;$(touch pwned)`b`',
      want: `a-touch-pwned-b-${h('a;$(touch pwned)`b`')}`,
    },
    { title: 'a name of only invalid characters is its hash', name: '///', want: h('///') },
  ])('$title', ({ name, want }) => expect(slug(name)).toBe(want));

  it('never shares a tag between names that sanitize alike', () => {
    expect(slug('Feature/A')).not.toBe(slug('feature-a'));
    expect(slug('feature/a')).not.toBe(slug('feature-a'));
  });

  it('shortens long names to the limit, keeping them distinct', () => {
    const long = 'x'.repeat(300);
    const s = slug(long, 60);
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s).toBe(`${'x'.repeat(51)}-${h(long)}`);
    expect(slug(`${long}y`, 60)).not.toBe(s);
  });

  it('keeps a full cache name within the 128-character tag limit', () => {
    const name = cacheName(namespace('s'.repeat(100), 'l'.repeat(100)), {
      kind: 'branch',
      name: 'b'.repeat(200),
    });
    expect(name.length).toBeLessThanOrEqual(TAG_MAX);
    expect(name).toMatch(/^[a-z0-9_][a-z0-9_.-]*$/);
  });
});

describe('defaults', () => {
  it.each([
    { file: '', want: 'default' },
    { file: 'Dockerfile', want: 'default' },
    { file: './Dockerfile', want: 'default' },
    { file: 'docker/api/Dockerfile', want: 'docker-api' },
    { file: 'build/Dockerfile.prod', want: 'build-dockerfile-prod' },
  ])('defaultScope($file) = $want, a clean namespace', ({ file, want }) => {
    expect(defaultScope(file)).toBe(want);
    expect(namespace(defaultScope(file), '')).toBe(want);
  });

  it.each([
    { target: '', platforms: [], want: '' },
    { target: 'runtime', platforms: [], want: 'runtime' },
    { target: '', platforms: ['linux/arm64'], want: 'linux-arm64' },
    { target: 'app', platforms: ['linux/amd64', 'linux/arm/v7'], want: 'app-linux-amd64_linux-arm-v7' },
  ])('legOf($target, $platforms) = $want', ({ target, platforms, want }) =>
    expect(legOf(target, platforms)).toBe(want),
  );

  it.each([
    { ref: 'ghcr.io/Octo/App:1.0', want: 'ghcr.io/octo/app' },
    { ref: 'localhost:5000/app', want: 'localhost:5000/app' },
    { ref: 'app@sha256:abc', want: 'app' },
  ])('repositoryOf($ref) = $want', ({ ref, want }) => expect(repositoryOf(ref)).toBe(want));
});

describe('siblingLegsFromTags', () => {
  it('finds the other legs of the same scope, not other scopes or this leg', () => {
    const tags = [
      'default.branch-main',
      'default.amd64.branch-main',
      'default.arm64.branch-main',
      'default.arm64.pr-7',
      'default.s390x.sha-0123',
      'other.ppc.branch-main',
      'defaultx.y.branch-main',
    ];
    expect(siblingLegsFromTags(tags, 'default', 'amd64')).toStrictEqual(['arm64', 's390x']);
    expect(siblingLegsFromTags(tags, 'other', '')).toStrictEqual(['ppc']);
  });
});

describe('cache names cannot be forged by a branch name', () => {
  const SHA = '0123456789abcdef0123456789abcdef01234567';
  const HOSTILE_BRANCHES = [
    'main',
    'evil.branch-main',
    `x.sha-${SHA}`,
    'x.pr-7',
    'branch-main',
    'sha-main',
    `sha-${SHA}`,
    'pr-7',
    'linux-arm64.branch-main',
    'linux-arm64',
    'amd64.sha-x',
    'Main',
    'feature/a',
    'feature-a',
    'feature--a',
    'release-1.2',
    'release-1-2',
    '-lead',
    'trail-',
    '.hidden',
    '_under',
    'fix/ünïcode',
    'fix/ünïcöde',
    '///',
    'x',
    `feature-a--${'0'.repeat(16)}`,
    'b'.repeat(250),
    `${'b'.repeat(250)}c`,
    `${'a.'.repeat(125)}`,
  ];
  const SCOPES = ['default', 'docker-api', 'Docker/API'];
  const LEGS = [
    '',
    'linux-amd64',
    'linux-arm64',
    'app-linux-amd64_linux-arm-v7',
    'branch-x',
    'sha-x',
    'pr-1',
    'L'.repeat(60),
  ];
  const REFS: CacheRef[] = [
    ...HOSTILE_BRANCHES.map((name): CacheRef => ({ kind: 'branch', name })),
    { kind: 'pr', number: 7 },
    { kind: 'pr', number: 17 },
    { kind: 'sha', sha: SHA },
    { kind: 'sha', sha: 'f'.repeat(40) },
  ];
  const all = SCOPES.flatMap((scope) =>
    LEGS.flatMap((leg) =>
      REFS.map((ref) => ({ scope, leg, ref, name: cacheName(namespace(scope, leg), ref) })),
    ),
  );
  const tuple = (t: { scope: string; leg: string; ref: CacheRef }) =>
    `${t.scope}|${t.leg}|${refLabel(t.ref)}`;

  it('every name is a valid registry tag of at most 128 characters', () => {
    for (const { name } of all) {
      expect(name.length).toBeLessThanOrEqual(TAG_MAX);
      expect(name).toMatch(/^[a-z0-9_][a-z0-9_.-]*$/);
    }
  });

  it('no two (scope, leg, kind, ref) share a name', () => {
    const byName = new Map<string, string>();
    for (const t of all) {
      const other = byName.get(t.name);
      if (other !== undefined && other !== tuple(t)) throw new Error(`${t.name}: ${other} and ${tuple(t)}`);
      byName.set(t.name, tuple(t));
    }
    expect(byName.size).toBe(new Set(all.map(tuple)).size);
  });

  it("every name parses back into its own scope, leg and ref part, never another's", () => {
    for (const t of all) {
      const parsed = parseCacheName(t.name);
      expect(parsed).toStrictEqual({
        scope: namespace(t.scope, ''),
        leg: t.leg === '' ? '' : namespace(t.scope, t.leg).split('.')[1],
        refPart: refName(t.ref, TAG_MAX - namespace(t.scope, t.leg).length - 1),
      });
    }
  });

  // Written out by hand, so a change that moves both the builders and the parser cannot hide here.
  it.each<[string, { scope: string; leg: string; refPart: string } | null]>([
    [
      'docker-api.linux-amd64.branch-main',
      { scope: 'docker-api', leg: 'linux-amd64', refPart: 'branch-main' },
    ],
    ['docker-api.branch-main', { scope: 'docker-api', leg: '', refPart: 'branch-main' }],
    ['default.pr-12', { scope: 'default', leg: '', refPart: 'pr-12' }],
    [`app.arm64.sha-${'a'.repeat(40)}`, { scope: 'app', leg: 'arm64', refPart: `sha-${'a'.repeat(40)}` }],
    ['default.pr-0', null],
    ['default.pr-7.branch-main', null],
    ['default.linux-amd64.tag-v1.2', null],
    ['default.main', null],
  ])('parseCacheName(%s), written out', (name, want) => {
    expect(parseCacheName(name)).toStrictEqual(want);
  });

  it.each(
    HOSTILE_BRANCHES.map((name) => ({
      name: name.length > 40 ? `${name.slice(0, 37)}…` : name,
      branch: name,
    })),
  )('branch $name: its names are never a sibling leg of a matrix leg on main', ({ branch }) => {
    const tags = SCOPES.flatMap((scope) => [
      cacheName(namespace(scope, ''), { kind: 'branch', name: branch }),
      cacheName(namespace(scope, 'linux-amd64'), { kind: 'branch', name: branch }),
    ]);
    expect(siblingLegsFromTags(tags, 'default', 'linux-amd64')).toStrictEqual([]);
    expect(siblingLegsFromTags(tags, 'default', 'linux-arm64')).toStrictEqual(['linux-amd64']);
  });

  it('tags an earlier version wrote for a dotted branch are not legs', () => {
    const tags = [
      'default.branch-evil.branch-main',
      `default.branch-x.sha-${SHA}`,
      'default.branch-x.pr-7',
      'default.pr-7.branch-main',
      `default.sha-${SHA}.branch-main`,
      'default.linux-arm64.branch-a.b',
      'default.a.b.branch-main',
      'default..branch-main',
      'default.linux-arm64.branch-main',
    ];
    expect(siblingLegsFromTags(tags, 'default', 'linux-amd64')).toStrictEqual(['linux-arm64']);
    for (const tag of tags.slice(0, -1)) expect(parseCacheName(tag)).toBeNull();
  });

  it('a leg that starts like a ref part is encoded, and found back among the tags', () => {
    const ns = namespace('default', 'branch-x');
    expect(ns).toMatch(/^default\._branch-x--[0-9a-f]{16}$/);
    const tag = cacheName(ns, { kind: 'branch', name: 'main' });
    const [found] = siblingLegsFromTags([tag], 'default', 'linux-amd64');
    expect(cacheName(namespace('default', found), { kind: 'branch', name: 'main' })).toBe(tag);
  });

  it('a leaked long branch name is cut and hashed, and two of one beginning stay apart', () => {
    const ns = namespace('default', 'linux-arm64');
    const long = cacheName(ns, { kind: 'branch', name: 'b'.repeat(250) });
    const longer = cacheName(ns, { kind: 'branch', name: `${'b'.repeat(250)}c` });
    expect(long.length).toBeLessThanOrEqual(TAG_MAX);
    expect(long).toMatch(/^default\.linux-arm64\.branch-b+--[0-9a-f]{16}$/);
    expect(long).not.toBe(longer);
  });

  it('plain names are unchanged from earlier versions (no miss on upgrade)', () => {
    expect(cacheName(namespace('default', ''), { kind: 'branch', name: 'main' })).toBe('default.branch-main');
    expect(cacheName(namespace('docker-api', 'linux-arm64'), { kind: 'pr', number: 7 })).toBe(
      'docker-api.linux-arm64.pr-7',
    );
    expect(cacheName(namespace('default', ''), { kind: 'sha', sha: SHA })).toBe(`default.sha-${SHA}`);
  });
});
