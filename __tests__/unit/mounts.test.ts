import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkerRun } from '../../src/stores/github-cache/worker';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import type { CacheWrite } from '../../src/runner/inputs/types';
import type { CacheMount } from '../../src/mounts/dockerfile';
import {
  extractDockerfile,
  helperBuildArgs,
  injectDockerfile,
  learnedMount,
  mayHaveMounts,
  type MountSelection,
  mountStepRan,
  planMounts,
  restoreResult,
  saveDecision,
} from '../../src/mounts/mount-plan';
import { plan } from '../../src/plan/planner';

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const PARENT = '5f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4';
const MB = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';

function ctxOf(event: string, fixture: string, ref: string) {
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

const mount = (over: Partial<CacheMount> = {}): CacheMount => ({
  id: '/var/cache/apt',
  target: '/var/cache/apt',
  sharing: 'shared',
  uid: '',
  gid: '',
  mode: '',
  stage: 'deps',
  line: 3,
  ...over,
});

describe('planMounts: keys from the plan, and who saves', () => {
  const options = (write: CacheWrite = 'auto') => ({
    backend: 'gha' as const,
    scope: 'app',
    leg: '',
    siblingLegs: [],
    write,
    rawFrom: [],
    rawTo: [],
  });
  const scan = { mounts: [mount()], leftOut: [], notes: [] };
  const facts = { mergeBase: MB, parent: PARENT };
  const P = 'bkca-mount-v1/var-cache-apt-e0f0d92c';
  it.each([
    {
      title: 'push to main: restores this commit, main, the parent; saves under main',
      ctx: ctxOf('push', 'push-main', 'refs/heads/main'),
      write: 'auto' as CacheWrite,
      restoreKeys: [`${P}/app.sha-${HEAD}/`, `${P}/app.branch-main/`, `${P}/app.sha-${PARENT}/`],
      save: `${P}/app.branch-main/`,
      noSave: '',
    },
    {
      title: 'push to a branch: own branch, merge-base, main; saves under the branch',
      ctx: ctxOf('push', 'push-feature', 'refs/heads/feature/login-form'),
      write: 'auto' as CacheWrite,
      restoreKeys: [
        `${P}/app.branch-feature-login-form--5e6268e34d4a6047/`,
        `${P}/app.sha-${MB}/`,
        `${P}/app.branch-main/`,
      ],
      save: `${P}/app.branch-feature-login-form--5e6268e34d4a6047/`,
      noSave: '',
    },
    {
      title: 'pull request: own PR, then its base; saves under the PR',
      ctx: ctxOf('pull_request', 'pull_request', 'refs/pull/7/merge'),
      write: 'auto' as CacheWrite,
      restoreKeys: [`${P}/app.pr-7/`, `${P}/app.branch-main/`],
      save: `${P}/app.pr-7/`,
      noSave: '',
    },
    {
      title: 'a fork: restores, never saves (though the layer cache writes its PR scope)',
      ctx: ctxOf('pull_request', 'pull_request-fork', 'refs/pull/7/merge'),
      write: 'auto' as CacheWrite,
      restoreKeys: [`${P}/app.pr-7/`, `${P}/app.branch-main/`],
      save: null,
      noSave: 'a pull request from a fork writes nothing to the GitHub cache',
    },
    {
      title: 'pull_request_target, even with cache-write: always',
      ctx: ctxOf('pull_request_target', 'pull_request_target', 'refs/heads/main'),
      write: 'always' as CacheWrite,
      restoreKeys: [`${P}/app.branch-main/`],
      save: null,
      noSave: 'pull_request_target may run untrusted code: nothing is written to the GitHub cache',
    },
    {
      title: 'cache-write: never',
      ctx: ctxOf('push', 'push-main', 'refs/heads/main'),
      write: 'never' as CacheWrite,
      restoreKeys: [`${P}/app.sha-${HEAD}/`, `${P}/app.branch-main/`, `${P}/app.sha-${PARENT}/`],
      save: null,
      noSave: 'the plan writes no cache on this run',
    },
  ])('$title', ({ ctx, write, restoreKeys, save, noSave }) => {
    const p = planMounts(scan, { kind: 'auto' }, plan(ctx, facts, options(write)), { noCache: false });
    expect(p.mounts.map((m) => m.restoreKeys)).toStrictEqual([restoreKeys]);
    expect(p.mounts.map((m) => m.saveKeyPrefix)).toStrictEqual([save]);
    expect(p.noSave).toBe(noSave);
  });

  it.each([
    { title: 'saved under main', ctx: 'main', selection: { kind: 'auto' }, save: `${P}/app.branch-main/` },
    { title: 'not listed in cache-mounts', ctx: 'main', selection: { kind: 'ids', ids: ['x'] }, save: null },
    { title: 'a fork saves nothing', ctx: 'fork', selection: { kind: 'auto' }, save: null },
  ] as { title: string; ctx: string; selection: MountSelection; save: string | null }[])(
    'learnedMount: a mount BuildKit used that the scan missed is $title',
    ({ ctx, selection, save }) => {
      const c =
        ctx === 'fork'
          ? ctxOf('pull_request', 'pull_request-fork', 'refs/pull/7/merge')
          : ctxOf('push', 'push-main', 'refs/heads/main');
      const p = planMounts(scan, selection, plan(c, facts, options()), { noCache: false });
      const learned = learnedMount(
        p,
        selection,
        { id: '/var/cache/apt', target: '/x', sharing: 'locked' },
        { restore: false },
      );
      expect(learned?.saveKeyPrefix ?? null).toBe(save);
      if (learned) expect(learned.mount).toMatchObject({ id: '/var/cache/apt', sharing: 'locked', uid: '' });
    },
  );

  it.each([
    {
      title: 'ids: a missing id is a warning',
      selection: { kind: 'ids', ids: ['/var/cache/apt', 'nope'] } as MountSelection,
      noCache: false,
      mounts: ['/var/cache/apt'],
      skipped: [],
      warnings: ['cache-mounts: the mount id "nope" is not in the stages this build uses'],
    },
    {
      title: 'none: nothing',
      selection: { kind: 'none' } as MountSelection,
      noCache: false,
      mounts: [],
      skipped: [],
      warnings: [],
    },
    {
      title: 'no-cache: skipped, with why',
      selection: { kind: 'auto' } as MountSelection,
      noCache: true,
      mounts: [],
      skipped: [
        {
          id: '/var/cache/apt',
          target: '/var/cache/apt',
          why: 'no-cache: BuildKit starts every cache mount empty',
        },
      ],
      warnings: [],
    },
  ])('$title', ({ selection, noCache, mounts, skipped, warnings }) => {
    const p = planMounts(
      scan,
      selection,
      plan(ctxOf('push', 'push-main', 'refs/heads/main'), facts, options()),
      {
        noCache,
      },
    );
    expect(p.mounts.map((m) => m.mount.id)).toStrictEqual(mounts);
    expect(p.skipped).toStrictEqual(skipped);
    expect(p.warnings).toStrictEqual(warnings);
  });

  it.each([
    { matched: null, own: 'k/app.pr-7/', want: 'miss' },
    { matched: 'k/app.pr-7/0123', own: 'k/app.pr-7/', want: 'exact' },
    { matched: 'k/app.branch-main/0123', own: 'k/app.pr-7/', want: 'fallback' },
  ])('restoreResult $matched → $want', ({ matched, own, want }) => {
    expect(restoreResult(matched, own)).toBe(want);
  });

  const base = {
    saveKeyPrefix: 'k/app.branch-main/',
    noSave: '',
    fingerprint: 'f2',
    restoredFingerprint: 'f1',
    files: 3,
    bytes: 1000,
    maxBytes: 2000,
  };
  it.each([
    {
      title: 'changed: saved under prefix + fingerprint',
      o: base,
      want: { key: 'k/app.branch-main/f2', why: '' },
    },
    {
      title: 'unchanged',
      o: { ...base, restoredFingerprint: 'f2' },
      want: { key: '', why: 'unchanged since it was restored' },
    },
    { title: 'empty', o: { ...base, files: 0 }, want: { key: '', why: 'the mount is empty' } },
    {
      title: 'over the max size',
      o: { ...base, bytes: 3 * 1024 ** 3, maxBytes: 2 * 1024 ** 3 },
      want: {
        key: '',
        why: "3.0 GiB is over cache-mounts-max-size (2.0 GiB; a repository's GitHub cache holds the default 10 GB in all, unless raised)",
      },
    },
    {
      title: 'the plan does not save',
      o: {
        ...base,
        saveKeyPrefix: null,
        noSave: 'a pull request from a fork writes nothing to the GitHub cache',
      },
      want: { key: '', why: 'a pull request from a fork writes nothing to the GitHub cache' },
    },
  ])('saveDecision: $title', ({ o, want }) => expect(saveDecision(o)).toStrictEqual(want));
});

describe('mayHaveMounts: whether the parser needs loading at all', () => {
  it.each([
    { title: 'no RUN flag', text: 'FROM busybox\nRUN echo hi\n', want: false },
    { title: 'a bind mount is still a mount', text: 'RUN --mount=type=bind,target=/x true\n', want: true },
    { title: 'a cache mount', text: 'RUN --mount=type=cache,target=/root/.npm npm ci\n', want: true },
    { title: 'the flag with a space', text: 'RUN --mount type=cache,target=/c true\n', want: true },
    {
      title: 'split by a line continuation',
      text: 'RUN --mo\\\nunt=type=cache,target=/c true\n',
      want: true,
    },
    {
      title: 'split by a backtick continuation',
      text: 'RUN --mo` \r\nunt=type=cache,target=/c true\n',
      want: true,
    },
    { title: 'another flag', text: 'RUN --network=none true\n', want: false },
    { title: 'a word that only starts the same', text: 'RUN echo --mountain\n', want: false },
  ])('$title: $want', ({ text, want }) => expect(mayHaveMounts(text)).toBe(want));
});

describe('mountStepRan: whether the build may have changed a cache mount', () => {
  const step = (status: string, command: string, instruction = 'RUN') => ({
    instruction,
    command,
    status: status as 'cached' | 'executed' | 'failed' | 'canceled' | 'not-run',
  });
  const MOUNT_RUN = 'RUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl';
  it.each([
    { title: 'no record: it may have', steps: null, want: true },
    { title: 'a record without steps: it may have', steps: [], want: true },
    {
      title: 'the mount step ran',
      steps: [step('cached', 'COPY . /src'), step('executed', MOUNT_RUN)],
      want: true,
    },
    { title: 'the mount step failed', steps: [step('failed', MOUNT_RUN)], want: true },
    { title: 'the mount step was stopped midway', steps: [step('canceled', MOUNT_RUN)], want: true },
    {
      title: 'the mount step was a layer-cache hit, other steps ran',
      steps: [
        step('cached', MOUNT_RUN),
        step('executed', 'RUN make'),
        step('executed', 'COPY . /src', 'COPY'),
      ],
      want: false,
    },
    {
      title: 'the mount step never started',
      steps: [step('failed', 'RUN false'), step('not-run', MOUNT_RUN)],
      want: false,
    },
    {
      title: 'a mount flag with a space',
      steps: [step('executed', 'RUN --mount type=cache,target=/x make')],
      want: true,
    },
  ])('$title', ({ steps, want }) => expect(mountStepRan(steps)).toBe(want));
});

describe('helper builds: their Dockerfiles and argv', () => {
  it('inject: the restored archive into the mount of the same id, sharing, uid, gid and mode', () => {
    expect(
      injectDockerfile(mount({ id: 'a,b', sharing: 'locked', uid: '100', mode: '0700' }), 'busybox:1.36.1'),
    ).toBe(`FROM busybox:1.36.1
ARG BKCA_NONCE
RUN --mount=type=cache,id="a,b",target=/bkca/mount,sharing=locked,uid=100,mode=0700 --mount=type=bind,from=bkca-restored,target=/bkca/restored \\
    tar -xf /bkca/restored/mount.tar -C /bkca/mount
`);
  });

  it('extract: an archive and the tree list, to a local output', () => {
    expect(extractDockerfile(mount(), 'busybox:1.36.1')).toBe(`FROM busybox:1.36.1 AS copy
ARG BKCA_NONCE
RUN --mount=type=cache,id=/var/cache/apt,target=/bkca/mount,sharing=shared \\
    mkdir -p /bkca/out && cd /bkca/mount && tar -cf /bkca/out/mount.tar . && \\
    { find . | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2; } > /bkca/out/tree.txt
FROM scratch
COPY --from=copy /bkca/out/ /
`);
  });

  it.each([
    {
      title: 'inject on a docker-container builder: stdin Dockerfile, restored folder as a named context',
      o: {
        builder: 'bkca-build-1a2b3c4d',
        nonce: 'n1',
        buildArgs: ['A=1', 'BUILDKIT_CACHE_MOUNT_NS=team'],
        restoredDir: '/runner/_temp/bkca-x/mounts/0/restored/mount',
        output: 'type=cacheonly',
      },
      want: [
        'buildx',
        'build',
        '--builder',
        'bkca-build-1a2b3c4d',
        '--progress',
        'plain',
        '--provenance=false',
        '--sbom=false',
        '--build-arg',
        'BKCA_NONCE=n1',
        '--build-arg',
        'BUILDKIT_CACHE_MOUNT_NS=team',
        '--build-context',
        'bkca-restored=/runner/_temp/bkca-x/mounts/0/restored/mount',
        '--output',
        'type=cacheonly',
        '-',
      ],
    },
    {
      title: 'extract on a docker-container builder: a local output',
      o: {
        builder: 'bkca-build-1a2b3c4d',
        nonce: 'n2',
        buildArgs: [],
        output: 'type=local,dest=/runner/_temp/bkca-x/mounts/0/extracted/mount',
      },
      want: [
        'buildx',
        'build',
        '--builder',
        'bkca-build-1a2b3c4d',
        '--progress',
        'plain',
        '--provenance=false',
        '--sbom=false',
        '--build-arg',
        'BKCA_NONCE=n2',
        '--output',
        'type=local,dest=/runner/_temp/bkca-x/mounts/0/extracted/mount',
        '-',
      ],
    },
  ])('$title', ({ o, want }) => expect(helperBuildArgs(o)).toStrictEqual(want));
});

describe('readWorkerRun: what a cache call came to', () => {
  const run = (stdout: string, over = {}) => ({ exitCode: 0, stdout, stderr: '', timedOut: false, ...over });
  it.each([
    {
      title: 'a restore hit',
      op: 'restore' as const,
      r: run('Cache hit for restore-key: k/a/1\nbkca-cache-result:{"matchedKey":"k/a/1"}\n'),
      want: { status: 'hit', matchedKey: 'k/a/1', ms: 5 },
    },
    {
      title: 'a miss',
      op: 'restore' as const,
      r: run('bkca-cache-result:{"matchedKey":null}\n'),
      want: { status: 'miss', ms: 5 },
    },
    {
      title: 'a 5xx the client logged as an error',
      op: 'restore' as const,
      r: run('::error::Failed to restore: Failed request: (500)\nbkca-cache-result:{"matchedKey":null}\n'),
      want: { status: 'failed', reason: 'Failed to restore: Failed request: (500)', ms: 5 },
    },
    {
      title: 'ended by the timeout',
      op: 'restore' as const,
      r: run('', { timedOut: true, exitCode: 143 }),
      want: { status: 'failed', reason: 'no answer within 30s', ms: 5 },
    },
    {
      title: 'saved',
      op: 'save' as const,
      r: run('bkca-cache-result:{"cacheId":12}\n'),
      want: { status: 'saved', ms: 5 },
    },
    {
      title: 'the key exists already (409)',
      op: 'save' as const,
      r: run(
        '::debug::Failed to reserve cache: Error: Received non-retryable error: Failed request: (409) Conflict: already_exists\nbkca-cache-result:{"cacheId":-1}\n',
      ),
      want: { status: 'exists', ms: 5 },
    },
    {
      title: 'a reservation refused after retries (5xx)',
      op: 'save' as const,
      r: run(
        '::debug::Failed to reserve cache: Error: Failed to make request after 5 attempts: (503)\nbkca-cache-result:{"cacheId":-1}\n',
      ),
      want: { status: 'failed', reason: 'Error: Failed to make request after 5 attempts: (503)', ms: 5 },
    },
    {
      title: 'no result line: the worker crashed',
      op: 'save' as const,
      r: run('', { exitCode: 1, stderr: 'Error: boom\n' }),
      want: { status: 'failed', reason: 'Error: boom', ms: 5 },
    },
  ])('$title', ({ op, r, want }) => expect(readWorkerRun(op, r, 30000, 5)).toStrictEqual(want));
});
