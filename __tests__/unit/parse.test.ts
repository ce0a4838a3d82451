import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseErrorSource } from '../../src/buildx/parse/errors';
import { parseMaterialUri, parseMetadata } from '../../src/buildx/parse/metadata';
import { type BuildStep, parseRawJsonLog, parseStepName, timeMicros } from '../../src/buildx/parse/progress';
import { parseHistoryInspect } from '../../src/buildx/parse/record';
import { frontendCacheId, parseProvenanceCacheMounts } from '../../src/buildx/parse/provenance';
import { scanCacheMounts } from '../../src/mounts/dockerfile';
import { stepTotals } from '../../src/report/steps';

// Real output of `docker buildx history logs --progress rawjson`, `history inspect --format json`
// and --metadata-file, recorded by scripts/record-fixtures.sh (see the fixtures' README files).
const FIXTURES = join(__dirname, '..', 'fixtures', 'buildx');
const fixture = (name: string, file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
const logOf = (name: string) => parseRawJsonLog(fixture(name, 'rawjson.log'));
const recordOf = (name: string) => parseHistoryInspect(fixture(name, 'inspect.json'));

const CACHE_REF = '127.0.0.1:5000/bkca-fixtures/cache:20261122055259';
const BUSYBOX = 'sha256:a68d9f5b5f144e4d42f39b83de8440ffc6b4dd68628b700da09a38bd9a92797d';

/** `[stage n/m] command` → status, as a compact table row. */
const rows = (steps: BuildStep[]) => steps.map((s) => [s.name, s.status]);

const BUILD_ORDER = [
  '[base 2/2] RUN sleep 1 && echo base > /base.txt',
  '[build 1/5] WORKDIR /src',
  '[build 2/5] COPY a.txt .',
  '[build 3/5] RUN sleep 1 && cat a.txt > out.txt',
  '[build 4/5] COPY b.txt .',
  '[build 5/5] RUN sleep 1 && cat b.txt >> out.txt',
  '[stage-2 2/3] COPY --from=build /src/out.txt /out.txt',
  '[stage-2 3/3] RUN sleep 1 && cat /out.txt',
];

describe('parseRawJsonLog on recorded builds', () => {
  it('cold: every step ran, in build order, the import was not found, the export ran', () => {
    const log = logOf('cold');
    expect(rows(log.steps)).toStrictEqual(BUILD_ORDER.map((n) => [n, 'executed']));
    expect(log.steps.map((s) => [s.stage, s.index, s.total, s.instruction])).toStrictEqual([
      ['base', 2, 2, 'RUN'],
      ['build', 1, 5, 'WORKDIR'],
      ['build', 2, 5, 'COPY'],
      ['build', 3, 5, 'RUN'],
      ['build', 4, 5, 'COPY'],
      ['build', 5, 5, 'RUN'],
      ['stage-2', 2, 3, 'COPY'],
      ['stage-2', 3, 3, 'RUN'],
    ]);
    for (const s of log.steps) {
      expect(s.durationMs).toBeGreaterThan(0);
      expect(s.platform).toBe('');
      expect(s.startedAt).toMatch(/^2026-11-22T05:53:0\d\.\d+Z$/);
    }
    // Each RUN sleeps one second.
    for (const s of log.steps.filter((x) => x.instruction === 'RUN'))
      expect(s.durationMs).toBeGreaterThan(1000);
    expect(log.steps[0].command).toBe('RUN sleep 1 && echo base > /base.txt');
    expect(log.imports).toStrictEqual([
      {
        name: `importing cache manifest from ${CACHE_REF}`,
        source: CACHE_REF,
        durationMs: 5,
        error: `failed to configure registry cache importer: ${CACHE_REF}: not found`,
      },
    ]);
    expect(log.exports).toStrictEqual([{ name: 'exporting cache to registry', durationMs: 576 }]);
    expect(log.bases).toStrictEqual([
      {
        vertex: expect.stringMatching(/^sha256:/),
        stage: 'base',
        platform: '',
        image: '127.0.0.1:5000/busybox:latest',
        digest: BUSYBOX,
      },
    ]);
    expect(stepTotals(log.steps)).toStrictEqual({
      total: 8,
      cached: 0,
      executed: 8,
      notRun: 0,
      ratio: 0,
      executedMs: 5547,
    });
  });

  it('warm (after a prune, from the registry cache): every step cached, still in build order', () => {
    const log = logOf('warm');
    // BuildKit reports all of them at the same instant: the graph orders them.
    expect(new Set(log.steps.map((s) => s.startedAt)).size).toBe(1);
    expect(rows(log.steps)).toStrictEqual(BUILD_ORDER.map((n) => [n, 'cached']));
    expect(log.steps.every((s) => s.durationMs === 0)).toBe(true);
    expect(log.imports).toStrictEqual([
      { name: `importing cache manifest from ${CACHE_REF}`, source: CACHE_REF, durationMs: 20 },
    ]);
    expect(log.exports).toStrictEqual([{ name: 'exporting cache to registry', durationMs: 365 }]);
    expect(stepTotals(log.steps)).toStrictEqual({
      total: 8,
      cached: 8,
      executed: 0,
      notRun: 0,
      ratio: 1,
      executedMs: 0,
    });
  });

  it('partial (b.txt changed): COPY b.txt and everything after it ran', () => {
    const log = logOf('partial');
    expect(rows(log.steps)).toStrictEqual([
      [BUILD_ORDER[0], 'cached'],
      [BUILD_ORDER[1], 'cached'],
      [BUILD_ORDER[2], 'cached'],
      // Reported cached, then again while its layer was pulled: still one cached step.
      [BUILD_ORDER[3], 'cached'],
      [BUILD_ORDER[4], 'executed'],
      [BUILD_ORDER[5], 'executed'],
      [BUILD_ORDER[6], 'executed'],
      [BUILD_ORDER[7], 'executed'],
    ]);
    for (const s of log.steps.filter((x) => x.status === 'executed')) expect(s.durationMs).toBeGreaterThan(0);
    expect(log.imports.map((i) => [i.source, i.error])).toStrictEqual([[CACHE_REF, undefined]]);
    expect(stepTotals(log.steps)).toMatchObject({ total: 8, cached: 4, executed: 4, ratio: 0.5 });
  });

  it('failed: the failing RUN carries the error; the steps after it were not reached', () => {
    const log = logOf('failed');
    expect(rows(log.steps)).toStrictEqual([
      ['[base 2/2] RUN sleep 1 && echo base > /base.txt', 'cached'],
      ['[build 1/4] WORKDIR /src', 'cached'],
      ['[build 2/4] COPY a.txt .', 'cached'],
      ['[build 3/4] RUN sleep 1 && echo "about to fail" && exit 3', 'failed'],
      ['[build 4/4] COPY b.txt .', 'not-run'],
      ['[stage-2 2/2] COPY --from=build /src/a.txt /a.txt', 'not-run'],
    ]);
    const failed = log.steps[3];
    expect(failed.error).toBe(
      'process "/bin/sh -c sleep 1 && echo \\"about to fail\\" && exit 3" did not complete successfully: exit code: 3',
    );
    expect(failed.durationMs).toBeGreaterThan(1000);
    expect(log.steps[4].startedAt).toBe('');
    expect(log.exports).toStrictEqual([]);
    // Not reached is not cached: 3 of 6.
    expect(stepTotals(log.steps)).toStrictEqual({
      total: 6,
      cached: 3,
      executed: 1,
      notRun: 2,
      ratio: 0.5,
      executedMs: 1177,
    });
  });

  it('failed: progress of a concurrent build that shared the FROM vertex gives no stage of its own', () => {
    // The fixture holds four entries named `[deps 1/3] FROM …` from another build on the engine.
    expect(fixture('failed', 'rawjson.log')).toContain('[deps 1/3] FROM');
    const log = logOf('failed');
    expect(log.steps.some((s) => s.stage === 'deps')).toBe(false);
    expect(log.bases.map((b) => [b.stage, b.image, b.digest])).toStrictEqual([
      ['', '127.0.0.1:5000/busybox:latest', BUSYBOX],
    ]);
  });

  it('multiplatform: one step per platform, the amd64 part from the cache, linux/386 built', () => {
    const log = logOf('multiplatform');
    expect(log.steps).toHaveLength(16);
    const byPlatform = (p: string) =>
      log.steps.filter((s) => s.platform === p).map((s) => [s.name, s.status]);
    expect(byPlatform('linux/amd64')).toStrictEqual([
      ['[linux/amd64 base 2/2] RUN sleep 1 && echo base > /base.txt', 'cached'],
      ['[linux/amd64 build 1/5] WORKDIR /src', 'cached'],
      ['[linux/amd64 build 2/5] COPY a.txt .', 'cached'],
      ['[linux/amd64 build 3/5] RUN sleep 1 && cat a.txt > out.txt', 'cached'],
      // The cache was last written by the partial build, with another b.txt.
      ['[linux/amd64 build 4/5] COPY b.txt .', 'executed'],
      ['[linux/amd64 build 5/5] RUN sleep 1 && cat b.txt >> out.txt', 'executed'],
      ['[linux/amd64 stage-2 2/3] COPY --from=build /src/out.txt /out.txt', 'executed'],
      ['[linux/amd64 stage-2 3/3] RUN sleep 1 && cat /out.txt', 'executed'],
    ]);
    expect(byPlatform('linux/386')).toStrictEqual([
      ['[linux/386 base 2/2] RUN sleep 1 && echo base > /base.txt', 'executed'],
      ['[linux/386 build 1/5] WORKDIR /src', 'executed'],
      ['[linux/386 build 2/5] COPY a.txt .', 'executed'],
      ['[linux/386 build 3/5] RUN sleep 1 && cat a.txt > out.txt', 'executed'],
      ['[linux/386 build 4/5] COPY b.txt .', 'executed'],
      ['[linux/386 build 5/5] RUN sleep 1 && cat b.txt >> out.txt', 'executed'],
      // The same file as amd64's: BuildKit found the copy by content.
      ['[linux/386 stage-2 2/3] COPY --from=build /src/out.txt /out.txt', 'cached'],
      ['[linux/386 stage-2 3/3] RUN sleep 1 && cat /out.txt', 'executed'],
    ]);
    // Build order across platforms follows the start times.
    const starts = log.steps.filter((s) => s.startedAt !== '').map((s) => timeMicros(s.startedAt));
    expect(starts).toStrictEqual([...starts].sort((a, b) => a - b));
    expect(log.exports.map((e) => e.name)).toStrictEqual(['exporting cache to registry']);
    expect(stepTotals(log.steps)).toMatchObject({ total: 16, cached: 5, executed: 11 });
  });
});

describe('parseStepName', () => {
  it.each([
    {
      name: '[linux/amd64 build 2/3] RUN make -j4',
      want: {
        platform: 'linux/amd64',
        stage: 'build',
        index: 2,
        total: 3,
        instruction: 'RUN',
        command: 'RUN make -j4',
      },
    },
    {
      name: '[2/3] COPY . .',
      want: { platform: '', stage: '', index: 2, total: 3, instruction: 'COPY', command: 'COPY . .' },
    },
    {
      name: '[linux/arm/v7 stage-1 1/1] ADD https://example.invalid/x.tgz /x',
      want: {
        platform: 'linux/arm/v7',
        stage: 'stage-1',
        index: 1,
        total: 1,
        instruction: 'ADD',
        command: 'ADD https://example.invalid/x.tgz /x',
      },
    },
    {
      name: '[base 1/2] FROM 127.0.0.1:5000/busybox:latest@sha256:a68d',
      want: {
        platform: '',
        stage: 'base',
        index: 1,
        total: 2,
        instruction: 'FROM',
        command: 'FROM 127.0.0.1:5000/busybox:latest@sha256:a68d',
      },
    },
    {
      name: '[build 3/3] run <<EOF\necho hi\nEOF',
      want: {
        platform: '',
        stage: 'build',
        index: 3,
        total: 3,
        instruction: 'RUN',
        command: 'run <<EOF\necho hi\nEOF',
      },
    },
  ])('$name', ({ name, want }) => {
    expect(parseStepName(name)).toStrictEqual(want);
  });

  it.each([
    '[internal] load build definition from Dockerfile',
    '[linux/amd64 internal] load metadata for 127.0.0.1:5000/busybox:latest',
    'exporting to image',
    'importing cache manifest from 127.0.0.1:5000/x:y',
    'resolving provenance for metadata file',
  ])('%s is not a step', (name) => {
    expect(parseStepName(name)).toBeNull();
  });
});

describe('parseRawJsonLog on small streams', () => {
  const vertex = (digest: string, name: string, extra: Record<string, unknown> = {}) => ({
    digest,
    name,
    ...extra,
  });
  const doc = (...vertexes: object[]) => JSON.stringify({ vertexes });

  it('keeps steps, drops FROM and [internal] vertices, and turns FROM into base images', () => {
    const log = parseRawJsonLog(
      doc(
        vertex('sha256:def', '[internal] load build definition from Dockerfile', {
          started: '2026-01-01T00:00:00Z',
          completed: '2026-01-01T00:00:00.1Z',
        }),
        vertex('sha256:from', '[1/2] FROM docker.io/library/alpine:3.20@sha256:0123', {
          started: '2026-01-01T00:00:01Z',
          completed: '2026-01-01T00:00:01.5Z',
        }),
        vertex('sha256:run', '[2/2] RUN true', {
          inputs: ['sha256:from'],
          started: '2026-01-01T00:00:02Z',
          completed: '2026-01-01T00:00:02.25Z',
        }),
      ),
    );
    expect(log.steps.map((s) => [s.name, s.stage, s.status, s.durationMs, s.inputs])).toStrictEqual([
      ['[2/2] RUN true', '', 'executed', 250, ['sha256:from']],
    ]);
    expect(log.bases).toStrictEqual([
      {
        vertex: 'sha256:from',
        stage: '',
        platform: '',
        image: 'docker.io/library/alpine:3.20',
        digest: 'sha256:0123',
      },
    ]);
  });

  it('orders by start time with nanosecond precision, not by first listing', () => {
    const log = parseRawJsonLog(
      [
        doc(vertex('sha256:b', '[s 2/2] RUN b'), vertex('sha256:a', '[s 1/2] RUN a')),
        // …29.15Z is earlier than …29.1543Z, although it sorts later as text.
        doc(
          vertex('sha256:b', '[s 2/2] RUN b', {
            started: '2026-01-01T00:00:29.1543Z',
            completed: '2026-01-01T00:00:30Z',
          }),
        ),
        doc(
          vertex('sha256:a', '[s 1/2] RUN a', {
            started: '2026-01-01T00:00:29.15Z',
            completed: '2026-01-01T00:00:29.154Z',
          }),
        ),
      ].join('\n'),
    );
    expect(log.steps.map((s) => s.name)).toStrictEqual(['[s 1/2] RUN a', '[s 2/2] RUN b']);
    expect(log.steps[0].durationMs).toBe(4);
  });

  it('ignores progress a concurrent build left on a shared vertex before this build started', () => {
    const log = parseRawJsonLog(
      [
        doc(vertex('sha256:run', '[app 2/2] RUN make', { inputs: ['sha256:from'] })),
        // Another build ran the same step earlier, in its stage `deps`.
        doc(
          vertex('sha256:run', '[deps 3/3] RUN make', {
            started: '2026-01-01T00:00:01Z',
            completed: '2026-01-01T00:00:05Z',
          }),
          vertex('sha256:from', '[deps 1/3] FROM alpine:3.20@sha256:0123', {
            started: '2026-01-01T00:00:00Z',
            completed: '2026-01-01T00:00:00.5Z',
          }),
        ),
        doc(
          vertex('sha256:def', '[internal] load build definition from Dockerfile', {
            started: '2026-01-01T00:00:10Z',
            completed: '2026-01-01T00:00:10.1Z',
          }),
          vertex('sha256:run', '[deps 3/3] RUN make', {
            cached: true,
            started: '2026-01-01T00:00:11Z',
            completed: '2026-01-01T00:00:11Z',
          }),
        ),
      ].join('\n'),
    );
    expect(log.steps.map((s) => [s.name, s.stage, s.status, s.startedAt])).toStrictEqual([
      ['[app 2/2] RUN make', 'app', 'cached', '2026-01-01T00:00:11Z'],
    ]);
    // Only the other build named the FROM vertex: its image is right, its stage is not this build's.
    expect(log.bases.map((b) => [b.stage, b.image])).toStrictEqual([['', 'alpine:3.20']]);
  });

  it('falls back to stage and index for steps that never started', () => {
    const log = parseRawJsonLog(
      doc(
        vertex('sha256:2', '[b 2/2] RUN y'),
        vertex('sha256:1', '[b 1/2] RUN x'),
        vertex('sha256:0', '[a 1/1] RUN z'),
      ),
    );
    expect(log.steps.map((s) => [s.name, s.status])).toStrictEqual([
      ['[a 1/1] RUN z', 'not-run'],
      ['[b 1/2] RUN x', 'not-run'],
      ['[b 2/2] RUN y', 'not-run'],
    ]);
  });

  it('reads documents run together on one line and skips a torn last line', () => {
    const one = doc(
      vertex('sha256:1', '[1/1] RUN x', {
        started: '2026-01-01T00:00:00Z',
        completed: '2026-01-01T00:00:01Z',
      }),
    );
    const log = parseRawJsonLog(
      `${one}${doc(vertex('sha256:1', '[1/1] RUN x', { cached: true }))}\n{"vertexes":[{"dig`,
    );
    expect(log.steps.map((s) => s.status)).toStrictEqual(['cached']);
  });

  it('a step stopped by another failure is canceled, not failed', () => {
    const log = parseRawJsonLog(
      doc(
        vertex('sha256:1', '[a 1/1] RUN sleep 9', {
          started: '2026-01-01T00:00:00Z',
          completed: '2026-01-01T00:00:02Z',
          error: 'context canceled',
        }),
        vertex('sha256:2', '[b 1/1] RUN false', {
          started: '2026-01-01T00:00:00.5Z',
          completed: '2026-01-01T00:00:01Z',
          error: 'process "/bin/sh -c false" did not complete successfully: exit code: 1',
        }),
      ),
    );
    expect(log.steps.map((s) => [s.name, s.status])).toStrictEqual([
      ['[a 1/1] RUN sleep 9', 'canceled'],
      ['[b 1/1] RUN false', 'failed'],
    ]);
  });

  it('nothing usable → nothing', () => {
    expect(parseRawJsonLog('')).toStrictEqual({ steps: [], imports: [], exports: [], bases: [] });
    expect(parseRawJsonLog('WARNING: something\nnot json')).toStrictEqual({
      steps: [],
      imports: [],
      exports: [],
      bases: [],
    });
  });
});

describe('parseHistoryInspect on recorded builds', () => {
  it('failed: status, the error with its step, Dockerfile line and output', () => {
    const r = recordOf('failed')!;
    expect(r.status).toBe('failed');
    expect(r.error).toStrictEqual({
      message:
        'process "/bin/sh -c sleep 1 && echo \\"about to fail\\" && exit 3" did not complete successfully: exit code: 3',
      step: '[build 3/4] RUN sleep 1 && echo "about to fail" && exit 3',
      location: { file: 'Dockerfile.fail', line: 8, text: 'RUN sleep 1 && echo "about to fail" && exit 3' },
      logs: ['about to fail'],
    });
    // A failed build's record resolves no materials.
    expect(r.materials).toStrictEqual([]);
    expect(r.buildArgs).toStrictEqual([{ name: 'BASE_IMAGE', value: '127.0.0.1:5000/busybox:latest' }]);
    // BuildKit's counts include internal vertices: 12, where the build has 6 steps.
    expect([r.numCachedSteps, r.numTotalSteps]).toStrictEqual([3, 12]);
  });

  it.each([
    { name: 'cold', cached: 0, total: 16, platforms: [] as string[], platform: 'linux/amd64' },
    { name: 'warm', cached: 8, total: 16, platforms: [], platform: 'linux/amd64' },
    { name: 'partial', cached: 4, total: 16, platforms: [], platform: 'linux/amd64' },
    {
      name: 'multiplatform',
      cached: 5,
      total: 26,
      platforms: ['linux/amd64', 'linux/386'],
      platform: 'linux/386',
    },
  ])('$name: completed, materials and BuildKit counts', ({ name, cached, total, platforms, platform }) => {
    const r = recordOf(name)!;
    expect(r.status).toBe('completed');
    expect(r.error).toBeNull();
    expect(r.durationMs).toBeGreaterThan(0);
    expect(r.platforms).toStrictEqual(platforms);
    expect(r.materials).toStrictEqual([
      {
        uri: `pkg:docker/127.0.0.1:5000/busybox@latest?platform=${encodeURIComponent(platform)}`,
        image: '127.0.0.1:5000/busybox:latest',
        platform,
        digest: BUSYBOX,
      },
    ]);
    expect([r.numCachedSteps, r.numTotalSteps]).toStrictEqual([cached, total]);
  });

  it('is null for anything but a JSON object', () => {
    expect(parseHistoryInspect('')).toBeNull();
    expect(parseHistoryInspect('[]')).toBeNull();
  });

  it('reads plain-text sources and lower-case fields', () => {
    const r = parseHistoryInspect(
      JSON.stringify({
        status: 'failed',
        error: {
          message: 'boom',
          name: '[2/2] RUN x',
          sources: 'Dockerfile:3-4\n----\n   3 | >>> RUN x \\\n   4 | >>>   y\n',
        },
      }),
    );
    expect(r?.error).toStrictEqual({
      message: 'boom',
      step: '[2/2] RUN x',
      location: { file: 'Dockerfile', line: 3, text: 'RUN x \\ y' },
      logs: [],
    });
  });
});

describe('parseErrorSource', () => {
  it.each([
    ['Dockerfile:7\n---\n   7 | >>> RUN false\n', { file: 'Dockerfile', line: 7, text: 'RUN false' }],
    [
      'docker/app.Dockerfile:12\n---\n  11 |     COPY . .\n  12 | >>> RUN make\n',
      { file: 'docker/app.Dockerfile', line: 12, text: 'RUN make' },
    ],
    ['no location here', null],
  ])('%j', (text, want) => {
    expect(parseErrorSource(text)).toStrictEqual(want);
  });
});

describe('parseMetadata on recorded builds', () => {
  it('cold: ref, image digest, cache manifest (a JSON string in the file) and materials', () => {
    const m = parseMetadata(fixture('cold', 'metadata.json'));
    expect(m.ref).toBe('wufd5684lr0dvvjy581sv82gy');
    expect(m.digest).toBe('sha256:6d126ca5e5481cf2ffd94a19462529db3a0378a13d59176701c319863605eee5');
    expect(m.cacheManifest).toStrictEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:7489d6f655191bb5912f63d2b9b7d0fb48ef9b7c1630322176da4d1425470a66',
      size: 3193,
    });
    expect(m.materials.map((x) => [x.image, x.platform, x.digest])).toStrictEqual([
      ['127.0.0.1:5000/busybox:latest', 'linux/amd64', BUSYBOX],
    ]);
  });

  it('multiplatform: no provenance in the file, so no materials; the cache manifest is there', () => {
    const m = parseMetadata(fixture('multiplatform', 'metadata.json'));
    expect(m.materials).toStrictEqual([]);
    expect(m.cacheManifest?.size).toBe(1885);
    expect(parseMetadata(fixture('warm', 'metadata.json')).materials).toHaveLength(1);
  });

  it('tolerates an empty or broken file', () => {
    expect(parseMetadata('')).toMatchObject({ ref: null, digest: '', cacheManifest: null, materials: [] });
    expect(parseMetadata('{"cache.manifest":"{not json"}').cacheManifest).toBeNull();
  });
});

