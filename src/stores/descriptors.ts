import { CACHE_BACKENDS, type CacheBackend } from '../runner/inputs/types';
import type { GithubCacheAccess, StoreCredentials } from '../runner/environment';
import { parseBool } from '../lib/text';

/**
 * One descriptor per store: what the planner, the clean-up's name reading and the import id need
 * to know about it, pure. The effectful parts are tables keyed by the same union, total too: the
 * existence check (facts/existing.ts `EXISTENCE`) and the deletion (cleanup/run.ts
 * `BACKEND_CLEANUP`), and the export's measuring (stores/measure.ts `MEASURE`). A store added to
 * the union is a compile error in each of them (docs/stores.md, "Adding a store").
 */

/** A store the layer cache can live in: every `cache` choice but `none`. */
export type Store = Exclude<CacheBackend, 'none'>;

/** Every store, in the order of the `cache` input's choices. */
export const STORES: readonly Store[] = CACHE_BACKENDS.filter((b): b is Store => b !== 'none');

export const isStore = (type: string): type is Store => (STORES as readonly string[]).includes(type);

/** Where the run's caches go: the registry repository and the local folders' parent. */
export interface CacheHome {
  /** Repository for registry caches (no tag). */
  image: string;
  /** Parent folder of local caches. */
  dir: string;
}

/** What buildx reads besides the entry before BuildKit names an import: its environment, a local index. */
export interface ImportIdContext {
  cache: Pick<GithubCacheAccess, 'raw'>;
  stores: Pick<StoreCredentials, 'aws'>;
  /** The manifest digest a local folder's index holds for the tag; undefined when it has none. */
  localDigest: (src: string, tag: string) => string | undefined;
}

/**
 * How BuildKit names an import of this store (buildx/import-id.ts): by its `ref`, or by the hash
 * of the entry once buildx has added what it adds (`attrs` is changed in place); `dropped`: buildx
 * leaves the entry out; `unknown`: what buildx adds cannot be known here.
 */
export type ImportIdBasis = { ref: string } | 'hash' | 'dropped' | 'unknown';

export interface StoreDescriptor {
  /** `cache-options` keys its exporter (`to`) and importer (`from`) accept, besides those the planner sets. */
  accepts: { to: readonly string[]; from: readonly string[] };
  /** Where one named cache lives: the entry's attribute per direction, its value, and the names read back from it. */
  location: {
    attribute: { from: string; to: string };
    value: (name: string, home: CacheHome) => string;
    /** The cache names a value of the attribute holds (what a clean-up must not delete). */
    names: (value: string) => string[];
  };
  /** Where the `--cache-from` entries come from: one per planned name, or the image's own tags. */
  reads: 'one entry per name' | 'the image tags';
  /** The `--cache-to` entries: one per name, one exporter writing every name, or the image itself. */
  writes: 'one entry per name' | 'one entry for all names' | 'inside the image';
  /** Exporter attributes set unless `cache-options` sets the same key. */
  presets: (home: CacheHome) => string[];
  importId: (attrs: Map<string, string>, ctx: ImportIdContext) => ImportIdBasis;
}

/** Where an s3 cache lives: both the importer and the exporter take these. */
const S3_SHARED = [
  'bucket',
  'region',
  'prefix',
  'blobs_prefix',
  'manifests_prefix',
  'endpoint_url',
  'use_path_style',
];
const AZBLOB_SHARED = [
  'account_url',
  'account_name',
  'container',
  'prefix',
  'blobs_prefix',
  'manifests_prefix',
];
const IMAGE_EXPORT = [
  'image-manifest',
  'oci-mediatypes',
  'compression',
  'compression-level',
  'force-compression',
];

/** `<image>:<name>`: a tag of the cache repository. */
const asTag = {
  attribute: { from: 'ref', to: 'ref' },
  value: (name: string, home: CacheHome) => `${home.image}:${name}`,
  names: (value: string) => [value.slice(value.lastIndexOf(':') + 1)],
};

/** `name=a;b`: the store's own name attribute, several names `;`-separated. */
const byName = (attribute: string) => ({
  attribute: { from: attribute, to: attribute },
  value: (name: string) => name,
  names: (value: string) => value.split(';'),
});

const none = () => [];

/** ECR and Artifact Registry reject the default cache manifest list; they need an OCI image manifest. */
function registryPresets(home: CacheHome): string[] {
  const host = home.image.split('/')[0];
  if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host) || /-docker\.pkg\.dev$/.test(host)) {
    return ['image-manifest=true', 'oci-mediatypes=true'];
  }
  return [];
}

