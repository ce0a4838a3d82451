import {
  type MountJob,
  type MountSeconds,
  MOUNT_TARGET,
  downloadsOf,
  mountClassRows,
  mountDockerfile,
  mountGoals,
  mountOverhead,
  renderMounts,
  stepOutput,
} from '../../bench/mounts-model';
import { scanCacheMounts } from '../../src/mounts/dockerfile';

// The benchmark's cache-mount scenario (bench/mounts-model.ts): its Dockerfile, how the work is
// read from the step's own output, and the tables and goals it prints.

describe('the generated Dockerfile', () => {
  const df = mountDockerfile({ baseImage: 'busybox:1', nonce: 'abc123', sleep: 0.5, kib: 8 });

  it('has one cache mount the action finds and persists', () => {
    const scan = scanCacheMounts(df, '', [], { target: 'linux/amd64', build: 'linux/amd64' });
    expect(scan.mounts.map((m) => [m.id, m.target, m.stage])).toStrictEqual([
      [MOUNT_TARGET, MOUNT_TARGET, '0'],
    ]);
    expect(scan.leftOut).toStrictEqual([]);
  });

  it('copies the sources before the step, so a source change re-runs it', () => {
    const lines = df.split('\n');
    const src = lines.indexOf('COPY src/ /app/src/');
    const step = lines.findIndex((l) => l.startsWith('RUN --mount=type=cache'));
    expect(src).toBeGreaterThan(0);
    expect(step).toBe(src + 1);
  });

  it('sleeps and writes the given size per download, and prints each one and the count', () => {
    expect(df).toContain('echo "bench-download $f"; sleep 0.5;');
    expect(df).toContain(`head -c 8192 /dev/urandom > ${MOUNT_TARGET}/$f.part`);
    expect(df).toContain('echo "bench-downloads $n of $t (bench-abc123)"');
  });
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('stepOutput', () => {
  it('keeps the log lines of the cache-mount step, across documents, and only those', () => {
    const raw = [
      JSON.stringify({
        vertexes: [
          { digest: 'sha256:a', name: '[1/3] COPY deps.lock /app/deps.lock' },
          { digest: 'sha256:b', name: '[3/3] RUN --mount=type=cache,target=/var/cache/deps n=0' },
        ],
      }),
      JSON.stringify({ logs: [{ vertex: 'sha256:b', data: b64('bench-download pkg-01-1.0.0\n') }] }),
      JSON.stringify({ logs: [{ vertex: 'sha256:a', data: b64('bench-download not-this\n') }] }),
      'not json',
      JSON.stringify({ logs: [{ vertex: 'sha256:b', data: b64('bench-downloads 1 of 12 (bench-x)\n') }] }),
    ].join('\n');
    expect(stepOutput(raw, '--mount=type=cache')).toBe(
      'bench-download pkg-01-1.0.0\nbench-downloads 1 of 12 (bench-x)\n',
    );
  });
});

describe('downloadsOf', () => {
  it.each([
    ['', [], null],
    ['bench-downloads 0 of 12 (bench-x)\n', [], 12],
    [
      'bench-download pkg-13-1.0.0\nbench-download pkg-14-1.0.0\nbench-downloads 2 of 14 (bench-x)\n',
      ['pkg-13-1.0.0', 'pkg-14-1.0.0'],
      14,
    ],
    // Cut off before the end: the downloads so far, no total.
    ['bench-download pkg-01-1.0.0\n', ['pkg-01-1.0.0'], null],
  ])('%j', (output, downloaded, total) => {
    expect(downloadsOf(output)).toStrictEqual({ downloaded, total });
  });
});

const secs = (restore: number, inject: number, extract: number, save: number) => ({
  restore,
  inject,
  extract,
  save,
});

function job(p: Partial<MountJob> & Pick<MountJob, 'event' | 'cls' | 'config' | 'work'>): MountJob {
  return {
    variant: 'small',
    downloads: p.work,
    total: 12,
    stepStatus: 'executed',
    stepSeconds: p.work + 0.2,
    mount: null,
    importSeconds: 0,
    buildSeconds: 0,
    exportSeconds: 0,
    wallSeconds: 0,
    exitCode: 0,
    ...p,
  };
}

const mount = (restore: string, saved: boolean, seconds: MountSeconds): NonNullable<MountJob['mount']> => ({
  restore,
  bytes: 1048576,
  saved,
  notSaved: saved ? '' : 'unchanged since it was restored',
  error: '',
  seconds,
});

/** One event under both configurations: the work without persistence, then with it and its mount. */
const both = (
  event: string,
  cls: MountJob['cls'],
  without: number,
  withMount: number,
  m: NonNullable<MountJob['mount']>,
): MountJob[] => [
  job({ event, cls, config: 'mounts-none', work: without }),
  job({ event, cls, config: 'mounts-auto', work: withMount, mount: m }),
];

// A history as the bench measures it: 1 s per download, 12 dependencies; a branch whose mount did
// not come back (its goals fail and say why).
const JOBS: MountJob[] = [
  ...both('M1', 'cold', 12, 12, mount('miss', true, secs(0.1, 0, 0.8, 0.5))),
  ...both('M2', 'main-source', 12, 0, mount('exact', false, secs(0.3, 0.9, 0.8, 0))),
  ...both('M3', 'main-lock', 14, 2, mount('exact', true, secs(0.3, 0.9, 0.8, 0.5))),
  ...both('M4', 'branch-first', 12, 12, mount('miss', true, secs(0.1, 0, 0.8, 0.5))),
];

describe('mountOverhead', () => {
  it('is restore + inject + extract + save, and 0 without a mount record', () => {
    expect(mountOverhead(JOBS[3])).toBe(2);
    expect(mountOverhead(JOBS[2])).toBe(0);
  });
});

describe('mountClassRows', () => {
  it('sums work without and with persistence, and the mount seconds, per class', () => {
    expect(mountClassRows(JOBS)).toStrictEqual([
      {
        cls: 'cold',
        jobs: 1,
        without: 12,
        with: 12,
        saved: 0,
        seconds: secs(0.1, 0, 0.8, 0.5),
        overhead: 1.4,
      },
      {
        cls: 'main-source',
        jobs: 1,
        without: 12,
        with: 0,
        saved: 12,
        seconds: secs(0.3, 0.9, 0.8, 0),
        overhead: 2,
      },
      {
        cls: 'main-lock',
        jobs: 1,
        without: 14,
        with: 2,
        saved: 12,
        seconds: secs(0.3, 0.9, 0.8, 0.5),
        overhead: 2.5,
      },
      {
        cls: 'branch-first',
        jobs: 1,
        without: 12,
        with: 12,
        saved: 0,
        seconds: secs(0.1, 0, 0.8, 0.5),
        overhead: 1.4,
      },
    ]);
  });

  it('leaves out the 100 MiB variant', () => {
    const large = job({ event: 'L1', cls: 'docs-only', config: 'mounts-auto', work: 0, variant: 'large' });
    expect(mountClassRows([large])).toStrictEqual([]);
  });
});

describe('mountGoals', () => {
  it('checks source-only changes against 0.2× cold and the overhead against the work saved, with why not', () => {
    expect(mountGoals(JOBS).map((g) => [g.goal, g.cls, g.value, g.met, g.why])).toStrictEqual([
      [
        'mount overhead < work it saves',
        'cold',
        '1.4s vs 0.0s saved',
        false,
        'nothing is cached yet, so nothing is saved: the cold run pays the extract and the save that later runs restore',
      ],
      ['source-only change: work ≤ 0.2× cold', 'main-source', '0.0s / 12.0s = 0.00×', true, ''],
      ['mount overhead < work it saves', 'main-source', '2.0s vs 12.0s saved', true, ''],
      ['mount overhead < work it saves', 'main-lock', '2.5s vs 12.0s saved', true, ''],
      [
        'source-only change: work ≤ 0.2× cold',
        'branch-first',
        '12.0s / 12.0s = 1.00×',
        false,
        'the mount was not restored with the dependencies the step needs',
      ],
      [
        'mount overhead < work it saves',
        'branch-first',
        '1.4s vs 0.0s saved',
        false,
        'the mount did not hold the dependencies this run needed',
      ],
    ]);
  });

  it('fails the source-only goal when the step did not re-run at all', () => {
    const cached = JOBS.map((j) =>
      j.event === 'M2' && j.config === 'mounts-auto' ? { ...j, stepStatus: 'cached', work: 0 } : j,
    );
    const g = mountGoals(cached).find((x) => x.cls === 'main-source' && x.goal.startsWith('source-only'));
    expect(g?.met).toBe(false);
    expect(g?.why).toBe(
      'the step did not re-run (a layer-cache hit): the scenario did not measure what it should',
    );
  });
});

describe('renderMounts', () => {
  it('prints a row per class, per event, and the 100 MiB comparison', () => {
    const large: MountJob[] = [
      job({
        event: 'L2',
        cls: 'main-source',
        config: 'bpa-gha',
        work: 12,
        variant: 'large',
        importSeconds: 0.1,
        buildSeconds: 16.2,
        exportSeconds: 5.5,
        wallSeconds: 23,
      }),
      job({
        event: 'L2',
        cls: 'main-source',
        config: 'mounts-auto',
        work: 0,
        variant: 'large',
        importSeconds: 0.2,
        buildSeconds: 4.1,
        exportSeconds: 5.8,
        wallSeconds: 19.4,
        mount: mount('exact', false, secs(1.5, 2.5, 2, 0)),
      }),
    ];
    const r = renderMounts([...JOBS, ...large], []);
    expect(r.small.rows[1]).toStrictEqual([
      'main-source',
      '1',
      '12.0',
      '0.0',
      '12.0',
      '0.3',
      '0.9',
      '0.8',
      '0.0',
      '2.0',
    ]);
    expect(r.events.rows[2]).toStrictEqual([
      'M3',
      'main-lock',
      '14/12',
      '2/12',
      'exact, saved',
      '1.0 MiB',
      '0.0',
      '0.0',
    ]);
    expect(r.large.rows).toStrictEqual([
      ['L2', 'main-source', 'bpa-gha', '12.0', '-', '0.1', '16.2', '5.5', '0.0', '-', '23.0'],
      ['L2', 'main-source', 'action-gha', '0.0', '12.0', '0.2', '4.1', '5.8', '6.0', 'exact', '19.4'],
    ]);
    expect(r.goals.rows).toStrictEqual([]);
  });
});
