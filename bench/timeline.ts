import { git } from '../__tests__/e2e/support';
import type { ActionEvent, BenchEvent, CleanupEvent, EventClass, RunSpec } from './events';
import { LEGS } from './model';
import {
  DEFAULT_BRANCH,
  NAME,
  OWNER,
  READ,
  READ_WRITE,
  ZERO,
  forkRepository,
  headCommit,
  prToken,
  pushToken,
  repository,
  sender,
} from './payloads';
import { lockFile, type Repo } from './repo';

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
