import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The text of docker's config.json in `configDir` (DOCKER_CONFIG, else `~/.docker`: see
 * runner/environment.ts), or null when there is none (the CLI's defaults apply).
 */
export function readDockerConfig(configDir: string): string | null {
  try {
    return readFileSync(join(configDir, 'config.json'), 'utf8');
  } catch {
    return null;
  }
}
