import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dockerConfigDir } from '../docker-config';
import { type FetchLike, httpFetch, type ResponseLike } from '../net/http';

/** Where a repository lives, and the key `docker login` used for it in the docker config file. */
export interface ImageName {
  /** host[:port] to talk to (`registry-1.docker.io` for Docker Hub). */
  registry: string;
  /** The repository path in that registry (`library/alpine` for Docker Hub's `alpine`). */
  repository: string;
  /** The key of `auths` in config.json (`https://index.docker.io/v1/` for Docker Hub). */
  configKey: string;
}

export type TagList = { tags: string[] } | { tags: null; reason: string };

export interface ListTagsOptions {
  /** The cache repository: `127.0.0.1:5000/team/app-cache`, `ghcr.io/o/r`, `user/repo`, `alpine`. */
  image: string;
  /** The directory of docker's config.json (default: `$DOCKER_CONFIG`, else `~/.docker`). */
  dockerConfigDir?: string;
  fetchImpl?: FetchLike;
  /** Upper bound for the whole listing, token requests and every page included (default 15 000 ms). */
  timeoutMs?: number;
  /** Tags per page to ask for (`?n=`); by default the registry chooses. */
  pageSize?: number;
  /** At most this many pages are read (default 100); a longer listing is a reason, not a partial list. */
  maxPages?: number;
}

const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const USER_AGENT = 'buildkit-cache-action';

const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^(?:\\[[0-9a-fA-F:.]+\\]|${LABEL}(?:\\.${LABEL})*)(?::[0-9]{1,5})?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/**
 * Splits an image reference the way docker does (distribution's reference grammar):
 *
 * - the part before the first `/` is the registry when it contains `.` or `:`, is `localhost`,
 *   or has an uppercase letter; otherwise the name is on Docker Hub;
 * - Docker Hub (`alpine`, `user/repo`, `docker.io/...`, `index.docker.io/...`) is reached at
 *   `registry-1.docker.io`, a single-component name gets `library/`, and credentials are under
 *   `https://index.docker.io/v1/`;
 * - a trailing `:tag` and/or `@digest` is accepted and dropped (the repository is what is listed).
 *
 * Throws an Error (with a message fit for a job log) for what docker would refuse too: an empty
 * name, uppercase letters in the repository path, bad separators, a malformed registry host,
 * tag or digest. {@link listTags} turns that into a reason.
 */
export function parseImageName(image: string): ImageName {
  const quoted = JSON.stringify(image);
  let rest = image;
  const at = rest.indexOf('@');
  if (at !== -1) {
    if (!DIGEST.test(rest.slice(at + 1))) throw new Error(`image ${quoted} has a malformed digest`);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    if (!TAG.test(rest.slice(colon + 1))) throw new Error(`image ${quoted} has a malformed tag`);
    rest = rest.slice(0, colon);
  }
  if (rest === '') throw new Error(`image ${quoted} is empty`);

  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  const hasDomain =
    slash !== -1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? rest.slice(slash + 1) : rest;
  if (!DOMAIN.test(domain))
    throw new Error(`image ${quoted} has a malformed registry host ${JSON.stringify(domain)}`);
  if (path === '') throw new Error(`image ${quoted} has no repository path`);
  const components = path.split('/');
  for (const component of components) {
    if (component !== component.toLowerCase()) {
      throw new Error(`image ${quoted}: repository names must be lowercase`);
    }
    if (!PATH_COMPONENT.test(component)) {
      throw new Error(
        `image ${quoted}: ${JSON.stringify(component)} is not a valid repository path component`,
      );
    }
  }
  if (rest.length > 255) throw new Error(`image ${quoted} is longer than 255 characters`);

  if (DOCKER_HUB_ALIASES.has(domain.toLowerCase())) {
    domain = DOCKER_HUB_REGISTRY;
    if (components.length === 1) path = `library/${path}`;
    return { registry: domain, repository: path, configKey: DOCKER_HUB_CONFIG_KEY };
  }
  return { registry: domain, repository: path, configKey: domain };
}

