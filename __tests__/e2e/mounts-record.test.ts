import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  parseProvenanceCacheMounts,
  provenanceAttachments,
  frontendCacheId,
} from '../../src/buildx/parse/provenance';
import { scanCacheMounts } from '../../src/mounts/dockerfile';
import { cacheMountNamespace } from '../../src/mounts/observed';
import { CONFORMANCE, type ConformanceCase } from '../fixtures/mounts/conformance';
import { runAction } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  freshRunner,
  makeRepo,
  mountStepOutput,
  must,
  pushEvent,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// BuildKit as the oracle for the action's reading of cache mounts: each conformance case is built
// on the real engine, and the cache mounts its build record lists must be the ones predicted.
const t = useEngine({ gha: true });

const withBase = (dockerfile: string) =>
  dockerfile.replace(/^(FROM (?:--platform=\S+ )?)img\b/gm, `$1${BASE_IMAGE}`);

/** The frontend ids of the cache mounts in a build's record (its provenance's LLB). */
async function recordedIds(dir: string, c: ConformanceCase): Promise<string[]> {
  const args = [
    'buildx',
    'build',
    '--builder',
    'default',
    '--progress',
    'quiet',
    '--output',
    'type=cacheonly',
  ];
  args.push('--metadata-file', path.join(dir, 'metadata.json'));
  for (const a of c.buildArgs ?? []) args.push('--build-arg', a);
  if (c.target) args.push('--target', c.target);
  if (c.platform) args.push('--platform', c.platform);
  await must('docker', [...args, dir]);
  const metadata = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8'));
  const ref = String(metadata['buildx.build.ref']).split('/').pop()!;
  const inspect = JSON.parse(
    await must('docker', ['buildx', 'history', 'inspect', '--builder', 'default', ref, '--format', 'json']),
  );
  // One platform is built: one provenance.
  const digests = provenanceAttachments(inspect.Attachments);
  expect(digests).toHaveLength(1);
  const digest = digests[0];
  const attachment = await must('docker', [
    'buildx',
    'history',
    'inspect',
    'attachment',
    '--builder',
    'default',
    ref,
    digest,
  ]);
  const ns = cacheMountNamespace(c.buildArgs ?? []);
  return [
    ...new Set((parseProvenanceCacheMounts(attachment) ?? []).map((m) => frontendCacheId(m.llbId, ns))),
  ];
}

describe('conformance: the build record lists the cache mounts the action predicts', () => {
  it.each(CONFORMANCE.filter((c) => !c.unitOnly))('$name', async (c) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-conformance-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), withBase(c.dockerfile));
    const observed = await recordedIds(dir, c);
    const predicted = scanCacheMounts(withBase(c.dockerfile), c.target ?? '', c.buildArgs ?? [], {
      target: c.platform ?? 'linux/amd64',
      build: 'linux/amd64',
    });
    const ids = predicted.mounts.map((m) => m.id);
    // Every predicted id is one BuildKit used; every other one BuildKit used was left out, with a reason.
    expect({ case: c.name, missing: ids.filter((id) => !observed.includes(id)) }).toStrictEqual({
      case: c.name,
      missing: [],
    });
    expect({ case: c.name, unexplained: observed.length - ids.length }).toStrictEqual({
      case: c.name,
      unexplained: predicted.leftOut.length,
    });
  });
});

describe('the action checks its prediction against the build record', () => {
  const inputs = {
    driver: 'docker',
    cache: 'gha',
    'cache-scope': uniqueName('mrec'),
    'cache-mounts-image': BASE_IMAGE,
    'cache-mounts-timeout': '60s',
  };
  // $HOME is the image's, not the Dockerfile's: the action cannot know it; BuildKit's id is `/.cache`.
  const DOCKERFILE = `FROM ${BASE_IMAGE}
COPY src.txt /src.txt
RUN --mount=type=cache,target=/var/cache/known --mount=type=cache,target=$HOME/.cache \\
    if [ -f /.cache/stamp ]; then echo "reused stamp"; else echo "downloading stamp"; echo filled > /.cache/stamp; fi; \\
    cat /src.txt > /var/cache/known/src
`;
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  const runOn = async (files: Record<string, string>, message: string) => {
    const sha = await repo.commit(files, message);
    await freshRunner();
    const { main } = await runAction({
      inputs,
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) },
    });
    expect(main.exitCode).toBe(0);
    return main;
  };

  beforeAll(async () => {
    repo = await makeRepo(DOCKERFILE);
  });

  it('1. a mount it cannot predict is a warning and a field of the report, and is saved by its real id', async () => {
    const main = await runOn({ 'src.txt': 'v1\n' }, 'first');
    expect(await mountStepOutput(main)).toContain('downloading stamp');
    const mounts = reportOf(main.outputs).mounts!;
    // The LLB lists an op's mounts by path.
    expect(mounts.observed).toStrictEqual(['/.cache', '/var/cache/known']);
    expect(mounts.mismatches).toStrictEqual({ unpredicted: ['/.cache'], unused: [] });
    expect(mounts.observedSeconds).toBeGreaterThan(0);
    expect(main.log).toContain(
      '::warning::cache mount "/.cache" (at /.cache, Dockerfile line 3) was used by BuildKit but not found in the Dockerfile by the action',
    );
    expect([...mounts.saved].sort()).toStrictEqual(['/.cache', '/var/cache/known']);
    expect(main.summary).toContain('BuildKit used `/.cache`, which the action did not find');
    const keys = t.svc.entries().map((e) => e.key);
    expect(
      keys.some((k) =>
        k.startsWith(`bkca-mount-v1/bkca-learned-mounts/${inputs['cache-scope']}.branch-main/`),
      ),
    ).toBe(true);
  });

  it('2. the next run, on a fresh runner, restores it by that id: the step finds it filled, and no warning', async () => {
    const main = await runOn({ 'src.txt': 'v2\n' }, 'second');
    const output = await mountStepOutput(main);
    expect(output).toContain('reused stamp');
    expect(output).not.toContain('downloading');
    const mounts = reportOf(main.outputs).mounts!;
    expect(mounts.mounts.find((m) => m.id === '/.cache')?.restore).toBe('exact');
    expect(mounts.mismatches).toStrictEqual({ unpredicted: [], unused: [] });
    expect(main.log).not.toContain('was used by BuildKit but not found');
  });
});
