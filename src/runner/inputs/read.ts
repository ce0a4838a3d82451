import { resolve as resolvePath } from 'node:path';
import { getInput } from '../commands';
import {
  bool,
  DEFAULT_MOUNTS_IMAGE,
  keyValues,
  mountSelection,
  oneOf,
  parseDuration,
  parseList,
  parseSize,
  positiveWholeNumber,
  SECRET_ATTRIBUTES,
  secretValues,
  validateCacheImage,
} from './fields';
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
    buildxReleasesUrl: releasesUrl(get('buildx-releases-url').trim()),
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

  const merge = mergeRole(get, build, dryRun || bakeTargets.length > 0);

  const mounts: MountInputs = {
    selection: mountSelection(get('cache-mounts')),
    maxBytes: parseSize('cache-mounts-max-size', get('cache-mounts-max-size'), 2 * 1024 ** 3),
    image: get('cache-mounts-image').trim() || DEFAULT_MOUNTS_IMAGE,
    timeoutMs: parseDuration('cache-mounts-timeout', get('cache-mounts-timeout'), 300000),
  };

  return { build, builder, cache, mounts, githubToken: get('github-token'), dryRun, bakeTargets, merge };
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
