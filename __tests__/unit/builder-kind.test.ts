import { checkoutOrigin, lookWarmth, recordNames, warmthFrom } from '../../src/buildx/warmth';
import { pluginBuildx } from '../../src/buildx/buildx';
import type { Exec } from '../../src/lib/exec';
import {
  type BuilderFacts,
  type BuilderNature,
  builderKind,
  warmBuilderSkip,
} from '../../src/plan/builder-kind';
import type { CachePlan } from '../../src/plan/planner';
import { builderReport, hitSources } from '../../src/report/hit-sources';
import { renderSummary } from '../../src/report/summary';
import type { CacheReport, ImportResult } from '../../src/report/types';

describe('builderKind: ephemeral or persistent, and why', () => {
  it.each<[BuilderFacts, string, RegExp]>([
    [
      { source: 'created', driver: 'docker-container', runnerEnvironment: 'self-hosted' },
      'ephemeral',
      /this run created/,
    ],
    [
      { source: 'created', driver: 'remote', runnerEnvironment: 'github-hosted' },
      'persistent',
      /remote driver/,
    ],
    [
      { source: 'stable', driver: 'kubernetes', runnerEnvironment: 'github-hosted' },
      'persistent',
      /kubernetes driver/,
    ],
    [{ source: 'named', driver: 'remote', runnerEnvironment: '' }, 'persistent', /remote driver/],
    [
      { source: 'named', driver: 'docker-container', runnerEnvironment: 'github-hosted' },
      'ephemeral',
      /GitHub-hosted/,
    ],
    [
      { source: 'named', driver: 'docker-container', runnerEnvironment: 'self-hosted' },
      'persistent',
      /self-hosted.*named builder/,
    ],
    [
      { source: 'named', driver: 'docker-container', runnerEnvironment: '' },
      'persistent',
      /named by the builder input/,
    ],
    [
      { source: 'current', driver: 'docker-container', runnerEnvironment: 'github-hosted' },
      'ephemeral',
      /GitHub-hosted/,
    ],
    [
      { source: 'current', driver: 'docker-container', runnerEnvironment: 'self-hosted' },
      'persistent',
      /current builder/,
    ],
    [
      { source: 'engine', driver: 'docker', runnerEnvironment: 'github-hosted' },
      'ephemeral',
      /GitHub-hosted/,
    ],
    [
      { source: 'engine', driver: 'docker', runnerEnvironment: 'self-hosted' },
      'persistent',
      /engine's own builder keeps/,
    ],
    [{ source: 'engine', driver: 'docker', runnerEnvironment: '' }, 'ephemeral', /taken as a fresh runner/],
  ])('%j is %s', (facts, kind, why) => {
    const said = builderKind(facts);
    expect(said.kind).toBe(kind);
    expect(said.why).toMatch(why);
  });
});

const TO = 'type=registry,ref=r/c:branch-topic,mode=max';
const planOf = (over: Partial<CachePlan> = {}): CachePlan => ({
  trigger: { kind: 'push-branch', branch: 'topic' },
  namespace: 'app',
  cacheFrom: ['type=registry,ref=r/c:branch-topic'],
  cacheTo: [TO],
  reads: [],
  writes: [{ ref: 'branch:topic', why: 'push', entry: TO, name: 'app.branch-topic' }],
  notes: [],
  ...over,
});
const warm: BuilderNature = {
  kind: 'persistent',
  why: 'a self-hosted runner',
  warmth: { warm: true, why: 'its history holds a completed build of app', ref: 'abc' },
};

describe('warmBuilderSkip: a warm persistent builder skips a branch or pull request export', () => {
  it.each<[string, Parameters<typeof warmBuilderSkip>[0], RegExp | '']>([
    [
      'a branch push on a warm persistent builder: skipped',
      { plan: planOf(), nature: warm, write: 'auto' },
      /persistent and warm.*this branch's next build/,
    ],
    [
      'a pull request on a warm persistent builder: skipped',
      {
        plan: planOf({ trigger: { kind: 'pull-request', number: 3, base: 'main', fromFork: false } }),
        nature: warm,
        write: 'auto',
      },
      /this pull request's next build/,
    ],
    ['cache-write: always exports', { plan: planOf(), nature: warm, write: 'always' }, ''],
    [
      'the default branch keeps exporting',
      { plan: planOf({ trigger: { kind: 'push-default', branch: 'main' } }), nature: warm, write: 'auto' },
      '',
    ],
    [
      'a cold persistent builder exports',
      { plan: planOf(), nature: { ...warm, warmth: { warm: false, why: 'no build' } }, write: 'auto' },
      '',
    ],
    [
      'an ephemeral builder exports',
      { plan: planOf(), nature: { kind: 'ephemeral', why: 'fresh', warmth: null }, write: 'auto' },
      '',
    ],
    [
      'a raw cache-to entry is kept',
      { plan: planOf({ cacheTo: [TO, 'type=local,dest=/x'] }), nature: warm, write: 'auto' },
      '',
    ],
    ['nothing to export', { plan: planOf({ cacheTo: [], writes: [] }), nature: warm, write: 'auto' }, ''],
  ])('%s', (_title, o, want) => {
    const why = warmBuilderSkip(o);
    if (want === '') expect(why).toBe('');
    else expect(why).toMatch(want);
  });
});

