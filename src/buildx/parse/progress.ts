import { isCanceled } from './errors';
/**
 * Pure parser of the rawjson progress log (`docker buildx history logs --progress rawjson`): steps,
 * cache imports and exports, base images; tested against recorded real output.
 */

interface RawVertex {
  digest: string;
  inputs?: string[];
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
  /** `canceled`: it started but the build stopped it when another step failed. */
  status: 'cached' | 'executed' | 'failed' | 'canceled' | 'not-run';
  durationMs: number;
  /** When BuildKit first reported it (RFC 3339), or empty when it never started. */
  startedAt: string;
  /** Digests of the vertices it builds on: the previous step, a `COPY --from` stage, the context. */
  inputs: string[];
  error?: string;
}

export interface CacheVertex {
  name: string;
  durationMs: number;
  error?: string;
}

/** A stage's `FROM` image as the build resolved it (`[base 1/2] FROM img:tag@sha256:…`). */
export interface BaseImage {
  /** The FROM vertex: a stage's first step lists it among its inputs. */
  vertex: string;
  /** Empty when only a concurrent build named the vertex (or several stages share it). */
  stage: string;
  platform: string;
  image: string;
  digest: string;
}

export interface BuildLog {
  /** Steps in build order: by when they started, then by their place in the graph. */
  steps: BuildStep[];
  /** `importing cache manifest from <ref>`, one per source BuildKit tried. */
  imports: (CacheVertex & { source: string })[];
  /** `exporting cache to …` / `exporting to GitHub Actions Cache` vertices. */
  exports: CacheVertex[];
  bases: BaseImage[];
}

const STEP_NAME = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(\S+)\s*(.*)$/s;

/** The parts of a step's vertex name; null for names that are not a Dockerfile step. */
export function parseStepName(
  name: string,
): Pick<BuildStep, 'stage' | 'platform' | 'index' | 'total' | 'instruction' | 'command'> | null {
  const m = STEP_NAME.exec(name);
  if (!m) return null;
  const prefix = m[1].split(/\s+/).filter((p) => p !== '');
  return {
    platform: prefix.find((p) => p.includes('/')) ?? '',
    stage: prefix.find((p) => !p.includes('/')) ?? '',
    index: Number(m[2]),
    total: Number(m[3]),
    instruction: m[4].toUpperCase(),
    command: `${m[4]} ${m[5]}`.trim(),
  };
}

/** Splits the rawjson stream (one JSON document per line, or several run together) into documents. */
export function jsonDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      docs.push(JSON.parse(t));
      continue;
    } catch {
      // Several documents on one line, or a torn line (the process was cut off).
    }
    let depth = 0;
    let inString = false;
    let escaped = false;
    let start = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') {
        if (depth === 0) start = i;
        depth++;
      } else if (c === '}' && depth > 0 && --depth === 0) {
        try {
          docs.push(JSON.parse(t.slice(start, i + 1)));
        } catch {
          // Not JSON after all: skip it.
        }
      }
    }
  }
  return docs;
}

/**
 * RFC 3339 with nanoseconds → microseconds since the epoch. Comparing the strings is wrong
 * (BuildKit trims trailing zeros: `…29.15Z` is earlier than `…29.1543Z`), and Date.parse keeps
 * only milliseconds, which cannot order steps BuildKit reports in the same millisecond.
 */
export function timeMicros(ts: string): number {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(ts);
  if (!m) {
    const t = Date.parse(ts);
    return Number.isFinite(t) ? t * 1000 : NaN;
  }
  const seconds = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(seconds)) return NaN;
  return seconds * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
}

function ms(from?: string, to?: string): number {
  if (!from || !to) return 0;
  const d = (timeMicros(to) - timeMicros(from)) / 1000;
  return Number.isFinite(d) && d > 0 ? Math.round(d) : 0;
}

interface Merged extends RawVertex {
  firstStart?: string;
  firstStartUs?: number;
  lastEnd?: string;
  lastEndUs?: number;
}

/**
 * Folds `docker buildx history logs --progress rawjson` into steps. A vertex is reported many
 * times as it progresses; it is one step. `[internal]` work, `FROM` resolution and exports are
 * not steps: a step is what a user calls one, an instruction the cache can save.
 *
 * On a shared engine a vertex this build has in common with a concurrent build (the same base
 * image, the same step) also carries that build's earlier progress, under that build's name.
 * Entries that started before this build loaded its definition are that build's: they set no
 * time, status or name here. The vertex list BuildKit sends first names vertices as this build does.
 */
