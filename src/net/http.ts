import * as http from 'node:http';
import type * as https from 'node:https';

/**
 * The part of `fetch` this action uses. Node's own `fetch` loads its HTTP client (undici) on first
 * use, which costs every run ~55 ms before the plan is ready; `node:http` is already in memory.
 * Tests inject their own implementation of this type.
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

/** A failed request in a few words: fetch's "fetch failed" with the system error's code, e.g. `(ECONNREFUSED)`. */
export function failureText(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return `${(error as Error)?.message || String(error)}${typeof cause === 'string' ? ` (${cause})` : ''}`;
}

/**
 * A small `fetch` on `node:http`/`node:https`: follows up to five redirects (303 turns into a GET,
 * and credentials are not sent to another origin), reads the whole body, and fails as `fetch`
 * does: network errors as "fetch failed" with the system error as `cause`, an aborted signal with
 * the signal's reason (a `TimeoutError` for `AbortSignal.timeout`).
 */
export const httpFetch: FetchLike = async (url, init = {}) => {
  let target = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  let headers = { ...(init.headers ?? {}) };
  for (let hop = 0; ; hop++) {
    const res = await request(target, method, headers, body, init.signal);
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

function request(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
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
    const sent = { ...headers };
    if (body !== undefined) sent['Content-Length'] = String(Buffer.byteLength(body));
    const req = client.request(url, { method, headers: sent });
    const onAbort = () => req.destroy(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    req.on('error', (e) => {
      settle();
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: e }));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => {
        settle();
        reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: e }));
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
