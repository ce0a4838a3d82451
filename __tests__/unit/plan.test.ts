import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergedPullRequest, runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import type { CacheWrite } from '../../src/runner/inputs/types';
import { gatherFacts, planInputs } from '../../src/facts/facts';
import {
  ghaExistence,
  localExistence,
  NO_ANSWER,
  NOT_FOUND,
  narrowSources,
  registryExistence,
} from '../../src/plan/narrow';
import { plan, planLines, type PlanOptions } from '../../src/plan/planner';
import { factsNeeded, refPlan } from '../../src/plan/rules';
import { classify, type GitFacts } from '../../src/plan/triggers';

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const PARENT = '5f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4';
const MB = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const MERGE = '1111111111111111111111111111111111111111';

/** A run as the runner describes it: event name, GITHUB_REF and a real-shaped payload file. */
function run(event: string, fixture: string, ref: string, sha = HEAD) {
  const payload = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'events', `${fixture}.json`), 'utf8'),
  );
  return runContextFrom(
    environmentFrom({
      GITHUB_EVENT_NAME: event,
      GITHUB_REF: ref,
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
    }).github,
    payload,
  );
}

const facts: GitFacts = { mergeBase: MB, parent: PARENT };
const noFacts: GitFacts = { mergeBase: null, mergeBaseWhy: 'shallow', parent: null, parentWhy: 'shallow' };

const labels = (uses: { ref: { kind: string } }[]) =>
  uses.map((u) => {
    const r = u.ref as { kind: string; name?: string; number?: number; sha?: string };
    return `${r.kind}:${r.name ?? r.number ?? r.sha}`;
  });

describe('refPlan: which refs each event reads and writes (cache-write: auto)', () => {
  it.each([
    {
      title:
        'push to the default branch reads its own commit, own branch, then the parent commit; writes branch and sha',
      ctx: run('push', 'push-main', 'refs/heads/main'),
      reads: [`sha:${HEAD}`, 'branch:main', `sha:${PARENT}`],
      writes: ['branch:main', `sha:${HEAD}`],
    },
    {
      title: 'push to a feature branch reads own branch, the merge-base commit, then main; writes own branch',
      ctx: run('push', 'push-feature', 'refs/heads/feature/login-form'),
      reads: ['branch:feature/login-form', `sha:${MB}`, 'branch:main'],
      writes: ['branch:feature/login-form'],
    },
    {
      title:
        'pull_request reads the PR, its head branch, its base, the default branch and writes only the PR',
      ctx: run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE),
      reads: ['pr:7', 'branch:feature/login-form', 'branch:main'],
      writes: ['pr:7'],
    },
    {
      title: 'pull_request into a release branch reads the PR, its head, the release branch, then main',
      ctx: run('pull_request', 'pull_request-into-release', 'refs/pull/7/merge', MERGE),
      reads: ['pr:7', 'branch:feature/login-form', 'branch:release/1.x', 'branch:main'],
      writes: ['pr:7'],
    },
    {
      title: 'pull_request from a fork reads like a PR and writes nothing to a shared cache',
      ctx: run('pull_request', 'pull_request-fork', 'refs/pull/7/merge', MERGE),
      reads: ['pr:7', 'branch:main'],
      writes: [],
    },
    {
      title: "pull_request from a fork writes its own PR scope on GitHub's cache, which only it can read",
      ctx: run('pull_request', 'pull_request-fork', 'refs/pull/7/merge', MERGE),
      visibility: 'github' as const,
      reads: ['pr:7', 'branch:main'],
      writes: ['pr:7'],
    },
    {
      title: 'pull_request_target reads base and default, writes nothing',
      ctx: run('pull_request_target', 'pull_request_target', 'refs/heads/main'),
      reads: ['branch:main'],
      writes: [],
    },
    {
      title: 'issue_comment reads the default branch, writes nothing',
      ctx: run('issue_comment', 'issue_comment', 'refs/heads/main'),
      reads: ['branch:main'],
      writes: [],
    },
    {
      title: 'workflow_run reads the default branch, writes nothing',
      ctx: run('workflow_run', 'workflow_run', 'refs/heads/main'),
      reads: ['branch:main'],
      writes: [],
    },
    {
      title: 'merge_group reads its base branch and the queued PR, writes the queue commit',
      ctx: run('merge_group', 'merge_group', `refs/heads/gh-readonly-queue/main/pr-7-${PARENT}`),
      reads: ['branch:main', 'pr:7'],
      writes: [`sha:${HEAD}`],
    },
    {
      title: "merge_group writes nothing on GitHub's cache: only the deleted queue branch could read it",
      ctx: run('merge_group', 'merge_group', `refs/heads/gh-readonly-queue/main/pr-7-${PARENT}`),
      visibility: 'github' as const,
      reads: ['branch:main', 'pr:7'],
      writes: [],
    },
    {
      title: 'merge_group into a release branch reads the release branch, the PR, then main',
      ctx: run(
        'merge_group',
        'merge_group-release',
        `refs/heads/gh-readonly-queue/release/1.x/pr-7-${PARENT}`,
      ),
      reads: ['branch:release/1.x', 'pr:7', 'branch:main'],
      writes: [`sha:${HEAD}`],
    },
    {
      title: 'tag push reads the default branch and the merge-base commit, writes nothing',
      ctx: run('push', 'push-tag', 'refs/tags/v1.4.0'),
      reads: ['branch:main', `sha:${MB}`],
      writes: [],
    },
    {
      title: 'schedule behaves as a push to its ref (the default branch)',
      ctx: run('schedule', 'schedule', 'refs/heads/main'),
      reads: [`sha:${HEAD}`, 'branch:main', `sha:${PARENT}`],
      writes: ['branch:main', `sha:${HEAD}`],
    },
    {
      title: 'workflow_dispatch on a feature branch behaves as a push to it',
      ctx: run('workflow_dispatch', 'workflow_dispatch', 'refs/heads/feature/login-form'),
      reads: ['branch:feature/login-form', `sha:${MB}`, 'branch:main'],
      writes: ['branch:feature/login-form'],
    },
    {
      title: 'repository_dispatch on the default branch behaves as a push to it',
      ctx: run('repository_dispatch', 'repository_dispatch', 'refs/heads/main'),
      reads: [`sha:${HEAD}`, 'branch:main', `sha:${PARENT}`],
      writes: ['branch:main', `sha:${HEAD}`],
    },
  ])('$title', ({ ctx, reads, writes, ...row }) => {
    const p = refPlan(ctx, facts, 'auto', 'visibility' in row ? row.visibility : 'shared');
    expect(labels(p.reads)).toStrictEqual(reads);
    expect(labels(p.writes)).toStrictEqual(writes);
  });
});

