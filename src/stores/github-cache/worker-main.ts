import * as fs from 'node:fs';
import { RESULT_PREFIX, type WorkerRequest, type WorkerResult } from './worker';

/**
 * Inside the worker process: one restore or save with `@actions/cache`, then one result line. Its
 * cwd and GITHUB_WORKSPACE are the folder that holds `path`, so the archive's entries are relative
 * to that folder and the cache version (a hash of the paths) is the same on every runner.
 */
export async function runWorker(): Promise<void> {
  const request = JSON.parse(fs.readFileSync(0, 'utf8')) as WorkerRequest;
  const cache = await import('@actions/cache');
  let result: WorkerResult;
  if (request.op === 'restore') {
    const matched = await cache.restoreCache([request.path], request.key, request.restoreKeys ?? []);
    result = { matchedKey: matched ?? null };
  } else {
    try {
      result = { cacheId: await cache.saveCache([request.path], request.key) };
    } catch (e) {
      result = { error: (e as Error).message };
    }
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
