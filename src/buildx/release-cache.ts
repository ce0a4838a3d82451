import { releaseCacheKey } from '../stores/github-cache/keys';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCacheWorker } from '../stores/github-cache/worker';
import type { Exec } from '../lib/exec';
import * as workflow from '../runner/commands';

/**
 * A downloaded buildx release kept between jobs in the GitHub cache, as docker/setup-buildx-action
 * does: a pinned version is then downloaded once per repository, not once per job.
 */
export interface ReleaseStore {
  /** Puts the release's binary at `file`; false when the cache has none (or could not answer). */
  restore(version: string, file: string): Promise<boolean>;
  /** Keeps the binary at `file` for later jobs; a failure is a warning. */
  save(version: string, file: string): Promise<void>;
}

/**
 * The folder the entry holds. `@actions/cache` hashes the paths into the entry's version, so this
 * is the same in every job (the tool cache's location is not, and is not under our control).
 */
export function releaseCacheDir(version: string, tmp = os.tmpdir(), arch = os.arch()): string {
  return path.join(tmp, 'buildkit-cache-action', 'buildx', `${version}-${arch}`);
}

/**
 * The GitHub cache through the same `@actions/cache` worker as cache mounts and local folders
 * (src/stores/github-cache/worker.ts): bounded in time, and a failed transfer is one warning, never an
 * `::error::`. Only runs that download buildx start it.
 */
export function githubReleaseStore(
  name: string,
  exec: Exec,
  /** The worker's environment: the runner's own, handed on unchanged (it reads the cache service). */
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): ReleaseStore {
  const call = (op: 'restore' | 'save', version: string) => {
    const dir = releaseCacheDir(version);
    return runCacheWorker(
      exec,
      // A buildx binary is ~60 MB: an archive that expands to more is not one.
      { op, path: path.basename(dir), key: releaseCacheKey(version), maxBytes: 512 * 1024 ** 2 },
      { root: path.dirname(dir), env, timeoutMs },
    );
  };
  return {
    async restore(version, file) {
      const dir = releaseCacheDir(version);
      try {
        // Only what this restore extracts counts, not a file an earlier job left there.
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(path.dirname(dir), { recursive: true });
        const result = await call('restore', version);
        if (result.status === 'failed') {
          workflow.warning(`buildx ${version} could not be restored from the GitHub cache: ${result.reason}`);
        }
        const cached = path.join(dir, name);
        if (result.status !== 'hit' || !fs.existsSync(cached)) return false;
        fs.copyFileSync(cached, file);
        fs.chmodSync(file, 0o755);
        return true;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async save(version, file) {
      const dir = releaseCacheDir(version);
      try {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(file, path.join(dir, name));
        const result = await call('save', version);
        if (result.status === 'failed') {
          workflow.warning(`buildx ${version} could not be saved to the GitHub cache: ${result.reason}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
