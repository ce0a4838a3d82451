import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { prepareLeg, recordLeg } from '../../src/app/merge';
import { ensureBuildx, releaseAsset } from '../../src/buildx/install';
import type { ReleaseStore } from '../../src/buildx/release-cache';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import type { Exec } from '../../src/lib/exec';
import { saveLocalCaches } from '../../src/localcache/persist';
import { saveLearned } from '../../src/mounts/learned';
import { planMounts } from '../../src/mounts/mount-plan';
import { plan } from '../../src/plan/planner';
import { neverWrites } from '../../src/plan/trust';
import type { CacheReport } from '../../src/report/types';
import { parseInputs } from '../../src/runner/inputs/read';
import type { CacheWrite } from '../../src/runner/inputs/types';

/**
 * One trust rule for every write through the GitHub cache (src/plan/trust.ts): a run that code
 * from outside may steer saves nothing through any path, whatever `cache-write` says and whatever
 * its token allows. Each save path below runs for real with an exec that records every start of
 * the @actions/cache worker; a trusted push is the control row, which saves through every path.
 */

const HEAD = '9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d';
const facts = { mergeBase: HEAD, parent: HEAD };

function ctxOf(event: string, fixture: string, ref: string) {
  const payload = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'events', `${fixture}.json`), 'utf8'),
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

const UNTRUSTED = [
  {
    title: 'pull_request_target',
    ctx: () => ctxOf('pull_request_target', 'pull_request_target', 'refs/heads/main'),
  },
  { title: 'issue_comment', ctx: () => ctxOf('issue_comment', 'issue_comment', 'refs/heads/main') },
  { title: 'workflow_run', ctx: () => ctxOf('workflow_run', 'workflow_run', 'refs/heads/main') },
  {
    title: 'a pull request from a fork',
    ctx: () => ctxOf('pull_request', 'pull_request-fork', 'refs/pull/7/merge'),
  },
  // Events the rules do not know, on the default branch: written by others, on another commit.
  { title: 'deployment_status', ctx: () => ctxOf('deployment_status', 'push-main', 'refs/heads/main') },
  { title: 'check_run', ctx: () => ctxOf('check_run', 'push-main', 'refs/heads/main') },
  { title: 'check_suite', ctx: () => ctxOf('check_suite', 'push-main', 'refs/heads/main') },
  { title: 'issues', ctx: () => ctxOf('issues', 'push-main', 'refs/heads/main') },
];
const TRUSTED = {
  title: 'a push to main (control)',
  ctx: () => ctxOf('push', 'push-main', 'refs/heads/main'),
};

/** An exec that records each @actions/cache worker start (and answers "saved"). */
function recordingExec() {
  const requests: Array<{ op: string; key: string }> = [];
  const exec: Exec = async (_command, _args, options) => {
    const request = JSON.parse(options?.input ?? '{}') as { op: string; key: string };
    requests.push({ op: request.op, key: request.key });
    return { exitCode: 0, stdout: 'bkca-cache-result:{"cacheId":1}\n', stderr: '', timedOut: false };
  };
  return { exec, saves: () => requests.filter((r) => r.op === 'save') };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'trust-'));

const planOf = (ctx: ReturnType<typeof ctxOf>, write: CacheWrite, backend: 'gha' | 'local') =>
  plan(ctx, facts, {
    backend,
    scope: 'app',
    leg: '',
    siblingLegs: [],
    write,
    rawFrom: [],
    rawTo: [],
    ...(backend === 'local' ? { dir: tmp(), persistedLocal: true } : {}),
  });

