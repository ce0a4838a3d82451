import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesByRef, entriesByName, type GhaEntry, gitRefOf, orphanedBlobs } from '../../src/cleanup/gha';
import { cacheNameOfKey } from '../../src/stores/github-cache/keys';
import { githubCacheFamilies } from '../../src/cleanup/run';
import {
  cleanupTrigger,
  deletionsDue,
  manifestsToDelete,
  namesOfRef,
  planDeletions,
} from '../../src/cleanup/deletions';
import { newestLayerTime, ghcrPackage } from '../../src/cleanup/registry';
import { namesInEntries } from '../../src/cleanup/run';
import { type CleanupOutcome, quotaWarning } from '../../src/cleanup/outcome';
import { ghaCacheLimitBytes } from '../../src/cleanup/gha';
import { type GhaCacheService, startGhaCacheService } from '../../test-services/gha-cache';
import { renderCleanup } from '../../src/report/cleanup-summary';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { cacheName, namespace } from '../../src/plan/names';

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const sha = (n: number) => n.toString(16).padStart(40, '0');

function run(event: string, fixture: string, ref: string) {
  const payload = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'events', `${fixture}.json`), 'utf8'),
  );
  return runContextFrom(
    environmentFrom({ GITHUB_EVENT_NAME: event, GITHUB_REF: ref, GITHUB_SHA: HEAD }).github,
    payload,
  );
}

describe('cleanupTrigger: which events clean up, and what', () => {
  it.each([
    {
      title: 'a merged pull request: its own caches',
      ctx: run('pull_request', 'pull_request-closed', 'refs/pull/7/merge'),
      want: {
        kind: 'ref-gone',
        ref: { kind: 'pr', number: 7 },
        why: 'pull request #7 was merged: no run will read its caches again',
      },
    },
    {
      title: "a fork's closed pull request: only its own caches",
      ctx: run('pull_request', 'pull_request-closed-fork', 'refs/pull/7/merge'),
      want: {
        kind: 'ref-gone',
        ref: { kind: 'pr', number: 7 },
        why: 'pull request #7 was closed without merging (from a fork: only its own caches): no run will read its caches again',
      },
    },
    {
      title: 'a deleted branch: its caches',
      ctx: run('delete', 'delete-branch', 'refs/heads/main'),
      want: {
        kind: 'ref-gone',
        ref: { kind: 'branch', name: 'feature/login-form' },
        why: 'branch feature/login-form was deleted: no run will read its caches again',
      },
    },
    {
      title: 'a deleted tag: nothing, said once',
      ctx: run('delete', 'delete-tag', 'refs/heads/main'),
      want: {
        kind: 'nothing',
        why: 'delete of tag v1.4.0: tags have no caches of their own, nothing is deleted',
      },
    },
    {
      title: 'the default branch deleted: never touched',
      ctx: {
        ...run('delete', 'delete-branch', 'refs/heads/main'),
        deletedRef: { type: 'branch', name: 'main' },
      },
      want: { kind: 'nothing', why: 'the default branch main is never cleaned up' },
    },
    {
      title: 'an open pull request builds',
      ctx: run('pull_request', 'pull_request', 'refs/pull/7/merge'),
      want: null,
    },
    {
      title: 'pull_request_target closed never deletes (untrusted)',
      ctx: run('pull_request_target', 'pull_request-closed', 'refs/heads/main'),
      want: null,
    },
    {
      title: 'issue_comment never deletes',
      ctx: run('issue_comment', 'issue_comment', 'refs/heads/main'),
      want: null,
    },
    {
      title: 'workflow_run never deletes',
      ctx: run('workflow_run', 'workflow_run', 'refs/heads/main'),
      want: null,
    },
    { title: 'a push builds', ctx: run('push', 'push-main', 'refs/heads/main'), want: null },
  ])('$title', ({ ctx, want }) => expect(cleanupTrigger(ctx)).toStrictEqual(want));
});

