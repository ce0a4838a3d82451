import * as path from 'node:path';
import type { Exec } from '../../lib/exec';
import * as workflow from '../../runner/commands';
import { lastLine } from '../../lib/text';
import { type RateLimited, rateLimitedReason, retryWaitMs } from './rate-limit';

/**
 * Restores and saves through the GitHub Actions cache with `@actions/cache`, in a child process
 * (dist/cache/index.js). A child can be ended: the client has no overall timeout and retries a
 * hung request for minutes, and a request left open would keep main's process alive. The child's
 * output is read, not shown: the client reports a failed restore or save as a log line (an
 * `::error::` for a 5xx), which here becomes the caller's one warning, never an error annotation.
 */

export interface WorkerRequest {
  op: 'restore' | 'save';
  /** A folder name inside `root`: archived and restored relative to `root`. */
  path: string;
  key: string;
  restoreKeys?: string[];
  /** Restores: the most the archive may expand to (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/** What an archive may expand to when its caller names no bound: a repository's whole GitHub cache by default. */
export const DEFAULT_MAX_BYTES = 10 * 1024 ** 3;

export interface WorkerResult {
  matchedKey?: string | null;
  cacheId?: number;
  error?: string;
  /** A restore whose archive failed its checks (src/stores/github-cache/archive.ts): nothing was extracted. */
  refused?: { key: string; why: string };
}

export const RESULT_PREFIX = 'bkca-cache-result:';

export type CacheCall =
  | { status: 'hit'; matchedKey: string; ms: number }
  /** `refused`: an entry was found, but its archive failed its checks: nothing was extracted. */
  | { status: 'miss'; ms: number; refused?: string }
  | { status: 'saved'; ms: number }
  /** Another job saved this very key (same content) first. */
  | { status: 'exists'; ms: number }
  | { status: 'failed'; reason: string; ms: number; rateLimited?: RateLimited };

/**
 * Whether the client met GitHub's rate limit, from its output: it logs each answer's status and
 * headers as debug lines (`[Response] - 429`, `Headers: {… "retry-after": "12" …}`) and words its
 * last failure `Failed request: (429) Too Many Requests`. The last Retry-After it was given wins.
 */
export function rateLimitIn(stdout: string): RateLimited | null {
  if (!/\(429\)|\[Response\] - 429|Too Many Requests|resource_exhausted/i.test(stdout)) return null;
  const afters = [...stdout.matchAll(/"retry-after":\s*"?(\d+)"?/gi)].map((m) => Number(m[1]));
  return { retryAfterSeconds: afters.length > 0 ? afters[afters.length - 1] : null };
}

/** The client's own words for a failed call: its `::warning::`/`::error::` lines. */
function clientProblems(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => /^::(?:warning|error)(?: [^:]*)?::(.*)$/.exec(l.trim())?.[1] ?? '')
    .filter((l) => l !== '');
}

type WorkerRun = { exitCode: number; stdout: string; stderr: string; timedOut: boolean };

/** What a worker run means, a failure met with GitHub's rate limit marked so. Pure: its output in. */
export function readWorkerRun(
  op: WorkerRequest['op'],
  run: WorkerRun,
  timeoutMs: number,
  ms: number,
): CacheCall {
  const call = outcomeOf(op, run, timeoutMs, ms);
  if (call.status !== 'failed') return call;
  const limited = rateLimitIn(run.stdout);
  return limited ? { ...call, rateLimited: limited } : call;
}

