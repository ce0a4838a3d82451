import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { runAction } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  freshRunner,
  git,
  makeRepo,
  pushEvent,
  REGISTRY,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// No import holds the job for ever: a store that accepts and never answers, or a cache service
// that answers 429 for ever, costs at most cache-import-timeout plus one uncached build; the run
// stays green and warns once.
const t = useEngine({ gha: true });

const warningsOf = (log: string) => log.split('\n').filter((l) => l.startsWith('::warning::'));

/** A loopback TCP server that accepts every connection and never writes a byte. */
async function silentServer(): Promise<{ address: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a bound on every import', () => {
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let repo: Awaited<ReturnType<typeof makeRepo>>;
  let sha = '';
  /** How long the same build takes with no cache at all, measured on this engine now. */
  let uncachedMs = 0;
  const BOUND_S = 10;
  // The action's own work around the build (plan, buildx start, summary) on a busy shared engine.
  const SLACK_MS = 30_000;
  jest.setTimeout(150_000);

  beforeAll(async () => {
    silent = await silentServer();
    repo = await makeRepo();
    sha = await git(repo.work, 'rev-parse', 'HEAD');
    await freshRunner();
    const started = Date.now();
    const { main } = await runAction({
      inputs: { driver: 'docker', cache: 'none', 'no-cache': 'true' },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: engineEnv(),
    });
    uncachedMs = Date.now() - started;
    expect(main.exitCode).toBe(0);
  }, 300000);
  afterAll(async () => silent?.close());

  /** Runs the action on a fresh runner; what it cost, its outputs and warnings. */
  async function timed(inputs: Record<string, string>, env: object = {}) {
    await freshRunner();
    const started = Date.now();
    const { main } = await runAction({
      inputs: { driver: 'docker', ...inputs },
      event: pushEvent('main', sha),
      workspace: await repo.checkout(sha),
      env: { ...engineEnv(), ...env },
    });
    return { main, ms: Date.now() - started, warnings: warningsOf(main.log) };
  }

  it('cache: registry on a server that never answers: the unanswered check passes no source, the build does not wait', async () => {
    const { main, ms, warnings } = await timed({
      cache: 'registry',
      'cache-image': `${silent.address}/never/answers`,
      'cache-export-timeout': '10s',
      'cache-import-timeout': `${BOUND_S}s`,
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-from']).toBe('');
    const report = reportOf(main.outputs);
    expect(report.plan.reads.every((r) => r.notRead?.startsWith('its store did not answer'))).toBe(true);
    // The one warning is the export's, which cache-export-timeout ended; no import was tried.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cache export failed/);
    // The check's 5 s, an uncached build, the export's 10 s.
    expect(ms).toBeLessThan(5000 + uncachedMs + 10_000 + SLACK_MS);
  });

  it('cache: gha with a service that answers 429 for ever: the lookups give up, no source is passed, one warning', async () => {
    t.svc.faults.rateLimit({ count: Infinity, retryAfterSeconds: 1 });
    const { main, ms, warnings } = await timed(
      { cache: 'gha', 'cache-scope': uniqueName('throttled'), 'cache-write': 'never' },
      t.svc.env(t.svc.tokenForPush('main')),
    );
    expect(main.exitCode).toBe(0);
    expect(main.outputs.digest).toMatch(/^sha256:/);
    expect(main.outputs['cache-from']).toBe('');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/rate-limited/);
    expect(ms).toBeLessThan(uncachedMs + SLACK_MS);
  });

  it('a long build past its imports is not ended by the bound', async () => {
    const slow = await makeRepo(`FROM ${BASE_IMAGE}
RUN sleep 12 && echo done > /done
`);
    const slowSha = await git(slow.work, 'rev-parse', 'HEAD');
    await freshRunner();
    // A source that exists nowhere: its import ends at once, then the step runs past the bound.
    const { main } = await runAction({
      inputs: {
        driver: 'docker',
        cache: 'none',
        'cache-from': `type=registry,ref=${REGISTRY}/${uniqueName('e2e-none')}/cache:nothing`,
        'cache-import-timeout': '3s',
      },
      event: pushEvent('main', slowSha),
      workspace: await slow.checkout(slowSha),
      env: engineEnv(),
    });
    expect(main.exitCode).toBe(0);
    expect(main.log).not.toContain('cache-import-timeout');
    expect(reportOf(main.outputs).build).toBe('succeeded');
  });
  it('a registry cache source that accepts and never answers: ended at the bound with one warning; the docker driver stays held, so the retry is ended too and the run fails within twice the bound, saying why', async () => {
    const address = silent.address;
    const source = `type=registry,ref=${address}/never/answers:cache`;
    const held = timed({ cache: 'none', 'cache-from': source, 'cache-import-timeout': `${BOUND_S}s` });
    // The store lets go once the run has ended, whatever it asserts: the shared engine is held till then.
    const { main, ms, warnings } = await held.finally(async () => {
      await silent.close();
      silent = await silentServer();
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `importing the cache ${address}/never/answers:cache did not end within ${BOUND_S}s (cache-import-timeout)`,
    );
    // dockerd's builder waits on the stuck import until the store lets go: no build starts, and the
    // retry is ended at the bound instead of holding the job (and the engine's other jobs) for ever.
    expect(main.exitCode).not.toBe(0);
    expect(main.log).toContain(`the engine printed nothing for ${BOUND_S}s (cache-import-timeout)`);
    expect(ms).toBeLessThan(2 * BOUND_S * 1000 + SLACK_MS);
    // The store let go: the engine builds again.
    const after = await timed({ cache: 'none' });
    expect(after.main.exitCode).toBe(0);
  });

  it('a gha cache source on a service that answers 429 for ever: ended at the bound with one warning; the retry too while the docker driver is held', async () => {
    t.svc.faults.rateLimit({ count: Infinity, retryAfterSeconds: 1 });
    const { main, ms, warnings } = await timed(
      {
        cache: 'none',
        'cache-from': `type=gha,scope=${uniqueName('throttled')}`,
        'cache-import-timeout': `${BOUND_S}s`,
      },
      t.svc.env(t.svc.tokenForPush('main')),
    ).finally(() => t.svc.faults.clear());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(`importing the cache gha:\\S+ did not end within ${BOUND_S}s \\(cache-import-timeout\\)`),
    );
    expect(main.exitCode).not.toBe(0);
    expect(main.log).toContain(`the engine printed nothing for ${BOUND_S}s (cache-import-timeout)`);
    expect(ms).toBeLessThan(2 * BOUND_S * 1000 + SLACK_MS);
    // The service answers again: the engine lets go and builds, so the tests after this one run.
    const after = await timed({ cache: 'none' });
    expect(after.main.exitCode).toBe(0);
  });
});
