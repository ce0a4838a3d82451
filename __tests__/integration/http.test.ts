import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import { failureText, httpFetch, proxyConfigured } from '../../src/net/http';
import { PROXY_VARIABLES, startTestProxy } from '../../test-services/proxy';

/** What a loopback server saw, and a handler per path. */
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function serve(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void,
  host = '127.0.0.1',
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('httpFetch', () => {
  it('sends the method, headers and body, and reads status, headers and body', async () => {
    const s = await serve((_req, res, body) => {
      res.writeHead(201, { 'Content-Type': 'application/json', Link: '</next>; rel="next"' });
      res.end(JSON.stringify({ echoed: body }));
    });
    try {
      const res = await httpFetch(`${s.url}/twirp/x`, {
        method: 'POST',
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
        body: '{"key":"é"}',
      });
      expect(res.status).toBe(201);
      expect(res.ok).toBe(true);
      expect(res.headers.get('LINK')).toBe('</next>; rel="next"');
      expect(res.headers.get('x-missing')).toBeNull();
      expect(await res.json()).toStrictEqual({ echoed: '{"key":"é"}' });
      expect(s.seen[0]).toMatchObject({
        method: 'POST',
        url: '/twirp/x',
        headers: { authorization: 'Bearer t', 'content-length': String(Buffer.byteLength('{"key":"é"}')) },
      });
    } finally {
      await s.close();
    }
  });

  it('reports an error status as not ok, with its body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(404);
      res.end('{"errors":[{"code":"NAME_UNKNOWN"}]}');
    });
    try {
      const res = await httpFetch(`${s.url}/v2/x/tags/list`);
      expect([res.status, res.ok]).toStrictEqual([404, false]);
      expect(await res.text()).toContain('NAME_UNKNOWN');
    } finally {
      await s.close();
    }
  });

  it('follows redirects, and keeps credentials from another origin', async () => {
    const other = await serve((_req, res) => res.end('there'));
    const s = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(307, { Location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(302, { Location: `${other.url}/c` }).end();
      else res.writeHead(500).end();
    });
    try {
      const res = await httpFetch(`${s.url}/a`, { headers: { Authorization: 'Basic secret' } });
      expect(await res.text()).toBe('there');
      expect(s.seen.map((r) => [r.url, r.headers.authorization])).toStrictEqual([
        ['/a', 'Basic secret'],
        ['/b', 'Basic secret'],
      ]);
      expect(other.seen.map((r) => [r.url, r.headers.authorization])).toStrictEqual([['/c', undefined]]);
    } finally {
      await Promise.all([s.close(), other.close()]);
    }
  });

  it('gives up after five redirects', async () => {
    const s = await serve((_req, res) => res.writeHead(302, { Location: '/again' }).end());
    try {
      await expect(httpFetch(`${s.url}/loop`)).rejects.toMatchObject({
        message: 'fetch failed',
        cause: { message: 'too many redirects' },
      });
      expect(s.seen).toHaveLength(6);
    } finally {
      await s.close();
    }
  });

  it('fails as fetch does when nothing listens: "fetch failed" with the system error as cause', async () => {
    const s = await serve((_req, res) => res.end());
    const url = s.url;
    await s.close();
    await expect(httpFetch(url)).rejects.toMatchObject({
      message: 'fetch failed',
      cause: { code: 'ECONNREFUSED' },
    });
  });

  it('ends a request that outlives its AbortSignal.timeout with a TimeoutError', async () => {
    const s = await serve(() => undefined); // never answers
    try {
      const started = Date.now();
      await expect(httpFetch(s.url, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
        name: 'TimeoutError',
      });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      s.close();
    }
  });
});

describe('httpFetch behind a proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as runners set them)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of [...PROXY_VARIABLES, 'no_proxy', 'NO_PROXY']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  const useProxy = (url: string, noProxy = '') => {
    for (const name of ['http_proxy', 'https_proxy', 'no_proxy']) delete process.env[name];
    Object.assign(process.env, { HTTP_PROXY: url, HTTPS_PROXY: url, NO_PROXY: noProxy });
  };

  // net/ reads no variable itself: @actions/http-client's reading answers, NO_PROXY included.
  it.each([
    { set: {}, want: false },
    { set: { HTTPS_PROXY: 'http://proxy.test:3128' }, want: true },
    { set: { http_proxy: 'http://proxy.test:3128' }, want: true },
    { set: { HTTPS_PROXY: 'http://proxy.test:3128', NO_PROXY: '*' }, want: false },
    { set: { HTTP_PROXY: '' }, want: false },
  ])('a proxy is configured with $set: $want', ({ set, want }) => {
    for (const name of [...PROXY_VARIABLES, 'no_proxy', 'NO_PROXY']) delete process.env[name];
    Object.assign(process.env, set);
    expect(proxyConfigured()).toBe(want);
  });

  it('sends a named host through the proxy, with its credentials and across a redirect', async () => {
    const proxy = await startTestProxy();
    const s = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(302, { Location: '/b' }).end();
      else res.end('through');
    });
    try {
      useProxy(proxy.url);
      const named = s.url.replace('127.0.0.1', 'service.test');
      const res = await httpFetch(`${named}/a`, { headers: { Authorization: 'Bearer t' } });
      expect(await res.text()).toBe('through');
      const target = new URL(named).host;
      expect(proxy.log).toStrictEqual([
        { method: 'CONNECT', target, url: '' },
        { method: 'CONNECT', target, url: '' },
      ]);
      expect(s.seen.map((r) => [r.url, r.headers.authorization])).toStrictEqual([
        ['/a', 'Bearer t'],
        ['/b', 'Bearer t'],
      ]);
    } finally {
      await Promise.all([s.close(), proxy.stop()]);
    }
  });

  it('goes straight to NO_PROXY hosts and to loopback addresses', async () => {
    const proxy = await startTestProxy();
    // All interfaces: this machine's name resolves to a loopback or a LAN address.
    const s = await serve((_req, res) => res.end('direct'), '0.0.0.0');
    try {
      const port = new URL(s.url).port;
      useProxy(proxy.url, `other.test,${os.hostname()}`);
      expect(await (await httpFetch(`http://${os.hostname()}:${port}/`)).text()).toBe('direct');
      expect(await (await httpFetch(`http://127.0.0.1:${port}/`)).text()).toBe('direct');
      expect(s.seen).toHaveLength(2);
      expect(proxy.log).toStrictEqual([]);
    } finally {
      await Promise.all([s.close(), proxy.stop()]);
    }
  });

  it('a proxy that does not answer: "fetch failed", naming the proxy', async () => {
    const proxy = await startTestProxy();
    await proxy.stop();
    useProxy(proxy.url);
    const failed = httpFetch('http://service.test:8080/v2/');
    await expect(failed).rejects.toMatchObject({ message: 'fetch failed' });
    expect(failureText(await failed.catch((e: unknown) => e))).toMatch(
      new RegExp(`^fetch failed \\(\\w+\\) through the proxy ${new URL(proxy.url).host}$`),
    );
  });
});