/** The host of `host[:port]` or `[v6]:port`, lowercased, without brackets. */
function hostOf(registry: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(registry);
  if (bracketed) return bracketed[1].toLowerCase();
  return registry.replace(/:[0-9]+$/, '').toLowerCase();
}

/** Docker's rule: loopback registries (localhost, 127.0.0.0/8, ::1) may be plain HTTP. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
}

/** `http://` for loopback registries, `https://` for every other. */
export function registryOrigin(registry: string): string {
  return `${isLoopback(hostOf(registry)) ? 'http' : 'https'}://${registry}`;
}

interface Credentials {
  username: string;
  password: string;
}

interface CredentialLookup {
  credentials?: Credentials;
  /** Why there are none, told only when the registry then refuses anonymous access. */
  note?: string;
}

/** A config key as docker compares it: without scheme and path (`https://ghcr.io/v1/` → `ghcr.io`). */
function keyHost(key: string): string {
  return key
    .replace(/^https?:\/\//i, '')
    .split('/')[0]
    .toLowerCase();
}

/**
 * Credentials that `docker login` wrote into `<dir>/config.json`: `auths[<key>].auth`
 * (base64 `user:password`) or `auths[<key>].username`/`.password`, found under the exact key
 * first and then under any key naming the same host (docker matches `https://host/v1/` too).
 * Credential helpers (`credsStore`, `credHelpers`) and identity tokens are not used: the
 * listing goes on anonymously, and a registry that then refuses says why in the reason.
 */
async function readCredentials(dir: string, name: ImageName): Promise<CredentialLookup> {
  const file = join(dir, 'config.json');
  let config: unknown;
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    return { note: missing ? `no docker config at ${file}` : `the docker config ${file} could not be read` };
  }
  if (!config || typeof config !== 'object')
    return { note: `the docker config ${file} is not a JSON object` };
  const { auths, credsStore, credHelpers } = config as {
    auths?: unknown;
    credsStore?: unknown;
    credHelpers?: unknown;
  };
  const host = keyHost(name.configKey);
  const hub = name.configKey === DOCKER_HUB_CONFIG_KEY;
  const sameHost = (key: string) => keyHost(key) === host || (hub && DOCKER_HUB_ALIASES.has(keyHost(key)));
  const entries = auths && typeof auths === 'object' ? (auths as Record<string, unknown>) : {};
  const keys = [name.configKey, ...Object.keys(entries).filter((k) => k !== name.configKey && sameHost(k))];
  for (const key of keys) {
    const entry = entries[key];
    if (!entry || typeof entry !== 'object') continue;
    const { auth, username, password } = entry as { auth?: unknown; username?: unknown; password?: unknown };
    if (typeof auth === 'string' && auth !== '') {
      const decoded = Buffer.from(auth, 'base64').toString('utf8');
      const split = decoded.indexOf(':');
      if (split > 0)
        return { credentials: { username: decoded.slice(0, split), password: decoded.slice(split + 1) } };
    }
    if (typeof username === 'string' && username !== '' && typeof password === 'string') {
      return { credentials: { username, password } };
    }
  }
  const helpers = credHelpers && typeof credHelpers === 'object' ? Object.keys(credHelpers) : [];
  if (helpers.some(sameHost) || typeof credsStore === 'string') {
    return {
      note: `the credentials for ${name.configKey} are kept by a docker credential helper, which is not consulted`,
    };
  }
  return { note: `no credentials for ${name.configKey} in ${file}` };
}

interface Challenge {
  scheme: 'bearer' | 'basic';
  params: Record<string, string>;
}

/** The challenges of a `WWW-Authenticate` header (several may be joined with commas). */
export function parseChallenges(header: string): Challenge[] {
  const starts = [...header.matchAll(/(?:^|,)\s*(Bearer|Basic)(?:\s+|$)/gi)];
  return starts.map((match, i) => {
    const from = (match.index ?? 0) + match[0].length;
    const to = i + 1 < starts.length ? (starts[i + 1].index ?? header.length) : header.length;
    const params: Record<string, string> = {};
    for (const p of header
      .slice(from, to)
      .matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
      params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
    }
    return { scheme: match[1].toLowerCase() as Challenge['scheme'], params };
  });
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

/** The registry's `{"errors":[{code, message}]}` as `CODE: message`, or a short excerpt of the body. */
function registryError(body: string): { code?: string; text: string } {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
    if (first && typeof first.code === 'string') {
      const message = typeof first.message === 'string' ? `: ${first.message}` : '';
      return { code: first.code, text: excerpt(`${first.code}${message}`) };
    }
  } catch {
    // not JSON
  }
  return { text: excerpt(body, 120) };
}

