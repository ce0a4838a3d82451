import type { BaseImage, BuildStep } from '../buildx/parse/progress';
import type { Material } from '../buildx/parse/metadata';
import type { ImportResult, LikelyReason, ReasonKind } from './types';
import { didWork, firstExecutedSteps, stageLabel } from './steps';
/** Why steps ran instead of coming from the cache. Pure. */

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
