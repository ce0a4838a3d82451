'use strict';
// A plain BuildKit endpoint on loopback, made from the engine we already run: dockerd serves its
// built-in BuildKit's gRPC API on its own socket, behind an HTTP upgrade (`POST /grpc`,
// `Upgrade: h2c`, the way buildx's `docker` driver reaches it). For each TCP connection this opens
// the docker socket, sends that upgrade, checks the `101` answer and then pipes bytes both ways, so
// `buildx create --driver remote tcp://…` (and the docker-container stand-in image, whose
// `buildctl dial-stdio` is `nc` to this port) talk to the engine's BuildKit as to any buildkitd.
//
// Plain JavaScript so that the e2e globalSetup (or a person, by hand) can start it with `node` alone.
// `node endpoint.js ensure` starts it in the background (once: a second call finds it answering)
// and makes the docker-container stand-in image; `node endpoint.js serve` runs it in the foreground.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const DEFAULT_PORT = 8372;
const HOST = '127.0.0.1';
const HEAD_LIMIT = 16 * 1024;
// How long dockerd may take to answer the upgrade: it answers at once, so a silence is a hang.
const UPGRADE_TIMEOUT_MS = 10_000;
// A bound for each docker command here (the slowest is the stand-in image's push to the local registry).
const DOCKER_TIMEOUT_MS = 120_000;

/** The HTTP/1.1 request that turns a docker socket connection into dockerd's BuildKit gRPC stream. */
function upgradeRequest() {
  return [
    'POST /grpc HTTP/1.1',
    'Host: docker',
    'Connection: Upgrade',
    'Upgrade: h2c',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/**
 * The response head at the start of `buf`: null while its blank line has not arrived; else its
 * status, reason, lower-cased headers and the bytes after it (already the upgraded stream's).
 * Throws on what is not an HTTP/1.x response head, or on a head longer than 16 KiB.
 */
function parseResponseHead(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) {
    if (buf.length > HEAD_LIMIT) throw new Error(`no end of the response head in ${HEAD_LIMIT} bytes`);
    return null;
  }
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0]);
  if (!status) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0].slice(0, 80))}`);
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed header line: ${JSON.stringify(line.slice(0, 80))}`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(status[1]), reason: status[2] || '', headers, rest: buf.subarray(end + 4) };
}

/** Why a parsed head is not the switch to h2c this endpoint needs, or null when it is. */
function upgradeRefusal(head) {
  if (head.status !== 101) return `dockerd answered ${head.status} ${head.reason} to POST /grpc`;
  if ((head.headers.upgrade || '').toLowerCase() !== 'h2c') {
    return `dockerd switched to ${JSON.stringify(head.headers.upgrade || '')}, not h2c`;
  }
  return null;
}

/** The docker socket's path: DOCKER_HOST's `unix://` path, or the default socket. */
function dockerSocket(env = process.env) {
  const host = env.DOCKER_HOST || '';
  if (host === '') return '/var/run/docker.sock';
  if (host.startsWith('unix://')) return host.slice('unix://'.length);
  throw new Error(`DOCKER_HOST=${host}: the BuildKit endpoint reaches dockerd on a unix socket only`);
}

/**
 * One client connection: upgrade a docker socket connection, then pipe both ways. A dockerd that
 * sends no full answer within `upgradeTimeoutMs` fails the client connection.
 */
function bridge(client, socketPath, log, upgradeTimeoutMs = UPGRADE_TIMEOUT_MS) {
  // Half-open both ways: one side's end is passed on by pipe(), the other direction still flows.
  const upstream = net.connect({ path: socketPath, allowHalfOpen: true });
  let head = Buffer.alloc(0);
  const fail = (why) => {
    log(`buildkit-endpoint: ${why}`);
    client.destroy();
    upstream.destroy();
  };
  client.pause();
  client.on('error', () => upstream.destroy());
  upstream.on('error', (e) => fail(`docker socket ${socketPath}: ${e.message}`));
  upstream.on('connect', () => upstream.write(upgradeRequest()));
  upstream.setTimeout(upgradeTimeoutMs, () =>
    fail(`dockerd sent no answer to POST /grpc within ${upgradeTimeoutMs} ms`),
  );
  const onHead = (chunk) => {
    head = Buffer.concat([head, chunk]);
    let parsed;
    try {
      parsed = parseResponseHead(head);
    } catch (e) {
      fail(e.message);
      return;
    }
    if (!parsed) return;
    upstream.off('data', onHead);
    // Upgraded: the stream may then rest idle for as long as its client wants.
    upstream.setTimeout(0);
    const refusal = upgradeRefusal(parsed);
    if (refusal) {
      fail(refusal);
      return;
    }
    if (parsed.rest.length > 0) client.write(parsed.rest);
    upstream.pipe(client);
    client.pipe(upstream);
    client.resume();
  };
  upstream.on('data', onHead);
}

/** Serves the endpoint on HOST:port until closed. */
function serve(o = {}) {
  const socketPath = o.socket || dockerSocket();
  const log = o.log || ((line) => process.stderr.write(`${line}\n`));
  const server = net.createServer({ allowHalfOpen: true }, (client) =>
    bridge(client, socketPath, log, o.upgradeTimeoutMs),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port === undefined ? DEFAULT_PORT : o.port, HOST, () => resolve(server));
  });
}

const endpointPort = (env = process.env) => Number(env.BKCA_TEST_BUILDKIT_PORT || DEFAULT_PORT);

