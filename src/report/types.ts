import type { BuildStep } from '../buildx/parse/progress';
import type { CacheScope } from '../github/runtime-token';
import type { CachePlan } from '../plan/planner';
import type { BuilderKind, Warmth } from '../plan/builder-kind';
import type { CleanupOutcome } from '../cleanup/outcome';
import { type LocalCacheReport } from '../localcache/local-cache-report';
import type { MergeReport } from '../merge/merge-report';
import { type MountsReport } from '../mounts/mounts-report';
import { type ExportSize } from '../stores/export-size';
/** The cache-report contract: the `cache-report` output's shape and its parts. Types only. */

export type ExportStatus = 'ok' | 'failed' | 'skipped';

export interface ImportResult {
  /** BuildKit's name of the import: a registry reference, else `<type>:<id>`. */
  source: string;
  /** The `--cache-from` entry it was, when known (see `mapped`). */
  entry?: string;
  /** How the entry was found: by BuildKit's id, or by `--cache-from` order where no id could be computed. */
  mapped?: 'id' | 'order';
  /** The planned read it was (`sha:b87f42f`), and why it was read. */
  ref?: string;
  why?: string;
  result: 'imported' | 'not-found' | 'failed';
  error?: string;
  seconds: number;
}

export interface ReportStep {
  stage: string;
  platform: string;
  /** The instruction's text, e.g. `RUN make`. */
  step: string;
  status: BuildStep['status'];
  seconds: number;
  /** `RUN`, `COPY`, … */
  instruction: string;
  /** `n` and `m` of `[stage n/m]`. */
  index: number;
  of: number;
  /** True when the cache saved the step (status `cached`). */
  cached: boolean;
}

export type ReasonKind =
  | 'no-cache'
  | 'no-cache-read'
  | 'first-build'
  | 'import-failed'
  | 'base-image-changed'
  | 'build-args-changed'
  | 'context-changed'
  | 'earlier-stage-changed'
  | 'platform-not-cached'
  | 'step-changed';

/** Why steps likely ran instead of coming from the cache: only what the record supports. */
export interface LikelyReason {
  kind: ReasonKind;
  /** `linux/amd64 build`, or empty for the whole build. */
  stage: string;
  /** The first step that ran in that stage, or empty. */
  step: string;
  detail: string;
}

/** Where the cached steps came from: the builder's own cache, the imports, or both. */
export interface HitSources {
  /** Cached steps the builder's own cache gave, when that can be told (null: BuildKit does not say). */
  fromBuilder: number | null;
  /** Cached steps the imports gave, when that can be told. */
  fromImports: number | null;
  /** In words, for the summary. */
  text: string;
}

/** The builder this run built on, and what kind it is (docs/builders.md). */
export interface BuilderReport {
  name: string;
  driver: string;
  kind: BuilderKind;
  why: string;
  /** What its history said before the build (persistent builders); null when not looked. */
  warmth: Warmth | null;
  /** Null when nothing was cached. */
  hits: HitSources | null;
}

/** The `cache-report` output. Its shape is documented in README.md and versioned: fields are only added. */
export interface CacheReport {
  version: 1;
  backend: string;
  trigger: string;
  namespace: string;
  build: 'succeeded' | 'failed' | 'not-run';
  plan: { reads: CachePlan['reads']; writes: CachePlan['writes']; notes: string[] };
  tokenScopes: CacheScope[] | null;
  steps: {
    total: number;
    cached: number;
    executed: number;
    /** Steps not reached because another step failed. */
    notRun: number;
    ratio: number;
    executedSeconds: number;
    /** Per stage, the first step that ran: where that stage's cache broke. */
    firstExecuted: { stage: string; step: string; instruction: string; command: string }[];
    /** In build order. */
    list: ReportStep[];
  };
  imports: ImportResult[];
  export: {
    status: ExportStatus;
    reason: string;
    seconds: number;
    destinations: string[];
    /** The cache manifest the registry or local exporter wrote (from the metadata file). */
    manifest: { digest: string; size: number } | null;
    /** What each destination holds after the export, where that can be measured. */
    sizes: ExportSize[];
  };
  /** The build record BuildKit kept. Its step counts include internal steps: not the ones above. */
  record: {
    ref: string;
    status: string;
    seconds: number;
    buildkitCachedSteps: number;
    buildkitTotalSteps: number;
  } | null;
  /** Why the build failed: the step, BuildKit's message and the Dockerfile line. */
  error: { step: string; message: string; file: string; line: number | null } | null;
  /** FROM images as this build resolved them. */
  baseImages: { image: string; platform: string; digest: string }[];
  likelyReasons: LikelyReason[];
  /** Where main's time went, in milliseconds: the rest of totalMs is the action's own overhead. */
  timings: { totalMs: number; builderMs: number; buildMs: number; exportMs: number } | null;
  /** Clean-up runs and retention on pushes to the default branch: what was deleted and why. */
  cleanup?: CleanupOutcome;
  /** `RUN --mount=type=cache` persisted through the GitHub Actions cache (absent when none were looked for). */
  mounts?: MountsReport | null;
  /** `cache: local` without `cache-dir`: the folders restored and saved through the GitHub Actions cache. */
  localCache?: LocalCacheReport | null;
  /** The builder, its kind and where the hits came from (absent where nothing was built). */
  builder?: BuilderReport;
  /** `merge: leg` or `merge: index`: the leg's record, or the index made from every leg's. */
  merge?: MergeReport;
}
