import { type FetchLike, failureText, httpFetch } from './http';

/** What one existence check found: true / false, or undefined with the reason it could not tell. */
export type Checked = { exists: boolean } | { exists: undefined; reason: string };

/**
 * One signed `HEAD`: 200 is "exists", 404 "does not"; any other answer, a timeout or a failed
 * connection cannot tell, and the reason says which (`what` names the store, never a secret).
 */
export async function headExists(
  url: string,
  headers: Record<string, string>,
  what: string,
  o: { fetchImpl?: FetchLike; timeoutMs?: number } = {},
): Promise<Checked> {
  try {
    const res = await (o.fetchImpl ?? httpFetch)(url, {
      method: 'HEAD',
      headers,
      signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
    });
    if (res.status === 200) return { exists: true };
    if (res.status === 404) return { exists: false };
    return { exists: undefined, reason: `${what} answered HTTP ${res.status}` };
  } catch (e) {
    const name = (e as { name?: unknown })?.name;
    const why = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : failureText(e);
    return { exists: undefined, reason: `${what} failed: ${why}` };
  }
}