describe('parseMaterialUri', () => {
  it.each([
    [
      'pkg:docker/127.0.0.1:5000/busybox@latest?platform=linux%2Famd64',
      '127.0.0.1:5000/busybox:latest',
      'linux/amd64',
    ],
    ['pkg:docker/alpine@3.20?platform=linux%2Farm64%2Fv8', 'alpine:3.20', 'linux/arm64/v8'],
    ['pkg:docker/ghcr.io/o/r@sha256%3Aabc', 'ghcr.io/o/r@sha256:abc', ''],
    ['https://example.invalid/file.tgz', '', ''],
  ])('%s', (uri, image, platform) => {
    expect(parseMaterialUri(uri)).toStrictEqual({ image, platform });
  });
});

describe('timeMicros', () => {
  it.each([
    ['2026-11-22T05:50:14.877645Z', Date.UTC(2026, 10, 22, 5, 50, 14) * 1000 + 877645],
    ['2026-11-22T05:50:14.877645123Z', Date.UTC(2026, 10, 22, 5, 50, 14) * 1000 + 877645],
    ['2026-11-22T05:50:14Z', Date.UTC(2026, 10, 22, 5, 50, 14) * 1000],
    ['2026-11-22T06:50:14.5+01:00', Date.UTC(2026, 10, 22, 5, 50, 14) * 1000 + 500000],
  ])('%s', (ts, want) => {
    expect(timeMicros(ts)).toBe(want);
  });
});

