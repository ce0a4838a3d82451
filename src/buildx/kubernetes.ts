import { createHash } from 'node:crypto';
import type { Exec } from '../lib/exec';
import { lastLine } from '../lib/text';
import type { BuilderInputs } from '../runner/inputs/types';
import { createBuilderArgs } from './args';
import { type BuilderChoice, BuilderError, writeBuildkitdConfig } from './builder';
import type { Buildx } from './buildx';

/**
 * `driver: kubernetes`: BuildKit pods that outlive the job. The builder has a stable name, derived
 * from the repository and the cache scope, so every job of that scope finds the same pods and
 * their volumes (a fresh name each run means a cold volume each run, and a leaked claim when the
 * builder is removed). Post leaves it unless `cleanup: true`. See docs/builders.md.
 */

/** Lowercase letters, digits and `-`: what a Kubernetes object name (and a buildx name) accepts. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * `bkca-<repository>-<scope>-<hash>`: readable, at most 48 characters (buildx names the
 * deployment `<name>0`; Kubernetes allows 63), and distinct for distinct (repository, scope) pairs
 * even where their readable parts would be cut or slugged alike. Pure.
 */
export function kubernetesBuilderName(repository: string, scope: string): string {
  const hash = createHash('sha256').update(`${repository}\n${scope}`).digest('hex').slice(0, 8);
  const readable = slug(`${repository.split('/').pop() ?? repository}-${scope}`)
    .slice(0, 34)
    .replace(/-+$/, '');
  return `bkca-${readable ? `${readable}-` : ''}${hash}`;
}

/**
 * What the action adds to the user's driver options: `loadbalance=sticky`, so that builds of one
 * context land on the replica that holds their cache (buildx's default, `random`, spreads them).
 * A user's own `loadbalance=` wins.
 */
export const KUBERNETES_DRIVER_DEFAULTS = ['loadbalance=sticky'];

/** `docker buildx create` for the stable kubernetes builder: the user's options, then the defaults. */
export function kubernetesCreateArgs(name: string, builder: BuilderInputs, configFile?: string): string[] {
  return createBuilderArgs({ name, builder, configFile, extraDriverOpts: KUBERNETES_DRIVER_DEFAULTS });
}

/** An existing builder of that name, started when its pods are gone (`--bootstrap`). */
export function reuseBuilderArgs(name: string): string[] {
  return ['buildx', 'inspect', '--bootstrap', name];
}

/**
 * Finds the stable builder or creates it. Two jobs may create it at once: when creating fails
 * because the other job just did, it is reused. `onUse` runs before any change so that post knows
 * the name (it removes the builder only when cleanup is true).
 */
export async function setupKubernetesBuilder(
  exec: Exec,
  buildx: Buildx,
  o: { name: string; builder: BuilderInputs; tempDir: string; onUse: (name: string) => void },
): Promise<BuilderChoice> {
  const kept = o.builder.cleanup ? ', removed in post (cleanup: true)' : ', kept after the job';
  const found = (how: string): BuilderChoice => ({
    name: o.name,
    created: false,
    why: `the kubernetes builder of this repository and cache scope, ${how}${kept}`,
    attests: true,
    source: 'stable',
    driver: 'kubernetes',
  });
  o.onUse(o.name);
  const reuse = await exec(buildx.command, buildx.argv(reuseBuilderArgs(o.name)), { stream: true });
  if (reuse.exitCode === 0) return found('found from an earlier job');
  const created = await exec(
    buildx.command,
    buildx.argv(kubernetesCreateArgs(o.name, o.builder, writeBuildkitdConfig(o.builder, o.tempDir))),
    { stream: true },
  );
  // Not `created` as a docker-container builder is: the pods may have found their old volumes.
  if (created.exitCode === 0) return found("created now (its volumes may be an earlier one's)");
  const raced = await exec(buildx.command, buildx.argv(reuseBuilderArgs(o.name)), { stream: true });
  if (raced.exitCode === 0) return found('created by another job at the same time');
  throw new BuilderError(`could not create the kubernetes builder ${o.name}: ${lastLine(created.stderr)}`);
}
