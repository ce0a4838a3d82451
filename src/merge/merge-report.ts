/** What a merge leg recorded, and what the merge job made of the records: types only. */

/** One leg's record: the digest it pushed and how much of it the cache saved. */
export interface LegRecord {
  version: 1;
  /** The repository the leg pushed to: the merge's sources are `<image>@<digest>`. */
  image: string;
  platform: string;
  digest: string;
  /** The leg's cache name part (`linux-arm64`). */
  leg: string;
  steps: { cached: number; total: number; ratio: number };
  /** The run attempt that built it (a re-run leg's record replaces the first). */
  attempt: string;
  /** The tag it pushed under when its builder could not push by digest: the merge removes it. */
  pushTag?: string;
}

/** The `merge` field of `cache-report`. */
export interface MergeReport {
  role: 'leg' | 'index';
  /** Why nothing was recorded or merged ('' when it was). */
  skipped: string;
  /** The legs' records: this leg's own on a leg, every one found on the merge. */
  legs: LegRecord[];
  /** Platforms the merge found no record for. */
  missing: string[];
  /** Legs' push tags the merge could not remove, with why. */
  leftTags?: string[];
  /** The index the merge pushed ('' on a leg or when none was). */
  digest: string;
  tags: string[];
}
