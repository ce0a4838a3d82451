import { randomUUID } from 'node:crypto';
import type { Buildx } from '../buildx/buildx';
import type { Exec } from '../lib/exec';
import { lastLine } from '../lib/text';
import type { BuildInputs } from '../runner/inputs/types';
import { helperBuildArgs } from './mount-plan';

/** What a helper build needs of the mounts session. */
export interface HelperBuildOptions {
  inputs: { build: Pick<BuildInputs, 'buildArgs'> };
  builder: string;
  /** The runner's environment, handed unchanged to buildx. */
  env: NodeJS.ProcessEnv;
}

/** A helper build: the copy-in (inject) or copy-out (extract) of a mount; '' when it worked, else why not. */
export async function helperBuild(
  exec: Exec,
  buildx: Buildx,
  o: HelperBuildOptions,
  dockerfile: string,
  extra: { restoredDir?: string; output: string },
): Promise<string> {
  const args = helperBuildArgs({
    builder: o.builder,
    nonce: randomUUID(),
    buildArgs: o.inputs.build.buildArgs,
    ...extra,
  });
  const run = await exec(buildx.command, buildx.argv(args), { input: dockerfile, env: o.env });
  return run.exitCode === 0 ? '' : lastLine(run.stderr);
}
