import { resolve as resolvePath } from 'node:path';
import { getRawInput } from '../commands';
import {
  bool,
  DEFAULT_MOUNTS_IMAGE,
  mountSelection,
  oneOf,
  parseDuration,
  parseSize,
  positiveWholeNumber,
  SECRET_ATTRIBUTES,
  validateCacheImage,
} from './fields';
import { inputList, keyValueList, secretList } from './lists';
import {
  type BuilderInputs,
  type BuildInputs,
  CACHE_BACKENDS,
  CACHE_MODES,
  CACHE_WRITES,
  type CacheInputs,
  DRIVERS,
  InputError,
  type Inputs,
  MERGE_ROLES,
  type MergeRole,
  type InputSource,
  type MountInputs,
} from './types';

/** Reads every input from the step's environment: the only place that does. */
export const readInputs = (): Inputs => parseInputs(getRawInput);

/** Turns raw (untrimmed) inputs into a typed, validated object. Pure: `get` is the only source. */
export function parseInputs(get: InputSource): Inputs {
  // In this order: a user with several mistakes sees the same first one as before.
  const build = buildInputs(get);
  const builder = builderInputs(get);
  const cache = cacheInputs(get, build);
  if (build.push && build.load && build.platforms.length > 1 && builder.driver === 'docker') {
    throw new InputError(
      'load',
      'the docker driver cannot load a multi-platform image; drop load or platforms',
    );
  }
  const { dryRun, bakeTargets } = planOnlyInputs(get, cache);
  const merge = mergeRole(get, build, dryRun || bakeTargets.length > 0);
  return {
    build,
    builder,
    cache,
    mounts: mountInputs(get),
    githubToken: get('github-token').trim(),
    dryRun,
    bakeTargets,
    merge,
  };
}

/** The build's own inputs, as build-push-action names them. */
function buildInputs(get: InputSource): BuildInputs {
  const secretPairs = (name: 'secret-envs' | 'secret-files') =>
    keyValueList(name, get(name)).map(({ key, value }) => ({ id: key, value }));
  return {
    // '' builds build-push-action's default, the Git context of the run (see buildx/git-context).
    context: get('context').trim(),
    file: get('file').trim(),
    target: get('target').trim(),
    tags: inputList('tags', get('tags')),
    labels: inputList('labels', get('labels')),
    annotations: inputList('annotations', get('annotations')),
    buildArgs: inputList('build-args', get('build-args')),
    buildContexts: inputList('build-contexts', get('build-contexts')),
    secrets: secretList(get('secrets')),
    secretEnvs: secretPairs('secret-envs').map(({ id, value }) => ({ id, env: value })),
    secretFiles: secretPairs('secret-files').map(({ id, value }) => ({ id, path: value })),
    ssh: inputList('ssh', get('ssh')),
    platforms: inputList('platforms', get('platforms')),
    push: bool(get, 'push', false),
    load: bool(get, 'load', false),
    outputs: inputList('outputs', get('outputs')),
    pull: bool(get, 'pull', false),
    noCache: bool(get, 'no-cache', false),
    noCacheFilters: inputList('no-cache-filters', get('no-cache-filters')),
    provenance: get('provenance').trim(),
    sbom: get('sbom').trim(),
    attests: inputList('attests', get('attests')),
    network: get('network').trim(),
    addHosts: inputList('add-hosts', get('add-hosts')),
    allow: inputList('allow', get('allow')),
    shmSize: get('shm-size').trim(),
    ulimit: inputList('ulimit', get('ulimit')),
    cgroupParent: get('cgroup-parent').trim(),
    call: get('call').trim(),
    cacheFrom: inputList('cache-from', get('cache-from')),
    cacheTo: inputList('cache-to', get('cache-to')),
  };
}

