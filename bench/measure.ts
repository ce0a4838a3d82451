import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../__tests__/e2e/support';
import type { GhaCacheService } from '../test-services/gha-cache';
import type { Config, ConfigId } from './configs';
import type { Storage } from './report';

// Timings of the docker calls a job makes (through a logging shim on PATH) and cache storage.

/**
 * A `docker` on PATH that logs each call (start, end, exit code, arguments) to $BENCH_DOCKER_LOG
 * and runs the real one. bash's EPOCHREALTIME keeps it to one process start per call.
 */
export function writeDockerShim(dir: string, realDocker: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'docker');
  fs.writeFileSync(
    file,
    `#!/bin/bash
s=$EPOCHREALTIME
${JSON.stringify(realDocker)} "$@"
rc=$?
if [ -n "$BENCH_DOCKER_LOG" ]; then
  printf '%s\\t%s\\t%s\\t%s\\n' "$s" "$EPOCHREALTIME" "$rc" "\${*//$'\\n'/ }" >> "$BENCH_DOCKER_LOG"
fi
exit $rc
`,
    { mode: 0o755 },
  );
  return file;
}

export interface DockerCall {
  startMs: number;
  endMs: number;
  exitCode: number;
  args: string;
  kind: 'builder' | 'build' | 'export' | 'history' | 'other';
}

/** What a docker call was for: builder bootstrap, the image build, the cache export, reporting. */
export function callKind(args: string): DockerCall['kind'] {
  if (/^buildx build /.test(args)) return / --cache-to /.test(` ${args} `) ? 'export' : 'build';
  if (/^(version|buildx (version|create|inspect|use|rm|ls))\b/.test(args)) return 'builder';
  if (/^buildx history /.test(args)) return 'history';
  return 'other';
}

export function readDockerLog(file: string): DockerCall[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [s, e, rc, ...rest] = line.split('\t');
      const args = rest.join('\t');
      return {
        startMs: Number(s.replace(',', '.')) * 1000,
        endMs: Number(e.replace(',', '.')) * 1000,
        exitCode: Number(rc),
        args,
        kind: callKind(args),
      };
    });
}

/**
 * What running `slower` costs over `faster`: the median of `rounds` interleaved runs of each,
 * subtracted (never below 0), so that a noisy machine shifts both alike.
 */
async function addedMs(
  slower: () => Promise<unknown>,
  faster: () => Promise<unknown>,
  rounds: number,
): Promise<number> {
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await time(slower));
    b.push(await time(faster));
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return Math.max(0, med(a) - med(b));
}

/** What the shim itself adds to one call: `docker --version` through the shim and without it. */
export function shimCostMs(shim: string, realDocker: string, env: NodeJS.ProcessEnv): Promise<number> {
  return addedMs(
    () => run(shim, ['--version'], { env }),
    () => run(realDocker, ['--version'], { env }),
    15,
  );
}

/**
 * What `NODE_EXTRA_CA_CERTS` (set on this machine for its proxy; a GitHub runner does not set it)
 * costs each node process at start: `node -e 0` with and without it. The benchmark runs the
 * action without it, as a runner would, and reports this figure so it can be added back.
 */
export async function extraCaCertsCostMs(): Promise<{ file: string; ms: number } | null> {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return null;
  const node = (value: string) => () =>
    run(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: value } });
  return { file, ms: Math.round(await addedMs(node(file), node(''), 9)) };
}

export interface RegistryStorage {
  repository: string;
  tags: number;
  /** Bytes reachable from the tags now: what the registry keeps after garbage collection. */
  liveBytes: number;
  /** Bytes of every blob and manifest ever pushed to the repository (no garbage collection). */
  writtenBytes: number | null;
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const MANIFEST_TYPES = new Set(ACCEPT.split(', '));

interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
}

