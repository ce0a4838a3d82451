import { MANIFEST_TYPES } from '../../lib/oci';
import { type ImageName, parseImageName } from './name';
import { excerpt, openSession, registryError, registryFailure, type SessionOptions } from './session';

export type TagList =
  | { tags: string[] }
  | {
      tags: null;
      reason: string;
      /** The registry answered, but not with a tag list: its manifests may still be asked for. */
      refused?: true;
    };

export interface ListTagsOptions extends SessionOptions {
  /** The cache repository: `127.0.0.1:5000/team/app-cache`, `ghcr.io/o/r`, `user/repo`, `alpine`. */
  image: string;
  /** Upper bound for the whole listing, token requests and every page included (default 15 000 ms). */
  timeoutMs?: number;
  /** Tags per page to ask for (`?n=`); by default the registry chooses. */
  pageSize?: number;
  /** At most this many pages are read (default 100); a longer listing is a reason, not a partial list. */
  maxPages?: number;
}

/** The target of `Link: <...>; rel="next"`, if any. */
function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(match[2])) return match[1];
  }
  return undefined;
}

/**
 * The tags of a repository, over the OCI distribution API (`GET /v2/<name>/tags/list`,
 * following `Link: <...>; rel="next"` pages, at most `maxPages`), with docker's authentication
 * (see {@link RegistrySession}). Loopback registries are spoken to over plain HTTP, all others
 * over HTTPS. A pagination link to another host is a reason.
 *
 * A repository the registry does not know (`404 NAME_UNKNOWN`: nothing pushed yet) has no tags.
 * A registry that answers, but not with a tag list (refused, or the endpoint unsupported), gives
 * `refused: true`: its manifests may still be asked for one by one ({@link manifestsExist}).
 * Never throws; failures are reasons, which never contain credentials or tokens.
 */
export async function listTags(options: ListTagsOptions): Promise<TagList> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxPages = Math.max(1, options.maxPages ?? 100);

  let name: ImageName;
  try {
    name = parseImageName(options.image);
  } catch (error) {
    return { tags: null, reason: String((error as { message?: unknown }).message ?? error) };
  }
  const session = openSession(name, options, AbortSignal.timeout(timeoutMs), timeoutMs);
  const { where, redact } = session;
  try {
    const tags: string[] = [];
    let url = `${session.origin}/v2/${name.repository}/tags/list`;
    if (options.pageSize !== undefined) url += `?n=${Math.max(1, Math.floor(options.pageSize))}`;
    for (let page = 0; ; page++) {
      if (page >= maxPages)
        return { tags: null, reason: `${where}: ${name.repository} has more than ${maxPages} pages of tags` };
      const response = await session.send(url);
      const body = await response.text();
      if (!response.ok) {
        const error = registryError(body);
        if (response.status === 404 && error.code === 'NAME_UNKNOWN' && page === 0) return { tags: [] };
        const denied = response.status === 401 || response.status === 403 ? session.deniedHint() : '';
        // Refused or unsupported; a busy or failing registry (429, 5xx) would fail HEADs as well.
        const refused = response.status < 500 && response.status !== 429;
        return {
          tags: null,
          ...(refused ? { refused: true as const } : {}),
          reason: redact(
            `${where} refused to list ${name.repository} (HTTP ${response.status}: ${error.text})${denied}`,
          ),
        };
      }
      let parsed: { tags?: unknown };
      try {
        parsed = JSON.parse(body) as { tags?: unknown };
      } catch {
        return {
          tags: null,
          refused: true,
          reason: redact(
            `${where} answered the tag list with something that is not JSON: ${excerpt(body, 80)}`,
          ),
        };
      }
      const pageTags = parsed && typeof parsed === 'object' ? (parsed.tags ?? []) : undefined;
      if (!Array.isArray(pageTags) || pageTags.some((t) => typeof t !== 'string')) {
        return { tags: null, refused: true, reason: `${where} answered the tag list without a list of tags` };
      }
      tags.push(...(pageTags as string[]));

      const next = nextLink(response.headers.get('link'));
      if (!next) return { tags };
      const target = new URL(next, url);
      if (target.origin !== new URL(url).origin) {
        return { tags: null, reason: `${where}: the next page of tags is on another host (${target.host})` };
      }
      url = target.href;
    }
  } catch (error) {
    return { tags: null, reason: registryFailure(error, { ...session, doing: 'listing tags', timeoutMs }) };
  }
}

/** Per tag: true (its manifest is there), false (the registry does not have it), undefined (unknown). */
export interface ManifestCheck {
  found: Map<string, boolean | undefined>;
  /** Why some tags stayed unknown (the first failure). */
  reason?: string;
}

/**
 * Whether each tag exists, with the request BuildKit's registry importer makes:
 * `HEAD /v2/<name>/manifests/<tag>` accepting the manifest types cache exporters write, all tags
 * at once, with the same authentication as the listing. For registries that refuse or lack the
 * tag list. Never throws: a tag whose request fails stays unknown, with the reason.
 */
export async function manifestsExist(
  options: SessionOptions & { image: string; tags: string[]; timeoutMs?: number },
): Promise<ManifestCheck> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const found = new Map<string, boolean | undefined>();
  let name: ImageName;
  try {
    name = parseImageName(options.image);
  } catch (error) {
    for (const tag of options.tags) found.set(tag, undefined);
    return { found, reason: String((error as { message?: unknown }).message ?? error) };
  }
  const session = openSession(name, options, AbortSignal.timeout(timeoutMs), timeoutMs);
  const reasons: string[] = [];
  await Promise.all(
    options.tags.map(async (tag) => {
      try {
        const url = `${session.origin}/v2/${name.repository}/manifests/${encodeURIComponent(tag)}`;
        const response = await session.send(url, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES } });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok || response.status === 404) {
          found.set(tag, response.ok);
          return;
        }
        found.set(tag, undefined);
        const denied = response.status === 401 || response.status === 403 ? session.deniedHint() : '';
        reasons.push(
          `${session.where} answered HTTP ${response.status} to HEAD ${name.repository}:${tag}${denied}`,
        );
      } catch (error) {
        found.set(tag, undefined);
        reasons.push(
          registryFailure(error, { ...session, doing: `HEAD ${name.repository}:${tag}`, timeoutMs }),
        );
      }
    }),
  );
  return reasons.length > 0 ? { found, reason: session.redact(reasons[0]) } : { found };
}
