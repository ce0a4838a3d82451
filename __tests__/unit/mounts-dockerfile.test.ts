import { scanCacheMounts, scanForPlatforms } from '../../src/mounts/dockerfile';
import { expandWord } from '../../src/mounts/lex';
import { cleanPath, csvFields, flagWords, readMount } from '../../src/mounts/mount-flag';
import { buildPlatforms, nativePlatform, platformArgs } from '../../src/mounts/platform';
import { cacheMountNamespace, checkMounts } from '../../src/mounts/observed';
import { learnedKey, learnedManifest, parseLearned, withLearned } from '../../src/mounts/learned';
import { CONFORMANCE } from '../fixtures/mounts/conformance';

// The Dockerfile as BuildKit's frontend reads it for cache mounts: ids, stages, variables.
// Cases from BuildKit's source (frontend/dockerfile), from issue 20's survey and from public
// Dockerfiles (docker init's Go template, Go/Rust/Python/Node/apt caches).

describe('scanCacheMounts: each conformance case gives the ids BuildKit uses', () => {
  it.each(CONFORMANCE)('$name', (c) => {
    const scan = scanCacheMounts(c.dockerfile, c.target ?? '', c.buildArgs ?? [], {
      target: c.platform ?? 'linux/amd64',
      build: 'linux/amd64',
    });
    expect(scan.mounts.map((m) => m.id)).toStrictEqual(c.ids);
    expect(scan.leftOut.map((l) => l.why)).toStrictEqual(c.leftOut ?? []);
  });

  it('has at least 40 cases', () => {
    expect(CONFORMANCE.length).toBeGreaterThanOrEqual(40);
  });
});

describe('scanCacheMounts: what a mount carries', () => {
  it('keeps target, sharing (any case), uid, gid, mode, stage and line', () => {
    const scan = scanCacheMounts(
      `FROM alpine AS deps
RUN --mount=type=cache,target=/var/cache/apt/,sharing=LOCKED,uid=1000,gid=1000,mode=0755 true`,
      '',
      [],
      { target: 'linux/amd64', build: 'linux/amd64' },
    );
    expect(scan.mounts).toStrictEqual([
      {
        id: '/var/cache/apt',
        target: '/var/cache/apt/',
        sharing: 'locked',
        uid: '1000',
        gid: '1000',
        mode: '0755',
        stage: 'deps',
        line: 2,
      },
    ]);
  });

  it('notes one id used twice with other uid/gid/mode, and persists the first', () => {
    const scan = scanCacheMounts(
      `FROM alpine
RUN --mount=type=cache,id=apt,target=/var/cache/apt true
RUN --mount=type=cache,id=apt,target=/var/cache/apt,uid=100 true`,
      '',
      [],
      { target: 'linux/amd64', build: 'linux/amd64' },
    );
    expect(scan.mounts.map((m) => m.line)).toStrictEqual([2]);
    expect(scan.notes).toStrictEqual([
      'cache mount apt on line 3 has other uid/gid/mode than on line 2: the first is persisted',
    ]);
  });

  it('says when the target is not a stage', () => {
    const scan = scanCacheMounts('FROM alpine AS a\nRUN --mount=type=cache,target=/x true', 'nope', [], {
      target: 'linux/amd64',
      build: 'linux/amd64',
    });
    expect(scan).toStrictEqual({
      mounts: [],
      leftOut: [],
      notes: ['the target "nope" is not a stage of the Dockerfile: no cache mounts found'],
    });
  });

  it('says when a stage reference needs a value it cannot know', () => {
    const scan = scanCacheMounts(
      'ARG FLAVOR\nFROM alpine AS a\nRUN --mount=type=cache,target=/a true\nFROM ${FLAVOR}',
      '',
      [],
      { target: 'linux/amd64', build: 'linux/amd64' },
    );
    expect(scan.notes).toStrictEqual([
      "stage 1 starts from ${FLAVOR}, and FLAVOR has no value the action can know: its parent's mounts are not looked for",
    ]);
  });
});