/** Every path that saves to the GitHub cache, each run for real; the number of saves it made. */
const SAVE_PATHS: Array<{
  path: string;
  saves: (ctx: ReturnType<typeof ctxOf>, write: CacheWrite) => Promise<number>;
}> = [
  {
    path: 'cache mounts',
    saves: async (ctx, write) => {
      const scan = {
        mounts: [
          {
            id: '/c',
            target: '/c',
            sharing: 'shared' as const,
            uid: '',
            gid: '',
            mode: '',
            stage: 's',
            line: 2,
          },
        ],
        leftOut: [],
        notes: [],
      };
      const p = planMounts(scan, { kind: 'auto' }, planOf(ctx, write, 'gha'), { noCache: false });
      // saveOne saves only under saveKeyPrefix: null is never saved.
      return p.mounts.filter((m) => m.saveKeyPrefix !== null).length;
    },
  },
  {
    path: 'learned mount ids',
    saves: async (ctx, write) => {
      const scan = { mounts: [], leftOut: [], notes: [] };
      const p = planMounts(scan, { kind: 'auto' }, planOf(ctx, write, 'gha'), { noCache: false });
      const { exec, saves } = recordingExec();
      await saveLearned(exec, [{ id: 'x', target: '/x', sharing: 'shared' }], {
        root: tmp(),
        env: {},
        timeoutMs: 1000,
        writeName: p.writeName,
        restoredKey: '',
      });
      return saves().length;
    },
  },
  {
    path: '`cache: local` folders',
    saves: async (ctx, write) => {
      const p = planOf(ctx, write, 'local');
      const dir = tmp();
      // Every folder the plan writes was exported to.
      for (const w of p.writes.filter((x) => x.name)) {
        fs.mkdirSync(path.join(dir, w.name!, 'blobs', 'sha256'), { recursive: true });
        fs.writeFileSync(path.join(dir, w.name!, 'index.json'), '{"manifests":[]}');
      }
      const { exec, saves } = recordingExec();
      await saveLocalCaches(
        exec,
        { plan: p, dir, records: [], restoredIndex: new Map(), env: {}, timeoutMs: 1000, unavailable: '' },
        true,
      );
      return saves().length;
    },
  },
  {
    path: 'the buildx binary',
    saves: async (ctx, write) => {
      const p = planOf(ctx, write, 'gha');
      const binary = "#!/bin/sh\necho 'github.com/docker/buildx v0.29.1 abcdef'\n";
      const sum = createHash('sha256').update(binary).digest('hex');
      const server = http.createServer((req, res) =>
        res.end(req.url?.endsWith('/checksums.txt') ? `${sum}  ${releaseAsset('0.29.1')}\n` : binary),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const saved: string[] = [];
      const store: ReleaseStore = {
        restore: async () => false,
        save: async (version) => void saved.push(version),
      };
      const exec: Exec = async (command) => ({
        exitCode: 0,
        stdout: fs.readFileSync(command, 'utf8').split("'")[1],
        stderr: '',
        timedOut: false,
      });
      try {
        await ensureBuildx(exec, {
          wanted: '0.29.1',
          floor: '',
          releasesBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
          probe: Promise.resolve({
            result: { exitCode: 1, stdout: '', stderr: '', timedOut: false },
            binary: '',
          }),
          toolCache: tmp(),
          releaseStore: store,
          // What src/app/build.ts passes.
          saveRefused: neverWrites(p.trigger, p.tokenRefuses),
        });
      } finally {
        server.close();
      }
      return saved.length;
    },
  },
  {
    path: "a merge leg's record",
    saves: async (ctx) => {
      const inputs = parseInputs(
        (name) =>
          ({ merge: 'leg', push: 'true', tags: 'ghcr.io/o/app:1', platforms: 'linux/amd64' })[name] ?? '',
      );
      const environment = environmentFrom({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' });
      const leg = prepareLeg(ctx, inputs, environment);
      const { exec, saves } = recordingExec();
      const report = {
        build: 'succeeded',
        steps: { cached: 1, total: 2, ratio: 0.5 },
      } as unknown as CacheReport;
      await recordLeg(exec, leg, {
        original: inputs,
        report,
        digest: `sha256:${'a'.repeat(64)}`,
        tempDir: tmp(),
        environment,
      });
      return saves().length;
    },
  },
];

describe('the one trust rule: an untrusted or unknown trigger writes nothing through any path', () => {
  const silence = () => jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const cases = SAVE_PATHS.flatMap((s) =>
    UNTRUSTED.flatMap((t) =>
      (['auto', 'always'] as CacheWrite[]).map((write) => ({ ...s, trigger: t.title, ctx: t.ctx, write })),
    ),
  );
  it.each(cases)('$trigger, cache-write: $write: $path saves nothing', async ({ saves, ctx, write }) => {
    const quiet = silence();
    try {
      expect(await saves(ctx(), write)).toBe(0);
    } finally {
      quiet.mockRestore();
    }
  });

  it.each(SAVE_PATHS)('control: a push to main saves through $path', async ({ saves }) => {
    const quiet = silence();
    try {
      expect(await saves(TRUSTED.ctx(), 'auto')).toBeGreaterThan(0);
    } finally {
      quiet.mockRestore();
    }
  });
});