describe("namesOfRef: a ref's caches in the scope, every leg, exact names only", () => {
  const names = [
    'app.branch-feature',
    'app.branch-feature-2',
    'app.amd64.branch-feature',
    'app.arm64.branch-feature-2',
    'app.pr-7',
    'app.pr-70',
    'app.runtime.pr-7',
    'other.branch-feature',
    'other.pr-7',
    'app.sha-' + HEAD,
  ];
  it.each([
    {
      title: 'feature keeps feature-2',
      ref: { kind: 'branch' as const, name: 'feature' },
      want: ['app.branch-feature', 'app.amd64.branch-feature'],
    },
    {
      title: 'pr-7 keeps pr-70 and other scopes',
      ref: { kind: 'pr' as const, number: 7 },
      want: ['app.pr-7', 'app.runtime.pr-7'],
    },
  ])('$title', ({ ref, want }) => expect(namesOfRef(names, 'app', ref)).toStrictEqual(want));

  it('matches a hashed branch name as the planner writes it', () => {
    const name = cacheName(namespace('app', 'leg'), { kind: 'branch', name: 'Feature/X' });
    expect(
      namesOfRef([name, 'app.branch-feature-x'], 'app', { kind: 'branch', name: 'Feature/X' }),
    ).toStrictEqual([name]);
  });
});

describe('planDeletions', () => {
  const gone = { kind: 'ref-gone' as const, ref: { kind: 'pr' as const, number: 7 }, why: 'closed' };
  it.each([
    {
      title: 'a gone ref: all its caches',
      target: gone,
      existing: ['app.pr-7', 'app.leg.pr-7', 'app.branch-main'],
      protect: [],
      limit: 25,
      want: {
        deletions: [
          { name: 'app.pr-7', why: 'closed' },
          { name: 'app.leg.pr-7', why: 'closed' },
        ],
        kept: [],
        deferred: [],
      },
    },
    {
      title: 'never one this run reads or writes',
      target: gone,
      existing: ['app.pr-7', 'app.leg.pr-7'],
      protect: ['app.pr-7'],
      limit: 25,
      want: {
        deletions: [{ name: 'app.leg.pr-7', why: 'closed' }],
        kept: [{ name: 'app.pr-7', why: "this run's plan reads or writes it" }],
        deferred: [],
      },
    },
    {
      title: 'at most the limit; the rest later',
      target: gone,
      existing: ['app.pr-7', 'app.a.pr-7', 'app.b.pr-7'],
      protect: [],
      limit: 2,
      want: {
        deletions: [
          { name: 'app.pr-7', why: 'closed' },
          { name: 'app.a.pr-7', why: 'closed' },
        ],
        kept: [],
        deferred: ['app.b.pr-7'],
      },
    },
  ])('$title', ({ target, existing, protect, limit, want }) =>
    expect(
      planDeletions({
        target,
        scope: 'app',
        existing: existing.map((name) => ({ name, createdAt: 0 })),
        protect,
        limit,
      }),
    ).toStrictEqual(want),
  );

  it('retention: keeps the newest N commit caches of this namespace, deletes the oldest first', () => {
    const existing = [
      ...[1, 2, 3, 4, 5].map((n) => ({ name: `app.sha-${sha(n)}`, createdAt: n * 1000 })),
      { name: `app.sha-${sha(6)}`, createdAt: null }, // age unknown: counts as new
      { name: `app.leg.sha-${sha(1)}`, createdAt: 1 }, // another leg's: its own runs decide
      { name: 'app.branch-main', createdAt: 1 },
    ];
    const o = planDeletions({
      target: { kind: 'retention', namespace: 'app', keep: 2 },
      scope: 'app',
      existing,
      protect: [`app.sha-${sha(2)}`],
      limit: 2,
    });
    expect(o).toStrictEqual({
      deletions: [
        { name: `app.sha-${sha(1)}`, why: 'older than the newest 2 commit caches (cache-keep-commits)' },
        { name: `app.sha-${sha(3)}`, why: 'older than the newest 2 commit caches (cache-keep-commits)' },
      ],
      kept: [
        { name: `app.sha-${sha(6)}`, why: 'one of the newest 2 commit caches' },
        { name: `app.sha-${sha(5)}`, why: 'one of the newest 2 commit caches' },
        { name: `app.sha-${sha(2)}`, why: "this run's plan reads or writes it" },
      ],
      deferred: [`app.sha-${sha(4)}`],
    });
  });
});

