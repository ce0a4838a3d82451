import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { addToChangelog, majorTagToMove, parseVersionTag, releaseNotes } from '../../scripts/release';

const script = path.join(__dirname, '..', '..', 'scripts', 'release.js');

describe('release rules', () => {
  it.each([
    ['v1.2.3', [1, 2, 3]],
    ['v10.0.12', [10, 0, 12]],
    ['v1', null],
    ['1.2.3', null],
    ['v1.2.3-rc1', null],
    ['v1.2', null],
  ])('%s is the version %j', (tag, version) => {
    expect(parseVersionTag(tag)).toStrictEqual(version);
  });

  it.each([
    ['v1.0.0', [], 'v1'],
    ['v1.3.0', ['v1.0.0', 'v1.2.9', 'v1'], 'v1'],
    ['v2.0.0', ['v1.9.0', 'v1'], 'v2'],
    // A fix for an older minor does not move v1 back from a newer release.
    ['v1.2.10', ['v1.2.9', 'v1.3.0', 'v1'], null],
    ['v1.2.10', ['v1.2.9', 'v2.0.0', 'v2'], 'v1'],
    ['v1.2.3-rc1', [], null],
  ])('releasing %s with tags %j moves %s', (tag, tags, major) => {
    expect(majorTagToMove(tag, tags)).toBe(major);
  });

  it.each([
    [
      [
        { sha: 'abc1234', subject: 'Fix a thing' },
        { sha: 'def5678', subject: 'Add bake-file' },
      ],
      'v1.0.0',
      'Changes since v1.0.0:\n\n- Fix a thing (abc1234)\n- Add bake-file (def5678)\n',
    ],
    [[{ sha: 'abc1234', subject: 'Initial' }], null, 'The first release.\n\n- Initial (abc1234)\n'],
    [[], 'v1.0.0', 'Changes since v1.0.0:\n\n- no changes\n'],
  ])('notes of %j since %s', (commits, previous, notes) => {
    expect(releaseNotes(commits, previous)).toBe(notes);
  });

  const head =
    '# Changelog\n\nEvery release, newest first, with the commits it brought. The release workflow\n(`scripts/release.js`) adds each one when its tag is pushed.\n';
  it.each([
    ['', 'v1.0.0', `${head}\n## v1.0.0 (2026-01-02)\n\n- a (1)\n`],
    [
      '# Changelog\n\n## v1.0.0 (2026-01-01)\n\n- a (1)\n',
      'v1.1.0',
      '# Changelog\n\n## v1.1.0 (2026-01-02)\n\n- a (1)\n\n## v1.0.0 (2026-01-01)\n\n- a (1)\n',
    ],
    // Run twice (a re-run workflow): the section is there once.
    [
      '# Changelog\n\n## v1.1.0 (2026-01-01)\n\n- a (1)\n',
      'v1.1.0',
      '# Changelog\n\n## v1.1.0 (2026-01-01)\n\n- a (1)\n',
    ],
    ['# Changelog\n', 'v1.0.0', '# Changelog\n\n## v1.0.0 (2026-01-02)\n\n- a (1)\n'],
  ])('CHANGELOG %j after %s', (before, tag, after) => {
    expect(addToChangelog(before, tag, '2026-01-02', '- a (1)\n')).toBe(after);
  });
});

