import { CONFIG_IDS, makeConfigs, OPT_IN_CONFIG_IDS } from '../../bench/configs';
import type { RunSpec } from '../../bench/events';
import { parseInputs } from '../../src/runner/inputs/read';

// CI's smoke run of the benchmark replays the action's own two configurations only; the
// comparison configurations differ from them in their inputs alone. Those inputs are read here by
// the action's own reader, for a push and a pull request, so a comparison row cannot rot unseen.

const run = (name: string, ref: string, payload: object = {}): RunSpec =>
  ({
    id: 'E01',
    event: { name, ref, sha: 'a'.repeat(40), payload },
    fetch: { ref, local: ref, branch: null },
    target: '',
    token: [],
    fork: false,
    snap: { lock: 'l', src: 's' },
  }) as unknown as RunSpec;

const runs = [
  run('push', 'refs/heads/main'),
  run('pull_request', 'refs/pull/7/merge', {
    pull_request: { base: { ref: 'main' } },
    repository: { default_branch: 'main' },
  }),
];

describe('every benchmark configuration', () => {
  const configs = makeConfigs('127.0.0.1:5000', 'n0');

  it('is made, one per id', () => {
    expect(configs.map((c) => c.id).sort()).toStrictEqual(
      [...new Set([...CONFIG_IDS, ...OPT_IN_CONFIG_IDS])].sort(),
    );
  });

  it.each(makeConfigs('127.0.0.1:5000', 'n0').map((c) => [c.id, c] as const))(
    '%s gives inputs the action accepts, on a push and a pull request',
    (_id, config) => {
      for (const r of runs) {
        const inputs = { context: '.', ...config.inputs(r) };
        expect(() => parseInputs((name) => inputs[name as keyof typeof inputs] ?? '')).not.toThrow();
      }
    },
  );
});
