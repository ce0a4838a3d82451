import type { RunContext } from '../github/context';
import { formatCacheEntry } from '../lib/cache-entry';
import { repositoryOf } from '../plan/names';
import type { BuildInputs } from '../runner/inputs/types';
import type { LegRecord } from './merge-report';

/**
 * A multi-platform image split across a matrix, the pure part: what a leg builds and records, and
 * what the merge needs and runs. The effects are in records.ts (the GitHub cache) and index.ts
 * (imagetools).
 */

/** The repositories the tags name, in order: a leg pushes its digest to each. */
export const repositoriesOf = (tags: string[]) => [...new Set(tags.map(repositoryOf))];

/** Why a leg records nothing and the merge merges nothing on this run ('' when they do). */
export function mergeSkipped(ctx: RunContext, push: boolean): string {
  if (ctx.pullRequest?.fromFork)
    return 'a pull request from a fork cannot push: the legs are built, not merged';
  if (!push) return 'push is false: the legs are built, not pushed nor merged';
  return '';
}

/** An annotation as buildx reads it: `[type,…][platform]:key=value`, the prefix optional. */
function annotationParts(a: string): { types: string[]; platform: string; rest: string } {
  const m = /^([a-z-]+(?:,[a-z-]+)*)(\[[^\]]*\])?:(.*=.*)$/.exec(a);
  if (!m) return { types: [], platform: '', rest: a };
  return { types: m[1].split(','), platform: m[2] ?? '', rest: m[3] };
}

/** The annotation for one level (`manifest` for a leg, `index` for the merge), or null when it is not for it. */
function annotationAt(a: string, level: 'manifest' | 'index'): string | null {
  const { types, platform, rest } = annotationParts(a);
  // Unprefixed annotations are a build's manifest annotations; the merge puts them on its index too.
  if (types.length === 0) return level === 'manifest' ? a : `index:${a}`;
  const kept = types.filter((t) => t === level || t === `${level}-descriptor`);
  return kept.length === 0 ? null : `${kept.join(',')}${platform}:${rest}`;
}

export const annotationsAt = (annotations: string[], level: 'manifest' | 'index') =>
  annotations.map((a) => annotationAt(a, level)).filter((a): a is string => a !== null);

const tagPart = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-');

/**
 * The tag a leg pushes under when its builder cannot push by digest: dockerd's own builder (the
 * `docker` driver) refuses `push-by-digest`. One per run, platform and attempt, named for the
 * action: it moves none of the user's tags.
 */
export const legTag = (runId: string, platform: string, attempt: string) =>
  `bkca-leg-${tagPart(runId)}-${tagPart(platform)}-${tagPart(attempt)}`.slice(0, 128);

/** What a leg's image output needs to know of its run. */
export interface LegRun {
  driver: string;
  runId: string;
  attempt: string;
}

/** The tag a leg pushes under, when its builder cannot push by digest; null when it can. */
export const legPushTag = (run: LegRun, platform: string): string | null =>
  run.driver === 'docker' ? legTag(run.runId, platform, run.attempt) : null;

/** A leg's build: its platform pushed by digest to every tag's repository; none of the tags moves. */
export function legBuild(build: BuildInputs, run: LegRun): BuildInputs {
  const repositories = repositoriesOf(build.tags);
  const tag = legPushTag(run, build.platforms[0] ?? '');
  const byDigest = tag === null;
  const output = formatCacheEntry([
    ['type', 'image'],
    ['name', (byDigest ? repositories : repositories.map((r) => `${r}:${tag}`)).join(',')],
    ...(byDigest
      ? ([
          ['push-by-digest', 'true'],
          ['name-canonical', 'true'],
        ] as const)
      : []),
    ['push', 'true'],
  ]);
  return {
    ...build,
    tags: [],
    push: false,
    outputs: [output],
    annotations: annotationsAt(build.annotations, 'manifest'),
  };
}

/** The record a leg leaves for the merge. */
export function legRecord(o: {
  tags: string[];
  platform: string;
  digest: string;
  leg: string;
  steps: { cached: number; total: number; ratio: number };
  attempt: string;
  pushTag: string | null;
}): LegRecord {
  return {
    version: 1,
    image: repositoriesOf(o.tags)[0],
    platform: o.platform,
    digest: o.digest,
    leg: o.leg,
    steps: o.steps,
    attempt: o.attempt,
    ...(o.pushTag ? { pushTag: o.pushTag } : {}),
  };
}

