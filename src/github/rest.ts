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
    throw new GitHubApiError(0, `${method} ${path}: ${failureText(e)}`);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 120);
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
    } catch {
      // not JSON: the excerpt
    }
    throw new GitHubApiError(res.status, `${method} ${path}: HTTP ${res.status} ${message}`);
  }
  return text === '' ? null : (JSON.parse(text) as unknown);
}
