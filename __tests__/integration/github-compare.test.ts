import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { compareUrl, mergeBaseFromApi } from '../../src/github/compare';

// A real HTTP server on 127.0.0.1 plays the GitHub REST API; each test sets how it answers.

const FIXTURE = readFileSync(join(__dirname, '..', 'fixtures', 'github', 'compare.json'), 'utf8');
const FIXTURE_MERGE_BASE = (JSON.parse(FIXTURE) as { merge_base_commit: { sha: string } }).merge_base_commit
  .sha;
const TOKEN = 'ghs_TestToken0123456789abcdefABCDEF';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let apiUrl: string;
let handler: Handler;
const requests: { url: string; method: string; headers: IncomingMessage['headers'] }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
  handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(FIXTURE);
  };
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

const ask = (overrides: Partial<Parameters<typeof mergeBaseFromApi>[0]> = {}) =>
  mergeBaseFromApi({
    apiUrl,
    repository: 'octo-org/octo-repo',
    base: 'main',
    head: 'feature/x',
    token: TOKEN,
    ...overrides,
  });

describe('compareUrl', () => {
  it.each`
    api                              | base              | head                          | expected
    ${'https://api.github.com'}      | ${'main'}         | ${'feature/x'}                | ${'https://api.github.com/repos/o/r/compare/main...feature/x?per_page=1'}
    ${'https://api.github.com/'}     | ${'release/1.x'}  | ${'dependabot/npm/a-1.2.3'}   | ${'https://api.github.com/repos/o/r/compare/release/1.x...dependabot/npm/a-1.2.3?per_page=1'}
    ${'https://ghe.example/api/v3/'} | ${'main'}         | ${'fix/#12'}                  | ${'https://ghe.example/api/v3/repos/o/r/compare/main...fix/%2312?per_page=1'}
    ${'https://api.github.com'}      | ${'main'}         | ${'feat/a;$(touch${IFS}pwn)'} | ${'https://api.github.com/repos/o/r/compare/main...feat/a%3B%24(touch%24%7BIFS%7Dpwn)?per_page=1'}
    ${'https://api.github.com'}      | ${'main'}         | ${'a?b&c=d%2F'}               | ${'https://api.github.com/repos/o/r/compare/main...a%3Fb%26c%3Dd%252F?per_page=1'}
    ${'https://api.github.com'}      | ${'main'}         | ${'octocat:feature/x'}        | ${'https://api.github.com/repos/o/r/compare/main...octocat:feature/x?per_page=1'}
    ${'https://api.github.com'}      | ${'v1.0.0'}       | ${'fünf'}                     | ${'https://api.github.com/repos/o/r/compare/v1.0.0...f%C3%BCnf?per_page=1'}
    ${'https://api.github.com'}      | ${'6dcb09b5b578'} | ${'HEAD'}                     | ${'https://api.github.com/repos/o/r/compare/6dcb09b5b578...HEAD?per_page=1'}
  `('$base...$head on $api', ({ api, base, head, expected }) => {
    expect(compareUrl(api, 'o/r', base, head)).toBe(expected);
    // What fetch will send is exactly that (no segment folded, nothing re-encoded).
    expect(new URL(expected).href).toBe(expected);
  });

  it.each`
    api                         | repository | base          | head       | error
    ${'not a url'}              | ${'o/r'}   | ${'main'}     | ${'x'}     | ${/API URL "not a url" is not a URL/}
    ${'ftp://api.example'}      | ${'o/r'}   | ${'main'}     | ${'x'}     | ${/is not http\(s\)/}
    ${'https://api.github.com'} | ${'o'}     | ${'main'}     | ${'x'}     | ${/repository "o" is not owner\/name/}
    ${'https://api.github.com'} | ${'o/r/x'} | ${'main'}     | ${'x'}     | ${/is not owner\/name/}
    ${'https://api.github.com'} | ${'o/..'}  | ${'main'}     | ${'x'}     | ${/is not owner\/name/}
    ${'https://api.github.com'} | ${'o/r'}   | ${'../admin'} | ${'x'}     | ${/base "..\/admin" is not a valid ref/}
    ${'https://api.github.com'} | ${'o/r'}   | ${'main'}     | ${'a/./b'} | ${/head "a\/.\/b" is not a valid ref/}
    ${'https://api.github.com'} | ${'o/r'}   | ${'main'}     | ${'a//b'}  | ${/not a valid ref/}
    ${'https://api.github.com'} | ${'o/r'}   | ${'a...b'}    | ${'x'}     | ${/not a valid ref/}
    ${'https://api.github.com'} | ${'o/r'}   | ${''}         | ${'x'}     | ${/not a valid ref/}
    ${'https://api.github.com'} | ${'o/r'}   | ${'main'}     | ${'a\nb'}  | ${/not a valid ref/}
  `('refuses $repository $base...$head on $api', ({ api, repository, base, head, error }) => {
    expect(() => compareUrl(api, repository, base, head)).toThrow(error);
  });
});

