import {
  type LegBuild,
  type MergeLegJob,
  type MergeSleeps,
  type MergeStep,
  legIdeal,
  measureLeg,
  mergeDockerfile,
  mergeGoals,
  mergeStepOf,
  planRound,
  renderMerge,
} from '../../bench/merge-model';

// The benchmark's multi-platform round (bench/merge-model.ts): its Dockerfile, which step a
// cache-report line is, each leg's ideal, and the goal and tables it prints.

const sleeps: MergeSleeps = { deps: 2, generate: 2, compile: 1 };
const v1 = { lock: 'lock-1', src: 'src-1' };
const v2 = { lock: 'lock-1', src: 'src-2' };
const v3 = { lock: 'lock-2', src: 'src-2' };
const AMD = 'linux/amd64';
const ARM = 'linux/arm64';
const build = (round: string, platform: string, group: number, snap = v1): LegBuild => ({
  round,
  platform,
  group,
  snap,
});

describe('the generated Dockerfile', () => {
  const df = mergeDockerfile({ baseImage: 'busybox:1', nonce: 'abc123', sleeps, kib: 8 });
  const lines = df.split('\n');

  it('runs every stage on the build platform and ends in scratch, so arm64 needs no emulation', () => {
    const froms = lines.filter((l) => l.startsWith('FROM '));
    expect(froms.slice(0, -1).every((l) => l.startsWith('FROM --platform=$BUILDPLATFORM '))).toBe(true);
    expect(froms.at(-1)).toBe('FROM scratch');
  });

  it('cross-compiles per target (compile follows ARG TARGETARCH): only that step differs per leg', () => {
    const arg = lines.indexOf('ARG TARGETARCH');
    expect(arg).toBeGreaterThan(0);
    expect(lines.slice(0, arg).some((l) => l.includes('TARGETARCH'))).toBe(false);
    expect(mergeStepOf(lines[arg + 1])).toBe('compile');
  });

  it('has each step once, as mergeStepOf reads it, with its sleep and the nonce', () => {
    const runs = lines.filter((l) => l.startsWith('RUN '));
    expect(runs.map(mergeStepOf)).toStrictEqual(['deps', 'generate', 'compile']);
    expect(runs.map((l) => /sleep (\d+)/.exec(l)?.[1])).toStrictEqual(['2', '2', '1']);
    expect(runs.every((l) => l.includes('head -c 8192 ') && l.endsWith('echo bench-abc123'))).toBe(true);
  });
});

describe('mergeStepOf', () => {
  it.each([
    ['RUN sleep 1 && head -c 1 /dev/urandom > /app/merge-deps.bin', 'deps'],
    ['RUN sleep 1 && head -c 1 /dev/urandom > /app/merge-gen.bin', 'generate'],
    ['RUN sleep 1 && head -c 1 /dev/urandom > /app/merge-bin-$TARGETARCH', 'compile'],
    ['COPY deps.lock /app/deps.lock', null],
    ['COPY --from=compile /app/ /app/', null],
    ['RUN echo something else', null],
  ])('%s', (text, step) => {
    expect(mergeStepOf(text)).toBe(step);
  });
});

describe('legIdeal: the steps no earlier build had', () => {
  it.each<[string, LegBuild[], LegBuild, MergeStep[], number]>([
    ['cold: everything', [], build('R1', AMD, 0), ['deps', 'generate', 'compile'], 5],
    [
      'a sibling of the same round runs at the same time: nothing to read',
      [build('R1', ARM, 0)],
      build('R1', AMD, 0),
      ['deps', 'generate', 'compile'],
      5,
    ],
    [
      'sources changed: the dependencies were built before',
      [build('R1', AMD, 0), build('R1', ARM, 0)],
      build('R2', AMD, 1, v2),
      ['generate', 'compile'],
      3,
    ],
    [
      'nothing in the build changed (docs only): nothing',
      [build('R1', AMD, 0), build('R1', ARM, 0)],
      build('R2', ARM, 1),
      [],
      0,
    ],
    [
      "a re-run leg after its sibling: the shared stages are the sibling's, its compile is its own",
      [build('R1', AMD, 0), build('R1', ARM, 0), build('R2', AMD, 1, v2)],
      build('R2', ARM, 2, v2),
      ['compile'],
      1,
    ],
    [
      'only the other platform built it before: compile is per target',
      [build('R1', AMD, 0)],
      build('R2', ARM, 1),
      ['compile'],
      1,
    ],
    [
      'the lock file changed: everything',
      [build('R1', AMD, 0, v2)],
      build('R2', AMD, 1, v3),
      ['deps', 'generate', 'compile'],
      5,
    ],
  ])('%s', (_name, history, me, steps, work) => {
    expect(legIdeal(history, me, sleeps)).toStrictEqual({ steps, work });
  });
});

