/**
 * Variable expansion in one Dockerfile word, as BuildKit's shell lexer does it for flags, ARG and
 * ENV values and FROM lines. Pure. A name the action has no value for (not declared, or an ARG with
 * neither default nor build arg: the base image's ENV may still set it) is "unknown": its bare use
 * cannot be predicted, while the forms with a fallback say what they give when it is unset.
 */

/** A name's value, or undefined when the action cannot know it. */
export type Lookup = (name: string) => string | undefined;

export interface Expanded {
  value: string;
  /** Names whose value was needed and is not known (the value is then not the build's). */
  unknown: string[];
}

/** `${NAME<op>word}`: what each operator gives, for a value that is set and one that is not. */
const OPERATORS: Record<
  string,
  { set: (v: string, word: string) => string; unset: (word: string) => string }
> = {
  ':-': { set: (v, word) => (v === '' ? word : v), unset: (word) => word },
  '-': { set: (v) => v, unset: (word) => word },
  ':+': { set: (v, word) => (v === '' ? '' : word), unset: () => '' },
  '+': { set: (_v, word) => word, unset: () => '' },
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * A shell glob (`*`, `?`, everything else literal, brackets included) as a regular expression, the
 * way BuildKit's lexer matches `${NAME#pattern}` and `${NAME/pattern/word}` (checked against
 * BuildKit: `${V/[ab]/S}` leaves V as it is, `${V/#xa/Q}` anchors nothing).
 */
function globSource(glob: string): string {
  return glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}/-]/g, '\\$&')))
    .join('');
}

/** The shortest or longest prefix (or suffix) of `value` the glob matches, removed. */
function trim(value: string, glob: string, side: 'prefix' | 'suffix', longest: boolean): string {
  const whole = new RegExp(`^${globSource(glob)}$`, 's');
  const lengths = [...Array(value.length + 1).keys()];
  for (const n of longest ? lengths.reverse() : lengths) {
    const part = side === 'prefix' ? value.slice(0, n) : value.slice(value.length - n);
    if (whole.test(part)) return side === 'prefix' ? value.slice(n) : value.slice(0, value.length - n);
  }
  return value;
}

/**
 * `${NAME#p}`, `${NAME##p}`, `${NAME%p}`, `${NAME%%p}`, `${NAME/p/w}`, `${NAME//p/w}` and
 * `${NAME?err}` / `${NAME:?err}` (the value, when it is set): what each gives for a known value.
 * `word` is the part to expand first (the pattern, with the replacement after its `/`).
 */
function patternOperator(rest: string): { word: string; apply: (v: string, word: string) => string } | null {
  const replaceAll = rest.startsWith('//');
  if (rest.startsWith('/')) {
    const body = rest.slice(replaceAll ? 2 : 1);
    if (!body.includes('/')) return null; // BuildKit: "missing '/' in ${}"
    return {
      word: body,
      apply: (v, word) => {
        const slash = word.indexOf('/');
        const [glob, replacement] = [word.slice(0, slash), word.slice(slash + 1)];
        if (glob === '') return v;
        return v.replace(new RegExp(globSource(glob), replaceAll ? 'gs' : 's'), () => replacement);
      },
    };
  }
  for (const [op, side, longest] of [
    ['##', 'prefix', true],
    ['#', 'prefix', false],
    ['%%', 'suffix', true],
    ['%', 'suffix', false],
  ] as const) {
    if (rest.startsWith(op))
      return { word: rest.slice(op.length), apply: (v, glob) => trim(v, glob, side, longest) };
  }
  if (rest.startsWith(':?') || rest.startsWith('?')) return { word: '', apply: (v) => v };
  return null;
}

/** The index of the `}` that closes the `${` opened before `from`, or -1. */
function closingBrace(text: string, from: number, escape: string): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === escape) i++;
    else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Expands `$NAME`, `${NAME}` and `${NAME:-w}`, `${NAME-w}`, `${NAME:+w}`, `${NAME+w}`. */
export function expandWord(text: string, lookup: Lookup, escape = '\\'): Expanded {
  const unknown = new Set<string>();
  let value = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && text[i + 1] === '$') {
      value += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      value += c;
      continue;
    }
    if (text[i + 1] === '{') {
      const end = closingBrace(text, i + 2, escape);
      const name = end === -1 ? null : NAME.exec(text.slice(i + 2, end));
      if (end === -1 || name === null) {
        value += c;
        continue;
      }
      const rest = text.slice(i + 2 + name[0].length, end);
      const op = rest.startsWith(':') ? rest.slice(0, 2) : rest.slice(0, 1);
      const known = lookup(name[0]);
      if (rest === '') {
        if (known === undefined) unknown.add(name[0]);
        value += known ?? '';
      } else if (op in OPERATORS) {
        const word = expandWord(rest.slice(op.length), lookup, escape);
        word.unknown.forEach((u) => unknown.add(u));
        value += known === undefined ? OPERATORS[op].unset(word.value) : OPERATORS[op].set(known, word.value);
      } else {
        const pattern = patternOperator(rest);
        const word = pattern ? expandWord(pattern.word, lookup, escape) : null;
        word?.unknown.forEach((u) => unknown.add(u));
        if (!pattern || !word || known === undefined) unknown.add(name[0]);
        else value += pattern.apply(known, word.value);
      }
      i = end;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1));
    if (name === null) {
      value += c;
      continue;
    }
    const known = lookup(name[0]);
    if (known === undefined) unknown.add(name[0]);
    value += known ?? '';
    i += name[0].length;
  }
  return { value, unknown: [...unknown] };
}
