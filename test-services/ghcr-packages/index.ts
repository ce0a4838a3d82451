import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for GitHub's Packages REST API, the part GHCR clean-up uses: list a
 * container package's versions (`GET /{orgs|users}/{owner}/packages/container/{name}/versions`,
 * `per_page`/`page`) and delete one (`DELETE …/versions/{id}` → 204). Payloads have the shapes of
 * GitHub's REST reference: a version is `{id, name: <digest>, url, package_html_url, created_at,
 * updated_at, html_url, metadata: {package_type: "container", container: {tags}}}`; errors are
 * `{message, documentation_url, status}`. An owner of the other kind (an organization asked as a
 * user or the reverse) or an unknown package gets 404 `Package not found.`; a token without
 * `packages: write` gets 403 on DELETE. One package of one owner.
 */
export interface PackagesService {
  apiUrl: string;
  token: string;
  /** A token that may read but not delete (403). */
  readOnlyToken: string;
  /** Versions left, oldest first. */
  versions(): { id: number; digest: string; tags: string[]; createdAt: string }[];
  requests(): { method: string; path: string; status: number }[];
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
  return {
    apiUrl,
    token,
    readOnlyToken,
    versions: () => store.map((v) => ({ ...v, tags: [...v.tags] })),
    requests: () => [...log],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
