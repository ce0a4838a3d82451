import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runStep } from '../../scripts/action-runner';
import { parseRawJsonLog } from '../../src/buildx/parse';
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
const t = useEngine();

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
async function bake(workspace: string, bakeFile: string): Promise<Record<string, string[]>> {
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
    ],
    { cwd: workspace },
  );
  if (r.code !== 0) throw new Error(`bake failed (${r.code}): ${r.stderr.slice(-4000)}`);
  const statuses: Record<string, string[]> = {};
  for (const s of parseRawJsonLog(`${r.stdout}\n${r.stderr}`).steps) {
    statuses[s.command] = [...new Set([...(statuses[s.command] ?? []), s.status])].sort();
  }
  return statuses;
}

describe('bake-targets: a bake file per run, each target a leg of the scope', () => {
  const cacheRepo = `${uniqueName('e2e-bake')}/cache`;
  const image = `${REGISTRY}/${cacheRepo}`;
  const inputs = {
    'dry-run': 'true',
    'bake-targets': 'app,tests',
    cache: 'registry',
    'cache-image': image,
    'cache-scope': 'web',
  };
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let mainSha = '';

  beforeAll(async () => {
    if (!t.ready) return;
    repo = await makeRepo(DOCKERFILE);
    mainSha = await repo.commit(
      { 'docker-bake.hcl': BAKE_HCL, 'app.txt': 'app v1\n', 'tests.txt': 'tests v1\n' },
      'bake file',
    );
  });

  it('1. main, cold: each target exports its own cache', async () => {
    if (!t.ready) return;
    await freshRunner();
    const ws = await repo.checkout(mainSha);
    const step = await runStep({
      inputs,
      event: pushEvent('main', mainSha),
      workspace: ws,
      env: engineEnv(),
      runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
    });
    expect(step.exitCode).toBe(0);
    const to = (leg: string, ref: string) =>
      `type=registry,ref=${image}:web.${leg}.${ref},mode=max,ignore-error=true`;
    expect(JSON.parse(fs.readFileSync(step.outputs['bake-file'], 'utf8'))).toStrictEqual({
      target: {
        app: { 'cache-from': [], 'cache-to': [to('app', 'branch-main'), to('app', `sha-${mainSha}`)] },
        tests: { 'cache-from': [], 'cache-to': [to('tests', 'branch-main'), to('tests', `sha-${mainSha}`)] },
      },
    });
    expect(step.outputs['cache-export']).toBe('skipped');
    const steps = await bake(ws, step.outputs['bake-file']);
    // Every step ran (a step both targets share may also show up once more as cached or canceled).
    expect(Object.keys(steps).sort()).toStrictEqual(COMMANDS);
    expect(COMMANDS.filter((c) => !steps[c].includes('executed'))).toStrictEqual([]);
    expect(await registryTags(cacheRepo)).toStrictEqual([
      'web.app.branch-main',
      `web.app.sha-${mainSha}`,
      'web.tests.branch-main',
      `web.tests.sha-${mainSha}`,
    ]);
  });

  it("2. a branch on a fresh runner: both targets get their unchanged stages from main's caches", async () => {
    if (!t.ready) return;
    await freshRunner();
    await git(repo.work, 'checkout', '-q', '-b', 'feature/x', mainSha);
    const branchSha = await repo.commit({ 'app.txt': 'app v2\n' }, 'change the app');
    const ws = await repo.checkout(branchSha);
    const step = await runStep({
      inputs,
      event: pushEvent('feature/x', branchSha),
      workspace: ws,
      env: engineEnv(),
      runnerTemp: fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-')),
    });
    expect(step.exitCode).toBe(0);
    const from = (leg: string, ref: string) => `type=registry,ref=${image}:web.${leg}.${ref}`;
    const definition = JSON.parse(fs.readFileSync(step.outputs['bake-file'], 'utf8'));
    // Each target reads its own leg's caches of main (the merge-base commit and the branch), alone.
    expect(definition.target.app['cache-from']).toStrictEqual([
      from('app', `sha-${mainSha}`),
      from('app', 'branch-main'),
    ]);
    expect(definition.target.tests['cache-from']).toStrictEqual([
      from('tests', `sha-${mainSha}`),
      from('tests', 'branch-main'),
    ]);
    const steps = await bake(ws, step.outputs['bake-file']);
    expect(steps).toStrictEqual({
      'COPY deps.txt /deps.txt': ['cached'],
      'RUN sleep 1 && cat /deps.txt > /deps.out': ['cached'],
      'COPY app.txt /app.txt': ['executed'],
      'RUN sleep 1 && cat /app.txt /deps.out > /app': ['executed'],
      'COPY tests.txt /tests.txt': ['cached'],
      'RUN sleep 1 && cat /tests.txt /deps.out > /tests': ['cached'],
    });
    // And each writes its own branch's cache.
    const tags = await registryTags(cacheRepo);
    expect(tags.filter((tag) => /^web\.(app|tests)\.branch-feature-x-[0-9a-f]{8}$/.test(tag))).toHaveLength(
      2,
    );
  });
});