describe('refPlan: cache-write overrides', () => {
  it.each<{ title: string; ctx: ReturnType<typeof run>; write: CacheWrite; writes: string[] }>([
    {
      title: 'never: a push to main writes nothing',
      ctx: run('push', 'push-main', 'refs/heads/main'),
      write: 'never',
      writes: [],
    },
    {
      title: 'always: a fork PR writes its own PR cache',
      ctx: run('pull_request', 'pull_request-fork', 'refs/pull/7/merge', MERGE),
      write: 'always',
      writes: ['pr:7'],
    },
    {
      title: 'always: pull_request_target into the default branch still never writes it',
      ctx: run('pull_request_target', 'pull_request_target', 'refs/heads/main'),
      write: 'always',
      writes: [],
    },
    {
      title: 'always: issue_comment never writes the default branch',
      ctx: run('issue_comment', 'issue_comment', 'refs/heads/main'),
      write: 'always',
      writes: [],
    },
    {
      title: 'always: a tag writes its commit',
      ctx: run('push', 'push-tag', 'refs/tags/v1.4.0'),
      write: 'always',
      writes: [`sha:${HEAD}`],
    },
    {
      title: 'always: a merge queue run writes its queue commit',
      ctx: run('merge_group', 'merge_group', `refs/heads/gh-readonly-queue/main/pr-7-${PARENT}`),
      write: 'always',
      writes: [`sha:${HEAD}`],
    },
    {
      title: 'always does not add writes where auto writes already',
      ctx: run('push', 'push-feature', 'refs/heads/feature/login-form'),
      write: 'always',
      writes: ['branch:feature/login-form'],
    },
  ])('$title', ({ ctx, write, writes }) => {
    expect(labels(refPlan(ctx, facts, write).writes)).toStrictEqual(writes);
  });

  it('drops the merge-base read with a note when it was not found, and never fails', () => {
    const p = refPlan(run('push', 'push-feature', 'refs/heads/feature/login-form'), noFacts, 'auto');
    expect(labels(p.reads)).toStrictEqual(['branch:feature/login-form', 'branch:main']);
    expect(p.notes.join('\n')).toMatch(/merge-base with main not found \(shallow\)/);
  });
});

const base: PlanOptions = {
  backend: 'registry',
  image: 'ghcr.io/octo-org/app-cache',
  dir: '/tmp/cache',
  mode: 'max',
  ignoreError: true,
  options: [],
  imageTags: ['ghcr.io/octo-org/app:1.4.0'],
  scope: 'default',
  leg: '',
  siblingLegs: [],
  write: 'auto',
  rawFrom: [],
  rawTo: [],
};

