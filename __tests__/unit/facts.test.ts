import { dropMissingLocalSources } from '../../src/plan/facts';
import type { CachePlan } from '../../src/plan/plan';

describe('dropMissingLocalSources', () => {
  it('leaves out local folders not written yet and remembers them as misses', () => {
    const p = {
      cacheFrom: [
        'type=local,src=/c/default.pr-7',
        'type=local,src=/c/default.branch-main',
        'type=registry,ref=r:x',
      ],
      reads: [],
      notes: [],
    } as unknown as CachePlan;
    dropMissingLocalSources(p, (f) => f === '/c/default.branch-main/index.json');
    expect(p.cacheFrom).toStrictEqual(['type=local,src=/c/default.branch-main', 'type=registry,ref=r:x']);
    expect(p.missing).toStrictEqual(['type=local,src=/c/default.pr-7']);
  });
});