/** Whether something accepts connections on HOST:port. */
function answers(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, HOST);
    s.setTimeout(2000);
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * The docker-container stand-in's files: an entrypoint that only waits, and a `buildctl` that
 * answers buildx's readiness probe (`buildctl debug workers`) and turns `buildctl dial-stdio` into a
 * connection to this endpoint. Anything else is refused, so an unexpected call shows up.
 */
function standInFiles(port) {
  return {
    'usr/bin/buildctl': [
      '#!/bin/sh',
      "# Stand-in: the BuildKit behind this builder is the engine's, reached through the loopback endpoint.",
      'case "$*" in',
      '  "debug workers"*) exit 0 ;;',
      `  dial-stdio*) exec nc ${HOST} ${port} ;;`,
      'esac',
      'echo "buildctl stand-in: unsupported: $*" >&2',
      'exit 1',
      '',
    ].join('\n'),
    'usr/bin/stand-in-entrypoint':
      '#!/bin/sh\n# buildx passes buildkitd flags: there is no buildkitd here.\nexec sleep 2147483647\n',
  };
}

/** The stand-in image's reference: named by its content, in the test registry. */
function standInImage(port, registry = process.env.BKCA_TEST_REGISTRY || '127.0.0.1:5000') {
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify(standInFiles(port)))
    .digest('hex');
  return `${registry}/bkca-test/buildkit-stand-in:${hash.slice(0, 12)}`;
}

function docker(args, input) {
  const r = spawnSync('docker', args, {
    input,
    encoding: 'buffer',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: DOCKER_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const timedOut = r.error && r.error.code === 'ETIMEDOUT';
  return {
    code: r.status === null ? 1 : r.status,
    stderr: timedOut ? `no answer within ${DOCKER_TIMEOUT_MS} ms` : String(r.stderr || ''),
  };
}

/**
 * Pushes the stand-in image to the test registry unless it is there: other tests prune the
 * engine's unused images, and buildx pulls the image back from the registry when it needs it.
 */
function ensureStandInImage(port) {
  const image = standInImage(port);
  if (docker(['manifest', 'inspect', '--insecure', image]).code === 0) return image;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'buildkit-stand-in-'));
  try {
    fs.mkdirSync(path.join(root, 'bin'));
    fs.mkdirSync(path.join(root, 'usr', 'bin'), { recursive: true });
    fs.mkdirSync(path.join(root, 'tmp'));
    fs.copyFileSync('/bin/busybox', path.join(root, 'bin', 'busybox'));
    fs.chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
    for (const applet of ['sh', 'sleep', 'nc', 'cat'])
      fs.symlinkSync('busybox', path.join(root, 'bin', applet));
    for (const [file, text] of Object.entries(standInFiles(port))) {
      fs.writeFileSync(path.join(root, file), text, { mode: 0o755 });
    }
    const tar = spawnSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
    if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
    const imported = docker(
      [
        'import',
        '-c',
        'ENV PATH=/usr/bin:/bin',
        '-c',
        'ENTRYPOINT ["/usr/bin/stand-in-entrypoint"]',
        '-',
        image,
      ],
      tar.stdout,
    );
    if (imported.code !== 0) throw new Error(`docker import: ${imported.stderr}`);
    const pushed = docker(['push', '-q', image]);
    if (pushed.code !== 0) throw new Error(`docker push ${image}: ${pushed.stderr}`);
    return image;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Makes sure the endpoint answers (starting it in the background, its log in the engine's home,
 * when nothing does) and that the stand-in image is in the registry. Idempotent.
 */
async function ensureBuildkitEndpoint(o = {}) {
  const env = o.env || process.env;
  const port = endpointPort(env);
  const log = o.log || ((line) => process.stderr.write(`${line}\n`));
  if (!(await answers(port))) {
    const home = env.ENGINE_HOME || '/opt/bkca-engine';
    const logFile = fs.existsSync(home) ? path.join(home, 'buildkit-endpoint.log') : os.devNull;
    const out = fs.openSync(logFile, 'a');
    log(`Starting the BuildKit endpoint on ${HOST}:${port} (test-services/buildkit-endpoint)`);
    const child = spawn(process.execPath, [path.join(__dirname, 'endpoint.js'), 'serve'], {
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...env, BKCA_TEST_BUILDKIT_PORT: String(port) },
    });
    child.unref();
    fs.closeSync(out);
    for (let i = 0; i < 50 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
    if (!(await answers(port))) throw new Error(`the BuildKit endpoint did not start (see ${logFile})`);
  }
  return { endpoint: `tcp://${HOST}:${port}`, image: ensureStandInImage(port) };
}

module.exports = {
  DEFAULT_PORT,
  upgradeRequest,
  parseResponseHead,
  upgradeRefusal,
  dockerSocket,
  standInFiles,
  standInImage,
  serve,
  ensureBuildkitEndpoint,
};

if (require.main === module) {
  const command = process.argv[2];
  if (command === 'serve') {
    serve({ port: endpointPort() }).then(
      () => process.stderr.write(`buildkit-endpoint: listening on ${HOST}:${endpointPort()}\n`),
      (e) => {
        process.stderr.write(`buildkit-endpoint: ${e.message}\n`);
        process.exit(1);
      },
    );
  } else if (command === 'ensure') {
    ensureBuildkitEndpoint().then(
      (r) => process.stdout.write(`${r.endpoint} ${r.image}\n`),
      (e) => {
        process.stderr.write(`buildkit-endpoint: ${e.message}\n`);
        process.exit(1);
      },
    );
  } else {
    process.stderr.write('usage: node endpoint.js serve|ensure\n');
    process.exit(2);
  }
}
