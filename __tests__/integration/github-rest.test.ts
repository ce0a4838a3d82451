import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { GitHubApiError, githubRequest } from '../../src/github/rest';

// A real HTTP server on 127.0.0.1 plays a REST API that echoes the request's Authorization header
// in its error bodies, as some proxies and GitHub Enterprise front ends do.

const TOKEN = 'ghs_EchoedToken0123456789abcdefABCDEF';
let server: Server;
let apiUrl: string;
let answer: (req: IncomingMessage, res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failureOf(): Promise<GitHubApiError> {
  try {
    await githubRequest({ apiUrl, token: TOKEN }, 'GET', '/repos/o/r/actions/caches');
  } catch (e) {
    return e as GitHubApiError;
  }
  throw new Error('the request did not fail');
}

describe('githubRequest: a token echoed in an error body', () => {
  test.each`
    case                     | status | body
    ${'JSON message'}        | ${403} | ${(auth: string) => JSON.stringify({ message: `forbidden for ${auth}` })}
    ${'plain-text excerpt'}  | ${502} | ${(auth: string) => `bad gateway; you sent ${auth}`}
    ${'token in a 401 JSON'} | ${401} | ${(auth: string) => JSON.stringify({ message: auth.slice(7) })}
  `('$case: the message keeps the status and never the token', async ({ status, body }) => {
    answer = (req, res) => {
      res.writeHead(status as number, { 'content-type': 'text/plain' });
      res.end((body as (auth: string) => string)(req.headers.authorization ?? ''));
    };
    const e = await failureOf();
    expect(e).toBeInstanceOf(GitHubApiError);
    expect(e.status).toBe(status);
    expect(e.message).toContain(`HTTP ${String(status)}`);
    expect(e.message).toContain('***');
    expect(e.message).not.toContain(TOKEN);
  });
});
