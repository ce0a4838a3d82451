import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback forwarder in front of a real registry that logs every request, as the registry's
 * own access log would: a test points `cache-image` at it (`127.0.0.1:<port>/...`, still a
 * loopback registry for docker and the action) and counts what was asked for. Bodies stream
 * through untouched; the Host header is kept, so the registry's upload locations come back here.
 */
export interface RegistryLog {
  /** `127.0.0.1:<port>`: the registry host to use in image names. */
  host: string;
  /** `METHOD path?query`, in the order received. */
  requests(): string[];
  stop(): Promise<void>;
}

export async function startRegistryLog(upstream: string): Promise<RegistryLog> {
  const [upstreamHost, upstreamPort] = upstream.split(':');
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const forwarded = request(
      {
        host: upstreamHost,
        port: Number(upstreamPort),
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', (e) => res.writeHead(502).end(`registry-log: ${e.message}`));
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => [...log],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
