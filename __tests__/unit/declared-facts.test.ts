import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunContext, runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { gatherFacts, planInputs } from '../../src/facts/facts';
import { localExistence, narrowSources } from '../../src/plan/narrow';
import { ownReadEntry, plan, type PlanOptions } from '../../src/plan/planner';
import { factsNeeded, mergeBaseMootIf } from '../../src/plan/rules';
import { refLabel } from '../../src/plan/names';
import { classify, type FactsNeeded, type GitFacts } from '../../src/plan/triggers';
import type { Exec } from '../../src/lib/exec';

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const PARENT = '5f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4';

function run(event: string, fixture: string, ref: string): RunContext {
  const payload = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'events', `${fixture}.json`), 'utf8'),
  );
  const github = environmentFrom({
    GITHUB_EVENT_NAME: event,
    GITHUB_REF: ref,
    GITHUB_SHA: HEAD,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKSPACE: '/nonexistent/workspace',
  }).github;
  return runContextFrom(github, payload);
}

/** One context per trigger kind (and the event classes that share one). */
const CONTEXTS = {
  'push to the default branch': run('push', 'push-main', 'refs/heads/main'),
  'push to another branch': run('push', 'push-feature', 'refs/heads/feature/login-form'),
  'pull request': run('pull_request', 'pull_request', 'refs/pull/7/merge'),
  'pull request from a fork': run('pull_request', 'pull_request-fork', 'refs/pull/7/merge'),
  pull_request_target: run('pull_request_target', 'pull_request_target', 'refs/heads/main'),
  workflow_run: run('workflow_run', 'workflow_run', 'refs/heads/main'),
  'merge queue': run('merge_group', 'merge_group', 'refs/heads/gh-readonly-queue/main/pr-5-abc'),
  tag: run('push', 'push-tag', 'refs/tags/v1.4.0'),
  schedule: run('schedule', 'schedule', 'refs/heads/main'),
  'an event the rules do not know': run('check_run', 'push-main', 'refs/heads/main'),
};

const none: FactsNeeded = {
  mergeBase: false,
  parent: false,
  headCommit: false,
  rewrite: false,
  workspaceHead: false,
};

describe('the facts each rule declares (plan/rules.ts), per trigger', () => {
  it.each([
    ['push to the default branch', 'push-default', { parent: true, workspaceHead: true }, null],
    [
      'push to another branch',
      'push-branch',
      { mergeBase: true, rewrite: true },
      'branch:feature/login-form',
    ],
    ['pull request', 'pull-request', { headCommit: true, rewrite: true }, null],
    ['pull request from a fork', 'pull-request', { headCommit: true, rewrite: true }, null],
    ['pull_request_target', 'untrusted', {}, null],
    ['workflow_run', 'untrusted', {}, null],
    ['merge queue', 'merge-group', { workspaceHead: true }, null],
    ['tag', 'tag', { mergeBase: true, workspaceHead: true }, null],
    ['schedule', 'push-default', { parent: true, workspaceHead: true }, null],
    ['an event the rules do not know', 'unknown', {}, null],
  ] as const)('%s (%s): %j; merge-base moot when %s exists', (name, kind, facts, moot) => {
    const trigger = classify(CONTEXTS[name]);
    expect(trigger.kind).toBe(kind);
    expect(factsNeeded(trigger)).toStrictEqual({ ...none, ...facts });
    const own = mergeBaseMootIf(trigger);
    expect(own === null ? null : refLabel(own.ref)).toBe(moot);
  });
});

const OPTIONS: PlanOptions = {
  backend: 'local',
  dir: '/tmp/cache',
  scope: 'default',
  leg: '',
  siblingLegs: [],
  write: 'auto',
  rawFrom: [],
  rawTo: [],
};

/** git as a runner without a checkout sees it: HEAD's commit object only (with `parents` parents). */
function gitWithHeadOnly(parents: number): Exec {
  const object = ['tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904']
    .concat(
      Array.from({ length: parents }, () => `parent ${PARENT}`),
      ['', 'msg'],
    )
    .join('\n');
  return async (_cmd, args) =>
    args[0] === 'cat-file'
      ? { exitCode: 0, stdout: object, stderr: '', timedOut: false }
      : { exitCode: 1, stdout: '', stderr: 'no git here', timedOut: false };
}