const isDigest = (d: unknown) => typeof d === 'string' && /^sha256:[0-9a-f]{64}$/.test(d);

/** What a restored record must be: of this platform, of the image merged, from this run. */
export interface RecordExpected {
  platform: string;
  /** The repository being merged (the first tag's): the only one a record may name. */
  image: string;
  runId: string;
}

/**
 * A restored record, checked as written by an attacker: it must be of this platform, name the image
 * being merged (the index is made of `<image>@<digest>`), and a push tag only of the form
 * {@link legTag} gives this run, platform and attempt (the merge deletes that tag). `dropped` says
 * why anything else is not used.
 */
export function parseLegRecord(text: string, expected: RecordExpected): LegCheck {
  let r: Partial<LegRecord>;
  try {
    r = JSON.parse(text) as Partial<LegRecord>;
  } catch {
    return { record: null, dropped: 'it is not JSON' };
  }
  if (typeof r !== 'object' || r === null || r.version !== 1)
    return { record: null, dropped: 'not a version 1 record' };
  if (r.platform !== expected.platform)
    return { record: null, dropped: `it is of platform ${JSON.stringify(r.platform)}` };
  if (!isDigest(r.digest)) return { record: null, dropped: 'it holds no sha256 digest' };
  if (r.image !== expected.image)
    return { record: null, dropped: `it names image ${JSON.stringify(r.image)}, not ${expected.image}` };
  if (typeof r.attempt !== 'string' || !/^[0-9]{1,10}$/.test(r.attempt))
    return { record: null, dropped: 'its run attempt is not a number' };
  if (r.pushTag !== undefined && r.pushTag !== legTag(expected.runId, expected.platform, r.attempt))
    return {
      record: null,
      dropped: `its push tag ${JSON.stringify(r.pushTag)} is not the one this run's leg pushes under`,
    };
  return { record: r as LegRecord };
}

/** A record checked: usable, or not, with why it was dropped when one was found. */
export type LegCheck = { record: LegRecord } | { record: null; dropped?: string };

/** What the merge found, per platform: a record, none, a record dropped, or a lookup that failed. */
export type Found = { platform: string } & (
  { record: LegRecord } | { record: null; failed?: string; dropped?: string }
);

/** One `::error::` line for platforms whose legs left no digest in this run. */
export function missingMessage(found: Found[]): string {
  const lines = found
    .filter((f) => f.record === null)
    .map((f) => {
      if ('failed' in f && f.failed) return `${f.platform} (the lookup failed: ${f.failed})`;
      if ('dropped' in f && f.dropped) return `${f.platform} (its record was dropped: ${f.dropped})`;
      return f.platform;
    });
  if (lines.length === 0) return '';
  return (
    `merge: no digest recorded in this run for ${lines.join(', ')}: ` +
    'that leg failed, was skipped or has not finished (the merge job needs: every leg); re-run it, then the merge'
  );
}

/** `docker buildx imagetools create`: the index of every leg's image under the tags. */
export function imagetoolsCreateArgs(tags: string[], annotations: string[], legs: LegRecord[]): string[] {
  const args = ['buildx', 'imagetools', 'create'];
  for (const tag of tags) args.push('--tag', tag);
  for (const a of annotationsAt(annotations, 'index')) args.push('--annotation', a);
  for (const leg of legs) args.push(`${leg.image}@${leg.digest}`);
  return args;
}

export const imagetoolsInspectArgs = (ref: string) => [
  'buildx',
  'imagetools',
  'inspect',
  ref,
  '--format',
  '{{json .Manifest}}',
];

/** The index's descriptor from `imagetools inspect --format '{{json .Manifest}}'`; null when unreadable. */
export function parseDescriptor(stdout: string): { mediaType: string; digest: string; size: number } | null {
  try {
    const d = JSON.parse(stdout) as { mediaType?: string; digest?: string; size?: number };
    return isDigest(d.digest) ? { mediaType: d.mediaType ?? '', digest: d.digest!, size: d.size ?? 0 } : null;
  } catch {
    return null;
  }
}

/** The `metadata` output, shaped as a build's metadata file. */
export function mergeMetadata(
  descriptor: { mediaType: string; digest: string; size: number },
  tags: string[],
): string {
  return JSON.stringify(
    {
      'containerimage.descriptor': descriptor,
      'containerimage.digest': descriptor.digest,
      'image.name': tags.join(','),
    },
    null,
    2,
  );
}
