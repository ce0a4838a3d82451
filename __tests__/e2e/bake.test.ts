import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRawJsonLog } from '../../src/buildx/parse/progress';
import { indexNames } from '../../src/stores/github-cache/keys';
import { runStep } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  freshRunner,
  git,
  makeRepo,
  pushEvent,
  REGISTRY,
  registryTags,
  run,
  uniqueName,
  useEngine,
} from './support';

// bake users: the action plans on a dry run and writes a bake file; `docker buildx bake` builds
// with it on the real engine, as docker/bake-action would with `files: ./docker-bake.hcl,
// cwd://<bake-file>`. Two targets share a base stage.
const t = useEngine({ gha: true });

const DOCKERFILE = `FROM ${BASE_IMAGE} AS base
COPY deps.txt /deps.txt
RUN sleep 1 && cat /deps.txt > /deps.out
FROM base AS app
COPY app.txt /app.txt
RUN sleep 1 && cat /app.txt /deps.out > /app
FROM base AS tests
COPY tests.txt /tests.txt
RUN sleep 1 && cat /tests.txt /deps.out > /tests
`;
const BAKE_HCL = `group "default" {
  targets = ["app", "tests"]
}
target "app" {
  target = "app"
}
target "tests" {
  target = "tests"
}
`;

const COMMANDS = [...DOCKERFILE.matchAll(/^(COPY|RUN) .*$/gm)].map((m) => m[0]).sort();

/**
 * `docker buildx bake` with the action's bake file, as bake-action runs it: each Dockerfile step's
 * statuses. Bake names a vertex after each target that needs it; a shared base step is one vertex
 * for both, reported under either name, so steps are keyed by their command.
 */
async function bake(
  workspace: string,
  bakeFile: string,
  env: Record<string, string>,
  /** The targets to build (bake's default group when none). */
  targets: string[] = [],
): Promise<{ statuses: Record<string, string[]>; exports: string[] }> {
  const r = await run(
    'docker',
    [
      'buildx',
      'bake',
      '--builder',
      'default',
      '--progress',
      'rawjson',
      '-f',
      'docker-bake.hcl',
      '-f',
      bakeFile,
      ...targets,
    ],
    { cwd: workspace, env },
  );
  if (r.code !== 0) throw new Error(`bake failed (${r.code}): ${r.stderr.slice(-4000)}`);
  const statuses: Record<string, string[]> = {};
  for (const s of parseRawJsonLog(`${r.stdout}\n${r.stderr}`).steps) {
    statuses[s.command] = [...new Set([...(statuses[s.command] ?? []), s.status])].sort();
  }
  // BuildKit's cache-export vertices, errors included (ignore-error=true hides them from the exit code).
  const exports = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => /exporting cache|"error"/.test(l))
    .map((l) => l.slice(0, 600));
  return { statuses, exports };
}