describe('recordNames: the names buildx may give the build record', () => {
  it.each<[{ context: string; file: string; target: string }, string, string | null, string[]]>([
    [{ context: '.', file: '', target: '' }, '/w/repo', null, ['repo']],
    [{ context: 'ctx', file: '', target: '' }, '/w/repo', null, ['ctx']],
    [{ context: 'ctx', file: 'ctx/Dockerfile', target: '' }, '/w/repo', null, ['ctx']],
    [
      { context: 'ctx', file: 'ctx/sub/My.Dockerfile', target: 'b' },
      '/w/repo',
      null,
      ['ctx/sub/My.Dockerfile (b)'],
    ],
    [
      { context: '.', file: '', target: 'app' },
      '/w/repo',
      'https://github.com/o/r',
      ['repo (app)', 'https://github.com/o/r (app)'],
    ],
    [
      { context: 'https://github.com/o/r.git#abc123', file: '', target: 'app' },
      '/w',
      'x',
      ['https://github.com/o/r.git#abc123 (app)'],
    ],
  ])('%j in %s (origin %s): %j', (build, cwd, origin, want) => {
    expect(recordNames(build, cwd, origin)).toStrictEqual(want);
  });
});

const line = (o: Record<string, unknown>) => JSON.stringify(o);
describe('warmthFrom: the builder history says whether it built this before', () => {
  const listing = [
    line({ ref: 'default/default/r3', name: 'repo', status: 'Running', created_at: '2026-12-07T18:00:00Z' }),
    line({
      ref: 'default/default/r2',
      name: 'other',
      status: 'Completed',
      created_at: '2026-12-07T17:00:00Z',
    }),
    line({
      ref: 'default/default/r1',
      name: 'repo',
      status: 'Completed',
      created_at: '2026-12-07T16:00:00Z',
    }),
    'not json',
  ].join('\n');
  it('finds the newest completed build of this name', () => {
    expect(warmthFrom(listing, ['repo'])).toStrictEqual({
      warm: true,
      why: 'its history holds a completed build of repo at 2026-12-07 16:00:00 UTC, record r1',
      ref: 'r1',
    });
  });
  it('a Git context matches across commits (the ref is not part of the name)', () => {
    const git = line({ ref: 'b/b/g1', name: 'https://h/o/r.git#old', status: 'Completed' });
    expect(warmthFrom(git, ['https://h/o/r.git#new']).warm).toBe(true);
  });
  it("a checkout's record named after its remote matches the origin, however spelled, and shows no credentials", () => {
    const git = line({
      ref: 'b/b/g2',
      name: 'https://x-access-token:secret@h/o/r.git (app)',
      status: 'Completed',
    });
    const w = warmthFrom(git, ['checkout-1 (app)', 'https://h/o/r (app)']);
    expect(w.warm).toBe(true);
    expect(w.why).toBe('its history holds a completed build of https://***@h/o/r.git (app), record g2');
  });
  it('another target of the same context is not this build', () => {
    const other = line({ ref: 'b/b/g3', name: 'repo (test)', status: 'Completed' });
    expect(warmthFrom(other, ['repo (app)']).warm).toBe(false);
  });
  it('a running or failed build of the name does not make it warm', () => {
    const only = [
      line({ ref: 'x/x/a', name: 'repo', status: 'Running' }),
      line({ ref: 'x/x/b', name: 'repo', status: 'Error' }),
    ].join('\n');
    expect(warmthFrom(only, ['repo'])).toStrictEqual({
      warm: false,
      why: 'none of the 2 builds in its history is a completed build of repo',
    });
  });
  it('an empty history is cold', () => {
    expect(warmthFrom('', ['repo'])).toStrictEqual({ warm: false, why: 'its history holds no build yet' });
  });
});

