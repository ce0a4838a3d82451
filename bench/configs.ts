import type { IdealKind } from './model';
import type { RunSpec } from './events';

// The configurations compared side by side. Each has its own cache: its own registry repository,
// or its own GitHub cache service (state), so none can read another's cache.

export type ConfigId =
  | 'none'
  | 'bpa-gha'
  | 'single-tag'
  | 'branch-tag'
  | 'action-gha'
  | 'action-registry'
  | 'action-gha-unchecked'
  | 'baseline-gha'
  | 'baseline-registry'
  | 'persistent-today'
  | 'persistent-warm'
  | 'persistent-min';

export interface Config {
  id: ConfigId;
  label: string;
  /** Which ideal its work is compared with (no cache: the lower, registry). */
  ideal: IdealKind;
  /** Needs a GitHub cache service of its own (and each job's runtime token). */
  gha: boolean;
  /** The action's own defaults: the subject of the goals. */
  subject: boolean;
  /** The registry repository its caches go to, if any. */
  repository?: string;
  /** The action's inputs for a job (besides `driver` and `target`). */
  inputs(run: RunSpec): Record<string, string>;
  /** Changes the job's environment, if set. */
  env?(env: Record<string, string>): Record<string, string>;
  /** Runs the copy of the action given by `--baseline=DIR` instead of this checkout's dist/. */
  baseline?: true;
  /** On one builder that keeps its state between jobs: never pruned, one workspace (issue 31). */
  persistent?: true;
}

export const CONFIG_IDS: ConfigId[] = [
  'none',
  'bpa-gha',
  'single-tag',
  'branch-tag',
  'action-gha',
  'action-registry',
];

/** Run only when named in `--configs=`: measurements of one situation, not part of the comparison. */
export const OPT_IN_CONFIG_IDS: ConfigId[] = [
  'action-gha-unchecked',
  'baseline-gha',
  'baseline-registry',
  'persistent-today',
  'persistent-warm',
  'persistent-min',
];

/**
 * The persistent-builder configurations: the engine's builder is not pruned between their jobs, so
 * they run only with each other (the others prune it), each with its own cache keys (a build-arg).
 */
export const PERSISTENT_CONFIG_IDS: ConfigId[] = ['persistent-today', 'persistent-warm', 'persistent-min'];

/** The configurations that run the `--baseline` copy of the action: before and after in one run. */
export const BASELINE_CONFIG_IDS: ConfigId[] = ['baseline-gha', 'baseline-registry'];

