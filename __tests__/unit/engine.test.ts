import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { engineSocket, pingSocket, probeEngine } from '../../src/buildx/engine';
import type { Exec } from '../../src/exec';

describe('which engine socket the docker CLI would use', () => {
  it.each([
    { title: 'nothing set: the default socket', env: {}, config: null, want: '/var/run/docker.sock' },
    {
      title: 'DOCKER_HOST unix://',
      env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      config: null,
      want: '/run/user/1000/docker.sock',
    },
    {
      title: 'DOCKER_HOST tcp:// needs the CLI',
      env: { DOCKER_HOST: 'tcp://10.0.0.1:2376' },
      config: null,
      want: null,
    },
    {
      title: 'DOCKER_HOST ssh:// needs the CLI',
      env: { DOCKER_HOST: 'ssh://me@host' },
      config: null,
      want: null,
    },
    { title: 'DOCKER_CONTEXT needs the CLI', env: { DOCKER_CONTEXT: 'remote' }, config: null, want: null },
    {
      title: 'DOCKER_CONTEXT=default is the default socket',
      env: { DOCKER_CONTEXT: 'default' },
      config: null,
      want: '/var/run/docker.sock',
    },
    {
      title: "config.json's currentContext needs the CLI",
      env: {},
      config: '{"currentContext":"colima"}',
      want: null,
    },
    {
      title: 'an unreadable config.json is ignored',
      env: {},
      config: '{not json',
      want: '/var/run/docker.sock',
    },
  ])('$title', ({ env, config, want }) => {
    expect(engineSocket(env, config, 'linux')).toBe(want);
  });

  it('Windows pipes need the CLI', () => expect(engineSocket({}, null, 'win32')).toBeNull());
});

describe('pinging the engine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-'));
  const serve = async (status: number) => {
    const socketPath = path.join(dir, `docker-${status}.sock`);
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/_ping' ? status : 404);
      res.end('OK');
    });
    await new Promise<void>((r) => server.listen(socketPath, r));
    return { socketPath, close: () => new Promise((r) => server.close(r)) };
  };

  it('an engine that answers /_ping with 200 is up', async () => {
    const s = await serve(200);
    try {
      expect(await pingSocket(s.socketPath)).toStrictEqual({ ok: true });
      expect(
        await probeEngine(failingExec, { DOCKER_HOST: `unix://${s.socketPath}`, DOCKER_CONFIG: dir }),
      ).toStrictEqual({
        ok: true,
      });
    } finally {
      await s.close();
    }
  });

  it('any other answer, or no socket, is down with the reason', async () => {
    const s = await serve(500);
    try {
      expect(await pingSocket(s.socketPath)).toStrictEqual({
        ok: false,
        reason: `${s.socketPath} answered HTTP 500 to /_ping`,
      });
    } finally {
      await s.close();
    }
    expect(await pingSocket(path.join(dir, 'none.sock'))).toStrictEqual({
      ok: false,
      reason: `cannot connect to ${path.join(dir, 'none.sock')}: ENOENT`,
    });
  });

  const failingExec: Exec = async () => ({
    exitCode: 1,
    stdout: '',
    stderr: 'Cannot connect to the Docker daemon at tcp://10.0.0.1:2376. Is the docker daemon running?\n',
    timedOut: false,
  });

  it('an endpoint only the CLI can resolve asks `docker version`, and passes on its reason', async () => {
    const calls: string[][] = [];
    const exec: Exec = (cmd, args, o) => {
      calls.push([cmd, ...args]);
      return failingExec(cmd, args, o);
    };
    expect(await probeEngine(exec, { DOCKER_HOST: 'tcp://10.0.0.1:2376', DOCKER_CONFIG: dir })).toStrictEqual(
      {
        ok: false,
        reason: 'Cannot connect to the Docker daemon at tcp://10.0.0.1:2376. Is the docker daemon running?',
      },
    );
    expect(calls).toStrictEqual([['docker', 'version', '--format', '{{.Server.Version}}']]);
  });
});