describe('mergeBaseFromApi', () => {
  it('reads merge_base_commit.sha from the compare response, with the documented request', async () => {
    expect(await ask()).toEqual({ sha: FIXTURE_MERGE_BASE });
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req.method).toBe('GET');
    expect(req.url).toBe('/repos/octo-org/octo-repo/compare/main...feature/x?per_page=1');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers.accept).toBe('application/vnd.github+json');
    expect(req.headers['x-github-api-version']).toBe('2022-11-28');
    expect(req.headers['user-agent']).toBe('buildkit-cache-action');
  });

  it('sends no Authorization header without a token, and keeps a GHES API path prefix', async () => {
    expect(await ask({ token: undefined, apiUrl: `${apiUrl}/api/v3/` })).toEqual({ sha: FIXTURE_MERGE_BASE });
    expect(requests[0].headers.authorization).toBeUndefined();
    expect(requests[0].url).toBe('/api/v3/repos/octo-org/octo-repo/compare/main...feature/x?per_page=1');
  });

  it('follows a redirect (a renamed repository)', async () => {
    handler = (req, res) => {
      if (req.url?.startsWith('/repos/octo-org/old-name/')) {
        res.writeHead(301, { location: `${apiUrl}/repositories/42/compare/main...feature/x?per_page=1` });
        res.end();
      } else json(200, FIXTURE)(req, res);
    };
    expect(await ask({ repository: 'octo-org/old-name' })).toEqual({ sha: FIXTURE_MERGE_BASE });
    expect(requests.map((r) => r.url)).toEqual([
      '/repos/octo-org/old-name/compare/main...feature/x?per_page=1',
      '/repositories/42/compare/main...feature/x?per_page=1',
    ]);
  });

  const docs = 'https://docs.github.com/rest/commits/commits#compare-two-commits';
  const resetAt = 1767225600; // 2026-01-01T00:00:00Z
  it.each`
    case                               | handle                                                                                                                                              | reason
    ${'404 not found'}                 | ${json(404, { message: 'Not Found', documentation_url: docs, status: '404' })}                                                                      | ${'GitHub API found no comparison of main...feature/x in octo-org/octo-repo (HTTP 404) (Not Found)'}
    ${'404 no common ancestor'}        | ${json(404, { message: 'No common ancestor between main and feature/x.', documentation_url: docs })}                                                | ${'GitHub API found no comparison of main...feature/x in octo-org/octo-repo (HTTP 404) (No common ancestor between main and feature/x.)'}
    ${'401 bad credentials'}           | ${json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })}                                                     | ${'GitHub API rejected the token (HTTP 401) (Bad credentials)'}
    ${'403 no permission'}             | ${json(403, { message: 'Resource not accessible by integration', documentation_url: docs })}                                                        | ${'GitHub API refused the comparison (HTTP 403) (Resource not accessible by integration)'}
    ${'403 primary rate limit'}        | ${json(403, { message: 'API rate limit exceeded for installation ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt) })} | ${'GitHub API rate limit exhausted until 2026-01-01T00:00:00.000Z (HTTP 403)'}
    ${'429 primary rate limit'}        | ${json(429, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' })}                                                              | ${'GitHub API rate limit exhausted (HTTP 429)'}
    ${'403 secondary rate limit'}      | ${json(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' })}                                                     | ${'GitHub API secondary rate limit (HTTP 403, retry after 60s) (You have exceeded a secondary rate limit.)'}
    ${'429 without headers'}           | ${json(429, '')}                                                                                                                                    | ${'GitHub API secondary rate limit (HTTP 429)'}
    ${'500 from a proxy, not JSON'}    | ${json(502, '<html><body>Bad gateway</body></html>')}                                                                                               | ${'GitHub API server error (HTTP 502) (<html><body>Bad gateway</body></html>)'}
    ${'422 validation'}                | ${json(422, { message: 'Validation Failed' })}                                                                                                      | ${'GitHub API answered HTTP 422 (Validation Failed)'}
    ${'200 with bad JSON'}             | ${json(200, '{"merge_base_commit": {"sha": ')}                                                                                                      | ${'GitHub API answered with something that is not JSON: {"merge_base_commit": {"sha":'}
    ${'200 without merge_base_commit'} | ${json(200, { status: 'identical' })}                                                                                                               | ${'GitHub API compare response has no merge_base_commit.sha'}
    ${'200 with a non-sha'}            | ${json(200, { merge_base_commit: { sha: 'main' } })}                                                                                                | ${'GitHub API compare response has no merge_base_commit.sha'}
    ${'200 with JSON null'}            | ${json(200, 'null')}                                                                                                                                | ${'GitHub API compare response has no merge_base_commit.sha'}
  `('$case → reason', async ({ handle, reason }) => {
    handler = handle;
    expect(await ask()).toEqual({ sha: null, reason });
  });

  it('never puts the token into a reason, even when the server echoes it', async () => {
    handler = (req, res) => json(401, { message: `Bad credentials: ${req.headers.authorization}` })(req, res);
    const result = await ask();
    expect(result.sha).toBeNull();
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(result).toEqual({
      sha: null,
      reason: 'GitHub API rejected the token (HTTP 401) (Bad credentials: Bearer ***)',
    });
  });

  it('times out a server that does not answer (headers or body)', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    expect(await ask({ timeoutMs: 300 })).toEqual({
      sha: null,
      reason: `GitHub API request to ${new URL(apiUrl).host} timed out after 300 ms`,
    });
    expect(Date.now() - started).toBeLessThan(3000);

    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"merge_base_commit":'); // ... and stalls
    };
    expect(await ask({ timeoutMs: 300 })).toEqual({
      sha: null,
      reason: expect.stringContaining('timed out after 300 ms'),
    });
  });

  it('reports a refused connection and bad input without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await ask({ apiUrl: `http://127.0.0.1:${port}` })).toEqual({
      sha: null,
      reason: `GitHub API request to 127.0.0.1:${port} failed: ECONNREFUSED`,
    });
    expect(await ask({ repository: 'just-a-name' })).toEqual({
      sha: null,
      reason: 'cannot ask the GitHub API: the repository "just-a-name" is not owner/name',
    });
    expect(requests).toHaveLength(0);
  });

  it('uses the injected fetch, and survives one that throws', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(FIXTURE, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    expect(await ask({ apiUrl: 'https://api.github.com', fetchImpl: fake })).toEqual({
      sha: FIXTURE_MERGE_BASE,
    });
    expect(seen).toEqual([
      'https://api.github.com/repos/octo-org/octo-repo/compare/main...feature/x?per_page=1',
    ]);
    const broken: typeof fetch = async () => {
      throw new Error(`socket hang up while sending ${TOKEN}`);
    };
    expect(await ask({ fetchImpl: broken })).toEqual({
      sha: null,
      reason: `GitHub API request to ${new URL(apiUrl).host} failed: socket hang up while sending ***`,
    });
  });
});
