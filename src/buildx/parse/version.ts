/** Pure parser of what `docker buildx version` prints. */

/** `github.com/docker/buildx v0.29.1 1a2b3c` or Debian's `… 0.29.1+ds1 0.29.1+ds1-4` → `0.29.1`. */
export function parseBuildxVersion(stdout: string): string | null {
  const m =
    /github\.com\/docker\/buildx\s+v?(\d+\.\d+\.\d+)/.exec(stdout) ?? /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
  return m ? m[1] : null;
}
