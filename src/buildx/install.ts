import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as ToolCache from '@actions/tool-cache';
import * as semver from 'semver';
import type { Exec, ExecResult } from '../exec';
import { type Buildx, pluginBuildx, standaloneBuildx } from './buildx';
import { parseBuildxVersion } from './parse';

export class BuildxError extends Error {}

/** The GitHub cache service v2 needs buildx 0.21 (url_v2); older buildx silently caches nothing. */
export const GHA_MIN_BUILDX = '0.21.0';

/** The release asset for this machine, e.g. `buildx-v0.29.1.linux-amd64`. */
export function releaseAsset(version: string, platform = os.platform(), arch = os.arch()): string {
  const goArch: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm-v7',
    ppc64: 'ppc64le',
    s390x: 's390x',
  };
  const goOs = platform === 'win32' ? 'windows' : platform;
  return `buildx-v${version}.${goOs}-${goArch[arch] ?? arch}${goOs === 'windows' ? '.exe' : ''}`;
}

export function releaseUrl(version: string, base: string, asset = releaseAsset(version)): string {
  return `${base.replace(/\/+$/, '')}/v${version}/${asset}`;
}

export interface EnsureOptions {
  /** `buildx-version`: the minimum wanted; '' for no wish. */
  wanted: string;
  /** The minimum the chosen backend needs (0.21 for gha). */
  floor: string;
  /** Where releases are downloaded from. */
  releasesBase: string;
  /** `docker buildx version`, when the caller started it early (it takes ~0.2 s). */
  probe?: Promise<ExecResult>;
}

/**
 * Finds a buildx that is new enough: the runner's CLI plugin when it is, otherwise the requested
 * release, downloaded once into the tool cache.
 */
export async function ensureBuildx(exec: Exec, o: EnsureOptions): Promise<{ buildx: Buildx; note?: string }> {
  const probe = await (o.probe ?? exec('docker', ['buildx', 'version']));
  const current = probe.exitCode === 0 ? parseBuildxVersion(probe.stdout) : null;
  const wanted = o.wanted.replace(/^v/, '');
  const minimum = [wanted, o.floor]
    .filter((v) => semver.valid(semver.coerce(v)))
    .sort((a, b) => semver.compare(semver.coerce(b)!, semver.coerce(a)!))[0];
  if (current && (!minimum || semver.gte(current, semver.coerce(minimum)!))) {
    return { buildx: pluginBuildx(current) };
  }
  const have = current ? `buildx ${current}` : 'no docker buildx plugin';
  if (wanted === '') {
    throw new BuildxError(
      `${have} found; ${minimum} or newer is needed. Set buildx-version (e.g. 0.29.1) to install it, or use docker/setup-buildx-action first`,
    );
  }
  const version = semver.valid(semver.coerce(wanted))!;
  // Loaded only here: the tool cache and its HTTP client cost every other run ~100 ms at start.
  const tc = require('@actions/tool-cache') as typeof ToolCache;
  let dir = tc.find('buildx', version);
  if (dir === '') {
    const url = releaseUrl(version, o.releasesBase);
    let downloaded: string;
    try {
      downloaded = await tc.downloadTool(url);
    } catch (e) {
      throw new BuildxError(
        `${have} found and buildx ${version} could not be downloaded from ${url}: ${(e as Error).message}`,
      );
    }
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'buildx-'));
    const binary = path.join(staging, os.platform() === 'win32' ? 'buildx.exe' : 'buildx');
    fs.renameSync(downloaded, binary);
    fs.chmodSync(binary, 0o755);
    dir = await tc.cacheDir(staging, 'buildx', version);
  }
  const binary = path.join(dir, os.platform() === 'win32' ? 'buildx.exe' : 'buildx');
  const check = await exec(binary, ['version']);
  const installed = check.exitCode === 0 ? parseBuildxVersion(check.stdout) : null;
  if (!installed)
    throw new BuildxError(`the downloaded buildx ${version} does not run: ${check.stderr.trim()}`);
  return {
    buildx: standaloneBuildx(binary, installed),
    note: `installed buildx ${installed} (${have} on the runner)`,
  };
}
