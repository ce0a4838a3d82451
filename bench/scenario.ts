import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { git } from '../__tests__/e2e/support';
import { type Grant, LEGS, type Snapshot } from './model';

// The history the benchmark replays: a generated repository that grows event by event (so that
// origin looks, at each run, as it did on GitHub at that moment), and the runs each event starts.

export type EventClass =
  | 'push-main'
  | 'push-branch'
  | 'rebased-push'
  | 'pull-request'
  | 'fork-pr'
  | 'merge-queue'
  | 'tag'
  | 'schedule'
  | 'matrix';

export const CLASSES: EventClass[] = [
  'push-main',
  'push-branch',
  'rebased-push',
  'pull-request',
  'fork-pr',
  'merge-queue',
  'tag',
  'schedule',
  'matrix',
];

export interface ActionEvent {
  name: string;
  ref: string;
  sha: string;
  payload: object;
}

/** One job: a run of the action (main, then post) on a fresh runner. */
export interface RunSpec {
  id: string;
  event: ActionEvent;
  /** The ref actions/checkout fetches (depth 1), and the local ref it leaves. */
  fetch: { ref: string; local: string; branch: string | null };
  /** '' builds the final stage. */
  target: string;
  /** The runtime token GitHub gives this job (cache scopes). */
  token: Grant[];
  fork: boolean;
  snap: Snapshot;
}

/**
 * A run that ends a ref (a pull request closed, a merged branch deleted): the action deletes the
 * ref's caches and builds nothing. Only the configurations that clean up run it.
 */
export interface CleanupEvent {
  cleanup: true;
  id: string;
  title: string;
  event: ActionEvent;
}

export interface BenchEvent {
  index: number;
  id: string;
  cls: EventClass;
  title: string;
  runs: RunSpec[];
}

const DEFAULT_BRANCH = 'main';
const OWNER = 'octo-org';
const NAME = 'octo-repo';
const READ = 1;
const READ_WRITE = 3;

const repository = () => ({
  id: 17273051,
  name: NAME,
  full_name: `${OWNER}/${NAME}`,
  private: false,
  owner: { login: OWNER, id: 6811672, type: 'Organization' },
  fork: false,
  default_branch: DEFAULT_BRANCH,
  visibility: 'public',
});
const forkRepository = () => ({
  ...repository(),
  id: 40000001,
  full_name: `contributor/${NAME}`,
  owner: { login: 'contributor', id: 5550001, type: 'User' },
  fork: true,
});
const sender = { login: 'codertocat', id: 21031067, type: 'User' };
const ZERO = '0'.repeat(40);

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
   * fetched at depth 1 (no tags, no other branches), checked out.
   */
  /** A depth-1 checkout; in `at` (emptied first) for a runner that keeps its work folder, else a new folder. */
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

function headCommit(sha: string, message: string) {
  return {
    id: sha,
    message,
    timestamp: new Date().toISOString(),
    author: { name: 'Codertocat', email: 'codertocat@example.com', username: 'codertocat' },
    committer: { name: 'GitHub', email: 'noreply@example.com', username: 'web-flow' },
  };
}

const pushToken = (branch: string): Grant[] =>
  branch === DEFAULT_BRANCH
    ? [{ scope: `refs/heads/${branch}`, permission: READ_WRITE }]
    : [
        { scope: `refs/heads/${branch}`, permission: READ_WRITE },
        { scope: `refs/heads/${DEFAULT_BRANCH}`, permission: READ },
      ];

const prToken = (n: number, base: string): Grant[] => {
  const t: Grant[] = [{ scope: `refs/pull/${n}/merge`, permission: READ_WRITE }];
  for (const b of [base, DEFAULT_BRANCH]) {
    if (!t.some((g) => g.scope === `refs/heads/${b}`)) t.push({ scope: `refs/heads/${b}`, permission: READ });
  }
  return t;
};

interface PullRequest {
  n: number;
  branch: string;
  fork: boolean;
}

/**
 * The timeline: each method changes the repository as developers and GitHub would at that
 * moment, then describes the event and the jobs it starts.
 */
export class Timeline {
  private count = 0;
  private mainLock: Record<string, string> = {};
  private readonly prs = new Map<number, PullRequest>();

  constructor(readonly repo: Repo) {}

  static initialFiles(dockerfile: string): Record<string, string> {
    return {
      Dockerfile: dockerfile,
      'deps.lock': lockFile({}),
      'src/core.txt': 'core v0\n',
      'README.md': '# octo-repo\n',
    };
  }

