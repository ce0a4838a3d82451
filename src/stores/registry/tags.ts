import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dockerConfigDir } from '../../lib/docker-config';
import type { Exec } from '../../lib/exec';
import { type FetchLike, type ResponseLike, httpFetch } from '../../net/http';
import { setSecret } from '../../runner/commands';
import { MANIFEST_TYPES } from '../../lib/oci';

/** Where a repository lives, and the key `docker login` used for it in the docker config file. */
export interface ImageName {
  /** host[:port] to talk to (`registry-1.docker.io` for Docker Hub). */
  registry: string;
  /** The repository path in that registry (`library/alpine` for Docker Hub's `alpine`). */
  repository: string;
  /** The key of `auths` in config.json (`https://index.docker.io/v1/` for Docker Hub). */
  configKey: string;
}

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
 * Credentials for the registry, found as docker finds them in `<dir>/config.json`: a credential
 * helper first (`credHelpers[<host>]`, else `credsStore`: `docker-credential-<helper> get`, run
 * through the one exec seam with the server on stdin; its answer is masked and never logged),
 * then what `docker login` wrote into `auths[<key>]` (`auth`, base64 `user:password`, or
 * `username`/`password`), under the exact key first and then under any key naming the same host
 * (docker matches `https://host/v1/` too). Identity tokens are not used: the request goes on
 * anonymously, and a registry that then refuses says why in the reason.
 */
async function readCredentials(
  dir: string,
  name: ImageName,
  exec: Exec | undefined,
  timeoutMs: number,
): Promise<CredentialLookup> {
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
  const helpers =
    credHelpers && typeof credHelpers === 'object' ? (credHelpers as Record<string, unknown>) : {};
  const helperKey = Object.keys(helpers).find(sameHost);
  const helper = helperKey !== undefined ? helpers[helperKey] : credsStore;
  let helperNote = '';
  if (typeof helper === 'string' && helper !== '') {
    const asked = await askCredentialHelper(helper, name.configKey, exec, timeoutMs);
    if ('credentials' in asked) return asked;
    helperNote = asked.note;
  }
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
  return { note: helperNote || `no credentials for ${name.configKey} in ${file}` };
}

/** Per docker config and registry, found once per run: a credential helper may take a second (ECR's). */
const foundCredentials = new Map<string, Promise<CredentialLookup>>();

function credentialsOnce(
  dir: string,
  name: ImageName,
  exec: Exec | undefined,
  timeoutMs: number,
): Promise<CredentialLookup> {
  const key = `${dir}\0${name.configKey}\0${exec ? 'exec' : ''}`;
  let found = foundCredentials.get(key);
  if (!found) foundCredentials.set(key, (found = readCredentials(dir, name, exec, timeoutMs)));
  return found;
}

/**
 * `docker-credential-<helper> get` with the server on stdin, as the docker CLI runs it. The answer
 * (`{"ServerURL","Username","Secret"}`) is masked at once and never logged; a failure is a note
 * that names the helper, never its output.
 */