describe('manifestsToDelete: a manifest goes when every tag on it goes; a shared one loses only the doomed tags', () => {
  const why = 'gone';
  it.each([
    {
      title: 'a manifest of its own: deleted',
      deletions: ['a.pr-7'],
      manifests: [{ id: 'sha256:1', tags: ['a.pr-7'] }],
      want: { remove: [{ id: 'sha256:1', tags: ['a.pr-7'], why }], untag: [], kept: [] },
    },
    {
      title: "shared with main's: the tag alone goes, the manifest stays",
      deletions: ['a.pr-1'],
      manifests: [{ id: 'sha256:1', tags: ['a.branch-main', 'a.pr-1'] }],
      want: {
        remove: [],
        untag: [
          { name: 'a.pr-1', why: `${why}; its manifest stays for a.branch-main`, manifest: 'sha256:1' },
        ],
        kept: [],
      },
    },
    {
      title: "a pull request and its head branch: the closed pull request's tag alone goes",
      deletions: ['a.pr-12', 'a.leg.pr-12'],
      manifests: [
        { id: 'sha256:1', tags: ['a.branch-feature', 'a.pr-12'] },
        { id: 'sha256:2', tags: ['a.leg.pr-12'] },
      ],
      want: {
        remove: [{ id: 'sha256:2', tags: ['a.leg.pr-12'], why }],
        untag: [
          { name: 'a.pr-12', why: `${why}; its manifest stays for a.branch-feature`, manifest: 'sha256:1' },
        ],
        kept: [],
      },
    },
    {
      title: 'two doomed tags on one manifest: one delete',
      deletions: ['a.pr-7', 'a.leg.pr-7'],
      manifests: [{ id: 'sha256:1', tags: ['a.pr-7', 'a.leg.pr-7'] }],
      want: { remove: [{ id: 'sha256:1', tags: ['a.pr-7', 'a.leg.pr-7'], why }], untag: [], kept: [] },
    },
    {
      title: 'a tag whose manifest is gone already',
      deletions: ['a.pr-7'],
      manifests: [],
      want: {
        remove: [],
        untag: [],
        kept: [{ name: 'a.pr-7', why: 'its manifest was not found (already deleted?)' }],
      },
    },
  ])('$title', ({ deletions, manifests, want }) =>
    expect(
      manifestsToDelete(
        deletions.map((name) => ({ name, why })),
        manifests,
      ),
    ).toStrictEqual(want),
  );
});

