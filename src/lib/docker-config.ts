import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The directory of docker's config.json, as the docker CLI finds it: `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker');
}

/** The text of docker's config.json, or null when there is none (the CLI's defaults apply). */
export function readDockerConfig(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    return readFileSync(join(dockerConfigDir(env), 'config.json'), 'utf8');
  } catch {
    return null;
  }
}
