import { readFileSync } from 'node:fs';
import type { GithubVariables } from '../runner/environment';
import { type RunContext, runContextFrom } from './context';

/** The run context from the runner's `GITHUB_*` variables and its event file (an unreadable one reads as `{}`). */
export function readRunContext(github: GithubVariables): RunContext {
  let payload: Record<string, unknown> = {};
  if (github.eventPath) {
    try {
      payload = JSON.parse(readFileSync(github.eventPath, 'utf8')) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  return runContextFrom(github, payload);
}
