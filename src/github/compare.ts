import type { Ancestry } from '../git/ancestry';
import type { CommitLookup } from '../git/commits';
import { SHA } from '../git/git';
import { redactSecrets } from '../lib/text';
import { type FetchLike, httpFetch, type ResponseLike } from '../net/http';

export interface CompareOptions {
  /** The REST API root: `GITHUB_API_URL` (`https://api.github.com`, or `https://HOST/api/v3`). */
  apiUrl: string;
  /** `owner/name`, as in `GITHUB_REPOSITORY`. */
  repository: string;
  /** The base ref: a branch, tag or sha (a fork's branch as `owner:branch`). */
  base: string;
  /** The head ref, in the same forms. */
  head: string;
  /** A token that can read the repository's contents; without one the request is anonymous. */
  token?: string;
  fetchImpl?: FetchLike;
  /** Upper bound for the whole request, body included (default 10 000 ms). */
  timeoutMs?: number;
}

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * One side of `BASE...HEAD` as a URL path piece. Branch names may contain `/`, which the compare
 * endpoint takes literally (its `basehead` parameter spans path segments: `main...feature/x`),
 * so each `/`-separated segment is percent-encoded on its own and the slashes are kept; so is the
 * `:` of a fork's `owner:branch`. Everything else that is not unreserved (`#`, `?`, `%`, `;`,
 * spaces, non-ASCII, ...) is encoded. Segments `.`/`..` and empty ones (which URL parsers would
 * fold away) and a `..` anywhere (which would make `BASE...HEAD` ambiguous, and which no git ref
 * contains) are refused.
 */
function encodeRef(what: string, ref: string): string {
  // eslint-disable-next-line no-control-regex
  if (ref === '' || ref.includes('..') || /[\x00-\x1f\x7f]/.test(ref)) {
    throw new Error(`${what} ${JSON.stringify(ref)} is not a valid ref`);
  }
  const segments = ref.split('/');
  if (segments.some((s) => s === '' || s === '.'))
    throw new Error(`${what} ${JSON.stringify(ref)} is not a valid ref`);
  return segments.map((s) => encodeURIComponent(s).replace(/%3A/gi, ':')).join('/');
}

/**
 * The compare URL: `{apiUrl}/repos/{owner}/{repo}/compare/{base}...{head}?per_page=1` (one commit
 * per page keeps the response small: only `merge_base_commit` is read). Throws on input that
 * cannot form one; {@link mergeBaseFromApi} turns that into a reason.
 */
export function compareUrl(apiUrl: string, repository: string, base: string, head: string): string {
  return `${repositoryUrl(apiUrl, repository)}/compare/${encodeRef('base', base)}...${encodeRef('head', head)}?per_page=1`;
}

/** `{apiUrl}/repos/{owner}/{repo}`, both checked; throws on input that cannot form one. */
function repositoryUrl(apiUrl: string, repository: string): string {
  let root: URL;
  try {
    root = new URL(apiUrl);
  } catch {
    throw new Error(`the API URL ${JSON.stringify(apiUrl)} is not a URL`);
  }
  if (root.protocol !== 'https:' && root.protocol !== 'http:') {
    throw new Error(`the API URL ${JSON.stringify(apiUrl)} is not http(s)`);
  }
  const parts = repository.split('/');
  if (parts.length !== 2 || parts.some((p) => !NAME.test(p) || p === '.' || p === '..')) {
    throw new Error(`the repository ${JSON.stringify(repository)} is not owner/name`);
  }
  const [owner, repo] = parts.map(encodeURIComponent);
  return `${root.origin}${root.pathname.replace(/\/+$/, '')}/repos/${owner}/${repo}`;
}

/** A short, single-line, printable excerpt of text from the server. */
function excerpt(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

function apiMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { message?: unknown }).message === 'string'
    ) {
      return excerpt((parsed as { message: string }).message);
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return excerpt(body, 120);
}

/** `asked`: what was asked, for a 404 (`comparison of main...x`, `commit <sha>`). */
function describeStatus(response: ResponseLike, body: string, asked: string, repository: string): string {
  const status = response.status;
  const message = apiMessage(body);
  const said = message ? ` (${message})` : '';
  const remaining = response.headers.get('x-ratelimit-remaining');
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  const retryAfter = response.headers.get('retry-after');
  if ((status === 403 || status === 429) && remaining === '0') {
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return `GitHub API rate limit exhausted${when} (HTTP ${status})`;
  }
  if (status === 429 || (status === 403 && (retryAfter !== null || /secondary rate limit/i.test(message)))) {
    const wait = retryAfter !== null ? `, retry after ${excerpt(retryAfter, 20)}s` : '';
    return `GitHub API secondary rate limit (HTTP ${status}${wait})${said}`;
  }
  if (status === 401) return `GitHub API rejected the token (HTTP 401)${said}`;
  if (status === 403) return `GitHub API refused the comparison (HTTP 403)${said}`;
  if (status === 404) {
    return `GitHub API found no ${asked} in ${repository} (HTTP 404)${said}`;
  }
  if (status >= 500) return `GitHub API server error (HTTP ${status})${said}`;
  return `GitHub API answered HTTP ${status}${said}`;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** Errors may come from another realm (`instanceof Error` fails there), so they are read by shape. */
function asErrorLike(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : { message: String(value) };
}

function describeError(error: unknown, host: string, timeoutMs: number): string {
  const e = asErrorLike(error);
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return `GitHub API request to ${host} timed out after ${timeoutMs} ms`;
  }
  // fetch reports network failures as "fetch failed" with the system error as the cause.
  const cause = asErrorLike(e.cause ?? {});
  const detail = [cause.code, e.code, cause.message, e.message].find(
    (d) => typeof d === 'string' && d !== '',
  );
  return `GitHub API request to ${host} failed: ${excerpt(String(detail ?? error))}`;
}