describe('plan: BuildKit entries per backend', () => {
  const feature = run('push', 'push-feature', 'refs/heads/feature/login-form');
  const main = run('push', 'push-main', 'refs/heads/main');
  const pr = run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE);
  const mq = run(
    'merge_group',
    'merge_group-release',
    `refs/heads/gh-readonly-queue/release/1.x/pr-7-${PARENT}`,
  );

  it.each([
    {
      title: 'registry, feature push: branch, merge-base and main tags; writes its branch tag',
      ctx: feature,
      o: {},
      from: [
        'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-feature-login-form--5e6268e34d4a6047',
        `type=registry,ref=ghcr.io/octo-org/app-cache:default.sha-${MB}`,
        'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-main',
      ],
      to: [
        'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-feature-login-form--5e6268e34d4a6047,mode=max,ignore-error=true',
      ],
    },
    {
      title: 'registry on ECR gets the image-manifest preset; user options follow; min mode',
      ctx: main,
      o: {
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app',
        options: ['compression=zstd', 'bucket=x'],
        mode: 'min' as const,
      },
      from: [
        'type=registry,ref=123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:default.sha-9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d',
        'type=registry,ref=123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:default.branch-main',
        `type=registry,ref=123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:default.sha-${PARENT}`,
      ],
      to: [
        'type=registry,ref=123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:default.branch-main,mode=min,image-manifest=true,oci-mediatypes=true,compression=zstd,ignore-error=true',
        `type=registry,ref=123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:default.sha-${HEAD},mode=min,image-manifest=true,oci-mediatypes=true,compression=zstd,ignore-error=true`,
      ],
    },
    {
      title: 'gha, pull request: a cache name per ref (one name shared by refs would import all of them)',
      ctx: pr,
      o: { backend: 'gha' as const },
      from: ['type=gha,scope=default.pr-7', 'type=gha,scope=default.branch-main'],
      to: ['type=gha,scope=default.pr-7,mode=max,ignore-error=true'],
    },
    {
      title: 'gha, feature push: the merge-base commit has its own scope',
      ctx: feature,
      o: { backend: 'gha' as const, scope: 'api', leg: 'linux-arm64' },
      // The leg's own scopes first, then the scope built without a leg (shared stages).
      from: [
        'type=gha,scope=api.linux-arm64.branch-feature-login-form--5e6268e34d4a6047',
        `type=gha,scope=api.linux-arm64.sha-${MB}`,
        'type=gha,scope=api.linux-arm64.branch-main',
        'type=gha,scope=api.branch-feature-login-form--5e6268e34d4a6047',
        `type=gha,scope=api.sha-${MB}`,
        'type=gha,scope=api.branch-main',
      ],
      to: [
        'type=gha,scope=api.linux-arm64.branch-feature-login-form--5e6268e34d4a6047,mode=max,ignore-error=true',
      ],
    },
    {
      title: 'gha, merge queue into a release branch: only the default branch is readable on GitHub',
      ctx: mq,
      o: { backend: 'gha' as const },
      from: ['type=gha,scope=default.branch-main'],
      to: [],
    },
    {
      title: 'local: src and dest folders keyed by ref, without ignore-error when disabled',
      ctx: pr,
      o: { backend: 'local' as const, ignoreError: false },
      from: [
        'type=local,src=/tmp/cache/default.pr-7',
        'type=local,src=/tmp/cache/default.branch-feature-login-form--5e6268e34d4a6047',
        'type=local,src=/tmp/cache/default.branch-main',
      ],
      to: ['type=local,dest=/tmp/cache/default.pr-7,mode=max'],
    },
    {
      // BuildKit's s3 importer reads only the first of `;`-separated names: one entry per read.
      title: 's3: an importer per name; bucket and region reach both sides',
      ctx: pr,
      o: { backend: 's3' as const, options: ['bucket=ci-cache', 'region=eu-west-1', 'compression=zstd'] },
      from: [
        'type=s3,name=default.pr-7,bucket=ci-cache,region=eu-west-1',
        'type=s3,name=default.branch-feature-login-form--5e6268e34d4a6047,bucket=ci-cache,region=eu-west-1',
        'type=s3,name=default.branch-main,bucket=ci-cache,region=eu-west-1',
      ],
      to: ['type=s3,name=default.pr-7,mode=max,bucket=ci-cache,region=eu-west-1,ignore-error=true'],
    },
    {
      // Its exporter writes the manifest under each `;`-separated name and the blobs once.
      title: 's3: one exporter writes the branch and the commit of a push to main',
      ctx: main,
      o: { backend: 's3' as const, options: ['bucket=ci-cache', 'region=eu-west-1'] },
      from: [
        `type=s3,name=default.sha-${main.sha},bucket=ci-cache,region=eu-west-1`,
        'type=s3,name=default.branch-main,bucket=ci-cache,region=eu-west-1',
        `type=s3,name=default.sha-${PARENT},bucket=ci-cache,region=eu-west-1`,
      ],
      to: [
        `type=s3,name=default.branch-main;default.sha-${main.sha},mode=max,bucket=ci-cache,region=eu-west-1,ignore-error=true`,
      ],
    },
    {
      title: 'azblob: name per cache',
      ctx: pr,
      o: { backend: 'azblob' as const, options: ['account_url=https://acct.blob.core.example/'] },
      from: [
        'type=azblob,name=default.pr-7,account_url=https://acct.blob.core.example/',
        'type=azblob,name=default.branch-feature-login-form--5e6268e34d4a6047,account_url=https://acct.blob.core.example/',
        'type=azblob,name=default.branch-main,account_url=https://acct.blob.core.example/',
      ],
      to: [
        'type=azblob,name=default.pr-7,mode=max,account_url=https://acct.blob.core.example/,ignore-error=true',
      ],
    },
    {
      title: 'inline: export inline (no mode), read back from the image tags',
      ctx: main,
      o: { backend: 'inline' as const },
      from: ['type=registry,ref=ghcr.io/octo-org/app:1.4.0'],
      to: ['type=inline'],
    },
    {
      title: 'none: only the raw entries',
      ctx: main,
      o: { backend: 'none' as const, rawFrom: ['type=gha'], rawTo: ['type=gha,mode=max'] },
      from: ['type=gha'],
      to: ['type=gha,mode=max'],
    },
    {
      title: 'raw entries are appended after the computed ones',
      ctx: pr,
      o: { backend: 'gha' as const, rawFrom: ['type=registry,ref=r/x:y'], rawTo: ['type=local,dest=/x'] },
      from: ['type=gha,scope=default.pr-7', 'type=gha,scope=default.branch-main', 'type=registry,ref=r/x:y'],
      to: ['type=gha,scope=default.pr-7,mode=max,ignore-error=true', 'type=local,dest=/x'],
    },
  ])('$title', ({ ctx, o, from, to }) => {
    const p = plan(ctx, facts, { ...base, ...o });
    expect(p.cacheFrom).toStrictEqual(from);
    expect(p.cacheTo).toStrictEqual(to);
  });

  it("gha: a pull request leaves its head branch out with a note (GitHub's rules)", () => {
    const p = plan(pr, facts, { ...base, backend: 'gha' });
    expect(p.cacheFrom).toStrictEqual(['type=gha,scope=default.pr-7', 'type=gha,scope=default.branch-main']);
    expect(p.notes).toContain(
      'branch:feature/login-form is not read: on GitHub this run can read only its own ref, its base and main',
    );
  });

  it('notes cache-options a backend does not use', () => {
    const p = plan(pr, facts, { ...base, backend: 'gha', options: ['compression=zstd'] });
    expect(p.notes).toContain('cache-options not used by gha: compression=zstd');
  });

  it('matrix legs: a leg writes its own namespace, reads its own, then its siblings, then the plain scope', () => {
    const p = plan(feature, facts, { ...base, leg: 'amd64', siblingLegs: ['arm64', 'amd64'] });
    expect(p.cacheTo).toStrictEqual([
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.amd64.branch-feature-login-form--5e6268e34d4a6047,mode=max,ignore-error=true',
    ]);
    expect(p.cacheFrom).toStrictEqual([
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.amd64.branch-feature-login-form--5e6268e34d4a6047',
      `type=registry,ref=ghcr.io/octo-org/app-cache:default.amd64.sha-${MB}`,
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.amd64.branch-main',
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.arm64.branch-feature-login-form--5e6268e34d4a6047',
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.arm64.branch-main',
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-feature-login-form--5e6268e34d4a6047',
      `type=registry,ref=ghcr.io/octo-org/app-cache:default.sha-${MB}`,
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-main',
    ]);
  });

  it('every read and write carries its reason and its entry', () => {
    const p = plan(pr, facts, base);
    expect(p.reads.map((r) => [r.ref, r.entry])).toStrictEqual([
      ['pr:7', 'type=registry,ref=ghcr.io/octo-org/app-cache:default.pr-7'],
      [
        'branch:feature/login-form',
        'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-feature-login-form--5e6268e34d4a6047',
      ],
      ['branch:main', 'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-main'],
    ]);
    expect(p.writes.map((w) => [w.ref, w.entry])).toStrictEqual([
      ['pr:7', 'type=registry,ref=ghcr.io/octo-org/app-cache:default.pr-7,mode=max,ignore-error=true'],
    ]);
    expect(p.writes[0].why).toMatch(/never its base/);
    expect([...p.reads, ...p.writes].every((r) => r.why.length > 0)).toBe(true);
  });
});

