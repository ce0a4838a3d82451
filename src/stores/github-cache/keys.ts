import { createHash } from 'node:crypto';
import * as os from 'node:os';

/**
 * The key scheme of every GitHub cache entry the action's runs leave: a contract between the rooms
 * that write entries (BuildKit's gha export, local folders, cache mounts, buildx releases) and the
 * clean-up that deletes them. Each kind of entry is tied to a cache name, so a gone ref's entries of
 * every kind can be found and deleted together.
 */

/** BuildKit's index format version inside the key (`index-<name>-1-…`). */
const INDEX_VERSION = '1';

/** BuildKit's gha layer blobs: content-addressed, shared by every index that can read their scope. */
export const BLOB_KEY_PREFIX = 'buildkit-blob-';

/** BuildKit's gha index entries. */
export const INDEX_KEY_PREFIX = 'index-';

/** `cache: local` folders kept in the GitHub cache; bump when the archive's layout changes. */
export const LOCAL_KEY_PREFIX = 'bkca-local-v1';

/** Cache mounts kept in the GitHub cache; bump when the archive's layout changes. */
export const MOUNT_KEY_PREFIX = 'bkca-mount-v1';

/**
 * The index keys BuildKit's import loads for a cache name: one per ref scope of the token,
 * `index-<name>-1-<first 8 hex of sha256(scope)>` (the exporter appends `#<n>`). Without the
 * token's scopes, the prefix every such key starts with.
 */
export function indexKeys(name: string, tokenScopes: string[] | null): string[] {
  const prefix = `${INDEX_KEY_PREFIX}${name}-${INDEX_VERSION}-`;
  if (!tokenScopes || tokenScopes.length === 0) return [prefix];
  return tokenScopes.map((s) => prefix + createHash('sha256').update(s).digest('hex').slice(0, 8));
}

/** Whether a matched key is an index of exactly this name (`…branch-main-` also starts `…branch-main-2-…`). */
export function isIndexOf(key: string, name: string): boolean {
  const prefix = `${INDEX_KEY_PREFIX}${name}-${INDEX_VERSION}-`;
  return key.startsWith(prefix) && /^[0-9a-f]{8}(?:#\d+)?$/.test(key.slice(prefix.length));
}

/** The cache names in BuildKit index keys (`index-<name>-1-<8 hex>[#n]`); other keys are ignored. */
export function indexNames(keys: string[]): string[] {
  const names = new Set<string>();
  for (const key of keys) {
    const m = /^index-(.+)-1-[0-9a-f]{8}(?:#\d+)?$/.exec(key);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

/** `bkca-local-v1/<cache name>/`: every saved state of a `cache: local` folder. */
export const localKeyPrefix = (name: string) => `${LOCAL_KEY_PREFIX}/${name}/`;

/** `bkca-mount-v1/<mount id>/<cache name of the ref>/`: a ref's mount, whatever its content. */
export function mountKeyPrefix(mountIdSlug: string, cacheName: string): string {
  return `${MOUNT_KEY_PREFIX}/${mountIdSlug}/${cacheName}/`;
}

/** A downloaded buildx release: one entry per version, OS and architecture. */
export function releaseCacheKey(version: string, platform = os.platform(), arch = os.arch()): string {
  return `buildkit-cache-action-buildx-${version}-${platform}-${arch}`;
}

/** The kinds of entries tied to a cache name. */
export type EntryFamily = 'index' | 'local' | 'mount';

/** The key prefix that lists a family's entries whose cache name starts with `namePrefix`. */
export const FAMILY_KEY_PREFIX: Record<EntryFamily, (namePrefix: string) => string> = {
  index: (namePrefix) => `${INDEX_KEY_PREFIX}${namePrefix}`,
  local: (namePrefix) => `${LOCAL_KEY_PREFIX}/${namePrefix}`,
  // The mount id comes first: every mount of the ref is listed, and the names pick among them.
  mount: () => `${MOUNT_KEY_PREFIX}/`,
};

/** The cache name a GitHub cache entry belongs to; null for layer blobs and other tools' entries. */
export function cacheNameOfKey(key: string): string | null {
  const [index] = indexNames([key]);
  if (index !== undefined) return index;
  const parts = key.split('/');
  if (parts.length === 3 && parts[0] === LOCAL_KEY_PREFIX) return parts[1];
  if (parts.length === 4 && parts[0] === MOUNT_KEY_PREFIX) return parts[2];
  return null;
}

/** A matrix leg's record for the merge job (`merge: leg`); bump when the record's shape changes. */
export const MERGE_KEY_PREFIX = 'bkca-merge-v1';

const keyPart = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * `bkca-merge-v1/<run id>/<image>/<platform>/`: every record of one platform's leg in one run, one
 * per attempt. Keys are immutable, so a re-run leg saves a new key, and a prefix restore, newest
 * first, finds the re-run's.
 */
export function mergeRecordPrefix(runId: string, image: string, platform: string): string {
  return `${MERGE_KEY_PREFIX}/${keyPart(runId)}/${keyPart(image)}/${keyPart(platform)}/`;
}

export const mergeRecordKey = (runId: string, image: string, platform: string, attempt: string) =>
  `${mergeRecordPrefix(runId, image, platform)}${keyPart(attempt)}`;