  private async event(cls: EventClass, title: string, runs: Omit<RunSpec, 'id' | 'snap'>[]) {
    const index = ++this.count;
    const id = `E${String(index).padStart(2, '0')}`;
    const specs: RunSpec[] = [];
    for (const r of runs) {
      specs.push({
        ...r,
        id: runs.length > 1 ? `${id}/${r.target}` : id,
        snap: await this.repo.snapshot(r.event.sha),
      });
    }
    return { index, id, cls, title, runs: specs } satisfies BenchEvent;
  }

  private pushRun(branch: string, before: string, sha: string, message: string, target = '', forced = false) {
    const ref = `refs/heads/${branch}`;
    return {
      event: {
        name: 'push',
        ref,
        sha,
        payload: {
          ref,
          before,
          after: sha,
          created: before === ZERO,
          deleted: false,
          forced,
          base_ref: null,
          compare: `https://github.com/${OWNER}/${NAME}/compare/${before.slice(0, 12)}...${sha.slice(0, 12)}`,
          commits: [headCommit(sha, message)],
          head_commit: headCommit(sha, message),
          repository: repository(),
          pusher: { name: 'codertocat', email: 'codertocat@example.com' },
          sender,
        },
      },
      fetch: { ref, local: `refs/remotes/origin/${branch}`, branch },
      target,
      token: pushToken(branch),
      fork: false,
    };
  }

  /** The first push to main: the initial commit, on a repository that has no cache yet. */
  async first() {
    await this.repo.switchTo(DEFAULT_BRANCH);
    const sha = await this.repo.rev('HEAD');
    return this.event('push-main', 'main: initial commit (no cache anywhere yet)', [
      this.pushRun(DEFAULT_BRANCH, ZERO, sha, 'Initial commit'),
    ]);
  }

  /** A push to main (`files` changed in one commit). */
  async pushMain(files: Record<string, string | null>, message: string, lockBump?: string) {
    await this.repo.switchTo(DEFAULT_BRANCH);
    const before = await this.repo.rev('HEAD');
    if (lockBump) {
      this.mainLock['pkg-01'] = lockBump;
      files = { ...files, 'deps.lock': lockFile(this.mainLock) };
    }
    const sha = await this.repo.commit(files, message);
    await this.repo.pushHead(`refs/heads/${DEFAULT_BRANCH}`);
    return this.event('push-main', message, [this.pushRun(DEFAULT_BRANCH, before, sha, message)]);
  }

  /** A push to a feature branch; `from` creates the branch at that commit first. */
  async pushBranch(branch: string, files: Record<string, string | null>, message: string, from?: string) {
    let before = ZERO;
    if (from) await this.repo.switchTo(branch, from);
    else {
      await this.repo.switchTo(branch);
      before = await this.repo.rev('HEAD');
    }
    const sha = await this.repo.commit(files, message);
    await this.repo.pushHead(`refs/heads/${branch}`);
    const title = from ? `${message} (new branch ${branch} at ${from.slice(0, 7)})` : message;
    return this.event('push-branch', title, [this.pushRun(branch, before, sha, message)]);
  }

  /** "Update branch": main merged into a feature branch, pushed. */
  async updateBranch(branch: string) {
    await this.repo.switchTo(branch);
    const before = await this.repo.rev('HEAD');
    const message = `Merge branch '${DEFAULT_BRANCH}' into ${branch}`;
    await git(this.repo.work, 'merge', '-q', '--no-ff', '-m', message, DEFAULT_BRANCH);
    const sha = await this.repo.rev('HEAD');
    await this.repo.pushHead(`refs/heads/${branch}`);
    return this.event('push-branch', `${message} (update branch)`, [
      this.pushRun(branch, before, sha, message),
    ]);
  }

  /** `git rebase main` on a feature branch, force-pushed: GitHub's push has `forced: true`. */
  async rebaseBranch(branch: string) {
    await this.repo.switchTo(branch);
    const before = await this.repo.rev('HEAD');
    await git(this.repo.work, 'rebase', '-q', DEFAULT_BRANCH);
    const sha = await this.repo.rev('HEAD');
    await this.repo.pushHead(`refs/heads/${branch}`);
    const message = await this.repo.message(sha);
    return this.event('rebased-push', `${branch} rebased onto ${DEFAULT_BRANCH} and force-pushed`, [
      this.pushRun(branch, before, sha, message, '', true),
    ]);
  }

