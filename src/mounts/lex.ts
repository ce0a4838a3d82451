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
        // `${NAME?err}`, `${NAME#pattern}`, `${NAME/a/b}`…: not predicted.
        unknown.add(name[0]);
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
