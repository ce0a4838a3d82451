import type { CacheMode } from '../runner/inputs/types';
import { type CacheHome, STORE, type Store } from '../stores/descriptors';

export interface BackendOptions extends CacheHome {
  backend: Store;
  mode: CacheMode;
  ignoreError: boolean;
  /** `key=value` attributes from `cache-options`. */
  options: string[];
  /** Image tags of this build, which an inline cache is read back from. */
  imageTags: string[];
}

const keyOf = (attribute: string) => attribute.slice(0, attribute.indexOf('='));

function filterOptions(options: string[], accepted: readonly string[]): string[] {
  return options.filter((o) => accepted.includes(keyOf(o)));
}

/** Options the backend accepts in neither direction: reported as a note, not passed. */
export function unusedOptions(b: BackendOptions): string[] {
  const { to, from } = STORE[b.backend].accepts;
  return b.options.filter((o) => !to.includes(keyOf(o)) && !from.includes(keyOf(o)));
}

function join(type: string, attrs: string[]): string {
  return [`type=${type}`, ...attrs].join(',');
}

/** Where one named cache lives, as the backend's own attribute. */
function location(b: BackendOptions, name: string, direction: 'from' | 'to'): string {
  const { attribute, value } = STORE[b.backend].location;
  return `${attribute[direction]}=${value(name, b)}`;
}

/** `--cache-from` entries for the named caches, in order. */
export function cacheFromEntries(b: BackendOptions, names: string[]): string[] {
  const store = STORE[b.backend];
  switch (store.reads) {
    case 'the image tags':
      // The cache travels inside the image: read it back from the image's own tags.
      return b.imageTags.map((tag) => join('registry', [`ref=${tag}`]));
    case 'one entry per name': {
      const extra = filterOptions(b.options, store.accepts.from);
      return names.map((n) => join(b.backend, [location(b, n, 'from'), ...extra]));
    }
  }
}

/** `--cache-to` entries for the named caches. */
export function cacheToEntries(b: BackendOptions, names: string[]): string[] {
  if (names.length === 0) return [];
  const store = STORE[b.backend];
  const user = filterOptions(b.options, store.accepts.to);
  const userKeys = user.map(keyOf);
  const attrs = [
    `mode=${b.mode}`,
    ...store.presets(b).filter((p) => !userKeys.includes(keyOf(p))),
    ...user,
    ...(b.ignoreError ? ['ignore-error=true'] : []),
  ];
  const entry = (target: string) => join(b.backend, [location(b, target, 'to'), ...attrs]);
  switch (store.writes) {
    case 'inside the image':
      return ['type=inline'];
    case 'one entry per name':
      return names.map(entry);
    case 'one entry for all names':
      return [entry(names.join(';'))];
  }
}
