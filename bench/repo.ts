import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { git } from '../__tests__/e2e/support';
import type { RunSpec } from './events';
import type { Snapshot } from './model';
import { DEFAULT_BRANCH } from './payloads';

/** The lock file: twelve pinned packages; main bumps the first, branches never touch it. */
export function lockFile(versions: Record<string, string>): string {
  return (
    Array.from({ length: 12 }, (_, i) => {
      const pkg = `pkg-${String(i + 1).padStart(2, '0')}`;
      return `${pkg} ${versions[pkg] ?? '1.0.0'}`;
    }).join('\n') + '\n'
  );
}

/** The generated repository: a bare origin (what GitHub holds) and a work tree (the developers). */
export class Repo {
  private constructor(
    readonly root: string,
    readonly origin: string,
    readonly work: string,
  ) {}

  static async create(files: Record<string, string>): Promise<Repo> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-bench-repo-'));
    const repo = new Repo(root, path.join(root, 'origin.git'), path.join(root, 'work'));
    await git(root, 'init', '-q', '--bare', '-b', DEFAULT_BRANCH, repo.origin);
    await git(root, 'init', '-q', '-b', DEFAULT_BRANCH, repo.work);
    await git(repo.work, 'remote', 'add', 'origin', repo.origin);
    await repo.commit(files, 'Initial commit');
    await repo.pushHead(`refs/heads/${DEFAULT_BRANCH}`);
    return repo;
  }

  rev(rev: string): Promise<string> {
    return git(this.work, 'rev-parse', `${rev}^{commit}`);
  }

  /** Writes files (null deletes) and commits on whatever is checked out. */
  async commit(files: Record<string, string | null>, message: string): Promise<string> {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(this.work, name);
      if (content === null) {
        fs.rmSync(file, { force: true });
      } else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
    }
    await git(this.work, 'add', '-A');
    await git(this.work, 'commit', '-q', '-m', message);
    return this.rev('HEAD');
  }

  async switchTo(branch: string, startAt?: string): Promise<void> {
    if (startAt) await git(this.work, 'checkout', '-q', '-B', branch, startAt);
    else await git(this.work, 'checkout', '-q', branch);
  }

  async pushHead(ref: string): Promise<void> {
    await git(this.work, 'push', '-q', '--force', 'origin', `HEAD:${ref}`);
  }

  async pushSha(sha: string, ref: string): Promise<void> {
    await git(this.work, 'push', '-q', '--force', 'origin', `${sha}:${ref}`);
  }

  async deleteRemote(ref: string): Promise<void> {
    await git(this.work, 'push', '-q', 'origin', `:${ref}`);
  }

  /** A merge commit of `head` into `base`, detached (GitHub's refs/pull/N/merge, a queue commit). */
  async merge(base: string, head: string, message: string): Promise<string> {
    await git(this.work, 'checkout', '-q', '--detach', base);
    await git(this.work, 'merge', '-q', '--no-ff', '-m', message, head);
    return this.rev('HEAD');
  }

  async snapshot(sha: string): Promise<Snapshot> {
    return {
      lock: await git(this.work, 'rev-parse', `${sha}:deps.lock`),
      src: await git(this.work, 'rev-parse', `${sha}:src`),
    };
  }

  async message(sha: string): Promise<string> {
    return git(this.work, 'log', '-1', '--format=%s', sha);
  }

  /**
   * A fresh checkout as actions/checkout leaves it by default: a new repository, the one ref
   * fetched at depth 1 (no tags, no other branches), checked out; in `at` (emptied first) for a
   * runner that keeps its work folder, else in a new folder.
   */
  async checkout(spec: RunSpec['fetch'], sha: string, at?: string): Promise<string> {
    if (at) {
      fs.rmSync(at, { recursive: true, force: true });
      fs.mkdirSync(at, { recursive: true });
    }
    const dir = at ?? fs.mkdtempSync(path.join(this.root, 'checkout-'));
    await git(dir, 'init', '-q');
    await git(dir, 'remote', 'add', 'origin', `file://${this.origin}`);
    await git(
      dir,
      'fetch',
      '-q',
      '--no-tags',
      '--prune',
      '--no-recurse-submodules',
      '--depth=1',
      'origin',
      `+${sha}:${spec.local}`,
    );
    if (spec.branch) await git(dir, 'checkout', '-q', '--force', '-B', spec.branch, spec.local);
    else await git(dir, 'checkout', '-q', '--force', spec.local);
    return dir;
  }
}