describe('gha helpers', () => {
  const e = (id: number, key: string, ref = 'refs/pull/7/merge', bytes = 10): GhaEntry => ({
    id,
    ref,
    key,
    createdAt: id,
    bytes,
  });
  it('groups index entries by cache name; blobs and other keys are not caches', () => {
    const byName = entriesByName([
      e(1, 'index-app.pr-7-1-abcdef01'),
      e(2, 'index-app.pr-7-1-abcdef01#1'),
      e(3, 'index-app.pr-70-1-abcdef01'),
      e(4, 'buildkit-blob-1-sha256:aa'),
      e(5, 'npm-cache-linux'),
    ]);
    expect([...byName].map(([n, l]) => [n, l.map((x) => x.id)])).toStrictEqual([
      ['app.pr-7', [1, 2]],
      ['app.pr-70', [3]],
    ]);
  });
  it.each([
    { key: 'index-app.pr-7-1-abcdef01', name: 'app.pr-7' },
    { key: 'index-app.leg-a.branch-main-1-abcdef01#2', name: 'app.leg-a.branch-main' },
    { key: 'bkca-local-v1/app.pr-7/0123456789abcdef', name: 'app.pr-7' },
    { key: 'bkca-local-v1/app.sha-' + 'a'.repeat(40) + '/01', name: 'app.sha-' + 'a'.repeat(40) },
    { key: 'bkca-mount-v1/npm-cache/app.branch-feature-x/0123456789abcdef', name: 'app.branch-feature-x' },
    // Not a cache of this action's: layer blobs, other tools, a key of another layout.
    { key: 'buildkit-blob-1-sha256:aa', name: null },
    { key: 'npm-cache-linux', name: null },
    { key: 'bkca-local-v1/app.pr-7', name: null },
    { key: 'bkca-mount-v1/app.pr-7/0123', name: null },
    { key: 'bkca-mount-v2/id/app.pr-7/0123', name: null },
  ])('cacheNameOfKey($key) is $name', ({ key, name }) => expect(cacheNameOfKey(key)).toBe(name));
  it("groups a ref's index, local folder and mount entries under their cache name", () => {
    const byName = entriesByName([
      e(1, 'index-app.pr-7-1-abcdef01'),
      e(2, 'bkca-mount-v1/apt/app.pr-7/aaaa'),
      e(3, 'bkca-mount-v1/npm/app.pr-7/bbbb'),
      e(4, 'bkca-local-v1/app.pr-70/cccc'),
      e(5, 'bkca-mount-v1/apt/other.pr-7/dddd'),
    ]);
    expect([...byName].map(([n, l]) => [n, l.map((x) => x.id)])).toStrictEqual([
      ['app.pr-7', [1, 2, 3]],
      ['app.pr-70', [4]],
      ['other.pr-7', [5]],
    ]);
  });
  it.each([
    { backend: 'gha', persistLocal: false, mounts: 'auto', want: ['index', 'mount'] },
    { backend: 'gha', persistLocal: false, mounts: 'none', want: ['index'] },
    { backend: 'local', persistLocal: true, mounts: 'auto', want: ['local', 'mount'] },
    { backend: 'local', persistLocal: false, mounts: 'none', want: [] },
    { backend: 'registry', persistLocal: false, mounts: 'ids', want: ['mount'] },
    { backend: 's3', persistLocal: false, mounts: 'none', want: [] },
  ] as const)(
    'githubCacheFamilies: $backend, persisted local $persistLocal, cache-mounts $mounts → $want',
    ({ backend, persistLocal, mounts, want }) => {
      const selection = mounts === 'ids' ? { kind: mounts, ids: ['apt'] } : { kind: mounts };
      expect(
        githubCacheFamilies({ cache: { backend, persistLocal }, mounts: { selection } } as never),
      ).toStrictEqual(want);
    },
  );
  it.each([
    { title: 'no index left in the scope: its blobs are orphans', remaining: [], want: [10, 11] },
    {
      title: "another image's index remains: blobs kept",
      remaining: [e(1, 'index-other.pr-7-1-abcdef01')],
      want: [],
    },
  ])('$title', ({ remaining, want }) =>
    expect(
      orphanedBlobs(remaining, [
        e(10, 'buildkit-blob-1-sha256:aa'),
        e(11, 'buildkit-blob-1-sha256:bb'),
        e(12, 'npm'),
      ]).map((b) => b.id),
    ).toStrictEqual(want),
  );
  it.each([
    { ref: { kind: 'pr' as const, number: 7 }, want: 'refs/pull/7/merge' },
    { ref: { kind: 'branch' as const, name: 'feature/x' }, want: 'refs/heads/feature/x' },
    { ref: { kind: 'sha' as const, sha: HEAD }, want: 'refs/heads/main' },
  ])('gitRefOf $want', ({ ref, want }) => expect(gitRefOf(ref, 'main')).toBe(want));
  it('sums bytes by ref, largest first', () =>
    expect(
      bytesByRef([
        e(1, 'a', 'refs/heads/main', 5),
        e(2, 'b', 'refs/pull/1/merge', 7),
        e(3, 'c', 'refs/heads/main', 4),
      ]),
    ).toStrictEqual([
      { ref: 'refs/heads/main', bytes: 9 },
      { ref: 'refs/pull/1/merge', bytes: 7 },
    ]));
});