describe('scanForPlatforms: one scan per platform, each id once', () => {
  it('finds the mount of each platform stage', () => {
    const dockerfile = `FROM alpine AS build-amd64
RUN --mount=type=cache,id=go-amd64,target=/root/.cache/go-build true
FROM alpine AS build-arm64
RUN --mount=type=cache,id=go-arm64,target=/root/.cache/go-build true
RUN --mount=type=cache,target=/shared true
FROM build-$TARGETARCH`;
    const scan = scanForPlatforms(
      dockerfile,
      '',
      [],
      buildPlatforms(['linux/amd64', 'linux/arm64'], 'linux/amd64'),
    );
    expect(scan.mounts.map((m) => m.id)).toStrictEqual(['go-amd64', 'go-arm64', '/shared']);
  });
});

describe('expandWord: the shell lexer forms', () => {
  const vars = new Map([
    ['A', 'a'],
    ['EMPTY', ''],
    ['V', 'xabcabcx'],
  ]);
  const lookup = (n: string) => vars.get(n);
  it.each([
    { text: '${A}-$A', value: 'a-a', unknown: [] },
    { text: '${A:-x} ${EMPTY:-x} ${UNSET:-x}', value: 'a x x', unknown: [] },
    { text: '${A-x} ${EMPTY-x} ${UNSET-x}', value: 'a  x', unknown: [] },
    { text: '${A:+x} ${EMPTY:+x} ${UNSET:+x}', value: 'x  ', unknown: [] },
    { text: '${A+x} ${EMPTY+x} ${UNSET+x}', value: 'x x ', unknown: [] },
    { text: '${UNSET:-${A}-y}', value: 'a-y', unknown: [] },
    { text: '$UNSET/x', value: '/x', unknown: ['UNSET'] },
    // The pattern forms, each value as BuildKit's Dockerfile frontend gave it for V=xabcabcx
    // (an ENV of every form, echoed by a RUN step, on the engine the e2e tests use).
    { text: '${V/abc/def}', value: 'xdefabcx', unknown: [] },
    { text: '${V//abc/def}', value: 'xdefdefx', unknown: [] },
    { text: '${V#xa}', value: 'bcabcx', unknown: [] },
    { text: '${V##*b}', value: 'cx', unknown: [] },
    { text: '${V%cx}', value: 'xabcab', unknown: [] },
    { text: '${V%%b*}', value: 'xa', unknown: [] },
    { text: '${V/b*/Z}', value: 'xaZ', unknown: [] },
    { text: '${V:?err}', value: 'xabcabcx', unknown: [] },
    { text: '${V/a?c/R}', value: 'xRabcx', unknown: [] },
    { text: '${V/[ab]/S}', value: 'xabcabcx', unknown: [] },
    { text: '${V/#xa/Q}', value: 'xabcabcx', unknown: [] },
    { text: '${V/%cx/Q}', value: 'xabcabcx', unknown: [] },
    { text: '${V/abc/$A}', value: 'xaabcx', unknown: [] },
    { text: '${UNSET/abc/def}', value: '', unknown: ['UNSET'] },
    { text: '${V/abc}', value: '', unknown: ['V'] },
    { text: '\\$A $', value: '$A $', unknown: [] },
    { text: '$1 ${', value: '$1 ${', unknown: [] },
  ])('$text', ({ text, value, unknown }) => {
    expect(expandWord(text, lookup)).toStrictEqual({ value, unknown });
  });
});

describe('mount flags: words, CSV fields, path.Clean', () => {
  it.each([
    { text: '--mount=type=cache,target=/x true', words: ['--mount=type=cache,target=/x'] },
    { text: '--mount="type=cache,target=/a b" true', words: ['--mount=type=cache,target=/a b'] },
    {
      text: "--network=none --mount='type=cache,target=/x' -- --mount=x",
      words: ['--network=none', '--mount=type=cache,target=/x'],
    },
    { text: 'echo --mount=type=cache,target=/x', words: [] },
  ])('flag words of $text', ({ text, words }) => {
    expect(flagWords(text)).toStrictEqual(words);
  });

  it.each([
    { value: 'type=cache,target=/x', fields: ['type=cache', 'target=/x'] },
    { value: '"target=/a,b",id=x', fields: ['target=/a,b', 'id=x'] },
    { value: '"id=say ""hi""",ro', fields: ['id=say "hi"', 'ro'] },
  ])('CSV fields of $value', ({ value, fields }) => {
    expect(csvFields(value)).toStrictEqual(fields);
  });

  it.each([
    ['/go/pkg/mod/', '/go/pkg/mod'],
    ['./node_modules', 'node_modules'],
    ['/a//b/../c', '/a/c'],
    ['/', '/'],
    ['.', '.'],
  ])('path.Clean(%s) is %s', (p, clean) => {
    expect(cleanPath(p)).toBe(clean);
  });

  it('leaves out a sharing value BuildKit refuses', () => {
    expect(readMount('type=cache,target=/x,sharing=maybe', (w) => ({ value: w, unknown: [] }))).toStrictEqual(
      {
        kind: 'left-out',
        why: 'sharing=maybe is not one BuildKit accepts: the build fails',
      },
    );
  });
});