describe('a push that merged a pull request', () => {
  const merged = () => {
    const ctx = run('push', 'push-main', 'refs/heads/main');
    ctx.mergedPullRequest = 7;
    return ctx;
  };

  it.each([
    { message: 'Merge pull request #12 from octo-org/feature/login-form\n\nAdd login form', want: 12 },
    { message: 'Add login form (#12)', want: 12 },
    { message: 'Add login form (#12)\n\n* wip\n* more', want: 12 },
    { message: 'Fix #12 in the parser', want: null },
    { message: '', want: null },
  ])('mergedPullRequest($message) = $want', ({ message, want }) =>
    expect(mergedPullRequest(message)).toBe(want),
  );

  it('reads its own cache from the payload head commit message', () => {
    const payload = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'events', 'push-main.json'), 'utf8'),
    );
    payload.head_commit.message = 'Merge pull request #7 from octo-org/feature/login-form';
    const ctx = runContextFrom(
      environmentFrom({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: HEAD }).github,
      payload,
    );
    expect(ctx.mergedPullRequest).toBe(7);
  });

  it("reads the pull request's cache after its own branch (registry)", () => {
    expect(labels(refPlan(merged(), facts, 'auto').reads)).toStrictEqual([
      `sha:${HEAD}`,
      'branch:main',
      'pr:7',
      `sha:${PARENT}`,
    ]);
    expect(plan(merged(), facts, base).cacheFrom).toStrictEqual([
      `type=registry,ref=ghcr.io/octo-org/app-cache:default.sha-${HEAD}`,
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.branch-main',
      'type=registry,ref=ghcr.io/octo-org/app-cache:default.pr-7',
      `type=registry,ref=ghcr.io/octo-org/app-cache:default.sha-${PARENT}`,
    ]);
  });

  it('on gha leaves it out with a note: GitHub lets only the pull request read its scope', () => {
    const p = plan(merged(), facts, { ...base, backend: 'gha' });
    expect(p.cacheFrom).toStrictEqual([
      `type=gha,scope=default.sha-${HEAD}`,
      'type=gha,scope=default.branch-main',
      `type=gha,scope=default.sha-${PARENT}`,
    ]);
    expect(p.notes).toContain(
      "pr:7 is not read: on GitHub a pull request's cache is readable only by that pull request's runs",
    );
  });
});

