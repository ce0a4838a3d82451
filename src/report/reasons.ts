import type { BaseImage, BuildStep } from '../buildx/parse/progress';
import type { Material } from '../buildx/parse/metadata';
import type { ImportResult, LikelyReason, ReasonKind } from './types';
import { didWork, firstExecutedSteps, stageLabel } from './steps';
import { importName } from './import-sources';
/** Why steps ran instead of coming from the cache: one small function per reason, chosen from tables. Pure. */

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

const reason = (kind: ReasonKind, detail: string, s?: BuildStep): LikelyReason => ({
  kind,
  stage: s ? stageLabel(s) : '',
  step: s ? s.name : '',
  detail,
});

function noCacheRead(input: ReasonInput): LikelyReason[] {
  if (input.reads > 0 || input.imports.length > 0) return [];
  return [
    reason('no-cache-read', 'this run reads no cache: only what the builder itself kept could be reused'),
  ];
}

function importsFailed(input: ReasonInput): LikelyReason[] {
  return input.imports
    .filter((i) => i.result === 'failed')
    .map((i) =>
      reason(
        'import-failed',
        `reading the cache from ${importName(i)} failed: ${i.error ?? 'unknown error'}`,
      ),
    );
}

function firstBuild(input: ReasonInput): LikelyReason[] {
  if (input.imports.length === 0 || !input.imports.every((i) => i.result === 'not-found')) return [];
  return [
    reason(
      'first-build',
      `no cache was found at ${input.imports.map(importName).join(', ')}: nothing is cached for this ref ` +
        'yet (its first build, or the cache expired or was deleted)',
    ),
  ];
}

/** Reasons about the whole run, told first and in this order. */
const RUN_REASONS: ((input: ReasonInput) => LikelyReason[])[] = [noCacheRead, importsFailed, firstBuild];

/** A stage's first step that did work, with what the record says about its inputs. */
interface FirstStep {
  step: BuildStep;
  /** The stage or image a `COPY --from` copies from. */
  from: string | undefined;
  /** A step of another stage (or platform) it builds on, which did work. */
  changedInput: BuildStep | undefined;
  /** The FROM image it builds on directly. */
  base: BaseImage | undefined;
  /** The same step, cached for another platform. */
  cachedElsewhere: BuildStep | undefined;
  /** Its base image's new digest since the previous build. */
  baseChange: BaseImageChange | undefined;
  /** Build args changed since the previous build. */
  changedArgs: string[];
  /** How a step-changed reason ends: the other possible cause. */
  otherwise: string;
}

function earlierStageChanged(f: FirstStep): string | undefined {
  if (!f.changedInput) return undefined;
  return `stage ${quote(f.changedInput.stage || '(unnamed)')} built something new, so ${quote(f.step.command)} ran`;
}

function contextChanged(f: FirstStep): string | undefined {
  if ((f.step.instruction !== 'COPY' && f.step.instruction !== 'ADD') || f.from) return undefined;
  return `files that ${quote(f.step.command)} takes from the build context changed since the cached build`;
}

function platformNotCached(f: FirstStep): string | undefined {
  if (!f.cachedElsewhere) return undefined;
  return `the cache holds this step for ${f.cachedElsewhere.platform} but not for ${f.step.platform}`;
}

function baseImageChanged(f: FirstStep): string | undefined {
  const c = f.baseChange;
  if (!c) return undefined;
  return `base image ${c.image} now resolves to ${short(c.to)} (was ${short(c.from)}), so every step on it ran`;
}

function buildArgsChanged(f: FirstStep): string | undefined {
  if (f.changedArgs.length === 0 || f.step.instruction !== 'RUN') return undefined;
  return `build args changed (${f.changedArgs.join(', ')}): a RUN step reruns when an ARG in its stage changed value`;
}

function copiedSourceChanged(f: FirstStep): string | undefined {
  if (!f.from) return undefined;
  return `${quote(f.step.command)} ran although its source is cached: the instruction or the copied files changed, ${f.otherwise}`;
}

function firstAfterFromChanged(f: FirstStep): string | undefined {
  if (!f.base) return undefined;
  return (
    `${quote(f.step.command)} is the first step after FROM: the instruction, a build arg it uses or the base ` +
    `image changed, ${f.otherwise}`
  );
}