describe('planRound', () => {
  it('gives a re-run group the earlier group of the same round to read, and returns the round’s builds', () => {
    const history = [build('R1', AMD, 0), build('R1', ARM, 0)];
    const p = planRound(history, { round: 'R2', firstGroup: 1, groups: [[AMD], [ARM]], snap: v2, sleeps });
    expect(p.legs.map((l) => [l.platform, l.attempt, l.ideal.work])).toStrictEqual([
      [AMD, '1', 3],
      [ARM, '2', 1],
    ]);
    expect(p.builds.map((b) => [b.platform, b.group])).toStrictEqual([
      [AMD, 1],
      [ARM, 2],
    ]);
  });

  it('gives legs started together the same ideal', () => {
    const p = planRound([], { round: 'R1', firstGroup: 0, groups: [[AMD, ARM]], snap: v1, sleeps });
    expect(p.legs.map((l) => l.ideal.work)).toStrictEqual([5, 5]);
  });
});

const base = (platform: string, round = 'R2') => ({
  config: 'action-gha',
  round,
  cls: 'source' as const,
  platform,
  attempt: '1',
  reads: [],
  cachedSteps: 0,
  totalSteps: 0,
  wallSeconds: 1,
});
const line = (step: MergeStep) =>
  ({ deps: '/app/merge-deps.bin', generate: '/app/merge-gen.bin', compile: '/app/merge-bin-$TARGETARCH' })[
    step
  ];
const steps = (status: Partial<Record<MergeStep, string>>) =>
  Object.entries(status).map(([s, st]) => ({ step: `RUN sleep 1 > ${line(s as MergeStep)}`, status: st }));

describe('measureLeg', () => {
  const history = [build('R1', AMD, 0), build('R1', ARM, 0)];

  it('counts executed and failed steps, not cached ones, and names where a lost step was', () => {
    const me = build('R2', ARM, 1, v2);
    const j = measureLeg(
      base(ARM),
      steps({ deps: 'executed', generate: 'failed', compile: 'cached' }),
      history,
      me,
      sleeps,
    );
    expect(j.executed).toStrictEqual(['deps', 'generate']);
    expect(j.work).toBe(4);
    expect(j.ideal).toStrictEqual({ steps: ['generate', 'compile'], work: 3 });
    expect(j.lost).toStrictEqual([{ step: 'deps', heldBy: ['R1 linux/amd64', 'R1 linux/arm64'] }]);
  });

  it('loses nothing at the ideal', () => {
    const j = measureLeg(
      base(AMD),
      steps({ deps: 'cached', generate: 'executed', compile: 'executed' }),
      history,
      build('R2', AMD, 1, v2),
      sleeps,
    );
    expect([j.work, j.lost]).toStrictEqual([3, []]);
  });
});

const job = (o: Partial<MergeLegJob>): MergeLegJob => ({
  ...base(AMD),
  executed: [],
  work: 0,
  ideal: { steps: [], work: 0 },
  lost: [],
  ...o,
});

describe('mergeGoals', () => {
  it('is met per configuration when its legs execute the ideal, and says which step was lost where', () => {
    const goals = mergeGoals([
      job({ work: 3, ideal: { steps: ['generate', 'compile'], work: 3 } }),
      job({ config: 'action-registry', work: 3, ideal: { steps: ['generate', 'compile'], work: 3 } }),
      job({
        config: 'action-registry',
        platform: ARM,
        work: 2,
        ideal: { steps: [], work: 0 },
        lost: [{ step: 'deps', heldBy: ['R1 linux/amd64'] }],
      }),
    ]);
    expect(goals.map((g) => [g.config, g.value, g.met])).toStrictEqual([
      ['action-gha', '3s / 3s', true],
      ['action-registry', '5s / 3s', false],
    ]);
    expect(goals[1].why).toBe('executed although readable: R2 linux/arm64 deps (held by R1 linux/amd64)');
  });
});

describe('renderMerge', () => {
  it('marks a leg above its ideal with ! and below it with ?, and a re-run with its attempt', () => {
    const r = renderMerge(
      [
        job({ work: 5, ideal: { steps: ['deps'], work: 2 }, executed: ['deps', 'generate'] }),
        job({ platform: ARM, attempt: '2', work: 0, ideal: { steps: ['compile'], work: 1 } }),
      ],
      [
        {
          config: 'action-gha',
          round: 'R2',
          attempt: '2',
          wallSeconds: 1.25,
          build: 'not-run',
          platforms: [AMD, ARM],
          missing: [],
          leftTags: [],
          digest: 'sha256:x',
        },
      ],
      [],
    );
    expect(r.legs.rows.map((row) => [row[3], row[4], row[6]])).toStrictEqual([
      [AMD, 'deps,generate', '5/2 !'],
      [`${ARM} (attempt 2)`, '-', '0/1 ?'],
    ]);
    expect(r.merges.rows).toStrictEqual([['R2', 'action-gha', '2', 'not-run', `${AMD},${ARM}`, '0', '1.3']]);
  });
});