/**
 * How the facts were found before they were declared: the planner ran without commits, and a
 * branch push skipped the merge-base when the first read-alone source of that plan existed (and
 * HEAD was no merge). A reference for the test only, to show the declared list decides the same.
 */
async function factsTheOldWay(
  exec: Exec,
  ctx: RunContext,
  options: PlanOptions,
  exists: (entry: string) => boolean | undefined,
): Promise<GitFacts> {
  const trigger = classify(ctx);
  const needed = factsNeeded(trigger);
  let skipped = '';
  if (trigger.kind === 'push-branch') {
    const own = plan(ctx, { mergeBase: null, parent: null }, options).reads.find((r) => r.alone && r.entry);
    const parents = (await exec('git', ['cat-file', '-p', 'HEAD'])).stdout.match(/^parent /gm)?.length;
    if (own && exists(own.entry) === true && parents === 1) {
      needed.mergeBase = false;
      skipped = `not looked up: ${own.ref} exists and is read alone`;
    }
  }
  const facts = await gatherFacts(exec, ctx, needed, '');
  return skipped ? { ...facts, mergeBaseSkipped: skipped } : facts;
}

describe('the plan from the declared facts is the plan the planner-driven lookup made', () => {
  const cases = Object.entries(CONTEXTS).flatMap(([name, ctx]) =>
    [
      { own: 'exists', parents: 1 },
      { own: 'exists', parents: 2 },
      { own: 'missing', parents: 1 },
    ].flatMap((git) =>
      [{ leg: '' }, { leg: 'linux-arm64', siblingLegs: ['linux-amd64'] }].map((legs) => ({
        title: `${name}, own cache ${git.own}, HEAD with ${git.parents} parent(s), leg ${legs.leg || '(none)'}`,
        ctx,
        ...git,
        options: { ...OPTIONS, ...legs },
      })),
    ),
  );

  it.each(cases)('$title', async ({ ctx, own, parents, options }) => {
    // Every planned folder exists but, when missing, this leg's own ref's (the one it reads alone).
    const ownRead = plan(ctx, { mergeBase: null, parent: null }, options).reads.find(
      (r) => r.origin === 'own' && r.alone,
    );
    const ownFolder = ownRead?.entry.replace(/^type=local,src=/, '') ?? '(none)';
    const fileExists = (file: string) => own === 'exists' || !file.startsWith(`${ownFolder}/`);
    const exists = localExistence(fileExists);
    const exec = gitWithHeadOnly(parents);

    const { facts } = await planInputs(exec, ctx, options, environmentFrom({}), '', fileExists);
    const declared = narrowSources(plan(ctx, facts, options), exists);
    const old = narrowSources(plan(ctx, await factsTheOldWay(exec, ctx, options, exists), options), exists);

    expect(declared).toStrictEqual(old);
    expect(facts.mergeBaseSkipped !== undefined).toBe(
      classify(ctx).kind === 'push-branch' && own === 'exists' && parents === 1,
    );
  });

  it.each([
    ['gha', undefined],
    ['gha', null],
    ['gha', [{ scope: 'refs/heads/main', read: true, write: false }]],
    ['registry', undefined],
    ['local', undefined],
    ['s3', undefined],
    ['none', undefined],
  ] as const)(
    'a branch push on %s (token %j): the declared own read is the first read-alone source the planner gives',
    (backend, token) => {
      const ctx = CONTEXTS['push to another branch'];
      const options: PlanOptions = {
        ...OPTIONS,
        backend,
        image: 'ghcr.io/octo-org/app-cache',
        options: ['bucket=b', 'region=r'],
        token: token as PlanOptions['token'],
      };
      const planned = plan(ctx, { mergeBase: null, parent: null }, options).reads.find(
        (r) => r.alone && r.entry,
      );
      const moot = mergeBaseMootIf(classify(ctx));
      expect(moot).not.toBeNull();
      expect(ownReadEntry(ctx, options, moot!)).toBe(planned?.entry ?? '');
    },
  );
});