describe('namesInEntries: the cache names a plan reads and writes', () => {
  it.each([
    { entry: 'type=gha,scope=app.branch-main,mode=max', want: ['app.branch-main'] },
    { entry: 'type=registry,ref=127.0.0.1:5000/o/app-cache:app.sha-1,mode=max', want: ['app.sha-1'] },
    { entry: 'type=s3,name=app.pr-1;app.branch-main,bucket=b', want: ['app.pr-1', 'app.branch-main'] },
    { entry: 'type=local,src=/tmp/c/app.branch-x', want: ['app.branch-x'] },
  ])('$entry', ({ entry, want }) => expect(namesInEntries([entry])).toStrictEqual(want));
});

describe('registry helpers', () => {
  it('dates a cache manifest by its newest layer', () => {
    const manifest = {
      manifests: [
        { annotations: { 'buildkit/createdat': '2026-11-20T10:00:00Z' } },
        { annotations: { 'buildkit/createdat': '2026-11-21T10:00:00Z' } },
        { mediaType: 'application/vnd.buildkit.cacheconfig.v0' },
      ],
    };
    expect(newestLayerTime(manifest)).toBe(Date.parse('2026-11-21T10:00:00Z'));
    expect(newestLayerTime({ manifests: [{}] })).toBeNull();
  });
  it.each([
    { image: 'ghcr.io/octo-org/octo-repo-cache', want: { owner: 'octo-org', name: 'octo-repo-cache' } },
    { image: 'ghcr.io/Octo-Org/team/app', want: { owner: 'octo-org', name: 'team/app' } },
    { image: '127.0.0.1:5000/octo-org/app', want: null },
  ])('ghcrPackage($image)', ({ image, want }) => expect(ghcrPackage(image)).toStrictEqual(want));
});

describe('renderCleanup', () => {
  const outcome = (limit: { limitBytes: number; limitKnown: boolean }): CleanupOutcome => ({
    kind: 'ref-gone',
    why: 'pull request #7 was merged',
    dryRun: true,
    deleted: [{ name: 'app.pr-7', why: 'merged' }],
    kept: [{ name: 'app.leg.pr-7', why: 'shares its manifest with app.branch-main, which is kept' }],
    deferred: [],
    notes: [],
    warnings: [],
    quota: {
      repositoryBytes: 9 * 1024 ** 3,
      ...limit,
      scopeBytes: 2048,
      largest: [{ ref: 'refs/heads/main', key: 'buildkit-blob-1-sha256:aa', bytes: 1024 ** 3 }],
      refs: [],
    },
  });
  it('lists deletions, kept caches with reasons, and the quota', () => {
    const md = renderCleanup({ ...outcome({ limitBytes: 10 * 1024 ** 3, limitKnown: false }) });
    expect(md).toContain('- **would delete (dry run)** `app.pr-7`: merged');
    expect(md).toContain(
      '- **kept** `app.leg.pr-7`: shares its manifest with app.branch-main, which is kept',
    );
    // github.com does not say the repository's limit: admins may have raised it.
    expect(md).toContain('GitHub cache usage: **9.0 GiB** of the default 10 GB (90%)');
    expect(md).toContain('| `buildkit-blob-1-sha256:aa` | `refs/heads/main` | 1.0 GiB |');
  });

  it.each([
    { dryRun: false, want: 'Nothing deleted.' },
    { dryRun: true, want: 'Nothing would be deleted.' },
  ])('says so when nothing is deleted (dry run: $dryRun)', ({ dryRun, want }) => {
    const md = renderCleanup({ ...outcome({ limitBytes: 0, limitKnown: false }), dryRun, deleted: [] });
    expect(md.split('\n')).toContain(want);
  });

  it("names the repository's own limit where the API gave it (GitHub Enterprise Server)", () => {
    const md = renderCleanup({ ...outcome({ limitBytes: 25 * 1024 ** 3, limitKnown: true }) });
    expect(md).toContain("GitHub cache usage: **9.0 GiB** of the repository's limit of 25 GiB (36%)");
  });
});

