import { readFileSync } from 'node:fs';
import { type RunContext, runContextFrom } from './context';

/** The run context from the runner's environment and its event file (an unreadable one reads as `{}`). */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  let payload: Record<string, unknown> = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  return runContextFrom(env, payload);
}
