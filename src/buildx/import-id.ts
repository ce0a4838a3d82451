import { cacheEntryFields } from '../lib/cache-entry';

/**
 * The name BuildKit gives a cache import in its progress, `importing cache manifest from <id>`,
 * computed from a `--cache-from` entry. Pure. How BuildKit derives it (solver/llbsolver/bridge.go,
 * `cmKey`): a registry import is named by its `ref`; any other by `<type>:<hash>`, the hash of
 * `{Type, Attrs}` as the daemon receives them (hashstructure v2, FormatV2, FNV-1 64). The daemon
 * receives more than the entry says: buildx adds the gha token and URLs and the AWS credentials
 * from its environment, and the local folder's manifest digest from its index. So the id is
 * computed with the environment buildx runs with; it is a hash, the credentials never leave here.
 */

/** What buildx reads besides the entry: its environment, and a local folder's index. */
export interface ImportIdContext {
  env: Readonly<Record<string, string | undefined>>;
  /** The manifest digest a local folder's index holds for the tag; undefined when it has none. */
  localDigest: (src: string, tag: string) => string | undefined;
}

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

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const defined = (v: string | undefined): v is string => v !== undefined;

/** buildx adds the runner's cache token and service URLs; without both it drops the entry. */
function addGithubCache(e: ImportEntry, env: ImportIdContext['env']): 'dropped' | 'ok' {
  const version = e.attrs.get('version') ?? (GO_TRUE.has(env.ACTIONS_CACHE_SERVICE_V2 ?? '') ? '2' : '');
  if (!e.attrs.has('token') && defined(env.ACTIONS_RUNTIME_TOKEN))
    e.attrs.set('token', env.ACTIONS_RUNTIME_TOKEN);
  if (!e.attrs.has('url_v2') && version === '2' && defined(env.ACTIONS_RESULTS_URL)) {
    e.attrs.set('url_v2', env.ACTIONS_RESULTS_URL);
  }
  const url = env.ACTIONS_CACHE_URL ?? env.ACTIONS_RESULTS_URL;
  if (!e.attrs.has('url') && defined(url)) e.attrs.set('url', url);
  const active = (e.attrs.get('token') ?? '') !== '' && (e.attrs.get('url') || e.attrs.get('url_v2'));
  return active ? 'ok' : 'dropped';
}

/**
 * buildx adds the AWS SDK's default credentials. Only the environment's can be known here: without
 * them the SDK may take a profile or an instance role, and the id cannot be computed.
 */
function addAwsCredentials(e: ImportEntry, env: ImportIdContext['env']): 'unknown' | 'ok' {
  if (e.attrs.has('access_key_id') && e.attrs.has('secret_access_key')) return 'ok';
  const keyId = env.AWS_ACCESS_KEY_ID || env.AWS_ACCESS_KEY;
  const secret = env.AWS_SECRET_ACCESS_KEY || env.AWS_SECRET_KEY;
  if (!keyId || !secret) return 'unknown';
  if (!e.attrs.has('access_key_id')) e.attrs.set('access_key_id', keyId);
  if (!e.attrs.has('secret_access_key')) e.attrs.set('secret_access_key', secret);
  if (!e.attrs.has('session_token') && env.AWS_SESSION_TOKEN)
    e.attrs.set('session_token', env.AWS_SESSION_TOKEN);
  return 'ok';
}

/** buildx passes the digest its index holds for the tag; a folder without one is not imported. */
function addLocalDigest(e: ImportEntry, localDigest: ImportIdContext['localDigest']): 'dropped' | 'ok' {
  if (e.attrs.has('digest')) return 'ok';
  const digest = localDigest(e.attrs.get('src') ?? '', e.attrs.get('tag') ?? 'latest');
  if (digest === undefined) return 'dropped';
  e.attrs.set('digest', digest);
  return 'ok';
}

/**
 * BuildKit's id of a `--cache-from` entry; null when it cannot be computed (s3 credentials from
 * outside the environment, an entry buildx cannot read) or buildx drops the entry (no vertex).
 */
export function cacheImportId(entry: string, ctx: ImportIdContext): string | null {
  const e = readEntry(entry);
  if (!e) return null;
  if (e.type === 'registry' && (e.attrs.get('ref') ?? '') !== '') return e.attrs.get('ref')!;
  const added =
    e.type === 'gha'
      ? addGithubCache(e, ctx.env)
      : e.type === 's3'
        ? addAwsCredentials(e, ctx.env)
        : e.type === 'local'
          ? addLocalDigest(e, ctx.localDigest)
          : 'ok';
  if (added !== 'ok') return null;
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
