import { openRegistry, type RegistrySession, registryFailure } from '../stores/registry/session';
import { listTags } from '../stores/registry/tags';
import { moveTagToPlaceholder } from '../stores/registry/remove';
import { type GitHubApi, githubRequest } from '../github/rest';
import type { ExistingCache, TaggedManifest } from './deletions';
import { MANIFEST_TYPES } from '../lib/oci';

const PARALLEL = 8;
/** Reading every tag's digest and deleting share one session: this bounds them all. */
const SESSION_TIMEOUT_MS = 30000;

async function eachLimited<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return out;
}

/**
 * When a cache manifest was written: the newest `buildkit/createdat` among its layers (BuildKit
 * annotates every layer of a cache with it). Null when none is there.
 */
export function newestLayerTime(manifest: unknown): number | null {
  const m = manifest as { manifests?: unknown; layers?: unknown } | null;
  const descriptors = [
    ...(Array.isArray(m?.manifests) ? m.manifests : []),
    ...(Array.isArray(m?.layers) ? m.layers : []),
  ] as { annotations?: Record<string, unknown> }[];
  let newest: number | null = null;
  for (const d of descriptors) {
    const t = Date.parse(String(d?.annotations?.['buildkit/createdat'] ?? ''));
    if (!Number.isNaN(t) && (newest === null || t > newest)) newest = t;
  }
  return newest;
}

/** The distribution API: tags, their digests, deletion by digest. */
export interface RegistryListing {
  caches: ExistingCache[];
  manifests: TaggedManifest[];
  session: RegistrySession;
}

/** The cache repository's tags. Throws an Error with a reason fit for a warning. */
export async function registryTags(image: string, dockerConfigDir: string): Promise<string[]> {
  const listed = await listTags({ image, dockerConfigDir, timeoutMs: 10000 });
  if (listed.tags === null) throw new Error(listed.reason);
  return listed.tags;
}

/**
 * Every tag with the digest it points at (one HEAD each), so no tag is deleted whose manifest a
 * kept tag shares; for the tags `dated` picks, the manifest is read for its age. Throws an Error
 * with a reason fit for a warning.
 */
export async function readRegistryTags(o: {
  image: string;
  tags: string[];
  dockerConfigDir: string;
  dated: (tag: string) => boolean;
  timeoutMs?: number;
}): Promise<RegistryListing> {
  const timeoutMs = o.timeoutMs ?? SESSION_TIMEOUT_MS;
  const session = openRegistry({
    image: o.image,
    dockerConfigDir: o.dockerConfigDir,
    signal: AbortSignal.timeout(timeoutMs),
    timeoutMs,
    // push: a tag another tag's manifest holds is moved to a placeholder before it goes.
    actions: 'pull,push,delete',
  });
  const { name } = session;
  const read = async (tag: string) => {
    const dated = o.dated(tag);
    const res = await session.send(`${session.origin}/v2/${name.repository}/manifests/${tag}`, {
      method: dated ? 'GET' : 'HEAD',
      headers: { Accept: MANIFEST_TYPES },
    });
    const body = await res.text();
    if (res.status === 404) return { tag, digest: null, createdAt: null };
    if (!res.ok) throw new Error(`${session.where} answered HTTP ${res.status} for the tag ${tag}`);
    const digest = res.headers.get('docker-content-digest');
    if (!digest) throw new Error(`${session.where} sent no digest for the tag ${tag}`);
    let createdAt: number | null = null;
    if (dated) {
      try {
        createdAt = newestLayerTime(JSON.parse(body));
      } catch {
        createdAt = null;
      }
    }
    return { tag, digest, createdAt };
  };
  let found;
  try {
    found = await eachLimited(o.tags, read);
  } catch (e) {
    throw new Error(
      registryFailure(e, { where: session.where, doing: 'reading tags', timeoutMs, redact: session.redact }),
    );
  }
  const manifests = new Map<string, string[]>();
  for (const f of found) if (f.digest) manifests.set(f.digest, [...(manifests.get(f.digest) ?? []), f.tag]);
  return {
    caches: found.filter((f) => f.digest).map((f) => ({ name: f.tag, createdAt: f.createdAt })),
    manifests: [...manifests].map(([id, tags]) => ({ id, tags })),
    session,
  };
}

