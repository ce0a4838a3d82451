import type { BenchEvent, CleanupEvent } from './events';
import type { Timeline } from './timeline';

// The history the benchmark replays: a generated repository that grows event by event (so that
// origin looks, at each run, as it did on GitHub at that moment), and the runs each event starts.
// The events' types are in bench/events.ts, the repository in bench/repo.ts, what each kind of
// event does in bench/timeline.ts; this file lists the histories.

export type Step = (t: Timeline) => Promise<BenchEvent | CleanupEvent>;

/**
 * The full history (26 events, 34 jobs, and 5 clean-up runs: each pull request closed, the merged
 * branch deleted after the push that merged it, the others at the end). Sources change in their own files so merges never
 * conflict; main bumps the lock file's first line, branches never touch it.
 */
export const FULL: Step[] = [
  (t) => t.first(),
  (t) => t.pushMain({ 'src/core.txt': 'core v1\n' }, 'main: change sources'),
  async (t) =>
    t.pushBranch(
      'feature/a',
      { 'src/feature-a.txt': 'a1\n' },
      'feature/a: first commit',
      await t.repo.rev('main'),
    ),
  (t) => t.pushMain({}, 'main: bump pkg-01 to 1.1.0 (lock file)', '1.1.0'),
  (t) => t.pushBranch('feature/a', { 'src/feature-a.txt': 'a2\n' }, 'feature/a: second commit'),
  (t) => t.pullRequest(1, 'feature/a'),
  (t) => t.pushMain({ 'src/core.txt': 'core v2\n' }, 'main: change sources'),
  async (t) =>
    t.pushBranch(
      'feature/b',
      { 'src/feature-b.txt': 'b1\n' },
      'feature/b: first commit',
      await t.repo.rev('main~2'),
    ),
  (t) => t.pushBranch('feature/a', { 'src/feature-a.txt': 'a3\n' }, 'feature/a: third commit'),
  (t) => t.pullRequest(1, 'feature/a'),
  async (t) => {
    await t.repo.switchTo('fork/fix', await t.repo.rev('main~1'));
    return t.pullRequest(2, 'fork/fix', { fork: true, files: { 'src/fix.txt': 'fix 1\n' } });
  },
  (t) => t.pullRequest(2, 'fork/fix', { fork: true, files: { 'README.md': '# octo-repo\n\nFixed docs.\n' } }),
  (t) => t.pushMain({}, 'main: bump pkg-01 to 1.2.0 (lock file)', '1.2.0'),
  (t) => t.pushBranch('feature/b', { 'src/feature-b.txt': 'b2\n' }, 'feature/b: second commit'),
  (t) => t.pullRequest(3, 'feature/b'),
  (t) => t.rebaseBranch('feature/b'),
  (t) => t.updateBranch('feature/a'),
  (t) => t.pullRequest(1, 'feature/a'),
  (t) => t.mergeQueue(1),
  (t) => t.mergeQueued(),
  (t) => t.closePullRequest(1, true),
  (t) => t.deleteBranch('feature/a'),
  (t) => t.tag('v1.0.0'),
  (t) => t.schedule(),
  (t) => t.matrix(2, { 'src/core.txt': 'core v3\n' }, 'main: change sources'),
  (t) => t.matrix(2, { 'README.md': '# octo-repo\n\nDocs only.\n' }, 'main: docs only'),
  (t) => t.matrix(4, { 'src/core.txt': 'core v4\n' }, 'main: change sources'),
  (t) => t.matrix(4, { 'README.md': '# octo-repo\n\nMore docs.\n' }, 'main: docs only'),
  (t) => t.closePullRequest(2, false),
  (t) => t.closePullRequest(3, false),
  (t) => t.deleteBranch('feature/b'),
];

/**
 * The quick history: the same kinds of event, fewer of them (9 events, 10 jobs): a branch, main's
 * lock bump, the branch again, the branch rebased onto main and force-pushed, its pull request, the merge queue (main has not moved, so the queue
 * commit has the PR merge commit's content), main fast-forwarded to it, the pull request closed
 * and its branch deleted (clean-up runs), a 2-target matrix.
 */
export const QUICK: Step[] = [
  (t) => t.first(),
  async (t) =>
    t.pushBranch(
      'feature/a',
      { 'src/feature-a.txt': 'a1\n' },
      'feature/a: first commit',
      await t.repo.rev('main'),
    ),
  (t) => t.pushMain({}, 'main: bump pkg-01 to 1.1.0 (lock file)', '1.1.0'),
  (t) => t.pushBranch('feature/a', { 'src/feature-a.txt': 'a2\n' }, 'feature/a: second commit'),
  (t) => t.rebaseBranch('feature/a'),
  (t) => t.pullRequest(1, 'feature/a'),
  (t) => t.mergeQueue(1),
  (t) => t.mergeQueued(),
  (t) => t.closePullRequest(1, true),
  (t) => t.deleteBranch('feature/a'),
  (t) => t.matrix(2, { 'src/core.txt': 'core v1\n' }, 'main: change sources'),
];
