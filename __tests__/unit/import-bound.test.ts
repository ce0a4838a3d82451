import { ImportWatch } from '../../src/buildx/import-watch';
import { importProgressOf } from '../../src/buildx/parse/progress';
import { failureKind } from '../../src/facts/existing';

describe('importProgressOf: cache imports in the streamed progress', () => {
  it.each([
    {
      line: '#5 importing cache manifest from 127.0.0.1:5000/app-cache:default.branch-main',
      want: [{ vertex: '#5', source: '127.0.0.1:5000/app-cache:default.branch-main' }],
    },
    { line: '#5 importing cache manifest from gha:123456\r', want: [{ vertex: '#5', source: 'gha:123456' }] },
    { line: '#5 DONE 0.1s', want: [{ vertex: '#5', ended: true }] },
    { line: '#12 ERROR: failed to fetch', want: [{ vertex: '#12', ended: true }] },
    { line: '#7 CANCELED', want: [{ vertex: '#7', ended: true }] },
    { line: '#7 CACHED', want: [{ vertex: '#7', ended: true }] },
    { line: '#5 0.123 importing cache manifest from x', want: [] },
    { line: '#8 [build 2/3] RUN echo importing cache manifest from x', want: [] },
    {
      line: JSON.stringify({
        vertexes: [{ digest: 'sha256:a', name: 'importing cache manifest from gha:1', started: 't' }],
      }),
      want: [{ vertex: 'sha256:a', source: 'gha:1' }],
    },
    {
      line: JSON.stringify({
        vertexes: [{ digest: 'sha256:a', name: 'importing cache manifest from gha:1', completed: 't' }],
      }),
      want: [{ vertex: 'sha256:a', ended: true }],
    },
    { line: '{"vertexes": [', want: [] },
  ])('$line', ({ line, want }) => expect(importProgressOf(line)).toStrictEqual(want));
});

describe('ImportWatch: the bound is on each import, never on the build', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('an import still open at the bound aborts, and names its source', () => {
    const w = new ImportWatch(1000);
    w.onOutput('#1 [internal] load build definition\n#1 DONE 0.0s\n#5 importing cache manifest from reg');
    w.onOutput('istry:5000/a:b\n#6 importing cache manifest from gha:1\n#6 DONE 0.2s\n');
    jest.advanceTimersByTime(999);
    expect(w.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(w.signal.aborted).toBe(true);
    expect(w.stuck).toBe('registry:5000/a:b');
  });

  it('a build past its imports runs on, however long', () => {
    const w = new ImportWatch(1000);
    w.onOutput('#5 importing cache manifest from registry:5000/a:b\n');
    jest.advanceTimersByTime(900);
    w.onOutput('#5 DONE 0.9s\n#9 [build 2/3] RUN sleep 3600\n');
    jest.advanceTimersByTime(3_600_000);
    expect(w.signal.aborted).toBe(false);
    expect(w.stuck).toBeNull();
  });

  it('an engine that prints nothing within the bound is ended too (a builder held by a stuck import)', () => {
    const w = new ImportWatch(1000);
    jest.advanceTimersByTime(1000);
    expect(w.signal.aborted).toBe(true);
    expect(w.silent).toBe(true);
    expect(w.stuck).toBeNull();
    const heard = new ImportWatch(1000);
    heard.onOutput('#0 building with "default" instance using docker driver\n');
    jest.advanceTimersByTime(60_000);
    expect(heard.signal.aborted).toBe(false);
  });

  it('a bound above what a Node timer holds does not fire at once', () => {
    const w = new ImportWatch(2 ** 31 + 5000);
    w.onOutput('#0 building with "default" instance using docker driver\n');
    w.onOutput('#5 importing cache manifest from registry:5000/a:b\n');
    jest.advanceTimersByTime(60_000);
    expect(w.signal.aborted).toBe(false);
    w.stop();
  });
});

describe('failureKind: a check that got no answer', () => {
  it.each([
    { reason: 'registry 127.0.0.1:9: listing tags timed out after 5000 ms', kind: 'no-answer' },
    { reason: 'no answer within 3000 ms', kind: 'no-answer' },
    { reason: 'HEAD https://bucket/x: timed out', kind: 'no-answer' },
    { reason: 'rate-limited by GitHub (429); retry after 60 s, past the 3 s bound', kind: 'no-answer' },
    { reason: 'registry 127.0.0.1:9: listing tags failed: ECONNREFUSED', kind: true },
    { reason: 'registry x answered HTTP 500', kind: true },
  ])('$reason → $kind', ({ reason, kind }) => expect(failureKind(reason)).toBe(kind));
});
