// A forwarding proxy on loopback for tests, as a self-hosted runner's HTTPS_PROXY would be: it
// tunnels CONNECT requests and forwards absolute-URI requests, and logs every one of them. Host
// names ending in `.test` resolve to 127.0.0.1 here, in the proxy, so a test can give its loopback
// services names that clients do not bypass as loopback (and /etc/hosts stays untouched).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';

/** One request the proxy received: `CONNECT` with `host:port`, or a method with the full URL. */
export interface ProxiedRequest {
  method: string;
  /** `host:port` as the client asked for it. */
  target: string;
  /** The absolute URL of a forwarded request; '' for a tunnel (its content is the client's). */
  url: string;
}

export interface TestProxy {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY / HTTP_PROXY. */
  url: string;
  /** Everything received so far, in order. */
  log: ProxiedRequest[];
  /** The `host:port` targets received so far, sorted and without repeats. */
  targets(): string[];
  stop(): Promise<void>;
}

/** Where the proxy connects for a host: `*.test` is this machine. */
function resolveHost(host: string): string {
  return /\.test$/i.test(host) ? '127.0.0.1' : host;
}

/**
 * `routes` sends tunnels for a `host:port` elsewhere (`{'ghcr.io:443': '127.0.0.1:8443'}`): a
 * stand-in with that host's name in its certificate answers for it.
 */
export async function startTestProxy(routes: Record<string, string> = {}): Promise<TestProxy> {
  const log: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('a proxy request needs an absolute URL');
      return;
    }
    log.push({ method: req.method ?? '', target: target.host, url: target.href });
    const upstream = http.request(
      {
        host: resolveHost(target.hostname),
        port: target.port || 80,
        path: target.pathname + target.search,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (e) => res.writeHead(502).end(`proxy: ${e.message}`));
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    log.push({ method: 'CONNECT', target, url: '' });
    const to = routes[target] ?? target;
    const [host, port] = [to.slice(0, to.lastIndexOf(':')), Number(to.split(':').pop())];
    const upstream = net.connect(port, resolveHost(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    targets: () => [...new Set(log.map((r) => r.target))].sort(),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The proxy variables a runner may set, in both spellings. */
export const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
];

/** Runs `fn` with the proxy variables set as given (the others unset), then restores them all. */
export async function withProxyEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((n) => [n, process.env[n]]));
  for (const n of PROXY_VARIABLES) delete process.env[n];
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const n of PROXY_VARIABLES) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  }
}
