import { posix } from 'node:path';
import type { Expanded } from './lex';

/**
 * A `RUN --mount` flag as BuildKit's Dockerfile frontend reads it: the flag words of the line
 * (quotes removed as a word), each value one CSV record of `key=value` fields, keys and `type` and
 * `sharing` case-insensitive, values expanded, and the id `path.Clean(target)` when none is given.
 * Pure.
 */

/**
 * The leading `--name=value` words of an instruction's text, quotes and escapes taken out of each
 * word as a whole (`--mount="type=cache,target=/x"` is `--mount=type=cache,target=/x`).
 */
export function flagWords(text: string, escape = '\\'): string[] {
  const words: string[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (!text.startsWith('--', i)) return words;
    let word = '';
    let quote = '';
    for (; i < text.length && (quote !== '' || !/\s/.test(text[i])); i++) {
      const c = text[i];
      if (c === escape && i + 1 < text.length) word += text[++i];
      else if (quote === '' && (c === '"' || c === "'")) quote = c;
      else if (c === quote) quote = '';
      else word += c;
    }
    if (word === '--') return words;
    words.push(word);
  }
}

/** `--mount=…` words' values (a flag's name is case-sensitive in BuildKit). */
export function mountValues(text: string, escape = '\\'): string[] {
  return flagWords(text, escape)
    .filter((w) => w.startsWith('--mount='))
    .map((w) => w.slice('--mount='.length));
}

/**
 * One CSV record, as Go's csv reader splits it: a field is quoted only when it starts with `"`,
 * and `""` inside it is one quote.
 */
export function csvFields(value: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (value[i] === '"') {
      for (i++; i < value.length; i++) {
        if (value[i] === '"' && value[i + 1] === '"') field += value[i++];
        else if (value[i] === '"') break;
        else field += value[i];
      }
      const comma = value.indexOf(',', i);
      field += value.slice(i + 1, comma === -1 ? value.length : comma);
      i = comma === -1 ? value.length : comma;
    } else {
      const comma = value.indexOf(',', i);
      field = value.slice(i, comma === -1 ? value.length : comma);
      i = comma === -1 ? value.length : comma;
    }
    fields.push(field);
    if (i >= value.length) return fields;
    i++;
  }
}

/** The fields as `key → value`, keys lowercased; a field without `=` (`ro`, `rw`) has ''. */
export function mountFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of csvFields(value)) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase();
    if (key !== '') fields.set(key, eq === -1 ? '' : field.slice(eq + 1));
  }
  return fields;
}

/** Go's `path.Clean`: `/go/pkg/mod/` → `/go/pkg/mod`, `./node_modules` → `node_modules`. */
export function cleanPath(p: string): string {
  const normal = posix.normalize(p);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

export const SHARING = ['shared', 'private', 'locked'] as const;

export interface CacheMountOptions {
  id: string;
  target: string;
  sharing: (typeof SHARING)[number];
  uid: string;
  gid: string;
  mode: string;
}

export type MountReading =
  | { kind: 'not-cache' }
  /** `id`: BuildKit's id for it, when known (a mount seeded from a stage). */
  | { kind: 'left-out'; why: string; id?: string }
  | { kind: 'cache'; options: CacheMountOptions };

const TARGET_KEYS = ['target', 'dst', 'destination'];
const SOURCE_KEYS = ['from', 'source', 'src'];

/** What a `--mount` value is, its values expanded by `expand`. */
export function readMount(value: string, expand: (word: string) => Expanded): MountReading {
  const resolved = new Map<string, string>();
  const unknown = new Set<string>();
  for (const [key, raw] of mountFields(value)) {
    const e = expand(raw);
    e.unknown.forEach((u) => unknown.add(u));
    resolved.set(key, e.value);
  }
  const type = (resolved.get('type') ?? 'bind').toLowerCase();
  const names = () => [...unknown].join(', ');
  if (type !== 'cache') {
    return unknown.size > 0 && /\$/.test(mountFields(value).get('type') ?? '')
      ? { kind: 'left-out', why: `its type depends on ${names()}, which has no value the action can know` }
      : { kind: 'not-cache' };
  }
  const target = TARGET_KEYS.map((k) => resolved.get(k)).find((t) => t !== undefined) ?? '';
  if (SOURCE_KEYS.some((k) => resolved.has(k))) {
    const id = unknown.size === 0 && target !== '' ? resolved.get('id') || cleanPath(target) : undefined;
    return {
      kind: 'left-out',
      why: 'its content comes from an image or a stage (from=/source=), not from earlier runs',
      ...(id !== undefined ? { id } : {}),
    };
  }
  if (unknown.size > 0) {
    return {
      kind: 'left-out',
      why: `${names()} has no value the action can know (no build arg, ARG default or ENV of the Dockerfile sets it)`,
    };
  }
  if (target === '') return { kind: 'left-out', why: 'it has no target' };
  const sharing = (resolved.get('sharing') || 'shared').toLowerCase();
  if (!(SHARING as readonly string[]).includes(sharing)) {
    return { kind: 'left-out', why: `sharing=${sharing} is not one BuildKit accepts: the build fails` };
  }
  return {
    kind: 'cache',
    options: {
      id: resolved.get('id') || cleanPath(target),
      target,
      sharing: sharing as CacheMountOptions['sharing'],
      uid: resolved.get('uid') ?? '',
      gid: resolved.get('gid') ?? '',
      mode: resolved.get('mode') ?? '',
    },
  };
}
