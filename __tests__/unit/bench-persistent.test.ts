import { makeConfigs, PERSISTENT_CONFIG_IDS } from '../../bench/configs';
import { canRead, dockerfile, type IdealRun } from '../../bench/model';
import { persistentExportsByClass, persistentTable } from '../../bench/persistent';

// The benchmark's persistent-builder configuration (issue 31): one builder that keeps its state.

const runOf = (event: number, fork = false): IdealRun => ({
  id: `E${event}`,
  event,
  snap: { lock: 'l', src: 's' },
  target: '',
  token: [],
  fork,
});

describe('the persistent ideal', () => {
  it('reads every earlier job on the builder, a fork pull request included, never one of the same event', () => {
    expect(canRead('persistent', runOf(3), runOf(1, true))).toBe(true);
    expect(canRead('registry', runOf(3), runOf(1, true))).toBe(false);
    expect(canRead('persistent', runOf(3), runOf(3))).toBe(false);
  });
});

describe('the persistent configurations', () => {
  const configs = makeConfigs('127.0.0.1:5000', 'n0').filter((c) => PERSISTENT_CONFIG_IDS.includes(c.id));
  it('each has its own cache keys on the shared builder (a build-arg the base stage uses) and its own repository', () => {
    expect(configs.map((c) => c.inputs({} as never)['build-args'])).toStrictEqual([
      'BENCH_SALT=persistent-today',
      'BENCH_SALT=persistent-warm',
      'BENCH_SALT=persistent-min',
    ]);
    expect(new Set(configs.map((c) => c.repository)).size).toBe(3);
    expect(
      dockerfile({ baseImage: 'b', nonce: 'n', sleeps: { base: 1, deps: 1, build: 1, leg: 1 }, kib: 1 }),
    ).toMatch(/ARG BENCH_SALT\nRUN sleep 1 .* echo bench-n-\$BENCH_SALT > \/base.txt/);
  });
  it("today's plan runs where the runner does not say it is kept; the warm plan on a self-hosted runner", () => {
    const env = { RUNNER_ENVIRONMENT: 'github-hosted', PATH: '/bin' };
    expect(configs.map((c) => c.env?.(env).RUNNER_ENVIRONMENT)).toStrictEqual([
      undefined,
      'self-hosted',
      undefined,
    ]);
    expect(configs.map((c) => c.inputs({} as never)['cache-mode'])).toStrictEqual([
      undefined,
      undefined,
      'min',
    ]);
    expect(configs.every((c) => c.persistent && c.ideal === 'persistent')).toBe(true);
  });
});

describe('persistentTable', () => {
  const job = (
    config: 'persistent-today' | 'persistent-warm',
    cls: 'push-main' | 'push-branch',
    work: number,
    exp: string,
  ) => ({
    config,
    cls,
    work,
    cacheExport: exp,
    exportSeconds: 0,
    ideal: { work: 1 },
    timings: { wallMs: 2000, exportMs: exp === 'ok' ? 500 : 0 },
  });
  const jobs = [
    job('persistent-today', 'push-main', 1, 'ok'),
    job('persistent-today', 'push-branch', 1, 'ok'),
    job('persistent-warm', 'push-main', 1, 'ok'),
    job('persistent-warm', 'push-branch', 1, 'skipped'),
  ];
  it('gives work against the ideal, exports made and skipped, export time, bytes and wall time', () => {
    const t = persistentTable(
      jobs,
      ['persistent-today', 'persistent-warm'],
      [
        { config: 'persistent-today', writtenBytes: 2 * 1024 * 1024, bytes: 1024 * 1024 },
        { config: 'persistent-warm', writtenBytes: 1024 * 1024, bytes: 1024 * 1024 },
      ],
    );
    expect(t.rows).toStrictEqual([
      ['persistent-today', '2 / 2', '2', '0', '1.0', '2.0 MiB', '1.0 MiB', '4.0'],
      ['persistent-warm', '2 / 2', '1', '1', '0.5', '1.0 MiB', '1.0 MiB', '4.0'],
    ]);
  });
  it('per class: exports made of jobs', () => {
    expect(persistentExportsByClass(jobs, ['persistent-today', 'persistent-warm']).rows).toStrictEqual([
      ['push-main', '1/1', '1/1'],
      ['push-branch', '1/1', '0/1'],
    ]);
  });
});
