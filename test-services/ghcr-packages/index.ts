import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A loopback stand-in for GitHub's Packages REST API, the part GHCR clean-up uses: list a
 * container package's versions (`GET /{orgs|users}/{owner}/packages/container/{name}/versions`,
 * `per_page`/`page`) and delete one (`DELETE …/versions/{id}` → 204). Payloads have the shapes of
 * GitHub's REST reference: a version is `{id, name: <digest>, url, package_html_url, created_at,
 * updated_at, html_url, metadata: {package_type: "container", container: {tags}}}`; errors are
 * `{message, documentation_url, status}`. An owner of the other kind (an organization asked as a
 * user or the reverse) or an unknown package gets 404 `Package not found.`; a token without
 * `packages: write` gets 403 on DELETE. One package of one owner.
 *
 * The registry half (`ghcr.io` over HTTPS, with a certificate of its own for that name: reach it
 * through a proxy route and trust `caFile`) takes manifest PUTs as GHCR does: a pushed tag moves
 * to the version of the pushed manifest's digest (a new version when the digest is new), and
 * leaves the version it was on. Auth as GHCR's: 401 with a Bearer challenge, a token from
 * `/token` for the basic credentials of a docker login with `token` as password.
 */
export interface PackagesService {
  apiUrl: string;
  token: string;
  /** A token that may read but not delete (403). */
  readOnlyToken: string;
  /** Versions left, oldest first. */
  versions(): { id: number; digest: string; tags: string[]; createdAt: string }[];
  requests(): { method: string; path: string; status: number }[];
  /** The registry half: `127.0.0.1:<port>` speaking HTTPS as ghcr.io, and the CA file to trust. */
  registry: { address: string; caFile: string };
  stop(): Promise<void>;
}

export async function startPackagesService(o: {
  owner: string;
  ownerKind: 'orgs' | 'users';
  name: string;
  versions: { tags: string[]; createdAt: string }[];
}): Promise<PackagesService> {
  const token = `ghcr-test-${randomBytes(12).toString('hex')}`;
  const readOnlyToken = `ghcr-test-ro-${randomBytes(12).toString('hex')}`;
  let nextId = 1000;
  const store = o.versions.map((v) => ({
    id: nextId++,
    digest: `sha256:${randomBytes(32).toString('hex')}`,
    tags: [...v.tags],
    createdAt: v.createdAt,
  }));
  const log: { method: string; path: string; status: number }[] = [];
  const base = `/${o.ownerKind}/${o.owner}/packages/container/${encodeURIComponent(o.name)}/versions`;
  let apiUrl = '';
  const send = (req: IncomingMessage, res: ServerResponse, status: number, payload?: unknown) => {
    log.push({ method: req.method ?? '', path: req.url ?? '', status });
    if (payload === undefined) return void res.writeHead(status).end();
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(text);
  };
  const error = (status: number, message: string) => ({
    message,
    documentation_url: 'https://docs.github.com/rest/packages/packages',
    status: String(status),
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const auth = /^(?:Bearer|token) (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (auth !== token && auth !== readOnlyToken) return send(req, res, 401, error(401, 'Bad credentials'));
    const m = /^(.*\/versions)(?:\/(\d+))?$/.exec(url.pathname);
    // GitHub keeps the package's name encoded in the path (`team%2Fapp`).
    if (!m || m[1] !== base) return send(req, res, 404, error(404, 'Package not found.'));
    if (req.method === 'GET' && m[2] === undefined) {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const html = `https://github.com/${o.ownerKind}/${o.owner}/packages/container`;
      const versions = [...store]
        .reverse()
        .slice((page - 1) * perPage, page * perPage)
        .map((v) => ({
          id: v.id,
          name: v.digest,
          url: `${apiUrl}${base}/${v.id}`,
          package_html_url: `${html}/package/${o.name}`,
          created_at: v.createdAt,
          updated_at: v.createdAt,
          html_url: `${html}/${o.name}/${v.id}`,
          metadata: { package_type: 'container', container: { tags: v.tags } },
        }));
      return send(req, res, 200, versions);
    }
    if (req.method === 'DELETE' && m[2] !== undefined) {
      if (auth === readOnlyToken)
        return send(req, res, 403, error(403, 'Resource not accessible by integration'));
      const i = store.findIndex((v) => v.id === Number(m[2]));
      if (i === -1) return send(req, res, 404, error(404, 'Not Found'));
      store.splice(i, 1);
      return send(req, res, 204);
    }
    return send(req, res, 404, error(404, 'Not Found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dir = mkdtempSync(join(tmpdir(), 'ghcr-standin-'));
  const [keyFile, caFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=ghcr.io',
      '-addext',
      'subjectAltName=DNS:ghcr.io',
      '-keyout',
      keyFile,
      '-out',
      caFile,
    ],
    { stdio: 'ignore' },
  );
  const registryToken = `ghcr-registry-${randomBytes(12).toString('hex')}`;
  const repository = `${o.owner}/${o.name}`;
  const registry = createTlsServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://ghcr.io');
    if (url.pathname === '/token') {
      const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const password = Buffer.from(basic, 'base64').toString().split(':').slice(1).join(':');
      if (password !== token) return send(req, res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
      return send(req, res, 200, { token: registryToken });
    }
    if (req.headers.authorization !== `Bearer ${registryToken}`) {
      res.setHeader(
        'WWW-Authenticate',
        `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:${repository}:pull"`,
      );
      return send(req, res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] });
    }
    const tag = new RegExp(`^/v2/${repository}/manifests/([\\w][\\w.-]*)$`).exec(url.pathname)?.[1];
    if (req.method !== 'PUT' || !tag) return send(req, res, 404, { errors: [{ code: 'NOT_FOUND' }] });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const digest = `sha256:${createHash('sha256').update(Buffer.concat(chunks)).digest('hex')}`;
      for (const v of store) v.tags = v.tags.filter((t) => t !== tag);
      const version = store.find((v) => v.digest === digest);
      if (version) version.tags.push(tag);
      else store.push({ id: nextId++, digest, tags: [tag], createdAt: new Date().toISOString() });
      res.setHeader('Docker-Content-Digest', digest);
      send(req, res, 201);
    });
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl,
    token,
    readOnlyToken,
    versions: () => store.map((v) => ({ ...v, tags: [...v.tags] })),
    requests: () => [...log],
    registry: { address: `127.0.0.1:${(registry.address() as AddressInfo).port}`, caFile },
    stop: async () => {
      await new Promise<void>((resolve) => registry.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