describe('platformArgs: what BuildKit defines from the platforms', () => {
  it('splits target and build platforms, drops default variants, names the stage', () => {
    expect(
      Object.fromEntries(platformArgs({ target: 'linux/arm/v7', build: 'linux/arm64/v8' }, 'app')),
    ).toStrictEqual({
      BUILDPLATFORM: 'linux/arm64',
      BUILDOS: 'linux',
      BUILDARCH: 'arm64',
      BUILDVARIANT: '',
      TARGETPLATFORM: 'linux/arm/v7',
      TARGETOS: 'linux',
      TARGETARCH: 'arm',
      TARGETVARIANT: 'v7',
      TARGETSTAGE: 'app',
    });
    expect(platformArgs({ target: 'linux/amd64', build: 'linux/amd64' }, '').get('TARGETSTAGE')).toBe(
      'default',
    );
  });

  it.each([
    { title: 'the last stage, named', dockerfile: 'FROM b AS final', want: 'tc-final' },
    { title: 'the last stage, unnamed', dockerfile: 'FROM b AS a\nFROM b', want: 'tc-default' },
  ])('TARGETSTAGE without a target, as BuildKit gives it: $title', ({ dockerfile, want }) => {
    const text = `${dockerfile}\nARG TARGETSTAGE\nRUN --mount=type=cache,id=tc-$TARGETSTAGE,target=/c true\n`;
    const scan = scanCacheMounts(text, '', [], { target: 'linux/amd64', build: 'linux/amd64' });
    expect(scan.mounts.map((m) => m.id)).toStrictEqual([want]);
  });

  it.each([
    ['x64', 'linux/amd64'],
    ['arm64', 'linux/arm64'],
    ['arm', 'linux/arm/v7'],
  ])('node arch %s is %s', (arch, platform) => {
    expect(nativePlatform(arch)).toBe(platform);
  });

  it('builds for the platforms input, else for the builder own', () => {
    expect(buildPlatforms([], 'linux/amd64')).toStrictEqual([
      { target: 'linux/amd64', build: 'linux/amd64' },
    ]);
    expect(buildPlatforms(['linux/arm64'], 'linux/amd64')).toStrictEqual([
      { target: 'linux/arm64', build: 'linux/amd64' },
    ]);
  });
});