describe('narrowSources: fewer sources once it is known which exist', () => {
  const image = 'ghcr.io/octo-org/app-cache';
  const tag = (t: string) => `type=registry,ref=${image}:${t}`;
  const mainPush = () => run('push', 'push-main', 'refs/heads/main');
  const legs = { leg: 'leg-a', siblingLegs: ['leg-b'] };
  it.each([
    {
      title: 'a cache of this very commit is read alone',
      o: {},
      tags: ['default.branch-main', `default.sha-${HEAD}`, `default.sha-${PARENT}`],
      from: [tag(`default.sha-${HEAD}`)],
      missing: [],
    },
    {
      title: 'sources that do not exist are left out and reported as misses',
      o: {},
      tags: ['default.branch-main'],
      from: [tag('default.branch-main')],
      missing: [tag(`default.sha-${HEAD}`), tag(`default.sha-${PARENT}`)],
    },
    {
      title: "a leg with a cache of its own reads neither its siblings' nor the plain build's",
      o: legs,
      tags: ['default.leg-a.branch-main', 'default.leg-b.branch-main', 'default.branch-main'],
      from: [tag('default.leg-a.branch-main')],
      missing: [
        tag(`default.leg-b.sha-${HEAD}`),
        tag(`default.leg-a.sha-${HEAD}`),
        tag(`default.leg-a.sha-${PARENT}`),
        tag(`default.sha-${HEAD}`),
        tag(`default.sha-${PARENT}`),
      ],
    },
    {
      title: "a leg with no cache yet reads its siblings' and the plain build's",
      o: legs,
      tags: ['default.leg-b.branch-main', 'default.branch-main', `default.sha-${PARENT}`],
      from: [tag('default.leg-b.branch-main'), tag('default.branch-main'), tag(`default.sha-${PARENT}`)],
      missing: [
        tag(`default.leg-b.sha-${HEAD}`),
        tag(`default.leg-a.sha-${HEAD}`),
        tag('default.leg-a.branch-main'),
        tag(`default.leg-a.sha-${PARENT}`),
        tag(`default.sha-${HEAD}`),
      ],
    },
    {
      title:
        "a sibling leg's cache of this commit is read in place of the siblings' older ones (no cache of this leg yet)",
      o: legs,
      tags: [`default.leg-b.sha-${HEAD}`, 'default.leg-b.branch-main', 'default.branch-main'],
      from: [tag(`default.leg-b.sha-${HEAD}`)],
      missing: [
        tag(`default.leg-a.sha-${HEAD}`),
        tag('default.leg-a.branch-main'),
        tag(`default.leg-a.sha-${PARENT}`),
        tag(`default.sha-${HEAD}`),
        tag(`default.sha-${PARENT}`),
      ],
    },
    {
      title: "a sibling leg's cache of this commit is read alone, rather than with this leg's own older one",
      o: legs,
      tags: [`default.leg-b.sha-${HEAD}`, 'default.leg-a.branch-main', 'default.leg-b.branch-main'],
      from: [tag(`default.leg-b.sha-${HEAD}`)],
      missing: [
        tag(`default.leg-a.sha-${HEAD}`),
        tag(`default.leg-a.sha-${PARENT}`),
        tag(`default.sha-${HEAD}`),
        tag('default.branch-main'),
        tag(`default.sha-${PARENT}`),
      ],
    },
    {
      title: 'a sibling leg built from this commit is not an exact match for this leg',
      o: legs,
      tags: [`default.leg-b.sha-${HEAD}`, `default.leg-a.sha-${HEAD}`],
      from: [tag(`default.leg-a.sha-${HEAD}`)],
      missing: [
        tag('default.leg-a.branch-main'),
        tag(`default.leg-a.sha-${PARENT}`),
        tag('default.leg-b.branch-main'),
        tag(`default.sha-${HEAD}`),
        tag('default.branch-main'),
        tag(`default.sha-${PARENT}`),
      ],
    },
  ])('$title', ({ o, tags, from, missing }) => {
    const p = narrowSources(
      plan(mainPush(), facts, { ...base, ...o, rawFrom: ['type=gha'] }),
      registryExistence(tags),
    );
    expect(p.cacheFrom).toStrictEqual([...from, 'type=gha']);
    expect(p.missing).toStrictEqual(missing);
    expect(p.reads.filter((r) => r.entry !== '').map((r) => r.entry)).toStrictEqual(
      expect.arrayContaining(from),
    );
  });

  it('a merge queue reads the queued pull request alone when its cache exists', () => {
    const queue = run('merge_group', 'merge_group', `refs/heads/gh-readonly-queue/main/pr-7-${PARENT}`);
    const p = narrowSources(
      plan(queue, facts, base),
      registryExistence(['default.branch-main', 'default.pr-7']),
    );
    expect(p.cacheFrom).toStrictEqual([tag('default.pr-7')]);
    const cold = narrowSources(plan(queue, facts, base), registryExistence(['default.branch-main']));
    expect(cold.cacheFrom).toStrictEqual([tag('default.branch-main')]);
  });

  it('says why sources it could read were left out', () => {
    const p = narrowSources(
      plan(mainPush(), facts, base),
      registryExistence(['default.branch-main', `default.sha-${HEAD}`]),
    );
    expect(p.notes).toContain(
      `sha:${HEAD} was built from this very commit: it is read alone (more sources only make BuildKit miss at random)`,
    );
    expect(p.reads.find((r) => r.ref === 'branch:main')).toMatchObject({
      entry: '',
      notRead: `sha:${HEAD} was built from this very commit: it is read alone`,
    });
    // The parent commit's cache was found missing: marked too, for the plan list.
    expect(p.reads.find((r) => r.ref === `sha:${PARENT}`)?.notRead).toBe(NOT_FOUND);
    expect(planLines(p)).toContain(
      `read  branch:main          (not read: sha:${HEAD} was built from this very commit: it is read alone)  # ${p.reads.find((r) => r.ref === 'branch:main')!.why}`,
    );
  });

  it('a gha read GitHub forbids is marked with the rule', () => {
    const p = plan(run('pull_request', 'pull_request', 'refs/pull/7/merge'), facts, {
      ...base,
      backend: 'gha',
    });
    const unreadable = p.reads.filter((r) => r.notRead);
    expect(unreadable.length).toBeGreaterThan(0);
    for (const r of unreadable) expect(r.entry).toBe('');
  });

  it('changes nothing when the tags could not be listed, or for gha', () => {
    const p = plan(mainPush(), facts, base);
    expect(narrowSources(p, registryExistence(null))).toStrictEqual({ ...p, missing: [] });
    const g = plan(mainPush(), facts, { ...base, backend: 'gha' });
    expect(narrowSources(g, () => undefined).cacheFrom).toStrictEqual(g.cacheFrom);
  });

  it('leaves out local folders not written yet and remembers them as misses', () => {
    const p = plan(mainPush(), facts, { ...base, backend: 'local', dir: '/c' });
    const n = narrowSources(
      p,
      localExistence((f) => f === '/c/default.branch-main/index.json'),
    );
    expect(n.cacheFrom).toStrictEqual(['type=local,src=/c/default.branch-main']);
    expect(n.missing).toStrictEqual([
      `type=local,src=/c/default.sha-${HEAD}`,
      `type=local,src=/c/default.sha-${PARENT}`,
    ]);
  });

  // The parent's commit cache and the branch's own are often one export (the parent's push wrote
  // both): read together they are the overlapping sources BuildKit misses on at random.
  it.each([
    {
      title: "the default branch's own and its parent commit's both exist: the branch's own alone",
      folders: ['default.branch-main', `default.sha-${PARENT}`],
      from: ['type=local,src=/c/default.branch-main'],
      note: "branch:main holds this ref's earlier runs: it is read alone (more sources only make BuildKit miss at random)",
    },
    {
      title: "only the parent commit's exists: it is read",
      folders: [`default.sha-${PARENT}`],
      from: [`type=local,src=/c/default.sha-${PARENT}`],
      note: undefined,
    },
  ])('$title', ({ folders, from, note }) => {
    const indexes = new Set(folders.map((f) => `/c/${f}/index.json`));
    const p = plan(mainPush(), facts, { ...base, backend: 'local', dir: '/c', write: 'never' });
    const n = narrowSources(
      p,
      localExistence((f) => indexes.has(f)),
    );
    expect(n.cacheFrom).toStrictEqual(from);
    expect(n.notes.filter((x) => x.includes('read alone'))).toStrictEqual(note ? [note] : []);
  });
});

