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
