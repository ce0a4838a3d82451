import { MAX_TIMER_MS } from '../../lib/timers';
import { inputList } from './lists';
import { InputError, type InputSource, type MountInputs } from './types';

/** What the cache-mount helpers run: docker.io's busybox, about 2 MB. */
export const DEFAULT_MOUNTS_IMAGE = 'busybox:1.36.1';

const BOOLEAN_TRUE = ['true', 'True', 'TRUE'];
const BOOLEAN_FALSE = ['false', 'False', 'FALSE'];

export function bool(get: InputSource, name: string, fallback: boolean): boolean {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if (BOOLEAN_TRUE.includes(raw)) return true;
  if (BOOLEAN_FALSE.includes(raw)) return false;
  throw new InputError(name, `expected true or false, got ${JSON.stringify(raw)}`);
}

export function oneOf<T extends string>(
  get: InputSource,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(name, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
}

/** `90`, `90s`, `10m`, `1h`, `1500ms` → milliseconds. */
export function parseDuration(name: string, raw: string, fallbackMs: number): number {
  const value = raw.trim();
  if (value === '') return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  if (!m) {
    throw new InputError(
      name,
      `expected a duration such as 600, 90s, 10m or 1h, got ${JSON.stringify(value)}`,
    );
  }
  const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'] ?? 1000;
  const ms = Math.round(Number(m[1]) * unit);
  // Node's timers hold 2^31-1 ms (24.8 days); a longer one fires at once instead of never.
  if (ms > MAX_TIMER_MS) {
    throw new InputError(
      name,
      `expected at most ${Math.floor(MAX_TIMER_MS / 3600000)}h, got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/** A whole number of at least 1. */
export function positiveWholeNumber(name: string, raw: string, fallback: number): number {
  const value = raw.trim();
  if (value === '') return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
    throw new InputError(name, `expected a whole number of at least 1, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `2GiB`, `500MB`, `1g`, `1048576` → bytes. */
export function parseSize(name: string, raw: string, fallback: number): number {
  const value = raw.trim();
  if (value === '') return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new InputError(
      name,
      `expected a size such as 2GiB, 500MB or 1048576 (bytes), got ${JSON.stringify(value)}`,
    );
  }
  return Math.round(Number(m[1]) * unit);
}

/** `auto`, `none`, or mount ids (one per line or comma-separated). */
export function mountSelection(raw: string): MountInputs['selection'] {
  const items = inputList('cache-mounts', raw);
  if (items.length === 0 || (items.length === 1 && items[0] === 'auto')) return { kind: 'auto' };
  if (items.length === 1 && items[0] === 'none') return { kind: 'none' };
  if (items.includes('auto') || items.includes('none')) {
    throw new InputError('cache-mounts', 'expected auto, none, or a list of cache mount ids (not mixed)');
  }
  return { kind: 'ids', ids: items };
}

/** Credentials must come from the environment: as cache attributes they would reach docker's argv. */
export const SECRET_ATTRIBUTES = ['secret_access_key', 'session_token', 'access_key_id', 'token', 'ghtoken'];

const CACHE_IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;

/** `cache-image` is a repository: lowercase, no tag, no digest. */
export function validateCacheImage(image: string): string {
  if (image === '') return image;
  if (image.includes('@')) throw new InputError('cache-image', 'expected a repository without a digest');
  const lastSlash = image.lastIndexOf('/');
  if (image.slice(lastSlash + 1).includes(':')) {
    throw new InputError('cache-image', 'expected a repository without a tag (the action picks the tags)');
  }
  if (!CACHE_IMAGE.test(image)) {
    throw new InputError(
      'cache-image',
      `expected a lowercase repository name such as ghcr.io/owner/app-cache`,
    );
  }
  return image;
}
