import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { startAzurite, type Azurite } from './azurite';
import {
  PERMISSION_READ,
  PERMISSION_WRITE,
  TokenError,
  mintToken as mintSignedToken,
  pullRequestScopes,
  pushScopes,
  readOnlyScopes,
  verifyToken,
  type MintTokenOptions,
  type ScopeGrant,
} from './token';
import { EntryRateLimit, type EntryRateLimitOptions } from './rate-limit';

/**
 * A local stand-in for GitHub's Actions cache service, protocol v2 (Twirp JSON, the one
 * `@actions/cache` 4.x and BuildKit's `type=gha` backend speak when ACTIONS_CACHE_SERVICE_V2 is
 * set), with the blobs kept in Azurite behind real SAS URLs. It runs inside the test process:
 * start it with startGhaCacheService() and stop() it in afterAll.
 */

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
export const TWIRP_PREFIX = `/twirp/${CACHE_SERVICE}/`;
/** GitHub's answer when the token has no writable scope (`@actions/cache` keys on the prefix `cache write denied:`). */
export const WRITE_DENIED_MESSAGE = 'cache write denied: token has no writable scopes';
/**
 * The answer to a download URL asked for with a token that may read no scope (`cache-mode:
 * write-only` or `none`): `@actions/cache` keys on the prefix `cache read denied:`; as a Twirp
 * error, `permission_denied`.
 */
export const READ_DENIED_MESSAGE = 'cache read denied: token has no readable scopes';

export const CACHE_SERVICE_METHODS = [
  'CreateCacheEntry',
  'FinalizeCacheEntryUpload',
  'GetCacheEntryDownloadURL',
  'LookupCacheEntry',
  'ListCacheEntries',
  'DeleteCacheEntry',
] as const;
export type CacheServiceMethod = (typeof CACHE_SERVICE_METHODS)[number];

/**
 * Methods in GitHub's CacheService definition that neither BuildKit nor `@actions/cache` call, and
 * that GitHub does not guarantee a job's token: off unless `listCalls` turns them on.
 */
export const LIST_METHODS: readonly CacheServiceMethod[] = ['ListCacheEntries', 'LookupCacheEntry'];

/**
 * The REST endpoints of GitHub's API for a repository's caches (what `gh cache list/delete` and
 * cache-cleanup jobs use with a GITHUB_TOKEN), named for fault switches and the request log:
 * GET and DELETE `/repos/{owner}/{repo}/actions/caches`, DELETE `…/actions/caches/{id}` and
 * GET `…/actions/cache/usage`.
 */
export const REST_METHODS = [
  'ListCaches',
  'DeleteCachesByKey',
  'DeleteCacheById',
  'GetCacheUsage',
  'GetCacheUsagePolicy',
] as const;
export type RestMethod = (typeof REST_METHODS)[number];

/** One cache entry as the service holds it. */
export interface GhaCacheEntry {
  /** Database id (`entry_id`), increasing in creation order. */
  id: number;
  scope: string;
  key: string;
  version: string;
  /** Bytes, known once finalized (0 before). */
  size: number;
  /** When CreateCacheEntry reserved it. */
  createdAt: Date;
  finalizedAt?: Date;
  lastAccessedAt?: Date;
  /** Only finalized entries are visible to lookups. */
  finalized: boolean;
  /** Blob name inside the service's Azurite container. */
  blobName: string;
}

/** What the service saw of one request (for assertions on client behaviour such as retries). */
export interface RequestRecord {
  time: Date;
  /** Twirp method name, REST method name (see REST_METHODS), or `other` for anything else. */
  method: string;
  status: number;
  /** The fault switch that answered, if one did. */
  fault?: 'rate-limit' | 'server-error' | 'hang';
  /** Scopes of the (valid) token that made the request. */
  tokenScopes?: ScopeGrant[];
  key?: string;
  version?: string;
  /** The entry a lookup matched or a write created. */
  entry?: { id: number; scope: string; key: string };
}

export interface RequestFaultOptions {
  /** Only requests to this Twirp (or REST) method (default: any request to the service). */
  method?: CacheServiceMethod | RestMethod;
  /** How many matching requests the switch answers (default 1; `Infinity` until cleared). */
  count?: number;
}

