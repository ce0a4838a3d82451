import { appendFile } from 'node:fs/promises';
import * as os from 'node:os';
import { issue, issueCommand } from '@actions/core/lib/command';
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command';

/**
 * The runner's workflow commands, from @actions/core's own command and file-command modules.
 * `@actions/core`'s entry also loads its OIDC client (http-client and undici), about 100 ms of a
 * step's start that this action never needs; everything here is the same protocol without it.
 */

/** Like core.getInput: `INPUT_<NAME>` (spaces to `_`, upper case), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
  process.stdout.write(os.EOL);
  issueCommand('set-output', { name }, value);
}

export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
  issueCommand('save-state', { name }, value);
}

export const getState = (name: string): string => process.env[`STATE_${name}`] ?? '';

export const setSecret = (secret: string): void => issueCommand('add-mask', {}, secret);
export const info = (message: string): void => void process.stdout.write(message + os.EOL);
export const debug = (message: string): void => issueCommand('debug', {}, message);
export const warning = (message: string): void => issueCommand('warning', {}, message);
export const error = (message: string): void => issueCommand('error', {}, message);

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** A collapsible section of the log around `fn`. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}

/** Appends Markdown to the job summary file (`GITHUB_STEP_SUMMARY`); no-op without one. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  await appendFile(file, markdown.endsWith(os.EOL) ? markdown : markdown + os.EOL, { encoding: 'utf8' });
}
