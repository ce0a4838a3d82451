import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunContext, runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { type CacheScope, cacheScopesFromToken } from '../../src/github/runtime-token';
import { planMounts } from '../../src/mounts/mount-plan';
import { type CachePlan, plan, type PlanOptions } from '../../src/plan/planner';
import { classify } from '../../src/plan/triggers';
import {
  type CacheToken,
  NO_SCOPE,
  READ_ONLY,
  UNDECODABLE,
  WRITE_ONLY,
  tokenCannotRead,
  tokenRefusals,
} from '../../src/plan/token';
import { neverSaves } from '../../src/plan/trust';
import { exportOutcome } from '../../src/report/cache-report';
import { mintToken } from '../../test-services/gha-cache/token';

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const PARENT = '5f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4';
const MB = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const facts = { mergeBase: MB, parent: PARENT };

function run(event: string, fixture: string, ref: string): RunContext {
  const payload = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'events', `${fixture}.json`), 'utf8'),
  );
  return runContextFrom(
    environmentFrom({
      GITHUB_EVENT_NAME: event,
      GITHUB_REF: ref,
      GITHUB_SHA: HEAD,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
    }).github,
    payload,
  );
}

const TRIGGERS: { trigger: string; ctx: RunContext }[] = [
  { trigger: 'push to the default branch', ctx: run('push', 'push-main', 'refs/heads/main') },
  { trigger: 'push to a branch', ctx: run('push', 'push-feature', 'refs/heads/feature/login-form') },
  { trigger: 'pull request', ctx: run('pull_request', 'pull_request', 'refs/pull/7/merge') },
  { trigger: 'pull request from a fork', ctx: run('pull_request', 'pull_request-fork', 'refs/pull/7/merge') },
  {
    trigger: 'pull_request_target',
    ctx: run('pull_request_target', 'pull_request_target', 'refs/heads/main'),
  },
  { trigger: 'issue_comment', ctx: run('issue_comment', 'issue_comment', 'refs/heads/main') },
  { trigger: 'workflow_run', ctx: run('workflow_run', 'workflow_run', 'refs/heads/main') },
  {
    trigger: 'merge queue',
    ctx: run('merge_group', 'merge_group', `refs/heads/gh-readonly-queue/main/pr-7-${PARENT}`),
  },
  { trigger: 'tag', ctx: run('push', 'push-tag', 'refs/tags/v1.4.0') },
  { trigger: 'schedule', ctx: run('schedule', 'schedule', 'refs/heads/main') },
];

/** The scope a run writes in and the ones it reads, as GitHub grants them. */
function scopesOf(ctx: RunContext): { own: string; others: string[] } {
  const t = classify(ctx);
  const own = t.kind === 'pull-request' ? `refs/pull/${t.number}/merge` : ctx.ref;
  const base = t.kind === 'pull-request' || t.kind === 'untrusted' ? [`refs/heads/${t.base}`] : [];
  const others = [...new Set([...base, `refs/heads/${ctx.defaultBranch}`])].filter((s) => s !== own);
  return { own, others };
}

const scope = (s: string, read: boolean, write: boolean): CacheScope => ({ scope: s, read, write });

/** The four `cache-mode`s, as the token's scopes. */
const MODES: Record<string, (ctx: RunContext) => CacheScope[]> = {
  read: (ctx) => {
    const { own, others } = scopesOf(ctx);
    return [scope(own, true, false), ...others.map((o) => scope(o, true, false))];
  },
  write: (ctx) => {
    const { own, others } = scopesOf(ctx);
    return [scope(own, true, true), ...others.map((o) => scope(o, true, false))];
  },
  'write-only': (ctx) => [scope(scopesOf(ctx).own, false, true)],
  none: () => [],
};

const STORES: Record<string, Partial<PlanOptions>> = {
  gha: { backend: 'gha' },
  'local through the GitHub cache': { backend: 'local', dir: '/tmp/bkca-local-cache', persistedLocal: true },
  // Cache mounts go through the GitHub cache whatever the layer backend: a registry here.
  mounts: { backend: 'registry', image: 'ghcr.io/octo-org/app-cache' },
};

const optionsOf = (store: string, token: CacheToken): PlanOptions => ({
  backend: 'gha',
  scope: 'app',
  leg: '',
  siblingLegs: [],
  write: 'auto',
  rawFrom: [],
  rawTo: [],
  ...STORES[store],
  token,
});

const read = (p: CachePlan) => p.reads.filter((r) => r.entry !== '').map((r) => r.entry);
/** The token's notes about the run as a whole (a ref it may not read gets a line of its own). */
const tokenNotes = (p: CachePlan) =>
  p.notes.filter((n) => n.includes("job's cache token") && !n.includes(' is not read: '));
const mountPlanOf = (p: CachePlan) =>
  planMounts(
    {
      mounts: [
        {
          id: 'apt',
          target: '/var/cache/apt',
          sharing: 'shared',
          uid: '',
          gid: '',
          mode: '',
          stage: 'deps',
          line: 3,
        },
      ],
      leftOut: [],
      notes: [],
    },
    { kind: 'auto' },
    p,
    { noCache: false },
  );

const cells = TRIGGERS.flatMap(({ trigger, ctx }) =>
  Object.keys(MODES).flatMap((mode) => Object.keys(STORES).map((store) => ({ trigger, ctx, mode, store }))),
);

