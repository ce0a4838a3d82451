import { parse as parseCsv } from 'csv-parse/sync';
import { resolve as resolvePath } from 'node:path';
import { getInput } from './commands';

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

export const CACHE_BACKENDS = ['gha', 'registry', 'local', 's3', 'azblob', 'inline', 'none'] as const;
export type CacheBackend = (typeof CACHE_BACKENDS)[number];
export const DRIVERS = ['docker-container', 'docker', 'remote'] as const;
export type Driver = (typeof DRIVERS)[number];
export const CACHE_MODES = ['max', 'min'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];
/** What the cache-mount helpers run: docker.io's busybox, about 2 MB. */
export const DEFAULT_MOUNTS_IMAGE = 'busybox:1.36.1';
export const CACHE_WRITES = ['auto', 'always', 'never'] as const;
export type CacheWrite = (typeof CACHE_WRITES)[number];

export interface BuildInputs {
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
  driverOpts: string[];
  buildkitdFlags: string;
  buildkitdConfigInline: string;
  endpoint: string;
  /** Name of an existing builder; when set nothing is created. */
  builder: string;
  buildxVersion: string;
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
  /** `docker buildx bake` targets to write a bake file for (dry runs only); [] for a build. */
  bakeTargets: string[];
}

/** Reads one raw input by its action.yml name ('' when unset). */
export type InputSource = (name: string) => string;

const BOOLEAN_TRUE = ['true', 'True', 'TRUE'];
const BOOLEAN_FALSE = ['false', 'False', 'FALSE'];

function bool(get: InputSource, name: string, fallback: boolean): boolean {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if (BOOLEAN_TRUE.includes(raw)) return true;
  if (BOOLEAN_FALSE.includes(raw)) return false;
  throw new InputError(name, `expected true or false, got ${JSON.stringify(raw)}`);
}

function oneOf<T extends string>(get: InputSource, name: string, allowed: readonly T[], fallback: T): T {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(name, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
}

/**
 * A list input: one item per line, and (unless `commas` is false) comma-separated items on a
 * line, with CSV quoting so an item can hold a comma (`"type=local,dest=a,b"`).
 */
export function parseList(name: string, raw: string, commas = true): string[] {
  const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (!commas) return lines.map((l) => l.trim());
  const items: string[] = [];
  for (const line of lines) {
    let rows: string[][];
    try {
      rows = parseCsv(line, { relaxColumnCount: true, skipEmptyLines: true, trim: true, relaxQuotes: true });
    } catch (e) {
      throw new InputError(name, `cannot read the line ${JSON.stringify(line)}: ${(e as Error).message}`);
    }
    for (const row of rows) items.push(...row.filter((i) => i !== ''));
  }
  return items;
}

function keyValues(name: string, raw: string): { key: string; value: string }[] {
  return parseList(name, raw, false).map((line) => {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InputError(name, `expected lines of the form id=value, got a line without "="`);
    return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
  });
}

function secretValues(name: string, raw: string): { id: string; value: string }[] {
  // Values may span lines (PEM keys), so only lines that start a new `id=` begin an entry.
  const entries: { id: string; value: string }[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_.-]+)=(.*)$/.exec(line);
    if (m) entries.push({ id: m[1], value: m[2] });
    else if (entries.length > 0) entries[entries.length - 1].value += `\n${line}`;
    else if (line.trim() !== '') throw new InputError(name, 'expected lines of the form id=value');
  }
  for (const e of entries) e.value = e.value.replace(/\n+$/, '');
  return entries;
}

/** `90`, `90s`, `10m`, `1h`, `1500ms` → milliseconds. */
export function parseDuration(name: string, raw: string, fallbackMs: number): number {
  const value = raw.trim();
  if (value === '') return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  if (!m) {
    throw new InputError(
      name,
      `expected a duration such as 600, 90s, 10m or 1h, got ${JSON.stringify(value)}`,
    );
  }
  const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'] ?? 1000;
  return Math.round(Number(m[1]) * unit);
}

