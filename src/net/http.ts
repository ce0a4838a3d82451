import * as http from 'node:http';
import type * as https from 'node:https';
import { getProxyUrl } from '@actions/http-client/lib/proxy';

/**
 * The part of `fetch` this action uses. Node's own `fetch` ignores HTTPS_PROXY/NO_PROXY, so every
 * request goes through {@link httpFetch}, which routes it as the runner's other tools do. Tests
 * inject their own implementation of this type.
 */
export type FetchLike = (
  url: string,
  init?: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    /** Redirects are always followed, as `fetch` does by default. */
    redirect?: 'follow';
  },
) => Promise<ResponseLike>;

export interface ResponseLike {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const MAX_REDIRECTS = 5;

/**
 * A failed request in a few words: fetch's "fetch failed" with the system error's code, e.g.
 * `(ECONNREFUSED)`, and the proxy it went through, if any (a proxy's refusal reads the same).
 */
export function failureText(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const proxy = (error as { proxy?: unknown } | null)?.proxy;
  return (
    `${(error as Error)?.message || String(error)}${typeof cause === 'string' ? ` (${cause})` : ''}` +
    (typeof proxy === 'string' ? ` through the proxy ${proxy}` : '')
  );
}

/**
 * A small `fetch` whose connections come from `@actions/http-client`: HTTPS_PROXY / HTTP_PROXY are
 * used and NO_PROXY (and loopback) bypass them, exactly as for `@actions/cache` and
 * `@actions/tool-cache`. Follows up to five redirects itself (303 turns into a GET, and
 * credentials are not sent to another origin: host and port, which the toolkit's own redirect
 * handling does not compare), reads the whole body, and fails as `fetch` does: network errors as
 * "fetch failed" with the system error as `cause`, an aborted signal with the signal's reason (a
 * `TimeoutError` for `AbortSignal.timeout`).
 */
export const httpFetch: FetchLike = async (url, init = {}) => {
  let target = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  let headers = { ...(init.headers ?? {}) };
  const routes = await proxyRoutes();
  for (let hop = 0; ; hop++) {
    const res = await request(target, method, headers, body, init.signal, routes);
    const location = res.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(res.status) || !location) return res;
    if (hop === MAX_REDIRECTS) throw new Error('fetch failed', { cause: new Error('too many redirects') });
    const next = new URL(location, target);
    if (next.origin !== target.origin) {
      headers = Object.fromEntries(
        Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
      );
    }
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    target = next;
  }
};

/** Which agent carries a request to a URL, and the proxy (without credentials) it goes through. */
interface ProxyRoutes {
  agentFor(url: URL): http.Agent | undefined;
  proxyFor(url: URL): string | undefined;
}

/** Without a proxy variable every connection is direct, as the toolkit's would be: node's own agent. */
const DIRECT: ProxyRoutes = { agentFor: () => undefined, proxyFor: () => undefined };

let loadedRoutes: Promise<ProxyRoutes> | undefined;

/** The proxy (`host:port`, without credentials) a request to `url` goes through; undefined for none. */
export async function proxyFor(url: string): Promise<string | undefined> {
  return (await proxyRoutes()).proxyFor(new URL(url));
}

/**
 * Whether the runner sets a proxy at all (without one, every connection is direct). net/ reads no
 * variable itself: the toolkit's own reading (`getProxyUrl`, which also applies NO_PROXY) is asked
 * about an outside host on each scheme. Its module is small and loads nothing else; the client
 * (undici, tunnel) is only loaded once a request goes through a proxy.
 */
export const proxyConfigured = () => PROBES.some((url) => getProxyUrl(url) !== undefined);
const PROBES = [new URL('https://proxy-probe.invalid/'), new URL('http://proxy-probe.invalid/')];

/**
 * The agent the action's own requests to `url` use: the toolkit's (through the proxy, or direct
 * for NO_PROXY and loopback) when a proxy is set; undefined (node's own) when none is.
 */
export async function agentFor(url: string): Promise<http.Agent | undefined> {
  return (await proxyRoutes()).agentFor(new URL(url));
}

/**
 * The toolkit's client is loaded on the first request through a proxy only (it brings undici and
 * a tunnel agent, ~50 ms): runs without a proxy, or without requests, don't pay for it.
 */
function proxyRoutes(): Promise<ProxyRoutes> {
  if (!proxyConfigured()) return Promise.resolve(DIRECT);
  loadedRoutes ??= Promise.all([
    import('@actions/http-client'),
    import('@actions/http-client/lib/proxy'),
  ]).then(([{ HttpClient }, { getProxyUrl }]) => {
    const client = new HttpClient('buildkit-cache-action', [], { allowRedirects: false });
    return {
      agentFor: (url) => client.getAgent(url.href),
      proxyFor: (url) => {
        const proxy = getProxyUrl(url);
        return proxy?.hostname ? proxy.host : undefined;
      },
    };
  });
  return loadedRoutes;
}

function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
  routes: ProxyRoutes,
): Promise<ResponseLike> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    // node:https loads TLS: ~5 ms that runs against a loopback or plain-HTTP service never need.
    const client =
      url.protocol === 'https:'
        ? (require('node:https') as typeof https)
        : url.protocol === 'http:'
          ? http
          : null;
    if (!client) return reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
    const proxy = routes.proxyFor(url);
    const failed = (e: unknown) =>
      signal?.aborted
        ? signal.reason
        : Object.assign(new TypeError('fetch failed', { cause: e }), proxy ? { proxy } : {});
    const sent = { ...headers };
    if (body !== undefined) sent['Content-Length'] = String(Buffer.byteLength(body));
    const req = client.request(url, { method, headers: sent, agent: routes.agentFor(url) });
    const onAbort = () => req.destroy(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    req.on('error', (e) => {
      settle();
      reject(failed(e));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => {
        settle();
        reject(failed(e));
      });
      res.on('end', () => {
        settle();
        const data = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: {
            get: (name) => {
              const v = res.headers[name.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
            },
          },
          text: async () => data.toString('utf8'),
          json: async () => JSON.parse(data.toString('utf8')) as unknown,
          arrayBuffer: async () =>
            data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
        });
      });
    });
    req.end(body);
  });
}
