import { spawn } from 'node:child_process';

/** What a finished process left behind. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the process was ended by `timeoutMs`. */
  timedOut: boolean;
}

export interface ExecOptions {
  /** Echo the process's output to the job log as it arrives (the build's own progress). */
  stream?: boolean;
  cwd?: string;
  /** Replaces the inherited environment (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Written to the process's standard input, which is then closed. */
  input?: string;
  /** End the process (SIGTERM, then SIGKILL) after this many milliseconds. */
  timeoutMs?: number;
}

/**
 * The one seam through which every process is started. Arguments are always an array and no
 * shell is involved, so branch names, tags and inputs reach the program as single arguments.
 */
export type Exec = (command: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export const exec: Exec = (command, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      // No input: stdin is /dev/null. Ending an unused pipe to a process that already exited fails
      // with EPIPE, and formatting that error's stack parses the bundle's source maps (~60 ms).
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }, options.timeoutMs);
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (options.stream) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err.push(chunk);
      if (options.stream) process.stdout.write(chunk);
    });
    const finish = (exitCode: number, spawnError = '') => {
      if (timer) clearTimeout(timer);
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
