import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { planInputs } from '../../src/facts/facts';
import { localExistence, narrowSources, registryExistence } from '../../src/plan/narrow';
import { plan, type PlanOptions } from '../../src/plan/planner';
import { factsNeeded, refPlan } from '../../src/plan/rules';
import { classify, type GitFacts } from '../../src/plan/triggers';

// A push (or a pull request update) that rewrote history: the ref's own cache was built from
// another base, so the new base commit is read first, alone when it exists.

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const OLD_HEAD = '5f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4';
const MB = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const BASE = '2222222222222222222222222222222222222222';
const MERGE = '1111111111111111111111111111111111111111';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
const runEnv = (event: string, ref: string, sha: string) => ({
  GITHUB_EVENT_NAME: event,
  GITHUB_REF: ref,
  GITHUB_SHA: sha,
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
});
/** The branch push of the fixture, as GitHub sends it after `git push --force` (or a plain push). */
const branchPush = (change: Record<string, unknown>) =>
  runContextFrom(environmentFrom(runEnv('push', 'refs/heads/feature/login-form', HEAD)).github, {
    ...fixture('push-feature'),
    ...change,
  });
const pullRequest = runContextFrom(
  environmentFrom(runEnv('pull_request', 'refs/pull/7/merge', MERGE)).github,
  fixture('pull_request'),
);

describe('the event tells which head it replaced, and whether the push was forced', () => {
  it.each([
    {
      title: 'a forced push',
      ctx: branchPush({ before: OLD_HEAD, forced: true }),
      replaced: OLD_HEAD,
      forced: true,
    },
    {
      title: 'a plain push',
      ctx: branchPush({ before: OLD_HEAD, forced: false }),
      replaced: OLD_HEAD,
      forced: undefined,
    },
    { title: 'a new branch', ctx: branchPush({ forced: false }), replaced: undefined, forced: undefined },
    {
      title: "a pull request's synchronize (its payload has no forced)",
      ctx: pullRequest,
      replaced: OLD_HEAD,
      forced: undefined,
    },
    {
      title: 'a pull request opened: nothing replaced',
      ctx: runContextFrom(environmentFrom(runEnv('pull_request', 'refs/pull/7/merge', MERGE)).github, {
        ...fixture('pull_request'),
        action: 'opened',
      }),
      replaced: undefined,
      forced: undefined,
    },
  ])('$title', ({ ctx, replaced, forced }) => {
    expect(ctx.replacedHead).toBe(replaced);
    expect(ctx.forcedPush).toBe(forced);
  });

  it.each([
    { title: 'a branch push asks', ctx: branchPush({}), rewrite: true },
    { title: 'a pull request asks', ctx: pullRequest, rewrite: true },
    {
      title: 'a push to the default branch does not',
      ctx: runContextFrom(
        environmentFrom(runEnv('push', 'refs/heads/main', HEAD)).github,
        fixture('push-main'),
      ),
      rewrite: false,
    },
  ])('$title', ({ ctx, rewrite }) => {
    expect(factsNeeded(classify(ctx)).rewrite).toBe(rewrite);
  });
});

const image = 'ghcr.io/octo-org/app-cache';
const tag = (t: string) => `type=registry,ref=${image}:${t}`;
const options: PlanOptions = {
  backend: 'registry',
  image,
  mode: 'max',
  ignoreError: true,
  options: [],
  imageTags: [],
  scope: 'default',
  leg: '',
  siblingLegs: [],
  write: 'auto',
  rawFrom: [],
  rawTo: [],
};
const OWN_TAG = 'default.branch-feature-login-form--5e6268e34d4a6047';
const facts: GitFacts = { mergeBase: MB, parent: null };
const push = branchPush({ before: OLD_HEAD, forced: true });
const ALONE = ' (more sources only make BuildKit miss at random)';

