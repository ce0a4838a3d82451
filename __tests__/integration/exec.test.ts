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
  it('gives a process without input /dev/null, not a pipe it could outlive', async () => {
    const r = await exec('readlink', ['/proc/self/fd/0']);
    expect(r.stdout.trim()).toBe('/dev/null');
  });
  it('names a missing program with exit 127', async () => {
    const r = await exec('bkca-no-such-program', []);
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain('ENOENT');
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
