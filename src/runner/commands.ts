import { appendFile } from 'node:fs/promises';
import * as os from 'node:os';
import { issueCommand } from '@actions/core/lib/command';
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command';

/**
 * The runner's workflow commands, from @actions/core's own command and file-command modules.
 * `@actions/core`'s entry also loads its OIDC client (http-client and undici), which this action
 * never needs: about 100 ms of a step's start. Measured again with @actions/core 1.11.1, as ncc
 * bundles, in 15 alternating fresh node processes on a busy machine: median 202 ms to load the
 * entry, 19 ms for these two modules. Everything here is the same protocol without it. The modules
 * are internals, not the package's API: each is used by one function below, and
 * __tests__/unit/commands.test.ts pins what they write, so a bump that moves or changes them fails.
 */

/** `::name key=value::message` on stdout, escaped as the runner reads it. */
function command(name: string, properties: Record<string, string>, message = ''): void {
  issueCommand(name, properties, message);
}

/** A `name<<delimiter` block appended to the runner's file (`GITHUB_OUTPUT`, `GITHUB_STATE`). */
function fileCommand(file: 'OUTPUT' | 'STATE', name: string, value: string): void {
  issueFileCommand(file, prepareKeyValueMessage(name, value));
}

/** Like core.getInput: `INPUT_<NAME>` (spaces to `_`, upper case), trimmed; '' when unset. */
export function getInput(name: string): string {
  return getRawInput(name).trim();
}

/** An input as the runner set it, untrimmed (`secrets` values keep their whitespace). */
export function getRawInput(name: string): string {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return fileCommand('OUTPUT', name, value);
  process.stdout.write(os.EOL);
  command('set-output', { name }, value);
}

export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) return fileCommand('STATE', name, value);
  command('save-state', { name }, value);
}

export const getState = (name: string): string => process.env[`STATE_${name}`] ?? '';

export const setSecret = (secret: string): void => command('add-mask', {}, secret);
export const info = (message: string): void => void process.stdout.write(message + os.EOL);
export const debug = (message: string): void => command('debug', {}, message);
export const warning = (message: string): void => command('warning', {}, message);
export const error = (message: string): void => command('error', {}, message);

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** A collapsible section of the log around `fn`. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  command('group', {}, name);
  try {
    return await fn();
  } finally {
    command('endgroup', {});
  }
}

/** Appends Markdown to the job summary file (`GITHUB_STEP_SUMMARY`); no-op without one. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  await appendFile(file, markdown.endsWith(os.EOL) ? markdown : markdown + os.EOL, { encoding: 'utf8' });
}
