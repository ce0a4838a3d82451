import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Material, parseMetadata } from '../../src/buildx/parse/metadata';
import { type BuildLog, type BuildStep, parseRawJsonLog } from '../../src/buildx/parse/progress';
import { parseHistoryInspect } from '../../src/buildx/parse/record';
import type { CachePlan } from '../../src/plan/planner';
import { cacheEntryAttributes } from '../../src/lib/cache-entry';
import {
  cacheManifestBytes,
  directoryBytes,
  measureExports,
  registryManifestUrl,
} from '../../src/stores/measure';
import { buildReport, exportOutcome, failureMessage, importResults } from '../../src/report/cache-report';
import { changedBaseImages, changedBuildArgs, likelyReasons, normalizeImage } from '../../src/report/reasons';
import type { CacheReport } from '../../src/report/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'buildx');
const read = (name: string, file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
const CACHE_REF = '127.0.0.1:5000/bkca-fixtures/cache:20261122055259';
const BUSYBOX = 'sha256:a68d9f5b5f144e4d42f39b83de8440ffc6b4dd68628b700da09a38bd9a92797d';
const REPO = '127.0.0.1:5000/bkca-fixtures/cache';

function planWith(overrides: Partial<CachePlan> = {}): CachePlan {
  return {
    trigger: { kind: 'pull-request', number: 42, base: 'main', fromFork: false },
    namespace: 'docker-Dockerfile-linux-amd64',
    cacheFrom: [`type=registry,ref=${REPO}:pr-42`, `type=registry,ref=${REPO}:main`],
    cacheTo: [`type=registry,ref=${REPO}:pr-42,mode=max`],
    reads: [
      { ref: 'pr-42', why: 'this pull request', entry: `type=registry,ref=${REPO}:pr-42` },
      { ref: 'main', why: 'the base branch', entry: `type=registry,ref=${REPO}:main` },
    ],
    writes: [{ ref: 'pr-42', why: 'this pull request', entry: `type=registry,ref=${REPO}:pr-42,mode=max` }],
    notes: [],
    ...overrides,
  };
}

/** The report of a recorded build, as main builds it. */
function reportOf(name: string, plan = planWith()): CacheReport {
  const log = parseRawJsonLog(read(name, 'rawjson.log'));
  const built = name !== 'failed';
  const metadata = existsSync(join(FIXTURES, name, 'metadata.json'))
    ? parseMetadata(read(name, 'metadata.json'))
    : null;
  return buildReport({
    plan,
    backend: 'registry',
    log,
    build: built ? 'succeeded' : 'failed',
    tokenScopes: null,
    exportResult: exportOutcome(plan, log, built, ''),
    record: parseHistoryInspect(read(name, 'inspect.json')),
    metadata,
  });
}

describe('buildReport on recorded builds', () => {
  it('keeps version 1 and every field it had, and adds the new ones', () => {
    const r = reportOf('partial');
    expect(Object.keys(r)).toStrictEqual([
      'version',
      'backend',
      'trigger',
      'namespace',
      'build',
      'plan',
      'tokenScopes',
      'steps',
      'imports',
      'export',
      'record',
      'error',
      'baseImages',
      'likelyReasons',
      'timings',
    ]);
    expect(r.version).toBe(1);
    expect(Object.keys(r.steps)).toStrictEqual([
      'total',
      'cached',
      'executed',
      'notRun',
      'ratio',
      'executedSeconds',
      'firstExecuted',
      'list',
    ]);
    expect(Object.keys(r.export)).toStrictEqual([
      'status',
      'reason',
      'seconds',
      'destinations',
      'manifest',
      'sizes',
    ]);
  });

  it.each([
    { name: 'cold', total: 8, cached: 0, executed: 8, notRun: 0, ratio: 0, executedSeconds: 5.5 },
    { name: 'warm', total: 8, cached: 8, executed: 0, notRun: 0, ratio: 1, executedSeconds: 0 },
    { name: 'partial', total: 8, cached: 4, executed: 4, notRun: 0, ratio: 0.5, executedSeconds: 2.7 },
    { name: 'failed', total: 6, cached: 3, executed: 1, notRun: 2, ratio: 0.5, executedSeconds: 1.2 },
    {
      name: 'multiplatform',
      total: 16,
      cached: 5,
      executed: 11,
      notRun: 0,
      ratio: 0.313,
      executedSeconds: 7.9,
    },
  ])('$name: step totals', ({ name, ...want }) => {
    const s = reportOf(name).steps;
    expect({
      total: s.total,
      cached: s.cached,
      executed: s.executed,
      notRun: s.notRun,
      ratio: s.ratio,
      executedSeconds: s.executedSeconds,
    }).toStrictEqual(want);
  });

  it('partial: steps in build order with stage, instruction, cached-or-ran and time', () => {
    const r = reportOf('partial');
    expect(
      r.steps.list.map((s) => [s.stage, s.index, s.of, s.instruction, s.status, s.cached]),
    ).toStrictEqual([
      ['base', 2, 2, 'RUN', 'cached', true],
      ['build', 1, 5, 'WORKDIR', 'cached', true],
      ['build', 2, 5, 'COPY', 'cached', true],
      ['build', 3, 5, 'RUN', 'cached', true],
      ['build', 4, 5, 'COPY', 'executed', false],
      ['build', 5, 5, 'RUN', 'executed', false],
      ['stage-2', 2, 3, 'COPY', 'executed', false],
      ['stage-2', 3, 3, 'RUN', 'executed', false],
    ]);
    expect(r.steps.list[5]).toStrictEqual({
      stage: 'build',
      platform: '',
      step: 'RUN sleep 1 && cat b.txt >> out.txt',
      status: 'executed',
      seconds: 1.3,
      instruction: 'RUN',
      index: 5,
      of: 5,
      cached: false,
    });
    expect(r.steps.firstExecuted).toStrictEqual([
      { stage: 'build', step: '[build 4/5] COPY b.txt .', instruction: 'COPY', command: 'COPY b.txt .' },
      {
        stage: 'stage-2',
        step: '[stage-2 2/3] COPY --from=build /src/out.txt /out.txt',
        instruction: 'COPY',
        command: 'COPY --from=build /src/out.txt /out.txt',
      },
    ]);
  });

  it('partial: the changed file and the stage that depends on it are the likely reasons', () => {
    expect(reportOf('partial').likelyReasons).toStrictEqual([
      {
        kind: 'context-changed',
        stage: 'build',
        step: '[build 4/5] COPY b.txt .',
        detail: 'files that `COPY b.txt .` takes from the build context changed since the cached build',
      },
      {
        kind: 'earlier-stage-changed',
        stage: 'stage-2',
        step: '[stage-2 2/3] COPY --from=build /src/out.txt /out.txt',
        detail: 'stage `build` built something new, so `COPY --from=build /src/out.txt /out.txt` ran',
      },
    ]);
  });

  it('cold: the import was not found, and that is the one reason given', () => {
    const r = reportOf('cold');
    expect(r.imports).toStrictEqual([
      {
        source: CACHE_REF,
        result: 'not-found',
        error: `failed to configure registry cache importer: ${CACHE_REF}: not found`,
        seconds: 0,
      },
    ]);
    expect(r.likelyReasons).toStrictEqual([
      {
        kind: 'first-build',
        stage: '',
        step: '',
        detail:
          `no cache was found at ${CACHE_REF} (not mapped): nothing is cached for this ref yet ` +
          '(its first build, or the cache expired or was deleted)',
      },
    ]);
    expect(r.steps.firstExecuted.map((f) => f.stage)).toStrictEqual(['base', 'build', 'stage-2']);
  });

  it('cold: the export with its time and the cache manifest from the metadata file', () => {
    expect(reportOf('cold').export).toStrictEqual({
      status: 'ok',
      reason: '',
      seconds: 0.6,
      destinations: [`type=registry,ref=${REPO}:pr-42,mode=max`],
      manifest: {
        digest: 'sha256:7489d6f655191bb5912f63d2b9b7d0fb48ef9b7c1630322176da4d1425470a66',
        size: 3193,
      },
      sizes: [],
    });
  });

  it('warm: imported, nothing ran, no reasons', () => {
    const r = reportOf('warm');
    expect(r.imports).toStrictEqual([{ source: CACHE_REF, result: 'imported', seconds: 0 }]);
    expect(r.steps.firstExecuted).toStrictEqual([]);
    expect(r.likelyReasons).toStrictEqual([]);
    expect(r.record).toStrictEqual({
      ref: '91yxxg5iw7n9hs1uf2vzmzz4g',
      status: 'completed',
      seconds: 0.7,
      buildkitCachedSteps: 8,
      buildkitTotalSteps: 16,
    });
    expect(r.baseImages).toStrictEqual([
      { image: '127.0.0.1:5000/busybox:latest', platform: 'linux/amd64', digest: BUSYBOX },
    ]);
  });

  it('failed: the error names the step and the Dockerfile line; the export was skipped', () => {
    const r = reportOf('failed');
    expect(r.build).toBe('failed');
    expect(r.error).toStrictEqual({
      step: '[build 3/4] RUN sleep 1 && echo "about to fail" && exit 3',
      message:
        'process "/bin/sh -c sleep 1 && echo \\"about to fail\\" && exit 3" did not complete successfully: exit code: 3',
      file: 'Dockerfile.fail',
      line: 8,
    });
    expect(r.export).toMatchObject({ status: 'skipped', reason: 'the build did not finish', manifest: null });
    // The record of a failed build has no materials: the FROM vertex still tells the base image.
    expect(r.baseImages).toStrictEqual([
      { image: '127.0.0.1:5000/busybox:latest', platform: '', digest: BUSYBOX },
    ]);
    expect(r.likelyReasons).toStrictEqual([
      {
        kind: 'step-changed',
        stage: 'build',
        step: '[build 3/4] RUN sleep 1 && echo "about to fail" && exit 3',
        detail:
          '`RUN sleep 1 && echo "about to fail" && exit 3` ran after a cached step: the instruction or what it ' +
          'uses (build args, ENV, mounted files) changed, or the cache held no result for it',
      },
    ]);
  });

  it('multiplatform: per platform and stage, with the platform the cache lacks', () => {
    const r = reportOf('multiplatform');
    expect(r.likelyReasons.map((x) => [x.kind, x.stage])).toStrictEqual([
      ['platform-not-cached', 'linux/386 base'],
      ['context-changed', 'linux/amd64 build'],
      ['earlier-stage-changed', 'linux/386 build'],
      ['earlier-stage-changed', 'linux/amd64 stage-2'],
      ['step-changed', 'linux/386 stage-2'],
    ]);
    expect(r.likelyReasons[0].detail).toBe('the cache holds this step for linux/amd64 but not for linux/386');
    expect(r.export.manifest).toStrictEqual({
      digest: 'sha256:94f0141af8cae241f79c093caf8242ed4706af7e873bc6b9f959c1f4aaeefd8f',
      size: 1885,
    });
  });

  it('a dry run has no steps, no record and no reasons', () => {
    const plan = planWith();
    const r = buildReport({
      plan,
      backend: 'registry',
      log: null,
      build: 'not-run',
      tokenScopes: null,
      exportResult: exportOutcome(plan, null, false, 'dry-run'),
    });
    expect(r.steps).toStrictEqual({
      total: 0,
      cached: 0,
      executed: 0,
      notRun: 0,
      ratio: 1,
      executedSeconds: 0,
      firstExecuted: [],
      list: [],
    });
    expect([r.record, r.error, r.baseImages, r.likelyReasons]).toStrictEqual([null, null, [], []]);
    expect(r.export).toStrictEqual({
      status: 'skipped',
      reason: 'dry-run',
      seconds: 0,
      destinations: plan.cacheTo,
      manifest: null,
      sizes: [],
    });
  });

  it('carries no secret: build arg values and the record’s cache attributes stay out', () => {
    const text = JSON.stringify(reportOf('failed'));
    expect(text).not.toContain('BASE_IMAGE');
    expect(text).not.toContain('RestRaw');
    expect(text).not.toContain('Stack');
  });
});

describe('exportOutcome', () => {
  const log = (exports: BuildLog['exports']): BuildLog => ({ steps: [], imports: [], exports, bases: [] });
  it.each([
    {
      title: 'nothing to write: skipped with the plan’s note',
      plan: planWith({ cacheTo: [], notes: ['a fork: nothing is written'] }),
      log: log([]),
      built: true,
      skip: '',
      want: { status: 'skipped', reason: 'a fork: nothing is written', seconds: 0 },
    },
    {
      title: 'the caller skipped it',
      plan: planWith(),
      log: log([]),
      built: true,
      skip: 'no cache service',
      want: { status: 'skipped', reason: 'no cache service', seconds: 0 },
    },
    {
      title: 'the build failed',
      plan: planWith(),
      log: log([]),
      built: false,
      skip: '',
      want: { status: 'skipped', reason: 'the build did not finish', seconds: 0 },
    },
    {
      title: 'the export vertex failed',
      plan: planWith(),
      log: log([
        { name: 'exporting cache to registry', durationMs: 1250, error: 'unexpected status: 403 Forbidden' },
      ]),
      built: true,
      skip: '',
      want: { status: 'failed', reason: 'unexpected status: 403 Forbidden', seconds: 1.3 },
    },
    {
      title: 'inline: no vertex of its own',
      plan: planWith({ cacheTo: ['type=inline'] }),
      log: log([]),
      built: true,
      skip: '',
      want: { status: 'ok', reason: 'exported inside the image', seconds: 0 },
    },
    {
      title: 'exported',
      plan: planWith(),
      log: log([{ name: 'exporting cache to registry', durationMs: 576 }]),
      built: true,
      skip: '',
      want: { status: 'ok', reason: '', seconds: 0.6 },
    },
  ])('$title', ({ plan, log: l, built, skip, want }) => {
    expect(exportOutcome(plan, l, built, skip)).toStrictEqual({
      ...want,
      destinations: plan.cacheTo,
      manifest: null,
      sizes: [],
    });
  });
});

describe('importResults', () => {
  it.each([
    [undefined, 'imported'],
    ['failed to configure registry cache importer: x: not found', 'not-found'],
    ['failed to configure local cache importer: open /c/index.json: no such file or directory', 'not-found'],
    ['unexpected status from GET request: 404 Not Found', 'not-found'],
    ['failed to do request: dial tcp 127.0.0.1:5999: connect: connection refused', 'failed'],
    ['unexpected status from GET request: 401 Unauthorized', 'failed'],
  ])('%s → %s', (error, result) => {
    const log: BuildLog = {
      steps: [],
      imports: [
        { name: 'importing cache manifest from x', source: 'x', durationMs: 40, ...(error ? { error } : {}) },
      ],
      exports: [],
      bases: [],
    };
    expect(importResults(log)).toStrictEqual([
      { source: 'x', result, ...(error ? { error } : {}), seconds: 0 },
    ]);
  });
});

const material = (image: string, digest: string, platform = 'linux/amd64'): Material => ({
  uri: '',
  image,
  platform,
  digest,
});

describe('changedBaseImages', () => {
  it.each([
    {
      title: 'same digest',
      prev: [material('alpine:3.20', 'sha256:a')],
      cur: [material('alpine:3.20', 'sha256:a')],
      want: [],
    },
    {
      title: 'moved tag, written two ways',
      prev: [material('docker.io/library/alpine:3.20', 'sha256:a')],
      cur: [material('alpine:3.20', 'sha256:b')],
      want: [{ image: 'alpine:3.20', platform: 'linux/amd64', from: 'sha256:a', to: 'sha256:b' }],
    },
    {
      title: 'another platform is not a change',
      prev: [material('alpine:3.20', 'sha256:a', 'linux/arm64')],
      cur: [material('alpine:3.20', 'sha256:b', 'linux/amd64')],
      want: [],
    },
    { title: 'a new image is not a change', prev: [], cur: [material('alpine:3.20', 'sha256:b')], want: [] },
    {
      title: 'no tag means latest',
      prev: [material('node', 'sha256:a', '')],
      cur: [material('node:latest', 'sha256:b')],
      want: [{ image: 'node:latest', platform: 'linux/amd64', from: 'sha256:a', to: 'sha256:b' }],
    },
  ])('$title', ({ prev, cur, want }) => {
    expect(changedBaseImages(prev, cur)).toStrictEqual(want);
  });
});

describe('normalizeImage', () => {
  it.each([
    ['docker.io/library/alpine:3.20@sha256:abc', 'alpine:3.20'],
    ['alpine', 'alpine:latest'],
    ['127.0.0.1:5000/busybox', '127.0.0.1:5000/busybox:latest'],
    ['ghcr.io/o/r:v1', 'ghcr.io/o/r:v1'],
  ])('%s → %s', (image, want) => {
    expect(normalizeImage(image)).toBe(want);
  });
});

describe('changedBuildArgs', () => {
  it('names what was added, removed or changed, never a value', () => {
    expect(
      changedBuildArgs(
        [
          { name: 'A', value: '1' },
          { name: 'B', value: 's3cr3t-old' },
          { name: 'C', value: 'x' },
        ],
        [
          { name: 'A', value: '1' },
          { name: 'B', value: 's3cr3t-new' },
          { name: 'D', value: 'y' },
        ],
      ),
    ).toStrictEqual(['B', 'C', 'D']);
  });
});

describe('likelyReasons on small builds', () => {
  const step = (
    name: string,
    status: BuildStep['status'],
    digest: string,
    inputs: string[] = [],
  ): BuildStep => {
    const m = /^\[(?:(\S+\/\S+) )?(\S+) (\d+)\/(\d+)\] (\S+)(.*)$/.exec(name)!;
    return {
      digest,
      name,
      platform: m[1] ?? '',
      stage: m[2],
      index: Number(m[3]),
      total: Number(m[4]),
      instruction: m[5],
      command: `${m[5]}${m[6]}`,
      status,
      durationMs: status === 'executed' ? 1000 : 0,
      startedAt: '',
      inputs,
    };
  };
  const from = {
    vertex: 'sha256:from',
    stage: 'app',
    platform: '',
    image: 'alpine:3.20',
    digest: 'sha256:new',
  };
  const imported = [{ source: 'r/c:main', result: 'imported' as const, seconds: 0.1 }];
  const cachedThenRan = [
    step('[app 2/3] RUN apk add git', 'cached', 'sha256:1', ['sha256:from']),
    step('[app 3/3] RUN make', 'executed', 'sha256:2', ['sha256:1']),
  ];
  const ranFirst = [
    step('[app 2/3] RUN apk add git', 'executed', 'sha256:1', ['sha256:from']),
    step('[app 3/3] RUN make', 'executed', 'sha256:2', ['sha256:1']),
    step('[other 1/1] RUN true', 'cached', 'sha256:3'),
  ];

  it.each([
    {
      title: 'no-cache',
      input: { steps: ranFirst, bases: [from], imports: imported, reads: 1, noCache: true, materials: [] },
      want: [['no-cache', '', 'no-cache is set: BuildKit ran every step without looking at any cache']],
    },
    {
      title: 'nothing to read and nothing cached',
      input: { steps: ranFirst.slice(0, 2), bases: [from], imports: [], reads: 0, materials: [] },
      want: [
        ['no-cache-read', '', 'this run reads no cache: only what the builder itself kept could be reused'],
      ],
    },
    {
      title: 'an import that failed is named, with its error',
      input: {
        steps: ranFirst.slice(0, 2),
        bases: [from],
        imports: [{ source: 'r/c:main', result: 'failed' as const, error: '401 Unauthorized', seconds: 0 }],
        reads: 1,
        materials: [],
      },
      want: [['import-failed', '', 'reading the cache from r/c:main (not mapped) failed: 401 Unauthorized']],
    },
    {
      title: 'a base image that moved, when the previous build is known',
      input: {
        steps: ranFirst,
        bases: [from],
        imports: imported,
        reads: 1,
        materials: [material('alpine:3.20', 'sha256:new')],
        previous: { materials: [material('docker.io/library/alpine:3.20', 'sha256:old')] },
      },
      want: [
        [
          'base-image-changed',
          'app',
          'base image alpine:3.20 now resolves to new (was old), so every step on it ran',
        ],
      ],
    },
    {
      title: 'the first step after FROM ran, without a previous build to compare: only the possibilities',
      input: { steps: ranFirst, bases: [from], imports: imported, reads: 1, materials: [] },
      want: [
        [
          'step-changed',
          'app',
          '`RUN apk add git` is the first step after FROM: the instruction, a build arg it uses or the base ' +
            'image changed, or the cache held no result for it',
        ],
      ],
    },
    {
      title: 'build args changed and a RUN after a cached step ran',
      input: {
        steps: cachedThenRan,
        bases: [from],
        imports: imported,
        reads: 1,
        materials: [],
        buildArgs: [{ name: 'VERSION', value: '2' }],
        previous: { buildArgs: [{ name: 'VERSION', value: '1' }] },
      },
      want: [
        [
          'build-args-changed',
          'app',
          'build args changed (VERSION): a RUN step reruns when an ARG in its stage changed value',
        ],
      ],
    },
    {
      title: 'a RUN after a cached step, mode=min cache',
      input: {
        steps: cachedThenRan,
        bases: [from],
        imports: imported,
        reads: 1,
        materials: [],
        modeMin: true,
      },
      want: [
        [
          'step-changed',
          'app',
          '`RUN make` ran after a cached step: the instruction or what it uses (build args, ENV, mounted ' +
            'files) changed, or the cache held no result for it (a mode=min cache keeps only the final stage)',
        ],
      ],
    },
    {
      title: 'nothing ran: nothing to explain',
      input: { steps: [cachedThenRan[0]], bases: [from], imports: imported, reads: 1, materials: [] },
      want: [],
    },
  ])('$title', ({ input, want }) => {
    expect(likelyReasons(input).map((r) => [r.kind, r.stage, r.detail])).toStrictEqual(want);
  });
});

describe('failureMessage: the one error line', () => {
  it.each([
    {
      error: {
        step: '[build 3/4] RUN make',
        message: 'process "/bin/sh -c make" did not complete successfully: exit code: 2',
        file: 'Dockerfile',
        line: 8,
      },
      want: 'build failed at [build 3/4] RUN make (Dockerfile:8): process "/bin/sh -c make" did not complete successfully: exit code: 2',
    },
    {
      error: { step: '[build 3/4] RUN make', message: 'exit code: 2', file: '', line: null },
      want: 'build failed at [build 3/4] RUN make: exit code: 2',
    },
    {
      error: { step: '', message: 'failed to solve:\n  something', file: '', line: null },
      want: 'build failed: failed to solve: something',
    },
    { error: null, want: 'docker buildx build failed: ERROR: no builder' },
  ])('$want', ({ error, want }) => {
    expect(failureMessage(error, 'ERROR: no builder')).toBe(want);
  });
});

describe('export size', () => {
  it.each([
    [
      'type=registry,ref=127.0.0.1:5000/team/cache:main,mode=max',
      { type: 'registry', ref: '127.0.0.1:5000/team/cache:main', mode: 'max' },
    ],
    ['type=local,"dest=/tmp/a,b"', { type: 'local', dest: '/tmp/a,b' }],
    ['type=local,dest="/tmp/x y"', { type: 'local', dest: '/tmp/x y' }],
  ])('cacheEntryAttributes(%s)', (entry, want) => {
    expect(cacheEntryAttributes(entry)).toStrictEqual(want);
  });

  it.each([
    ['127.0.0.1:5000/team/cache:main', '', 'http://127.0.0.1:5000/v2/team/cache/manifests/main'],
    ['localhost:5000/cache', 'sha256:abc', 'http://localhost:5000/v2/cache/manifests/sha256:abc'],
    ['ghcr.io/o/r:cache', '', 'https://ghcr.io/v2/o/r/manifests/cache'],
    ['user/repo:cache', '', 'https://registry-1.docker.io/v2/user/repo/manifests/cache'],
    ['alpine', '', 'https://registry-1.docker.io/v2/library/alpine/manifests/latest'],
  ])('registryManifestUrl(%s, %s)', (ref, digest, want) => {
    expect(registryManifestUrl(ref, digest)).toBe(want);
  });

  it.each([
    {
      title: 'image manifest: config and layers',
      manifest: { config: { size: 300 }, layers: [{ size: 1000 }, { size: 24 }] },
      want: 1324,
    },
    {
      title: 'cache index: the blobs it lists',
      manifest: { manifests: [{ size: 10 }, { size: 5 }] },
      want: 15,
    },
    { title: 'no sizes', manifest: { layers: [{ digest: 'x' }] }, want: null },
    { title: 'not an object', manifest: 'x', want: null },
  ])('cacheManifestBytes: $title', ({ manifest, want }) => {
    expect(cacheManifestBytes(manifest)).toBe(want);
  });

  it('local: the size of the folder; gha and others: not measured', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bkca-size-'));
    try {
      mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
      writeFileSync(join(dir, 'index.json'), 'x'.repeat(100));
      writeFileSync(join(dir, 'blobs', 'sha256', 'a'), 'y'.repeat(1000));
      symlinkSync('/etc/hostname', join(dir, 'link'));
      expect(directoryBytes(dir)).toBe(1100);
      expect(
        await measureExports([`type=local,dest=${dir}`, 'type=gha,scope=main', 'type=inline'], null),
      ).toStrictEqual([
        {
          destination: `type=local,dest=${dir}`,
          bytes: 1100,
          how: 'size of the folder (it keeps blobs of earlier exports too)',
        },
        { destination: 'type=gha,scope=main', bytes: null, how: 'not measured for gha caches' },
        { destination: 'type=inline', bytes: null, how: 'not measured for inline caches' },
      ]);
      expect(directoryBytes(join(dir, 'missing'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