describe("a push's before: the head it replaced, read as the parent without asking git", () => {
  const payload = () =>
    JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'events', 'push-main.json'), 'utf8'));
  const env = (event = 'push') => ({
    GITHUB_EVENT_NAME: event,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: HEAD,
  });
  it.each([
    { title: 'a push', change: {}, event: 'push', want: PARENT },
    { title: 'a forced push', change: { forced: true }, event: 'push', want: undefined },
    { title: 'a new branch', change: { before: '0'.repeat(40) }, event: 'push', want: undefined },
    { title: 'not a push', change: {}, event: 'workflow_dispatch', want: undefined },
  ])('$title', ({ change, event, want }) => {
    expect(runContextFrom(environmentFrom(env(event)).github, { ...payload(), ...change }).pushedBefore).toBe(
      want,
    );
  });

  it('gatherFacts takes it without running git, and the plan says where it came from', async () => {
    const ctx = runContextFrom(environmentFrom(env()).github, payload());
    const calls: string[][] = [];
    const exec = async (cmd: string, args: readonly string[]) => {
      calls.push([cmd, ...args]);
      return { exitCode: 1, stdout: '', stderr: 'no git here', timedOut: false };
    };
    const found = await gatherFacts(
      exec,
      ctx,
      { parent: true, mergeBase: false, headCommit: false, rewrite: false },
      '',
    );
    expect(found).toStrictEqual({ mergeBase: null, parent: PARENT });
    expect(calls).toStrictEqual([]);
    expect(
      refPlan(ctx, found, 'auto').reads.find((r) => r.ref.kind === 'sha' && r.ref.sha === PARENT)?.why,
    ).toBe("the branch's previous head (the push's before): its last build");
  });
});

describe('gha: which caches exist, from the lookups BuildKit makes', () => {
  const pr = run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE);
  const p = plan(pr, facts, { ...base, backend: 'gha' });
  const gha = (name: string) => `type=gha,scope=${name}`;
  it.each([
    {
      title: 'a pull request whose own cache exists reads it alone',
      found: {
        'default.pr-7': true,
        'default.branch-feature-login-form--5e6268e34d4a6047': true,
        'default.branch-main': true,
      },
      from: [gha('default.pr-7')],
      missing: [],
    },
    {
      title: 'names the service does not have are left out as misses',
      found: { 'default.pr-7': false, 'default.branch-main': true },
      from: [gha('default.branch-main')],
      missing: [gha('default.pr-7')],
    },
    {
      title: 'a name whose lookup failed is passed (it may exist)',
      found: { 'default.pr-7': false, 'default.branch-main': undefined },
      from: [gha('default.branch-main')],
      missing: [gha('default.pr-7')],
    },
  ])('$title', ({ found, from, missing }) => {
    const n = narrowSources(p, ghaExistence(new Map(Object.entries(found))), true);
    expect(n.cacheFrom).toStrictEqual(from);
    expect(n.missing).toStrictEqual(missing);
  });
});

describe('when which caches exist is unknown (every check failed)', () => {
  const image = 'ghcr.io/octo-org/app-cache';
  const tag = (t: string) => `type=registry,ref=${image}:${t}`;
  const gha = (name: string) => `type=gha,scope=${name}`;
  const options = { ...base, backend: 'registry' as const };
  it.each([
    {
      title: 'push to main: its own branch, which is the default branch',
      ctx: run('push', 'push-main', 'refs/heads/main'),
      o: options,
      from: [tag('default.branch-main')],
    },
    {
      title: 'push to a branch: its own branch and the default branch',
      ctx: run('push', 'push-feature', 'refs/heads/feature/login-form'),
      o: options,
      from: [tag('default.branch-feature-login-form--5e6268e34d4a6047'), tag('default.branch-main')],
    },
    {
      title: 'pull request: its own earlier runs and the default branch',
      ctx: run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE),
      o: options,
      from: [tag('default.pr-7'), tag('default.branch-main')],
    },
    {
      title: 'push to a branch on gha: its own scope and the default branch',
      ctx: run('push', 'push-feature', 'refs/heads/feature/login-form'),
      o: { ...base, backend: 'gha' as const },
      from: [gha('default.branch-feature-login-form--5e6268e34d4a6047'), gha('default.branch-main')],
    },
    {
      title: 'merge queue: the queued pull request and the default branch',
      ctx: run(
        'merge_group',
        'merge_group-release',
        `refs/heads/gh-readonly-queue/release/1.x/pr-7-${PARENT}`,
      ),
      o: options,
      from: [tag('default.pr-7'), tag('default.branch-main')],
    },
    {
      title: 'tag: the default branch, which is also the first source',
      ctx: run('push', 'push-main', 'refs/tags/v1.0.0'),
      o: options,
      from: [tag('default.branch-main')],
    },
    {
      title: "a matrix leg: its own likeliest source, its and the plain build's default branch, no siblings",
      ctx: run('push', 'push-feature', 'refs/heads/feature/login-form'),
      o: { ...options, leg: 'leg-a', siblingLegs: ['leg-b'] },
      from: [
        tag('default.leg-a.branch-feature-login-form--5e6268e34d4a6047'),
        tag('default.leg-a.branch-main'),
        tag('default.branch-main'),
      ],
    },
  ])('$title', ({ ctx, o, from }) => {
    const p = plan(ctx, facts, o);
    const n = narrowSources(p, () => undefined, true);
    expect(n.cacheFrom).toStrictEqual(from);
    expect(n.missing).toStrictEqual([]);
    expect(n.notes.some((note) => note.startsWith('which caches exist is unknown: only '))).toBe(true);
  });

  it('says what it reads and why', () => {
    const n = narrowSources(
      plan(run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE), facts, options),
      () => undefined,
      true,
    );
    expect(n.notes).toContain(
      'which caches exist is unknown: only pr:7 and the default branch (branch:main) are read (more sources only make BuildKit miss at random)',
    );
  });

  it('passes every source when the backend has no check at all (s3, azblob), or when something is known', () => {
    const ctx = run('push', 'push-feature', 'refs/heads/feature/login-form');
    const p = plan(ctx, facts, options);
    expect(narrowSources(p, () => undefined).cacheFrom).toStrictEqual(p.cacheFrom);
    const some = narrowSources(p, (e) => (e === tag('default.branch-main') ? false : undefined), true);
    expect(some.cacheFrom).toStrictEqual(p.cacheFrom.filter((e) => e !== tag('default.branch-main')));
  });

  it('passes no unknown source when the check got no answer (a store that hangs would hold the import too)', () => {
    const ctx = run('push', 'push-feature', 'refs/heads/feature/login-form', HEAD);
    const p = plan(ctx, facts, { ...options, rawFrom: ['type=registry,ref=elsewhere/raw:tag'] });
    const none = narrowSources(p, () => undefined, 'no-answer');
    expect(none.cacheFrom).toStrictEqual(['type=registry,ref=elsewhere/raw:tag']);
    expect(none.reads.every((r) => r.entry === '' && r.notRead === NO_ANSWER)).toBe(true);
    expect(none.notes).toContain(`${p.reads.length} cache source(s) not read: ${NO_ANSWER}`);
    // What did answer still counts: a source found is read, the unanswered ones are not.
    const main = tag('default.branch-main');
    const some = narrowSources(p, (e) => (e === main ? true : undefined), 'no-answer');
    expect(some.cacheFrom).toStrictEqual([main, 'type=registry,ref=elsewhere/raw:tag']);
  });
});

