/**
 * GitHub's limit of new cache entries per repository (200 a minute, changelog 2026-01-16): past it,
 * CreateCacheEntry answers 429 `resource_exhausted` with `Retry-After`. The service holds one
 * repository, so one counter. Off (no limit) unless a limit is set; tests set a low one, and a
 * shorter window, to reach it quickly.
 */
export interface EntryRateLimitOptions {
  /** New entries allowed per window; null: no limit. */
  perWindow: number | null;
  /** The window's length (default one minute). */
  windowMs?: number;
}

export class EntryRateLimit {
  private created: number[] = [];
  private perWindow: number | null = null;
  private windowMs = 60_000;

  set(options: EntryRateLimitOptions): void {
    this.perWindow = options.perWindow;
    this.windowMs = options.windowMs ?? 60_000;
    this.created = [];
  }

  /** Counts a new entry and returns 0, or returns the seconds until one may be created. */
  take(now = Date.now()): number {
    if (this.perWindow === null) return 0;
    this.created = this.created.filter((t) => now - t < this.windowMs);
    if (this.created.length < this.perWindow) {
      this.created.push(now);
      return 0;
    }
    const oldest = this.created[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
}
