import type { Exec, ExecResult } from '../lib/exec';

export interface GitContext {
  /** The checkout (work tree) to run git in. */
  cwd: string;
  /** The remote to fetch missing history from (default `origin`). */
  remote?: string;
  /**
   * The environment for git: the runner's, as runner/environment.ts read it. `GIT_TERMINAL_PROMPT=0`
   * is always added so that a fetch never waits for a password on a terminal.
   */
  env: NodeJS.ProcessEnv;
  /** Upper bound for each `git fetch`, in milliseconds (default 120 000). */
  fetchTimeoutMs?: number;
}

const LOCAL_TIMEOUT_MS = 30_000;
export const DEFAULT_FETCH_TIMEOUT_MS = 120_000;
export const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** An error's message; errors are read by shape, since they may come from another realm. */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** git in one checkout, through the exec seam: each argument is one argv entry (no shell). */
export type Git = (args: readonly string[], timeoutMs?: number) => Promise<ExecResult>;

/**
 * `git fetch` as the planner runs it: no tags, no submodules, and no automatic maintenance or gc
 * afterwards (a process per fetch that the plan would wait for, in the user's checkout).
 */
export function fetchArgs(...rest: string[]): string[] {
  return [
    '-c',
    'maintenance.auto=false',
    '-c',
    'gc.auto=0',
    'fetch',
    '--no-tags',
    '--no-recurse-submodules',
    ...rest,
  ];
}

export function makeGit(exec: Exec, ctx: GitContext): Git {
  const env = { ...ctx.env, GIT_TERMINAL_PROMPT: '0' };
  return (args, timeoutMs = LOCAL_TIMEOUT_MS) => exec('git', args, { cwd: ctx.cwd, env, timeoutMs });
}

/** Removes `user:password@` from URLs that git may print in its messages (e.g. a remote's URL). */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}

/** The gist of a failed git command, for a reason: its last non-empty stderr lines, without secrets. */
export function describeFailure(result: ExecResult): string {
  if (result.timedOut) return 'timed out';
  if (result.exitCode === 127) return 'git is not installed (or not on PATH)';
  const lines = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('hint:'));
  const text = lines.slice(-2).join(' ') || `exit code ${result.exitCode}`;
  const redacted = redactUrlCredentials(text);
  return redacted.length > 300 ? `${redacted.slice(0, 297)}...` : redacted;
}

/**
 * Why `value` cannot be handed to git as a revision or remote name, or undefined if it can. Git
 * reads an argument that starts with `-` as an option, so such names are refused (no branch,
 * remote or revision git accepts can start with `-` anyway).
 */
export function argumentProblem(what: string, value: string): string | undefined {
  if (value === '') return `${what} is empty`;
  if (value.startsWith('-')) return `${what} ${JSON.stringify(value)} starts with "-"`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return `${what} ${JSON.stringify(value)} contains control characters`;
  return undefined;
}

export async function resolveCommit(git: Git, rev: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const sha = result.stdout.trim();
  return result.exitCode === 0 && SHA.test(sha) ? sha : undefined;
}

/** true/false, or a reason when this is not a usable git checkout. */
export async function isShallow(git: Git): Promise<boolean | string> {
  const result = await git(['rev-parse', '--is-shallow-repository']);
  if (result.exitCode !== 0) return `not a git checkout: ${describeFailure(result)}`;
  return result.stdout.trim() === 'true';
}

export async function remoteProblem(git: Git, remote: string): Promise<string | undefined> {
  const result = await git(['remote', 'get-url', remote]);
  return result.exitCode === 0 ? undefined : `remote ${JSON.stringify(remote)} is not configured`;
}
