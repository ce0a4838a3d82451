import { createHash } from 'node:crypto';

/** A ref a cache can belong to. */
export type CacheRef =
  { kind: 'branch'; name: string } | { kind: 'pr'; number: number } | { kind: 'sha'; sha: string };

export function refLabel(ref: CacheRef): string {
  switch (ref.kind) {
    case 'branch':
      return `branch:${ref.name}`;
    case 'pr':
      return `pr:${ref.number}`;
    case 'sha':
      return `sha:${ref.sha}`;
  }
}

export function sameRef(a: CacheRef, b: CacheRef): boolean {
  return refLabel(a) === refLabel(b);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * A name that is valid inside a registry tag, a gha scope, an s3 name and a folder name:
 * lowercase `[a-z0-9_.-]`, not starting with `.` or `-`, at most `maxLength` characters. Where
 * sanitizing changed or shortened the name, a short hash of the original is appended, so that
 * `Feature/A` and `feature-a` never share a cache.
 */
export function slug(name: string, maxLength = 128, allowDots = true): string {
  const invalid = allowDots ? /[^a-z0-9_.-]+/g : /[^a-z0-9_-]+/g;
  const clean = name
    .toLowerCase()
    .replace(invalid, '-')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '');
  if (clean === name && clean.length <= maxLength && clean !== '') return clean;
  const hash = shortHash(name);
  const room = maxLength - hash.length - 1;
  const head = clean.slice(0, room).replace(/[.-]+$/, '');
  return head === '' ? hash : `${head}-${hash}`;
}

/** The name part of a cache for a ref, e.g. `branch-main`, `pr-7`, `sha-<40 hex>`. */
export function refName(ref: CacheRef, maxLength: number): string {
  switch (ref.kind) {
    case 'branch':
      return `branch-${slug(ref.name, maxLength - 'branch-'.length)}`;
    case 'pr':
      return `pr-${ref.number}`;
    case 'sha':
      return `sha-${ref.sha.toLowerCase()}`;
  }
}

/** Registry tags are at most 128 characters. */
export const TAG_MAX = 128;

/**
 * `<scope>[.<leg>]`: the namespace of one image's cache. Dots separate it from the ref part, so
 * a sibling leg's tags can be recognised when listing a repository's tags.
 */
export function namespace(scope: string, leg: string): string {
  const s = slug(scope, 48, false);
  return leg === '' ? s : `${s}.${slug(leg, 40, false)}`;
}

/** The full cache name for a ref inside a namespace: `<namespace>.<ref part>`, a valid tag. */
export function cacheName(ns: string, ref: CacheRef): string {
  return `${ns}.${refName(ref, TAG_MAX - ns.length - 1)}`;
}

/**
 * The default scope: from the Dockerfile's path, so two images built in one repository never
 * share a cache by accident. Targets and platforms of one Dockerfile share stages, so they are
 * legs of one scope (see `legOf`), not strangers.
 */
export function defaultScope(file: string): string {
  const parts: string[] = [];
  const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (path !== '') {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (dir !== '' && dir !== '.') parts.push(dir);
    if (base !== 'Dockerfile') parts.push(base);
  }
  // Already clean, so the namespace needs no hash suffix: `docker/api/Dockerfile` → `docker-api`.
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-]+|[-]+$/g, '');
  return name === '' ? 'default' : name;
}

/**
 * The default matrix leg: the target and the platforms (`runtime`, `linux-arm64`,
 * `runtime-linux-amd64_linux-arm-v7`); empty for a plain build.
 */
export function legOf(target: string, platforms: string[]): string {
  const platformPart = platforms.map((p) => p.replace(/\//g, '-')).join('_');
  return [target, platformPart].filter((p) => p !== '').join('-');
}

/** The repository of an image reference: `ghcr.io/o/app:1.0` → `ghcr.io/o/app`. */
export function repositoryOf(imageRef: string): string {
  const noDigest = imageRef.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return (colon === -1 ? noDigest : noDigest.slice(0, colon)).toLowerCase();
}

/**
 * Sibling matrix legs found among a cache repository's tags: `<scope>.<leg>.<ref part>` tags
 * whose leg is not this one. Legs have no dots, so the pattern is unambiguous.
 */
export function siblingLegsFromTags(tags: string[], scope: string, ownLeg: string): string[] {
  const prefix = `${slug(scope, 48, false)}.`;
  const own = ownLeg === '' ? '' : slug(ownLeg, 40, false);
  const legs = new Set<string>();
  for (const tag of tags) {
    if (!tag.startsWith(prefix)) continue;
    const m = /^([a-z0-9_-]+)\.(branch|pr|sha)-/.exec(tag.slice(prefix.length));
    if (m && m[1] !== own) legs.add(m[1]);
  }
  return [...legs].sort();
}
