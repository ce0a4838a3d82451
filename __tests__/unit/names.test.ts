import { createHash } from 'node:crypto';
import {
  cacheName,
  defaultScope,
  legOf,
  namespace,
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
