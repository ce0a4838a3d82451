import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from '../../src/lib/exec';

// The one exec seam, on real processes: arguments stay single arguments, input reaches stdin.
describe('exec', () => {
  it('passes each argument as one argument, with no shell', async () => {
    const r = await exec('printf', ['%s|', 'a b', '$(echo no)', '; ls']);
    expect(r).toStrictEqual({ exitCode: 0, stdout: 'a b|$(echo no)|; ls|', stderr: '', timedOut: false });
  });
  it('writes input to stdin, then closes it', async () => {
    const r = await exec('cat', [], { input: 'host.example\n' });
    expect(r.stdout).toBe('host.example\n');
  });
  it('gives a bounded process without input /dev/null, not a pipe it could outlive', async () => {
    const r = await exec('readlink', ['/proc/self/fd/0'], { timeoutMs: 10_000 });
    expect(r.stdout.trim()).toBe('/dev/null');
  });
  it('gives a process that reads stdin (an argument "-") /dev/null: it ends at once, never waits', async () => {
    const r = await exec('cat', ['-']);
    expect(r).toStrictEqual({ exitCode: 0, stdout: '', stderr: '', timedOut: false });
  }, 5000);
  it("runs any other process through @actions/exec: its stdin is a pipe of its own, never the action's", async () => {
    const r = await exec('readlink', ['/proc/self/fd/0']);
    expect(r.stdout.trim()).toMatch(/^(pipe|socket):\[\d+\]$/);
  });
  it.each([
    { path: '@actions/exec', options: {} },
    { path: 'spawn', options: { timeoutMs: 10_000 } },
  ])('names a missing program with exit 127 ($path)', async ({ options }) => {
    const r = await exec('bkca-no-such-program', [], options);
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain('bkca-no-such-program');
  });
  it('looks a program up on the PATH it hands the process, as spawn does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bkca-path-'));
    writeFileSync(join(dir, 'bkca-stand-in'), '#!/bin/sh\necho stand-in "$@"\n', { mode: 0o755 });
    const r = await exec('bkca-stand-in', ['a b'], { env: { PATH: `${dir}:/usr/bin:/bin` } });
    expect(r).toStrictEqual({ exitCode: 0, stdout: 'stand-in a b\n', stderr: '', timedOut: false });
  });
  it('gives back the exit code and both outputs of a failing process, and each chunk as it comes', async () => {
    const chunks: string[] = [];
    const r = await exec('sh', ['-c', 'echo out; echo err >&2; exit 3'], {
      env: { PATH: '/usr/bin:/bin', BKCA_X: 'y' },
      onOutput: (text) => chunks.push(text),
    });
    expect(r).toStrictEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
    expect(chunks.sort()).toStrictEqual(['err\n', 'out\n']);
  });
  it('hands the process exactly the env it is given', async () => {
    const r = await exec('sh', ['-c', 'echo "$A,${HOME:-none}"'], { env: { PATH: '/usr/bin:/bin', A: '1' } });
    expect(r.stdout).toBe('1,none\n');
  });
  it('ends a process that outlives its timeout', async () => {
    const r = await exec('sleep', ['5'], { timeoutMs: 100 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).not.toBe(0);
  });
  it('ends a process when its signal aborts, as a watcher of its output decides', async () => {
    const stop = new AbortController();
    const seen: string[] = [];
    const started = Date.now();
    const r = await exec('sh', ['-c', 'echo ready; echo oops >&2; exec sleep 5'], {
      signal: stop.signal,
      onOutput: (text) => {
        seen.push(text);
        if (seen.join('').includes('oops')) stop.abort();
      },
    });
    expect(r.timedOut).toBe(true);
    expect(seen.join('')).toContain('ready');
    expect(Date.now() - started).toBeLessThan(4000);
  });
  it('a timeout above what a Node timer holds does not end the process at once', async () => {
    const r = await exec('sh', ['-c', 'sleep 0.3; echo done'], { timeoutMs: 2 ** 31 + 1000 });
    expect(r).toMatchObject({ timedOut: false, exitCode: 0, stdout: 'done\n' });
  });
});
