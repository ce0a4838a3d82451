import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Git server on loopback: git's own `git-http-backend` (the smart HTTP protocol, as GitHub
 * serves it) run as a CGI program behind a small HTTP server. It serves every repository under
 * `root` (`<url>/<owner>/<name>.git`) and records each request with the Authorization header it
 * carried, so a test can tell which host was sent the job's token.
 */
export interface GitServer {
  /** `http://<host>:<port>`: a GITHUB_SERVER_URL, or the base of a Git context. */
  url: string;
  /** `host:port`, as buildx names the server in `GIT_AUTH_TOKEN.<host>`. */
  host: string;
  requests(): { method: string; path: string; authorization: string }[];
  stop(): Promise<void>;
}

/** Where git keeps its programs (`git --exec-path`): git-http-backend is one of them. */
async function gitExecPath(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--exec-path'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`git --exec-path: ${code}`)),
    );
  });
}

/** A CGI response's head (`Status: 200 OK`, headers) and where its body starts. */
function parseCgiHead(
  buffer: Buffer,
): { status: number; headers: [string, string][]; bodyAt: number } | null {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? { at: crlf, len: 4 } : lf >= 0 ? { at: lf, len: 2 } : null;
  if (!end) return null;
  let status = 200;
  const headers: [string, string][] = [];
  for (const line of buffer.subarray(0, end.at).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const [name, value] = [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]) || 500;
    else headers.push([name, value]);
  }
  return { status, headers, bodyAt: end.at + end.len };
}

/** How long one git-http-backend run may take before it is killed (a clone here takes well under a second). */
const CGI_TIMEOUT_MS = 30_000;

export async function startGitServer(root: string, host = '127.0.0.1'): Promise<GitServer> {
  const backend = `${await gitExecPath()}/git-http-backend`;
  const log: { method: string; path: string; authorization: string }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    log.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization ?? '',
    });
    const cgi = spawn(backend, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        // A Git context pins a commit: the server must hand out any commit it has.
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'uploadpack.allowAnySHA1InWant',
        GIT_CONFIG_VALUE_0: 'true',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: req.socket.remoteAddress ?? '',
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    // A backend that exits before reading the whole request body must not crash the test process.
    cgi.stdin.on('error', () => {});
    req.pipe(cgi.stdin);
    let timedOut = false;
    const kill = setTimeout(() => {
      timedOut = true;
      cgi.kill('SIGKILL');
    }, CGI_TIMEOUT_MS);
    let head: Buffer | null = Buffer.alloc(0);
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (head === null) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (!parsed) return;
      res.writeHead(parsed.status, parsed.headers.flat());
      res.write(head.subarray(parsed.bodyAt));
      head = null;
    });
    cgi.on('close', () => {
      clearTimeout(kill);
      const why = timedOut
        ? `git-http-backend killed after ${CGI_TIMEOUT_MS} ms`
        : 'git-http-backend wrote no head';
      if (head !== null) res.writeHead(timedOut ? 504 : 502).end(why);
      // A body cut short by the kill: the client sees the connection drop, not a complete answer.
      else if (timedOut) res.destroy(new Error(why));
      else res.end();
    });
    cgi.on('error', (e) => res.writeHead(500).end(e.message));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    host: `${host}:${port}`,
    requests: () => [...log],
    // Keep-alive connections would hold close() open until they time out: end them first.
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
