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

/** GitHub's limit, named where an export meets it. */
export const GHA_RATE_LIMIT = "GitHub's cache rate limit (200 new entries a minute per repository)";

/** A refusal for going too fast: HTTP 429, Twirp's `resource_exhausted` (as BuildKit's gha client words it). */
export const isRateLimited = (error: string) =>
  /resource_exhausted|\b429\b|too many requests|rate.limit/i.test(error);

/** One known cause of a failed export each: its words for users, or undefined when it is not the cause. */
const EXPORT_CAUSES: ((why: string) => string | undefined)[] = [
  (why) => {
    const store = missingStore(why);
    return store === undefined
      ? undefined
      : `this builder's BuildKit has no ${store} cache exporter (${why}); the docker driver's BuildKit, inside dockerd, has none for s3 or azblob: use driver docker-container or remote`;
  },
  (why) =>
    isRateLimited(why)
      ? `${GHA_RATE_LIMIT} was reached: GitHub refused this export's new entries (429), so this cache was not written; the next run writes it`
      : undefined,
];

/** Why an export failed, as users can act on it: a known cause's words, else BuildKit's own. */
export function exportFailure(why: string): string {
  for (const cause of EXPORT_CAUSES) {
    const said = cause(why);
    if (said !== undefined) return said;
  }
  return why;
}
