import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import {
  annotationsAt,
  imagetoolsCreateArgs,
  legBuild,
  legPushTag,
  legRecord,
  legTag,
  mergeMetadata,
  mergeSkipped,
  missingMessage,
  parseDescriptor,
  parseLegRecord,
  repositoriesOf,
} from '../../src/merge/legs';
import type { LegRecord } from '../../src/merge/merge-report';
import { planOptionsFrom } from '../../src/plan/planner';
import { renderMergeSummary } from '../../src/report/merge-summary';
import { parseInputs } from '../../src/runner/inputs/read';
import { InputError } from '../../src/runner/inputs/types';
import { mergeRecordKey, mergeRecordPrefix } from '../../src/stores/github-cache/keys';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;
const record = (platform: string, digest: string, attempt = '1'): LegRecord => ({
  version: 1,
  image: 'ghcr.io/o/app',
  platform,
  digest,
  leg: platform.replace('/', '-'),
  steps: { cached: 3, total: 4, ratio: 0.75 },
  attempt,
});

describe('merge input: one clear error naming the input', () => {
  const leg = { merge: 'leg', tags: 'ghcr.io/o/app:1', platforms: 'linux/arm64', push: 'true' };
  it.each([
    {
      title: 'a value it does not accept',
      values: { ...leg, merge: 'yes' },
      input: 'merge',
      says: 'expected one of false, leg, index',
    },
    { title: 'a leg without tags', values: { ...leg, tags: '' }, input: 'tags', says: 'needs the image' },
    {
      title: 'a leg of two platforms',
      values: { ...leg, platforms: 'linux/amd64,linux/arm64' },
      input: 'platforms',
      says: 'one platform per job',
    },
    {
      title: 'a leg with outputs',
      values: { ...leg, outputs: 'type=local,dest=x' },
      input: 'outputs',
      says: 'drop outputs',
    },
    {
      title: 'a merge without platforms',
      values: { ...leg, merge: 'index', platforms: '' },
      input: 'platforms',
      says: 'every platform',
    },
    {
      title: 'a merge on a dry run',
      values: { ...leg, merge: 'index', 'dry-run': 'true' },
      input: 'merge',
      says: 'drop dry-run',
    },
  ])('$title', ({ values, input, says }) => {
    let thrown: unknown;
    try {
      parseInputs(from(values));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).input).toBe(input);
    expect((thrown as InputError).message).toContain(says);
  });
  it('is false by default, and a leg or a merge parses', () => {
    expect(parseInputs(from({})).merge).toBe('false');
    expect(parseInputs(from(leg)).merge).toBe('leg');
    expect(parseInputs(from({ ...leg, merge: 'index', platforms: 'linux/amd64,linux/arm64' })).merge).toBe(
      'index',
    );
  });
});

