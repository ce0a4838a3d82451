import { cacheEntryFields } from '../lib/cache-entry';
import type { PlannedCache } from '../plan/planner';
import type { ImportResult } from './types';

/**
 * Which planned read each of BuildKit's imports was. BuildKit names an import by an id of its own
 * (src/buildx/import-id.ts); the action computes that id for every `--cache-from` entry it passed
 * and matches on it. Where an id could not be computed, the entries of that type are matched in
 * `--cache-from` order, and only when BuildKit imported as many of that type as were passed. Pure.
 */

/** A `--cache-from` entry the build passed, with BuildKit's id for it (null: not computable). */
export interface ImportSource {
  entry: string;
  id: string | null;
}

/** `gha:123…`, `s3:…`: the type of a hashed id; registry ids are references and have none here. */
const hashedType = (name: string) => /^([a-z0-9]+):\d+$/.exec(name)?.[1];
const typeOf = (entry: string) => /(?:^|,)type=([^,]+)/.exec(entry)?.[1] ?? 'registry';

function named(i: ImportResult, entry: string, how: 'id' | 'order', reads: PlannedCache[]): ImportResult {
  const read = reads.find((r) => r.entry === entry && r.entry !== '');
  return { ...i, entry, mapped: how, ...(read ? { ref: read.ref, why: read.why } : {}) };
}

export function mapImports(
  imports: ImportResult[],
  sources: ImportSource[],
  reads: PlannedCache[],
): ImportResult[] {
  const byId = new Map(sources.filter((s) => s.id !== null).map((s) => [s.id!, s.entry]));
  const out = imports.map((i) => (byId.has(i.source) ? named(i, byId.get(i.source)!, 'id', reads) : i));
  // The fallback, per type: the unmatched imports and the entries without an id, in order.
  const unknownTypes = new Set(sources.filter((s) => s.id === null).map((s) => typeOf(s.entry)));
  for (const type of unknownTypes) {
    const entries = sources.filter((s) => s.id === null && typeOf(s.entry) === type).map((s) => s.entry);
    const at = out.flatMap((i, n) => (!i.mapped && hashedType(i.source) === type ? [n] : []));
    if (at.length !== entries.length) continue;
    at.forEach((n, k) => (out[n] = named(out[n], entries[k], 'order', reads)));
  }
  return out;
}

/** Attributes of a raw entry that hold credentials (buildx's and BuildKit's names): never shown. */
const CREDENTIALS = new Set(['token', 'access_key_id', 'secret_access_key', 'session_token']);
const withoutCredentials = (entry: string) =>
  cacheEntryFields(entry)
    .map((f) => (CREDENTIALS.has(f.key.toLowerCase()) ? `${f.key}=***` : f.text))
    .join(',');

/**
 * How the summary names an import: its planned ref and why it was read; a raw `cache-from` entry
 * as written; else BuildKit's own name, marked.
 */
export function importLabel(i: ImportResult): { name: string; detail: string } {
  const order = i.mapped === 'order' ? 'matched by --cache-from order' : '';
  if (i.ref) return { name: i.ref, detail: [i.why ?? '', order].filter(Boolean).join('; ') };
  if (i.entry)
    return {
      name: withoutCredentials(i.entry),
      detail: ['a raw cache-from entry', order].filter(Boolean).join('; '),
    };
  return { name: i.source, detail: 'not mapped' };
}

/** Plain text, for reasons and warnings: the ref, the entry or BuildKit's name. */
export const importName = (i: ImportResult) => {
  const l = importLabel(i);
  return l.detail === 'not mapped' ? `${l.name} (not mapped)` : l.name;
};

/**
 * The sources that can have given the cached steps: the imported ones. With one, it is that one;
 * with several, BuildKit does not tell which gave each step. Null when nothing was cached.
 */
export function cachedStepsSources(imports: ImportResult[], cachedSteps: number): ImportResult[] | null {
  return cachedSteps === 0 ? null : imports.filter((i) => i.result === 'imported');
}
