import type { Exec } from '../../lib/exec';
import { redactSecrets } from '../../lib/text';
import { type FetchLike, type ResponseLike, httpFetch } from '../../net/http';
import { type CredentialLookup, type Credentials, credentialsOnce } from './credentials';
import { hostOf, type ImageName, isLoopback, parseImageName, registryOrigin } from './name';

const USER_AGENT = 'buildkit-cache-action';

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

/** The registry's `{"errors":[{code, message}]}` as `CODE: message`, or a short excerpt of the body. */
export function registryError(body: string): { code?: string; text: string } {
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

export function excerpt(text: string, max = 200): string {
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
  send(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<ResponseLike>;
  /** Why there are no credentials, for a refusal's reason ('' when there are). */
  deniedHint(): string;
  /** The text with every credential and token replaced by `***`. */
  redact(text: string): string;
}

export interface SessionOptions {
  /** The directory of docker's config.json (the runner environment's `docker.configDir`). */
  dockerConfigDir: string;
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

/** One request of the session: docker's headers, the authorization when there is one. */
type Get = (
  url: string,
  method: string,
  headers: Record<string, string>,
  authorization?: string,
  body?: string,
) => Promise<ResponseLike>;

function requester(fetchImpl: FetchLike, signal: AbortSignal): Get {
  return (url, method, headers, authorization, body) =>
    fetchImpl(url, {
      method,
      ...(body !== undefined ? { body } : {}),
      headers: {
        Accept: 'application/json',
        'User-Agent': USER_AGENT,
        ...headers,
        ...(authorization ? { Authorization: authorization } : {}),
      },
      signal,
      redirect: 'follow',
    });
}

/** What answering a challenge works with. */
interface Authorizing {
  name: ImageName;
  where: string;
  /** The token scope's actions. */
  actions: string;
  get: Get;
  credentials: Credentials | undefined;
  /** Why there are no credentials, for a refusal's reason. */
  deniedHint: () => string;
  /** Every secret the session has seen, for redaction: a token fetched here is added. */
  secrets: string[];
}

/** The challenge's realm, checked: an HTTP(S) URL that gets credentials only over TLS or on loopback. */
function realmOf(bearer: Challenge, a: Authorizing): URL {
  let realm: URL;
  try {
    realm = new URL(bearer.params.realm ?? '');
  } catch {
    throw new RegistryError(`${a.where} sent a Bearer challenge without a usable realm`);
  }
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
    throw new RegistryError(`${a.where} sent a Bearer challenge with a non-HTTP realm`);
  }
  const plainRemote = realm.protocol === 'http:' && !isLoopback(hostOf(realm.host));
  if (a.credentials && plainRemote) {
    throw new RegistryError(
      `${a.where}: refusing to send credentials to the plain-HTTP token realm ${realm.host}`,
    );
  }
  return realm;
}

/** A token for `repository:<name>:<actions>` from the challenge's realm, as a `Bearer` header. */
async function bearerAuthorization(bearer: Challenge, a: Authorizing): Promise<string> {
  const realm = realmOf(bearer, a);
  const creds = a.credentials;
  if (bearer.params.service) realm.searchParams.set('service', bearer.params.service);
  realm.searchParams.set('scope', `repository:${a.name.repository}:${a.actions}`);
  const response = await a.get(realm.href, 'GET', {}, creds ? basic(creds) : undefined);
  const body = await response.text();
  if (!response.ok) {
    const who = creds ? 'the docker login credentials' : 'anonymous access';
    throw new RegistryError(
      `${a.where}: the token service ${realm.host} refused ${who} (HTTP ${response.status}: ${registryError(body).text})${a.deniedHint()}`,
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
    throw new RegistryError(`${a.where}: the token service ${realm.host} answered without a token`);
  }
  a.secrets.push(token);
  return `Bearer ${token}`;
}

/** An Authorization header that answers the challenges of a 401. */
async function authorizationFor(header: string | null, a: Authorizing): Promise<string> {
  const challenges = parseChallenges(header ?? '');
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  if (bearer) return bearerAuthorization(bearer, a);
  if (challenges.some((c) => c.scheme === 'basic')) {
    // Plain HTTP is only ever used for loopback registries, so the credentials stay on this machine there.
    if (!a.credentials)
      throw new RegistryError(`${a.where} requires credentials for ${a.name.repository}${a.deniedHint()}`);
    return basic(a.credentials);
  }
  throw new RegistryError(`${a.where} requires authentication of a kind this action does not speak`);
}

/** docker's credentials for the registry, looked up on first use only; what it finds joins `secrets`. */
function credentialsLookup(
  options: SessionOptions,
  name: ImageName,
  timeoutMs: number,
  secrets: string[],
): () => Promise<CredentialLookup> {
  let lookup: Promise<CredentialLookup> | undefined;
  return () =>
    (lookup ??= credentialsOnce(options.dockerConfigDir, name, options.exec, timeoutMs).then((found) => {
      if (found.credentials) {
        const { username, password } = found.credentials;
        secrets.push(password, basic(found.credentials).slice(6), username);
      }
      return found;
    }));
}

export function openSession(
  name: ImageName,
  options: SessionOptions,
  signal: AbortSignal,
  timeoutMs: number,
): RegistrySession {
  const secrets: string[] = [];
  const where = `registry ${name.registry}`;
  const get = requester(options.fetchImpl ?? httpFetch, signal);
  const credentials = credentialsLookup(options, name, timeoutMs, secrets);
  let known: CredentialLookup | undefined;
  const deniedHint = () => (known?.note ? `; ${known.note}` : '');
  const authorize = async (header: string | null): Promise<string> => {
    known = await credentials();
    const actions = options.actions ?? 'pull';
    return authorizationFor(header, {
      name,
      where,
      actions,
      get,
      credentials: known.credentials,
      deniedHint,
      secrets,
    });
  };

  let authorization: Promise<string> | undefined;
  return {
    name,
    where,
    origin: registryOrigin(name.registry),
    deniedHint,
    redact: (text) => redactSecrets(text, secrets),
    async send(url, init = {}) {
      const [method, headers, body] = [init.method ?? 'GET', init.headers ?? {}, init.body];
      const used = authorization;
      const response = await get(url, method, headers, used ? await used : undefined, body);
      if (response.status !== 401) return response;
      await response.arrayBuffer().catch(() => undefined);
      // Concurrent requests refused with the same header share one token request.
      if (authorization === used) authorization = authorize(response.headers.get('www-authenticate'));
      return get(url, method, headers, await authorization, body);
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
