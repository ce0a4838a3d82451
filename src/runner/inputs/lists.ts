import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from './types';

/**
 * List inputs, read the way docker/build-push-action reads them (its toolkit's input-list reader):
 * the whole input is one CSV text, so a quoted entry may hold commas and newlines and loses its
 * quotes; an unquoted line is split at its commas unless the input keeps them; empty entries go.
 * Lines starting with `#` are entries too, as there.
 */
export interface ListRule {
  /** Commas stay inside an entry (`MY_ARG=a,b,c` is one build arg). */
  keepCommas: boolean;
  /** Quotes are plain characters (outputs: `type=image,"name=a,b"` reaches buildx as written). */
  literalQuotes?: boolean;
  /** Entries keep their surrounding whitespace (secret values). */
  untrimmed?: boolean;
}

const SPLIT: ListRule = { keepCommas: false };
const KEEP: ListRule = { keepCommas: true };

/** Every list input and how it is read: build-push-action's rule for its inputs, then this action's own. */
export const LIST_RULES = {
  'add-hosts': SPLIT,
  allow: SPLIT,
  annotations: KEEP,
  attests: KEEP,
  'build-args': KEEP,
  'build-contexts': KEEP,
  'cache-from': KEEP,
  'cache-to': KEEP,
  labels: KEEP,
  'no-cache-filters': SPLIT,
  outputs: { keepCommas: true, literalQuotes: true },
  platforms: SPLIT,
  secrets: { keepCommas: true, untrimmed: true },
  'secret-envs': SPLIT,
  'secret-files': KEEP,
  ssh: SPLIT,
  tags: SPLIT,
  ulimit: KEEP,
  // setup-buildx-action reads driver-opts with commas kept and quotes as written.
  'driver-opts': { keepCommas: true, literalQuotes: true },
  'cache-read-legs': SPLIT,
  'cache-options': SPLIT,
  'cache-mounts': SPLIT,
  'bake-targets': SPLIT,
} as const satisfies Record<string, ListRule>;

export type ListInput = keyof typeof LIST_RULES;

interface Row {
  fields: string[];
  /** The line the row ends on (1-based), to tell which lines were empty. */
  endLine: number;
}

function rows(name: string, raw: string, rule: ListRule): Row[] {
  try {
    const parsed = parseCsv(raw, {
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      info: true,
      ...(rule.literalQuotes ? { quote: false } : {}),
    }) as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ fields: record, endLine: info.lines }));
  } catch (e) {
    throw new InputError(name, `cannot read the list: ${(e as Error).message}`);
  }
}

function entriesOfRow(fields: string[], rule: ListRule): string[] {
  if (rule.keepCommas) return [fields.join(',')];
  return fields.length === 1 ? fields[0].split(',') : fields;
}

/** The entries of a list input (`raw` as the runner gives it, untrimmed). */
export function inputList(name: ListInput, raw: string): string[] {
  const rule: ListRule = LIST_RULES[name];
  const text = rule.untrimmed ? raw : raw.trim();
  if (text === '') return [];
  return rows(name, text, rule)
    .flatMap((r) => entriesOfRow(r.fields, rule))
    .filter((e) => e !== '')
    .map((e) => (rule.untrimmed ? e : e.trim()));
}

/** A secret's id: what BuildKit accepts and `RUN --mount=type=secret,id=…` names. */
const SECRET_START = /^([A-Za-z0-9_.-]+)=([\s\S]*)$/;

/**
 * `secrets`: `id=value` entries as build-push-action reads them (quoted entries may span lines),
 * and one thing more: an unquoted value that goes on over the next lines (a PEM key pasted as it
 * is) stays whole, blank lines included, where build-push-action keeps only its first line. A
 * line continues the entry before it unless it starts a new `id=`.
 */
export function secretList(raw: string): { id: string; value: string }[] {
  const name = 'secrets';
  if (raw.trim() === '') return [];
  const entries: { id: string; value: string; endLine: number }[] = [];
  for (const row of rows(name, raw, LIST_RULES.secrets)) {
    const text = row.fields.join(',');
    const start = SECRET_START.exec(text);
    const last = entries[entries.length - 1];
    if (start) {
      entries.push({ id: start[1], value: start[2], endLine: row.endLine });
    } else if (last && !text.includes('\n')) {
      // An unquoted continuation line: the lines skipped since the entry's last one were empty.
      last.value += '\n'.repeat(row.endLine - last.endLine) + text;
      last.endLine = row.endLine;
    } else if (text.trim() !== '') {
      throw new InputError(name, 'expected entries of the form id=value (one per line, or quoted)');
    }
  }
  // A quoted value keeps its trailing newlines: an OpenSSH private key needs its last one.
  return entries.map(({ id, value }) => ({ id, value }));
}

/** `id=value` entries of a list input (secret-envs, secret-files), refusing any without both. */
export function keyValueList(name: ListInput, raw: string): { key: string; value: string }[] {
  return inputList(name, raw).map((entry) => {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      throw new InputError(name, `expected entries of the form id=value, got ${JSON.stringify(entry)}`);
    }
    return { key: entry.slice(0, eq).trim(), value: entry.slice(eq + 1).trim() };
  });
}