/** buildx adds the runner's cache token and service URLs; without both it drops the entry. */
function addGithubCache(attrs: Map<string, string>, { cache }: ImportIdContext): ImportIdBasis {
  const env = cache.raw;
  const version = attrs.get('version') ?? (parseBool(env.serviceV2) === true ? '2' : '');
  if (!attrs.has('token') && env.token !== undefined) attrs.set('token', env.token);
  if (!attrs.has('url_v2') && version === '2' && env.resultsUrl !== undefined) {
    attrs.set('url_v2', env.resultsUrl);
  }
  const url = env.cacheUrl ?? env.resultsUrl;
  if (!attrs.has('url') && url !== undefined) attrs.set('url', url);
  const active = (attrs.get('token') ?? '') !== '' && (attrs.get('url') || attrs.get('url_v2'));
  return active ? 'hash' : 'dropped';
}

/**
 * buildx adds the AWS SDK's default credentials. Only the environment's can be known here: without
 * them the SDK may take a profile or an instance role, and the id cannot be computed.
 */
function addAwsCredentials(attrs: Map<string, string>, { stores }: ImportIdContext): ImportIdBasis {
  if (attrs.has('access_key_id') && attrs.has('secret_access_key')) return 'hash';
  const aws = stores.aws;
  if (!aws.accessKeyId || !aws.secretAccessKey) return 'unknown';
  if (!attrs.has('access_key_id')) attrs.set('access_key_id', aws.accessKeyId);
  if (!attrs.has('secret_access_key')) attrs.set('secret_access_key', aws.secretAccessKey);
  if (!attrs.has('session_token') && aws.sessionToken) attrs.set('session_token', aws.sessionToken);
  return 'hash';
}

/** buildx passes the digest its index holds for the tag; a folder without one is not imported. */
function addLocalDigest(attrs: Map<string, string>, { localDigest }: ImportIdContext): ImportIdBasis {
  if (attrs.has('digest')) return 'hash';
  const digest = localDigest(attrs.get('src') ?? '', attrs.get('tag') ?? 'latest');
  if (digest === undefined) return 'dropped';
  attrs.set('digest', digest);
  return 'hash';
}

/** The stores, one descriptor each. */
export const STORE: Record<Store, StoreDescriptor> = {
  gha: {
    accepts: {
      to: ['timeout', 'url', 'url_v2', 'version', 'repository'],
      from: ['timeout', 'url', 'url_v2', 'version'],
    },
    location: byName('scope'),
    reads: 'one entry per name',
    writes: 'one entry per name',
    presets: none,
    importId: addGithubCache,
  },
  registry: {
    accepts: { to: IMAGE_EXPORT, from: [] },
    location: asTag,
    reads: 'one entry per name',
    writes: 'one entry per name',
    presets: registryPresets,
    importId: (attrs) => ((attrs.get('ref') ?? '') !== '' ? { ref: attrs.get('ref')! } : 'hash'),
  },
  local: {
    accepts: { to: ['tag', ...IMAGE_EXPORT], from: ['tag', 'digest'] },
    location: {
      attribute: { from: 'src', to: 'dest' },
      value: (name, home) => `${home.dir.replace(/\/+$/, '')}/${name}`,
      names: (value) => [value.slice(value.lastIndexOf('/') + 1)],
    },
    reads: 'one entry per name',
    writes: 'one entry per name',
    presets: none,
    importId: addLocalDigest,
  },
  s3: {
    accepts: {
      to: [
        ...S3_SHARED,
        'disable_accept_encoding',
        'touch_refresh',
        'upload_parallelism',
        'retry_mode',
        'retry_max_attempts',
      ],
      from: S3_SHARED,
    },
    location: byName('name'),
    // BuildKit's s3 importer reads only the first of `;`-separated names: one entry each.
    reads: 'one entry per name',
    // Its exporter writes the manifest under each of `;`-separated names, the blobs once.
    writes: 'one entry for all names',
    presets: none,
    importId: addAwsCredentials,
  },
  azblob: {
    accepts: { to: AZBLOB_SHARED, from: AZBLOB_SHARED },
    location: byName('name'),
    reads: 'one entry per name',
    writes: 'one entry per name',
    presets: none,
    importId: () => 'hash',
  },
  inline: {
    accepts: { to: [], from: [] },
    // Its reads are registry entries of the image's tags (`ref=`); the names never reach an entry.
    location: asTag,
    reads: 'the image tags',
    writes: 'inside the image',
    presets: none,
    importId: () => 'hash',
  },
};