describe('checkMounts: the prediction against the mounts BuildKit used', () => {
  const platforms = { target: 'linux/amd64', build: 'linux/amd64' };
  const scan = scanCacheMounts(
    `FROM img AS seed
FROM img
RUN --mount=type=cache,target=/go/pkg/mod/ --mount=type=cache,id=unused,target=/u true
RUN --mount=type=cache,target=$HOME/.cache true
RUN --mount=type=cache,from=seed,source=/etc,target=/seeded true`,
    '',
    [],
    platforms,
  );
  const used = (llbId: string, dest: string, sharing: 'shared' | 'locked' = 'shared') => ({
    llbId,
    dest,
    sharing,
  });

  it('agrees on a predicted id, names the unpredicted one, notes the unused one, ignores a seeded one', () => {
    const check = checkMounts(
      scan,
      [
        used('//go/pkg/mod', '/go/pkg/mod/'),
        used('//.cache', '/.cache', 'locked'),
        used('//seeded', '/seeded'),
      ],
      '',
    );
    expect(check).toStrictEqual({
      observed: ['/go/pkg/mod', '/.cache', '/seeded'],
      unpredicted: [{ id: '/.cache', target: '/.cache', sharing: 'locked' }],
      learned: [],
      unused: ['unused'],
      warnings: [
        'cache mount "/.cache" (at /.cache) was used by BuildKit but not found in the Dockerfile by the action',
      ],
      notes: ['cache mount "unused" was predicted but BuildKit did not use it: nothing is saved for it'],
    });
  });

  it("the warning names the step's Dockerfile line when the record maps it", () => {
    const check = checkMounts(scan, [{ ...used('//.cache', '/.cache'), line: 7 }], '');
    expect(check.unpredicted).toStrictEqual([
      { id: '/.cache', target: '/.cache', sharing: 'shared', line: 7 },
    ]);
    expect(check.warnings).toStrictEqual([
      'cache mount "/.cache" (at /.cache, Dockerfile line 7) was used by BuildKit but not found in the Dockerfile by the action',
    ]);
  });

  it('a learned id BuildKit used is no warning; one it did not use is unused', () => {
    const check = checkMounts(scan, [used('//go/pkg/mod', '/go/pkg/mod/'), used('//.cache', '/.cache')], '', [
      '/.cache',
      'gone',
    ]);
    expect(check.unpredicted).toStrictEqual([]);
    expect(check.learned).toStrictEqual([{ id: '/.cache', target: '/.cache', sharing: 'shared' }]);
    expect(check.unused).toStrictEqual(['unused', 'gone']);
    expect(check.warnings).toStrictEqual([]);
  });

  it('takes BUILDKIT_CACHE_MOUNT_NS off the LLB ids', () => {
    const ns = cacheMountNamespace(['A=1', 'BUILDKIT_CACHE_MOUNT_NS=team']);
    expect(ns).toBe('team');
    const check = checkMounts(
      scan,
      [used('team//go/pkg/mod', '/go/pkg/mod/'), used('team/unused', '/u')],
      ns,
    );
    expect(check.observed).toStrictEqual(['/go/pkg/mod', 'unused']);
    expect(check.unpredicted).toStrictEqual([]);
  });
});

describe('learned mounts: ids from a build record, kept for the next run', () => {
  const a = { id: '/.cache', target: '/.cache', sharing: 'locked' as const };
  const b = { id: 'npm', target: '/root/.npm', sharing: 'shared' as const };

  it('one content, one key, whatever the order', () => {
    expect(learnedManifest([b, a])).toBe(learnedManifest([a, b]));
    expect(learnedKey('app.branch-main', learnedManifest([a, b]))).toMatch(
      /^bkca-mount-v1\/bkca-learned-mounts\/app\.branch-main\/[0-9a-f]{16}$/,
    );
    expect(parseLearned(learnedManifest([a, b]))).toStrictEqual([a, b]);
  });

  it.each([
    ['not json', []],
    ['{"id":"x"}', []],
    ['[{"id":"x","target":"/x","sharing":"maybe"},{"id":"","target":"/y","sharing":"shared"}]', []],
  ])('reads nothing from %s', (text, want) => {
    expect(parseLearned(text)).toStrictEqual(want);
  });

  const base = {
    mounts: [],
    skipped: [],
    noSave: '',
    warnings: [],
    notes: [],
    writeName: 'app.pr-7',
    readNames: ['app.pr-7', 'app.branch-main'],
  };

  it('joins the plan: restored from its reads, saved under its write', () => {
    const plan = withLearned(base, { kind: 'auto' }, [a]);
    expect(plan.mounts).toHaveLength(1);
    expect(plan.mounts[0].mount).toMatchObject({ id: '/.cache', sharing: 'locked', line: 0 });
    expect(plan.mounts[0].restoreKeys.map((k) => k.split('/').slice(2).join('/'))).toStrictEqual([
      'app.pr-7/',
      'app.branch-main/',
    ]);
    expect(plan.mounts[0].saveKeyPrefix).toBe(plan.mounts[0].restoreKeys[0]);
  });

  it('is not added when cache-mounts lists other ids or says none, and never saved on a run that saves nothing', () => {
    expect(withLearned(base, { kind: 'ids', ids: ['npm'] }, [a]).mounts).toStrictEqual([]);
    expect(withLearned(base, { kind: 'none' }, [a]).mounts).toStrictEqual([]);
    expect(withLearned({ ...base, writeName: '' }, { kind: 'auto' }, [a]).mounts[0].saveKeyPrefix).toBeNull();
  });
});