function excerpt(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

class ListingError extends Error {}

/** What a registry request needs: the parsed name, docker's credentials, a token once challenged. */
export interface RegistrySession {
  name: ImageName;
  /** `registry <host>`, for messages. */
  where: string;
  origin: string;
  /**
   * One request, authenticated as docker would on the first 401 (and again when a token expires).
   * Throws a RegistryError with a message fit for a log.
   */
  send(url: string, init?: { method?: string; headers?: Record<string, string> }): Promise<ResponseLike>;
  /** Why there are no credentials, to append to a refusal. */
  deniedHint(): string;
  /** The text with every credential and token replaced by `***`. */
  redact(text: string): string;
}

/** A refusal or failure described for the log; never holds credentials. */
export class RegistryError extends ListingError {}

/**
 * A session with the registry of `image`, authenticating as docker does: the request goes out
 * anonymously; on a `401` with a `Bearer` challenge a token for `repository:<name>:<actions>` is
 * fetched from the challenge's realm (with the `docker login` credentials of the config file as
 * basic auth when there are any, anonymously otherwise), on a `Basic` challenge the credentials
 * are sent directly. Credentials are sent over plain HTTP only to loopback hosts. Throws an
 * Error for a name docker would refuse.
 */
export function openRegistry(o: {
  image: string;
  dockerConfigDir?: string;
  fetchImpl?: FetchLike;
  signal: AbortSignal;
  /** The token scope's actions: `pull` to list, `pull,delete` to delete. */
  actions?: string;
}): RegistrySession {
  const name = parseImageName(o.image);
  const secrets: string[] = [];
  const redact = (text: string) =>
    secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
  const fetchImpl = o.fetchImpl ?? httpFetch;
  const where = `registry ${name.registry}`;
  const configDir = o.dockerConfigDir ?? dockerConfigDir();
  let lookup: CredentialLookup | undefined;
  const credentials = async () => {
    lookup ??= await readCredentials(configDir, name);
    if (lookup.credentials) {
      const { username, password } = lookup.credentials;
      secrets.push(password, basic(lookup.credentials).slice(6), username);
    }
    return lookup;
  };
  const deniedHint = () => (lookup?.note ? `; ${lookup.note}` : '');
  const request = (url: string, method: string, headers: Record<string, string>, authorization?: string) =>
    fetchImpl(url, {
      method,
      headers: {
        Accept: 'application/json',
        'User-Agent': USER_AGENT,
        ...headers,
        ...(authorization ? { Authorization: authorization } : {}),
      },
      signal: o.signal,
      redirect: 'follow',
    });

  /** An Authorization header that answers the challenges of a 401. */
  const authorize = async (header: string | null): Promise<string> => {
    const challenges = parseChallenges(header ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const { credentials: creds } = await credentials();
    if (bearer) {
      let realm: URL;
      try {
        realm = new URL(bearer.params.realm ?? '');
      } catch {
        throw new RegistryError(`${where} sent a Bearer challenge without a usable realm`);
      }
      if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
        throw new RegistryError(`${where} sent a Bearer challenge with a non-HTTP realm`);
      }
      const plainRemote = realm.protocol === 'http:' && !isLoopback(hostOf(realm.host));
      if (creds && plainRemote) {
        throw new RegistryError(
          `${where}: refusing to send credentials to the plain-HTTP token realm ${realm.host}`,
        );
      }
      if (bearer.params.service) realm.searchParams.set('service', bearer.params.service);
      realm.searchParams.set('scope', `repository:${name.repository}:${o.actions ?? 'pull'}`);
      const response = await request(realm.href, 'GET', {}, creds ? basic(creds) : undefined);
      const body = await response.text();
      if (!response.ok) {
        const who = creds ? 'the docker login credentials' : 'anonymous access';
        throw new RegistryError(
          `${where}: the token service ${realm.host} refused ${who} (HTTP ${response.status}: ${registryError(body).text})${deniedHint()}`,
        );
      }
      let token: unknown;
      try {
        const parsed = JSON.parse(body) as { token?: unknown; access_token?: unknown };
        token = parsed.token ?? parsed.access_token;
      } catch {
        // handled below
      }
      if (typeof token !== 'string' || token === '') {
        throw new RegistryError(`${where}: the token service ${realm.host} answered without a token`);
      }
      secrets.push(token);
      return `Bearer ${token}`;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      // Plain HTTP is only ever used for loopback registries, so the credentials stay on this machine there.
      if (!creds)
        throw new RegistryError(`${where} requires credentials for ${name.repository}${deniedHint()}`);
      return basic(creds);
    }
    throw new RegistryError(`${where} requires authentication of a kind this action does not speak`);
  };

  let authorization: string | undefined;
  return {
    name,
    where,
    origin: registryOrigin(name.registry),
    deniedHint,
    redact,
    async send(url, init = {}) {
      const method = init.method ?? 'GET';
      const headers = init.headers ?? {};
      let response = await request(url, method, headers, authorization);
      // Authenticate on the first refusal, and once more if a token expires between requests.
      if (response.status === 401) {
        await response.arrayBuffer().catch(() => undefined);
        authorization = await authorize(response.headers.get('www-authenticate'));
        response = await request(url, method, headers, authorization);
      }
      return response;
    },
  };
}

/** A failed registry conversation as one line: timeouts, refusals and network errors, redacted. */
export function registryFailure(
  error: unknown,
  o: { where: string; doing: string; timeoutMs: number; redact?: (text: string) => string },
): string {
  const redact = o.redact ?? ((t: string) => t);
  if (error instanceof ListingError) return redact(error.message);
  const e = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return `${o.where}: ${o.doing} timed out after ${o.timeoutMs} ms`;
  }
  const detail = [e.cause?.code, e.cause?.message, e.message].find((d) => typeof d === 'string' && d !== '');
  return redact(`${o.where}: ${o.doing} failed: ${excerpt(String(detail ?? error))}`);
}

