import type { CacheBackend, CacheMode } from '../runner/inputs/types';

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

/** Attributes each backend's exporter and importer accept (besides the ones the planner sets). */
const ACCEPTED: Record<Exclude<CacheBackend, 'none'>, { to: string[]; from: string[] }> = {
  registry: {
    to: ['image-manifest', 'oci-mediatypes', 'compression', 'compression-level', 'force-compression'],
    from: [],
  },
  local: {
    to: ['tag', 'image-manifest', 'oci-mediatypes', 'compression', 'compression-level', 'force-compression'],
    from: ['tag', 'digest'],
  },
  gha: {
    to: ['timeout', 'url', 'url_v2', 'version', 'repository'],
    from: ['timeout', 'url', 'url_v2', 'version'],
  },
  s3: {
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
  azblob: {
    to: ['account_url', 'account_name', 'container', 'prefix', 'blobs_prefix', 'manifests_prefix'],
    from: ['account_url', 'account_name', 'container', 'prefix', 'blobs_prefix', 'manifests_prefix'],
  },
  inline: { to: [], from: [] },
};

export interface BackendOptions {
  backend: Exclude<CacheBackend, 'none'>;
  /** Repository for registry caches (no tag). */
  image: string;
  /** Parent folder of local caches. */
  dir: string;
  mode: CacheMode;
  ignoreError: boolean;
  /** `key=value` attributes from `cache-options`. */
  options: string[];
  /** Image tags of this build, which an inline cache is read back from. */
  imageTags: string[];
}

function filterOptions(options: string[], accepted: string[]): string[] {
  return options.filter((o) => accepted.includes(o.slice(0, o.indexOf('='))));
}

/** Options the backend accepts in neither direction: reported as a note, not passed. */
export function unusedOptions(b: BackendOptions): string[] {
  const { to, from } = ACCEPTED[b.backend];
  return b.options.filter((o) => {
    const key = o.slice(0, o.indexOf('='));
    return !to.includes(key) && !from.includes(key);
  });
}

/** ECR and Artifact Registry reject the default cache manifest list; they need an OCI image manifest. */
function registryPreset(image: string): string[] {
  const host = image.split('/')[0];
  if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host) || /-docker\.pkg\.dev$/.test(host)) {
    return ['image-manifest=true', 'oci-mediatypes=true'];
  }
  return [];
}

function join(type: string, attrs: string[]): string {
  return [`type=${type}`, ...attrs].join(',');
}

/** Where one named cache lives, as the backend's own attribute. */
function location(b: BackendOptions, name: string, direction: 'from' | 'to'): string {
  switch (b.backend) {
    case 'registry':
    case 'inline':
      return `ref=${b.image}:${name}`;
    case 'local':
      return `${direction === 'from' ? 'src' : 'dest'}=${b.dir.replace(/\/+$/, '')}/${name}`;
    case 'gha':
      return `scope=${name}`;
    case 's3':
    case 'azblob':
      return `name=${name}`;
  }
}

/** `--cache-from` entries for the named caches, in order. */
export function cacheFromEntries(b: BackendOptions, names: string[]): string[] {
  if (names.length === 0 && b.backend !== 'inline') return [];
  const extra = filterOptions(b.options, ACCEPTED[b.backend].from);
  switch (b.backend) {
    case 'inline':
      // The cache travels inside the image: read it back from the image's own tags.
      return b.imageTags.map((tag) => join('registry', [`ref=${tag}`]));
    default:
      // One entry per name, s3 too: BuildKit's s3 importer reads only the first of `;`-separated names.
      return names.map((n) => join(b.backend, [location(b, n, 'from'), ...extra]));
  }
}

/** `--cache-to` entries for the named caches. */
export function cacheToEntries(b: BackendOptions, names: string[]): string[] {
  if (names.length === 0) return [];
  if (b.backend === 'inline') return ['type=inline'];
  // BuildKit's s3 exporter writes the manifest under each of `;`-separated names, blobs once.
  const targets = b.backend === 's3' ? [names.join(';')] : names;
  const preset = b.backend === 'registry' ? registryPreset(b.image) : [];
  const user = filterOptions(b.options, ACCEPTED[b.backend].to);
  const userKeys = user.map((o) => o.slice(0, o.indexOf('=')));
  const attrs = [
    `mode=${b.mode}`,
    ...preset.filter((p) => !userKeys.includes(p.slice(0, p.indexOf('=')))),
    ...user,
    ...(b.ignoreError ? ['ignore-error=true'] : []),
  ];
  return targets.map((n) => join(b.backend, [location(b, n, 'to'), ...attrs]));
}
