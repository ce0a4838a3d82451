import { homedir } from 'node:os';
import { join } from 'node:path';

/** The directory of docker's config.json, as the docker CLI finds it: `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(homedir(), '.docker');
}