interface RequestFault {
  kind: 'rate-limit' | 'server-error' | 'hang';
  method?: string;
  remaining: number;
  status: number;
  retryAfterSeconds: number;
}

/** Fault switches, settable while the service runs. Every request consumes at most one request fault. */
export class FaultSwitches {
  private requestFaults: RequestFault[] = [];
  private dropRules: { remaining: number; keyPrefix?: string }[] = [];
  private denyWrites = false;
  private hung = new Set<() => void>();

  /** Answer HTTP 429 (Twirp `resource_exhausted`) with `Retry-After` to the next matching requests. */
  rateLimit(options: RequestFaultOptions & { retryAfterSeconds?: number } = {}): void {
    this.push('rate-limit', options, 429, options.retryAfterSeconds ?? 1);
  }

  /** Answer a 5xx (default 500 `internal`; 503 is `unavailable`) to the next matching requests. */
  serverError(options: RequestFaultOptions & { status?: number } = {}): void {
    this.push('server-error', options, options.status ?? 500, 0);
  }

  /**
   * Never answer the next matching requests (default: every matching request until cleared). clear()
   * lets the held requests go on and be answered normally; stop() drops their connections.
   */
  hang(options: RequestFaultOptions = {}): void {
    this.push('hang', { count: Infinity, ...options }, 0, 0);
  }

  /**
   * Delete the blob of the next `count` entries (default 1) right after they are finalized, optionally
   * only entries whose key starts with `keyPrefix`: the index keeps the entry, downloads get 404.
   */
  dropBlobAfterFinalize(options: { count?: number; keyPrefix?: string } = {}): void {
    this.dropRules.push({ remaining: options.count ?? 1, keyPrefix: options.keyPrefix });
  }

  /** While on, CreateCacheEntry (and other writes) answer as for a token without writable scopes. */
  noWritableScopes(enabled = true): void {
    this.denyWrites = enabled;
  }

  /** Turns every switch off and lets held (hung) requests proceed. */
  clear(): void {
    this.requestFaults = [];
    this.dropRules = [];
    this.denyWrites = false;
    this.releaseHung();
  }

  /** Number of requests currently held by hang(). */
  get hungRequests(): number {
    return this.hung.size;
  }

  /** @internal */
  get writesDenied(): boolean {
    return this.denyWrites;
  }

  /** @internal Takes the request fault that applies to a request for `method`, if any. */
  take(method: string): RequestFault | undefined {
    const fault = this.requestFaults.find((f) => f.method === undefined || f.method === method);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.requestFaults = this.requestFaults.filter((f) => f !== fault);
    return fault;
  }

  /** @internal Whether the blob of a just-finalized entry with `key` is to be dropped. */
  takeDrop(key: string): boolean {
    const rule = this.dropRules.find((r) => r.keyPrefix === undefined || key.startsWith(r.keyPrefix));
    if (!rule) return false;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.dropRules = this.dropRules.filter((r) => r !== rule);
    return true;
  }

  /** @internal Holds a request until clear() or releaseHung(). */
  hold(): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        this.hung.delete(release);
        resolve();
      };
      this.hung.add(release);
    });
  }

  /** @internal */
  releaseHung(): void {
    for (const release of [...this.hung]) release();
  }

  private push(
    kind: RequestFault['kind'],
    o: RequestFaultOptions,
    status: number,
    retryAfterSeconds: number,
  ) {
    const remaining = o.count ?? 1;
    if (!(remaining > 0)) throw new Error('a fault needs a positive count');
    this.requestFaults.push({ kind, method: o.method, remaining, status, retryAfterSeconds });
  }
}

export interface GhaCacheServiceOptions {
  /** Container for the blobs (default `actions-cache`). */
  container?: string;
  /** Lifetime of signed URLs (default 1 hour). */
  sasLifetimeSeconds?: number;
  /**
   * Answer ListCacheEntries and LookupCacheEntry (default false: they get Twirp's 404 `bad_route`,
   * as for a method the service does not have, since GitHub guarantees a job's token neither).
   */
  listCalls?: boolean;
  /** New entries per minute (or per `windowMs`) before CreateCacheEntry answers 429 (default: no limit). */
  entryRateLimit?: EntryRateLimitOptions;
}

