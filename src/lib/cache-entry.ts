/**
 * A BuildKit cache entry, `type=registry,ref=host/name:tag,mode=max`: comma-separated `key=value`
 * fields, read as CSV the way buildx reads them, so a field may be quoted to hold a comma
 * (`"dest=/tmp/a,b"`), with `""` for a quote inside quotes. This reader is also lenient where
 * buildx is strict: a quote may open anywhere in a field (`dest="/tmp/x y"`), and keys and values
 * are trimmed. A hand loop, not csv-parse: csv-parse refuses a quote that opens inside a field, or
 * (relaxQuotes) keeps it as a character, where the action has always read `dest="/tmp/x y"` as
 * `/tmp/x y`.
 */

/** One field of an entry. */
export interface CacheEntryField {
  /** The field as written, quotes and all: joining these with commas gives back the entry. */
  text: string;
  /** Before the first `=`, trimmed; '' for a field that names no key. */
  key: string;
  /** After the first `=`, trimmed. */
  value: string;
}

/** The fields of an entry, in order, split at the commas outside quotes. */
export function cacheEntryFields(entry: string): CacheEntryField[] {
  const fields: CacheEntryField[] = [];
  let start = 0;
  let unquoted = '';
  let quoted = false;
  const end = (at: number) => {
    const eq = unquoted.indexOf('=');
    const [key, value] = eq > 0 ? [unquoted.slice(0, eq), unquoted.slice(eq + 1)] : ['', unquoted];
    fields.push({ text: entry.slice(start, at), key: key.trim(), value: value.trim() });
    start = at + 1;
    unquoted = '';
  };
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i];
    if (c === '"' && quoted && entry[i + 1] === '"') unquoted += entry[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) end(i);
    else unquoted += c;
  }
  end(entry.length);
  return fields;
}

/** An entry's attributes by key; a key given twice keeps its last value, as in buildx. */
export function cacheEntryAttributes(entry: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const f of cacheEntryFields(entry)) if (f.key !== '') attrs[f.key] = f.value;
  return attrs;
}

/** An entry's `type=` (`registry`, `gha`, `inline`, …), wherever it stands; '' without one. */
export const cacheEntryType = (entry: string): string => cacheEntryAttributes(entry).type ?? '';

/**
 * Attributes → an entry. A field is quoted only when it must be, and then whole (`"dest=a,b"`):
 * buildx's CSV reader refuses a quote that opens inside a field.
 */
export function formatCacheEntry(attributes: ReadonlyArray<readonly [string, string]>): string {
  return attributes
    .map(([key, value]) => {
      const field = `${key}=${value}`;
      return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
    })
    .join(',');
}
