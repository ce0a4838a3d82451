import * as fs from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  dockerSocket,
  parseResponseHead,
  serve,
  standInFiles,
  standInImage,
  upgradeRefusal,
  upgradeRequest,
} from './endpoint';

const SWITCH = 'HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n';

describe('the upgrade request', () => {
  it('is POST /grpc asking to switch to h2c, with an empty body, ending in a blank line', () => {
    const lines = upgradeRequest().split('\r\n');
    expect(lines[0]).toBe('POST /grpc HTTP/1.1');
    expect(lines).toEqual(
      expect.arrayContaining(['Connection: Upgrade', 'Upgrade: h2c', 'Content-Length: 0']),
    );
    expect(upgradeRequest().endsWith('\r\n\r\n')).toBe(true);
    expect(upgradeRequest().indexOf('\r\n\r\n')).toBe(upgradeRequest().length - 4);
  });
});

describe('the response head', () => {
  it.each([
    ['nothing yet', ''],
    ['a status line alone', 'HTTP/1.1 101 UPGRADED\r\n'],
    ['headers without the blank line', 'HTTP/1.1 101 UPGRADED\r\nUpgrade: h2c\r\n'],
  ])('%s: not complete', (_name, text) => {
    expect(parseResponseHead(Buffer.from(text))).toBeNull();
  });

  it('a 101: its status, lower-cased headers, and the stream bytes that came with it', () => {
    const head = parseResponseHead(Buffer.concat([Buffer.from(SWITCH), Buffer.from([0, 0, 6, 4])]));
    expect(head).toStrictEqual({
      status: 101,
      reason: 'UPGRADED',
      headers: { connection: 'Upgrade', upgrade: 'h2c' },
      rest: Buffer.from([0, 0, 6, 4]),
    });
  });

  it.each([
    ['not HTTP', 'SSH-2.0-OpenSSH\r\n\r\n', /not an HTTP response/],
    ['HTTP/2', 'HTTP/2 101\r\n\r\n', /not an HTTP response/],
    ['a header without a colon', 'HTTP/1.1 101 OK\r\nUpgrade h2c\r\n\r\n', /malformed header line/],
  ])('%s: refused', (_name, text, why) => {
    expect(() => parseResponseHead(Buffer.from(text))).toThrow(why);
  });

  it('a head that never ends is refused after 16 KiB', () => {
    expect(() => parseResponseHead(Buffer.from(`HTTP/1.1 101 OK\r\nX: ${'a'.repeat(17000)}`))).toThrow(
      /no end of the response head/,
    );
  });

  it.each([
    [SWITCH, null],
    ['HTTP/1.1 101 UPGRADED\r\nUpgrade: H2C\r\n\r\n', null],
    [
      'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n',
      'dockerd answered 400 Bad Request to POST /grpc',
    ],
    ['HTTP/1.1 101 Switching\r\nUpgrade: tcp\r\n\r\n', 'dockerd switched to "tcp", not h2c'],
    ['HTTP/1.1 101 Switching\r\n\r\n', 'dockerd switched to "", not h2c'],
  ])('%j: refusal %j', (text, refusal) => {
    expect(upgradeRefusal(parseResponseHead(Buffer.from(text))!)).toBe(refusal);
  });
});