export interface GhaCacheEnv {
  ACTIONS_RESULTS_URL: string;
  ACTIONS_CACHE_URL: string;
  ACTIONS_RUNTIME_TOKEN: string;
  ACTIONS_CACHE_SERVICE_V2: 'true';
}

export interface GhaCacheService {
  /** `http://127.0.0.1:<port>/` (ends with '/'): ACTIONS_RESULTS_URL. */
  url: string;
  port: number;
  /** `http://127.0.0.1:<port>` (no trailing '/', like GITHUB_API_URL): base of the REST cache endpoints. */
  apiUrl: string;
  /** The GITHUB_TOKEN the REST endpoints accept (`Authorization: Bearer <it>` or `token <it>`). */
  githubToken: string;
  /**
   * A GITHUB_TOKEN with `actions: read` only: it lists and reads usage; deletes get GitHub's 403
   * `Resource not accessible by integration`.
   */
  githubTokenReadOnly: string;
  /** The Azurite the signed URLs point at. */
  azurite: Azurite;
  container: string;
  /** The environment a job sees: results URL, cache URL, runtime token and ACTIONS_CACHE_SERVICE_V2=true. */
  env(token: string): GhaCacheEnv;
  /** A token signed by this service carrying `scopes`. */
  mintToken(options: { scopes: readonly ScopeGrant[] } & Omit<MintTokenOptions, 'secret' | 'scopes'>): string;
  /** Push to `branch`: own branch read-write, default branch read. */
  tokenForPush(branch: string, defaultBranch?: string): string;
  /** Pull request N: `refs/pull/N/merge` read-write, base and default branch read. */
  tokenForPullRequest(prNumber: number, baseBranch?: string, defaultBranch?: string): string;
  /** Every given branch/ref readable, nothing writable. */
  tokenReadOnly(...branchesOrRefs: string[]): string;
  faults: FaultSwitches;
  /** Turns ListCacheEntries and LookupCacheEntry on or off (see GhaCacheServiceOptions.listCalls). */
  setListCalls(enabled: boolean): void;
  /** Sets (or, with `perWindow: null`, lifts) the limit of new entries per window; the count restarts. */
  setEntryRateLimit(options: EntryRateLimitOptions): void;
  /**
   * GitHub Enterprise Server's `GET …/actions/cache/usage-policy` (`repo_cache_size_limit_in_gb`):
   * answered with this limit; null (the default) answers 404, as github.com does.
   */
  setUsagePolicy(limitGb: number | null): void;
  /** Entries, oldest first; uploads not yet finalized only with `includePending`. */
  entries(options?: { includePending?: boolean }): GhaCacheEntry[];
  /** Requests seen so far, oldest first. */
  requests(): RequestRecord[];
  /** The stored bytes of an entry's blob, or undefined when the blob does not exist. */
  blobBytes(entry: GhaCacheEntry | number): Promise<Buffer | undefined>;
  /** Deletes an entry's blob now, keeping the entry (a dangling index entry). */
  dropBlob(entry: GhaCacheEntry | number): Promise<void>;
  /** Removes an entry and its blob. */
  deleteEntry(entry: GhaCacheEntry | number): Promise<boolean>;
  /** Stops the HTTP server (dropping held connections) and Azurite. */
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;

const TWIRP_STATUS: Record<string, number> = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
  unknown: 500,
};

class TwirpError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = TWIRP_STATUS[code] ?? 500,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function str(body: Json, ...names: string[]): string {
  for (const n of names) {
    const v = body[n];
    if (typeof v === 'string') return v;
  }
  return '';
}

function strList(body: Json, ...names: string[]): string[] {
  for (const n of names) {
    const v = body[n];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  }
  return [];
}

function int64(body: Json, ...names: string[]): number | undefined {
  for (const n of names) {
    const v = body[n];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  }
  return undefined;
}

const byNewest = (a: GhaCacheEntry, b: GhaCacheEntry) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

