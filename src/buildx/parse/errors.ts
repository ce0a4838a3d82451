/** Pure readers of BuildKit's error texts: what a failed step, import or export says. */

/** A step's error when the build stopped it because another step failed. */
export const isCanceled = (error: string) => /context canceled|^canceled$|: canceled$/i.test(error);

/** Where in the Dockerfile a failed step is, from the record's source snippet. */
export interface SourceLocation {
  file: string;
  line: number;
  /** The lines BuildKit marked with `>>>`: the failing instruction. */
  text: string;
}

/**
 * The record's `Sources`: the snippet buildx prints under a failed build, e.g.
 * `Dockerfile:8` / `--------------------` / `   8 | >>> RUN …`.
 */
export function parseErrorSource(text: string): SourceLocation | null {
  const lines = text.split('\n');
  const head = lines.findIndex((l) => /^\S.*:\d+(-\d+)?\s*$/.test(l));
  if (head < 0) return null;
  const m = /^(.*):(\d+)(?:-\d+)?\s*$/.exec(lines[head])!;
  const marked = lines
    .slice(head + 1)
    .map((l) => /^\s*\d+\s*\|\s*>>>\s?(.*)$/.exec(l))
    .filter((x): x is RegExpExecArray => x !== null)
    .map((x) => x[1].trim());
  return { file: m[1], line: Number(m[2]), text: marked.join(' ') };
}

/** The store a builder lacks, from BuildKit's "unknown cache importer: s3" / "…exporter: \"s3\"". */
export const missingStore = (error: string) =>
  /unknown cache (?:importer|exporter): "?([\w-]+)"?/.exec(error)?.[1];