describe.each(['registry', 'gha'] as const)(
  'bake-targets, cache %s: each target a leg of the scope',
  (backend) => {
    const cacheRepo = `${uniqueName('e2e-bake')}/cache`;
    const image = `${REGISTRY}/${cacheRepo}`;
    const scope = uniqueName('web');
    const inputs = {
      'dry-run': 'true',
      'bake-targets': 'app,tests',
      'cache-scope': scope,
      ...(backend === 'registry' ? { cache: 'registry', 'cache-image': image } : { cache: 'gha' }),
    };
    /** The job's environment: on gha, the cache service and a token scoped to the pushed branch, for the action and bake alike. */
    const jobEnv = (branch: string) => ({
      ...engineEnv(),
      ...(backend === 'gha' ? t.svc.env(t.svc.tokenForPush(branch)) : {}),
    });
    /** Where each target's cache of a ref is, as the bake file names it. */
    const entry = (leg: string, ref: string) =>
      backend === 'registry'
        ? `type=registry,ref=${image}:${scope}.${leg}.${ref}`
        : `type=gha,scope=${scope}.${leg}.${ref}`;
    const cacheTo = (leg: string, ref: string) => `${entry(leg, ref)},mode=max,ignore-error=true`;
    /** The caches that exist: registry tags, or the names of the gha index entries. */
    const written = async () =>
      backend === 'registry'
        ? registryTags(cacheRepo)
        : indexNames(t.svc.entries().map((e) => e.key)).filter((name) => name.startsWith(`${scope}.`));
    let repo: Awaited<ReturnType<typeof makeRepo>>;
    let mainSha = '';

    beforeAll(async () => {
      repo = await makeRepo(DOCKERFILE);
      mainSha = await repo.commit(
        { 'docker-bake.hcl': BAKE_HCL, 'app.txt': 'app v1\n', 'tests.txt': 'tests v1\n' },
        'bake file',
      );
    });

    it('1. main, cold: each target exports its own cache', async () => {
      await freshRunner();
      const ws = await repo.checkout(mainSha);
      const env = jobEnv('main');
      const step = await runStep({
        inputs,
        event: pushEvent('main', mainSha),
        workspace: ws,
        env,
        runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
      });
      expect(step.exitCode).toBe(0);
      const definition = JSON.parse(fs.readFileSync(step.outputs['bake-file'], 'utf8'));
      expect(Object.keys(definition.target)).toStrictEqual(['app', 'tests']);
      for (const leg of ['app', 'tests']) {
        expect(definition.target[leg]['cache-to']).toStrictEqual([
          cacheTo(leg, 'branch-main'),
          cacheTo(leg, `sha-${mainSha}`),
        ]);
      }
      // The registry lists its tags (none yet: nothing to read); gha trusts only names it lists, so
      // the sources it cannot rule out stay.
      if (backend === 'registry') expect(definition.target.app['cache-from']).toStrictEqual([]);
      expect(step.outputs['cache-export']).toBe('skipped');
      // One target after the other: together, all four exporters push the new blobs of the stage
      // the targets share into one repository at once, and now and then BuildKit drops one export
      // (ignore-error=true keeps the build green; seen once in CI). What is under test is the bake
      // file, which is the same either way; step 2 bakes the group as users do.
      const app = await bake(ws, step.outputs['bake-file'], env, ['app']);
      const tests = await bake(ws, step.outputs['bake-file'], env, ['tests']);
      const exports = [...app.exports, ...tests.exports];
      // Every step ran once: the shared base stage for the first target, which the second reuses.
      const ran = (statuses: Record<string, string[]>) =>
        Object.keys(statuses).filter((c) => statuses[c].includes('executed'));
      expect([...ran(app.statuses), ...ran(tests.statuses)].sort()).toStrictEqual(COMMANDS);
      expect({ written: await written(), exports }).toMatchObject({
        written: [
          `${scope}.app.branch-main`,
          `${scope}.app.sha-${mainSha}`,
          `${scope}.tests.branch-main`,
          `${scope}.tests.sha-${mainSha}`,
        ],
      });
    });

    it("2. a branch on a fresh runner: both targets get their unchanged stages from main's caches", async () => {
      await freshRunner();
      await git(repo.work, 'checkout', '-q', '-b', 'feature/x', mainSha);
      const branchSha = await repo.commit({ 'app.txt': 'app v2\n' }, 'change the app');
      const ws = await repo.checkout(branchSha);
      const env = jobEnv('feature/x');
      const step = await runStep({
        inputs,
        event: pushEvent('feature/x', branchSha),
        workspace: ws,
        env,
        runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
      });
      expect(step.exitCode).toBe(0);
      const definition = JSON.parse(fs.readFileSync(step.outputs['bake-file'], 'utf8'));
      // Each target reads its own leg's caches of main: the merge-base commit's and the branch's.
      // On registry the listing tells they exist and the branch's own does not: they are read alone.
      for (const leg of ['app', 'tests']) {
        const main = [entry(leg, `sha-${mainSha}`), entry(leg, 'branch-main')];
        if (backend === 'registry') expect(definition.target[leg]['cache-from']).toStrictEqual(main);
        else expect(definition.target[leg]['cache-from']).toEqual(expect.arrayContaining(main));
      }
      const { statuses: steps } = await bake(ws, step.outputs['bake-file'], env);
      expect(steps).toStrictEqual({
        'COPY deps.txt /deps.txt': ['cached'],
        'RUN sleep 1 && cat /deps.txt > /deps.out': ['cached'],
        'COPY app.txt /app.txt': ['executed'],
        'RUN sleep 1 && cat /app.txt /deps.out > /app': ['executed'],
        'COPY tests.txt /tests.txt': ['cached'],
        'RUN sleep 1 && cat /tests.txt /deps.out > /tests': ['cached'],
      });
      // And each writes its own branch's cache.
      const branchCaches = (await written()).filter((name) => name.includes('.branch-feature-x-'));
      expect(branchCaches.map((name) => name.split('.')[1])).toStrictEqual(['app', 'tests']);
    });
  },
);
