import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppliedFault } from './faults';
import {
  CACHE_SERVICE_METHODS,
  type CacheServiceMethod,
  type Json,
  LIST_METHODS,
  MAX_BODY,
  type RequestRecord,
  TWIRP_PREFIX,
  TwirpError,
} from './protocol';
import { type ScopeGrant, TokenError, verifyToken } from './token';
import { type CacheContext, dispatch } from './twirp-methods';

// The Twirp wire of GitHub's cache service: route, fault switches, method and content type, the
// runtime token, the JSON body; then the method (twirp-methods.ts), or a Twirp error.

/** What the Twirp wire reads of the service. */
export interface TwirpContext extends CacheContext {
  /** The key runtime tokens are signed with. */
  readonly secret: Buffer;
  /** Whether ListCacheEntries and LookupCacheEntry answer (GhaCacheServiceOptions.listCalls). */
  readonly listCalls: boolean;
  fault(method: string, record: RequestRecord, res: ServerResponse): Promise<AppliedFault>;
}

/** One request to the Twirp path (the body read): answered with the method's JSON or a Twirp error. */
export async function handleTwirp(
  ctx: TwirpContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
  record: RequestRecord,
): Promise<void> {
  const answer = (status: number, payload: Json, headers: Record<string, string> = {}) => {
    record.status = status;
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };
  try {
    if (!path.startsWith(TWIRP_PREFIX)) {
      throw new TwirpError('bad_route', `no handler for path ${path}`);
    }
    const method = path.slice(TWIRP_PREFIX.length);
    record.method = method;

    const fault = await ctx.fault(method, record, res);
    if (fault === 'dropped') return;
    if (fault?.status === 429) {
      throw new TwirpError('resource_exhausted', 'rate limit exceeded (fault switch)', 429, {
        'Retry-After': String(fault.retryAfterSeconds),
      });
    }
    if (fault) {
      const code = fault.status === 503 ? 'unavailable' : 'internal';
      throw new TwirpError(code, `server error (fault switch)`, fault.status);
    }

    if (req.method !== 'POST')
      throw new TwirpError('bad_route', `unsupported method ${req.method} (only POST)`);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/json') {
      throw new TwirpError(
        'bad_route',
        `unexpected Content-Type: ${contentType || '(none)'} (only application/json)`,
      );
    }
    const off = !ctx.listCalls && (LIST_METHODS as readonly string[]).includes(method);
    if (off || !(CACHE_SERVICE_METHODS as readonly string[]).includes(method)) {
      throw new TwirpError('bad_route', `no handler for method ${method}`);
    }

    const auth = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new TwirpError('unauthenticated', 'missing bearer token');
    let scopes: ScopeGrant[];
    try {
      scopes = verifyToken(match[1], ctx.secret).scopes;
    } catch (e) {
      throw new TwirpError('unauthenticated', e instanceof TokenError ? e.message : 'invalid token');
    }
    record.tokenScopes = scopes;

    if (body.length > MAX_BODY) throw new TwirpError('malformed', 'request body too large');
    let parsed: unknown;
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      throw new TwirpError('malformed', 'the json request could not be decoded');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new TwirpError('malformed', 'the json request is not an object');
    }
    const result = await dispatch(ctx, method as CacheServiceMethod, parsed as Json, scopes, record);
    answer(200, result);
  } catch (e) {
    const err =
      e instanceof TwirpError ? e : new TwirpError('internal', e instanceof Error ? e.message : String(e));
    record.status = err.status;
    sendTwirpError(res, err);
  }
}

export function sendTwirpError(res: ServerResponse, err: TwirpError): void {
  const text = JSON.stringify({ code: err.code, msg: err.message });
  res.writeHead(err.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...err.headers,
  });
  res.end(text);
}
