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
  /** The Dockerfile line of the step that mounts it, from the record's source map (when it has one). */
  line?: number;
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
 * the build definition (SLSA v0.2's `buildConfig`, v1's `internalParameters`), with its step's
 * Dockerfile line. Null when the text is not JSON.
 */
export function parseProvenanceCacheMounts(text: string): UsedCacheMount[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const lines = stepLines(doc);
  const found = new Map<string, UsedCacheMount>();
  const walk = (v: unknown, step: string | undefined) => {
    if (Array.isArray(v)) v.forEach((item) => walk(item, step));
    else if (isObject(v)) {
      // A definition's entries are `{id: "step3", op: …}`: the mounts below are that step's.
      const here = typeof v.id === 'string' && 'op' in v ? v.id : step;
      const mount = cacheMountOf(v);
      const line = here === undefined ? undefined : lines.get(here);
      if (mount) found.set(`${mount.llbId}\n${mount.dest}`, line === undefined ? mount : { ...mount, line });
      else Object.values(v).forEach((child) => walk(child, here));
    }
  };
  walk(doc, undefined);
  return [...found.values()];
}

/**
 * The record's source map (BuildKit's `metadata.source.locations`): each step's first line in the
 * build's own Dockerfile (source 0), by step id.
 */
function stepLines(doc: unknown): Map<string, number> {
  const lines = new Map<string, number>();
  const find = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(find);
    if (!isObject(v)) return;
    const locations = isObject(v.source) ? v.source.locations : undefined;
    if (!isObject(locations)) return Object.values(v).forEach(find);
    for (const [step, at] of Object.entries(locations)) {
      const line = firstLine(at);
      if (line !== undefined && !lines.has(step)) lines.set(step, line);
    }
  };
  find(doc);
  return lines;
}

/** `{locations: [{sourceIndex?, ranges: [{start: {line}}]}]}`: the first line in source 0. */
function firstLine(at: unknown): number | undefined {
  const list = isObject(at) && Array.isArray(at.locations) ? at.locations : [];
  for (const loc of list) {
    if (!isObject(loc) || (loc.sourceIndex ?? 0) !== 0 || !Array.isArray(loc.ranges)) continue;
    const start = isObject(loc.ranges[0]) ? loc.ranges[0].start : undefined;
    const line = isObject(start) ? start.line : undefined;
    if (typeof line === 'number' && line > 0) return line;
  }
  return undefined;
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