export function parseRawJsonLog(text: string): BuildLog {
  const entries = rawVertices(text);
  const merged = mergeVertices(entries, ownedByThisBuild(entries));
  const log: BuildLog = { steps: [], imports: [], exports: [], bases: [] };
  for (const v of merged.values()) addVertex(log, v);
  sortSteps(log.steps, merged);
  return log;
}

/** Every vertex report of the stream, in order. */
function rawVertices(text: string): RawVertex[] {
  const entries: RawVertex[] = [];
  for (const doc of jsonDocuments(text)) {
    const vertexes = (doc as { vertexes?: unknown }).vertexes;
    if (!Array.isArray(vertexes)) continue;
    for (const v of vertexes as RawVertex[]) if (v && typeof v.digest === 'string') entries.push(v);
  }
  return entries;
}

/**
 * This build starts by loading its definition. Progress from before that belongs to another
 * build that shared a vertex with this one (seen with a concurrent build of the same base).
 */
function ownedByThisBuild(entries: RawVertex[]): (v: RawVertex) => boolean {
  const loads = entries
    .filter((v) => v.started && /^\[internal\] load build definition/.test(v.name ?? ''))
    .map((v) => timeMicros(v.started!));
  const buildStart = loads.length > 0 ? Math.min(...loads) : -Infinity;
  return (v) => !v.started || !(timeMicros(v.started) < buildStart);
}

type MergedVertex = Merged & { listed?: string; foreign?: string };
type StepName = NonNullable<ReturnType<typeof parseStepName>>;

/** The reports of each vertex folded into one: its names, cache hit, error, first start and last end. */
function mergeVertices(entries: RawVertex[], ours: (v: RawVertex) => boolean): Map<string, MergedVertex> {
  const merged = new Map<string, MergedVertex>();
  for (const v of entries) {
    let m = merged.get(v.digest);
    if (!m) {
      m = { digest: v.digest };
      merged.set(v.digest, m);
    }
    if (Array.isArray(v.inputs) && !m.inputs) m.inputs = v.inputs.filter((i) => typeof i === 'string');
    if (!ours(v)) {
      if (v.name && !m.foreign) m.foreign = v.name;
      continue;
    }
    foldReport(m, v);
  }
  return merged;
}

/** One report of this build's into its vertex. */
function foldReport(m: MergedVertex, v: RawVertex): void {
  // The vertex list BuildKit sends first (no times) names the vertices as this build does.
  if (v.name && !v.started && !m.listed) m.listed = v.name;
  if (v.name && !m.name) m.name = v.name;
  if (v.cached) m.cached = true;
  if (v.error) m.error = v.error;
  const start = v.started ? timeMicros(v.started) : NaN;
  if (Number.isFinite(start) && (m.firstStartUs === undefined || start < m.firstStartUs)) {
    m.firstStart = v.started;
    m.firstStartUs = start;
  }
  const end = v.completed ? timeMicros(v.completed) : NaN;
  if (Number.isFinite(end) && (m.lastEndUs === undefined || end > m.lastEndUs)) {
    m.lastEnd = v.completed;
    m.lastEndUs = end;
  }
}

/** A cache import's vertex name: the source follows (what the import watch and the log both read). */
const IMPORT_VERTEX = /^importing cache manifest from (.*)$/s;

/** A vertex into the log: a cache import, a cache export, a base image, a step, or nothing. */
function addVertex(log: BuildLog, v: MergedVertex): void {
  // Only another build named it: its stage is that build's, not this one's.
  const foreign = !v.listed && !v.name;
  const name = v.listed ?? v.name ?? v.foreign ?? '';
  const durationMs = ms(v.firstStart, v.lastEnd);
  const error = v.error ? { error: v.error } : {};
  const importMatch = IMPORT_VERTEX.exec(name);
  if (importMatch) {
    log.imports.push({ name, source: importMatch[1], durationMs, ...error });
    return;
  }
  if (/^exporting (cache|to GitHub Actions Cache)/i.test(name)) {
    log.exports.push({ name, durationMs, ...error });
    return;
  }
  const parts = parseStepName(name);
  if (!parts) return;
  if (parts.instruction === 'FROM') log.bases.push(baseOf(v.digest, parts, foreign));
  else log.steps.push(stepOf(v, name, parts, durationMs));
}