describe("the job's cache token decides what may be read and written: trigger × cache-mode × store", () => {
  it.each(cells)('$trigger, cache-mode $mode, $store', ({ ctx, mode, store }) => {
    const token = MODES[mode](ctx);
    const canRead = mode === 'read' || mode === 'write';
    const canWrite = mode === 'write' || mode === 'write-only';
    // What GitHub's trigger rules alone plan: the plan with a token that allows all of it.
    const full = plan(ctx, facts, optionsOf(store, MODES.write(ctx)));
    const p = plan(ctx, facts, optionsOf(store, token));
    const m = mountPlanOf(p);
    const fullMounts = mountPlanOf(full);

    if (store === 'mounts') {
      // The layer cache lives in a registry: the token does not touch it.
      expect(p.cacheFrom).toStrictEqual(full.cacheFrom);
      expect(p.cacheTo).toStrictEqual(full.cacheTo);
      expect(tokenNotes(p)).toStrictEqual([]);
    } else {
      expect(read(p)).toStrictEqual(canRead ? read(full) : []);
      expect(p.cacheTo).toStrictEqual(canWrite ? full.cacheTo : []);
      const expectedNotes = [
        ...(!canRead && read(full).length > 0 ? [canWrite ? WRITE_ONLY : NO_SCOPE] : []),
        ...(!canWrite && full.cacheTo.length > 0 ? [canRead ? READ_ONLY : NO_SCOPE] : []),
      ];
      expect(tokenNotes(p)).toStrictEqual([...new Set(expectedNotes)]);
      // cache-export: skipped, and why, when the token left the writes out.
      const exported = exportOutcome(p, null, true, '');
      if (!canWrite && full.cacheTo.length > 0) {
        expect(exported).toMatchObject({ status: 'skipped', reason: canRead ? READ_ONLY : NO_SCOPE });
      }
    }

    // Cache mounts: restored only when the token reads, saved only when it writes (and the
    // trigger lets them be saved); neither: not persisted at all.
    const saved = canWrite && fullMounts.noSave === '';
    if (!canRead && !saved) {
      expect(m.mounts).toStrictEqual([]);
      expect(m.skipped).toStrictEqual([
        { id: 'apt', target: '/var/cache/apt', why: canWrite ? WRITE_ONLY : NO_SCOPE },
      ]);
    } else {
      expect(m.mounts.map((x) => x.restoreKeys)).toStrictEqual(
        canRead ? fullMounts.mounts.map((x) => x.restoreKeys) : [[]],
      );
      expect(m.mounts.map((x) => x.saveKeyPrefix)).toStrictEqual(
        saved ? fullMounts.mounts.map((x) => x.saveKeyPrefix) : [null],
      );
      if (!canWrite && fullMounts.noSave === '') expect(m.noSave).toBe(READ_ONLY);
    }
    // `cache: local` folders are saved by the same rule as mounts.
    if (!canWrite) expect(neverSaves(p)).not.toBe('');
  });
});

describe("the token's claims, case by case", () => {
  const main = TRIGGERS[0].ctx;

  it('a read-only token on a push to main: no write, one note, the reads as before', () => {
    const token = cacheScopesFromToken(
      mintToken({ scopes: [{ scope: 'refs/heads/main', permission: 1 }], secret: 's' }),
    );
    const p = plan(main, facts, optionsOf('gha', token));
    expect(p.cacheTo).toStrictEqual([]);
    expect(p.writes).toStrictEqual([]);
    expect(p.notes).toStrictEqual([READ_ONLY]);
    expect(read(p)).toStrictEqual(read(plan(main, facts, optionsOf('gha', undefined))));
  });

  it('a token that cannot be decoded: planned as without one, and said so', () => {
    const p = plan(main, facts, optionsOf('gha', cacheScopesFromToken('not-a-jwt')));
    const without = plan(main, facts, optionsOf('gha', undefined));
    expect(p.cacheFrom).toStrictEqual(without.cacheFrom);
    expect(p.cacheTo).toStrictEqual(without.cacheTo);
    expect(p.notes).toStrictEqual([...without.notes, UNDECODABLE]);
  });

  it('a branch scope the token does not list is not read; a commit cache is, in any readable scope', () => {
    const feature = TRIGGERS[1].ctx;
    const token = [scope('refs/heads/feature/login-form', true, true)];
    const p = plan(feature, facts, optionsOf('gha', token));
    expect(p.reads.find((r) => r.ref === 'branch:main')).toMatchObject({
      entry: '',
      notRead: "the job's cache token may not read refs/heads/main",
    });
    expect(p.reads.find((r) => r.ref === `sha:${MB}`)?.entry).not.toBe('');
    expect(tokenCannotRead(token, { kind: 'sha', sha: MB })).toBe('');
  });

  it.each([
    { token: undefined, read: '', write: '' },
    { token: null, read: '', write: '' },
    { token: [scope('refs/heads/main', true, true)], read: '', write: '' },
    { token: [scope('refs/heads/main', true, false)], read: '', write: READ_ONLY },
    { token: [scope('refs/heads/main', false, true)], read: WRITE_ONLY, write: '' },
    { token: [], read: NO_SCOPE, write: NO_SCOPE },
  ])('tokenRefusals($token) → read "$read", write "$write"', ({ token, read: r, write: w }) => {
    expect(tokenRefusals(token)).toStrictEqual({ read: r, write: w });
  });
});
