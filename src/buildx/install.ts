import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDockerConfig } from '../lib/docker-config';
import type { Exec, ExecResult } from '../lib/exec';
import { failureText, httpFetch } from '../net/http';
import * as workflow from '../runner/commands';
import {
  type Buildx,
  buildxPluginCandidates,
  extraPluginDirs,
  pluginBuildx,
  standaloneBuildx,
  systemPluginDirs,
} from './buildx';
import { parseBuildxVersion } from './parse/version';
import { githubReleaseStore, type ReleaseStore } from './release-cache';
import type { GithubCacheAccess, RunnerEnvironment } from '../runner/environment';

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

/** Whether `version` (any text {@link coerceVersion} reads; none reads as 0.0.0) is `floor` or newer. */
export function versionAtLeast(version: string, floor: string): boolean {
  return compareVersions(coerceVersion(version) ?? '0.0.0', floor) >= 0;
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
  /** {@link probeBuildx}, started early by the caller. */
  probe: Promise<BuildxProbe>;
  /** The runner's tool cache (`runner.toolCache` of runner/environment.ts). */
  toolCache: string;
  /** Keeps downloaded releases between jobs ({@link releaseStoreFor}); null for none. */
  releaseStore: ReleaseStore | null;
  /** Why this run may not write to the GitHub cache (src/plan/trust.ts): '' when it may keep the release there. */
  saveRefused: string;
  /** The bound on reading a release (its checksums and binary); default {@link RELEASE_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** The wait before a failed download is tried again (times the attempt); default 5 s. */
  retryWaitMs?: number;
}

/** The release binary's name inside its tool cache folder. */
const BINARY = os.platform() === 'win32' ? 'buildx.exe' : 'buildx';

/**
 * The GitHub cache as the release store when the job can reach it, else none. `processEnv` is
 * handed unchanged to the cache worker, which reads the cache service from it.
 */
export function releaseStoreFor(
  exec: Exec,
  environment: { cache: Pick<GithubCacheAccess, 'unavailable'>; processEnv: NodeJS.ProcessEnv },
): ReleaseStore | null {
  return environment.cache.unavailable === ''
    ? githubReleaseStore(BINARY, exec, environment.processEnv)
    : null;
}

/**
 * Where a release lives in the runner's tool cache, in the layout @actions/tool-cache uses
 * (`<cache>/buildx/<version>/<arch>/`, complete once `<arch>.complete` exists), so that a later
 * run on the same runner, ours or another action's, finds it.
 */
export function toolCacheDir(version: string, toolCache: string, arch = os.arch()): string {
  return path.join(toolCache, 'buildx', version, arch);
}

/** A server that accepts and never answers costs at most this, for the binary and its checksum together. */
export const RELEASE_TIMEOUT_MS = 120_000;
const ATTEMPTS = 3;

/** How long reading a release may take in all, and the wait before a failed GET is tried again. */
interface Bound {
  deadline: number;
  timeoutMs: number;
  retryWaitMs: number;
}

/** One GET of a release file, bounded by `deadline`; a 5xx or a network failure is tried again. */
async function downloadFile(url: string, bound: Bound): Promise<Buffer> {
  const { deadline, retryWaitMs } = bound;
  const late = () => new Error(`no answer within ${Math.round(bound.timeoutMs / 1000)}s`);
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) throw late();
    let retryable: Error;
    try {
      const res = await httpFetch(url, { signal: AbortSignal.timeout(left) });
      if (res.ok) return Buffer.from(await res.arrayBuffer());
      retryable = new Error(`HTTP ${res.status}`);
      if (res.status < 500) throw retryable;
    } catch (e) {
      if ((e as Error)?.name === 'TimeoutError') throw late();
      if (/^HTTP [1-4]/.test((e as Error).message)) throw e;
      retryable = e as Error;
    }
    if (attempt === ATTEMPTS) throw retryable;
    await new Promise((r) =>
      setTimeout(r, Math.min(retryWaitMs * attempt, Math.max(deadline - Date.now(), 0))),
    );
  }
}

