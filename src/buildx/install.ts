import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as ToolCache from '@actions/tool-cache';
import * as semver from 'semver';
import { dockerConfigDir } from '../docker-config';
import type { Exec, ExecResult } from '../exec';
import {
  type Buildx,
  buildxPluginCandidates,
  extraPluginDirs,
  pluginBuildx,
  standaloneBuildx,
} from './buildx';
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
  /** {@link probeBuildx}, when the caller started it early. */
  probe?: Promise<BuildxProbe>;
}

/** `buildx version` as the plugin binary answered it ('' binary: through `docker buildx`). */
export interface BuildxProbe {
  result: ExecResult;
  binary: string;
}

/**
 * Asks the buildx the docker CLI would run for its version: the plugin binary itself when it is
 * found where the CLI looks (see buildxPluginCandidates), else `docker buildx version`.
 */
export async function probeBuildx(exec: Exec, env: NodeJS.ProcessEnv): Promise<BuildxProbe> {
  const configDir = dockerConfigDir(env);
  let config: string | null = null;
  try {
    config = fs.readFileSync(path.join(configDir, 'config.json'), 'utf8');
  } catch {
    // No config file: the defaults apply.
  }
  const binary = buildxPluginCandidates({
    dockerConfigDir: configDir,
    extraDirs: extraPluginDirs(config),
    platform: os.platform(),
  }).find((file) => fs.existsSync(file));
  if (binary) {
    const result = await exec(binary, ['version']);
    if (result.exitCode === 0) return { result, binary };
  }
  return { result: await exec('docker', ['buildx', 'version']), binary: '' };
}

/**
 * Finds a buildx that is new enough: the runner's CLI plugin when it is, otherwise the requested
 * release, downloaded once into the tool cache.
 */
export async function ensureBuildx(exec: Exec, o: EnsureOptions): Promise<{ buildx: Buildx; note?: string }> {
  const { result: probe, binary: pluginBinary } = await (o.probe ?? probeBuildx(exec, process.env));
  const current = probe.exitCode === 0 ? parseBuildxVersion(probe.stdout) : null;
  const wanted = o.wanted.replace(/^v/, '');
  const minimum = [wanted, o.floor]
    .filter((v) => semver.valid(semver.coerce(v)))
    .sort((a, b) => semver.compare(semver.coerce(b)!, semver.coerce(a)!))[0];
  if (current && (!minimum || semver.gte(current, semver.coerce(minimum)!))) {
    return { buildx: pluginBinary ? standaloneBuildx(pluginBinary, current) : pluginBuildx(current) };
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
