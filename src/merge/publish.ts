import type { Buildx } from '../buildx/buildx';
import type { Exec } from '../lib/exec';
import { lastLine } from '../lib/text';
import { imagetoolsCreateArgs, imagetoolsInspectArgs, parseDescriptor } from './legs';
import type { LegRecord } from './report';

export type Published =
  | { ok: true; descriptor: { mediaType: string; digest: string; size: number } }
  | { ok: false; reason: string };

/** Creates the index under the tags, then reads its descriptor back from the first tag. */
export async function publishIndex(
  exec: Exec,
  buildx: Buildx,
  o: { tags: string[]; annotations: string[]; legs: LegRecord[]; env: NodeJS.ProcessEnv },
): Promise<Published> {
  const create = imagetoolsCreateArgs(o.tags, o.annotations, o.legs);
  const made = await exec(buildx.command, buildx.argv(create), { env: o.env, stream: true });
  if (made.exitCode !== 0) return { ok: false, reason: lastLine(made.stderr || made.stdout) };
  const inspected = await exec(buildx.command, buildx.argv(imagetoolsInspectArgs(o.tags[0])), { env: o.env });
  const descriptor = inspected.exitCode === 0 ? parseDescriptor(inspected.stdout) : null;
  if (!descriptor)
    return {
      ok: false,
      reason: `the index was pushed but could not be read back: ${lastLine(inspected.stderr)}`,
    };
  return { ok: true, descriptor };
}
