import type { Checked } from '../net/head';
import type { Existence } from './narrow';

/**
 * Existence for stores that are asked one entry at a time (s3, azblob): `probe` checks the
 * entries a plan reads, all at once and each once, and `exists` answers from what was found. An
 * entry not probed, or whose check failed, is unknown; `note` says why the first check failed.
 */
export function probedExistence(check: (entry: string) => Promise<Checked>): {
  exists: Existence;
  probe: (entries: string[]) => Promise<void>;
  note: () => string | undefined;
} {
  const found = new Map<string, Checked>();
  return {
    exists: (entry) => found.get(entry)?.exists,
    probe: async (entries) => {
      const todo = [...new Set(entries)].filter((e) => e !== '' && !found.has(e));
      const results = await Promise.all(todo.map(check));
      todo.forEach((e, i) => found.set(e, results[i]));
    },
    note: () => {
      const failed = [...found.values()].find((c): c is Checked & { reason: string } => 'reason' in c);
      return failed && `cache existence not checked (${failed.reason}): those sources are read as planned`;
    },
  };
}
