import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAzurite, type Azurite } from './azurite';
import { type AppliedFault, FaultSwitches, applyFault } from './faults';
import { type GhaCacheEntry, type RequestRecord, TwirpError, readBody } from './protocol';
import { EntryRateLimit, type EntryRateLimitOptions } from './rate-limit';
import { type RestContext, handleRest } from './rest';
import { EntryStorage } from './storage';
import {
  mintToken as mintSignedToken,
  pullRequestScopes,
  pushScopes,
  readOnlyScopes,
  type MintTokenOptions,
  type ScopeGrant,
} from './token';
import { type TwirpContext, handleTwirp, sendTwirpError } from './twirp';

/**
 * A local stand-in for GitHub's Actions cache service, protocol v2 (Twirp JSON, the one
 * `@actions/cache` 4.x and BuildKit's `type=gha` backend speak when ACTIONS_CACHE_SERVICE_V2 is
 * set), with the blobs kept in Azurite behind real SAS URLs. It runs inside the test process:
 * start it with startGhaCacheService() and stop() it in afterAll.
 *
 * This file wires the server: the protocol's names and shapes are in protocol.ts, the Twirp wire
 * and methods in twirp.ts and twirp-methods.ts, the REST endpoints in rest.ts, the entries and
 * their blobs in storage.ts, the fault switches in faults.ts.
 */

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

class Service implements GhaCacheService, TwirpContext, RestContext {
  readonly faults = new FaultSwitches();
  url = '';
  apiUrl = '';
  port = 0;
  readonly githubToken = `bkca-test-token-${randomBytes(16).toString('hex')}`;
  readonly githubTokenReadOnly = `bkca-test-token-ro-${randomBytes(16).toString('hex')}`;
  readonly secret = randomBytes(32);
  readonly storage: EntryStorage;
  private readonly log: RequestRecord[] = [];
  listCalls = false;
  usagePolicyGb: number | null = null;
  readonly entryRateLimit = new EntryRateLimit();
  private server?: Server;
  private stopped = false;

  constructor(
    readonly azurite: Azurite,
    readonly container: string,
    sasLifetimeSeconds: number,
  ) {
    this.storage = new EntryStorage(azurite, container, sasLifetimeSeconds);
  }

  async start(): Promise<void> {
    await this.storage.createContainer();
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) {
          sendTwirpError(res, new TwirpError('internal', e instanceof Error ? e.message : String(e)));
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
    return this.storage.all
      .filter((e) => e.finalized || options.includePending)
      .map((e) => ({ ...e }))
      .sort((a, b) => a.id - b.id);
  }

  requests(): RequestRecord[] {
    return this.log.map((r) => ({ ...r }));
  }

  blobBytes(entry: GhaCacheEntry | number): Promise<Buffer | undefined> {
    return this.storage.blobBytes(entry);
  }

  dropBlob(entry: GhaCacheEntry | number): Promise<void> {
    return this.storage.dropBlob(entry);
  }

  deleteEntry(entry: GhaCacheEntry | number): Promise<boolean> {
    return this.storage.deleteEntry(entry);
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

  fault(method: string, record: RequestRecord, res: ServerResponse): Promise<AppliedFault> {
    return applyFault(this.faults, () => this.stopped, method, record, res);
  }

  /** Every request: logged, then the REST endpoints or the Twirp service. */
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const body = await readBody(req);
    const record: RequestRecord = { time: new Date(), method: 'other', status: 0 };
    this.log.push(record);
    if (path.startsWith('/repos/')) return handleRest(this, req, res, url, record);
    return handleTwirp(this, req, res, path, body, record);
  }
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