/** A whole number of at least 1. */
function positiveWholeNumber(name: string, raw: string, fallback: number): number {
  const value = raw.trim();
  if (value === '') return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
    throw new InputError(name, `expected a whole number of at least 1, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `2GiB`, `500MB`, `1g`, `1048576` → bytes. */
export function parseSize(name: string, raw: string, fallback: number): number {
  const value = raw.trim();
  if (value === '') return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new InputError(
      name,
      `expected a size such as 2GiB, 500MB or 1048576 (bytes), got ${JSON.stringify(value)}`,
    );
  }
  return Math.round(Number(m[1]) * unit);
}

/** `auto`, `none`, or mount ids (one per line or comma-separated). */
function mountSelection(raw: string): MountInputs['selection'] {
  const items = parseList('cache-mounts', raw);
  if (items.length === 0 || (items.length === 1 && items[0] === 'auto')) return { kind: 'auto' };
  if (items.length === 1 && items[0] === 'none') return { kind: 'none' };
  if (items.includes('auto') || items.includes('none')) {
    throw new InputError('cache-mounts', 'expected auto, none, or a list of cache mount ids (not mixed)');
  }
  return { kind: 'ids', ids: items };
}

/** Credentials must come from the environment: as cache attributes they would reach docker's argv. */
const SECRET_ATTRIBUTES = ['secret_access_key', 'session_token', 'access_key_id', 'token', 'ghtoken'];

const CACHE_IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;

/** `cache-image` is a repository: lowercase, no tag, no digest. */
export function validateCacheImage(image: string): string {
  if (image === '') return image;
  if (image.includes('@')) throw new InputError('cache-image', 'expected a repository without a digest');
  const lastSlash = image.lastIndexOf('/');
  if (image.slice(lastSlash + 1).includes(':')) {
    throw new InputError('cache-image', 'expected a repository without a tag (the action picks the tags)');
  }
  if (!CACHE_IMAGE.test(image)) {
    throw new InputError(
      'cache-image',
      `expected a lowercase repository name such as ghcr.io/owner/app-cache`,
    );
  }
  return image;
}

/** Reads every input from the step's environment: the only place that does. */
export const readInputs = (): Inputs => parseInputs(getInput);

/** Turns raw inputs into a typed, validated object. Pure: `get` is the only source. */
export function parseInputs(get: InputSource): Inputs {
  const build: BuildInputs = {
    context: get('context').trim() || '.',
    file: get('file').trim(),
    target: get('target').trim(),
    tags: parseList('tags', get('tags')),
    labels: parseList('labels', get('labels'), false),
    annotations: parseList('annotations', get('annotations'), false),
    buildArgs: parseList('build-args', get('build-args'), false),
    buildContexts: parseList('build-contexts', get('build-contexts'), false),
    secrets: secretValues('secrets', get('secrets')),
    secretEnvs: keyValues('secret-envs', get('secret-envs')).map(({ key, value }) => ({
      id: key,
      env: value.trim(),
    })),
    secretFiles: keyValues('secret-files', get('secret-files')).map(({ key, value }) => ({
      id: key,
      path: value.trim(),
    })),
    ssh: parseList('ssh', get('ssh'), false),
    platforms: parseList('platforms', get('platforms')),
    push: bool(get, 'push', false),
    load: bool(get, 'load', false),
    outputs: parseList('outputs', get('outputs'), false),
    pull: bool(get, 'pull', false),
    noCache: bool(get, 'no-cache', false),
    noCacheFilters: parseList('no-cache-filters', get('no-cache-filters')),
    provenance: get('provenance').trim(),
    sbom: get('sbom').trim(),
    attests: parseList('attests', get('attests'), false),
    network: get('network').trim(),
    addHosts: parseList('add-hosts', get('add-hosts')),
    allow: parseList('allow', get('allow')),
    shmSize: get('shm-size').trim(),
    ulimit: parseList('ulimit', get('ulimit'), false),
    cgroupParent: get('cgroup-parent').trim(),
    call: get('call').trim(),
    cacheFrom: parseList('cache-from', get('cache-from'), false),
    cacheTo: parseList('cache-to', get('cache-to'), false),
  };

  const builder: BuilderInputs = {
    driver: oneOf(get, 'driver', DRIVERS, 'docker-container'),
    driverOpts: parseList('driver-opts', get('driver-opts')),
    buildkitdFlags: get('buildkitd-flags').trim(),
    buildkitdConfigInline: get('buildkitd-config-inline'),
    endpoint: get('endpoint').trim(),
    builder: get('builder').trim(),
    buildxVersion: get('buildx-version').trim(),
    cleanup: bool(get, 'cleanup', true),
  };
  if (builder.driver === 'remote' && builder.endpoint === '' && builder.builder === '') {
    throw new InputError('endpoint', 'driver "remote" needs an endpoint such as tcp://buildkitd:1234');
  }
  if (builder.builder !== '' && (builder.driverOpts.length > 0 || builder.buildkitdFlags !== '')) {
    throw new InputError(
      'builder',
      'an existing builder cannot take driver-opts or buildkitd-flags; set them where that builder is created',
    );
  }
  if (builder.buildxVersion !== '' && !/^v?\d+\.\d+(\.\d+)?$/.test(builder.buildxVersion)) {
    throw new InputError(
      'buildx-version',
      `expected a version such as 0.29.1, got ${JSON.stringify(builder.buildxVersion)}`,
    );
  }

  const cache: CacheInputs = {
    backend: oneOf(get, 'cache', CACHE_BACKENDS, 'gha'),
    image: validateCacheImage(get('cache-image').trim()),
    dir: get('cache-dir').trim(),
    scope: get('cache-scope').trim(),
    leg: get('cache-leg').trim(),
    readLegs: parseList('cache-read-legs', get('cache-read-legs')),
    mode: oneOf(get, 'cache-mode', CACHE_MODES, 'max'),
    write: oneOf(get, 'cache-write', CACHE_WRITES, 'auto'),
    options: parseList('cache-options', get('cache-options')),
    ignoreError: bool(get, 'cache-ignore-error', true),
    exportTimeoutMs: parseDuration('cache-export-timeout', get('cache-export-timeout'), 600000),
    explain: bool(get, 'cache-explain', false),
    keepCommits: positiveWholeNumber('cache-keep-commits', get('cache-keep-commits'), 10),
    persistLocal: false,
  };
  for (const option of cache.options) {
    if (!/^[a-z0-9_-]+=/.test(option)) {
      throw new InputError('cache-options', `expected key=value attributes such as compression=zstd`);
    }
    const key = option.slice(0, option.indexOf('='));
    if (SECRET_ATTRIBUTES.includes(key)) {
      throw new InputError(
        'cache-options',
        `${key} would put a credential on docker's command line: pass it through the environment (AWS_*, AZURE_*)`,
      );
    }
  }
  cache.persistLocal = cache.backend === 'local' && cache.dir === '';
  if ((cache.backend === 'registry' || cache.backend === 'inline') && cache.image === '') {
    if (build.tags.length === 0) {
      throw new InputError(
        'cache-image',
        `cache "${cache.backend}" needs a repository for its cache tags: set cache-image or tags`,
      );
    }
  }
  if (build.push && build.load && build.platforms.length > 1 && builder.driver === 'docker') {
    throw new InputError(
      'load',
      'the docker driver cannot load a multi-platform image; drop load or platforms',
    );
  }

  const dryRun = bool(get, 'dry-run', false);
  const bakeTargets = parseList('bake-targets', get('bake-targets'));
  for (const target of bakeTargets) {
    if (!/^[A-Za-z0-9_-]+$/.test(target)) {
      throw new InputError(
        'bake-targets',
        `expected bake target names (letters, digits, _ and -), got ${JSON.stringify(target)}`,
      );
    }
  }
  if (bakeTargets.length > 0 && !dryRun) {
    throw new InputError(
      'bake-targets',
      'the bake file is for docker/bake-action to build with: set dry-run: true',
    );
  }
  if (bakeTargets.length > 0 && cache.backend === 'registry' && cache.image === '') {
    throw new InputError(
      'cache-image',
      'bake targets name their tags in the bake file: set cache-image for the registry cache',
    );
  }

  const mounts: MountInputs = {
    selection: mountSelection(get('cache-mounts')),
    maxBytes: parseSize('cache-mounts-max-size', get('cache-mounts-max-size'), 2 * 1024 ** 3),
    image: get('cache-mounts-image').trim() || DEFAULT_MOUNTS_IMAGE,
    timeoutMs: parseDuration('cache-mounts-timeout', get('cache-mounts-timeout'), 300000),
  };

  return { build, builder, cache, mounts, githubToken: get('github-token'), dryRun, bakeTargets };
}