class Service implements GhaCacheService {
  readonly faults = new FaultSwitches();
  url = '';
  apiUrl = '';
  port = 0;
  readonly githubToken = `bkca-test-token-${randomBytes(16).toString('hex')}`;
  readonly githubTokenReadOnly = `bkca-test-token-ro-${randomBytes(16).toString('hex')}`;
  private readonly secret = randomBytes(32);
  private readonly store: GhaCacheEntry[] = [];
  private readonly log: RequestRecord[] = [];
  private nextId = 1;
  private listCalls = false;
  private usagePolicyGb: number | null = null;
  private readonly entryRateLimit = new EntryRateLimit();
  private server?: Server;
  private stopped = false;
  private readonly containerClient: ContainerClient;
  private readonly credential: StorageSharedKeyCredential;

  constructor(
    readonly azurite: Azurite,
    readonly container: string,
    private readonly sasLifetimeSeconds: number,
  ) {
    this.credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    this.containerClient = new BlobServiceClient(azurite.blobEndpoint, this.credential).getContainerClient(
      container,
    );
  }

  async start(): Promise<void> {
    await this.containerClient.createIfNotExists();
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) {
          this.sendError(res, new TwirpError('internal', e instanceof Error ? e.message : String(e)));
        } else {
          res.destroy();
        }
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}/`;
    this.apiUrl = `http://127.0.0.1:${this.port}`;
  }

  env(token: string): GhaCacheEnv {
    return {
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_CACHE_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'true',
    };
  }

  mintToken(
    options: { scopes: readonly ScopeGrant[] } & Omit<MintTokenOptions, 'secret' | 'scopes'>,
  ): string {
    return mintSignedToken({ ...options, secret: this.secret });
  }

  tokenForPush(branch: string, defaultBranch = 'main'): string {
    return this.mintToken({ scopes: pushScopes(branch, defaultBranch) });
  }

  tokenForPullRequest(prNumber: number, baseBranch = 'main', defaultBranch = 'main'): string {
    return this.mintToken({ scopes: pullRequestScopes(prNumber, baseBranch, defaultBranch) });
  }

  tokenReadOnly(...branchesOrRefs: string[]): string {
    return this.mintToken({ scopes: readOnlyScopes(...branchesOrRefs) });
  }

  setListCalls(enabled: boolean): void {
    this.listCalls = enabled;
  }

  setEntryRateLimit(options: EntryRateLimitOptions): void {
    this.entryRateLimit.set(options);
  }

  setUsagePolicy(limitGb: number | null): void {
    this.usagePolicyGb = limitGb;
  }

  entries(options: { includePending?: boolean } = {}): GhaCacheEntry[] {
    return this.store
      .filter((e) => e.finalized || options.includePending)
      .map((e) => ({ ...e }))
      .sort((a, b) => a.id - b.id);
  }

  requests(): RequestRecord[] {
    return this.log.map((r) => ({ ...r }));
  }

  async blobBytes(entry: GhaCacheEntry | number): Promise<Buffer | undefined> {
    const e = this.lookupById(entry);
    if (!e) return undefined;
    try {
      return await this.containerClient.getBlobClient(e.blobName).downloadToBuffer();
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async dropBlob(entry: GhaCacheEntry | number): Promise<void> {
    const e = this.lookupById(entry);
    if (!e) throw new Error(`no cache entry ${typeof entry === 'number' ? entry : entry.id}`);
    await this.containerClient.getBlobClient(e.blobName).deleteIfExists();
  }

  async deleteEntry(entry: GhaCacheEntry | number): Promise<boolean> {
    const e = this.lookupById(entry);
    if (!e) return false;
    this.store.splice(this.store.indexOf(e), 1);
    await this.containerClient.getBlobClient(e.blobName).deleteIfExists();
    return true;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.faults.releaseHung();
    const server = this.server;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await this.azurite.stop();
  }

  // ---------------------------------------------------------------------------------------------

  private lookupById(entry: GhaCacheEntry | number): GhaCacheEntry | undefined {
    const id = typeof entry === 'number' ? entry : entry.id;
    return this.store.find((e) => e.id === id);
  }

  /**
   * Applies the next fault switch for `method`, for both protocols: a hang is waited out here (or
   * the connection dropped when the service stops); an error is returned for the caller to answer
   * in its own protocol's shape.
   */
  private async applyFault(
    method: string,
    record: RequestRecord,
    res: ServerResponse,
  ): Promise<{ status: number; retryAfterSeconds?: number } | 'dropped' | null> {
    const fault = this.faults.take(method);
    if (!fault) return null;
    record.fault = fault.kind;
    if (fault.kind === 'hang') {
      await this.faults.hold();
      if (!this.stopped) return null;
      res.destroy();
      return 'dropped';
    }
    if (fault.kind === 'rate-limit') return { status: 429, retryAfterSeconds: fault.retryAfterSeconds };
    return { status: fault.status };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const body = await readBody(req);
    const record: RequestRecord = { time: new Date(), method: 'other', status: 0 };
    this.log.push(record);
    if (path.startsWith('/repos/')) return this.handleRest(req, res, url, record);
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

      const fault = await this.applyFault(method, record, res);
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
      const off = !this.listCalls && (LIST_METHODS as readonly string[]).includes(method);
      if (off || !(CACHE_SERVICE_METHODS as readonly string[]).includes(method)) {
        throw new TwirpError('bad_route', `no handler for method ${method}`);
      }

      const auth = req.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!match) throw new TwirpError('unauthenticated', 'missing bearer token');
      let scopes: ScopeGrant[];
      try {
        scopes = verifyToken(match[1], this.secret).scopes;
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
      const result = await this.dispatch(method as CacheServiceMethod, parsed as Json, scopes, record);
      answer(200, result);
    } catch (e) {
      const err =
        e instanceof TwirpError ? e : new TwirpError('internal', e instanceof Error ? e.message : String(e));
      record.status = err.status;
      this.sendError(res, err);
    }
  }

  // --- REST (api.github.com's cache endpoints) ----------------------------------------------------

  private restJson(e: GhaCacheEntry): Json {
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

  private async handleRest(req: IncomingMessage, res: ServerResponse, url: URL, record: RequestRecord) {
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
      if (this.usagePolicyGb === null) return notFound();
      method = 'GetCacheUsagePolicy';
    } else if (usage && req.method === 'GET') method = 'GetCacheUsage';
    else if (!usage && idText === undefined && req.method === 'GET') method = 'ListCaches';
    else if (!usage && idText === undefined && req.method === 'DELETE') method = 'DeleteCachesByKey';
    else if (!usage && idText !== undefined && req.method === 'DELETE') method = 'DeleteCacheById';
    if (!method) return notFound();
    record.method = method;

    const fault = await this.applyFault(method, record, res);
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
    if (!auth || (auth[1] !== this.githubToken && auth[1] !== this.githubTokenReadOnly)) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
    if (auth[1] === this.githubTokenReadOnly && req.method === 'DELETE') {
      // What GitHub answers a GITHUB_TOKEN without `actions: write`.
      return send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/actions/cache',
        status: '403',
      });
    }
    const q = url.searchParams;
    const visible = this.store.filter((e) => e.finalized);
    switch (method) {
      case 'GetCacheUsagePolicy':
        return send(200, { repo_cache_size_limit_in_gb: this.usagePolicyGb });
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
          actions_caches: listed.slice((page - 1) * perPage, page * perPage).map((e) => this.restJson(e)),
        });
      }
      case 'DeleteCachesByKey': {
        const key = q.get('key') ?? '';
        const ref = q.get('ref') ?? '';
        if (!key) return send(422, { message: 'Validation Failed: key is required', status: '422' });
        const doomed = visible.filter((e) => e.key === key && (!ref || e.scope === ref));
        if (doomed.length === 0) return notFound();
        for (const e of doomed) await this.deleteEntry(e);
        return send(200, { total_count: doomed.length, actions_caches: doomed.map((e) => this.restJson(e)) });
      }
      case 'DeleteCacheById': {
        const entry = visible.find((e) => e.id === Number(idText));
        if (!entry) return notFound();
        await this.deleteEntry(entry);
        return send(204);
      }
    }
  }

  private sendError(res: ServerResponse, err: TwirpError): void {
    const text = JSON.stringify({ code: err.code, msg: err.message });
    res.writeHead(err.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      ...err.headers,
    });
    res.end(text);
  }

  private writableScope(scopes: ScopeGrant[]): string | undefined {
    if (this.faults.writesDenied) return undefined;
    // The last writable scope, as BuildKit picks it for its index key (GitHub issues at most one).
    let scope: string | undefined;
    for (const s of scopes) if (s.permission & PERMISSION_WRITE) scope = s.scope;
    return scope;
  }

  /** Readable scopes in lookup order: the run's own (writable) scope first, then the token's order. */
  private readableScopes(scopes: ScopeGrant[]): string[] {
    const readable = scopes.filter((s) => s.permission & PERMISSION_READ).map((s) => s.scope);
    let own: string | undefined;
    for (const s of scopes) if (s.permission & PERMISSION_WRITE) own = s.scope;
    const order = own !== undefined && readable.includes(own) ? [own] : [];
    for (const s of readable) if (!order.includes(s)) order.push(s);
    return order;
  }

  /** GitHub's matching: per scope, exact key, then key as a prefix, then each restore key as a prefix; newest wins. */
  private match(
    scopes: string[],
    key: string,
    restoreKeys: string[],
    version: string,
  ): GhaCacheEntry | undefined {
    for (const scope of scopes) {
      const candidates = this.store.filter((e) => e.finalized && e.scope === scope && e.version === version);
      const exact = candidates.filter((e) => e.key === key).sort(byNewest)[0];
      if (exact) return exact;
      for (const prefix of [key, ...restoreKeys]) {
        if (prefix === '') continue;
        const hit = candidates.filter((e) => e.key.startsWith(prefix)).sort(byNewest)[0];
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private sasUrl(blobName: string, permissions: string): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: this.container,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + this.sasLifetimeSeconds * 1000),
        protocol: SASProtocol.HttpsAndHttp,
      },
      this.credential,
    ).toString();
    const path = blobName.split('/').map(encodeURIComponent).join('/');
    return `${this.azurite.blobEndpoint}/${this.container}/${path}?${sas}`;
  }

  private entryJson(e: GhaCacheEntry): Json {
    const accessed = e.lastAccessedAt ?? e.finalizedAt ?? e.createdAt;
    return {
      key: e.key,
      hash: '',
      size_bytes: String(e.size),
      scope: e.scope,
      version: e.version,
      created_at: e.createdAt.toISOString(),
      last_accessed_at: accessed.toISOString(),
      expires_at: new Date(accessed.getTime() + 7 * 24 * 3600 * 1000).toISOString(),
    };
  }

  private async dispatch(
    method: CacheServiceMethod,
    body: Json,
    scopes: ScopeGrant[],
    record: RequestRecord,
  ) {
    const key = str(body, 'key');
    const version = str(body, 'version');
    record.key = key || undefined;
    record.version = version || undefined;
    switch (method) {
      case 'CreateCacheEntry': {
        if (!key) throw new TwirpError('invalid_argument', 'key is required');
        if (!version) throw new TwirpError('invalid_argument', 'version is required');
        const scope = this.writableScope(scopes);
        if (scope === undefined) return { ok: false, signed_upload_url: '', message: WRITE_DENIED_MESSAGE };
        const existing = this.store.find((e) => e.scope === scope && e.key === key && e.version === version);
        if (existing) {
          record.entry = { id: existing.id, scope, key };
          throw new TwirpError(
            'already_exists',
            `cache entry with the same key, version, and scope already exists (${existing.finalized ? 'finalized' : 'upload in progress'})`,
          );
        }
        const wait = this.entryRateLimit.take();
        if (wait > 0) {
          throw new TwirpError(
            'resource_exhausted',
            'too many new cache entries for this repository: retry later',
            429,
            { 'Retry-After': String(wait) },
          );
        }
        const id = this.nextId++;
        const entry: GhaCacheEntry = {
          id,
          scope,
          key,
          version,
          size: 0,
          createdAt: new Date(),
          finalized: false,
          blobName: `${id}-${randomBytes(6).toString('hex')}`,
        };
        this.store.push(entry);
        record.entry = { id, scope, key };
        return { ok: true, signed_upload_url: this.sasUrl(entry.blobName, 'cw') };
      }
      case 'FinalizeCacheEntryUpload': {
        if (!key) throw new TwirpError('invalid_argument', 'key is required');
        if (!version) throw new TwirpError('invalid_argument', 'version is required');
        const sizeBytes = int64(body, 'size_bytes', 'sizeBytes');
        const scope = this.writableScope(scopes);
        if (scope === undefined) return { ok: false, entry_id: '0', message: WRITE_DENIED_MESSAGE };
        const entry = this.store.find((e) => e.scope === scope && e.key === key && e.version === version);
        if (!entry)
          throw new TwirpError('not_found', 'cache entry not found: reserve it with CreateCacheEntry first');
        record.entry = { id: entry.id, scope, key };
        if (entry.finalized) throw new TwirpError('already_exists', 'cache entry is already finalized');
        let actual: number;
        try {
          const props = await this.containerClient.getBlobClient(entry.blobName).getProperties();
          actual = props.contentLength ?? 0;
        } catch (err) {
          if (isNotFound(err)) {
            return {
              ok: false,
              entry_id: '0',
              message: 'cache entry upload not found: nothing was uploaded',
            };
          }
          throw err;
        }
        if (sizeBytes !== undefined && sizeBytes !== actual) {
          return {
            ok: false,
            entry_id: '0',
            message: `size_bytes ${sizeBytes} does not match the uploaded size ${actual}`,
          };
        }
        entry.size = actual;
        entry.finalized = true;
        entry.finalizedAt = new Date();
        if (this.faults.takeDrop(key)) await this.dropBlob(entry);
        return { ok: true, entry_id: String(entry.id) };
      }
      case 'GetCacheEntryDownloadURL': {
        if (!key) throw new TwirpError('invalid_argument', 'key is required');
        if (this.readableScopes(scopes).length === 0)
          throw new TwirpError('permission_denied', READ_DENIED_MESSAGE);
        const restoreKeys = strList(body, 'restore_keys', 'restoreKeys');
        const hit = this.match(this.readableScopes(scopes), key, restoreKeys, version);
        if (!hit) return { ok: false, signed_download_url: '', matched_key: '' };
        hit.lastAccessedAt = new Date();
        record.entry = { id: hit.id, scope: hit.scope, key: hit.key };
        return { ok: true, signed_download_url: this.sasUrl(hit.blobName, 'r'), matched_key: hit.key };
      }
      case 'LookupCacheEntry': {
        if (!key) throw new TwirpError('invalid_argument', 'key is required');
        const restoreKeys = strList(body, 'restore_keys', 'restoreKeys');
        const hit = this.match(this.readableScopes(scopes), key, restoreKeys, version);
        if (!hit) return { exists: false };
        record.entry = { id: hit.id, scope: hit.scope, key: hit.key };
        return { exists: true, entry: this.entryJson(hit) };
      }
      case 'ListCacheEntries': {
        const restoreKeys = strList(body, 'restore_keys', 'restoreKeys');
        const order = this.readableScopes(scopes);
        const listed = this.store
          .filter((e) => e.finalized && order.includes(e.scope))
          .filter((e) => {
            if (!key && restoreKeys.length === 0) return true;
            return (key !== '' && e.key === key) || restoreKeys.some((p) => p !== '' && e.key.startsWith(p));
          })
          .sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope) || byNewest(a, b));
        return { entries: listed.map((e) => this.entryJson(e)) };
      }
      case 'DeleteCacheEntry': {
        if (!key) throw new TwirpError('invalid_argument', 'key is required');
        const scope = this.writableScope(scopes);
        if (scope === undefined) return { ok: false, entry_id: '0', message: WRITE_DENIED_MESSAGE };
        const doomed = this.store
          .filter((e) => e.scope === scope && e.key === key && e.finalized)
          .sort(byNewest);
        if (doomed.length === 0) return { ok: false, entry_id: '0' };
        for (const e of doomed) await this.deleteEntry(e);
        record.entry = { id: doomed[0].id, scope, key };
        return { ok: true, entry_id: String(doomed[0].id) };
      }
    }
  }
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { statusCode?: number }).statusCode === 404;
}

/**
 * Starts Azurite and the cache service on 127.0.0.1 (free ports). Stop it with `stop()`.
 */
export async function startGhaCacheService(options: GhaCacheServiceOptions = {}): Promise<GhaCacheService> {
  const azurite = await startAzurite();
  const service = new Service(
    azurite,
    options.container ?? 'actions-cache',
    options.sasLifetimeSeconds ?? 3600,
  );
  service.setListCalls(options.listCalls ?? false);
  if (options.entryRateLimit) service.setEntryRateLimit(options.entryRateLimit);
  try {
    await service.start();
  } catch (e) {
    await service.stop();
    throw e;
  }
  return service;
}
