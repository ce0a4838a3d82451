/** One build record as `docker buildx history ls --format json` lists it, its fields checked. */
export interface ListedRecord {
  /** The record's own id (the last part of buildx's `builder/node/id`). */
  ref: string;
  name: string;
  status: string;
  /** The record's `created_at`, as epoch milliseconds (NaN when absent). */
  createdAt: number;
  /** `created_at` as buildx wrote it ('' when absent). */
  createdText: string;
}

/**
 * The records of a builder's history, newest first. Another job wrote them: each field is read as
 * data and checked for its type; lines that are not a record (a warning buildx adds) are skipped.
 * Pure; the one reader of this listing (warmth and the failed build's own record both use it).
 */
export function parseHistoryList(listing: string): ListedRecord[] {
  const records: ListedRecord[] = [];
  for (const line of listing.split('\n')) {
    let r: { ref?: unknown; name?: unknown; status?: unknown; created_at?: unknown };
    try {
      r = JSON.parse(line) as typeof r;
    } catch {
      continue;
    }
    if (r === null || typeof r !== 'object' || typeof r.ref !== 'string') continue;
    const createdText = typeof r.created_at === 'string' ? r.created_at : '';
    records.push({
      ref: r.ref.split('/').pop() ?? r.ref,
      name: typeof r.name === 'string' ? r.name : '',
      status: typeof r.status === 'string' ? r.status : '',
      createdAt: createdText ? Date.parse(createdText) : NaN,
      createdText,
    });
  }
  return records;
}