/** `checksums.txt` beside a release's binaries: `<sha256>  <asset>` lines (`*<asset>` in binary mode). */
export function checksumOf(checksums: string, asset: string): string | null {
  for (const line of checksums.split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(\S+)\s*$/i.exec(line.trim());
    if (m && m[2] === asset) return m[1].toLowerCase();
  }
  return null;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The release's published sha256 of `asset`, read from the release server, never from a cache. */
async function publishedChecksum(base: string, version: string, asset: string, bound: Bound) {
  const url = releaseUrl(version, base, 'checksums.txt');
  let text: string;
  try {
    text = (await downloadFile(url, bound)).toString('utf8');
  } catch (e) {
    throw new Error(`could not be verified: its checksums could not be read from ${url}: ${failureText(e)}`);
  }
  const sum = checksumOf(text, asset);
  if (sum === null) throw new Error(`could not be verified: ${url} lists no checksum for ${asset}`);
  return sum;
}

interface Fetch {
  version: string;
  base: string;
  dir: string;
  store: ReleaseStore | null;
  timeoutMs: number;
  retryWaitMs: number;
}

/**
 * Puts a release binary into its tool cache folder, from the GitHub cache when it has it, else
 * downloaded, either way only once its sha256 matches the release's checksums.txt: a cache entry
 * may have been written by anyone who held a writable token. Staged next to the folder, then
 * renamed, then marked complete, so that a run cut short leaves nothing a later run would take for whole.
 */
async function fetchRelease(f: Fetch): Promise<'github-cache' | 'download'> {
  const bound = { deadline: Date.now() + f.timeoutMs, timeoutMs: f.timeoutMs, retryWaitMs: f.retryWaitMs };
  const asset = releaseAsset(f.version);
  const expected = await publishedChecksum(f.base, f.version, asset, bound);
  fs.mkdirSync(path.dirname(f.dir), { recursive: true });
  const staging = fs.mkdtempSync(`${f.dir}.download-`);
  try {
    const file = path.join(staging, BINARY);
    let source: 'github-cache' | 'download' = 'download';
    if (f.store !== null && (await f.store.restore(f.version, file))) {
      const got = sha256(fs.readFileSync(file));
      if (got === expected) source = 'github-cache';
      else {
        fs.rmSync(file, { force: true });
        workflow.warning(
          `buildx ${f.version} from the GitHub cache does not match the release's checksum (sha256 ${got}, published ${expected}): it is not run, and the release is downloaded instead`,
        );
      }
    }
    if (source === 'download') {
      const url = releaseUrl(f.version, f.base, asset);
      let data: Buffer;
      try {
        data = await downloadFile(url, bound);
      } catch (e) {
        throw new Error(`could not be downloaded from ${url}: ${failureText(e)}`);
      }
      const got = sha256(data);
      if (got !== expected) {
        throw new Error(
          `downloaded from ${url} does not match the release's checksum (sha256 ${got}, published ${expected}): it is not run`,
        );
      }
      fs.writeFileSync(file, data);
    }
    fs.chmodSync(file, 0o755);
    fs.rmSync(f.dir, { recursive: true, force: true });
    fs.renameSync(staging, f.dir);
    fs.writeFileSync(`${f.dir}.complete`, '');
    return source;
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
export async function probeBuildx(
  exec: Exec,
  environment: Pick<RunnerEnvironment, 'docker' | 'buildx'>,
): Promise<BuildxProbe> {
  const { configDir } = environment.docker;
  const binary = buildxPluginCandidates({
    dockerConfigDir: configDir,
    extraDirs: extraPluginDirs(readDockerConfig(configDir)),
    platform: os.platform(),
    systemDirs: systemPluginDirs(os.platform(), environment.buildx.systemPluginDirs),
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
  const { result: probe, binary: pluginBinary } = await o.probe;
  const current = probe.exitCode === 0 ? parseBuildxVersion(probe.stdout) : null;
  const wanted = o.wanted.replace(/^v/, '');
  const minimum = [wanted, o.floor]
    .map(coerceVersion)
    .filter((v) => v !== null)
    .sort((a, b) => compareVersions(b, a))[0];
  if (current && (!minimum || versionAtLeast(current, minimum))) {
    return { buildx: pluginBinary ? standaloneBuildx(pluginBinary, current) : pluginBuildx(current) };
  }
  const have = current ? `buildx ${current}` : 'no docker buildx plugin';
  if (!minimum) {
    throw new BuildxError(
      'no docker buildx plugin found: set buildx-version (e.g. 0.29.1) to have this action install that release, or install buildx first (docker/setup-buildx-action)',
    );
  }
  if (wanted === '') {
    throw new BuildxError(
      `${have} found; ${minimum} or newer is needed. Set buildx-version (e.g. 0.29.1) to install it, or use docker/setup-buildx-action first`,
    );
  }
  const version = coerceVersion(wanted)!;
  const dir = toolCacheDir(version, o.toolCache);
  const store = o.releaseStore;
  let source: 'tool-cache' | 'github-cache' | 'download' = 'tool-cache';
  if (!fs.existsSync(`${dir}.complete`)) {
    try {
      source = await fetchRelease({
        version,
        base: o.releasesBase,
        dir,
        store,
        timeoutMs: o.timeoutMs ?? RELEASE_TIMEOUT_MS,
        retryWaitMs: o.retryWaitMs ?? 5000,
      });
    } catch (e) {
      throw new BuildxError(`${have} found and buildx ${version} ${(e as Error).message}`);
    }
  }
  const binary = path.join(dir, BINARY);
  const check = await exec(binary, ['version']);
  const installed = check.exitCode === 0 ? parseBuildxVersion(check.stdout) : null;
  if (!installed)
    throw new BuildxError(`the downloaded buildx ${version} does not run: ${check.stderr.trim()}`);
  // Only a verified binary that runs is kept for later jobs, and only by a run the trust rule lets write.
  if (source === 'download' && store) {
    if (o.saveRefused) workflow.info(`buildx ${version} is not kept in the GitHub cache: ${o.saveRefused}`);
    else await store.save(version, binary);
  }
  const from = source === 'github-cache' ? ' from the GitHub cache' : '';
  return {
    buildx: standaloneBuildx(binary, installed),
    note: `installed buildx ${installed}${from} (${have} on the runner)`,
  };
}