/** When no other reason applies. */
function stepChanged(f: FirstStep): string {
  return (
    `${quote(f.step.command)} ran after a cached step: the instruction or what it uses (build args, ENV, ` +
    `mounted files) changed, ${f.otherwise}`
  );
}

/** Per stage, the first of these that applies to its first step that did work; else `stepChanged`. */
const STEP_REASONS: { kind: ReasonKind; detail: (f: FirstStep) => string | undefined }[] = [
  { kind: 'earlier-stage-changed', detail: earlierStageChanged },
  { kind: 'context-changed', detail: contextChanged },
  { kind: 'platform-not-cached', detail: platformNotCached },
  { kind: 'base-image-changed', detail: baseImageChanged },
  { kind: 'build-args-changed', detail: buildArgsChanged },
  { kind: 'step-changed', detail: copiedSourceChanged },
  { kind: 'step-changed', detail: firstAfterFromChanged },
];

function stepReason(f: FirstStep): LikelyReason {
  for (const { kind, detail } of STEP_REASONS) {
    const text = detail(f);
    if (text !== undefined) return reason(kind, text, f.step);
  }
  return reason('step-changed', stepChanged(f), f.step);
}

/** What the record says about a stage's first step that did work. */
function firstStep(
  f: BuildStep,
  input: ReasonInput,
  changes: BaseImageChange[],
  changedArgs: string[],
  otherwise: string,
): FirstStep {
  const { steps } = input;
  const base = input.bases.find((b) => f.inputs.includes(b.vertex));
  return {
    step: f,
    from: /--from[= ](\S+)/.exec(f.command)?.[1],
    changedInput: steps.find(
      (s) => f.inputs.includes(s.digest) && didWork(s) && (s.stage !== f.stage || s.platform !== f.platform),
    ),
    base,
    cachedElsewhere: f.platform
      ? steps.find(
          (s) =>
            s.status === 'cached' &&
            s.platform !== f.platform &&
            s.stage === f.stage &&
            s.index === f.index &&
            s.command === f.command,
        )
      : undefined,
    baseChange: base ? changes.find((c) => c.image === normalizeImage(base.image)) : undefined,
    changedArgs,
    otherwise,
  };
}

/** The reason for each stage's first step that did work, then base images that changed under no such step. */
function stepReasons(input: ReasonInput): LikelyReason[] {
  const { steps } = input;
  const changes = input.previous?.materials
    ? changedBaseImages(input.previous.materials, input.materials)
    : [];
  const changedArgs =
    input.previous?.buildArgs && input.buildArgs
      ? changedBuildArgs(input.previous.buildArgs, input.buildArgs)
      : [];
  const otherwise = `or the cache held no result for it${input.modeMin ? ' (a mode=min cache keeps only the final stage)' : ''}`;
  const firsts = firstExecutedSteps(steps).map((f) => firstStep(f, input, changes, changedArgs, otherwise));
  const reasons = firsts.map(stepReason);
  // A base image that explains a stage's first step is told there, not again for the whole build.
  const explained = new Set(
    firsts.filter((_, i) => reasons[i].kind === 'base-image-changed').map((f) => f.baseChange?.image),
  );
  for (const c of changes.filter((x) => !explained.has(x.image))) {
    reasons.push(
      reason(
        'base-image-changed',
        `base image ${c.image} now resolves to ${short(c.to)} (was ${short(c.from)})`,
      ),
    );
  }
  return reasons;
}

/**
 * Likely reasons why steps ran instead of coming from the cache. Each claim is one the record
 * supports; where it cannot tell the causes apart, it says which ones are possible.
 */
export function likelyReasons(input: ReasonInput): LikelyReason[] {
  const { steps } = input;
  if (!steps.some(didWork)) return [];
  if (input.noCache) {
    return [reason('no-cache', 'no-cache is set: BuildKit ran every step without looking at any cache')];
  }
  const reasons = RUN_REASONS.flatMap((runReason) => runReason(input));
  // With no cache at all, every step ran for that one reason: per-stage guesses would be noise.
  const imported = input.imports.some((i) => i.result === 'imported');
  if (!imported && !steps.some((s) => s.status === 'cached')) return reasons;
  return [...reasons, ...stepReasons(input)];
}