/** A registry tag from a branch or ref name (int128-style: invalid characters become `-`). */
export function tagOf(name: string): string {
  return name
    .replace(/^refs\/(heads|tags)\//, '')
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .slice(0, 128);
}

/**
 * Branch-tag caching as int128/docker-build-cache-config-action computes it (the harness plays
 * that action): a push to a branch reads and writes `:<branch>`; a pull request reads its base
 * and the default branch and writes nothing; anything else reads `:<ref>`. No merge-base, no
 * matrix legs.
 */
export function branchTagEntries(run: RunSpec, image: string): { from: string[]; to: string[] } {
  const e = run.event;
  const ref = (name: string) => `type=registry,ref=${image}:${tagOf(name)}`;
  if (e.name === 'push' && e.ref.startsWith('refs/heads/')) {
    return { from: [ref(e.ref)], to: [`${ref(e.ref)},mode=max`] };
  }
  if (e.name === 'pull_request') {
    const payload = e.payload as {
      pull_request: { base: { ref: string } };
      repository: { default_branch: string };
    };
    const from = [...new Set([payload.pull_request.base.ref, payload.repository.default_branch])].map(ref);
    return { from, to: [] };
  }
  return { from: [ref(e.ref)], to: [] };
}

export function makeConfigs(registry: string, nonce: string): Config[] {
  const repo = (name: string) => `${registry}/bench-${nonce}/${name}`;
  const single = repo('single-tag');
  const branch = repo('branch-tag');
  const action = repo('action-registry');
  const baseline = repo('baseline-registry');
  /** This action on the registry, on a builder that keeps its state, with its own keys there. */
  const persistent = (
    id: ConfigId,
    label: string,
    extra: Record<string, string>,
    runnerEnvironment: string,
  ) => ({
    id,
    label,
    ideal: 'persistent' as const,
    gha: false,
    subject: false,
    persistent: true as const,
    repository: repo(id),
    inputs: () => ({
      cache: 'registry',
      'cache-image': repo(id),
      'build-args': `BENCH_SALT=${id}`,
      ...extra,
    }),
    // Today's plan is the one for a runner that does not say it is kept (no RUNNER_ENVIRONMENT).
    env: (env: Record<string, string>) => {
      const out = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'RUNNER_ENVIRONMENT'));
      return runnerEnvironment ? { ...out, RUNNER_ENVIRONMENT: runnerEnvironment } : out;
    },
  });
  return [
    persistent('persistent-today', "this action, registry, persistent builder, today's plan", {}, ''),
    persistent(
      'persistent-warm',
      'this action, registry, persistent builder, warm plan (self-hosted)',
      {},
      'self-hosted',
    ),
    persistent(
      'persistent-min',
      "this action, registry, persistent builder, today's plan in cache-mode min",
      { 'cache-mode': 'min' },
      '',
    ),
    {
      id: 'none',
      label: 'no cache',
      ideal: 'registry',
      gha: false,
      subject: false,
      inputs: () => ({ cache: 'none' }),
    },
    {
      id: 'bpa-gha',
      label: 'build-push-action gha (one scope)',
      ideal: 'gha',
      gha: true,
      subject: false,
      // docker/build-push-action's README setup: every run, every leg, the `buildkit` scope.
      inputs: () => ({ cache: 'none', 'cache-from': 'type=gha', 'cache-to': 'type=gha,mode=max' }),
    },
    {
      id: 'single-tag',
      label: 'registry, one tag',
      ideal: 'registry',
      gha: false,
      subject: false,
      repository: single,
      // A fork's job has no registry credentials: it cannot push the cache.
      inputs: (run) => ({
        cache: 'none',
        'cache-from': `type=registry,ref=${single}:cache`,
        'cache-to': run.fork ? '' : `type=registry,ref=${single}:cache,mode=max`,
      }),
    },
    {
      id: 'branch-tag',
      label: 'registry, branch tags',
      ideal: 'registry',
      gha: false,
      subject: false,
      repository: branch,
      inputs: (run) => {
        const e = branchTagEntries(run, branch);
        return {
          cache: 'none',
          'cache-from': e.from.join('\n'),
          'cache-to': run.fork ? '' : e.to.join('\n'),
        };
      },
    },
    {
      id: 'action-gha',
      label: 'this action, gha',
      ideal: 'gha',
      gha: true,
      subject: true,
      inputs: () => ({ cache: 'gha' }),
    },
    {
      id: 'action-registry',
      label: 'this action, registry',
      ideal: 'registry',
      gha: false,
      subject: true,
      repository: action,
      inputs: () => ({ cache: 'registry', 'cache-image': action }),
    },
    {
      id: 'baseline-gha',
      label: 'the --baseline copy of this action, gha',
      ideal: 'gha',
      gha: true,
      subject: false,
      baseline: true,
      inputs: () => ({ cache: 'gha' }),
    },
    {
      id: 'baseline-registry',
      label: 'the --baseline copy of this action, registry',
      ideal: 'registry',
      gha: false,
      subject: false,
      baseline: true,
      repository: baseline,
      inputs: () => ({ cache: 'registry', 'cache-image': baseline }),
    },
    {
      // Which caches exist stays unknown: the action looks them up on the v1 service (no
      // ACTIONS_CACHE_SERVICE_V2), which the stand-in does not have, while `version=2` keeps
      // BuildKit on v2. Measures the rule for unknown existence (src/plan/narrow.ts).
      id: 'action-gha-unchecked',
      label: 'this action, gha, existence unknown',
      ideal: 'gha',
      gha: true,
      subject: false,
      inputs: () => ({ cache: 'gha', 'cache-options': 'version=2' }),
      env: (env) => Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'ACTIONS_CACHE_SERVICE_V2')),
    },
  ];
}
