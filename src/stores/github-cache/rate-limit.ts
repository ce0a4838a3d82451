/**
 * GitHub's rate limit, as the action's own cache calls meet it (HTTP 429 with `Retry-After`):
 * wait as it says when that fits in the call's time bound, else give up saying "rate-limited".
 * Pure: shared by the worker's calls and the lookups.
 */

/** GitHub answered 429: how long it asked to wait (null when it did not say). */
export interface RateLimited {
  retryAfterSeconds: number | null;
}

/** `Retry-After` in seconds (GitHub sends seconds; an HTTP date is read too); null when absent or unreadable. */
export function retryAfterOf(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * How long to wait before trying a rate-limited call again: as Retry-After says, when that and
 * the call itself (at least `minCallMs`) fit in what is left of its bound; else null (give up).
 */
export function retryWaitMs(r: RateLimited, leftMs: number, minCallMs = 1000): number | null {
  if (r.retryAfterSeconds === null) return null;
  const wait = r.retryAfterSeconds * 1000;
  return wait + minCallMs <= leftMs ? wait : null;
}

/** The words of a call given up on for the rate limit: they say "rate-limited", and why it gave up. */
export function rateLimitedReason(r: RateLimited, leftMs: number): string {
  const asked =
    r.retryAfterSeconds === null ? 'without a Retry-After' : `Retry-After ${r.retryAfterSeconds}s`;
  return `rate-limited by GitHub's cache (429, ${asked}; ${Math.max(0, Math.round(leftMs / 1000))}s were left of this call's time bound): given up`;
}

export const isRateLimitedReason = (reason: string) => reason.startsWith('rate-limited by ');
