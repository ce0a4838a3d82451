import type { BaseImage, BuildLog, BuildStep } from '../buildx/parse/progress';
import type { BuildMetadata, Material } from '../buildx/parse/metadata';
import type { BuildRecord } from '../buildx/parse/record';
import { didWork, stepTotals } from './steps';
import type { CacheScope } from '../github/runtime-token';
import type { CachePlan } from '../plan/plan';
import type { CleanupOutcome } from '../cleanup/outcome';
import type { LocalCacheReport } from '../localcache/persist';
import type { MountsReport } from '../mounts/mounts';
import type { ExportSize } from '../stores/measure';

export type ExportStatus = 'ok' | 'failed' | 'skipped';

export interface ImportResult {
  source: string;
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
}

/** Cache exporters default to mode=min; an inline cache can only be min. */
const isModeMin = (entry: string) => !/(^|,)mode=max(,|$)/.test(entry);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const stageLabel = (s: { platform: string; stage: string }) =>
  [s.platform, s.stage].filter(Boolean).join(' ') || '(single stage)';

export function importResults(log: BuildLog): ImportResult[] {
  return log.imports.map((i) => {
    const took = seconds(i.durationMs);
    if (!i.error) return { source: i.source, result: 'imported', seconds: took };
    const notFound = /not found|no such file|404|does not exist/i.test(i.error);
    return { source: i.source, result: notFound ? 'not-found' : 'failed', error: i.error, seconds: took };
  });
}

