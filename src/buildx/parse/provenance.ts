import { isObject, str } from './json';

/**
 * Pure parser of a build record's provenance attachment (`docker buildx history inspect
 * attachment <ref> <digest>`): the cache mounts BuildKit really used, from the LLB it lists. Each
 * exec op's cache mount carries `cacheOpt: {ID, sharing}`, ID being the frontend's id behind the
 * cache-mount namespace and a `/`. Tested on attachments recorded from the real engine.
 */

export interface UsedCacheMount {
  /** As in the LLB: `<namespace>/<frontend id>`. */
  llbId: string;
  /** Where the step saw it. */
  dest: string;
  sharing: 'shared' | 'private' | 'locked';
}

/** Protobuf's enum: a number in Go's JSON, a name in protobuf's. */
const SHARING: Record<string, UsedCacheMount['sharing']> = {
  '0': 'shared',
  '1': 'private',
  '2': 'locked',
  SHARED: 'shared',
  PRIVATE: 'private',
  LOCKED: 'locked',
};

/** A key in either spelling: Go's field name or its JSON tag. */
const pick = (o: Record<string, unknown>, ...names: string[]) =>
  names.map((n) => o[n]).find((v) => v !== undefined);

function cacheMountOf(o: Record<string, unknown>): UsedCacheMount | null {
  const opt = pick(o, 'cacheOpt', 'CacheOpt', 'cache_opt');
  if (!isObject(opt)) return null;
  const llbId = str(pick(opt, 'ID', 'id'));
  if (llbId === '') return null;
  const sharing = SHARING[String(pick(opt, 'sharing', 'Sharing') ?? 0)] ?? 'shared';
  return { llbId, dest: str(pick(o, 'dest', 'Dest')), sharing };
}

/**
 * Every cache mount of the attachment's LLB, once per id and path, wherever the predicate puts
 * the build definition (SLSA v0.2's `buildConfig`, v1's `internalParameters`). Null when the text
 * is not JSON.
 */
export function parseProvenanceCacheMounts(text: string): UsedCacheMount[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const found = new Map<string, UsedCacheMount>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      const mount = cacheMountOf(v);
      if (mount) found.set(`${mount.llbId}\n${mount.dest}`, mount);
      else Object.values(v).forEach(walk);
    }
  };
  walk(doc);
  return [...found.values()];
}

/** The frontend's id of an LLB cache id: the namespace (BUILDKIT_CACHE_MOUNT_NS) and `/` off. */
export function frontendCacheId(llbId: string, namespace: string): string {
  const prefix = `${namespace}/`;
  return llbId.startsWith(prefix) ? llbId.slice(prefix.length) : llbId;
}

/** The provenance attachments of `history inspect`'s JSON, one per platform (either SLSA version). */
export function provenanceAttachments(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  return attachments
    .filter((a) => isObject(a) && str(pick(a, 'Type', 'type')).startsWith('https://slsa.dev/provenance/'))
    .map((a) => str(pick(a as Record<string, unknown>, 'Digest', 'digest')))
    .filter((d) => d !== '');
}
