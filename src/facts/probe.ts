import type { Checked } from '../net/head';

type Lookup = (keys: string[]) => Promise<{ found: Map<string, boolean | undefined>; reason?: string }>;

/**
 * Asks about each key once per run: later calls ask only about keys not asked yet, and wait for
 * the answers still on their way. Resolves with the first failure's reason, if any.
 */
export class OnePerKey {
  readonly found = new Map<string, boolean | undefined>();
  private readonly asked = new Set<string>();
  private readonly pending: Promise<void>[] = [];
  private reason?: string;

  constructor(private readonly lookUp: Lookup) {}

  async ask(keys: (string | undefined)[]): Promise<string | undefined> {
    const fresh = [...new Set(keys)].filter(
      (k): k is string => k !== undefined && k !== '' && !this.asked.has(k),
    );
    for (const k of fresh) this.asked.add(k);
    if (fresh.length > 0) {
      this.pending.push(
        this.lookUp(fresh).then((answer) => {
          for (const [k, v] of answer.found) this.found.set(k, v);
          this.reason ??= answer.reason;
        }),
      );
    }
    await Promise.all(this.pending);
    return this.reason;
  }
}

/** A check that failed in a way it did not foresee: unknown, never a failed build. */
const unforeseen = (e: unknown): Checked => ({
  exists: undefined,
  reason: `the check failed: ${(e as Error)?.message || String(e)}`,
});

/** A lookup for stores asked one key at a time (s3, azblob): every key at once. */
export function eachAtOnce(check: (key: string) => Promise<Checked>): Lookup {
  return async (keys) => {
    const results = await Promise.all(keys.map((k) => check(k).catch(unforeseen)));
    const failed = results.find((c): c is Checked & { reason: string } => 'reason' in c);
    return { found: new Map(keys.map((k, i) => [k, results[i].exists])), reason: failed?.reason };
  };
}