describe('a branch just brought up to date, and a pull request whose head already contains its base', () => {
  const image = 'ghcr.io/octo-org/app-cache';
  const tag = (t: string) => `type=registry,ref=${image}:${t}`;
  const options: PlanOptions = { ...base, backend: 'registry', image };
  const update = run('push', 'push-feature', 'refs/heads/feature/login-form');
  const pr = run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE);

  it.each([
    {
      title:
        'a push that merged the default branch in reads the merged commit alone, ahead of its own branch',
      ctx: update,
      facts: { ...facts, justMerged: MB },
      tags: [
        'default.branch-feature-login-form--5e6268e34d4a6047',
        `default.sha-${MB}`,
        'default.branch-main',
      ],
      from: [tag(`default.sha-${MB}`)],
      note: `sha:${MB} is the main commit this push merged in: newer than this branch's last build: it is read alone`,
    },
    {
      title: 'the same push falls back to its own branch alone when the merged commit has no cache',
      ctx: update,
      facts: { ...facts, justMerged: MB },
      tags: ['default.branch-feature-login-form--5e6268e34d4a6047', 'default.branch-main'],
      from: [tag('default.branch-feature-login-form--5e6268e34d4a6047')],
      note: "branch:feature/login-form holds this ref's earlier runs: it is read alone",
    },
    {
      title: 'a push that did not merge the default branch reads its own branch alone',
      ctx: update,
      facts,
      tags: [
        'default.branch-feature-login-form--5e6268e34d4a6047',
        `default.sha-${MB}`,
        'default.branch-main',
      ],
      from: [tag('default.branch-feature-login-form--5e6268e34d4a6047')],
      note: "branch:feature/login-form holds this ref's earlier runs: it is read alone",
    },
    {
      title: "a pull request whose merge commit holds its head's files reads the head branch alone",
      ctx: pr,
      facts: { ...facts, mergeIsHead: true },
      tags: ['default.pr-7', 'default.branch-feature-login-form--5e6268e34d4a6047', 'default.branch-main'],
      from: [tag('default.branch-feature-login-form--5e6268e34d4a6047')],
      note: 'branch:feature/login-form was built from these very files (the head already contains the base): it is read alone',
    },
    {
      title: 'a pull request whose head lacks part of the base reads its own pull request alone',
      ctx: pr,
      facts: { ...facts, mergeIsHead: false },
      tags: ['default.pr-7', 'default.branch-feature-login-form--5e6268e34d4a6047', 'default.branch-main'],
      from: [tag('default.pr-7')],
      note: "pr:7 holds this ref's earlier runs: it is read alone",
    },
    {
      title: 'a pull request whose head just merged its base reads that base commit alone, ahead of its own',
      ctx: pr,
      facts: { ...facts, mergeIsHead: false, justMerged: PARENT },
      tags: ['default.pr-7', `default.sha-${PARENT}`, 'default.branch-main'],
      from: [tag(`default.sha-${PARENT}`)],
      note: `sha:${PARENT} is the base commit the head just merged: newer than this pull request's last build: it is read alone`,
    },
    {
      title: 'then the base branch, when that commit has no cache of its own',
      ctx: pr,
      facts: { ...facts, mergeIsHead: false, justMerged: PARENT },
      tags: ['default.pr-7', 'default.branch-main'],
      from: [tag('default.branch-main')],
      note: "branch:main is the base commit the head just merged: newer than this pull request's last build: it is read alone",
    },
    {
      title: 'an exact head branch still comes first',
      ctx: pr,
      facts: { ...facts, mergeIsHead: true, justMerged: PARENT },
      tags: ['default.pr-7', `default.sha-${PARENT}`, 'default.branch-feature-login-form--5e6268e34d4a6047'],
      from: [tag('default.branch-feature-login-form--5e6268e34d4a6047')],
      note: 'branch:feature/login-form was built from these very files (the head already contains the base): it is read alone',
    },
  ])('$title', ({ ctx, facts: f, tags, from, note }) => {
    const p = narrowSources(plan(ctx, f, options), registryExistence(tags));
    expect(p.cacheFrom).toStrictEqual(from);
    expect(p.notes).toContain(`${note} (more sources only make BuildKit miss at random)`);
  });

  it.each([
    { title: 'a pull request looks at its head commit', ctx: pr, headCommit: true },
    {
      title: 'a fork pull request too: GitHub serves its head commit from the base repository',
      ctx: run('pull_request', 'pull_request-fork', 'refs/pull/7/merge', MERGE),
      headCommit: true,
    },
    { title: 'a push does not', ctx: update, headCommit: false },
  ])('$title', ({ ctx, headCommit }) => {
    expect(factsNeeded(classify(ctx)).headCommit).toBe(headCommit);
  });
});

