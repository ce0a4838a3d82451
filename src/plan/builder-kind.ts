import type { CacheWrite } from '../runner/inputs/types';
import type { CachePlan } from './planner';

/**
 * Whether the builder outlives the job, and whether it already holds this build. Pure: the
 * builder chosen, the runner's environment and what the builder's history says in; kinds and
 * reasons out. See docs/builders.md.
 */

/** `ephemeral`: the builder's cache goes with the job. `persistent`: the next job finds it. */
export type BuilderKind = 'ephemeral' | 'persistent';

/** How the builder was chosen (src/buildx/builder.ts). */
export type BuilderSource =
  /** This run created it (docker-container, remote): post removes it unless cleanup is false. */
  | 'created'
  /** A kubernetes builder under its stable name, created now or found from an earlier job. */
  | 'stable'
  /** The `builder` input names it. */
  | 'named'
  /** The current builder docker/setup-buildx-action made. */
  | 'current'
  /** `driver: docker`: the engine's own builder. */
  | 'engine';

export interface BuilderFacts {
  source: BuilderSource;
  /** Its driver: docker-container, docker, remote, kubernetes, … ('' when not known). */
  driver: string;
  /** `RUNNER_ENVIRONMENT`: `github-hosted`, `self-hosted`, or '' where the runner does not say. */
  runnerEnvironment: string;
}

/** What this builder's history says of this build, before it starts. */
export interface Warmth {
  warm: boolean;
  why: string;
  /** The newest earlier record of this build, when there is one. */
  ref?: string;
}

export interface BuilderNature {
  kind: BuilderKind;
  why: string;
  /** Looked up in the builder's history for a persistent builder; null when not looked (ephemeral). */
  warmth: Warmth | null;
}

/** Drivers whose BuildKit runs elsewhere and outlives any runner. */
const OUTLIVING_DRIVERS: Record<string, string> = {
  remote: 'the remote driver: a BuildKit service that outlives the job',
  kubernetes: 'the kubernetes driver: BuildKit pods (and their volumes) kept between jobs',
};

/**
 * The kind of builder, by the first row that says something ('' passes). A GitHub-hosted runner
 * is a fresh virtual machine: its engine and every builder on it go with the job. A self-hosted
 * runner keeps its engine. Where the runner does not say (an older runner, a local harness), an
 * engine-bound builder is taken as fresh: the plan then writes as it always has.
 */
const KIND_RULES: ((f: BuilderFacts) => { kind: BuilderKind; why: string } | null)[] = [
  (f) => (OUTLIVING_DRIVERS[f.driver] ? { kind: 'persistent', why: OUTLIVING_DRIVERS[f.driver] } : null),
  (f) =>
    f.source === 'created'
      ? { kind: 'ephemeral', why: `a new ${f.driver || 'builder'} builder this run created` }
      : null,
  (f) =>
    f.runnerEnvironment === 'github-hosted'
      ? { kind: 'ephemeral', why: 'a GitHub-hosted runner: its engine and builders go with the job' }
      : null,
  (f) =>
    f.runnerEnvironment === 'self-hosted'
      ? {
          kind: 'persistent',
          why: `a self-hosted runner (RUNNER_ENVIRONMENT=self-hosted): ${SELF_HOSTED[f.source]}`,
        }
      : null,
  (f) =>
    f.source === 'named'
      ? {
          kind: 'persistent',
          why: 'a builder named by the builder input, on a runner that does not say it is fresh',
        }
      : null,
  () => ({
    kind: 'ephemeral',
    why: 'RUNNER_ENVIRONMENT does not say the runner is kept: taken as a fresh runner',
  }),
];

const SELF_HOSTED: Record<BuilderSource, string> = {
  created: 'its builder',
  stable: 'its builder',
  named: 'the named builder keeps its cache between jobs',
  current: 'the current builder keeps its cache between jobs',
  engine: "the engine's own builder keeps its cache between jobs",
};

export function builderKind(f: BuilderFacts): { kind: BuilderKind; why: string } {
  for (const rule of KIND_RULES) {
    const said = rule(f);
    if (said) return said;
  }
  /* c8 ignore next */
  throw new Error('unreachable: the last rule always answers');
}

interface WarmExportInput {
  plan: CachePlan;
  nature: BuilderNature;
  write: CacheWrite;
}

/**
 * Why the export still runs on this builder, one reason per row ('' passes). An export is worth
 * its cost only when another builder reads it: the default branch keeps exporting (other replicas,
 * other architectures, GitHub-hosted fallbacks start from it); a branch or a pull request built on
 * a builder that already holds this build is read back by that same builder, from its own cache.
 */
const EXPORT_STILL_NEEDED: ((o: WarmExportInput) => string)[] = [
  (o) => (o.write === 'always' ? 'cache-write: always' : ''),
  (o) => (o.plan.cacheTo.length === 0 ? 'nothing to export' : ''),
  (o) => (o.plan.cacheTo.length === o.plan.writes.length ? '' : "a raw cache-to entry is the user's own"),
  (o) =>
    o.nature.kind === 'persistent'
      ? ''
      : 'the builder goes with the job: the next job starts from the export',
  (o) => (o.nature.warmth?.warm ? '' : 'the builder has not built this before'),
  (o) =>
    o.plan.trigger.kind === 'push-branch' || o.plan.trigger.kind === 'pull-request'
      ? ''
      : `a ${o.plan.trigger.kind} run exports for the other builders`,
];

/** Why a warm persistent builder's export is skipped ('' when it runs). */
export function warmBuilderSkip(o: WarmExportInput): string {
  if (EXPORT_STILL_NEEDED.some((rule) => rule(o) !== '')) return '';
  const where = o.plan.trigger.kind === 'pull-request' ? 'pull request' : 'branch';
  return (
    `the builder is persistent and warm (${o.nature.warmth?.why}): this ${where}'s next build on it ` +
    'reads its own cache, and the default branch exports for the other builders (cache-write: always to export)'
  );
}
