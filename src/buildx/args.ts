import type { BuilderInputs, BuildInputs } from '../runner/inputs/types';

/**
 * Pure argv builders for every buildx call. Paths, names and versions come in as data, so each
 * builder's whole output is pinned by a table test.
 */

export interface CreateBuilderArgs {
  name: string;
  builder: BuilderInputs;
  /** Path of the written buildkitd.toml when `buildkitd-config-inline` is set. */
  configFile?: string;
  /** Extra driver options the action adds (e.g. network=host to reach a loopback cache service). */
  extraDriverOpts?: string[];
}

export function createBuilderArgs({
  name,
  builder,
  configFile,
  extraDriverOpts = [],
}: CreateBuilderArgs): string[] {
  const args = ['buildx', 'create', '--name', name, '--driver', builder.driver];
  const opts = [...builder.driverOpts];
  for (const extra of extraDriverOpts) {
    const key = extra.slice(0, extra.indexOf('='));
    if (!opts.some((o) => o.startsWith(`${key}=`))) opts.push(extra);
  }
  for (const opt of opts) args.push('--driver-opt', opt);
  if (builder.buildkitdFlags !== '') args.push('--buildkitd-flags', builder.buildkitdFlags);
  if (configFile) args.push('--buildkitd-config', configFile);
  args.push('--bootstrap');
  if (builder.driver === 'remote') args.push(builder.endpoint);
  return args;
}

export function removeBuilderArgs(name: string): string[] {
  return ['buildx', 'rm', '--force', name];
}

export function inspectBuilderArgs(name: string): string[] {
  return ['buildx', 'inspect', name];
}

export interface BuildArgsInput {
  build: BuildInputs;
  builder: string;
  cacheFrom: string[];
  cacheTo: string[];
  metadataFile: string;
  /** Where the image ID is written ('' for none). */
  iidFile: string;
  /** Environment variable names that carry the `secrets` values, by index. */
  secretEnvNames: string[];
  /** Environment variable that carries github-token for a git context, when one is used. */
  gitAuthEnv?: { host: string; env: string };
}

const isGitContext = (context: string) =>
  /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/.test(context) &&
  (context.includes('.git') || context.includes('#'));

export function gitContextHost(context: string): string | null {
  if (!isGitContext(context)) return null;
  const m = /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+)/.exec(context) ?? /^git@([^:]+):/.exec(context);
  return m ? m[1] : null;
}

/** `docker buildx build …`: every input becomes its own argument, in a stable order. */
export function buildArgs(i: BuildArgsInput): string[] {
  const b = i.build;
  const args = ['buildx', 'build', '--builder', i.builder];
  const each = (flag: string, values: string[]) => values.forEach((v) => args.push(flag, v));
  const one = (flag: string, value: string) => value !== '' && args.push(flag, value);

  each('--add-host', b.addHosts);
  each('--allow', b.allow);
  each('--annotation', b.annotations);
  each('--attest', b.attests);
  each('--build-arg', b.buildArgs);
  each('--build-context', b.buildContexts);
  each('--cache-from', i.cacheFrom);
  each('--cache-to', i.cacheTo);
  one('--call', b.call);
  one('--cgroup-parent', b.cgroupParent);
  one('--file', b.file);
  if (i.iidFile !== '') args.push('--iidfile', i.iidFile);
  each('--label', b.labels);
  if (b.load) args.push('--load');
  args.push('--metadata-file', i.metadataFile);
  one('--network', b.network);
  if (b.noCache) args.push('--no-cache');
  each('--no-cache-filter', b.noCacheFilters);
  each('--output', b.outputs);
  if (b.platforms.length > 0) args.push('--platform', b.platforms.join(','));
  if (b.provenance !== '') args.push(`--provenance=${b.provenance}`);
  if (b.pull) args.push('--pull');
  if (b.push) args.push('--push');
  if (b.sbom !== '') args.push(`--sbom=${b.sbom}`);
  b.secrets.forEach((s, n) => args.push('--secret', `id=${s.id},env=${i.secretEnvNames[n]}`));
  b.secretEnvs.forEach((s) => args.push('--secret', `id=${s.id},env=${s.env}`));
  b.secretFiles.forEach((s) => args.push('--secret', `id=${s.id},src=${s.path}`));
  if (i.gitAuthEnv) args.push('--secret', `id=GIT_AUTH_TOKEN.${i.gitAuthEnv.host},env=${i.gitAuthEnv.env}`);
  one('--shm-size', b.shmSize);
  each('--ssh', b.ssh);
  each('--tag', b.tags);
  one('--target', b.target);
  each('--ulimit', b.ulimit);
  args.push(b.context);
  return args;
}

/**
 * The cache export as its own invocation, after the image build: the same build definition (so
 * every step is a local cache hit), no image outputs, only `--cache-to`. Ending it on a timeout or
 * a failure cannot touch the image, which the first invocation already built and pushed.
 */
export function cacheExportArgs(i: BuildArgsInput): string[] {
  const definition: BuildInputs = {
    ...i.build,
    tags: [],
    labels: [],
    annotations: [],
    push: false,
    load: false,
    outputs: ['type=cacheonly'],
    pull: false,
    noCache: false,
    // Attestations belong to the image, which the first invocation made.
    provenance: 'false',
    sbom: '',
    attests: [],
    call: '',
  };
  return buildArgs({ ...i, build: definition, iidFile: '' });
}

export function historyLogsArgs(builder: string, ref: string): string[] {
  return ['buildx', 'history', 'logs', '--builder', builder, '--progress', 'rawjson', ref];
}

/** One attachment of a build record (the provenance, for the cache mounts BuildKit used). */
export function historyAttachmentArgs(builder: string, ref: string, digest: string): string[] {
  return ['buildx', 'history', 'inspect', 'attachment', '--builder', builder, ref, digest];
}

export function historyInspectArgs(builder: string, ref: string): string[] {
  return ['buildx', 'history', 'inspect', '--builder', builder, '--format', 'json', ref];
}
