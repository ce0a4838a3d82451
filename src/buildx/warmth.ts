import { basename, resolve } from 'node:path';
import type { Exec } from '../lib/exec';
import type { Warmth } from '../plan/builder-kind';
import { isRemoteContext } from '../runner/inputs/read';
import type { BuildInputs } from '../runner/inputs/types';
import { historyListArgs } from './args';
import { parseHistoryList } from './parse/history-list';
import type { Buildx } from './buildx';
import { lastLine } from '../lib/text';

/**
 * Whether a builder that outlives the job already built this build: its own history says so, one
 * `buildx history ls` before the build. Pure parts first, the one call last.
 */

/**
 * A name as compared: a URL without its scheme, credentials, ref (`#main`, `?ref=…`) and `.git`,
 * so that one repository's builds share it across commits and however the URL was spelled.
 */
const comparable = (name: string) =>
  name
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^/@]*@/, '')
    .replace(/[#?][^ ]*/, '')
    .replace(/\.git( |$)/, '$1');

/**
 * The names buildx may give this build's record: the Dockerfile as given when it is not called
 * `Dockerfile`, else the context (a folder's base name, a URL), then ` (target)`. For a folder
 * inside a Git checkout, buildx names the record after the checkout's remote instead when it
 * reads the checkout's Git information (it does on some drivers): `origin`, when known, gives that
 * second name. The same build gets the same name every time; a Git context keeps it across commits.
 */
export function recordNames(
  build: Pick<BuildInputs, 'context' | 'file' | 'target'>,
  cwd: string,
  origin: string | null,
): string[] {
  const remote = isRemoteContext(build.context);
  const contexts = [remote ? build.context : basename(resolve(cwd, build.context))];
  if (!remote && origin) contexts.push(origin);
  const named = build.file !== '' && basename(build.file) !== 'Dockerfile';
  const bases = named ? [build.file] : contexts;
  return bases.map((base) => (build.target ? `${base} (${build.target})` : base));
}

/** The checkout's `origin` URL, which buildx may name the record after; null when there is none. */
export async function checkoutOrigin(exec: Exec, cwd: string): Promise<string | null> {
  const r = await exec('git', ['-C', cwd, 'remote', 'get-url', 'origin']);
  return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

/**
 * Warm: the builder's history holds a completed build of this name. Pure; `listing` is buildx's
 * JSON lines, newest first. What another job wrote there is data: only names and refs are compared.
 */
export function warmthFrom(listing: string, names: string[]): Warmth {
  const wanted = names.map(comparable);
  const name = names[0];
  const records = parseHistoryList(listing);
  const seen = records.length;
  for (const r of records) {
    if (!wanted.includes(comparable(r.name)) || r.status !== 'Completed') continue;
    const when = r.createdText ? ` at ${r.createdText.slice(0, 19).replace('T', ' ')} UTC` : '';
    // A URL's user and password stay out of the report.
    const shown = r.name.replace(/\/\/[^/@]*@/, '//***@');
    return {
      warm: true,
      why: `its history holds a completed build of ${shown}${when}, record ${r.ref}`,
      ref: r.ref,
    };
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
export async function lookWarmth(
  exec: Exec,
  buildx: Buildx,
  builder: string,
  names: string[],
): Promise<Warmth> {
  const ls = await exec(buildx.command, buildx.argv(historyListArgs(builder)));
  if (ls.exitCode !== 0) {
    return { warm: false, why: `its history could not be read (${lastLine(ls.stderr)}): taken as cold` };
  }
  return warmthFrom(ls.stdout, names);
}
