import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
// The internals runner/commands.ts uses instead of @actions/core's entry (see the comment there):
// these tests fail when a bump of @actions/core moves or changes them.
import { issue, issueCommand } from '@actions/core/lib/command';
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command';
import * as core from '../../src/runner/commands';

/** What is written to stdout while `fn` runs. */
function stdoutOf(fn: () => void): string {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

/** Runs `fn` with one environment variable set (or unset), then puts it back. */
function withEnv<T>(name: string, value: string | undefined, fn: () => T): T {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

const delimited = (name: string, value: string) =>
  new RegExp(`^${name}<<(ghadelimiter_[0-9a-f-]{36})${EOL}${value}${EOL}\\1${EOL}$`);

describe('@actions/core/lib/command: the line each workflow command writes', () => {
  it.each([
    { name: 'warning', properties: {}, message: 'plain', want: '::warning::plain' },
    { name: 'warning', properties: {}, message: 'a: b, c', want: '::warning::a: b, c' },
    {
      name: 'error',
      properties: {},
      message: '100% done\r\nnext line',
      want: '::error::100%25 done%0D%0Anext line',
    },
    {
      name: 'set-output',
      properties: { name: 'a:b,c%\n' },
      message: 'v',
      want: '::set-output name=a%3Ab%2Cc%25%0A::v',
    },
    { name: 'x', properties: { a: '1', b: '', c: '3' }, message: 'm', want: '::x a=1,c=3::m' },
    { name: 'add-mask', properties: {}, message: 's3cr3t', want: '::add-mask::s3cr3t' },
    { name: '', properties: {}, message: 'm', want: '::missing.command::m' },
  ])('issueCommand($name, $properties, $message)', ({ name, properties, message, want }) => {
    expect(stdoutOf(() => issueCommand(name, properties, message))).toBe(want + EOL);
  });

  it('issue: a command without properties, its message empty by default', () => {
    expect(stdoutOf(() => issue('group', 'Cache retention'))).toBe(`::group::Cache retention${EOL}`);
    expect(stdoutOf(() => issue('endgroup'))).toBe(`::endgroup::${EOL}`);
  });
});

describe('@actions/core/lib/file-command: the block each file command appends', () => {
  it('prepareKeyValueMessage: name<<delimiter, the value, the delimiter', () => {
    expect(prepareKeyValueMessage('digest', 'line 1\nline 2')).toMatch(
      new RegExp(`^digest<<(ghadelimiter_[0-9a-f-]{36})${EOL}line 1\nline 2${EOL}\\1$`),
    );
  });

  it("issueFileCommand: appends the message to GITHUB_<file>, and throws when there's none", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bkca-commands-')), 'output');
    writeFileSync(file, 'before\n');
    withEnv('GITHUB_OUTPUT', file, () => issueFileCommand('OUTPUT', 'x<<d\nv\nd'));
    expect(readFileSync(file, 'utf8')).toBe(`before\nx<<d\nv\nd${EOL}`);
    expect(() => withEnv('GITHUB_OUTPUT', undefined, () => issueFileCommand('OUTPUT', 'x'))).toThrow(
      'Unable to find environment variable for file command OUTPUT',
    );
  });
});

describe('runner/commands: what the action writes through them', () => {
  it.each([
    { title: 'warning', run: () => core.warning('a\nb'), want: `::warning::a%0Ab${EOL}` },
    { title: 'error', run: () => core.error('e'), want: `::error::e${EOL}` },
    { title: 'debug', run: () => core.debug('d'), want: `::debug::d${EOL}` },
    { title: 'setSecret', run: () => core.setSecret('t0ken'), want: `::add-mask::t0ken${EOL}` },
    { title: 'info', run: () => core.info('plain: 100%'), want: `plain: 100%${EOL}` },
    {
      title: 'setOutput without GITHUB_OUTPUT',
      run: () => withEnv('GITHUB_OUTPUT', undefined, () => core.setOutput('cache-hit', 'true')),
      want: `${EOL}::set-output name=cache-hit::true${EOL}`,
    },
    {
      title: 'saveState without GITHUB_STATE',
      run: () => withEnv('GITHUB_STATE', undefined, () => core.saveState('plan', '{}')),
      want: `::save-state name=plan::{}${EOL}`,
    },
  ])('$title', ({ run, want }) => expect(stdoutOf(run)).toBe(want));

  it('group: a collapsible section around the function', async () => {
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const result = await core.group('Cache mounts: save', async () => {
        core.info('inside');
        return 7;
      });
      expect(result).toBe(7);
    } finally {
      process.stdout.write = write;
    }
    expect(chunks.join('')).toBe(`::group::Cache mounts: save${EOL}inside${EOL}::endgroup::${EOL}`);
  });

  it.each([
    { file: 'GITHUB_OUTPUT', run: () => core.setOutput('cache-to', 'a\nb') },
    { file: 'GITHUB_STATE', run: () => core.saveState('cache-to', 'a\nb') },
  ])('with $file: a delimited block in that file, nothing on stdout', ({ file, run }) => {
    const path = join(mkdtempSync(join(tmpdir(), 'bkca-commands-')), 'file');
    writeFileSync(path, '');
    expect(withEnv(file, path, () => stdoutOf(run))).toBe('');
    expect(readFileSync(path, 'utf8')).toMatch(delimited('cache-to', 'a\nb'));
  });
});