  /**
   * A pull_request run: GitHub's merge commit of the branch head into main's head, built at
   * refs/pull/N/merge. A fork's branch lives only in the fork (here: a local branch never pushed).
   */
  async pullRequest(
    n: number,
    branch: string,
    opts: { fork?: boolean; files?: Record<string, string | null> } = {},
  ) {
    const fork = opts.fork ?? false;
    this.prs.set(n, { n, branch, fork });
    if (opts.files) {
      await this.repo.switchTo(branch);
      await this.repo.commit(opts.files, `${branch}: ${Object.keys(opts.files).join(', ')}`);
      if (!fork) await this.repo.pushHead(`refs/heads/${branch}`);
    }
    const head = await this.repo.rev(branch);
    const base = await this.repo.rev(DEFAULT_BRANCH);
    const merge = await this.repo.merge(base, head, `Merge ${head} into ${base}`);
    await this.repo.pushSha(head, `refs/pull/${n}/head`);
    await this.repo.pushSha(merge, `refs/pull/${n}/merge`);
    const ref = `refs/pull/${n}/merge`;
    const repo = repository();
    const headRepo = fork ? forkRepository() : repo;
    const payload = {
      action: 'synchronize',
      number: n,
      before: ZERO,
      after: head,
      pull_request: {
        number: n,
        state: 'open',
        title: `${branch}`,
        user: fork ? { login: 'contributor', id: 5550001, type: 'User' } : sender,
        merge_commit_sha: merge,
        head: { label: `${headRepo.owner.login}:${branch}`, ref: branch, sha: head, repo: headRepo },
        base: { label: `${OWNER}:${DEFAULT_BRANCH}`, ref: DEFAULT_BRANCH, sha: base, repo },
        draft: false,
      },
      repository: repo,
      sender: fork ? { login: 'contributor', id: 5550001, type: 'User' } : sender,
    };
    const title = `PR #${n} ${fork ? 'from a fork ' : ''}(${branch} → ${DEFAULT_BRANCH})${opts.files ? `: ${Object.keys(opts.files).join(', ')}` : ''}`;
    return this.event(fork ? 'fork-pr' : 'pull-request', title, [
      {
        event: { name: 'pull_request', ref, sha: merge, payload },
        fetch: { ref, local: `refs/remotes/pull/${n}/merge`, branch: null },
        target: '',
        token: prToken(n, DEFAULT_BRANCH),
        fork,
      },
    ]);
  }

  private cleanups = 0;

  private cleanupEvent(title: string, event: ActionEvent): CleanupEvent {
    return { cleanup: true, id: `C${++this.cleanups}`, title, event };
  }

  /** A pull request closed (merged or not): GitHub's `pull_request` event with `action: closed`. */
  async closePullRequest(n: number, merged: boolean) {
    const pr = this.prs.get(n);
    if (!pr) throw new Error(`no PR #${n}`);
    const main = await this.repo.rev(DEFAULT_BRANCH);
    const head = await this.repo.rev(pr.branch);
    const repo = repository();
    const headRepo = pr.fork ? forkRepository() : repo;
    const closedAt = new Date().toISOString();
    const payload = {
      action: 'closed',
      number: n,
      pull_request: {
        number: n,
        state: 'closed',
        title: pr.branch,
        merged,
        merged_at: merged ? closedAt : null,
        closed_at: closedAt,
        merge_commit_sha: merged ? main : null,
        head: { label: `${headRepo.owner.login}:${pr.branch}`, ref: pr.branch, sha: head, repo: headRepo },
        base: { label: `${OWNER}:${DEFAULT_BRANCH}`, ref: DEFAULT_BRANCH, sha: main, repo },
      },
      repository: repo,
      sender,
    };
    const ref = `refs/pull/${n}/merge`;
    const title = `PR #${n} ${merged ? 'merged' : 'closed'}${pr.fork ? ' (from a fork)' : ''}`;
    return this.cleanupEvent(title, { name: 'pull_request', ref, sha: main, payload });
  }

  /** A branch deleted on GitHub: the `delete` event, which runs on the default branch. */
  async deleteBranch(branch: string) {
    await this.repo.deleteRemote(`refs/heads/${branch}`);
    const main = await this.repo.rev(DEFAULT_BRANCH);
    const payload = {
      ref: branch,
      ref_type: 'branch',
      pusher_type: 'user',
      repository: repository(),
      sender,
    };
    return this.cleanupEvent(`branch ${branch} deleted`, {
      name: 'delete',
      ref: `refs/heads/${DEFAULT_BRANCH}`,
      sha: main,
      payload,
    });
  }

  private queued: { n: number; ref: string; sha: string } | null = null;