describe('lookWarmth: one buildx call', () => {
  const buildx = pluginBuildx('0.29.1');
  it('runs `buildx history ls --builder X --format json` and reads it', async () => {
    const calls: string[][] = [];
    const exec: Exec = async (_cmd, args) => {
      calls.push([...args]);
      return {
        exitCode: 0,
        stdout: line({ ref: 'b/b/r', name: 'repo', status: 'Completed' }),
        stderr: '',
        timedOut: false,
      };
    };
    expect((await lookWarmth(exec, buildx, 'ci', ['repo'])).warm).toBe(true);
    expect(calls).toStrictEqual([['buildx', 'history', 'ls', '--builder', 'ci', '--format', 'json']]);
  });
  it('an unreadable history is taken as cold', async () => {
    const exec: Exec = async () => ({
      exitCode: 1,
      stdout: '',
      stderr: 'unknown command "history"',
      timedOut: false,
    });
    expect(await lookWarmth(exec, buildx, 'ci', ['repo'])).toStrictEqual({
      warm: false,
      why: 'its history could not be read (unknown command "history"): taken as cold',
    });
  });
});

describe('checkoutOrigin: one git call', () => {
  it('reads origin, or null without one', async () => {
    const calls: string[][] = [];
    const answer =
      (exitCode: number, stdout: string): Exec =>
      async (cmd, args) => {
        calls.push([cmd, ...args]);
        return { exitCode, stdout, stderr: '', timedOut: false };
      };
    expect(await checkoutOrigin(answer(0, 'https://github.com/o/r\n'), '/w/r')).toBe(
      'https://github.com/o/r',
    );
    expect(await checkoutOrigin(answer(2, ''), '/w/r')).toBeNull();
    expect(calls[0]).toStrictEqual(['git', '-C', '/w/r', 'remote', 'get-url', 'origin']);
  });
});

const imported = (ref: string): ImportResult => ({ source: ref, ref, result: 'imported', seconds: 0.1 });
const notFound: ImportResult = { source: 'x', ref: 'branch:x', result: 'not-found', seconds: 0 };
describe('hitSources: the builder own cache or the imports', () => {
  const cold: BuilderNature = { ...warm, warmth: { warm: false, why: 'no build' } };
  const fresh: BuilderNature = { kind: 'ephemeral', why: 'new', warmth: null };
  it.each<[string, BuilderNature, ImportResult[], number, number | null, number | null, RegExp]>([
    [
      'nothing imported: all from the builder',
      warm,
      [notFound],
      3,
      3,
      0,
      /builder's own cache: no source was imported/,
    ],
    [
      'a fresh builder: all from the imports',
      fresh,
      [imported('branch:main')],
      3,
      0,
      3,
      /imports \(branch:main\): the builder is new/,
    ],
    [
      'a cold persistent builder: from the imports',
      cold,
      [imported('branch:main')],
      2,
      0,
      2,
      /had not built this before/,
    ],
    [
      'a warm builder and an import: not counted apart',
      warm,
      [imported('branch:main')],
      2,
      null,
      null,
      /own cache first.*do(es)? not count/,
    ],
  ])('%s', (_t, nature, imports, cached, fromBuilder, fromImports, text) => {
    const h = hitSources(nature, imports, cached);
    expect(h).toMatchObject({ fromBuilder, fromImports });
    expect(h?.text).toMatch(text);
  });
  it('nothing cached: nothing to say', () => {
    expect(hitSources(warm, [imported('branch:main')], 0)).toBeNull();
  });
});

describe('the job summary names the builder kind and where the hits came from', () => {
  const report = (): CacheReport => ({
    version: 1,
    backend: 'registry',
    trigger: 'push-branch',
    namespace: 'app',
    build: 'succeeded',
    plan: { reads: [], writes: [], notes: [] },
    tokenScopes: null,
    steps: {
      total: 2,
      cached: 2,
      executed: 0,
      notRun: 0,
      ratio: 1,
      executedSeconds: 0,
      firstExecuted: [],
      list: [],
    },
    imports: [notFound],
    export: {
      status: 'skipped',
      reason: 'the builder is persistent and warm',
      seconds: 0,
      destinations: [TO],
      manifest: null,
      sizes: [],
    },
    record: null,
    error: null,
    baseImages: [],
    likelyReasons: [],
    timings: null,
    builder: builderReport({ name: 'default', driver: 'docker', nature: warm }, [notFound], 2),
  });
  it('says persistent, why, warm, and that the hits were the builder own', () => {
    const md = renderSummary(report());
    expect(md).toContain(
      'Builder `default` (driver docker): **persistent** (it outlives the job): a self-hosted runner.',
    );
    expect(md).toContain('Warm: its history holds a completed build of app.');
    expect(md).toContain(
      "Where the hits came from: all 2 cached steps came from the builder's own cache: no source was imported.",
    );
    expect(md).toContain('➖ skipped: the builder is persistent and warm.');
  });
});