function outcomeOf(op: WorkerRequest['op'], run: WorkerRun, timeoutMs: number, ms: number): CacheCall {
  const limited = rateLimitIn(run.stdout);
  if (run.timedOut) {
    const reason = `no answer within ${Math.round(timeoutMs / 1000)}s`;
    return limited
      ? { status: 'failed', reason, ms, rateLimited: limited }
      : { status: 'failed', reason, ms };
  }
  const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  let result: WorkerResult | null = null;
  try {
    result = line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult) : null;
  } catch {
    result = null;
  }
  const problems = clientProblems(run.stdout);
  if (result === null) {
    return { status: 'failed', reason: problems[0] ?? lastLine(run.stderr || run.stdout), ms };
  }
  if (result.error) return { status: 'failed', reason: result.error, ms };
  if (result.refused) {
    const refused = `the GitHub cache entry ${result.refused.key} was not restored, its archive is refused: ${result.refused.why}`;
    return { status: 'miss', ms, refused };
  }
  if (op === 'restore') {
    if (result.matchedKey) return { status: 'hit', matchedKey: result.matchedKey, ms };
    const failed = problems.find((p) => /failed to restore/i.test(p));
    return failed ? { status: 'failed', reason: failed, ms } : { status: 'miss', ms };
  }
  if (result.cacheId !== undefined && result.cacheId !== -1) return { status: 'saved', ms };
  // A refused reservation is logged as debug only, a conflict (the key exists) and a 5xx alike.
  const reserve = /^::debug::Failed to reserve cache: (.*)$/m.exec(run.stdout)?.[1] ?? '';
  if (/\(409\)|already.exists/i.test(reserve)) return { status: 'exists', ms };
  return { status: 'failed', reason: problems[0] ?? (reserve || 'not saved'), ms };
}

/** Where the worker's bundle is: beside main's (dist/main → dist/cache). */
export const workerScript = () => path.join(__dirname, '..', 'cache', 'index.js');

/** At most this many calls in all: a limit that keeps refusing is given up on. */
const MAX_CALLS = 3;

/**
 * One restore or save, in the worker. Met with GitHub's rate limit, it waits as Retry-After says
 * and tries again when that fits in its time bound; else it fails with a reason that says
 * "rate-limited" (its caller's one warning).
 */
export async function runCacheWorker(
  exec: Exec,
  request: WorkerRequest,
  o: { root: string; env: NodeJS.ProcessEnv; timeoutMs: number; script?: string },
): Promise<CacheCall> {
  const started = Date.now();
  const left = () => o.timeoutMs - (Date.now() - started);
  for (let calls = 1; ; calls++) {
    const call = await runWorkerOnce(exec, request, { ...o, timeoutMs: Math.max(left(), 1) });
    const limited = call.status === 'failed' ? (call.rateLimited ?? null) : null;
    // A refused archive is a miss to its caller, and this one warning, whoever asked.
    if (call.status === 'miss' && call.refused) workflow.warning(call.refused);
    if (limited === null) return { ...call, ms: Date.now() - started };
    const wait = calls < MAX_CALLS ? retryWaitMs(limited, left()) : null;
    if (wait === null) {
      return {
        status: 'failed',
        reason: rateLimitedReason(limited, left()),
        ms: Date.now() - started,
        rateLimited: limited,
      };
    }
    workflow.info(`GitHub's cache rate limit: waiting ${wait / 1000}s, as its Retry-After says`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function runWorkerOnce(
  exec: Exec,
  request: WorkerRequest,
  o: { root: string; env: NodeJS.ProcessEnv; timeoutMs: number; script?: string },
): Promise<CacheCall> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...o.env,
    GITHUB_WORKSPACE: o.root,
    // A stuck segment download gives up within the call's own bound.
    SEGMENT_DOWNLOAD_TIMEOUT_MINS: String(Math.max(1, Math.ceil(o.timeoutMs / 60000))),
  };
  const run = await exec(process.execPath, [o.script ?? workerScript()], {
    cwd: o.root,
    env,
    input: JSON.stringify(request),
    timeoutMs: o.timeoutMs,
  });
  return readWorkerRun(request.op, run, o.timeoutMs, Date.now() - started);
}

/** The fields a save fills in, on a mount's or a local folder's record. */
export interface SaveRecord {
  saved: boolean;
  savedKey: string;
  notSaved: string;
  error: string;
  seconds: { save: number };
}

/** Saves `path` (inside `root`) under `key` and writes what came of it into `r`; a failure is one warning. */
export async function saveInto(
  exec: Exec,
  r: SaveRecord,
  what: string,
  request: { path: string; key: string },
  o: { root: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<void> {
  const call = await runCacheWorker(exec, { op: 'save', ...request }, o);
  r.seconds.save = Math.round(call.ms / 100) / 10;
  if (call.status === 'failed') {
    r.error = `save failed: ${call.reason}`;
    r.notSaved = 'the save failed';
    workflow.warning(`${what}: ${r.error}`);
  } else if (call.status === 'exists') {
    r.notSaved = 'another run saved the same content first';
  } else {
    r.saved = true;
    r.savedKey = request.key;
    workflow.info(`${what}: saved as ${request.key}`);
  }
}