async function askCredentialHelper(
  helper: string,
  server: string,
  exec: Exec | undefined,
  timeoutMs: number,
): Promise<{ credentials: Credentials } | { note: string }> {
  const program = `docker-credential-${helper}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(helper))
    return {
      note: `the docker config names a credential helper that is not a plain name (${JSON.stringify(helper)})`,
    };
  if (!exec) return { note: `the credentials for ${server} are kept by ${program}, which was not run` };
  const run = await exec(program, ['get'], { input: server, timeoutMs });
  if (run.exitCode !== 0) {
    const why =
      run.exitCode === 127 ? 'is not on PATH' : run.timedOut ? 'timed out' : `failed (exit ${run.exitCode})`;
    return { note: `the credential helper ${program} ${why} for ${server}` };
  }
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(run.stdout) as typeof answer;
  } catch {
    return { note: `the credential helper ${program} answered something that is not JSON for ${server}` };
  }
  const { Username: username, Secret: password } = answer ?? {};
  if (typeof password === 'string' && password !== '') setSecret(password);
  if (typeof username !== 'string' || typeof password !== 'string' || password === '')
    return { note: `the credential helper ${program} has no credentials for ${server}` };
  if (username === '<token>')
    return {
      note: `the credential helper ${program} holds an identity token for ${server}, which is not used`,
    };
  return { credentials: { username, password } };
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

/** A refusal or failure described for the log; never holds credentials. */
export class RegistryError extends Error {}

/**
 * Requests to one repository with docker's authentication: each goes out anonymously until a
 * `401` asks for more; then a `Bearer` challenge gets a token for `repository:<name>:pull` from the
 * challenge's realm (with the config's credentials as basic auth when there are any, anonymously
 * otherwise), a `Basic` challenge gets the credentials directly. The answer is shared by every
 * later request and fetched again once when it stops working (a token expiring between pages).
 * Credentials are sent over plain HTTP only to loopback hosts, and never to a host other than the
 * registry or its realm.
 */
export interface RegistrySession {
  name: ImageName;
  /** `registry <host>`, for reasons. */
  where: string;
  origin: string;
  /** One request (Accept: JSON unless `headers` says otherwise), authenticated on the first 401. */
  send(url: string, init?: { method?: string; headers?: Record<string, string> }): Promise<ResponseLike>;
  /** Why there are no credentials, for a refusal's reason ('' when there are). */
  deniedHint(): string;
  /** The text with every credential and token replaced by `***`. */
  redact(text: string): string;
}

interface SessionOptions {
  /** The directory of docker's config.json (default: `$DOCKER_CONFIG`, else `~/.docker`). */
  dockerConfigDir?: string;
  fetchImpl?: FetchLike;
  /** Runs docker credential helpers; without it, credentials kept by a helper are not used. */
  exec?: Exec;
  /** The token scope's actions: `pull` to list and read, `pull,delete` to delete. */
  actions?: string;
}

/** A session with the registry of `image` (see {@link RegistrySession}); throws for a name docker would refuse. */
export function openRegistry(
  options: SessionOptions & { image: string; signal: AbortSignal; timeoutMs?: number },
): RegistrySession {
  return openSession(parseImageName(options.image), options, options.signal, options.timeoutMs ?? 15_000);
}

function openSession(
  name: ImageName,
  options: SessionOptions,
  signal: AbortSignal,
  timeoutMs: number,
): RegistrySession {
  const secrets: string[] = [];
  const redact = (text: string) =>
    secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
  const fetchImpl = options.fetchImpl ?? httpFetch;
  const where = `registry ${name.registry}`;
  const configDir = options.dockerConfigDir ?? dockerConfigDir();
  let lookup: Promise<CredentialLookup> | undefined;
  const credentials = async () => {
    lookup ??= credentialsOnce(configDir, name, options.exec, timeoutMs).then((found) => {
      if (found.credentials) {
        const { username, password } = found.credentials;
        secrets.push(password, basic(found.credentials).slice(6), username);
      }
      return found;
    });
    return lookup;
  };
  let known: CredentialLookup | undefined;
  const get = (url: string, method: string, headers: Record<string, string>, authorization?: string) =>
    fetchImpl(url, {
      method,
      headers: {
        Accept: 'application/json',
        'User-Agent': USER_AGENT,
        ...headers,
        ...(authorization ? { Authorization: authorization } : {}),
      },
      signal,
      redirect: 'follow',
    });
  const deniedHint = () => (known?.note ? `; ${known.note}` : '');

  /** An Authorization header that answers the challenges of a 401. */
  const authorize = async (header: string | null): Promise<string> => {
    const challenges = parseChallenges(header ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    known = await credentials();
    const creds = known.credentials;
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
      realm.searchParams.set('scope', `repository:${name.repository}:${options.actions ?? 'pull'}`);
      const response = await get(realm.href, 'GET', {}, creds ? basic(creds) : undefined);
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

  let authorization: Promise<string> | undefined;
  return {
    name,
    where,
    origin: registryOrigin(name.registry),
    deniedHint,
    redact,
    async send(url, init = {}) {
      const [method, headers] = [init.method ?? 'GET', init.headers ?? {}];
      const used = authorization;
      const response = await get(url, method, headers, used ? await used : undefined);
      if (response.status !== 401) return response;
      await response.arrayBuffer().catch(() => undefined);
      // Concurrent requests refused with the same header share one token request.
      if (authorization === used) authorization = authorize(response.headers.get('www-authenticate'));
      return get(url, method, headers, await authorization);
    },
  };
}

/** A failed request as a reason: timeouts and network errors in a few words, never a credential. */
export function registryFailure(
  error: unknown,
  o: { where: string; doing: string; timeoutMs: number; redact: (text: string) => string },
): string {
  const { where, doing: what, timeoutMs, redact } = o;
  if (error instanceof RegistryError) return redact(error.message);
  const e = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return `${where}: ${what} timed out after ${timeoutMs} ms`;
  }
  const detail = [e.cause?.code, e.cause?.message, e.message].find((d) => typeof d === 'string' && d !== '');
  return redact(`${where}: ${what} failed: ${excerpt(String(detail ?? error))}`);
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
