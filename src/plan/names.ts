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

/**
 * Cache names are `<scope>.<ref part>` or `<scope>.<leg>.<ref part>`, and every part is encoded so
 * that no input, a hostile branch name least of all, can produce another part's shape:
 *
 * - no part holds a dot, so the dots split a name into its parts, whatever the branch is called;
 * - a part is kept as it is only when it is "plain" (lowercase letters, digits, `_`, single `-`
 *   between them); any other text becomes `<plain head>--<16 hex of sha256(text)>`. A plain part
 *   never holds `--`, so an encoded part never equals a plain one, and two texts share an encoded
 *   part only if they share 64 bits of sha256;
 * - a leg never starts like a ref part (`branch-`, `pr-`, `sha-`): such a leg is encoded with a
 *   leading `_`, so a name some branch gave (`<scope>.branch-<x>.<…>`, also written by earlier
 *   versions whose branch parts kept dots) is never read as a leg's.
 */
const PLAIN_PART = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;
const ENCODED_PART = /^[a-z0-9_]+(?:-[a-z0-9_]+)*--[0-9a-f]{16}$/;
/** How a ref part starts: a leg may not start so. */
const REF_KINDS = ['branch-', 'pr-', 'sha-'];
const PART_HASH_LENGTH = 16;

const startsLikeRef = (text: string) => REF_KINDS.some((k) => text.startsWith(k));

/**
 * One part of a cache name (see above), at most `maxLength` characters (at least 20): a long
 * name is cut and hashed, so two long names with one beginning stay apart. `leg`: never starts
 * like a ref part. Scopes and legs also keep an encoded part as it is, so a leg found among the
 * tags (an encoded part already) names the namespace it was found in; a branch is always encoded
 * from its own text.
 */
export function partName(text: string, maxLength: number, kind: 'scope' | 'leg' | 'ref'): string {
  const reservedStart = kind === 'leg';
  const fits = text.length <= maxLength && !(reservedStart && startsLikeRef(text));
  if (fits && (PLAIN_PART.test(text) || (kind !== 'ref' && ENCODED_PART.test(text)))) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, PART_HASH_LENGTH);
  const room = maxLength - hash.length - 2;
  let head = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+/, '');
  if (reservedStart && startsLikeRef(head)) head = `_${head}`;
  head = head.slice(0, room).replace(/-+$/, '');
  return `${head === '' ? 'x' : head}--${hash}`;
}

/** Whether a text is a part {@link partName} can give (plain, or encoded). */
const isPartName = (text: string) => PLAIN_PART.test(text) || ENCODED_PART.test(text);

const SHA_TEXT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The name part of a cache for a ref, e.g. `branch-main`, `pr-7`, `sha-<40 hex>`. */
export function refName(ref: CacheRef, maxLength: number): string {
  switch (ref.kind) {
    case 'branch':
      return `branch-${partName(ref.name, maxLength - 'branch-'.length, 'ref')}`;
    case 'pr':
      return `pr-${ref.number}`;
    case 'sha': {
      const sha = ref.sha.toLowerCase();
      return `sha-${SHA_TEXT.test(sha) ? sha : partName(ref.sha, maxLength - 'sha-'.length, 'ref')}`;
    }
  }
}

/** Registry tags are at most 128 characters. */
export const TAG_MAX = 128;
const SCOPE_MAX = 48;
const LEG_MAX = 40;

/** A scope's part of its cache names. */
export const scopePart = (scope: string) => partName(scope, SCOPE_MAX, 'scope');
/** A leg's part of its cache names (never one that starts like a ref part). */
export const legPart = (leg: string) => partName(leg, LEG_MAX, 'leg');

/** `<scope>[.<leg>]`: the namespace of one image's cache. */
export function namespace(scope: string, leg: string): string {
  const s = scopePart(scope);
  return leg === '' ? s : `${s}.${legPart(leg)}`;
}

/** The full cache name for a ref inside a namespace: `<namespace>.<ref part>`, a valid tag. */
export function cacheName(ns: string, ref: CacheRef): string {
  return `${ns}.${refName(ref, TAG_MAX - ns.length - 1)}`;
}

const REF_PART = /^(?:branch-(.+)|pr-[1-9][0-9]*|sha-(?:[0-9a-f]{40}|[0-9a-f]{64}|(.+)))$/;

/**
 * A cache name split into its parts; null for a name this action's inputs cannot give (a dotted
 * branch part of an earlier version, a leg that starts like a ref part, another tool's tag).
 */
export function parseCacheName(name: string): { scope: string; leg: string; refPart: string } | null {
  const parts = name.split('.');
  if (parts.length !== 2 && parts.length !== 3) return null;
  const scope = parts[0];
  const leg = parts.length === 3 ? parts[1] : '';
  const refPart = parts[parts.length - 1];
  if (!isPartName(scope)) return null;
  if (parts.length === 3 && (!isPartName(leg) || startsLikeRef(leg))) return null;
  const m = REF_PART.exec(refPart);
  if (!m) return null;
  const encoded = m[1] ?? m[2];
  if (encoded !== undefined && !isPartName(encoded)) return null;
  return { scope, leg, refPart };
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
 * Sibling matrix legs found among a cache repository's tags: the legs of this scope's cache names
 * (see {@link parseCacheName}) other than this one. Only names this action could have written for
 * some leg count: a tag a branch name made is never a leg.
 */
export function siblingLegsFromTags(tags: string[], scope: string, ownLeg: string): string[] {
  const s = scopePart(scope);
  const own = ownLeg === '' ? '' : legPart(ownLeg);
  const legs = new Set<string>();
  for (const tag of tags) {
    const parsed = parseCacheName(tag);
    if (parsed && parsed.scope === s && parsed.leg !== '' && parsed.leg !== own) legs.add(parsed.leg);
  }
  return [...legs].sort();
}