describe('quotaWarning: above 80% of the default 10 GB, the refs that hold the most', () => {
  const GiB = 1024 ** 3;
  const q = (repositoryBytes: number) => ({
    repositoryBytes,
    limitBytes: 10 * GiB,
    limitKnown: false,
    scopeBytes: 0,
    largest: [],
    refs: [
      { ref: 'refs/pull/3/merge', bytes: 3 * GiB },
      { ref: 'refs/heads/main', bytes: 2 * GiB },
    ],
  });
  it.each([
    { used: 8 * GiB, want: null },
    {
      used: 8.5 * GiB,
      want: "the repository's GitHub cache holds 8.5 GiB of the default 10 GB: GitHub evicts the least recently used entries past the limit; the most is held by refs/pull/3/merge (3.0 GiB), refs/heads/main (2.0 GiB)",
    },
  ])('$used bytes', ({ used, want }) => expect(quotaWarning(q(used))).toBe(want));
});

describe('planDeletions: the commit this run writes is the newest', () => {
  // A fully cached build exports its commit cache with layers as old as the cache it came from:
  // equal ages, and the name alone must not decide which of the two goes.
  it.each([
    { title: 'its name sorting first', mine: 'a'.repeat(40), other: 'f'.repeat(40) },
    { title: 'its name sorting last', mine: 'f'.repeat(40), other: 'a'.repeat(40) },
  ])('$title', ({ mine, other }) => {
    const o = planDeletions({
      target: { kind: 'retention', namespace: 'app', keep: 1, written: [`app.sha-${mine}`] },
      scope: 'app',
      existing: [
        { name: `app.sha-${mine}`, createdAt: 5 },
        { name: `app.sha-${other}`, createdAt: 5 },
      ],
      protect: [`app.sha-${mine}`],
    });
    expect(o.deletions.map((d) => d.name)).toStrictEqual([`app.sha-${other}`]);
    expect(o.kept).toStrictEqual([{ name: `app.sha-${mine}`, why: 'one of the newest 1 commit caches' }]);
  });
});

describe('deletionsDue: whether names alone show something to delete', () => {
  const retention = { kind: 'retention' as const, namespace: 'app', keep: 2 };
  it.each([
    { title: 'more commit caches than kept', names: [1, 2, 3].map((n) => `app.sha-${sha(n)}`), want: true },
    {
      title: 'whatever their names sort like (a protected name sorting last does not hide it)',
      names: [`app.sha-${'f'.repeat(40)}`, `app.sha-${'e'.repeat(40)}`, `app.sha-${sha(1)}`],
      want: true,
    },
    { title: 'as many as kept', names: [1, 2].map((n) => `app.sha-${sha(n)}`), want: false },
    {
      title: "another leg's do not count",
      names: [1, 2, 3].map((n) => `app.leg.sha-${sha(n)}`),
      want: false,
    },
  ])('$title', ({ names, want }) => expect(deletionsDue(retention, 'app', names)).toBe(want));
  it('a gone ref with no cache: nothing due', () =>
    expect(
      deletionsDue({ kind: 'ref-gone', ref: { kind: 'pr', number: 7 }, why: '' }, 'app', ['app.pr-70']),
    ).toBe(false));
});

describe("the repository's cache limit, where the API says it (the cache service stand-in)", () => {
  let svc: GhaCacheService;
  beforeAll(async () => {
    svc = await startGhaCacheService();
  }, 60000);
  afterAll(() => svc.stop());
  const api = () => ({ apiUrl: svc.apiUrl, token: svc.githubToken });

  it('github.com has no usage-policy endpoint: the limit is unknown (said as the default)', async () => {
    svc.setUsagePolicy(null);
    expect(await ghaCacheLimitBytes(api(), 'octo-org/octo-repo')).toBeNull();
  });

  it("GitHub Enterprise Server's repo_cache_size_limit_in_gb is the limit", async () => {
    svc.setUsagePolicy(25);
    expect(await ghaCacheLimitBytes(api(), 'octo-org/octo-repo')).toBe(25 * 1024 ** 3);
  });
});
