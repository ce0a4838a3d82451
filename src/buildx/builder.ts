import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exec } from '../lib/exec';
import type { BuilderInputs } from '../runner/inputs/types';
import { createBuilderArgs, inspectBuilderArgs, removeBuilderArgs } from './args';
import type { Buildx } from './buildx';
import { lastLine } from '../lib/text';

export class BuilderError extends Error {}

export interface BuilderChoice {
  name: string;
  /** True when this run created the builder (post removes it). */
  created: boolean;
}

/** A loopback cache service is only reachable from a container builder on the host's network. */
export function needsHostNetwork(env: NodeJS.ProcessEnv): boolean {
  const url = env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL || '';
  return /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|\/|$)/.test(url);
}

export function builderName(env: NodeJS.ProcessEnv, uuid: string = randomUUID()): string {
  const job = (env.GITHUB_JOB ?? '')
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
  o: { builder: BuilderInputs; tempDir: string; env: NodeJS.ProcessEnv; onCreate: (name: string) => void },
): Promise<BuilderChoice> {
  if (o.builder.builder !== '') {
    const inspect = await exec(buildx.command, buildx.argv(inspectBuilderArgs(o.builder.builder)));
    if (inspect.exitCode !== 0) {
      throw new BuilderError(
        `builder ${JSON.stringify(o.builder.builder)} not found: ${inspect.stderr.trim()}`,
      );
    }
    return { name: o.builder.builder, created: false };
  }
  if (o.builder.driver === 'docker') return { name: 'default', created: false };

  const name = builderName(o.env);
  let configFile: string | undefined;
  if (o.builder.buildkitdConfigInline.trim() !== '') {
    configFile = path.join(o.tempDir, 'buildkitd.toml');
    fs.writeFileSync(configFile, o.builder.buildkitdConfigInline);
  }
  const extraDriverOpts =
    o.builder.driver === 'docker-container' && needsHostNetwork(o.env) ? ['network=host'] : [];
  o.onCreate(name);
  const created = await exec(
    buildx.command,
    buildx.argv(createBuilderArgs({ name, builder: o.builder, configFile, extraDriverOpts })),
    { stream: true },
  );
  if (created.exitCode !== 0) {
    throw new BuilderError(`could not create the ${o.builder.driver} builder: ${lastLine(created.stderr)}`);
  }
  return { name, created: true };
}

/** Removes a builder if it still exists; never throws (post must not fail the job). */
export async function removeBuilder(exec: Exec, buildx: Buildx, name: string): Promise<string | null> {
  const inspect = await exec(buildx.command, buildx.argv(inspectBuilderArgs(name)));
  if (inspect.exitCode !== 0) return null;
  const rm = await exec(buildx.command, buildx.argv(removeBuilderArgs(name)));
  return rm.exitCode === 0 ? null : lastLine(rm.stderr);
}
