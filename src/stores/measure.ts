import * as fs from 'node:fs';
import * as path from 'node:path';
import { failureText, type FetchLike, httpFetch } from '../net/http';
import { MANIFEST_TYPES, type Descriptor } from '../lib/oci';
import { type ImageReference, parseImageReference, registryOrigin } from './registry/name';
import { cacheEntryAttributes } from '../lib/cache-entry';
import type { ExportSize } from './export-size';
import { isStore, type Store } from './descriptors';

/**
 * The bytes a cache manifest points at: config and layers of an image manifest (what buildx
 * writes with image-manifest=true), or the blobs an index lists (the older cache format).
 */
export function cacheManifestBytes(manifest: unknown): number | null {
  if (typeof manifest !== 'object' || manifest === null) return null;
  const m = manifest as { config?: { size?: unknown }; layers?: unknown; manifests?: unknown };
  const sizes = (list: unknown) =>
    Array.isArray(list)
      ? list.map((d) => (typeof d === 'object' && d !== null ? (d as { size?: unknown }).size : undefined))
      : [];
  const all = [m.config?.size, ...sizes(m.layers), ...sizes(m.manifests)].filter((s) => s !== undefined);
  if (all.length === 0 || all.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s < 0)) return null;
  return (all as number[]).reduce((a, b) => a + b, 0);
}

/** `127.0.0.1:5000/team/cache:main` → where its manifest is served. Docker Hub names get its API host. */
export function registryManifestUrl(ref: string, digest: string): string | null {
  let parsed: ImageReference;
  try {
    parsed = parseImageReference(ref);
  } catch {
    return null;
  }
  const { name, tag, digest: pinned } = parsed;
  const reference = digest || pinned || tag || 'latest';
  return `${registryOrigin(name.registry)}/v2/${name.repository}/manifests/${reference}`;
}

/** Anonymous GET of a cache manifest; its blob sizes summed. Never throws. */
export async function registryCacheBytes(
  ref: string,
  digest: string,
  fetcher: FetchLike = httpFetch,
  timeoutMs = 5000,
): Promise<{ bytes: number | null; how: string }> {
  const url = registryManifestUrl(ref, digest);
  if (!url) return { bytes: null, how: `not measured: cannot read the registry reference ${ref}` };
  try {
    const res = await fetcher(url, {
      headers: { Accept: MANIFEST_TYPES },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      const why =
        res.status === 401 || res.status === 403 ? 'the registry wants credentials' : `HTTP ${res.status}`;
      return { bytes: null, how: `not measured: ${why}` };
    }
    const bytes = cacheManifestBytes(JSON.parse(await res.text()));
    return bytes === null
      ? { bytes: null, how: 'not measured: the manifest lists no blob sizes' }
      : { bytes, how: 'sum of the blobs the cache manifest lists' };
  } catch (e) {
    return { bytes: null, how: `not measured: ${failureText(e)}` };
  }
}

/** Bytes of the files under a folder (symbolic links not followed); null when it is not there. */
export function directoryBytes(dir: string): number | null {
  try {
    if (!fs.statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  let total = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) total += fs.lstatSync(p).size;
    }
  };
  try {
    walk(dir);
  } catch {
    return null;
  }
  return total;
}

/** What one store's destination measures: its bytes and how, or null when this entry cannot be measured. */
type Measure = (
  attrs: Record<string, string>,
  /** The manifest's digest from the metadata file, when this is the only registry destination. */
  digest: string,
  fetcher?: FetchLike,
) => Promise<Omit<ExportSize, 'destination'>> | null;

/** The folder's size: it keeps the blobs of earlier exports too. */
function folderSize(dest: string): Omit<ExportSize, 'destination'> {
  const bytes = directoryBytes(dest);
  return {
    bytes,
    how:
      bytes === null
        ? 'not measured: the folder is not there'
        : 'size of the folder (it keeps blobs of earlier exports too)',
  };
}

const notMeasured: Measure = () => null;

/** Per store, how an export there is measured (the store's other parts: descriptors.ts). */
export const MEASURE: Record<Store, Measure> = {
  registry: (attrs, digest, fetcher) => (attrs.ref ? registryCacheBytes(attrs.ref, digest, fetcher) : null),
  local: (attrs) => (attrs.dest ? Promise.resolve(folderSize(attrs.dest)) : null),
  gha: notMeasured,
  s3: notMeasured,
  azblob: notMeasured,
  inline: notMeasured,
};

/**
 * Measures each `cache-to` destination: a registry cache by its manifest (fetched; the digest
 * from the metadata file when there is a single registry destination), a local cache by its
 * folder, anything else not at all. Never throws.
 */
export async function measureExports(
  destinations: string[],
  manifest: Descriptor | null,
  fetcher?: FetchLike,
): Promise<ExportSize[]> {
  const registries = destinations.filter((d) => cacheEntryAttributes(d).type === 'registry');
  const digest = registries.length === 1 && manifest ? manifest.digest : '';
  const out: ExportSize[] = [];
  for (const destination of destinations) {
    const attrs = cacheEntryAttributes(destination);
    const type = attrs.type ?? '';
    const measured = isStore(type) ? MEASURE[type](attrs, digest, fetcher) : null;
    out.push({
      destination,
      ...((await measured) ?? { bytes: null, how: `not measured for ${type || 'this'} caches` }),
    });
  }
  return out;
}
