import { parse as parseCsv } from 'csv-parse/sync';
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

/**
 * A list input: one item per line, and (unless `commas` is false) comma-separated items on a
 * line, with CSV quoting so an item can hold a comma (`"type=local,dest=a,b"`).
 */
export function parseList(name: string, raw: string, commas = true): string[] {
  const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (!commas) return lines.map((l) => l.trim());
  const items: string[] = [];
  for (const line of lines) {
    let rows: string[][];
    try {
      rows = parseCsv(line, { relaxColumnCount: true, skipEmptyLines: true, trim: true, relaxQuotes: true });
    } catch (e) {
      throw new InputError(name, `cannot read the line ${JSON.stringify(line)}: ${(e as Error).message}`);
    }
    for (const row of rows) items.push(...row.filter((i) => i !== ''));
  }
  return items;
}

export function keyValues(name: string, raw: string): { key: string; value: string }[] {
  return parseList(name, raw, false).map((line) => {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InputError(name, `expected lines of the form id=value, got a line without "="`);
    return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
  });
}

export function secretValues(name: string, raw: string): { id: string; value: string }[] {
  // Values may span lines (PEM keys), so only lines that start a new `id=` begin an entry.
  const entries: { id: string; value: string }[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_.-]+)=(.*)$/.exec(line);
    if (m) entries.push({ id: m[1], value: m[2] });
    else if (entries.length > 0) entries[entries.length - 1].value += `\n${line}`;
    else if (line.trim() !== '') throw new InputError(name, 'expected lines of the form id=value');
  }
  for (const e of entries) e.value = e.value.replace(/\n+$/, '');
  return entries;
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
  return Math.round(Number(m[1]) * unit);
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
  const items = parseList('cache-mounts', raw);
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
