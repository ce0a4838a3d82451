import { redactSecrets } from '../lib/text';
import { type FetchLike, failureText, httpFetch } from '../net/http';

/** Where GitHub's REST API is and the token to use: `github-token`, never logged. */
export interface GitHubApi {
  apiUrl: string;
  token: string;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
}

/** A REST call GitHub refused or that did not reach it: `status` 0 when it never answered. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One REST call: JSON in and out. Throws GitHubApiError with GitHub's own message. */
export async function githubRequest(api: GitHubApi, method: string, path: string): Promise<unknown> {
  const url = `${api.apiUrl.replace(/\/+$/, '')}${path}`;
  let res;
  try {
    res = await (api.fetchImpl ?? httpFetch)(url, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${api.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'buildkit-cache-action',
      },
      signal: AbortSignal.timeout(api.timeoutMs ?? 10000),
    });
  } catch (e) {
    throw new GitHubApiError(0, redactSecrets(`${method} ${path}: ${failureText(e)}`, [api.token]));
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 120);
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
    } catch {
      // not JSON: the excerpt
    }
    // A server may echo the request's headers in its error body: the token never leaves as text.
    const said = redactSecrets(`${method} ${path}: HTTP ${res.status} ${message}`, [api.token]);
    throw new GitHubApiError(res.status, said);
  }
  return text === '' ? null : (JSON.parse(text) as unknown);
}
