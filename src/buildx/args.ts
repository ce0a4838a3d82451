import type { BuilderInputs, BuildInputs } from '../runner/inputs/types';
import { type AttestFacts, attestArgs } from './attest';

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
  /** The build's inputs, its contexts rendered (buildx/git-context). */
  build: BuildInputs;
  builder: string;
  cacheFrom: string[];
  cacheTo: string[];
  metadataFile: string;
  /** Where the image ID is written ('' for none). */
  iidFile: string;
  /** Environment variable names that carry the `secrets` values, by index. */
  secretEnvNames: string[];
  /** Environment variable that carries github-token for a Git context on the run's own server. */
  gitAuthEnv?: { host: string; env: string };
  /** Provenance's builder id and the default attestation's facts (buildx/attest). */
  attest: AttestFacts;
}

/** An output's exporter: its `type=`, or `local` for a bare path (`.`, `./out`), as buildx reads it. */
export function exporterType(output: string): string {
  const fields = output.split(',').map((f) => f.trim());
  const type = fields.find((f) => f.startsWith('type='));
  if (type) return type.slice('type='.length);
  return fields.length === 1 ? 'local' : '';
}

/** buildx refuses an image ID file beside a local or tar export; build-push-action leaves it out. */
export const writesImageId = (outputs: string[]) =>
  !outputs.some((o) => ['local', 'tar'].includes(exporterType(o)));

/** Inputs an older buildx does not know, which build-push-action drops with a warning: the version each needs. */
const INPUT_FLOORS: {
  input: string;
  floor: string;
  drop: Partial<BuildInputs>;
  asked: (b: BuildInputs) => boolean;
}[] = [
  {
    input: 'build-contexts',
    floor: '0.8.0',
    drop: { buildContexts: [] },
    asked: (b) => b.buildContexts.length > 0,
  },
  {
    input: 'attests, provenance and sbom',
    floor: '0.10.0',
    drop: { attests: [], provenance: '', sbom: '' },
    asked: (b) => b.attests.length > 0 || b.provenance !== '' || b.sbom !== '',
  },
  {
    input: 'annotations',
    floor: '0.12.0',
    drop: { annotations: [] },
    asked: (b) => b.annotations.length > 0,
  },
];

/** Attestations, the default provenance among them, need buildx 0.10. */
export const ATTEST_FLOOR = '0.10.0';

/**
 * What this buildx can be asked: inputs it predates are dropped with a warning, as build-push-action
 * does; `call` needs 0.15 and is an error. Pure.
 */
export function forBuildxVersion(
  b: BuildInputs,
  version: string,
  atLeast: (version: string, floor: string) => boolean,
): { build: BuildInputs; warnings: string[]; error?: string } {
  if (b.call !== '' && !atLeast(version, '0.15.0')) {
    return {
      build: b,
      warnings: [],
      error: `input "call" needs buildx 0.15.0 or newer (this is ${version})`,
    };
  }
  let build = b;
  const warnings: string[] = [];
  for (const { input, floor, drop, asked } of INPUT_FLOORS) {
    if (atLeast(version, floor) || !asked(build)) continue;
    warnings.push(`${input}: buildx ${floor} or newer is needed (this is ${version}); ignored`);
    build = { ...build, ...drop };
  }
  return { build, warnings };
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
  if (i.attest.enabled) args.push(...attestArgs(b, i.attest));
  each('--build-arg', b.buildArgs);
  each('--build-context', b.buildContexts);
  each('--cache-from', i.cacheFrom);
  each('--cache-to', i.cacheTo);
  one('--call', b.call);
  one('--cgroup-parent', b.cgroupParent);
  one('--file', b.file);
  if (i.iidFile !== '' && writesImageId(b.outputs)) args.push('--iidfile', i.iidFile);
  each('--label', b.labels);
  if (b.load) args.push('--load');
  args.push('--metadata-file', i.metadataFile);
  one('--network', b.network);
  if (b.noCache) args.push('--no-cache');
  each('--no-cache-filter', b.noCacheFilters);
  each('--output', b.outputs);
  if (b.platforms.length > 0) args.push('--platform', b.platforms.join(','));
  if (b.pull) args.push('--pull');
  if (b.push) args.push('--push');
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

/** Every build record the builder keeps, newest first, one JSON object a line. */
export function historyListArgs(builder: string): string[] {
  return ['buildx', 'history', 'ls', '--builder', builder, '--format', 'json'];
}

export function historyInspectArgs(builder: string, ref: string): string[] {
  return ['buildx', 'history', 'inspect', '--builder', builder, '--format', 'json', ref];
}
