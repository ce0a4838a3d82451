import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exec } from '../../src/lib/exec';
import { mergeRecordKey } from '../../src/stores/github-cache/keys';
import { runCacheWorker } from '../../src/stores/github-cache/worker';
import { pushTinyImage } from '../integration/registry-push';
import { runAction } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  freshRunner,
  git,
  makeRepo,
  must,
  pullRequestEvent,
  pushEvent,
  REGISTRY,
  registryDigest,
  registryTags,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// A multi-platform image split across a matrix: one job per platform (`merge: leg`) pushes its
// image by digest and records it in the GitHub cache stand-in; the merge job (`merge: index`)
// builds nothing and pushes the index under the tag. No emulation here: the build stages run on
// the build platform and the final stage is `FROM scratch`, so linux/arm64 builds on this x86-64
// machine with no step run on the target.
const t = useEngine({ gha: true });

const DOCKERFILE = `FROM --platform=$BUILDPLATFORM ${BASE_IMAGE} AS deps
COPY deps.txt /deps.txt
RUN sleep 1 && cat /deps.txt > /deps.out
FROM --platform=$BUILDPLATFORM deps AS build
COPY src.txt /src.txt
RUN sleep 1 && cat /src.txt /deps.out > /app
FROM scratch
COPY --from=build /app /app
`;
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