describe('the docker socket', () => {
  it.each([
    [{}, '/var/run/docker.sock'],
    [{ DOCKER_HOST: '' }, '/var/run/docker.sock'],
    [{ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, '/run/user/1000/docker.sock'],
  ])('%j: %s', (env, socket) => {
    expect(dockerSocket(env)).toBe(socket);
  });

  it('a tcp DOCKER_HOST is refused, naming it', () => {
    expect(() => dockerSocket({ DOCKER_HOST: 'tcp://10.0.0.1:2375' })).toThrow(
      /DOCKER_HOST=tcp:\/\/10\.0\.0\.1:2375/,
    );
  });
});

describe('the docker-container stand-in', () => {
  it('its buildctl answers the readiness probe and dials this endpoint for dial-stdio, nothing else', () => {
    const script = standInFiles(8372)['usr/bin/buildctl'];
    expect(script).toContain('"debug workers"*) exit 0 ;;');
    expect(script).toContain('dial-stdio*) exec nc 127.0.0.1 8372 ;;');
    expect(script).toMatch(/unsupported: \$\*" >&2\nexit 1\n$/);
  });

  it('its image is named by its content: another port is another image', () => {
    expect(standInImage(8372, 'r:5000')).toMatch(/^r:5000\/bkca-test\/buildkit-stand-in:[0-9a-f]{12}$/);
    expect(standInImage(8372, 'r:5000')).toBe(standInImage(8372, 'r:5000'));
    expect(standInImage(8373, 'r:5000')).not.toBe(standInImage(8372, 'r:5000'));
  });
});

/** A dockerd stand-in on a unix socket: answers the upgrade with `answer`, then echoes. */
async function fakeDockerd(answer: string) {
  const socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fake-dockerd-')), 'docker.sock');
  const requests: string[] = [];
  const server = net.createServer((c) => {
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      c.off('data', onData);
      requests.push(head.slice(0, end + 4));
      c.write(answer);
      if (!answer.startsWith('HTTP/1.1 101')) {
        c.end();
        return;
      }
      const early = head.slice(end + 4);
      if (early) c.write(early);
      c.pipe(c);
    };
    c.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return { socket, requests, server };
}

function exchange(port: number, send: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    const c = net.connect(port, '127.0.0.1', () => c.end(send));
    c.on('data', (d) => (got += d));
    c.on('close', () => resolve(got));
    c.on('error', reject);
  });
}

describe('the endpoint, on a dockerd stand-in', () => {
  it('upgrades each connection and then pipes bytes both ways, the upgrade head not passed on', async () => {
    const dockerd = await fakeDockerd(`${SWITCH}PRI`);
    const endpoint = await serve({ socket: dockerd.socket, port: 0, log: () => {} });
    try {
      const { port } = endpoint.address() as AddressInfo;
      expect(await exchange(port, ' * HTTP/2.0 preface')).toBe('PRI * HTTP/2.0 preface');
      expect(await exchange(port, 'second')).toBe('PRIsecond');
      expect(dockerd.requests).toStrictEqual([upgradeRequest(), upgradeRequest()]);
    } finally {
      endpoint.close();
      dockerd.server.close();
    }
  });

  it('a refused upgrade closes the client connection and says why', async () => {
    const dockerd = await fakeDockerd('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    const lines: string[] = [];
    const endpoint = await serve({ socket: dockerd.socket, port: 0, log: (l) => lines.push(l) });
    try {
      const { port } = endpoint.address() as AddressInfo;
      expect(await exchange(port, 'hello')).toBe('');
      expect(lines).toStrictEqual(['buildkit-endpoint: dockerd answered 404 Not Found to POST /grpc']);
    } finally {
      endpoint.close();
      dockerd.server.close();
    }
  });

  it('a dockerd that accepts and never answers: the client connection is ended within the bound', async () => {
    const socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'silent-dockerd-')), 'docker.sock');
    const held: net.Socket[] = [];
    const dockerd = net.createServer((c) => held.push(c));
    await new Promise<void>((r) => dockerd.listen(socket, r));
    const lines: string[] = [];
    const endpoint = await serve({ socket, port: 0, log: (l) => lines.push(l), upgradeTimeoutMs: 200 });
    try {
      const { port } = endpoint.address() as AddressInfo;
      const started = Date.now();
      expect(await exchange(port, 'hello')).toBe('');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(held).toHaveLength(1);
      expect(lines).toStrictEqual(['buildkit-endpoint: dockerd sent no answer to POST /grpc within 200 ms']);
    } finally {
      endpoint.close();
      for (const c of held) c.destroy();
      dockerd.close();
    }
  });
});