/** Live bytes over the registry API: every tag's manifest, recursively, each digest once. */
async function liveBytes(registry: string, repository: string): Promise<{ tags: number; bytes: number }> {
  const base = `http://${registry}/v2/${repository}`;
  const list = await fetch(`${base}/tags/list`);
  if (list.status === 404) return { tags: 0, bytes: 0 };
  const tags = ((await list.json()) as { tags: string[] | null }).tags ?? [];
  const seen = new Map<string, number>();
  const visitManifest = async (ref: string): Promise<void> => {
    const r = await fetch(`${base}/manifests/${ref}`, { headers: { Accept: ACCEPT } });
    if (!r.ok) throw new Error(`GET ${base}/manifests/${ref}: ${r.status}`);
    const body = Buffer.from(await r.arrayBuffer());
    const digest = r.headers.get('docker-content-digest') ?? ref;
    if (seen.has(digest)) return;
    seen.set(digest, body.length);
    const m = JSON.parse(body.toString('utf8')) as {
      manifests?: Descriptor[];
      layers?: Descriptor[];
      config?: Descriptor;
    };
    for (const d of m.manifests ?? []) {
      if (d.mediaType && MANIFEST_TYPES.has(d.mediaType)) await visitManifest(d.digest);
      else if (!seen.has(d.digest)) seen.set(d.digest, d.size);
    }
    for (const d of [...(m.layers ?? []), ...(m.config ? [m.config] : [])]) {
      if (!seen.has(d.digest)) seen.set(d.digest, d.size);
    }
  };
  for (const tag of tags) await visitManifest(tag);
  return { tags: tags.length, bytes: [...seen.values()].reduce((a, b) => a + b, 0) };
}

/** Bytes ever written, from the registry's filesystem: the repository's blob and manifest links. */
function writtenBytes(dataDir: string, repository: string): number | null {
  const v2 = path.join(dataDir, 'docker', 'registry', 'v2');
  const repoDir = path.join(v2, 'repositories', repository);
  if (!fs.existsSync(repoDir)) return fs.existsSync(v2) ? 0 : null;
  const digests = new Set<string>();
  for (const sub of ['_layers/sha256', '_manifests/revisions/sha256']) {
    const dir = path.join(repoDir, sub);
    if (fs.existsSync(dir)) fs.readdirSync(dir).forEach((d) => digests.add(d));
  }
  let total = 0;
  for (const d of digests) {
    const data = path.join(v2, 'blobs', 'sha256', d.slice(0, 2), d, 'data');
    if (fs.existsSync(data)) total += fs.statSync(data).size;
  }
  return total;
}

export async function registryStorage(
  registry: string,
  repository: string,
  dataDir: string,
): Promise<RegistryStorage> {
  const live = await liveBytes(registry, repository);
  return {
    repository,
    tags: live.tags,
    liveBytes: live.bytes,
    writtenBytes: writtenBytes(dataDir, repository),
  };
}

/** What each configuration's cache holds: its gha entries, its registry repository, or nothing. */
export async function storageOf(
  configs: Config[],
  services: Map<ConfigId, GhaCacheService>,
  registry: string,
  registryData: string,
): Promise<Storage[]> {
  const out: Storage[] = [];
  for (const c of configs) {
    const svc = services.get(c.id);
    if (svc) {
      const entries = svc.entries();
      out.push({
        config: c.id,
        kind: 'gha',
        bytes: entries.reduce((a, e) => a + e.size, 0),
        writtenBytes: null,
        items: entries.length,
      });
    } else if (c.repository) {
      const repo = c.repository.slice(registry.length + 1);
      const s = await registryStorage(registry, repo, registryData);
      out.push({
        config: c.id,
        kind: 'registry',
        bytes: s.liveBytes,
        writtenBytes: s.writtenBytes,
        items: s.tags,
        registry: s,
      });
    } else {
      out.push({ config: c.id, kind: 'none', bytes: 0, writtenBytes: null, items: 0 });
    }
  }
  return out;
}
