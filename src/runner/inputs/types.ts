/** A mistake in the workflow file: reported as one `::error::` line, never a stack trace. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input "${input}": ${message}`);
    this.name = 'InputError';
  }
}

// What each choice input accepts: the types are read from these lists.
export const CACHE_BACKENDS = ['gha', 'registry', 'local', 's3', 'azblob', 'inline', 'none'] as const;
export type CacheBackend = (typeof CACHE_BACKENDS)[number];
export const DRIVERS = ['docker-container', 'docker', 'remote', 'kubernetes'] as const;
export type Driver = (typeof DRIVERS)[number];
export const CACHE_MODES = ['max', 'min'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];
export const CACHE_WRITES = ['auto', 'always', 'never'] as const;
export type CacheWrite = (typeof CACHE_WRITES)[number];
/** `merge`: a plain build, one platform's leg of a split multi-platform image, or the job that merges the legs. */
export const MERGE_ROLES = ['false', 'leg', 'index'] as const;
export type MergeRole = (typeof MERGE_ROLES)[number];

export interface BuildInputs {
  /** As given: '' or a `{{defaultContext}}` template means the run's Git context (buildx/git-context). */
  context: string;
  file: string;
  target: string;
  tags: string[];
  labels: string[];
  annotations: string[];
  buildArgs: string[];
  buildContexts: string[];
  /** `id=value` lines; values go to buildx through the environment, never argv. */
  secrets: { id: string; value: string }[];
  secretEnvs: { id: string; env: string }[];
  secretFiles: { id: string; path: string }[];
  ssh: string[];
  platforms: string[];
  push: boolean;
  load: boolean;
  outputs: string[];
  pull: boolean;
  noCache: boolean;
  noCacheFilters: string[];
  provenance: string;
  sbom: string;
  attests: string[];
  network: string;
  addHosts: string[];
  allow: string[];
  shmSize: string;
  ulimit: string[];
  cgroupParent: string;
  call: string;
  /** Raw entries appended after the computed ones. */
  cacheFrom: string[];
  cacheTo: string[];
}

export interface BuilderInputs {
  driver: Driver;
  /** `driver` was given: without it (and without `builder`), the current builder may be used. */
  driverSet: boolean;
  driverOpts: string[];
  buildkitdFlags: string;
  buildkitdConfigInline: string;
  endpoint: string;
  /** Name of an existing builder; when set nothing is created. */
  builder: string;
  buildxVersion: string;
  /** Where buildx releases and their checksums.txt are downloaded from (`<url>/v<version>/<asset>`). */
  buildxReleasesUrl: string;
  cleanup: boolean;
}

export interface CacheInputs {
  backend: CacheBackend;
  image: string;
  dir: string;
  scope: string;
  leg: string;
  readLegs: string[];
  mode: CacheMode;
  write: CacheWrite;
  options: string[];
  ignoreError: boolean;
  /** Milliseconds the cache export may take before it is ended (0: no limit). */
  exportTimeoutMs: number;
  /** Milliseconds each cache import may take before the build is retried without cache sources (0: no limit). */
  importTimeoutMs: number;
  explain: boolean;
  /** Commit caches a push to the default branch keeps (newest first); older ones are deleted. */
  keepCommits: number;
  /** `cache: local` without `cache-dir`: the folders travel through the GitHub Actions cache. */
  persistLocal: boolean;
}

/** `cache-mounts`: which `RUN --mount=type=cache` persist through the GitHub Actions cache. */
export interface MountInputs {
  selection: { kind: 'auto' } | { kind: 'none' } | { kind: 'ids'; ids: string[] };
  maxBytes: number;
  /** The small image (with sh, tar, find, sha256sum) the helper builds run. */
  image: string;
  /** Milliseconds one restore or save may take before it is ended. */
  timeoutMs: number;
}

export interface Inputs {
  build: BuildInputs;
  builder: BuilderInputs;
  cache: CacheInputs;
  mounts: MountInputs;
  githubToken: string;
  dryRun: boolean;
  /** `merge`: this job's part in a multi-platform image built across a matrix ('false': none). */
  merge: MergeRole;
  /** `docker buildx bake` targets to write a bake file for (dry runs only); [] for a build. */
  bakeTargets: string[];
}

/** Reads one raw input by its action.yml name ('' when unset). */
export type InputSource = (name: string) => string;