/** Per platform and stage, the first step (by its place in the stage) that did work. */
function firstExecutedSteps(steps: BuildStep[]): BuildStep[] {
  const seen = new Set<string>();
  const out: BuildStep[] = [];
  for (const s of [...steps].sort((a, b) => a.index - b.index)) {
    const key = `${s.platform} ${s.stage}`;
    if (!didWork(s) || seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  // Back in build order.
  return out.sort((a, b) => steps.indexOf(a) - steps.indexOf(b));
}

export function firstExecuted(steps: BuildStep[]): CacheReport['steps']['firstExecuted'] {
  return firstExecutedSteps(steps).map((s) => ({
    stage: stageLabel(s),
    step: s.name,
    instruction: s.instruction,
    command: s.command,
  }));
}

/** Whether the export happened, from what the plan asked and what the build record shows. */
export function exportOutcome(
  plan: CachePlan,
  log: BuildLog | null,
  built: boolean,
  skipWhy: string,
): CacheReport['export'] {
  const destinations = plan.cacheTo;
  const exportMs = log ? log.exports.reduce((sum, e) => sum + e.durationMs, 0) : 0;
  const outcome = (status: ExportStatus, reason: string, took = 0): CacheReport['export'] => ({
    status,
    reason,
    seconds: took,
    destinations,
    manifest: null,
    sizes: [],
  });
  if (destinations.length === 0) {
    const why =
      skipWhy || plan.notes.find((n) => /nothing is written|no cache is written|only reads/.test(n));
    return outcome('skipped', why ?? 'no cache destination for this run');
  }
  if (skipWhy) return outcome('skipped', skipWhy);
  if (!built) return outcome('skipped', 'the build did not finish');
  const failed = log?.exports.find((e) => e.error);
  if (failed) return outcome('failed', failed.error ?? 'failed', seconds(exportMs));
  if (log && log.exports.length === 0 && destinations.every((d) => d.startsWith('type=inline'))) {
    // An inline cache has no export vertex of its own: it is written with the image.
    return outcome('ok', 'exported inside the image');
  }
  return outcome('ok', '', seconds(exportMs));
}

/** `docker.io/library/alpine:3` and `alpine:3` are one image; a digest suffix is not part of the name. */
export function normalizeImage(image: string): string {
  let name = image.replace(/@sha256:[0-9a-f]+$/, '');
  name = name
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '');
  const last = name.slice(name.lastIndexOf('/') + 1);
  return last.includes(':') ? name : `${name}:latest`;
}

export interface BaseImageChange {
  image: string;
  platform: string;
  from: string;
  to: string;
}

/**
 * FROM images whose digest differs between a previous build's materials and this one's. Images
 * only one side has are not changes (a new or removed stage, not a moved tag).
 */
export function changedBaseImages(previous: Material[], current: Material[]): BaseImageChange[] {
  const images = (list: Material[]) => list.filter((m) => m.image !== '' && m.digest !== '');
  const out: BaseImageChange[] = [];
  for (const cur of images(current)) {
    const name = normalizeImage(cur.image);
    const prev = images(previous).find(
      (p) =>
        normalizeImage(p.image) === name &&
        (p.platform === '' || cur.platform === '' || p.platform === cur.platform),
    );
    if (prev && prev.digest !== cur.digest) {
      out.push({ image: name, platform: cur.platform, from: prev.digest, to: cur.digest });
    }
  }
  return out;
}

/** Names of build args added, removed or changed. Values are compared, never returned. */
export function changedBuildArgs(
  previous: { name: string; value: string }[],
  current: { name: string; value: string }[],
): string[] {
  const before = new Map(previous.map((a) => [a.name, a.value]));
  const after = new Map(current.map((a) => [a.name, a.value]));
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

export interface ReasonInput {
  steps: BuildStep[];
  bases: BaseImage[];
  imports: ImportResult[];
  /** How many cache sources the plan read (`cache-from` entries). */
  reads: number;
  noCache?: boolean;
  /** This build's FROM images. */
  materials: Material[];
  buildArgs?: { name: string; value: string }[];
  /** Whether this run's cache exports keep only the final stage (mode=min, the default); unknown: undefined. */
  modeMin?: boolean;
  /** A previous build of the same ref, when the caller has one. */
  previous?: { materials?: Material[]; buildArgs?: { name: string; value: string }[] };
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);
const quote = (command: string) => {
  const text = command.replace(/`/g, "'").replace(/\s*\r?\n\s*/g, ' ');
  return `\`${text.length > 80 ? `${text.slice(0, 77)}...` : text}\``;
};

/**
 * Likely reasons why steps ran instead of coming from the cache. Each claim is one the record
 * supports; where it cannot tell the causes apart, it says which ones are possible.
 */
export function likelyReasons(input: ReasonInput): LikelyReason[] {
  const { steps } = input;
  if (!steps.some(didWork)) return [];
  const reasons: LikelyReason[] = [];
  const add = (kind: ReasonKind, detail: string, s?: BuildStep) =>
    reasons.push({ kind, stage: s ? stageLabel(s) : '', step: s ? s.name : '', detail });

  if (input.noCache) {
    add('no-cache', 'no-cache is set: BuildKit ran every step without looking at any cache');
    return reasons;
  }
  if (input.reads === 0 && input.imports.length === 0) {
    add('no-cache-read', 'this run reads no cache: only what the builder itself kept could be reused');
  }
  for (const i of input.imports.filter((x) => x.result === 'failed')) {
    add('import-failed', `reading the cache from ${i.source} failed: ${i.error ?? 'unknown error'}`);
  }
  const imported = input.imports.some((i) => i.result === 'imported');
  if (input.imports.length > 0 && input.imports.every((i) => i.result === 'not-found')) {
    add(
      'first-build',
      `no cache was found at ${input.imports.map((i) => i.source).join(', ')}: nothing is cached for this ref ` +
        'yet (its first build, or the cache expired or was deleted)',
    );
  }
  // With no cache at all, every step ran for that one reason: per-stage guesses would be noise.
  if (!imported && !steps.some((s) => s.status === 'cached')) return reasons;

  const changes = input.previous?.materials
    ? changedBaseImages(input.previous.materials, input.materials)
    : [];
  const args =
    input.previous?.buildArgs && input.buildArgs
      ? changedBuildArgs(input.previous.buildArgs, input.buildArgs)
      : [];
  const explained = new Set<string>();
  const otherwise = `or the cache held no result for it${input.modeMin ? ' (a mode=min cache keeps only the final stage)' : ''}`;

  for (const f of firstExecutedSteps(steps)) {
    const from = /--from[= ](\S+)/.exec(f.command)?.[1];
    const changedInput = steps.find(
      (s) => f.inputs.includes(s.digest) && didWork(s) && (s.stage !== f.stage || s.platform !== f.platform),
    );
    const base = input.bases.find((b) => f.inputs.includes(b.vertex));
    const elsewhere = f.platform
      ? steps.find(
          (s) =>
            s.status === 'cached' &&
            s.platform !== f.platform &&
            s.stage === f.stage &&
            s.index === f.index &&
            s.command === f.command,
        )
      : undefined;
    if (changedInput) {
      add(
        'earlier-stage-changed',
        `stage ${quote(changedInput.stage || '(unnamed)')} built something new, so ${quote(f.command)} ran`,
        f,
      );
    } else if ((f.instruction === 'COPY' || f.instruction === 'ADD') && !from) {
      add(
        'context-changed',
        `files that ${quote(f.command)} takes from the build context changed since the cached build`,
        f,
      );
    } else if (elsewhere) {
      add(
        'platform-not-cached',
        `the cache holds this step for ${elsewhere.platform} but not for ${f.platform}`,
        f,
      );
    } else if (base && changes.some((c) => c.image === normalizeImage(base.image))) {
      const c = changes.find((x) => x.image === normalizeImage(base.image))!;
      explained.add(c.image);
      add(
        'base-image-changed',
        `base image ${c.image} now resolves to ${short(c.to)} (was ${short(c.from)}), so every step on it ran`,
        f,
      );
    } else if (args.length > 0 && f.instruction === 'RUN') {
      add(
        'build-args-changed',
        `build args changed (${args.join(', ')}): a RUN step reruns when an ARG in its stage changed value`,
        f,
      );
    } else if (from) {
      add(
        'step-changed',
        `${quote(f.command)} ran although its source is cached: the instruction or the copied files changed, ${otherwise}`,
        f,
      );
    } else if (base) {
      add(
        'step-changed',
        `${quote(f.command)} is the first step after FROM: the instruction, a build arg it uses or the base ` +
          `image changed, ${otherwise}`,
        f,
      );
    } else {
      add(
        'step-changed',
        `${quote(f.command)} ran after a cached step: the instruction or what it uses (build args, ENV, ` +
          `mounted files) changed, ${otherwise}`,
        f,
      );
    }
  }
  for (const c of changes.filter((x) => !explained.has(x.image))) {
    add('base-image-changed', `base image ${c.image} now resolves to ${short(c.to)} (was ${short(c.from)})`);
  }
  return reasons;
}

/** FROM images of this build: from the record, else the metadata's provenance, else the log. */
export function baseImages(
  record: BuildRecord | null,
  metadata: BuildMetadata | null,
  log: BuildLog | null,
): Material[] {
  const fromRecord = (record?.materials ?? []).filter((m) => m.image !== '');
  if (fromRecord.length > 0) return fromRecord;
  const fromMetadata = (metadata?.materials ?? []).filter((m) => m.image !== '');
  if (fromMetadata.length > 0) return fromMetadata;
  const out: Material[] = [];
  for (const b of log?.bases ?? []) {
    if (b.digest === '' || out.some((m) => m.image === b.image && m.digest === b.digest)) continue;
    out.push({ uri: '', image: b.image, platform: b.platform, digest: b.digest });
  }
  return out;
}

/** The one-line reason of a failed build: the step, its Dockerfile line and BuildKit's message. */
export function failureMessage(error: CacheReport['error'], fallback: string): string {
  if (!error) return `docker buildx build failed: ${fallback}`;
  const where = error.file && error.line !== null ? ` (${error.file}:${error.line})` : '';
  const step = error.step ? ` at ${error.step}` : '';
  return `build failed${step}${where}: ${error.message || fallback}`.replace(/\s*\r?\n\s*/g, ' ');
}

function reportError(record: BuildRecord | null, log: BuildLog | null): CacheReport['error'] {
  const failedStep = log?.steps.find((s) => s.status === 'failed');
  if (record?.error) {
    const e = record.error;
    return {
      step: e.step || failedStep?.name || '',
      message: e.message,
      file: e.location?.file ?? '',
      line: e.location?.line ?? null,
    };
  }
  if (failedStep) return { step: failedStep.name, message: failedStep.error ?? '', file: '', line: null };
  return null;
}

export function buildReport(args: {
  plan: CachePlan;
  backend: string;
  log: BuildLog | null;
  build: CacheReport['build'];
  tokenScopes: CacheScope[] | null;
  exportResult: CacheReport['export'];
  /** `docker buildx history inspect` of this build. */
  record?: BuildRecord | null;
  metadata?: BuildMetadata | null;
  exportSizes?: ExportSize[];
  noCache?: boolean;
  previous?: ReasonInput['previous'];
  timings?: CacheReport['timings'];
  mounts?: MountsReport | null;
  localCache?: LocalCacheReport | null;
  /** What a clean-up or retention did on this run. */
  cleanup?: CleanupOutcome | null;
}): CacheReport {
  const log = args.log;
  const record = args.record ?? null;
  const metadata = args.metadata ?? null;
  const steps = log?.steps ?? [];
  const totals = stepTotals(steps);
  // Sources found missing before the build (a local folder not written yet) are misses too.
  const imports = [
    ...(args.plan.missing ?? []).map((source): ImportResult => ({ source, result: 'not-found', seconds: 0 })),
    ...(log ? importResults(log) : []),
  ];
  const materials = baseImages(record, metadata, log);
  const exported = args.exportResult;
  const manifest =
    exported.manifest ??
    (exported.status === 'ok' && metadata?.cacheManifest
      ? { digest: metadata.cacheManifest.digest, size: metadata.cacheManifest.size }
      : null);
  return {
    version: 1,
    backend: args.backend,
    trigger: args.plan.trigger.kind,
    namespace: args.plan.namespace,
    build: args.build,
    plan: { reads: args.plan.reads, writes: args.plan.writes, notes: args.plan.notes },
    tokenScopes: args.tokenScopes,
    steps: {
      total: totals.total,
      cached: totals.cached,
      executed: totals.executed,
      notRun: totals.notRun,
      ratio: Math.round(totals.ratio * 1000) / 1000,
      executedSeconds: seconds(totals.executedMs),
      firstExecuted: firstExecuted(steps),
      list: steps.map((s) => ({
        stage: s.stage,
        platform: s.platform,
        step: s.command,
        status: s.status,
        seconds: seconds(s.durationMs),
        instruction: s.instruction,
        index: s.index,
        of: s.total,
        cached: s.status === 'cached',
      })),
    },
    imports,
    export: { ...exported, manifest, sizes: args.exportSizes ?? exported.sizes },
    record: record
      ? {
          ref: record.ref,
          status: record.status,
          seconds: seconds(record.durationMs),
          buildkitCachedSteps: record.numCachedSteps,
          buildkitTotalSteps: record.numTotalSteps,
        }
      : null,
    error: args.build === 'failed' ? reportError(record, log) : null,
    baseImages: materials.map((m) => ({ image: m.image, platform: m.platform, digest: m.digest })),
    likelyReasons:
      args.build === 'not-run' || !log
        ? []
        : likelyReasons({
            steps,
            bases: log.bases,
            imports,
            reads: args.plan.cacheFrom.length + (args.plan.missing?.length ?? 0),
            noCache: args.noCache,
            modeMin: args.plan.cacheTo.length === 0 ? undefined : args.plan.cacheTo.some(isModeMin),
            materials,
            buildArgs: record?.buildArgs,
            previous: args.previous,
          }),
    timings: args.timings ?? null,
    ...(args.mounts ? { mounts: args.mounts } : {}),
    ...(args.localCache ? { localCache: args.localCache } : {}),
    ...(args.cleanup ? { cleanup: args.cleanup } : {}),
  };
}
