import * as fs from 'node:fs';
import * as path from 'node:path';
import { exec } from '../../lib/exec';
import { lastLine } from '../../lib/text';
import { archiveRefusal, parseListing } from './archive';
import { DEFAULT_MAX_BYTES, RESULT_PREFIX, type WorkerRequest, type WorkerResult } from './worker';

/**
 * Inside the worker process: one restore or save with `@actions/cache`, then one result line. Its
 * cwd and GITHUB_WORKSPACE are the folder that holds `path`, so the archive's entries are relative
 * to that folder and the cache version (a hash of the paths) is the same on every runner.
 */
export async function runWorker(): Promise<void> {
  const request = JSON.parse(fs.readFileSync(0, 'utf8')) as WorkerRequest;
  let result: WorkerResult;
  try {
    result = request.op === 'restore' ? await restore(request) : { cacheId: await save(request) };
  } catch (e) {
    result = { error: (e as Error).message };
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

async function save(request: WorkerRequest): Promise<number> {
  const cache = await import('@actions/cache');
  return cache.saveCache([request.path], request.key);
}

/**
 * `@actions/cache`'s restoreCache extracts with `tar -P` before anyone can look (see archive.ts),
 * so the restore is its two halves: the package's own lookup and download (the service protocol,
 * v1 or v2), then the archive listed, checked and extracted here without `-P`.
 */
async function restore(request: WorkerRequest): Promise<WorkerResult> {
  const utils = await import('@actions/cache/lib/internal/cacheUtils');
  const compression = await utils.getCompressionMethod();
  const found = await download([request.path], request.key, request.restoreKeys ?? [], compression);
  if (found === null) return { matchedKey: null };
  try {
    const decompress =
      compression === 'gzip'
        ? ['-z']
        : ['--use-compress-program', compression === 'zstd' ? 'unzstd --long=30' : 'unzstd'];
    const listed = await exec('tar', [
      ...decompress,
      '-t',
      '-v',
      '-P',
      '--quoting-style=c',
      '--numeric-owner',
      '-f',
      found.archive,
    ]);
    if (listed.exitCode !== 0)
      return { error: `the archive could not be listed: ${listed.stderr.trim().split('\n')[0]}` };
    const members = parseListing(listed.stdout);
    const refused =
      members === null
        ? 'its listing could not be read'
        : archiveRefusal(members, request.path, request.maxBytes ?? DEFAULT_MAX_BYTES);
    if (refused) return { matchedKey: null, refused: { key: found.matchedKey, why: refused } };
    const extracted = await exec('tar', [
      ...decompress,
      '-x',
      '--no-same-owner',
      '-f',
      found.archive,
      '-C',
      process.cwd(),
    ]);
    if (extracted.exitCode !== 0) {
      return { error: `the archive could not be extracted: ${lastLine(extracted.stderr)}` };
    }
    return { matchedKey: found.matchedKey };
  } finally {
    fs.rmSync(path.dirname(found.archive), { recursive: true, force: true });
  }
}

/** The matching entry's archive in a fresh temp folder, through the package's lookup and download. */
async function download(
  paths: string[],
  key: string,
  restoreKeys: string[],
  compression: Awaited<
    ReturnType<typeof import('@actions/cache/lib/internal/cacheUtils').getCompressionMethod>
  >,
): Promise<{ matchedKey: string; archive: string } | null> {
  const utils = await import('@actions/cache/lib/internal/cacheUtils');
  const { getCacheServiceVersion } = await import('@actions/cache/lib/internal/config');
  const client = await import('@actions/cache/lib/internal/cacheHttpClient');
  const archive = path.join(await utils.createTempDirectory(), utils.getCacheFileName(compression));
  if (getCacheServiceVersion() === 'v2') {
    const { internalCacheTwirpClient } = await import('@actions/cache/lib/internal/shared/cacheTwirpClient');
    const version = utils.getCacheVersion(paths, compression);
    const found = await internalCacheTwirpClient().GetCacheEntryDownloadURL({ key, restoreKeys, version });
    if (!found.ok) return null;
    await client.downloadCache(found.signedDownloadUrl, archive, { useAzureSdk: true });
    return { matchedKey: found.matchedKey, archive };
  }
  const entry = await client.getCacheEntry([key, ...restoreKeys], paths, { compressionMethod: compression });
  if (!entry?.archiveLocation) return null;
  await client.downloadCache(entry.archiveLocation, archive);
  return { matchedKey: entry.cacheKey ?? key, archive };
}