/** GHCR keeps its images as packages: `ghcr.io/<owner>/<path>` is the container package `<path>` of `<owner>`. */
export function ghcrPackage(image: string): { owner: string; name: string } | null {
  const m = /^ghcr\.io\/([^/]+)\/(.+)$/.exec(image.toLowerCase());
  return m ? { owner: m[1], name: m[2] } : null;
}

interface PackageVersion {
  id: number;
  /** The manifest's digest. */
  name?: string;
  created_at?: string;
  metadata?: { container?: { tags?: unknown } };
}

/**
 * The container package's versions (GitHub's Packages REST API): one per manifest, with its tags.
 * The owner is an organization or a user; the organization's path is tried first. Throws
 * GitHubApiError.
 */
export async function listGhcr(
  api: GitHubApi,
  pkg: { owner: string; name: string },
): Promise<{ caches: ExistingCache[]; manifests: TaggedManifest[]; base: string }> {
  const encoded = encodeURIComponent(pkg.name);
  let base = `/orgs/${pkg.owner}/packages/container/${encoded}/versions`;
  const versions: PackageVersion[] = [];
  for (let page = 1; page <= 20; page++) {
    let body: unknown;
    try {
      body = await githubRequest(api, 'GET', `${base}?per_page=100&page=${page}`);
    } catch (e) {
      if (page !== 1 || (e as { status?: number }).status !== 404 || base.startsWith('/users/')) throw e;
      base = `/users/${pkg.owner}/packages/container/${encoded}/versions`;
      body = await githubRequest(api, 'GET', `${base}?per_page=100&page=${page}`);
    }
    const list = (Array.isArray(body) ? body : []) as PackageVersion[];
    versions.push(...list);
    if (list.length < 100) break;
  }
  const caches: ExistingCache[] = [];
  const manifests: TaggedManifest[] = [];
  for (const v of versions) {
    const raw = v.metadata?.container?.tags;
    const tags = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
    const createdAt = v.created_at ? Date.parse(v.created_at) : NaN;
    for (const tag of tags) caches.push({ name: tag, createdAt: Number.isNaN(createdAt) ? null : createdAt });
    manifests.push({ id: String(v.id), tags });
  }
  return { caches, manifests, base };
}

export async function deleteGhcrVersion(api: GitHubApi, base: string, id: string): Promise<void> {
  await githubRequest(api, 'DELETE', `${base}/${id}`);
}

/**
 * One tag off a GHCR version that keeps other tags. The Packages API deletes versions, not tags:
 * the tag is moved to a placeholder over the registry API (a new version holding only that tag),
 * and that version is deleted. Returns a reason when it could not; throws GitHubApiError.
 */
export async function removeGhcrTag(o: {
  api: GitHubApi;
  base: string;
  image: string;
  configDir: string;
  tag: string;
  removed: string;
}): Promise<string | null> {
  const session = openRegistry({
    image: o.image,
    dockerConfigDir: o.configDir,
    signal: AbortSignal.timeout(SESSION_TIMEOUT_MS),
    timeoutMs: SESSION_TIMEOUT_MS,
    actions: 'pull,push',
  });
  let moved;
  try {
    moved = await moveTagToPlaceholder(session, o.tag, o.removed);
  } catch (e) {
    const doing = `moving the tag ${o.tag}`;
    return registryFailure(e, { ...session, doing, timeoutMs: SESSION_TIMEOUT_MS });
  }
  if ('reason' in moved) return moved.reason;
  // A version is named by its manifest's digest; the new one is among the newest.
  const versions = (await githubRequest(o.api, 'GET', `${o.base}?per_page=100&page=1`)) as PackageVersion[];
  const version = (Array.isArray(versions) ? versions : []).find((v) => v.name === moved.digest);
  if (!version) return `GHCR listed no version ${moved.digest} for the moved tag ${o.tag}`;
  await deleteGhcrVersion(o.api, o.base, String(version.id));
  return null;
}
