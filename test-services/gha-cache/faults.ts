import type { ServerResponse } from 'node:http';
import type { CacheServiceMethod, RequestRecord, RestMethod } from './protocol';

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

/** What a fault switch made of a request: an error to answer, or its connection dropped. */
export type AppliedFault = { status: number; retryAfterSeconds?: number } | 'dropped' | null;

/**
 * Applies the next fault switch for `method`, for both protocols: a hang is waited out here (or
 * the connection dropped when the service stops); an error is returned for the caller to answer
 * in its own protocol's shape.
 */
export async function applyFault(
  faults: FaultSwitches,
  stopped: () => boolean,
  method: string,
  record: RequestRecord,
  res: ServerResponse,
): Promise<AppliedFault> {
  const fault = faults.take(method);
  if (!fault) return null;
  record.fault = fault.kind;
  if (fault.kind === 'hang') {
    await faults.hold();
    if (!stopped()) return null;
    res.destroy();
    return 'dropped';
  }
  if (fault.kind === 'rate-limit') return { status: 429, retryAfterSeconds: fault.retryAfterSeconds };
  return { status: fault.status };
}
