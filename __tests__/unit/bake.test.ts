import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bakeDefinition, bakeLegs, planBakeTargets } from '../../src/bake/targets';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { parseInputs } from '../../src/runner/inputs/read';
import { registryExistence } from '../../src/plan/narrow';
import type { PlanOptions } from '../../src/plan/planner';
import type { GitFacts } from '../../src/plan/triggers';

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const MB = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const IMAGE = 'ghcr.io/octo-org/app-cache';
const tag = (t: string) => `type=registry,ref=${IMAGE}:${t}`;
const to = (t: string) => `${tag(t)},mode=max,ignore-error=true`;
const FEATURE = 'branch-feature-login-form--5e6268e34d4a6047';

function run(event: string, fixture: string, ref: string) {
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
const feature = run('push', 'push-feature', 'refs/heads/feature/login-form');
const facts: GitFacts = { mergeBase: MB, parent: null };
const base: PlanOptions = {
  backend: 'registry',
  image: IMAGE,
  mode: 'max',
  ignoreError: true,
  options: [],
  imageTags: [],
  scope: 'web',
  leg: '',
  siblingLegs: [],
  write: 'auto',
  rawFrom: [],
  rawTo: [],
};

describe('bakeLegs: each target is a leg of the scope', () => {
  it.each([
    [
      ['app', 'tests'],
      '',
      [],
      [
        { target: 'app', leg: 'app' },
        { target: 'tests', leg: 'tests' },
      ],
    ],
    [['app'], 'arm64', ['linux/arm64'], [{ target: 'app', leg: 'app-arm64' }]],
    [['app'], '', ['linux/amd64', 'linux/arm64'], [{ target: 'app', leg: 'app-linux-amd64_linux-arm64' }]],
  ])('targets %j, cache-leg %j, platforms %j', (targets, cacheLeg, platforms, legs) => {
    expect(bakeLegs(targets, cacheLeg, platforms)).toStrictEqual(legs);
  });
});

describe('planBakeTargets: the plan, narrowing and write policy of a build, per target', () => {
  const legs = bakeLegs(['app', 'tests'], '', []);

  it('cold (nothing listed yet): each target reads its own refs, then the plain scope; writes its own branch', () => {
    const plans = planBakeTargets(feature, facts, base, legs, { exists: registryExistence([]), legs: [] });
    expect(bakeDefinition(plans)).toStrictEqual({
      target: {
        app: { 'cache-from': [], 'cache-to': [to(`web.app.${FEATURE}`)] },
        tests: { 'cache-from': [], 'cache-to': [to(`web.tests.${FEATURE}`)] },
      },
    });
    expect(plans[0].plan.missing).toStrictEqual([
      tag(`web.app.${FEATURE}`),
      tag(`web.app.sha-${MB}`),
      tag('web.app.branch-main'),
      tag(`web.${FEATURE}`),
      tag(`web.sha-${MB}`),
      tag('web.branch-main'),
    ]);
  });

  it("a branch whose targets have main's caches: each reads its own main alone, not its sibling's", () => {
    const tags = ['web.app.branch-main', 'web.tests.branch-main'];
    const plans = planBakeTargets(feature, facts, base, legs, {
      exists: registryExistence(tags),
      legs: ['app', 'tests'],
    });
    expect(bakeDefinition(plans)).toStrictEqual({
      target: {
        app: { 'cache-from': [tag('web.app.branch-main')], 'cache-to': [to(`web.app.${FEATURE}`)] },
        tests: { 'cache-from': [tag('web.tests.branch-main')], 'cache-to': [to(`web.tests.${FEATURE}`)] },
      },
    });
  });

  it("a new target reads its listed sibling's and the plain build's caches (shared stages)", () => {
    const tags = ['web.app.branch-main', 'web.branch-main'];
    const [, tests] = planBakeTargets(feature, facts, base, legs, {
      exists: registryExistence(tags),
      legs: ['app'],
    });
    expect(tests.plan.cacheFrom).toStrictEqual([tag('web.app.branch-main'), tag('web.branch-main')]);
  });

  it('gha: cache-read-legs names the siblings; a listing that failed is noted on every target', () => {
    const plans = planBakeTargets(feature, facts, { ...base, backend: 'gha', siblingLegs: ['tests'] }, legs, {
      exists: () => undefined,
      note: 'gha caches not listed (HTTP 500): every planned source is read',
    });
    expect(plans[0].plan.cacheFrom).toStrictEqual([
      `type=gha,scope=web.app.${FEATURE}`,
      `type=gha,scope=web.app.sha-${MB}`,
      'type=gha,scope=web.app.branch-main',
      `type=gha,scope=web.tests.${FEATURE}`,
      'type=gha,scope=web.tests.branch-main',
      `type=gha,scope=web.${FEATURE}`,
      `type=gha,scope=web.sha-${MB}`,
      'type=gha,scope=web.branch-main',
    ]);
    expect(plans[1].plan.cacheTo).toStrictEqual([
      `type=gha,scope=web.tests.${FEATURE},mode=max,ignore-error=true`,
    ]);
    expect(
      plans.every((p) =>
        p.plan.notes.includes('gha caches not listed (HTTP 500): every planned source is read'),
      ),
    ).toBe(true);
  });

  it('cache-write: never writes nothing for any target', () => {
    const plans = planBakeTargets(feature, facts, { ...base, write: 'never' }, legs, {
      exists: () => undefined,
    });
    expect(plans.map((p) => p.plan.cacheTo)).toStrictEqual([[], []]);
  });
});

describe('bake-targets input', () => {
  const inputs = (raw: Record<string, string>) => () => parseInputs((name) => raw[name] ?? '');
  it.each([
    [
      { 'bake-targets': 'app', 'dry-run': 'false' },
      'input "bake-targets": the bake file is for docker/bake-action to build with: set dry-run: true',
    ],
    [
      { 'bake-targets': 'app,my target', 'dry-run': 'true' },
      'input "bake-targets": expected bake target names (letters, digits, _ and -), got "my target"',
    ],
    [
      { 'bake-targets': 'app', 'dry-run': 'true', cache: 'registry', tags: 'ghcr.io/o/app:1' },
      'input "cache-image": bake targets name their tags in the bake file: set cache-image for the registry cache',
    ],
  ])('%j: %s', (raw, message) => {
    expect(inputs(raw)).toThrow(message);
  });

  it('reads the targets, comma-separated or one per line', () => {
    expect(
      parseInputs((n) => ({ 'bake-targets': 'app, tests\nlint', 'dry-run': 'true' })[n] ?? '').bakeTargets,
    ).toStrictEqual(['app', 'tests', 'lint']);
  });
});