/** A context that is a remote source rather than a folder of the checkout. */
export function isRemoteContext(context: string): boolean {
  return context === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@');
}

/** Where the build's Dockerfile is in the checkout (`file`, else `Dockerfile` in the context). */
export function dockerfilePath(build: BuildInputs, workspace: string): string {
  // One call with computed arguments: ncc would take `resolvePath(context, 'Dockerfile')` for an
  // asset of the bundle and point it at a copy of this repository's Dockerfiles.
  const [base, name] =
    build.file === '' ? [resolvePath(workspace, build.context), 'Dockerfile'] : [workspace, build.file];
  return resolvePath(base, name);
}

/**
 * Checks the paths the build reads against the checkout: the context must be a folder inside the
 * workspace and the Dockerfile must exist. `exists` is the file system, passed in.
 */
export function validatePaths(build: BuildInputs, workspace: string, exists: (p: string) => boolean): void {
  if (isRemoteContext(build.context)) return;
  const root = resolvePath(workspace);
  const context = resolvePath(workspace, build.context);
  if (context !== root && !context.startsWith(`${root}/`)) {
    throw new InputError(
      'context',
      `expected a folder inside the workspace (${root}), got ${JSON.stringify(build.context)}`,
    );
  }
  if (!exists(context))
    throw new InputError('context', `the folder ${JSON.stringify(build.context)} does not exist`);
  if (!exists(dockerfilePath(build, workspace))) {
    throw new InputError(
      'file',
      `the Dockerfile ${JSON.stringify(build.file || `${build.context}/Dockerfile`)} does not exist`,
    );
  }
}