/**
 * The tags of a repository, over the OCI distribution API (`GET /v2/<name>/tags/list`,
 * following `Link: <...>; rel="next"` pages, at most `maxPages`), authenticated as
 * {@link openRegistry} does. Loopback registries are spoken to over plain HTTP, all others over
 * HTTPS; a pagination link to another host is a reason.
 *
 * A repository the registry does not know (`404 NAME_UNKNOWN`: nothing pushed yet) has no tags.
 * Never throws; failures are reasons, which never contain credentials or tokens.
 */
export async function listTags(options: ListTagsOptions): Promise<TagList> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxPages = Math.max(1, options.maxPages ?? 100);
  let session: RegistrySession;
  try {
    session = openRegistry({
      image: options.image,
      dockerConfigDir: options.dockerConfigDir,
      fetchImpl: options.fetchImpl,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { tags: null, reason: String((error as { message?: unknown }).message ?? error) };
  }
  const { name, where, redact, deniedHint } = session;

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
        const denied = response.status === 401 || response.status === 403 ? deniedHint() : '';
        return {
          tags: null,
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
          reason: redact(
            `${where} answered the tag list with something that is not JSON: ${excerpt(body, 80)}`,
          ),
        };
      }
      const pageTags = parsed && typeof parsed === 'object' ? (parsed.tags ?? []) : undefined;
      if (!Array.isArray(pageTags) || pageTags.some((t) => typeof t !== 'string')) {
        return { tags: null, reason: `${where} answered the tag list without a list of tags` };
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
    return {
      tags: null,
      reason: registryFailure(error, { where, doing: 'listing tags', timeoutMs, redact }),
    };
  }
}