describe("a leg's build", () => {
  const build = parseInputs(
    from({
      tags: 'ghcr.io/o/app:1.0\nghcr.io/o/app:latest\ndocker.io/o/app:1.0',
      platforms: 'linux/arm64',
      push: 'true',
      annotations: 'index:org.opencontainers.image.title=app\nmanifest:a=1\nb=2\nmanifest,index:c=3',
    }),
  ).build;
  const run = { runId: '77', attempt: '2' };
  it.each([
    {
      driver: 'docker-container',
      output:
        'type=image,"name=ghcr.io/o/app,docker.io/o/app",push-by-digest=true,name-canonical=true,push=true',
    },
    {
      // dockerd's own builder refuses push-by-digest: a tag of the action's own, per run, platform and attempt.
      driver: 'docker',
      output:
        'type=image,"name=ghcr.io/o/app:bkca-leg-77-linux-arm64-2,docker.io/o/app:bkca-leg-77-linux-arm64-2",push=true',
    },
  ])('on the $driver driver pushes by digest to every repository and moves no tag', ({ driver, output }) => {
    const b = legBuild(build, { ...run, driver });
    expect(b.outputs).toStrictEqual([output]);
    expect(b.tags).toStrictEqual([]);
    expect(b.push).toBe(false);
    expect(b.annotations).toStrictEqual(['manifest:a=1', 'b=2', 'manifest:c=3']);
    expect(b.platforms).toStrictEqual(['linux/arm64']);
  });
  it('names its repositories once each, in the order of the tags', () =>
    expect(repositoriesOf(build.tags)).toStrictEqual(['ghcr.io/o/app', 'docker.io/o/app']));
  it('tags, where it must, with what a tag may hold, at most 128 characters', () => {
    expect(legTag('9', 'linux/arm/v7', '1')).toBe('bkca-leg-9-linux-arm-v7-1');
    expect(legTag('9'.repeat(200), 'linux/arm64', '1')).toHaveLength(128);
  });
  it('records its digest, its leg and its cache hits', () =>
    expect(
      legRecord({
        tags: build.tags,
        platform: 'linux/arm64',
        digest: DIGEST_A,
        leg: 'linux-arm64',
        steps: { cached: 3, total: 4, ratio: 0.75 },
        attempt: '2',
        pushTag: null,
      }),
    ).toStrictEqual({ ...record('linux/arm64', DIGEST_A, '2'), image: 'ghcr.io/o/app' }));
  it.each([
    { driver: 'docker-container', pushTag: null },
    { driver: 'docker', pushTag: 'bkca-leg-77-linux-arm64-2' },
  ])(
    'on the $driver driver pushes under $pushTag, which its record names for the merge to remove',
    ({ driver, pushTag }) => {
      expect(legPushTag({ ...run, driver }, 'linux/arm64')).toBe(pushTag);
      const r = legRecord({
        tags: build.tags,
        platform: 'linux/arm64',
        digest: DIGEST_A,
        leg: 'linux-arm64',
        steps: { cached: 3, total: 4, ratio: 0.75 },
        attempt: '2',
        pushTag,
      });
      expect(r.pushTag).toBe(pushTag ?? undefined);
    },
  );
  it('reads its siblings named by platform in cache-read-legs as their legs', () => {
    const i = parseInputs(
      from({ platforms: 'linux/arm64', 'cache-read-legs': 'linux/amd64,linux/arm64,custom' }),
    );
    expect(planOptionsFrom(i).siblingLegs).toStrictEqual(['linux-amd64', 'linux-arm64', 'custom']);
  });
});

describe('annotations per level', () => {
  it.each([
    { a: 'k=v', manifest: 'k=v', index: 'index:k=v' },
    { a: 'index:k=v', manifest: null, index: 'index:k=v' },
    { a: 'index-descriptor:k=v', manifest: null, index: 'index-descriptor:k=v' },
    { a: 'manifest[linux/arm64]:k=v', manifest: 'manifest[linux/arm64]:k=v', index: null },
    { a: 'manifest,index:k=v', manifest: 'manifest:k=v', index: 'index:k=v' },
    {
      a: 'org.example/url=http://x:1',
      manifest: 'org.example/url=http://x:1',
      index: 'index:org.example/url=http://x:1',
    },
  ])('$a', ({ a, manifest, index }) => {
    expect(annotationsAt([a], 'manifest')).toStrictEqual(manifest === null ? [] : [manifest]);
    expect(annotationsAt([a], 'index')).toStrictEqual(index === null ? [] : [index]);
  });
});

