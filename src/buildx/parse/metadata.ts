import { type Descriptor } from '../../lib/oci';
import { isObject, num, str } from './json';
/** Pure parser of buildx's --metadata-file JSON; tested against recorded real output. */

/** A resolved build input: for a `FROM` image, the image and the digest it resolved to. */
export interface Material {
  uri: string;
  /** `127.0.0.1:5000/busybox:latest` for a docker image; empty for other materials (git, http). */
  image: string;
  /** `linux/amd64`, or empty when the record does not say. */
  platform: string;
  /** `sha256:…` */
  digest: string;
}

export interface BuildMetadata {
  /** The build record's ref: the last element of `buildx.build.ref`. */
  ref: string | null;
  digest: string;
  /** The cache manifest the registry or local cache exporter wrote (`cache.manifest`). */
  cacheManifest: Descriptor | null;
  /** FROM images from the provenance buildx puts in the file (single-platform builds only). */
  materials: Material[];
  raw: Record<string, unknown>;
}

function descriptor(v: unknown): Descriptor | null {
  let d = v;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      return null;
    }
  }
  if (!isObject(d) || str(d.digest) === '') return null;
  return { mediaType: str(d.mediaType), digest: str(d.digest), size: num(d.size) };
}

/**
 * `pkg:docker/127.0.0.1:5000/busybox@latest?platform=linux%2Famd64` → image and platform. Other
 * package URLs (git, http sources) keep their URI and get no image.
 */
export function parseMaterialUri(uri: string): { image: string; platform: string } {
  const m = /^pkg:docker\/([^@?#]+)(?:@([^?#]+))?(?:\?([^#]*))?/.exec(uri);
  if (!m) return { image: '', platform: '' };
  const name = decodeURIComponent(m[1]);
  const version = m[2] ? decodeURIComponent(m[2]) : '';
  const image = version === '' ? name : version.includes(':') ? `${name}@${version}` : `${name}:${version}`;
  const platform = new URLSearchParams(m[3] ?? '').get('platform') ?? '';
  return { image, platform };
}

/** A material from its package URL and digest, as the metadata file and the build record give them. */
export function material(uri: string, digest: string): Material {
  return { uri, ...parseMaterialUri(uri), digest };
}

export function parseMetadata(text: string): BuildMetadata {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) raw = parsed;
  } catch {
    raw = {};
  }
  const buildRef = str(raw['buildx.build.ref']);
  const provenance = raw['buildx.build.provenance'];
  const materials: Material[] = [];
  if (isObject(provenance) && Array.isArray(provenance.materials)) {
    for (const m of provenance.materials) {
      if (!isObject(m) || str(m.uri) === '') continue;
      const sha = isObject(m.digest) ? str(m.digest.sha256) : '';
      materials.push(material(str(m.uri), sha ? `sha256:${sha}` : ''));
    }
  }
  return {
    ref: buildRef === '' ? null : (buildRef.split('/').pop() ?? null),
    digest: str(raw['containerimage.digest']),
    cacheManifest: descriptor(raw['cache.manifest']),
    materials,
    raw,
  };
}
