/**
 * What a local cache folder still needs after an export. BuildKit's local exporter adds the new
 * cache's blobs and points index.json at it, but never deletes the blobs of earlier exports, so a
 * folder carried from run to run grows without bound (build-push-action#252, moby/buildkit#1896).
 * Pure: index.json and a way to read a blob in, the digests index.json still reaches out.
 */

interface Descriptor {
  mediaType?: string;
  digest?: string;
}

interface ManifestLike {
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
}

/** Media types whose blobs are JSON that names further blobs (indexes and manifests). */
const NAMES_BLOBS =
  /(manifest|index)(\.list)?(\.v\d+)?\+json$|^application\/vnd\.oci\.image\.(index|manifest)\.v1\+json$/;

function parse(text: string | null): ManifestLike | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as ManifestLike;
  } catch {
    return null;
  }
}

/** Every digest reachable from index.json: index → manifests (lists) → config and layers. */
export function reachableBlobs(indexJson: string, readBlob: (digest: string) => string | null): Set<string> {
  const reached = new Set<string>();
  const visit = (d: Descriptor | undefined) => {
    if (!d?.digest || reached.has(d.digest)) return;
    reached.add(d.digest);
    if (d.mediaType && NAMES_BLOBS.test(d.mediaType)) follow(parse(readBlob(d.digest)));
  };
  const follow = (m: ManifestLike | null) => {
    if (m === null) return;
    for (const d of m.manifests ?? []) visit(d);
    visit(m.config);
    for (const d of m.layers ?? []) visit(d);
  };
  follow(parse(indexJson));
  return reached;
}

/**
 * The blobs to delete: those index.json no longer reaches. None when index.json cannot be read:
 * a folder whose index is broken is left as it is, never emptied.
 */
export function unreachableBlobs(
  indexJson: string | null,
  blobs: string[],
  readBlob: (digest: string) => string | null,
): string[] {
  if (indexJson === null || parse(indexJson) === null) return [];
  const reached = reachableBlobs(indexJson, readBlob);
  return blobs.filter((b) => !reached.has(b)).sort();
}