describe('when legs record nothing and the merge merges nothing', () => {
  const ctx = (fork: boolean) =>
    runContextFrom(
      environmentFrom({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' }).github,
      {
        number: 7,
        pull_request: {
          number: 7,
          base: { ref: 'main', repo: { full_name: 'o/app' } },
          head: { ref: 'x', repo: { full_name: fork ? 'someone/app' : 'o/app' } },
        },
      },
    );
  it.each([
    {
      title: 'a pull request from a fork cannot push',
      fork: true,
      push: true,
      why: 'a pull request from a fork cannot push',
    },
    { title: 'push is false', fork: false, push: false, why: 'push is false' },
    { title: 'a pull request of the repository that pushes merges', fork: false, push: true, why: '' },
  ])('$title', ({ fork, push, why }) => {
    const skipped = mergeSkipped(ctx(fork), push);
    if (why === '') expect(skipped).toBe('');
    else expect(skipped).toContain(why);
  });
});

describe("the legs' records", () => {
  it('are keyed by run, image, platform and attempt, and found by the prefix without the attempt', () => {
    const key = mergeRecordKey('123', 'ghcr.io/o/app', 'linux/arm64', '2');
    expect(key).toBe('bkca-merge-v1/123/ghcr.io-o-app/linux-arm64/2');
    expect(key.startsWith(mergeRecordPrefix('123', 'ghcr.io/o/app', 'linux/arm64'))).toBe(true);
    expect(key.startsWith(mergeRecordPrefix('12', 'ghcr.io/o/app', 'linux/arm64'))).toBe(false);
    expect(mergeRecordKey('1', '127.0.0.1:5000/a', 'linux/amd64', '1')).toBe(
      'bkca-merge-v1/1/127.0.0.1-5000-a/linux-amd64/1',
    );
  });
  it.each([
    { title: 'a record of the platform', text: JSON.stringify(record('linux/arm64', DIGEST_A)), ok: true },
    { title: 'another platform', text: JSON.stringify(record('linux/amd64', DIGEST_A)), ok: false },
    {
      title: 'no digest',
      text: JSON.stringify({ ...record('linux/arm64', DIGEST_A), digest: 'latest' }),
      ok: false,
    },
    {
      title: 'another version',
      text: JSON.stringify({ ...record('linux/arm64', DIGEST_A), version: 2 }),
      ok: false,
    },
    { title: 'not JSON', text: 'nope', ok: false },
    {
      title: "another repository's image (an attacker's manifest under the victim's tags)",
      text: JSON.stringify({ ...record('linux/arm64', DIGEST_A), image: 'ghcr.io/attacker/app' }),
      ok: false,
    },
    {
      title: "a push tag that is one of the user's tags (the merge would delete it)",
      text: JSON.stringify({ ...record('linux/arm64', DIGEST_A), pushTag: 'v1' }),
      ok: false,
    },
    {
      title: "another run's leg tag",
      text: JSON.stringify({
        ...record('linux/arm64', DIGEST_A),
        pushTag: legTag('122', 'linux/arm64', '1'),
      }),
      ok: false,
    },
    {
      title: "this run's leg tag for another attempt than the record's",
      text: JSON.stringify({
        ...record('linux/arm64', DIGEST_A),
        pushTag: legTag('123', 'linux/arm64', '2'),
      }),
      ok: false,
    },
    {
      title: "this run's leg tag for this platform and attempt",
      text: JSON.stringify({
        ...record('linux/arm64', DIGEST_A),
        pushTag: legTag('123', 'linux/arm64', '1'),
      }),
      ok: true,
    },
    {
      title: 'an attempt that is not a number',
      text: JSON.stringify({ ...record('linux/arm64', DIGEST_A), attempt: '1/../x' }),
      ok: false,
    },
  ])('parse: $title', ({ text, ok }) => {
    const checked = parseLegRecord(text, { platform: 'linux/arm64', image: 'ghcr.io/o/app', runId: '123' });
    expect(checked.record !== null).toBe(ok);
    if (!ok) expect('dropped' in checked && checked.dropped).toBeTruthy();
  });
  it('a missing platform is one message naming it, and why a lookup failed', () => {
    expect(missingMessage([{ platform: 'linux/amd64', record: record('linux/amd64', DIGEST_A) }])).toBe('');
    const message = missingMessage([
      { platform: 'linux/amd64', record: record('linux/amd64', DIGEST_A) },
      { platform: 'linux/arm64', record: null },
      { platform: 'linux/s390x', record: null, failed: 'no answer within 60s' },
      { platform: 'linux/ppc64le', record: null, dropped: 'it names image "ghcr.io/attacker/app"' },
    ]);
    expect(message).toContain(
      'no digest recorded in this run for linux/arm64, linux/s390x (the lookup failed: no answer within 60s), linux/ppc64le (its record was dropped: it names image "ghcr.io/attacker/app")',
    );
    expect(message).not.toContain('linux/amd64');
  });
});

describe('the merge', () => {
  it('creates the index of every leg under every tag, with the index annotations', () =>
    expect(
      imagetoolsCreateArgs(
        ['ghcr.io/o/app:1.0', 'ghcr.io/o/app:latest'],
        ['k=v', 'manifest:m=1', 'index:i=2'],
        [record('linux/amd64', DIGEST_A), record('linux/arm64', DIGEST_B)],
      ),
    ).toStrictEqual([
      'buildx',
      'imagetools',
      'create',
      '--tag',
      'ghcr.io/o/app:1.0',
      '--tag',
      'ghcr.io/o/app:latest',
      '--annotation',
      'index:k=v',
      '--annotation',
      'index:i=2',
      `ghcr.io/o/app@${DIGEST_A}`,
      `ghcr.io/o/app@${DIGEST_B}`,
    ]));
  it("outputs metadata shaped as a build's", () => {
    const d = parseDescriptor(
      JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json', digest: DIGEST_A, size: 9 }),
    );
    expect(d).toStrictEqual({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: DIGEST_A,
      size: 9,
    });
    expect(JSON.parse(mergeMetadata(d!, ['a:1', 'a:2']))).toStrictEqual({
      'containerimage.descriptor': d,
      'containerimage.digest': DIGEST_A,
      'image.name': 'a:1,a:2',
    });
    expect(parseDescriptor('{"digest":"x"}')).toBeNull();
  });
  it('summary: the index, each platform, its digest and its leg cache hits', () => {
    const md = renderMergeSummary({
      role: 'index',
      skipped: '',
      legs: [record('linux/amd64', DIGEST_A), record('linux/arm64', DIGEST_B, '2')],
      missing: [],
      digest: DIGEST_B,
      tags: ['ghcr.io/o/app:1.0'],
    });
    expect(md).toContain(`Index \`${DIGEST_B}\` under \`ghcr.io/o/app:1.0\`.`);
    expect(md).toContain(`| \`linux/amd64\` | \`${DIGEST_A}\` | 75% (3/4 steps) | 1 |`);
    expect(md).toContain(`| \`linux/arm64\` | \`${DIGEST_B}\` | 75% (3/4 steps) | 2 |`);
  });
  it('summary on a leg: the digest it recorded, or why it recorded none', () => {
    const leg = { role: 'leg' as const, missing: [], digest: '', tags: ['ghcr.io/o/app:1.0'] };
    const md = renderMergeSummary({ ...leg, skipped: '', legs: [record('linux/arm64', DIGEST_B)] });
    expect(md).toContain('### Multi-platform image: this leg');
    expect(md).toContain(`| \`linux/arm64\` | \`${DIGEST_B}\` | 75% (3/4 steps) | 1 |`);
    expect(renderMergeSummary({ ...leg, skipped: 'push is false', legs: [] })).toContain(
      'Nothing recorded: push is false.',
    );
  });
  it('summary: a missing platform, and a skipped merge', () => {
    const base = { role: 'index' as const, legs: [], digest: '', tags: [] };
    expect(renderMergeSummary({ ...base, skipped: '', missing: ['linux/arm64'] })).toContain(
      '**No digest recorded** for `linux/arm64`.',
    );
    expect(renderMergeSummary({ ...base, skipped: 'push is false', missing: [] })).toContain(
      'Nothing merged: push is false.',
    );
  });
});
