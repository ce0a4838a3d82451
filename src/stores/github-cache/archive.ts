import * as path from 'node:path';

/**
 * The checks a GitHub cache archive passes before anything in it is extracted. An entry may have
 * been written by anyone who held a writable token for a scope this run reads (docs/security.md),
 * and `@actions/cache` extracts with `tar -P`: absolute names, `..`, a symlink out of the folder
 * followed by a file through it, and a hard link out all write outside the folder, and a small
 * entry may expand to fill the disk. So the worker lists the archive first (`tar -tv`, which
 * writes nothing), refuses it on any of these, then extracts it without `-P`. Pure: the listing in.
 */

export interface ArchiveMember {
  /** `-` file, `d` folder, `l` symlink, `h` hard link; anything else is a device, fifo or special file. */
  type: string;
  name: string;
  /** Bytes it expands to (files only). */
  size: number;
  /** A link's target, as stored. */
  target?: string;
}

/** GNU tar's `--quoting-style=c` string, without its quotes, back to its bytes. */
function unquote(quoted: string): string {
  const bytes: number[] = [];
  const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, b: 8, a: 7 };
  const body = Buffer.from(quoted.slice(1, -1), 'utf8');
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 0x5c) {
      bytes.push(body[i]);
      continue;
    }
    const next = String.fromCharCode(body[++i]);
    const octal = /^[0-7]{1,3}/.exec(body.subarray(i, i + 3).toString('latin1'))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += octal.length - 1;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const LINE = new RegExp(
  `^(\\S)\\S*\\s+\\S+\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+(${QUOTED})(?: (->|link to) (${QUOTED}))?$`,
);

/** `tar -tv -P --quoting-style=c --numeric-owner` output as members; null when a line does not read. */
export function parseListing(stdout: string): ArchiveMember[] | null {
  const members: ArchiveMember[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    const m = LINE.exec(line);
    if (!m) return null;
    const size = /^\d+$/.test(m[2]) ? Number(m[2]) : 0;
    members.push({ type: m[1], name: unquote(m[3]), size, ...(m[5] ? { target: unquote(m[5]) } : {}) });
  }
  return members;
}

/** A name inside `folder`, relative and without `..`: its normal form, else null. */
function inside(name: string, folder: string): string | null {
  if (name.startsWith('/') || name.split('/').includes('..')) return null;
  const normal = path.posix.normalize(name).replace(/\/+$/, '');
  return normal === folder || normal.startsWith(`${folder}/`) ? normal : null;
}

/**
 * Why the archive of `folder` must not be extracted ('' when it may): a member outside the folder,
 * a link that leaves it, a hard link to anything but a file of the archive, a device or special
 * file, a member reached through a symlink, or more than `maxBytes` once expanded.
 */
export function archiveRefusal(members: ArchiveMember[], folder: string, maxBytes: number): string {
  const links = new Set<string>();
  const files = new Set<string>();
  let total = 0;
  for (const m of members) {
    const name = inside(m.name, folder);
    if (name === null) return `the member ${JSON.stringify(m.name)} is outside ${folder}/`;
    if (!['-', 'd', 'l', 'h'].includes(m.type)) {
      return `the member ${JSON.stringify(m.name)} is a device or special file (type ${m.type})`;
    }
    if (m.type === 'l') {
      const target = m.target ?? '';
      const resolved = target.startsWith('/')
        ? null
        : inside(path.posix.join(path.posix.dirname(name), target), folder);
      if (resolved === null) {
        return `the symlink ${JSON.stringify(m.name)} points out of ${folder}/ (${JSON.stringify(target)})`;
      }
      links.add(name);
    }
    if (m.type === 'h' && !files.has(inside(m.target ?? '', folder) ?? '')) {
      return `the hard link ${JSON.stringify(m.name)} is to ${JSON.stringify(m.target ?? '')}, not to a file of this archive`;
    }
    if (m.type === '-') {
      files.add(name);
      total += m.size;
      if (total > maxBytes) return `it expands to more than ${maxBytes} bytes`;
    }
  }
  for (const m of members) {
    const parts = (inside(m.name, folder) ?? '').split('/');
    for (let i = 1; i < parts.length; i++) {
      const through = parts.slice(0, i).join('/');
      if (links.has(through)) {
        return `the member ${JSON.stringify(m.name)} is reached through the symlink ${JSON.stringify(through)}`;
      }
    }
  }
  return '';
}
