import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerConfigDir, readDockerConfig } from '../lib/docker-config';
import type { Exec, ExecResult } from '../lib/exec';
import { failureText, proxyFor } from '../net/http';
import {
  type Buildx,
  buildxPluginCandidates,
  extraPluginDirs,
  pluginBuildx,
  standaloneBuildx,
} from './buildx';
import { parseBuildxVersion } from './parse/version';
import { githubCacheAvailable, githubReleaseStore, type ReleaseStore } from './release-cache';

export class BuildxError extends Error {}

/** `0.29.1` from `v0.29.1`, `0.29` (`0.29.0`) or `0.29.1-rc1`: the version's numbers, else null. */
export function coerceVersion(text: string): string | null {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  return m ? [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number).join('.') : null;
}

/** Orders two versions from {@link coerceVersion}: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

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
  /** The runner's tool cache (default `$RUNNER_TOOL_CACHE`). */
  toolCache?: string;
  /** Keeps downloaded releases between jobs: default the GitHub cache when the job has one; null for none. */
  releaseStore?: ReleaseStore | null;
}

/** The release binary's name inside its tool cache folder. */
const BINARY = os.platform() === 'win32' ? 'buildx.exe' : 'buildx';

function defaultToolCache(): string {
  return process.env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'bkca-tool-cache');
}

/**
 * Where a release lives in the runner's tool cache, in the layout @actions/tool-cache uses
 * (`<cache>/buildx/<version>/<arch>/`, complete once `<arch>.complete` exists), so that a later
 * run on the same runner, ours or another action's, finds it.
 */
export function toolCacheDir(version: string, toolCache: string, arch = os.arch()): string {
  return path.join(toolCache, 'buildx', version, arch);
}

/**
 * Downloads with `@actions/tool-cache` (loaded only now: most runs never download buildx), which
 * goes through the runner's proxy and retries server errors and network failures.
 */
async function downloadRelease(url: string, file: string): Promise<void> {
  const tc = await import('@actions/tool-cache');
  try {
    await tc.downloadTool(url, file);
  } catch (e) {
    if (e instanceof tc.HTTPError) throw new Error(`HTTP ${e.httpStatusCode}`);
    // failureText names the proxy, which a tunnel's errors do not.
    throw Object.assign(e as Error, { proxy: await proxyFor(url) });
  }
}

/**
 * Puts a release binary into its tool cache folder, from the GitHub cache when it has it, else
 * downloaded: staged next to the folder, then renamed, then marked complete, so that a run cut
 * short leaves nothing a later run would take for whole.
 */
async function fetchRelease(
  version: string,
  url: string,
  dir: string,
  store: ReleaseStore | null,
): Promise<'github-cache' | 'download'> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.download-`);
  try {
    const file = path.join(staging, BINARY);
    const restored = store !== null && (await store.restore(version, file));
    if (!restored) {
      try {
        await downloadRelease(url, file);
      } catch (e) {
        throw new Error(`could not be downloaded from ${url}: ${failureText(e)}`);
      }
      fs.chmodSync(file, 0o755);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    fs.writeFileSync(`${dir}.complete`, '');
    return restored ? 'github-cache' : 'download';
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
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
  const binary = buildxPluginCandidates({
    dockerConfigDir: dockerConfigDir(env),
    extraDirs: extraPluginDirs(readDockerConfig(env)),
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
    .map(coerceVersion)
    .filter((v) => v !== null)
    .sort((a, b) => compareVersions(b, a))[0];
  if (current && (!minimum || compareVersions(coerceVersion(current) ?? '0.0.0', minimum) >= 0)) {
    return { buildx: pluginBinary ? standaloneBuildx(pluginBinary, current) : pluginBuildx(current) };
  }
  const have = current ? `buildx ${current}` : 'no docker buildx plugin';
  if (wanted === '') {
    throw new BuildxError(
      `${have} found; ${minimum} or newer is needed. Set buildx-version (e.g. 0.29.1) to install it, or use docker/setup-buildx-action first`,
    );
  }
  const version = coerceVersion(wanted)!;
  const dir = toolCacheDir(version, o.toolCache ?? defaultToolCache());
  const store =
    o.releaseStore !== undefined
      ? o.releaseStore
      : githubCacheAvailable(process.env)
        ? githubReleaseStore(BINARY, exec, process.env)
        : null;
  let source: 'tool-cache' | 'github-cache' | 'download' = 'tool-cache';
  if (!fs.existsSync(`${dir}.complete`)) {
    try {
      source = await fetchRelease(version, releaseUrl(version, o.releasesBase), dir, store);
    } catch (e) {
      throw new BuildxError(`${have} found and buildx ${version} ${(e as Error).message}`);
    }
  }
  const binary = path.join(dir, BINARY);
  const check = await exec(binary, ['version']);
  const installed = check.exitCode === 0 ? parseBuildxVersion(check.stdout) : null;
  if (!installed)
    throw new BuildxError(`the downloaded buildx ${version} does not run: ${check.stderr.trim()}`);
  // Only a binary that runs is kept for later jobs.
  if (source === 'download' && store) await store.save(version, binary);
  const from = source === 'github-cache' ? ' from the GitHub cache' : '';
  return {
    buildx: standaloneBuildx(binary, installed),
    note: `installed buildx ${installed}${from} (${have} on the runner)`,
  };
}