/** A `FROM` vertex: the base image it resolved. */
function baseOf(vertex: string, parts: StepName, foreign: boolean): BuildLog['bases'][number] {
  const ref = parts.command.replace(/^FROM\s+/i, '').split(/\s+/)[0];
  const at = ref.lastIndexOf('@');
  return {
    vertex,
    stage: foreign ? '' : parts.stage,
    platform: foreign ? '' : parts.platform,
    image: at > 0 ? ref.slice(0, at) : ref,
    digest: at > 0 ? ref.slice(at + 1) : '',
  };
}

/** An instruction's vertex: a step, with what became of it. */
function stepOf(v: MergedVertex, name: string, parts: StepName, durationMs: number): BuildStep {
  let status: BuildStep['status'];
  if (v.error) status = isCanceled(v.error) ? 'canceled' : 'failed';
  else if (v.cached) status = 'cached';
  else if (v.lastEnd) status = 'executed';
  else status = 'not-run';
  return {
    digest: v.digest,
    name,
    ...parts,
    status,
    durationMs: status === 'executed' || status === 'failed' || status === 'canceled' ? durationMs : 0,
    startedAt: v.firstStart ?? '',
    inputs: v.inputs ?? [],
    ...(v.error ? { error: v.error } : {}),
  };
}

/** In the order they ran; depth in the graph orders steps BuildKit reports at the same instant (a fully cached build). */
function sortSteps(steps: BuildStep[], merged: Map<string, MergedVertex>): void {
  const depths = new Map<string, number>();
  const depth = (digest: string, seen: Set<string>): number => {
    const known = depths.get(digest);
    if (known !== undefined) return known;
    if (seen.has(digest)) return 0;
    seen.add(digest);
    const inputs = merged.get(digest)?.inputs ?? [];
    const d = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map((i) => depth(i, seen)));
    depths.set(digest, d);
    return d;
  };
  const startOf = (s: BuildStep) => merged.get(s.digest)?.firstStartUs ?? Infinity;
  steps.sort(
    (a, b) =>
      startOf(a) - startOf(b) ||
      depth(a.digest, new Set()) - depth(b.digest, new Set()) ||
      a.platform.localeCompare(b.platform) ||
      a.stage.localeCompare(b.stage) ||
      a.index - b.index,
  );
}

/** An import starting or ending in buildx's streamed progress, by vertex. */
export type ImportProgress = { vertex: string; source: string } | { vertex: string; ended: true };

const PLAIN_IMPORT = /^#(\d+) importing cache manifest from (\S.*)$/;
const PLAIN_END = /^#(\d+) (?:DONE|ERROR|CACHED|CANCELED)\b/;

/**
 * What one line of `buildx build`'s streamed progress says of cache imports: plain (`#5 importing
 * cache manifest from …`, then `#5 DONE 0.1s` / `ERROR` / `CANCELED`) or rawjson (a vertex named
 * so, `completed` once it ended). Any vertex's end is reported; the caller knows which it watches.
 */
export function importProgressOf(line: string): ImportProgress[] {
  const text = line.trimEnd();
  const start = PLAIN_IMPORT.exec(text);
  if (start) return [{ vertex: `#${start[1]}`, source: start[2] }];
  const end = PLAIN_END.exec(text);
  if (end) return [{ vertex: `#${end[1]}`, ended: true }];
  if (!text.startsWith('{') || !text.includes('"vertexes"')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const vertexes = (doc as { vertexes?: unknown })?.vertexes;
  if (!Array.isArray(vertexes)) return [];
  const out: ImportProgress[] = [];
  for (const v of vertexes as RawVertex[]) {
    if (!v || typeof v.digest !== 'string') continue;
    if (v.completed) out.push({ vertex: v.digest, ended: true });
    else {
      const m = IMPORT_VERTEX.exec(v.name ?? '');
      if (m) out.push({ vertex: v.digest, source: m[1] });
    }
  }
  return out;
}