  /** A merge_group run: main's head with the pull request merged, on gh-readonly-queue/main/pr-N-<base>. */
  async mergeQueue(n: number) {
    const pr = this.prs.get(n);
    if (!pr) throw new Error(`no PR #${n}`);
    const head = await this.repo.rev(pr.branch);
    const base = await this.repo.rev(DEFAULT_BRANCH);
    const message = `Merge pull request #${n} from ${OWNER}/${pr.branch}`;
    const sha = await this.repo.merge(base, head, message);
    const branch = `gh-readonly-queue/${DEFAULT_BRANCH}/pr-${n}-${base}`;
    const ref = `refs/heads/${branch}`;
    await this.repo.pushSha(sha, ref);
    this.queued = { n, ref, sha };
    const payload = {
      action: 'checks_requested',
      merge_group: {
        head_sha: sha,
        head_ref: ref,
        base_sha: base,
        base_ref: `refs/heads/${DEFAULT_BRANCH}`,
        head_commit: headCommit(sha, message),
      },
      repository: repository(),
      sender,
    };
    return this.event('merge-queue', `merge queue: PR #${n} on ${base.slice(0, 7)}`, [
      {
        event: { name: 'merge_group', ref, sha, payload },
        fetch: { ref, local: `refs/remotes/origin/${branch}`, branch },
        target: '',
        token: [
          { scope: ref, permission: READ_WRITE },
          { scope: `refs/heads/${DEFAULT_BRANCH}`, permission: READ },
        ],
        fork: false,
      },
    ]);
  }

  /** The queue's checks passed: main is fast-forwarded to the queue commit, the queue branch deleted. */
  async mergeQueued() {
    const q = this.queued;
    if (!q) throw new Error('nothing queued');
    await this.repo.switchTo(DEFAULT_BRANCH);
    const before = await this.repo.rev('HEAD');
    await git(this.repo.work, 'merge', '-q', '--ff-only', q.sha);
    await this.repo.pushHead(`refs/heads/${DEFAULT_BRANCH}`);
    await this.repo.deleteRemote(q.ref);
    this.queued = null;
    const message = await this.repo.message(q.sha);
    return this.event('push-main', `${message} (main fast-forwarded to the queue commit)`, [
      this.pushRun(DEFAULT_BRANCH, before, q.sha, message),
    ]);
  }

  /** A tag pushed on main's head. */
  async tag(name: string) {
    const sha = await this.repo.rev(DEFAULT_BRANCH);
    await this.repo.pushSha(sha, `refs/tags/${name}`);
    const ref = `refs/tags/${name}`;
    const message = `Release ${name}`;
    const run = this.pushRun(DEFAULT_BRANCH, ZERO, sha, message);
    return this.event('tag', `tag ${name} on ${sha.slice(0, 7)}`, [
      {
        ...run,
        event: {
          ...run.event,
          ref,
          payload: { ...run.event.payload, ref, base_ref: `refs/heads/${DEFAULT_BRANCH}`, created: true },
        },
        fetch: { ref, local: ref, branch: null },
        token: [
          { scope: ref, permission: READ_WRITE },
          { scope: `refs/heads/${DEFAULT_BRANCH}`, permission: READ },
        ],
      },
    ]);
  }

  /** A scheduled run (on the default branch; the payload has only the cron line). */
  async schedule() {
    const sha = await this.repo.rev(DEFAULT_BRANCH);
    const ref = `refs/heads/${DEFAULT_BRANCH}`;
    return this.event('schedule', `nightly schedule on ${sha.slice(0, 7)}`, [
      {
        event: { name: 'schedule', ref, sha, payload: { schedule: '17 3 * * *' } },
        fetch: { ref, local: `refs/remotes/origin/${DEFAULT_BRANCH}`, branch: DEFAULT_BRANCH },
        target: '',
        token: pushToken(DEFAULT_BRANCH),
        fork: false,
      },
    ]);
  }

  /** A push to main whose workflow builds a matrix of targets, concurrently, one job per leg. */
  async matrix(legs: number, files: Record<string, string | null>, message: string) {
    await this.repo.switchTo(DEFAULT_BRANCH);
    const before = await this.repo.rev('HEAD');
    const sha = await this.repo.commit(files, message);
    await this.repo.pushHead(`refs/heads/${DEFAULT_BRANCH}`);
    return this.event(
      'matrix',
      `${message} → matrix of ${legs} targets`,
      LEGS.slice(0, legs).map((leg) => this.pushRun(DEFAULT_BRANCH, before, sha, message, leg)),
    );
  }
}

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
