import { basename, resolve } from 'node:path';
import type { Exec } from '../lib/exec';
import type { Warmth } from '../plan/builder-kind';
import { isRemoteContext } from '../runner/inputs/read';
import type { BuildInputs } from '../runner/inputs/types';
import { historyListArgs } from './args';
import type { Buildx } from './buildx';
import { lastLine } from '../lib/text';

/**
 * Whether a builder that outlives the job already built this build: its own history says so, one
 * `buildx history ls` before the build. Pure parts first, the one call last.
 */

/** A context URL without its scheme and its ref (`#main`, `?ref=…`): one repository's builds share it. */
const withoutRef = (name: string) => name.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[#?].*$/, '');

/**
 * The name buildx gives this build's record: the Dockerfile as given when it is not called
 * `Dockerfile`, else the context (a folder's base name, a URL without its ref), then ` (target)`.
 * The same build on the same builder gets the same name; a Git context keeps its name across commits.
 */
export function recordName(build: Pick<BuildInputs, 'context' | 'file' | 'target'>, cwd: string): string {
  const context = isRemoteContext(build.context)
    ? withoutRef(build.context)
    : basename(resolve(cwd, build.context));
  const base = build.file !== '' && basename(build.file) !== 'Dockerfile' ? build.file : context;
  return build.target ? `${base} (${build.target})` : base;
}

/** One line of `docker buildx history ls --format json`, as far as warmth needs it. */
interface Listed {
  ref?: unknown;
  name?: unknown;
  status?: unknown;
  created_at?: unknown;
}

/**
 * Warm: the builder's history holds a completed build of this name. Pure; `listing` is buildx's
 * JSON lines, newest first. What another job wrote there is data: only names and refs are compared.
 */
export function warmthFrom(listing: string, name: string): Warmth {
  const wanted = withoutRef(name);
  let seen = 0;
  for (const line of listing.split('\n')) {
    let r: Listed;
    try {
      r = JSON.parse(line) as Listed;
    } catch {
      continue;
    }
    if (typeof r.name !== 'string' || typeof r.ref !== 'string') continue;
    seen += 1;
    if (withoutRef(r.name) !== wanted || r.status !== 'Completed') continue;
    const ref = r.ref.split('/').pop() ?? r.ref;
    const when =
      typeof r.created_at === 'string' ? ` at ${r.created_at.slice(0, 19).replace('T', ' ')} UTC` : '';
    return { warm: true, why: `its history holds a completed build of ${name}${when}, record ${ref}`, ref };
  }
  return {
    warm: false,
    why:
      seen === 0
        ? 'its history holds no build yet'
        : `none of the ${seen} builds in its history is a completed build of ${name}`,
  };
}

/** The builder's history, read once before the build; an unreadable history is taken as cold. */
export async function lookWarmth(exec: Exec, buildx: Buildx, builder: string, name: string): Promise<Warmth> {
  const ls = await exec(buildx.command, buildx.argv(historyListArgs(builder)));
  if (ls.exitCode !== 0) {
    return { warm: false, why: `its history could not be read (${lastLine(ls.stderr)}): taken as cold` };
  }
  return warmthFrom(ls.stdout, name);
}
