import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec as toolkitExec } from '@actions/exec';
import { timerMs } from './timers';

/** What a finished process left behind. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the process was ended by `timeoutMs` or `signal`. */
  timedOut: boolean;
}

export interface ExecOptions {
  /** Echo the process's output to the job log as it arrives (the build's own progress). */
  stream?: boolean;
  cwd?: string;
  /**
   * The child's whole environment (default: it inherits this process's). The seam never reads
   * the environment itself: callers pass the runner's, as runner/environment.ts read it.
   */
  env?: NodeJS.ProcessEnv;
  /** Written to the process's standard input, which is then closed. */
  input?: string;
  /** End the process (SIGTERM, then SIGKILL) after this many milliseconds. */
  timeoutMs?: number;
  /** End the process (as `timeoutMs` does) when this aborts: a watcher of its output decides. */
  signal?: AbortSignal;
  /** Each chunk of output (stdout and stderr) as it arrives, as text. */
  onOutput?: (text: string) => void;
}

/**
 * The one seam through which every process is started. Arguments are always an array and no
 * shell is involved, so branch names, tags and inputs reach the program as single arguments.
 */
export type Exec = (command: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

/**
 * Runs go through `@actions/exec`, except those that need the child process itself, which
 * `@actions/exec` does not hand out; those use node's `spawn` ({@link spawnExec}):
 * - a bound (`timeoutMs`: git fetches, the cache worker, credential helpers) or a watcher
 *   (`signal`: the export watchdog, the import bound of buildx/import-watch.ts) must kill it;
 * - a run with `input` must catch the EPIPE of writing to a child that exited without reading it
 *   (`@actions/exec` leaves that stream error unhandled, which would end the action);
 * - a run that may read stdin (an argument `-`: `--file -`, a context `-`) must see it end at once
 *   (/dev/null): `@actions/exec` gives every child an open stdin pipe, which it would wait on.
 */
export const exec: Exec = (command, args, options = {}) =>
  options.timeoutMs !== undefined ||
  options.signal !== undefined ||
  options.input !== undefined ||
  args.includes('-')
    ? spawnExec(command, args, options)
    : toolkitRun(command, args, options);

/**
 * A bare command name looked up on the PATH the child is given, as node's `spawn` does
 * (`@actions/exec` looks on this process's PATH): tests hand the action a PATH of stand-ins.
 */
function onChildPath(command: string, env: NodeJS.ProcessEnv | undefined): string {
  // An inherited environment has this process's PATH, where `@actions/exec` looks already.
  if (command.includes('/') || env?.PATH === undefined) return command;
  for (const dir of env.PATH.split(path.delimiter).filter((d) => d !== '')) {
    const file = path.join(dir, command);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // Not here: the next folder.
    }
  }
  return command;
}

/** `@actions/exec`'s run: silent (output goes to the job log only when `stream` asks), any exit code. */
async function toolkitRun(
  command: string,
  args: readonly string[],
  options: ExecOptions,
): Promise<ExecResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const onChunk = (into: Buffer[]) => (chunk: Buffer) => {
    into.push(chunk);
    if (options.stream) process.stdout.write(chunk);
    options.onOutput?.(chunk.toString());
  };
  const env = options.env;
  const result = (exitCode: number, more = '') => ({
    exitCode,
    stdout: Buffer.concat(out).toString(),
    stderr: Buffer.concat(err).toString() + more,
    timedOut: false,
  });
  try {
    const code = await toolkitExec(onChildPath(command, env), [...args], {
      cwd: options.cwd,
      env: env as Record<string, string> | undefined,
      silent: true,
      ignoreReturnCode: true,
      listeners: { stdout: onChunk(out), stderr: onChunk(err) },
    });
    // A process ended by a signal has no exit code (node's `null`): 128, as a shell would say.
    return result(code ?? 128);
  } catch (e) {
    // Not found (or its cwd missing): 127, as `spawn`'s ENOENT is; any other failure to start: 1.
    const message = (e as Error).message;
    return result(/Unable to locate executable|does not exist/.test(message) ? 127 : 1, message);
  }
}

/** Node's `spawn`, for the runs that need a kill handle or a stdin of their own (see {@link exec}). */
export const spawnExec: Exec = (command, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env,
      shell: false,
      // No input: stdin is /dev/null. Ending an unused pipe to a process that already exited fails
      // with EPIPE, and formatting that error's stack parses the bundle's source maps (~60 ms).
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const end = () => {
      if (timedOut) return;
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    };
    if (options.timeoutMs !== undefined) timer = setTimeout(end, timerMs(options.timeoutMs));
    const signal = options.signal;
    if (signal?.aborted) end();
    signal?.addEventListener('abort', end);
    const onChunk = (into: Buffer[]) => (chunk: Buffer) => {
      into.push(chunk);
      if (options.stream) process.stdout.write(chunk);
      options.onOutput?.(chunk.toString());
    };
    child.stdout?.on('data', onChunk(out));
    child.stderr?.on('data', onChunk(err));
    const finish = (exitCode: number, spawnError = '') => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', end);
      resolve({
        exitCode,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString() + spawnError,
        timedOut,
      });
    };
    child.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ENOENT' ? 127 : 1, e.message));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
    if (child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