/** Which builder, and how it is created. */
function builderInputs(get: InputSource): BuilderInputs {
  const driver = oneOf(get, 'driver', DRIVERS, 'docker-container');
  const builder: BuilderInputs = {
    driver,
    driverSet: get('driver').trim() !== '',
    driverOpts: inputList('driver-opts', get('driver-opts')),
    buildkitdFlags: get('buildkitd-flags').trim(),
    buildkitdConfigInline: get('buildkitd-config-inline'),
    endpoint: get('endpoint').trim(),
    builder: get('builder').trim(),
    buildxVersion: get('buildx-version').trim(),
    buildxReleasesUrl: releasesUrl(get('buildx-releases-url').trim()),
    // A kubernetes builder keeps its pods and volumes for the next job unless asked (docs/builders.md).
    cleanup: bool(get, 'cleanup', driver !== 'kubernetes'),
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
  return builder;
}

/** The cache inputs; their checks need the build's tags (a registry cache's default repository). */
function cacheInputs(get: InputSource, build: BuildInputs): CacheInputs {
  const cache: CacheInputs = {
    backend: oneOf(get, 'cache', CACHE_BACKENDS, 'gha'),
    image: validateCacheImage(get('cache-image').trim()),
    dir: get('cache-dir').trim(),
    scope: get('cache-scope').trim(),
    leg: get('cache-leg').trim(),
    readLegs: inputList('cache-read-legs', get('cache-read-legs')),
    mode: oneOf(get, 'cache-mode', CACHE_MODES, 'max'),
    write: oneOf(get, 'cache-write', CACHE_WRITES, 'auto'),
    options: inputList('cache-options', get('cache-options')),
    ignoreError: bool(get, 'cache-ignore-error', true),
    exportTimeoutMs: parseDuration('cache-export-timeout', get('cache-export-timeout'), 600000),
    importTimeoutMs: parseDuration('cache-import-timeout', get('cache-import-timeout'), 300000),
    explain: bool(get, 'cache-explain', false),
    keepCommits: positiveWholeNumber('cache-keep-commits', get('cache-keep-commits'), 10),
    persistLocal: false,
  };
  for (const option of cache.options) checkCacheOption(option);
  cache.persistLocal = cache.backend === 'local' && cache.dir === '';
  if ((cache.backend === 'registry' || cache.backend === 'inline') && cache.image === '') {
    if (build.tags.length === 0) {
      throw new InputError(
        'cache-image',
        `cache "${cache.backend}" needs a repository for its cache tags: set cache-image or tags`,
      );
    }
  }
  return cache;
}

/** One `cache-options` entry: a single key=value attribute, never a credential. */
function checkCacheOption(option: string): void {
  // One attribute per entry: a comma or a newline would carry more attributes past the key check.
  if (!/^[a-z0-9_-]+=[^,\r\n]*$/.test(option)) {
    throw new InputError(
      'cache-options',
      `expected key=value attributes such as compression=zstd, one per entry, got ${JSON.stringify(option)}`,
    );
  }
  const key = option.slice(0, option.indexOf('='));
  if (SECRET_ATTRIBUTES.includes(key)) {
    throw new InputError(
      'cache-options',
      `${key} would put a credential on docker's command line: pass it through the environment (AWS_*, AZURE_*)`,
    );
  }
}

/** `dry-run` and `bake-targets`: a run that only plans, and the bake targets it plans for. */
function planOnlyInputs(get: InputSource, cache: CacheInputs): { dryRun: boolean; bakeTargets: string[] } {
  const dryRun = bool(get, 'dry-run', false);
  const bakeTargets = inputList('bake-targets', get('bake-targets'));
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
  return { dryRun, bakeTargets };
}

/** `cache-mounts` and its limits. */
function mountInputs(get: InputSource): MountInputs {
  return {
    selection: mountSelection(get('cache-mounts')),
    maxBytes: parseSize('cache-mounts-max-size', get('cache-mounts-max-size'), 2 * 1024 ** 3),
    image: get('cache-mounts-image').trim() || DEFAULT_MOUNTS_IMAGE,
    timeoutMs: parseDuration('cache-mounts-timeout', get('cache-mounts-timeout'), 300000),
  };
}

/** `merge`, checked against the inputs it needs: the tags name the image, a leg builds one platform. */
function mergeRole(get: InputSource, build: BuildInputs, planOnly: boolean): MergeRole {
  const role = oneOf(get, 'merge', MERGE_ROLES, 'false');
  if (role === 'false') return role;
  if (planOnly)
    throw new InputError('merge', `"${role}" builds or merges an image: drop dry-run or bake-targets`);
  if (build.tags.length === 0) {
    throw new InputError(
      'tags',
      `merge "${role}" needs the image's tags (the legs push to their repository)`,
    );
  }
  if (role === 'leg' && build.platforms.length !== 1) {
    throw new InputError(
      'platforms',
      `merge "leg" builds one platform per job: set platforms to the leg's platform, such as \${{ matrix.platform }}, got ${JSON.stringify(build.platforms.join(','))}`,
    );
  }
  if (role === 'leg' && build.outputs.length > 0) {
    throw new InputError('outputs', 'merge "leg" pushes the image by digest itself: drop outputs');
  }
  if (role === 'index' && build.platforms.length === 0) {
    throw new InputError(
      'platforms',
      'merge "index" needs every platform the legs build, such as linux/amd64,linux/arm64',
    );
  }
  return role;
}

/** `{{defaultContext}}`, as build-push-action writes it (handlebars allows spaces inside). */
export const DEFAULT_CONTEXT_TEMPLATE = /\{\{\s*defaultContext\s*\}\}/g;

/** The context is the run's Git context: unset, or a `{{defaultContext}}` template. */
export function isDefaultContext(context: string): boolean {
  return context === '' || new RegExp(DEFAULT_CONTEXT_TEMPLATE.source).test(context);
}

/** A context that is a remote source rather than a folder of the checkout. */
export function isRemoteContext(context: string): boolean {
  return (
    isDefaultContext(context) ||
    context === '-' ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ||
    context.startsWith('git@')
  );
}

/**
 * The checkout folder that holds the build's files: the context folder, or for the run's Git
 * context the checkout's copy of it (`{{defaultContext}}:sub` → `sub`); null for other remotes.
 */
function checkoutContext(build: BuildInputs, workspace: string): string | null {
  if (isDefaultContext(build.context)) {
    const rendered = build.context === '' ? '' : build.context.replace(DEFAULT_CONTEXT_TEMPLATE, '');
    return resolvePath(workspace, rendered.startsWith(':') ? rendered.slice(1) || '.' : '.');
  }
  return isRemoteContext(build.context) ? null : resolvePath(workspace, build.context);
}

/**
 * Where the build's Dockerfile is in the checkout (`file`, else `Dockerfile` in the context). For
 * the run's Git context, `file` is inside the repository: the checkout's copy of it.
 */
export function dockerfilePath(build: BuildInputs, workspace: string): string {
  const context = checkoutContext(build, workspace) ?? resolvePath(workspace);
  const base = isDefaultContext(build.context) || build.file === '' ? context : workspace;
  // One call with computed arguments: ncc would take `resolvePath(context, 'Dockerfile')` for an
  // asset of the bundle and point it at a copy of this repository's Dockerfiles.
  const name = build.file === '' ? 'Dockerfile' : build.file;
  return resolvePath(base, name);
}

const inside = (root: string, p: string) => p === root || p.startsWith(`${root}/`);

/**
 * Checks the paths the build reads against the checkout: the context must be a folder inside the
 * workspace and the Dockerfile must exist there, or in the runner's temporary folders where steps
 * write generated Dockerfiles (never `/etc/passwd`, whose first line BuildKit's error would quote).
 * A Git context's files are the repository's: nothing to check here. `exists` is the file system.
 */
export function validatePaths(
  build: BuildInputs,
  workspace: string,
  exists: (p: string) => boolean,
  tempRoots: string[] = [],
): void {
  if (isRemoteContext(build.context)) return;
  const root = resolvePath(workspace);
  const context = resolvePath(workspace, build.context);
  if (!inside(root, context)) {
    throw new InputError(
      'context',
      `expected a folder inside the workspace (${root}), got ${JSON.stringify(build.context)}`,
    );
  }
  if (!exists(context))
    throw new InputError('context', `the folder ${JSON.stringify(build.context)} does not exist`);
  if (build.file === '-') return;
  const dockerfile = dockerfilePath(build, workspace);
  const roots = [root, ...tempRoots.filter((t) => t !== '').map((t) => resolvePath(t))];
  if (!roots.some((r) => inside(r, dockerfile))) {
    throw new InputError(
      'file',
      `expected a Dockerfile inside the workspace or the runner's temporary folder, got ${JSON.stringify(build.file)}`,
    );
  }
  if (!exists(dockerfile)) {
    throw new InputError(
      'file',
      `the Dockerfile ${JSON.stringify(build.file || `${build.context}/Dockerfile`)} does not exist`,
    );
  }
}

/** Where buildx releases are downloaded from when none is given: GitHub's releases of docker/buildx. */
export const BUILDX_RELEASES = 'https://github.com/docker/buildx/releases/download';

/** `buildx-releases-url`: an http(s) URL; an input, never the job's environment, which earlier steps can set. */
function releasesUrl(text: string): string {
  if (text === '') return BUILDX_RELEASES;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (url === null || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new InputError(
      'buildx-releases-url',
      `expected an http(s) URL without credentials, such as ${BUILDX_RELEASES}, got ${JSON.stringify(text)}`,
    );
  }
  return text;
}
