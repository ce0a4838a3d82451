import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { exec } from '../../src/lib/exec';

/**
 * Real git in a temporary directory, for the tests of the git room: a bare `origin`, a `work`
 * clone that builds the history and pushes it, and CI-like checkouts cloned from origin through a
 * file:// URL (plain local paths ignore --depth). Git reads no system or user configuration.
 */
export interface GitSandbox {
  root: string;
  env: NodeJS.ProcessEnv;
  originUrl: string;
  /** The clone the history is made in, with `origin` as its remote. */
  work: string;
  git(cwd: string, ...args: string[]): Promise<string>;
  /** An empty commit on what `cwd` has checked out; its sha goes in `shas[label]`. */
  commit(cwd: string, label: string): Promise<void>;
  /** A fresh checkout of `ref`: shallow (`--depth 1`, single branch, like actions/checkout) or full. */
  checkout(ref: string, shallow: boolean): Promise<string>;
  remove(): void;
}

export async function gitSandbox(prefix: string, shas: Record<string, string>): Promise<GitSandbox> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(root, 'no-gitconfig'),
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    LC_ALL: 'C',
  };
  const git = async (cwd: string, ...args: string[]) => {
    const result = await exec('git', args, { cwd, env });
    if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  const origin = join(root, 'origin.git');
  const work = join(root, 'work');
  const originUrl = pathToFileURL(origin).href;
  await git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  await git(root, 'init', '--quiet', '--initial-branch=main', work);
  await git(work, 'remote', 'add', 'origin', originUrl);
  let clones = 0;
  return {
    root,
    env,
    originUrl,
    work,
    git,
    commit: async (cwd, label) => {
      await git(cwd, 'commit', '--quiet', '--allow-empty', '-m', label);
      shas[label] = await git(cwd, 'rev-parse', 'HEAD');
    },
    checkout: async (ref, shallow) => {
      const dir = join(root, `checkout-${++clones}`);
      await git(
        root,
        'clone',
        '--quiet',
        ...(shallow ? ['--depth', '1'] : []),
        '--branch',
        ref,
        originUrl,
        dir,
      );
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
