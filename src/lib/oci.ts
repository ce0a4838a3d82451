/** An OCI descriptor: what `cache.manifest` in the metadata file points at. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

/**
 * The `Accept` header for what the cache exporters write: manifest lists and indexes, or an image
 * manifest (`image-manifest=true`).
 */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/**
 * The manifest a tag is moved to before it is deleted where a registry cannot delete a tag alone:
 * an empty OCI index whose annotation names what was removed, so each is distinct and explains
 * itself if it is ever seen.
 */
export function placeholderIndex(removed: string): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [],
    annotations: { 'org.opencontainers.image.description': `buildkit-cache-action: removed ${removed}` },
  });
}