describe("on GitHub's cache, a pull request whose head just merged its base", () => {
  it('reads the base commit first (its head branch is not readable there)', () => {
    const pr = run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE);
    const options: PlanOptions = { ...base, backend: 'gha', image: '' };
    const p = plan(pr, { ...facts, mergeIsHead: true, justMerged: PARENT }, options);
    const names = p.reads.filter((r) => r.entry !== '').map((r) => r.ref);
    expect(names.slice(0, 3)).toStrictEqual([`sha:${PARENT}`, 'branch:main', 'pr:7']);
    expect(p.reads.find((r) => r.ref === 'branch:feature/login-form')?.entry).toBe('');
  });
});

describe('a pull request whose head commit could not be read', () => {
  it('plans as before and says why', () => {
    const pr = run('pull_request', 'pull_request', 'refs/pull/7/merge', MERGE);
    const r = refPlan(pr, { ...facts, headWhy: 'could not fetch 1234: timed out' }, 'auto');
    expect(labels(r.reads)).toStrictEqual(['pr:7', 'branch:feature/login-form', 'branch:main']);
    expect(r.notes).toContain(
      'head commit not compared with the merge commit: could not fetch 1234: timed out',
    );
  });
});

describe('a branch push whose own cache exists skips the merge-base lookup, unless it is a merge', () => {
  const feature = run('push', 'push-feature', 'refs/heads/feature/login-form');
  const options: PlanOptions = { ...base, backend: 'local', dir: '/tmp/cache' };
  const ownIndex = '/tmp/cache/default.branch-feature-login-form--5e6268e34d4a6047/index.json';
  const commitObject = (parents: number) =>
    [
      'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      ...Array.from({ length: parents }, () => `parent ${PARENT}`),
      '',
      'msg',
    ].join('\n');
  const gitFake = (parents: number) => {
    const calls: string[] = [];
    const exec = async (_cmd: string, args: readonly string[]) => {
      calls.push(args.join(' '));
      return args[0] === 'cat-file'
        ? { exitCode: 0, stdout: commitObject(parents), stderr: '', timedOut: false }
        : { exitCode: 1, stdout: '', stderr: 'no git here', timedOut: false };
    };
    return { exec, calls };
  };

  it.each([
    { title: 'own cache, one parent: no lookup', parents: 1, own: true, lookup: false },
    {
      title: 'own cache, a merge commit: the lookup runs (it may have merged its base)',
      parents: 2,
      own: true,
      lookup: true,
    },
    { title: 'no own cache yet: the lookup runs', parents: 1, own: false, lookup: true },
  ])('$title', async ({ parents, own, lookup }) => {
    const g = gitFake(parents);
    const { facts: f } = await planInputs(
      g.exec,
      feature,
      options,
      environmentFrom({}),
      '',
      (file) => own && file === ownIndex,
    );
    expect(g.calls.some((c) => c.startsWith('rev-parse --is-shallow-repository'))).toBe(lookup);
    const p = narrowSources(
      plan(feature, f, options),
      localExistence((file) => own && file === ownIndex),
    );
    if (!lookup) {
      expect(p.notes).toContain(
        'merge-base with main not looked up: branch:feature/login-form exists and is read alone',
      );
      expect(p.cacheFrom).toStrictEqual([
        'type=local,src=/tmp/cache/default.branch-feature-login-form--5e6268e34d4a6047',
      ]);
    }
  });
});

describe('events the rules do not know write nothing (issue 29, item 9)', () => {
  it.each(['deployment_status', 'check_run', 'check_suite', 'issues', 'watch'])(
    '%s on the default branch is unknown: no write, even with cache-write: always',
    (event) => {
      const ctx = run(event, 'push-main', 'refs/heads/main');
      expect(classify(ctx)).toStrictEqual({ kind: 'unknown', event, ref: 'refs/heads/main' });
      for (const write of ['auto', 'always'] as CacheWrite[]) {
        expect(labels(refPlan(ctx, facts, write).writes)).toStrictEqual([]);
      }
    },
  );
});

describe("a commit's cache is written only from that commit's workspace", () => {
  const OTHER = 'e'.repeat(40);
  it.each([
    {
      title: 'push to main, the workspace holds that commit: both writes',
      ctx: run('push', 'push-main', 'refs/heads/main'),
      head: HEAD,
      write: 'auto' as CacheWrite,
      writes: ['branch:main', `sha:${HEAD}`],
      notes: [],
    },
    {
      title: 'push to main, the workspace holds another commit: the commit write is dropped, with a note',
      ctx: run('push', 'push-main', 'refs/heads/main'),
      head: OTHER,
      write: 'auto' as CacheWrite,
      writes: ['branch:main'],
      notes: [`sha:${HEAD} is not written: the workspace holds ${OTHER}, not that commit`],
    },
    {
      title: 'a tag with cache-write: always, another commit checked out: nothing',
      ctx: run('push', 'push-tag', 'refs/tags/v1.4.0'),
      head: OTHER,
      write: 'always' as CacheWrite,
      writes: [],
      notes: [`sha:${HEAD} is not written: the workspace holds ${OTHER}, not that commit`],
    },
    {
      title: 'git could not tell (no checkout): the write stays',
      ctx: run('push', 'push-main', 'refs/heads/main'),
      head: undefined,
      write: 'auto' as CacheWrite,
      writes: ['branch:main', `sha:${HEAD}`],
      notes: [],
    },
  ])('$title', ({ ctx, head, write, writes, notes }) => {
    const p = refPlan(ctx, { ...facts, ...(head ? { workspaceHead: head } : {}) }, write);
    expect(labels(p.writes)).toStrictEqual(writes);
    for (const n of notes) expect(p.notes).toContain(n);
    expect(p.notes.filter((n) => n.includes('is not written: the workspace holds'))).toHaveLength(
      notes.length,
    );
  });
});