describe('the provenance attachment: the cache mounts BuildKit used, recorded on the real engine', () => {
  // fixtures/buildx/mounts: four cache mounts, BUILDKIT_CACHE_MOUNT_NS=ns1, SLSA v0.2.
  it('the record names its provenance attachment', () => {
    expect(recordOf('mounts')!.provenanceDigests).toHaveLength(1);
    expect(recordOf('warm')!.provenanceDigests).toStrictEqual([
      'sha256:e2d8571bb79707d3de68bb1cd25f35bf59e3228d0f4d6cbb2644b8ed4e3053d0',
    ]);
    // One per platform: each lists that platform's mounts.
    expect(recordOf('multiplatform')!.provenanceDigests).toStrictEqual([
      'sha256:92985d48547ce758e0221c1a2e0d9289c348a845f3df8f6dacde9f2734639cc9',
      'sha256:363eb37c6c1532e11efcc40e101a31961631a95370254bddae9f4cbfc9ff4c9a',
    ]);
  });

  it("lists every exec mount with a cacheOpt: LLB id, path, sharing and its step's Dockerfile line", () => {
    // The fixture's Dockerfile has its two RUN steps on lines 3 and 6.
    expect(parseProvenanceCacheMounts(fixture('mounts', 'provenance.json'))).toStrictEqual([
      { llbId: 'ns1/node_modules', dest: '/app/node_modules', sharing: 'shared', line: 3 },
      { llbId: 'ns1//go/pkg/mod', dest: '/go/pkg/mod/', sharing: 'shared', line: 3 },
      { llbId: 'ns1/ccache-amd64', dest: '/ccache', sharing: 'locked', line: 6 },
      { llbId: 'ns1//root/.cache/pip', dest: '/root/.cache/pip', sharing: 'private', line: 6 },
    ]);
    const dockerfile = fixture('mounts', 'Dockerfile').split('\n');
    expect([dockerfile[2], dockerfile[5]].every((l) => l.startsWith('RUN --mount=type=cache'))).toBe(true);
  });

  it('the ids are the ones the Dockerfile reading predicts, once the namespace is off', () => {
    const used = parseProvenanceCacheMounts(fixture('mounts', 'provenance.json'))!;
    const scan = scanCacheMounts(fixture('mounts', 'Dockerfile'), '', ['BUILDKIT_CACHE_MOUNT_NS=ns1'], {
      target: 'linux/amd64',
      build: 'linux/amd64',
    });
    expect(used.map((u) => frontendCacheId(u.llbId, 'ns1')).sort()).toStrictEqual(
      scan.mounts.map((m) => m.id).sort(),
    );
  });

  it.each([
    { text: 'not json', want: null },
    { text: '{"buildConfig":{}}', want: [] },
    // protobuf's JSON names the enum, and SLSA v1 nests the definition elsewhere.
    {
      text: '{"predicate":{"buildDefinition":{"internalParameters":{"buildConfig":{"llbDefinition":[{"op":{"Op":{"exec":{"mounts":[{"dest":"/c","cacheOpt":{"ID":"/c","sharing":"LOCKED"}}]}}}}]}}}}}',
      want: [{ llbId: '/c', dest: '/c', sharing: 'locked' }],
    },
    // The source map names the line of the build's Dockerfile (source 0) only.
    {
      text: `{"buildConfig":{"llbDefinition":[{"id":"step1","op":{"Op":{"exec":{"mounts":[{"dest":"/c","cacheOpt":{"ID":"/c"}}]}}}},{"id":"step2","op":{"Op":{"exec":{"mounts":[{"dest":"/d","cacheOpt":{"ID":"/d"}}]}}}}]},"metadata":{"https://mobyproject.org/buildkit@v1#metadata":{"source":{"locations":{"step1":{"locations":[{"ranges":[{"start":{"line":4}}]}]},"step2":{"locations":[{"sourceIndex":1,"ranges":[{"start":{"line":9}}]}]}}}}}}`,
      want: [
        { llbId: '/c', dest: '/c', sharing: 'shared', line: 4 },
        { llbId: '/d', dest: '/d', sharing: 'shared' },
      ],
    },
  ])('$text', ({ text, want }) => {
    expect(parseProvenanceCacheMounts(text)).toStrictEqual(want);
  });
});
