import * as http from 'node:http';
import { readDockerConfig } from '../lib/docker-config';
import type { Exec } from '../lib/exec';
import type { DockerVariables } from '../runner/environment';
import { lastLine } from '../lib/text';

/** Whether the Docker engine answers, and why not when it does not. */
export type EngineProbe = { ok: true } | { ok: false; reason: string };

/**
 * The engine's unix socket when the docker CLI would talk to one without a context: `DOCKER_HOST`
 * as `unix://…`, or the default socket when neither `DOCKER_HOST`, `DOCKER_CONTEXT` nor the
 * config's `currentContext` says otherwise. Null when only the CLI can tell (tcp, ssh, contexts,
 * Windows pipes).
 */
export function engineSocket(
  docker: Pick<DockerVariables, 'host' | 'context'>,
  configJson: string | null,
  platform = process.platform,
): string | null {
  const { host } = docker;
  if (host !== '') return host.startsWith('unix://') ? host.slice('unix://'.length) : null;
  if (docker.context !== '' && docker.context !== 'default') return null;
  let context = '';
  try {
    context = String((JSON.parse(configJson ?? '{}') as { currentContext?: unknown }).currentContext ?? '');
  } catch {
    // Unreadable config: the CLI would ignore it too.
  }
  if (context !== '' && context !== 'default') return null;
  return platform === 'win32' ? null : '/var/run/docker.sock';
}

/** `GET /_ping` on a unix socket: the engine's own liveness call. */
export function pingSocket(socketPath: string, timeoutMs = 10_000): Promise<EngineProbe> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve(
          res.statusCode === 200
            ? { ok: true }
            : { ok: false, reason: `${socketPath} answered HTTP ${res.statusCode} to /_ping` },
        ),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ ok: false, reason: `cannot connect to ${socketPath}: ${e.code ?? e.message}` }),
    );
  });
}

/**
 * Whether the engine answers. A ping on its socket costs a few milliseconds; `docker version`
 * starts the CLI (~50 ms of CPU on the cores the plan needs), so it is only the fallback for
 * endpoints the CLI alone can resolve.
 */
export async function probeEngine(exec: Exec, docker: DockerVariables): Promise<EngineProbe> {
  const socket = engineSocket(docker, readDockerConfig(docker.configDir));
  if (socket !== null) return pingSocket(socket);
  const result = await exec('docker', ['version', '--format', '{{.Server.Version}}']);
  if (result.exitCode === 0) return { ok: true };
  const reason = result.stderr.trim() ? lastLine(result.stderr) : `docker version exited ${result.exitCode}`;
  return { ok: false, reason };
}