describe('merge: legs push by digest, the merge job makes one index', () => {
  const name = uniqueName('e2e/merge');
  const tag = `${REGISTRY}/${name}:latest`;
  const scope = uniqueName('multi');
  const common = {
    driver: 'docker',
    cache: 'gha',
    'cache-scope': scope,
    tags: tag,
    push: 'true',
    annotations: 'index:org.opencontainers.image.description=merged by the action',
  };
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let sha = '';
  const env = (runId: string, attempt = '1') => ({
    ...engineEnv(),
    ...t.svc.env(t.svc.tokenForPush('main')),
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: attempt,
  });
  type Event = { name: string; ref: string; sha: string; payload: object };
  /** One matrix leg on a fresh runner. */
  async function leg(platform: string, runId: string, attempt = '1', event: Event = pushEvent('main', sha)) {
    await freshRunner();
    const r = await runAction({
      inputs: { ...common, merge: 'leg', platforms: platform, 'cache-read-legs': PLATFORMS.join(',') },
      event,
      workspace: await repo.checkout(sha),
      env: env(runId, attempt),
    });
    if (r.main.exitCode !== 0) throw new Error(`leg ${platform} failed:\n${r.main.log.slice(-6000)}`);
    return r.main;
  }
  const mergeJob = async (runId: string, attempt = '1', event: Event = pushEvent('main', sha)) =>
    (
      await runAction({
        inputs: { ...common, merge: 'index', platforms: PLATFORMS.join(',') },
        event,
        workspace: await repo.checkout(sha),
        env: env(runId, attempt),
      })
    ).main;
  /**
   * The images under a reference, by platform (an attestation's `unknown/unknown` left out), and
   * the index's annotations; a single manifest is its own platform's image.
   */
  async function imagesOf(ref: string) {
    const raw = JSON.parse(await must('docker', ['buildx', 'imagetools', 'inspect', ref, '--raw'])) as {
      manifests?: { digest: string; platform: { os: string; architecture: string } }[];
      annotations?: Record<string, string>;
    };
    const byPlatform = Object.fromEntries(
      (raw.manifests ?? [])
        .map((m) => [`${m.platform.os}/${m.platform.architecture}`, m.digest])
        .filter(([p]) => p !== 'unknown/unknown'),
    );
    return { byPlatform, annotations: raw.annotations ?? {} };
  }
  const indexUnderTag = () => imagesOf(tag);
  /** Each leg's image of its platform: what the merged index must list. */
  async function legImages(legDigests: Record<string, string>) {
    const out: Record<string, string> = {};
    for (const [platform, digest] of Object.entries(legDigests)) {
      const { byPlatform } = await imagesOf(`${REGISTRY}/${name}@${digest}`);
      out[platform] = byPlatform[platform] ?? digest;
    }
    return out;
  }

  beforeAll(async () => {
    repo = await makeRepo(DOCKERFILE);
    sha = await git(repo.work, 'rev-parse', 'HEAD');
  });

  const digests: Record<string, string> = {};

  it('1. each leg pushes its platform by digest and moves no tag', async () => {
    for (const platform of PLATFORMS) {
      const main = await leg(platform, 'run-1');
      expect(main.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      digests[platform] = main.outputs.digest;
      const merge = reportOf(main.outputs).merge;
      expect(merge?.role).toBe('leg');
      expect(merge?.legs.map((l) => [l.platform, l.digest])).toStrictEqual([[platform, main.outputs.digest]]);
      expect(main.log).toContain(`merge: ${platform} pushed as ${REGISTRY}/${name}@${main.outputs.digest}`);
    }
    expect(digests['linux/amd64']).not.toBe(digests['linux/arm64']);
    // dockerd's builder cannot push by digest: there each leg pushes under its own bkca-leg- tag.
    expect((await registryTags(name)).every((t) => t.startsWith('bkca-leg-run-1-linux-'))).toBe(true);
    // The legs' records are in the GitHub cache, one per run, image, platform and attempt.
    const keys = t.svc
      .entries()
      .map((e) => e.key)
      .filter((k) => k.startsWith('bkca-merge-v1/run-1/') && k.includes(name.split('/')[1]));
    expect(keys.map((k) => k.split('/').slice(-2).join('/')).sort()).toStrictEqual([
      'linux-amd64/1',
      'linux-arm64/1',
    ]);
  }, 300000);

  it('2. the merge builds nothing and pushes one index with both platforms under the tag', async () => {
    const main = await mergeJob('run-1');
    expect(main.exitCode).toBe(0);
    expect(main.log).not.toContain('buildx build');
    const { byPlatform, annotations } = await indexUnderTag();
    expect(byPlatform).toStrictEqual(await legImages(digests));
    expect(annotations['org.opencontainers.image.description']).toBe('merged by the action');
    expect(main.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The legs' push tags are gone; the index still holds their manifests (checked above and below).
    expect(await registryTags(name)).toStrictEqual(['latest']);
    expect(reportOf(main.outputs).merge?.leftTags).toStrictEqual([]);
    expect(JSON.parse(main.outputs.metadata)['containerimage.digest']).toBe(main.outputs.digest);
    const report = reportOf(main.outputs);
    expect(report.build).toBe('not-run');
    expect(report.merge?.digest).toBe(main.outputs.digest);
    expect(report.merge?.legs.map((l) => [l.platform, l.digest, l.steps.total])).toStrictEqual([
      ['linux/amd64', digests['linux/amd64'], 5],
      ['linux/arm64', digests['linux/arm64'], 5],
    ]);
    for (const p of PLATFORMS) expect(main.summary).toContain(`| \`${p}\` | \`${digests[p]}\` |`);
    expect(main.summary).toContain('0% (0/5 steps)');
    // `imagetools inspect` (not the raw manifest) shows both platforms under the tag.
    const inspected = await must('docker', ['buildx', 'imagetools', 'inspect', tag]);
    for (const p of PLATFORMS) expect(inspected).toContain(`Platform:    ${p}`);
  }, 120000);

  it('3. after a source change, the second leg gets every build-platform stage from its sibling', async () => {
    sha = await repo.commit({ 'src.txt': 'src v2\n' }, 'change the source');
    const first = await leg('linux/amd64', 'run-2');
    const firstSteps = reportOf(first.outputs).steps.list;
    expect(firstSteps.filter((s) => !s.cached).map((s) => s.step)).toContain(
      'RUN sleep 1 && cat /src.txt /deps.out > /app',
    );
    const second = await leg('linux/arm64', 'run-2');
    const steps = reportOf(second.outputs).steps.list;
    // Everything of deps and build (the build platform's stages) came from the caches; only the
    // target platform's final COPY is new for this leg.
    // Read: the sibling's cache of this very commit, alone.
    expect(
      reportOf(second.outputs)
        .plan.reads.filter((r) => r.entry !== '' && !r.notRead)
        .map((r) => r.ref),
    ).toStrictEqual([`sha:${sha} (leg linux-amd64)`]);
    expect(
      steps.filter((s) => s.stage !== 'stage-2').map((s) => `${s.stage}: ${s.step} ${s.status}`),
    ).toStrictEqual([
      'deps: COPY deps.txt /deps.txt cached',
      'deps: RUN sleep 1 && cat /deps.txt > /deps.out cached',
      'build: COPY src.txt /src.txt cached',
      'build: RUN sleep 1 && cat /src.txt /deps.out > /app cached',
    ]);
    const merged = await mergeJob('run-2');
    expect(merged.exitCode).toBe(0);
    expect(reportOf(merged.outputs).merge?.legs.find((l) => l.platform === 'linux/arm64')?.steps.cached).toBe(
      steps.filter((s) => s.cached).length,
    );
  }, 300000);

  it('4. a missing leg fails the merge with one error naming it; re-running that leg, then the merge, works', async () => {
    const before = await indexUnderTag();
    const amd = await leg('linux/amd64', 'run-3');
    const failed = await mergeJob('run-3');
    expect(failed.exitCode).toBe(1);
    const errors = failed.log.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('no digest recorded in this run for linux/arm64');
    expect(errors[0]).not.toContain('linux/amd64');
    expect(await indexUnderTag()).toStrictEqual(before);
    // GitHub's "re-run failed jobs": attempt 2 of the arm64 leg and of the merge.
    const arm = await leg('linux/arm64', 'run-3', '2');
    const merged = await mergeJob('run-3', '2');
    expect(merged.exitCode).toBe(0);
    expect((await indexUnderTag()).byPlatform).toStrictEqual(
      await legImages({ 'linux/amd64': amd.outputs.digest, 'linux/arm64': arm.outputs.digest }),
    );
    expect(reportOf(merged.outputs).merge?.legs.map((l) => l.attempt)).toStrictEqual(['1', '2']);
    // A later re-run of the amd64 leg saves a new key (keys are immutable): the merge takes it.
    const amdAgain = await leg('linux/amd64', 'run-3', '3');
    expect(amdAgain.summary).toContain('### Multi-platform image: this leg');
    const again = await mergeJob('run-3', '3');
    expect(again.exitCode).toBe(0);
    expect(reportOf(again.outputs).merge?.legs.map((l) => [l.platform, l.attempt, l.digest])).toStrictEqual([
      ['linux/amd64', '3', amdAgain.outputs.digest],
      ['linux/arm64', '2', arm.outputs.digest],
    ]);
    expect(await registryTags(name)).toStrictEqual(['latest']);
  }, 300000);

  it('5. a pull request from a fork builds its legs without pushing and skips the merge with a note', async () => {
    const fork = pullRequestEvent(9, 'feature', 'main', sha, true);
    const before = await indexUnderTag();
    const main = await leg('linux/arm64', 'run-4', '1', fork);
    expect(main.log).toContain('merge: a pull request from a fork cannot push');
    const merged = await mergeJob('run-4', '1', fork);
    expect(merged.exitCode).toBe(0);
    expect(merged.summary).toContain('Nothing merged: a pull request from a fork cannot push');
    expect(await indexUnderTag()).toStrictEqual(before);
  }, 300000);
});

describe("merge: a planted record can neither index another repository's image nor delete a tag", () => {
  it("a record naming the attacker's image and the victim's release tag is dropped with a warning; the victim's tags stay", async () => {
    const victim = uniqueName('e2e/victim');
    const attacker = uniqueName('e2e/attacker');
    await pushTinyImage(REGISTRY, victim, ['v1']);
    await pushTinyImage(REGISTRY, attacker, ['payload']);
    const payload = await registryDigest(attacker, 'payload');
    expect(payload).toMatch(/^sha256:/);
    // The victim's release as it was: after the run its tag must still point at this very manifest
    // (an index made over it, or any other push under v1, has another digest).
    const release = await registryDigest(victim, 'v1');
    expect(release).toMatch(/^sha256:/);
    const runId = uniqueName('run-evil');
    const env = { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')), GITHUB_RUN_ID: runId };
    // What a run holding main's writable cache token could save under this run's key.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-'));
    fs.mkdirSync(path.join(root, 'bkca-merge-record'));
    const planted = {
      version: 1,
      image: `${REGISTRY}/${attacker}`,
      platform: 'linux/amd64',
      digest: payload,
      leg: 'linux-amd64',
      steps: { cached: 0, total: 1, ratio: 0 },
      attempt: '1',
      pushTag: 'v1',
    };
    fs.writeFileSync(path.join(root, 'bkca-merge-record', 'leg.json'), JSON.stringify(planted));
    const saved = await runCacheWorker(
      exec,
      {
        op: 'save',
        path: 'bkca-merge-record',
        key: mergeRecordKey(runId, `${REGISTRY}/${victim}`, 'linux/amd64', '1'),
      },
      { root, env, timeoutMs: 60000, script: path.join(__dirname, '..', '..', 'dist', 'cache', 'index.js') },
    );
    expect(saved.status).toBe('saved');
    const repo = await makeRepo();
    const sha = await git(repo.work, 'rev-parse', 'HEAD');
    const { main } = await runAction({
      inputs: {
        driver: 'docker',
        cache: 'gha',
        tags: `${REGISTRY}/${victim}:latest`,
        push: 'true',
        merge: 'index',
        platforms: 'linux/amd64',
      },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env,
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.log).toContain(
      `::warning::merge: the record of linux/amd64 is dropped: it names image "${REGISTRY}/${attacker}", not ${REGISTRY}/${victim}`,
    );
    expect(await registryTags(victim)).toStrictEqual(['v1']);
    expect(await registryDigest(victim, 'v1')).toBe(release);
  }, 300000);
});
