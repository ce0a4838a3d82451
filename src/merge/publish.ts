import type { Buildx } from '../buildx/buildx';
import type { Exec } from '../lib/exec';
import { lastLine } from '../lib/text';
import { imagetoolsCreateArgs, imagetoolsInspectArgs, parseDescriptor } from './legs';
import type { LegRecord } from './merge-report';
import { removeTag } from '../stores/registry/remove';
import { openRegistry } from '../stores/registry/session';

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

/**
 * After the index is pushed: the tags legs pushed under (a builder that cannot push by digest)
 * are removed from every repository, the manifests stay (the index holds them). Returns what is
 * left, with why; removing them is tidying, never a failed merge.
 */
export async function removeLegTags(
  repositories: string[],
  legs: LegRecord[],
  /** Docker's config folder (runner/environment.ts), for the registries' credentials. */
  dockerConfigDir: string,
): Promise<string[]> {
  const left: string[] = [];
  const pushed = legs.flatMap((l) => (l.pushTag ? [{ tag: l.pushTag, leg: l }] : []));
  if (pushed.length === 0) return left;
  for (const image of repositories) {
    const session = openRegistry({
      image,
      dockerConfigDir,
      signal: AbortSignal.timeout(30_000),
      timeoutMs: 30_000,
      actions: 'pull,push,delete',
    });
    for (const { tag, leg } of pushed) {
      const why = await removeTag(session, tag, `merge leg ${leg.platform}`, leg.digest);
      if (why) left.push(`${image}:${tag} (${why})`);
    }
  }
  return left;
}
