import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exec } from '../lib/exec';
import type { BuilderInputs } from '../runner/inputs/types';
import { createBuilderArgs, inspectBuilderArgs, removeBuilderArgs } from './args';
import type { Buildx } from './buildx';
import { lastLine } from '../lib/text';
import type { BuilderSource } from '../plan/builder-kind';

export class BuilderError extends Error {}

export interface BuilderChoice {
  name: string;
  /** True when this run created the builder (post removes it). */
  created: boolean;
  /** Why this builder, in the log's words. */
  why: string;
  /** Its BuildKit can attest (0.11 or newer); true when its version is not known. */
  attests: boolean;
  /** How it was chosen, and its driver ('' when not known): what kind of builder it is (plan/builder-kind). */
  source: BuilderSource;
  driver: string;
}

/** What `docker buildx inspect` says of a builder: its name, driver and first node's BuildKit. */
export function parseInspect(stdout: string): { name: string; driver: string; buildkit: string } | null {
  const field = (key: string) => new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(stdout)?.[1].trim() ?? '';
  const name = field('Name');
  const driver = field('Driver');
  return name && driver ? { name, driver, buildkit: field('BuildKit version') } : null;
}

/** BuildKit 0.11 made attestations; an unknown or unparsable version (distributions' `v0.0.0+unknown`) is taken as able. */
export function buildkitAttests(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m || (m[1] === '0' && m[2] === '0' && m[3] === '0')) return true;
  return Number(m[1]) > 0 || Number(m[2]) >= 11;
}

/**
 * The builder docker/setup-buildx-action (or `docker buildx use`) made current, when it is one of
 * its own kind rather than an engine's `docker`-driver builder: build-push-action builds there
 * when no `builder` is given, so its driver, options and BuildKit image are kept.
 */
async function currentBuilder(exec: Exec, buildx: Buildx): Promise<BuilderChoice | null> {
  const inspect = await exec(buildx.command, buildx.argv(['buildx', 'inspect']));
  const found = inspect.exitCode === 0 ? parseInspect(inspect.stdout) : null;
  // A builder buildx cannot reach says `Error:` and no driver: not one to build on.
  if (!found || found.driver === 'docker' || /^Error:/m.test(inspect.stdout)) return null;
  return {
    name: found.name,
    created: false,
    why: `the current builder ${found.name} (driver ${found.driver}), as a docker/setup-buildx-action step or \`docker buildx use\` left it; set driver to build on a builder of this action's own`,
    attests: buildkitAttests(found.buildkit),
    source: 'current',
    driver: found.driver,
  };
}

/** `buildkitd-config-inline` written where `buildx create --buildkitd-config` reads it; undefined when unset. */
export function writeBuildkitdConfig(builder: BuilderInputs, tempDir: string): string | undefined {
  if (builder.buildkitdConfigInline.trim() === '') return undefined;
  const configFile = path.join(tempDir, 'buildkitd.toml');
  fs.writeFileSync(configFile, builder.buildkitdConfigInline);
  return configFile;
}

/** A loopback cache service is only reachable from a container builder on the host's network. */
export function needsHostNetwork(cacheUrl: string): boolean {
  return /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|\/|$)/.test(cacheUrl);
}

/** A name of the job's (GITHUB_JOB), so that a builder left behind says which job made it. */
export function builderName(jobName: string, uuid: string = randomUUID()): string {
  const job = jobName
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 20);
  return `bkca-${job ? `${job}-` : ''}${uuid.slice(0, 8)}`;
}

/**
 * Chooses the builder: an existing one by name, the engine's own (`docker` driver), or a new
 * `docker-container` / `remote` builder that post removes. `onCreate` runs before creation so that
 * post can clean up even if creation fails halfway.
 */
export async function setupBuilder(
  exec: Exec,
  buildx: Buildx,
  o: {
    builder: BuilderInputs;
    tempDir: string;
    /** The cache service's URL (a loopback one needs the host's network) and GITHUB_JOB (for a name). */
    cacheUrl: string;
    job: string;
    /** Why the local engine does not answer ('' when it does, or was not asked). */
    engineDown?: string;
    onCreate: (name: string) => void;
  },
): Promise<BuilderChoice> {
  const needEngine = () => {
    if (o.engineDown) {
      throw new BuilderError(
        `the Docker engine is not reachable (${o.engineDown}); start Docker or set driver: remote`,
      );
    }
  };
  if (o.builder.builder !== '') {
    const inspect = await exec(buildx.command, buildx.argv(inspectBuilderArgs(o.builder.builder)));
    if (inspect.exitCode !== 0) {
      throw new BuilderError(
        `builder ${JSON.stringify(o.builder.builder)} not found: ${inspect.stderr.trim()}`,
      );
    }
    const found = parseInspect(inspect.stdout);
    return {
      name: o.builder.builder,
      created: false,
      why: 'the builder input names it',
      attests: buildkitAttests(found?.buildkit ?? ''),
      source: 'named',
      driver: found?.driver ?? '',
    };
  }
  if (o.builder.driver === 'docker' && o.builder.driverSet) {
    needEngine();
    return {
      name: 'default',
      created: false,
      why: "driver: docker, the engine's own builder",
      attests: true,
      source: 'engine',
      driver: 'docker',
    };
  }
  if (!o.builder.driverSet) {
    const current = await currentBuilder(exec, buildx);
    if (current) return current;
  }
  if (o.builder.driver !== 'remote') needEngine();

  const name = builderName(o.job);
  const configFile = writeBuildkitdConfig(o.builder, o.tempDir);
  const extraDriverOpts =
    o.builder.driver === 'docker-container' && needsHostNetwork(o.cacheUrl) ? ['network=host'] : [];
  o.onCreate(name);
  const created = await exec(
    buildx.command,
    buildx.argv(createBuilderArgs({ name, builder: o.builder, configFile, extraDriverOpts })),
    { stream: true },
  );
  if (created.exitCode !== 0) {
    throw new BuilderError(`could not create the ${o.builder.driver} builder: ${lastLine(created.stderr)}`);
  }
  const why = o.builder.driverSet
    ? `a new ${o.builder.driver} builder for this job (driver input), removed in post`
    : `a new ${o.builder.driver} builder for this job, removed in post (no builder of setup-buildx-action's is current)`;
  return {
    name,
    created: true,
    why: o.builder.cleanup ? why : why.replace(', removed in post', ''),
    attests: true,
    source: 'created',
    driver: o.builder.driver,
  };
}

/** Removes a builder if it still exists; never throws (post must not fail the job). */
export async function removeBuilder(exec: Exec, buildx: Buildx, name: string): Promise<string | null> {
  const inspect = await exec(buildx.command, buildx.argv(inspectBuilderArgs(name)));
  if (inspect.exitCode !== 0) return null;
  const rm = await exec(buildx.command, buildx.argv(removeBuilderArgs(name)));
  return rm.exitCode === 0 ? null : lastLine(rm.stderr);
}
