import { spawn } from 'node:child_process';

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
  /** Replaces the inherited environment (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Variables added to `env` (or to the inherited environment when `env` is unset). */
  extraEnv?: Record<string, string>;
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

export const exec: Exec = (command, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: childEnv(options),
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

/**
 * The child's environment: `env`, else this process's handed through unchanged, plus `extraEnv`.
 * The seam is the one place a child's environment is formed. It is named, not left to node's
 * default, which reads the real environment even where `process.env` was replaced (jest does).
 */
function childEnv(options: ExecOptions): NodeJS.ProcessEnv {
  const env = options.env ?? process.env;
  return options.extraEnv ? { ...env, ...options.extraEnv } : env;
}

/** Node's timers hold at most 2^31−1 ms; a longer wait would fire at once, so it is capped. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const timerMs = (ms: number) => Math.min(Math.max(ms, 0), MAX_TIMER_MS);
