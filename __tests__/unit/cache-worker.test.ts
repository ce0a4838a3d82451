import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCacheWorker } from '../../src/stores/github-cache/worker';
import { exec } from '../../src/lib/exec';
import { type GhaCacheService, startGhaCacheService } from '../../test-services/gha-cache';

// The bundled worker (dist/cache/index.js) against the local cache service: what each call comes to.
const script = path.join(__dirname, '..', '..', 'dist', 'cache', 'index.js');
let svc: GhaCacheService;
beforeAll(async () => {
  svc = await startGhaCacheService();
}, 60000);
afterAll(() => svc.stop());
afterEach(() => svc.faults.clear());

function runner(): { env: NodeJS.ProcessEnv; root: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-'));
  const root = path.join(work, 'root');
  fs.mkdirSync(path.join(root, 'folder'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...svc.env(svc.tokenForPush('main')),
    RUNNER_TEMP: path.join(work, 'tmp'),
  };
  delete env.GITHUB_SERVER_URL;
  return { env, root };
}

describe('runCacheWorker', () => {
  it('a miss, a save, a hit by prefix on another runner, the same key again', async () => {
    const a = runner();
    fs.writeFileSync(path.join(a.root, 'folder', 'f'), 'content');
    const o = { ...a, timeoutMs: 30000, script };
    const prefix = `bkca-test/${Date.now()}/`;
    const miss = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: prefix, restoreKeys: [prefix] },
      o,
    );
    expect(miss.status).toBe('miss');
    const saved = await runCacheWorker(exec, { op: 'save', path: 'folder', key: `${prefix}1` }, o);
    expect(saved.status).toBe('saved');
    const b = runner();
    const hit = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: prefix, restoreKeys: [prefix] },
      { ...b, timeoutMs: 30000, script },
    );
    expect(hit).toMatchObject({ status: 'hit', matchedKey: `${prefix}1` });
    expect(fs.readFileSync(path.join(b.root, 'folder', 'f'), 'utf8')).toBe('content');
    const again = await runCacheWorker(exec, { op: 'save', path: 'folder', key: `${prefix}1` }, o);
    expect(again.status).toBe('exists');
  }, 60000);

  it('a hung lookup is ended by the timeout', async () => {
    svc.faults.hang({ method: 'GetCacheEntryDownloadURL' });
    const o = { ...runner(), timeoutMs: 3000, script };
    const call = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key: 'k/', restoreKeys: ['k/'] },
      o,
    );
    expect(call).toMatchObject({ status: 'failed', reason: 'no answer within 3s' });
  }, 30000);
});
