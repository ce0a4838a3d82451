/** Pure parsers for what buildx prints and writes; tested against recorded real output. */

/** `github.com/docker/buildx v0.29.1 1a2b3c` or Debian's `… 0.29.1+ds1 0.29.1+ds1-4` → `0.29.1`. */
export function parseBuildxVersion(stdout: string): string | null {
  const m = /github\.com\/docker\/buildx\s+v?(\d+\.\d+\.\d+)/.exec(stdout) ?? /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
  return m ? m[1] : null;
}

export interface BuildMetadata {
  /** The build record's ref: the last element of `buildx.build.ref`. */
  ref: string | null;
  digest: string;
  raw: Record<string, unknown>;
}

export function parseMetadata(text: string): BuildMetadata {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const buildRef = typeof raw['buildx.build.ref'] === 'string' ? (raw['buildx.build.ref'] as string) : '';
  const digest = typeof raw['containerimage.digest'] === 'string' ? (raw['containerimage.digest'] as string) : '';
  return { ref: buildRef === '' ? null : (buildRef.split('/').pop() ?? null), digest, raw };
}

interface RawVertex {
  digest: string;
  name?: string;
  cached?: boolean;
  started?: string;
  completed?: string;
  error?: string;
}

/** One Dockerfile instruction as the build ran it. */
export interface BuildStep {
  digest: string;
  /** The vertex name, e.g. `[build 2/3] RUN make`. */
  name: string;
  stage: string;
  platform: string;
  index: number;
  total: number;
  /** `RUN`, `COPY`, `ADD`, `WORKDIR`, … */
  instruction: string;
  /** The instruction's text without the `[stage n/m]` prefix. */
  command: string;
  status: 'cached' | 'executed' | 'failed' | 'not-run';
  durationMs: number;
  error?: string;
}

export interface CacheVertex {
  name: string;
  durationMs: number;
  error?: string;
}

export interface BuildLog {
  steps: BuildStep[];
  /** `importing cache manifest from <ref>`, one per source BuildKit tried. */
  imports: (CacheVertex & { source: string })[];
  /** `exporting cache to …` / `exporting to GitHub Actions Cache` vertices. */
  exports: CacheVertex[];
}

const STEP_NAME = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(\S+)\s*(.*)$/s;

/** Splits the rawjson stream (one JSON document per line, or several run together) into documents. */
function jsonDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    try {
      docs.push(JSON.parse(t));
    } catch {
      // A torn line (the process was cut off) carries nothing we can use.
    }
  }
  return docs;
}

function ms(from?: string, to?: string): number {
  if (!from || !to) return 0;
  const d = Date.parse(to) - Date.parse(from);
  return Number.isFinite(d) && d > 0 ? d : 0;
}

/**
 * Folds `docker buildx history logs --progress rawjson` into steps. A vertex is reported many
 * times as it progresses; it is one step. `[internal]` work, `FROM` resolution and exports are
 * not steps: a step is what a user calls one, an instruction the cache can save.
 */
export function parseRawJsonLog(text: string): BuildLog {
  const merged = new Map<string, RawVertex & { firstStart?: string; lastEnd?: string }>();
  const order: string[] = [];
  for (const doc of jsonDocuments(text)) {
    const vertexes = (doc as { vertexes?: RawVertex[] }).vertexes ?? [];
    for (const v of vertexes) {
      if (!v || typeof v.digest !== 'string') continue;
      let m = merged.get(v.digest);
      if (!m) {
        m = { digest: v.digest };
        merged.set(v.digest, m);
        order.push(v.digest);
      }
      if (v.name) m.name = v.name;
      if (v.cached) m.cached = true;
      if (v.error) m.error = v.error;
      if (v.started && (!m.firstStart || v.started < m.firstStart)) m.firstStart = v.started;
      if (v.completed && (!m.lastEnd || v.completed > m.lastEnd)) m.lastEnd = v.completed;
    }
  }
  const log: BuildLog = { steps: [], imports: [], exports: [] };
  for (const digest of order) {
    const v = merged.get(digest)!;
    const name = v.name ?? '';
    const durationMs = ms(v.firstStart, v.lastEnd);
    const importMatch = /^importing cache manifest from (.*)$/.exec(name);
    if (importMatch) {
      log.imports.push({ name, source: importMatch[1], durationMs, ...(v.error ? { error: v.error } : {}) });
      continue;
    }
    if (/^exporting (cache|to GitHub Actions Cache)/i.test(name)) {
      log.exports.push({ name, durationMs, ...(v.error ? { error: v.error } : {}) });
      continue;
    }
    const m = STEP_NAME.exec(name);
    if (!m) continue;
    const instruction = m[4].toUpperCase();
    if (instruction === 'FROM') continue;
    const prefix = m[1].split(/\s+/).filter((p) => p !== '');
    const platform = prefix.find((p) => p.includes('/')) ?? '';
    const stage = prefix.find((p) => !p.includes('/')) ?? '';
    let status: BuildStep['status'];
    if (v.error) status = 'failed';
    else if (v.cached) status = 'cached';
    else if (v.lastEnd) status = 'executed';
    else status = 'not-run';
    log.steps.push({
      digest,
      name,
      stage,
      platform,
      index: Number(m[2]),
      total: Number(m[3]),
      instruction,
      command: `${m[4]} ${m[5]}`.trim(),
      status,
      durationMs: status === 'executed' || status === 'failed' ? durationMs : 0,
      ...(v.error ? { error: v.error } : {}),
    });
  }
  return log;
}

export interface StepTotals {
  total: number;
  cached: number;
  executed: number;
  /** Cached steps over all steps, 0..1 (1 when there are no steps: nothing had to run). */
  ratio: number;
  executedMs: number;
}

/** Steps that did no work count as cached: the cache (or a cached result downstream) saved them. */
export function stepTotals(steps: BuildStep[]): StepTotals {
  const total = steps.length;
  const executed = steps.filter((s) => s.status === 'executed' || s.status === 'failed').length;
  const cached = total - executed;
  return {
    total,
    cached,
    executed,
    ratio: total === 0 ? 1 : cached / total,
    executedMs: steps.reduce((sum, s) => sum + s.durationMs, 0),
  };
}
