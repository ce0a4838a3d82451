import { isObject, num, str } from './json';
import { type Material, material } from './metadata';
import { parseErrorSource, type SourceLocation } from './errors';
import { provenanceAttachments } from './provenance';
/** Pure parser of `docker buildx history inspect --format json`; tested against recorded real output. */

export interface BuildRecordError {
  message: string;
  /** The failing vertex, e.g. `[build 3/4] RUN make`; empty when the record does not name one. */
  step: string;
  location: SourceLocation | null;
  /** The step's last output lines. Build output can hold anything: never put it in the report. */
  logs: string[];
}

/** `docker buildx history inspect <ref> --format json`, the parts the report uses. */
export interface BuildRecord {
  ref: string;
  name: string;
  /** `completed`, `failed`, `canceled`, `running`. */
  status: string;
  durationMs: number;
  error: BuildRecordError | null;
  /** The FROM images and other inputs as resolved; the record has none for a failed build. */
  materials: Material[];
  platforms: string[];
  /** Values can be anything the user passed: compare them, never report them. */
  buildArgs: { name: string; value: string }[];
  /**
   * BuildKit's own counts. Their total includes `[internal]` and FROM vertices and exports, so
   * they are not the step counts of the report.
   */
  numCachedSteps: number;
  numTotalSteps: number;
  /** The provenance attachments, one per platform: their LLB lists the cache mounts used. */
  provenanceDigests: string[];
}

/** buildx prints Go structs: `Error.Message`; accept `message` too. */
function field(o: Record<string, unknown>, name: string): unknown {
  return o[name] ?? o[name.charAt(0).toLowerCase() + name.slice(1)];
}

/** `[]byte` fields are base64 in buildx's JSON; a snippet already in plain text is read as is. */
function sourceLocation(v: unknown): SourceLocation | null {
  if (typeof v !== 'string' || v === '') return null;
  return parseErrorSource(Buffer.from(v, 'base64').toString('utf8')) ?? parseErrorSource(v);
}

export function parseHistoryInspect(text: string): BuildRecord | null {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(o)) return null;
  const err = field(o, 'Error');
  let error: BuildRecordError | null = null;
  if (isObject(err)) {
    const logs = field(err, 'Logs');
    error = {
      message: str(field(err, 'Message')),
      step: str(field(err, 'Name')),
      location: sourceLocation(field(err, 'Sources')),
      logs: Array.isArray(logs) ? logs.filter((l): l is string => typeof l === 'string') : [],
    };
  }
  const materials: Material[] = [];
  const rawMaterials = field(o, 'Materials');
  if (Array.isArray(rawMaterials)) {
    for (const m of rawMaterials) {
      if (!isObject(m)) continue;
      const digests = field(m, 'Digests');
      const digest = Array.isArray(digests) ? str(digests[0]) : '';
      materials.push(material(str(field(m, 'URI')), digest));
    }
  }
  const platforms = field(o, 'Platform');
  const args = field(o, 'BuildArgs');
  return {
    ref: str(field(o, 'Ref')),
    name: str(field(o, 'Name')),
    status: str(field(o, 'Status')),
    durationMs: Math.round(num(field(o, 'Duration')) / 1e6),
    error,
    materials,
    platforms: Array.isArray(platforms) ? platforms.filter((p): p is string => typeof p === 'string') : [],
    buildArgs: Array.isArray(args)
      ? args.filter(isObject).map((a) => ({ name: str(field(a, 'Name')), value: str(field(a, 'Value')) }))
      : [],
    numCachedSteps: num(field(o, 'NumCachedSteps')),
    numTotalSteps: num(field(o, 'NumTotalSteps')),
    provenanceDigests: provenanceAttachments(field(o, 'Attachments')),
  };
}
