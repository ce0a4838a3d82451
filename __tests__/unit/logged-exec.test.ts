import type { Exec } from '../../src/lib/exec';
import { loggedExec } from '../../src/runner/logged-exec';

describe('loggedExec: every command in the debug log', () => {
  it('writes the program and its arguments as one ::debug:: line, quoting what a shell would split, then runs it', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const calls: string[][] = [];
    const inner: Exec = async (command, args) => {
      calls.push([command, ...args]);
      return { exitCode: 0, stdout: '', stderr: '', timedOut: false };
    };
    try {
      await loggedExec(inner)('docker', ['buildx', 'build', '--build-arg', 'A=two words', '.'], {
        env: { SECRET: 'never-logged' },
      });
    } finally {
      spy.mockRestore();
    }
    expect(calls).toStrictEqual([['docker', 'buildx', 'build', '--build-arg', 'A=two words', '.']]);
    const log = written.join('');
    expect(log).toContain('::debug::run: docker buildx build --build-arg "A=two words" .');
    expect(log).not.toContain('never-logged');
  });
});