/** A JSON GET on the REST API, or the reason it gave nothing; the token never appears in one. */
async function apiGet(
  options: Omit<CompareOptions, 'base' | 'head'>,
  asked: string,
  url: () => string,
): Promise<{ json: unknown } | { reason: string }> {
  const token = options.token ?? '';
  const redact = (reason: string) => redactSecrets(reason, [token]);
  const fail = (reason: string) => ({ reason: redact(reason) });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetchImpl = options.fetchImpl ?? httpFetch;
  let target: string;
  try {
    target = url();
  } catch (error) {
    return fail(`cannot ask the GitHub API: ${String(asErrorLike(error).message)}`);
  }
  const host = new URL(target).host;
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'buildkit-cache-action',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetchImpl(target, { method: 'GET', headers, signal, redirect: 'follow' });
    const body = await response.text();
    if (!response.ok) return fail(describeStatus(response, body, asked, options.repository));
    try {
      return { json: JSON.parse(body) as unknown };
    } catch {
      return fail(`GitHub API answered with something that is not JSON: ${excerpt(body, 80)}`);
    }
  } catch (error) {
    return fail(describeError(error, host, timeoutMs));
  }
}

/**
 * The merge-base of `base` and `head` from GitHub's compare endpoint
 * (`GET /repos/{owner}/{repo}/compare/{base}...{head}`, field `merge_base_commit.sha`): the
 * fallback when the checkout cannot tell. Never throws: bad input, HTTP errors (401, 403, 404, rate
 * limits), network failures, timeouts and unexpected payloads become reasons, and the token never
 * appears in one.
 */
export async function mergeBaseFromApi(options: CompareOptions): Promise<CommitLookup> {
  const got = await apiGet(options, `comparison of ${options.base}...${options.head}`, () =>
    compareUrl(options.apiUrl, options.repository, options.base, options.head),
  );
  if ('reason' in got) return { sha: null, reason: got.reason };
  const sha = (got.json as { merge_base_commit?: { sha?: unknown } } | null)?.merge_base_commit?.sha;
  if (typeof sha !== 'string' || !SHA.test(sha)) {
    return { sha: null, reason: 'GitHub API compare response has no merge_base_commit.sha' };
  }
  return { sha };
}

/**
 * Whether `base` is in `head`'s history, from the compare endpoint's `status`: `ahead` or
 * `identical` say it is, `behind` or `diverged` that it is not (a rewritten history). The fallback
 * when there is no checkout to ask git.
 */
export async function ancestryFromApi(options: CompareOptions): Promise<Ancestry> {
  const got = await apiGet(options, `comparison of ${options.base}...${options.head}`, () =>
    compareUrl(options.apiUrl, options.repository, options.base, options.head),
  );
  if ('reason' in got) return { ancestor: null, reason: got.reason };
  const status = (got.json as { status?: unknown } | null)?.status;
  if (status === 'ahead' || status === 'identical') return { ancestor: true };
  if (status === 'behind' || status === 'diverged') return { ancestor: false };
  return { ancestor: null, reason: `GitHub API compare response has no known status (${String(status)})` };
}

/** A commit's tree and parents (`GET /repos/{owner}/{repo}/commits/{sha}`), for a job without a checkout. */
export async function commitFromApi(
  options: Omit<CompareOptions, 'base' | 'head'> & { sha: string },
): Promise<{ tree: string; parents: string[] } | { reason: string }> {
  const got = await apiGet(options, `commit ${options.sha}`, () => {
    if (!SHA.test(options.sha)) throw new Error(`${JSON.stringify(options.sha)} is not a commit sha`);
    return `${repositoryUrl(options.apiUrl, options.repository)}/commits/${options.sha}`;
  });
  if ('reason' in got) return got;
  const c = got.json as { commit?: { tree?: { sha?: unknown } }; parents?: { sha?: unknown }[] } | null;
  const tree = c?.commit?.tree?.sha;
  const parents = (c?.parents ?? []).map((p) => p.sha);
  if (typeof tree !== 'string' || !parents.every((p): p is string => typeof p === 'string' && SHA.test(p))) {
    return { reason: 'GitHub API commit response has no tree and parents' };
  }
  return { tree, parents };
}
