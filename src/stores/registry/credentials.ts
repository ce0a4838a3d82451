import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exec } from '../../lib/exec';
import { setSecret } from '../../runner/commands';
import { DOCKER_HUB_ALIASES, DOCKER_HUB_CONFIG_KEY, type ImageName } from './name';

export interface Credentials {
  username: string;
  password: string;
}

export interface CredentialLookup {
  credentials?: Credentials;
  /** Why there are none, told only when the registry then refuses anonymous access. */
  note?: string;
}

/** A config key as docker compares it: without scheme and path (`https://ghcr.io/v1/` → `ghcr.io`). */
function keyHost(key: string): string {
  return key
    .replace(/^https?:\/\//i, '')
    .split('/')[0]
    .toLowerCase();
}

/**
 * Credentials for the registry, found as docker finds them in `<dir>/config.json`: a credential
 * helper first (`credHelpers[<host>]`, else `credsStore`: `docker-credential-<helper> get`, run
 * through the one exec seam with the server on stdin; its answer is masked and never logged),
 * then what `docker login` wrote into `auths[<key>]` (`auth`, base64 `user:password`, or
 * `username`/`password`), under the exact key first and then under any key naming the same host
 * (docker matches `https://host/v1/` too). Identity tokens are not used: the request goes on
 * anonymously, and a registry that then refuses says why in the reason.
 */
async function readCredentials(
  dir: string,
  name: ImageName,
  exec: Exec | undefined,
  timeoutMs: number,
): Promise<CredentialLookup> {
  const file = join(dir, 'config.json');
  let config: unknown;
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    return { note: missing ? `no docker config at ${file}` : `the docker config ${file} could not be read` };
  }
  if (!config || typeof config !== 'object')
    return { note: `the docker config ${file} is not a JSON object` };
  const { auths, credsStore, credHelpers } = config as {
    auths?: unknown;
    credsStore?: unknown;
    credHelpers?: unknown;
  };
  const host = keyHost(name.configKey);
  const hub = name.configKey === DOCKER_HUB_CONFIG_KEY;
  const sameHost = (key: string) => keyHost(key) === host || (hub && DOCKER_HUB_ALIASES.has(keyHost(key)));
  const helpers =
    credHelpers && typeof credHelpers === 'object' ? (credHelpers as Record<string, unknown>) : {};
  const helperKey = Object.keys(helpers).find(sameHost);
  const helper = helperKey !== undefined ? helpers[helperKey] : credsStore;
  let helperNote = '';
  if (typeof helper === 'string' && helper !== '') {
    const asked = await askCredentialHelper(helper, name.configKey, exec, timeoutMs);
    if ('credentials' in asked) return asked;
    helperNote = asked.note;
  }
  const entries = auths && typeof auths === 'object' ? (auths as Record<string, unknown>) : {};
  const keys = [name.configKey, ...Object.keys(entries).filter((k) => k !== name.configKey && sameHost(k))];
  for (const key of keys) {
    const entry = entries[key];
    if (!entry || typeof entry !== 'object') continue;
    const { auth, username, password } = entry as { auth?: unknown; username?: unknown; password?: unknown };
    if (typeof auth === 'string' && auth !== '') {
      const decoded = Buffer.from(auth, 'base64').toString('utf8');
      const split = decoded.indexOf(':');
      if (split > 0)
        return { credentials: { username: decoded.slice(0, split), password: decoded.slice(split + 1) } };
    }
    if (typeof username === 'string' && username !== '' && typeof password === 'string') {
      return { credentials: { username, password } };
    }
  }
  return { note: helperNote || `no credentials for ${name.configKey} in ${file}` };
}

/** Per docker config and registry, found once per run: a credential helper may take a second (ECR's). */
const foundCredentials = new Map<string, Promise<CredentialLookup>>();

export function credentialsOnce(
  dir: string,
  name: ImageName,
  exec: Exec | undefined,
  timeoutMs: number,
): Promise<CredentialLookup> {
  const key = `${dir}\0${name.configKey}\0${exec ? 'exec' : ''}`;
  let found = foundCredentials.get(key);
  if (!found) foundCredentials.set(key, (found = readCredentials(dir, name, exec, timeoutMs)));
  return found;
}

/**
 * `docker-credential-<helper> get` with the server on stdin, as the docker CLI runs it. The answer
 * (`{"ServerURL","Username","Secret"}`) is masked at once and never logged; a failure is a note
 * that names the helper, never its output.
 */
async function askCredentialHelper(
  helper: string,
  server: string,
  exec: Exec | undefined,
  timeoutMs: number,
): Promise<{ credentials: Credentials } | { note: string }> {
  const program = `docker-credential-${helper}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(helper))
    return {
      note: `the docker config names a credential helper that is not a plain name (${JSON.stringify(helper)})`,
    };
  if (!exec) return { note: `the credentials for ${server} are kept by ${program}, which was not run` };
  const run = await exec(program, ['get'], { input: server, timeoutMs });
  if (run.exitCode !== 0) {
    const why =
      run.exitCode === 127 ? 'is not on PATH' : run.timedOut ? 'timed out' : `failed (exit ${run.exitCode})`;
    return { note: `the credential helper ${program} ${why} for ${server}` };
  }
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(run.stdout) as typeof answer;
  } catch {
    return { note: `the credential helper ${program} answered something that is not JSON for ${server}` };
  }
  const { Username: username, Secret: password } = answer ?? {};
  if (typeof password === 'string' && password !== '') setSecret(password);
  if (typeof username !== 'string' || typeof password !== 'string' || password === '')
    return { note: `the credential helper ${program} has no credentials for ${server}` };
  if (username === '<token>')
    return {
      note: `the credential helper ${program} holds an identity token for ${server}, which is not used`,
    };
  return { credentials: { username, password } };
}
