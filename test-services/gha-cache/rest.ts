import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppliedFault } from './faults';
import type { GhaCacheEntry, Json, RequestRecord, RestMethod } from './protocol';
import type { EntryStorage } from './storage';

// The REST endpoints of GitHub's API for a repository's caches (api.github.com's shapes): list,
// delete by key or id, usage, and GitHub Enterprise Server's usage policy.

/** What the REST handlers read of the service. */
export interface RestContext {
  readonly storage: EntryStorage;
  /** The GITHUB_TOKEN that may list and delete. */
  readonly githubToken: string;
  /** The GITHUB_TOKEN with `actions: read` only. */
  readonly githubTokenReadOnly: string;
  /** GitHub Enterprise Server's size limit; null answers the usage-policy endpoint with 404. */
  readonly usagePolicyGb: number | null;
  fault(method: string, record: RequestRecord, res: ServerResponse): Promise<AppliedFault>;
}

function restJson(e: GhaCacheEntry): Json {
  return {
    id: e.id,
    ref: e.scope,
    key: e.key,
    version: e.version,
    last_accessed_at: (e.lastAccessedAt ?? e.finalizedAt ?? e.createdAt).toISOString(),
    created_at: e.createdAt.toISOString(),
    size_in_bytes: e.size,
  };
}

/** One request to the REST endpoints: route, fault switches, GITHUB_TOKEN check, then the method. */
export async function handleRest(
  ctx: RestContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  record: RequestRecord,
) {
  const send = (status: number, payload?: Json, headers: Record<string, string> = {}) => {
    record.status = status;
    if (payload === undefined) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };
  const notFound = () => send(404, { message: 'Not Found', status: '404' });
  const m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/(?:caches(?:\/(\d+))?|cache\/(usage(?:-policy)?))$/.exec(
    url.pathname,
  );
  if (!m) return notFound();
  const [, owner, repo, idText, usage] = m;
  let method: RestMethod | undefined;
  if (usage === 'usage-policy' && req.method === 'GET') {
    // GitHub Enterprise Server's endpoint; github.com has none (404).
    if (ctx.usagePolicyGb === null) return notFound();
    method = 'GetCacheUsagePolicy';
  } else if (usage && req.method === 'GET') method = 'GetCacheUsage';
  else if (!usage && idText === undefined && req.method === 'GET') method = 'ListCaches';
  else if (!usage && idText === undefined && req.method === 'DELETE') method = 'DeleteCachesByKey';
  else if (!usage && idText !== undefined && req.method === 'DELETE') method = 'DeleteCacheById';
  if (!method) return notFound();
  record.method = method;

  const fault = await ctx.fault(method, record, res);
  if (fault === 'dropped') return;
  if (fault?.status === 429) {
    return send(
      429,
      { message: 'API rate limit exceeded (fault switch)', status: '429' },
      { 'Retry-After': String(fault.retryAfterSeconds) },
    );
  }
  if (fault)
    return send(fault.status, { message: 'Server Error (fault switch)', status: String(fault.status) });

  const auth = /^(?:Bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!auth || (auth[1] !== ctx.githubToken && auth[1] !== ctx.githubTokenReadOnly)) {
    return send(401, {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  }
  if (auth[1] === ctx.githubTokenReadOnly && req.method === 'DELETE') {
    // What GitHub answers a GITHUB_TOKEN without `actions: write`.
    return send(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/actions/cache',
      status: '403',
    });
  }
  const q = url.searchParams;
  const visible = ctx.storage.all.filter((e) => e.finalized);
  switch (method) {
    case 'GetCacheUsagePolicy':
      return send(200, { repo_cache_size_limit_in_gb: ctx.usagePolicyGb });
    case 'GetCacheUsage':
      return send(200, {
        full_name: `${owner}/${repo}`,
        active_caches_size_in_bytes: visible.reduce((n, e) => n + e.size, 0),
        active_caches_count: visible.length,
      });
    case 'ListCaches': {
      const key = q.get('key') ?? '';
      const ref = q.get('ref') ?? '';
      const sort = q.get('sort') ?? 'last_accessed_at';
      const direction = q.get('direction') ?? 'desc';
      const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30));
      const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
      if (
        !['created_at', 'last_accessed_at', 'size_in_bytes'].includes(sort) ||
        !['asc', 'desc'].includes(direction)
      ) {
        return send(422, { message: 'Validation Failed', status: '422' });
      }
      const value = (e: GhaCacheEntry): number =>
        sort === 'size_in_bytes'
          ? e.size
          : sort === 'created_at'
            ? e.createdAt.getTime()
            : (e.lastAccessedAt ?? e.finalizedAt ?? e.createdAt).getTime();
      const listed = visible
        .filter((e) => (!key || e.key.startsWith(key)) && (!ref || e.scope === ref))
        .sort((a, b) => (direction === 'asc' ? value(a) - value(b) : value(b) - value(a)) || a.id - b.id);
      return send(200, {
        total_count: listed.length,
        actions_caches: listed.slice((page - 1) * perPage, page * perPage).map((e) => restJson(e)),
      });
    }
    case 'DeleteCachesByKey': {
      const key = q.get('key') ?? '';
      const ref = q.get('ref') ?? '';
      if (!key) return send(422, { message: 'Validation Failed: key is required', status: '422' });
      const doomed = visible.filter((e) => e.key === key && (!ref || e.scope === ref));
      if (doomed.length === 0) return notFound();
      for (const e of doomed) await ctx.storage.deleteEntry(e);
      return send(200, { total_count: doomed.length, actions_caches: doomed.map((e) => restJson(e)) });
    }
    case 'DeleteCacheById': {
      const entry = visible.find((e) => e.id === Number(idText));
      if (!entry) return notFound();
      await ctx.storage.deleteEntry(entry);
      return send(204);
    }
  }
}