describe('which source is read alone once history was rewritten (registry, existence known)', () => {
  it.each([
    {
      title: 'a rebased push reads the new merge-base commit alone, not its stale own branch',
      ctx: push,
      facts: { ...facts, rewritten: true },
      tags: [OWN_TAG, `default.sha-${MB}`, 'default.branch-main'],
      from: [tag(`default.sha-${MB}`)],
      note: `sha:${MB} is the new merge-base with main: this push rewrote the branch's history, so its last build started from another base: it is read alone`,
    },
    {
      title: 'the same push reads its own branch alone when the merge-base commit has no cache',
      ctx: push,
      facts: { ...facts, rewritten: true },
      tags: [OWN_TAG, 'default.branch-main'],
      from: [tag(OWN_TAG)],
      note: "branch:feature/login-form holds this ref's earlier runs: it is read alone",
    },
    {
      title: 'a push that kept history reads its own branch alone, as before',
      ctx: push,
      facts: { ...facts, rewritten: false },
      tags: [OWN_TAG, `default.sha-${MB}`, 'default.branch-main'],
      from: [tag(OWN_TAG)],
      note: "branch:feature/login-form holds this ref's earlier runs: it is read alone",
    },
    {
      title: "when git could not tell, today's rule holds and the plan says why",
      ctx: push,
      facts: { ...facts, rewrittenWhy: 'could not fetch 5f1e: timed out' },
      tags: [OWN_TAG, `default.sha-${MB}`, 'default.branch-main'],
      from: [tag(OWN_TAG)],
      note: "branch:feature/login-form holds this ref's earlier runs: it is read alone",
      also: 'whether this push rewrote history is unknown (could not fetch 5f1e: timed out): branch:feature/login-form is read first, as before',
    },
    {
      title: 'a merge that brought main in still reads the merged commit alone (the same fact)',
      ctx: push,
      facts: { ...facts, justMerged: MB },
      tags: [OWN_TAG, `default.sha-${MB}`, 'default.branch-main'],
      from: [tag(`default.sha-${MB}`)],
      note: `sha:${MB} is the main commit this push merged in: newer than this branch's last build: it is read alone`,
    },
    {
      title:
        "a pull request whose head was force-pushed reads its merge's base commit alone, not the head branch",
      ctx: pullRequest,
      facts: { ...facts, mergeIsHead: true, baseCommit: BASE, rewritten: true },
      tags: ['default.pr-7', OWN_TAG, `default.sha-${BASE}`, 'default.branch-main'],
      from: [tag(`default.sha-${BASE}`)],
      note: `sha:${BASE} is the base commit of this merge: the head was rewritten, so this pull request's last build started from another base: it is read alone`,
    },
    {
      title: 'then the base branch, when that commit has no cache',
      ctx: pullRequest,
      facts: { ...facts, mergeIsHead: true, baseCommit: BASE, rewritten: true },
      tags: ['default.pr-7', OWN_TAG, 'default.branch-main'],
      from: [tag('default.branch-main')],
      note: "branch:main is the base commit of this merge: the head was rewritten, so this pull request's last build started from another base: it is read alone",
    },
    {
      title: 'a pull request whose head only moved forward still reads the exact head branch alone',
      ctx: pullRequest,
      facts: { ...facts, mergeIsHead: true, baseCommit: BASE, rewritten: false },
      tags: ['default.pr-7', OWN_TAG, `default.sha-${BASE}`, 'default.branch-main'],
      from: [tag(OWN_TAG)],
      note: 'branch:feature/login-form was built from these very files (the head already contains the base): it is read alone',
    },
    {
      title: 'a pull request whose update git could not place reads its own pull request alone and says why',
      ctx: pullRequest,
      facts: {
        ...facts,
        mergeIsHead: false,
        baseCommit: BASE,
        rewrittenWhy: 'the shallow checkout does not reach it',
      },
      tags: ['default.pr-7', OWN_TAG, `default.sha-${BASE}`, 'default.branch-main'],
      from: [tag('default.pr-7')],
      note: "pr:7 holds this ref's earlier runs: it is read alone",
      also: 'whether the head update rewrote history is unknown (the shallow checkout does not reach it): pr:7 is read first, as before',
    },
  ])('$title', ({ ctx, facts: f, tags, from, note, ...rest }) => {
    const p = narrowSources(plan(ctx, f, options), registryExistence(tags));
    expect(p.cacheFrom).toStrictEqual(from);
    expect(p.notes).toContain(`${note}${ALONE}`);
    const also = 'also' in rest ? rest.also : undefined;
    expect(p.notes.filter((n) => n.startsWith('whether '))).toStrictEqual(also ? [also] : []);
  });

  it('writes stay as they are', () => {
    for (const [ctx, f] of [
      [push, facts],
      [pullRequest, { ...facts, baseCommit: BASE }],
    ] as const) {
      const kept = refPlan(ctx, { ...f, rewritten: false }, 'auto').writes;
      expect(refPlan(ctx, { ...f, rewritten: true }, 'auto').writes).toStrictEqual(kept);
    }
  });

  it('on gha the rebased push reads the merge-base commit first: main wrote it, every branch may read it', () => {
    const p = plan(push, { ...facts, rewritten: true }, { ...options, backend: 'gha', image: '' });
    const read = p.reads.filter((r) => r.entry !== '');
    expect(read[0]).toMatchObject({ ref: `sha:${MB}`, alone: expect.stringContaining('rewrote') });
    expect(read[0].entry).toMatch(/^type=gha,.*scope=default\.sha-abcdef/);
  });
});

describe('a forced push whose own cache exists still looks up its merge-base', () => {
  const dirOptions: PlanOptions = { ...options, backend: 'local', dir: '/tmp/cache', image: '' };
  const ownIndex = `/tmp/cache/${OWN_TAG}/index.json`;
  const fakeGit = () => {
    const calls: string[] = [];
    const exec = async (_cmd: string, args: readonly string[]) => {
      calls.push(args.join(' '));
      const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '', timedOut: false });
      if (args[0] === 'cat-file') return ok(`tree ${'4'.repeat(40)}\nparent ${MB}\n\nmsg`);
      if (args.join(' ') === 'rev-parse --is-shallow-repository') return ok('false\n');
      if (args[0] === 'rev-parse') return ok(`${args.includes('HEAD^{commit}') ? HEAD : MB}\n`);
      if (args[0] === 'merge-base') return ok(`${MB}\n`);
      return { exitCode: 1, stdout: '', stderr: 'no such thing', timedOut: false };
    };
    return { exec, calls };
  };

  it.each([
    { title: 'forced: the merge-base is looked up and read alone', forced: true, lookup: true },
    { title: 'not forced, the before is the parent: the lookup is skipped', forced: false, lookup: false },
  ])('$title', async ({ forced, lookup }) => {
    const ctx = branchPush({ before: forced ? OLD_HEAD : MB, forced });
    const g = fakeGit();
    const exists = (file: string) => file === ownIndex || file === `/tmp/cache/default.sha-${MB}/index.json`;
    const { facts: f } = await planInputs(g.exec, ctx, dirOptions, environmentFrom({}), '', exists);
    expect(g.calls.some((c) => c.startsWith('merge-base') && !c.includes('--is-ancestor'))).toBe(lookup);
    expect(f.rewritten).toBe(forced);
    const p = narrowSources(plan(ctx, f, dirOptions), localExistence(exists));
    expect(p.cacheFrom).toStrictEqual([
      `type=local,src=/tmp/cache/${lookup ? `default.sha-${MB}` : OWN_TAG}`,
    ]);
  });
});
