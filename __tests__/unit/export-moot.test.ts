import type { BuildStep } from '../../src/buildx/parse/progress';
import type { CachePlan, PlannedCache } from '../../src/plan/planner';
import { mayBeMoot, mootExport } from '../../src/report/export-moot';

// An export is skipped only when the build was fully cached from the very cache it would write.
const FROM = 'type=gha,scope=app.branch-topic';
const TO = 'type=gha,scope=app.branch-topic,mode=max,ignore-error=true';
const read = (over: Partial<PlannedCache> = {}): PlannedCache => ({
  ref: 'branch:topic',
  why: 'own branch',
  entry: FROM,
  name: 'app.branch-topic',
  origin: 'own',
  ...over,
});
const planOf = (over: Partial<CachePlan> = {}): CachePlan => ({
  trigger: { kind: 'push-branch', branch: 'topic' },
  namespace: 'app',
  cacheFrom: [FROM],
  cacheTo: [TO],
  reads: [
    read(),
    read({
      ref: 'branch:main',
      entry: 'type=gha,scope=app.branch-main',
      name: 'app.branch-main',
      notRead: 'not found',
    }),
  ],
  writes: [{ ref: 'branch:topic', why: 'push', entry: TO, name: 'app.branch-topic' }],
  notes: [],
  ...over,
});
const step = (status: BuildStep['status']): BuildStep =>
  ({ name: '[build 1/2] RUN make', status }) as unknown as BuildStep;
const base = {
  plan: planOf(),
  steps: [step('cached'), step('cached')],
  freshBuilder: true,
  retriedWithoutCache: false,
};
const MOOT =
  'the build was fully cached from branch:topic, the very cache it would write: nothing new to export';

describe('mootExport: the export is skipped only when it would write nothing new', () => {
  it.each([
    {
      title: 'fully cached from the one cache it writes, on a builder of its own: skipped',
      o: base,
      want: MOOT,
    },
    { title: 'a step ran', o: { ...base, steps: [step('cached'), step('executed')] }, want: '' },
    // A step BuildKit never needed may hold records mode=max would add.
    {
      title: 'a step was not needed (a cached result downstream)',
      o: { ...base, steps: [step('cached'), step('not-run')] },
      want: '',
    },
    { title: 'no steps were read', o: { ...base, steps: null }, want: '' },
    {
      title: "the builder kept earlier builds' cache (docker driver, a named builder)",
      o: { ...base, freshBuilder: false },
      want: '',
    },
    {
      title: 'the build was retried without cache sources',
      o: { ...base, retriedWithoutCache: true },
      want: '',
    },
    {
      title: 'two sources were read',
      o: {
        ...base,
        plan: planOf({
          cacheFrom: [FROM, 'type=gha,scope=app.branch-main'],
          reads: [
            read(),
            read({ ref: 'branch:main', entry: 'type=gha,scope=app.branch-main', name: 'app.branch-main' }),
          ],
        }),
      },
      want: '',
    },
    {
      title: 'it also writes another cache (a push to the default branch writes its commit)',
      o: {
        ...base,
        plan: planOf({
          cacheTo: [TO, 'type=gha,scope=app.sha-abc,mode=max'],
          writes: [
            { ref: 'branch:topic', why: 'push', entry: TO, name: 'app.branch-topic' },
            {
              ref: 'sha:abc',
              why: 'commit',
              entry: 'type=gha,scope=app.sha-abc,mode=max',
              name: 'app.sha-abc',
            },
          ],
        }),
      },
      want: '',
    },
    {
      title: 'a raw cache-to entry is exported too',
      o: { ...base, plan: planOf({ cacheTo: [TO, 'type=local,dest=/x'] }) },
      want: '',
    },
    {
      title: 'it read another cache than it writes (a new branch read main)',
      o: {
        ...base,
        plan: planOf({
          cacheFrom: ['type=gha,scope=app.branch-main'],
          reads: [
            read({ ref: 'branch:main', entry: 'type=gha,scope=app.branch-main', name: 'app.branch-main' }),
          ],
        }),
      },
      want: '',
    },
    { title: 'nothing to export', o: { ...base, plan: planOf({ cacheTo: [], writes: [] }) }, want: '' },
  ])('$title', ({ o, want }) => {
    expect(mootExport(o)).toBe(want);
  });

  it('mayBeMoot: a moot export is possible only on a fresh builder (so only then is the record read first)', () => {
    expect(mayBeMoot(base)).toBe(true);
    expect(mayBeMoot({ ...base, freshBuilder: false })).toBe(false);
  });
});
