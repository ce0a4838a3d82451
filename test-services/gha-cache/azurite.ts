import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Azurite's blob service as a child process, for tests. Everything is asynchronous, so a test can
 * start it while other in-process servers keep serving. Telemetry is turned off: the emulator must
 * not try to reach anything but loopback.
 */

/** Azurite's well-known development account and key, taken from the azurite package itself. */
export function azuriteAccount(): { name: string; key: string } {
  const constants = require('azurite/dist/src/common/utils/constants') as {
    EMULATOR_ACCOUNT_NAME: string;
    EMULATOR_ACCOUNT_KEY: Buffer | string;
  };
  const key = constants.EMULATOR_ACCOUNT_KEY;
  return { name: constants.EMULATOR_ACCOUNT_NAME, key: Buffer.isBuffer(key) ? key.toString('base64') : key };
}

export interface AzuriteOptions {
  /** How long to wait for the emulator to accept connections (default 30 s). */
  startTimeoutMs?: number;
  /** Data folder; default a fresh temporary folder, removed again by stop(). */
  location?: string;
  /**
   * Serve HTTPS with this PEM certificate and key, and accept OAuth bearer tokens (`--oauth
   * basic`: Azurite checks a token's issuer, audience and times, not its signature). Azurite
   * takes tokens over HTTPS only, as Azure's SDK sends them.
   */
  https?: { cert: string; key: string };
}

export interface Azurite {
  host: '127.0.0.1';
  port: number;
  /** `http://127.0.0.1:<port>` (`https:` when started with `https`) */
  url: string;
  accountName: string;
  /** Base64 account key (for StorageSharedKeyCredential). */
  accountKey: string;
  /** `http://127.0.0.1:<port>/<account>`: the blob service endpoint. */
  blobEndpoint: string;
  location: string;
  /** Process id of the emulator. */
  pid: number;
  /** Last output lines of the emulator (for error messages). */
  output(): string;
  /** Ends the emulator (SIGTERM, then SIGKILL after 5 s) and removes a temporary data folder. */
  stop(): Promise<void>;
}

/** Resolves node_modules/azurite's `azurite-blob` bin script (what node_modules/.bin/azurite-blob links to). */
async function azuriteBlobScript(): Promise<string> {
  const pkgPath = require.resolve('azurite/package.json');
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.['azurite-blob'];
  if (!bin) throw new Error('the azurite package has no azurite-blob bin');
  return join(dirname(pkgPath), bin);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `azurite-blob` on 127.0.0.1 and a free port; resolves once it accepts connections. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const script = await azuriteBlobScript();
  const ownLocation = options.location === undefined;
  const location = options.location ?? (await mkdtemp(join(tmpdir(), 'bkca-azurite-')));
  const account = azuriteAccount();
  const timeoutMs = options.startTimeoutMs ?? 30000;
  let lastError = '';
  // A port can be taken between freePort() and the emulator's bind: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const env = { ...process.env };
    delete env.AZURITE_ACCOUNTS; // the default development account, nothing else
    const child = spawn(
      process.execPath,
      [
        script,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--location',
        location,
        '--skipApiVersionCheck',
        '--loose',
        '--silent',
        '--disableTelemetry',
        ...(options.https
          ? ['--cert', options.https.cert, '--key', options.https.key, '--oauth', 'basic']
          : []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    let spawnError = '';
    child.once('exit', () => {
      exited = true;
    });
    child.once('error', (e) => {
      spawnError = e.message;
      exited = true;
    });

    const deadline = Date.now() + timeoutMs;
    let ready = false;
    while (!exited && Date.now() < deadline) {
      if (await canConnect(port)) {
        ready = true;
        break;
      }
      await sleep(50);
    }
    if (ready && !exited) {
      const scheme = options.https ? 'https' : 'http';
      const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          if (!(await waitForExit(child, 5000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5000);
          }
        }
        if (ownLocation) await rm(location, { recursive: true, force: true });
      };
      return {
        host: '127.0.0.1',
        port,
        url: `${scheme}://127.0.0.1:${port}`,
        accountName: account.name,
        accountKey: account.key,
        blobEndpoint: `${scheme}://127.0.0.1:${port}/${account.name}`,
        location,
        pid: child.pid ?? -1,
        output: () => output,
        stop,
      };
    }
    if (!exited) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
      lastError = `azurite-blob did not accept connections on port ${port} within ${timeoutMs} ms\n${output}`;
      break;
    }
    lastError = `azurite-blob exited before it was ready (${spawnError || `code ${child.exitCode}`})\n${output}`;
    if (!/EADDRINUSE/.test(output)) break;
  }
  if (ownLocation) await rm(location, { recursive: true, force: true });
  throw new Error(lastError);
}