describe('scripts/release.js on a real repository', () => {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
  const release = (cwd: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, [script, ...args], { cwd, env });

  let origin: string;
  let work: string;
  const commit = (subject: string) => {
    fs.writeFileSync(path.join(work, 'file.txt'), `${subject}\n`);
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', subject);
    git(work, 'push', '-q', 'origin', `HEAD:refs/heads/${git(work, 'branch', '--show-current')}`);
    return git(work, 'rev-parse', '--short', 'HEAD');
  };
  /** What the release workflow sees: a fresh clone of the pushed tag. */
  const checkoutTag = (tag: string) => {
    git(work, 'tag', tag);
    git(work, 'push', '-q', 'origin', `refs/tags/${tag}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-checkout-'));
    git(dir, 'clone', '-q', origin, '.');
    git(dir, 'checkout', '-q', tag);
    return dir;
  };

  beforeEach(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
    origin = path.join(root, 'origin.git');
    work = path.join(root, 'work');
    git(root, 'init', '-q', '--bare', '-b', 'main', origin);
    git(root, 'clone', '-q', origin, work);
    git(work, 'checkout', '-q', '-b', 'main');
  });

  it('first release, then a second: notes since the last tag, CHANGELOG.md on main, v1 moved', async () => {
    const first = commit('Initial');
    const v100 = checkoutTag('v1.0.0');
    expect((await release(v100, 'notes', 'v1.0.0')).stdout).toBe(
      `The first release.\n\n- Initial (${first})\n`,
    );
    const done = await release(v100, 'finish', 'v1.0.0', '--date', '2026-01-01');
    expect(done.stdout).toBe('CHANGELOG.md updated\nv1 → v1.0.0\n');
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(git(origin, 'rev-parse', 'v1.0.0^{commit}'));

    git(work, 'pull', '-q', 'origin', 'main');
    const a = commit('Add bake-file');
    const b = commit('Fix the gha scope');
    const v110 = checkoutTag('v1.1.0');
    const notes = (await release(v110, 'notes', 'v1.1.0')).stdout;
    // The CHANGELOG commit of v1.0.0, between the tags too, is bookkeeping: not listed.
    expect(notes).toBe(`Changes since v1.0.0:\n\n- Add bake-file (${a})\n- Fix the gha scope (${b})\n`);
    await release(v110, 'finish', 'v1.1.0', '--date', '2026-02-01');
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(git(origin, 'rev-parse', 'v1.1.0^{commit}'));
    const changelog = git(origin, 'show', 'main:CHANGELOG.md');
    expect(changelog.indexOf('## v1.1.0 (2026-02-01)')).toBeLessThan(
      changelog.indexOf('## v1.0.0 (2026-01-01)'),
    );
    expect(changelog).toContain(`- Add bake-file (${a})`);
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('CHANGELOG: v1.1.0');

    // A re-run changes nothing.
    expect((await release(v110, 'finish', 'v1.1.0')).stdout).toBe(
      'CHANGELOG.md already lists v1.1.0\nv1 → v1.1.0\n',
    );
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('CHANGELOG: v1.1.0');
  });

  it('a fix for an older minor does not move v1 back', async () => {
    commit('Initial');
    git(work, 'tag', 'v1.1.0');
    git(work, 'push', '-q', 'origin', 'refs/tags/v1.1.0', 'HEAD:refs/tags/v1');
    commit('Newer');
    const v120 = checkoutTag('v1.2.0');
    await release(v120, 'finish', 'v1.2.0');
    git(work, 'checkout', '-q', '-b', 'fix', 'v1.1.0');
    commit('Backported fix');
    const v111 = checkoutTag('v1.1.1');
    const done = await release(v111, 'finish', 'v1.1.1');
    expect(done.stdout).toContain('v1.1.1 is not the newest of its major version: no major tag moved');
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(git(origin, 'rev-parse', 'v1.2.0^{commit}'));
    expect((await release(v111, 'notes', 'v1.1.1')).stdout).toMatch(
      /^Changes since v1\.1\.0:\n\n- Backported fix/,
    );
  });

  it.each([
    ['v1.2', 'release: v1.2 is not a release tag: vMAJOR.MINOR.PATCH, e.g. v1.2.3'],
    ['v9.9.9', 'release: tag v9.9.9 does not exist in this repository'],
  ])('%s: one clear error', async (tag, message) => {
    commit('Initial');
    const failed = await release(work, 'notes', tag).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: `${message}\n` });
  });
});
