import { cacheEntryFields } from '../lib/cache-entry';
import { type ImportIdContext, isStore, STORE } from '../stores/descriptors';

/**
 * The name BuildKit gives a cache import in its progress, `importing cache manifest from <id>`,
 * computed from a `--cache-from` entry. Pure. How BuildKit derives it (solver/llbsolver/bridge.go,
 * `cmKey`): a registry import is named by its `ref`; any other by `<type>:<hash>`, the hash of
 * `{Type, Attrs}` as the daemon receives them (hashstructure v2, FormatV2, FNV-1 64). The daemon
 * receives more than the entry says: buildx adds the gha token and URLs and the AWS credentials
 * from its environment, and the local folder's manifest digest from its index. So the id is
 * computed with the environment buildx runs with; it is a hash, the credentials never leave here.
 */

export type { ImportIdContext } from '../stores/descriptors';

/** The context of an id computed without the run's environment (the report, when the build did not say). */
export const WITHOUT_ENVIRONMENT: ImportIdContext = {
  cache: { raw: { token: undefined, resultsUrl: undefined, cacheUrl: undefined, serviceV2: undefined } },
  stores: { aws: { accessKeyId: '', secretAccessKey: '', sessionToken: '', bucket: '', region: '' } },
  localDigest: () => undefined,
};

interface ImportEntry {
  type: string;
  attrs: Map<string, string>;
}

/** The entry as buildx reads it: a bare reference is a registry one; keys are lower-cased. */
function readEntry(entry: string): ImportEntry | null {
  const fields = cacheEntryFields(entry);
  if (fields.length === 1 && fields[0].key === '') {
    return { type: 'registry', attrs: new Map([['ref', fields[0].value]]) };
  }
  const attrs = new Map<string, string>();
  let type = '';
  for (const f of fields) {
    if (f.key === '') return null;
    if (f.key.toLowerCase() === 'type') type = f.value;
    else attrs.set(f.key.toLowerCase(), f.value);
  }
  return type === '' ? null : { type, attrs };
}

/**
 * BuildKit's id of a `--cache-from` entry; null when it cannot be computed (s3 credentials from
 * outside the environment, an entry buildx cannot read) or buildx drops the entry (no vertex).
 */
export function cacheImportId(entry: string, ctx: ImportIdContext): string | null {
  const e = readEntry(entry);
  if (!e) return null;
  // Each store says what buildx adds to its entries (stores/descriptors.ts); any other type is sent as it is.
  const basis = isStore(e.type) ? STORE[e.type].importId(e.attrs, ctx) : 'hash';
  if (typeof basis === 'object') return basis.ref;
  if (basis !== 'hash') return null;
  return `${e.type}:${hashOptionsEntry(e.type, e.attrs)}`;
}

const MASK = (1n << 64n) - 1n;
const FNV_OFFSET = 14695981039346656037n;
const FNV_PRIME = 1099511628211n;

/** Go's `fnv.New64()`: FNV-1 (multiply, then xor), 64 bits. */
function fnv1(bytes: Uint8Array): bigint {
  let h = FNV_OFFSET;
  for (const b of bytes) h = ((h * FNV_PRIME) & MASK) ^ BigInt(b);
  return h;
}
const hashString = (s: string) => fnv1(new TextEncoder().encode(s));
function le64(...values: bigint[]): Uint8Array {
  const out = new Uint8Array(8 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, n) => view.setBigUint64(8 * n, v, true));
  return out;
}
/** hashstructure's helpers: an ordered pair hashes its two values; a group is closed by a hash. */
const ordered = (a: bigint, b: bigint) => fnv1(le64(a, b));
const finish = (a: bigint) => fnv1(le64(a));

/**
 * hashstructure v2 (FormatV2) of `CacheOptionsEntry{Type string; Attrs map[string]string}`: a
 * map is the xor of its key/value pairs, closed; a struct starts from its type's name and, as
 * that library does, closes its running value after each field.
 */
export function hashOptionsEntry(type: string, attrs: ReadonlyMap<string, string>): string {
  let map = 0n;
  for (const [k, v] of attrs) map ^= ordered(hashString(k), hashString(v));
  let h = hashString('CacheOptionsEntry');
  h = finish(h ^ ordered(hashString('Type'), hashString(type)));
  h = finish(h ^ ordered(hashString('Attrs'), finish(map)));
  return h.toString();
}
