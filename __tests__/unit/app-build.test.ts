import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/app/build';
import type { Exec, ExecResult } from '../../src/lib/exec';

// run(exec, env) on a fake Exec: the phases of a build in their order, every process through the
// one seam. The fake answers as docker, buildx and git would, from the recorded buildx fixtures.
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'buildx', 'warm');
const ok = (stdout = ''): ExecResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false });
const failed = (stderr: string): ExecResult => ({ exitCode: 1, stdout: '', stderr, timedOut: false });

/** What each call was, in the order the action made them. */
function phaseOf(command: string, args: readonly string[]): string {
  const a = args.join(' ');
  if (command === 'git') return 'git';
  if (a.startsWith('version')) return 'probe';
  if (a.includes('buildx version') || a === 'version') return 'probe';
  if (a.includes('create')) return 'builder';
  if (a.includes('history')) return 'history';
  if (a.includes('build') && a.includes('--cache-to')) return 'export';
  if (a.includes('build')) return 'build';
  return `other: ${command} ${a}`;
}

function fakeExec(o: { buildFails?: boolean } = {}): { exec: Exec; calls: string[] } {
  const calls: string[] = [];
  const exec: Exec = async (command, args) => {
    const phase = phaseOf(command, args);
    calls.push(phase);
    const a = args.join(' ');
    if (phase === 'git') return failed('fatal: not a git repository');
    if (phase === 'probe')
      return ok(a.includes('format') ? '28.5.0' : 'github.com/docker/buildx 0.29.1 abc\n');
    if (phase === 'builder') return ok('bkca-test\n');
    if (phase === 'history') {
      if (a.includes('logs')) return ok(fs.readFileSync(path.join(FIXTURES, 'rawjson.log'), 'utf8'));
      return ok(fs.readFileSync(path.join(FIXTURES, 'inspect.json'), 'utf8'));
    }
    if (phase === 'build' || phase === 'export') {
      const metadataFile = args[args.indexOf('--metadata-file') + 1];
      if (args.includes('--metadata-file')) {
        fs.copyFileSync(path.join(FIXTURES, 'metadata.json'), metadataFile);
      }
      if (phase === 'build' && o.buildFails)
        return failed('ERROR: process "/bin/sh -c false" did not complete');
      return ok();
    }
    return ok();
  };
  return { exec, calls };
}

/** A push to main with `cache: local`, as the runner starts the step: inputs and files in the environment. */
function runnerEnv(dir: string): NodeJS.ProcessEnv {
  const workspace = path.join(dir, 'ws');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  const event = path.join(dir, 'event.json');
  fs.writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', repository: { default_branch: 'main' } }));
  for (const f of ['output', 'state', 'summary']) fs.writeFileSync(path.join(dir, f), '');
  return {
    PATH: process.env.PATH,
    HOME: dir,
    DOCKER_HOST: 'tcp://127.0.0.1:1',
    DOCKER_CONFIG: path.join(dir, 'docker-config'),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    RUNNER_TEMP: dir,
    INPUT_CACHE: 'local',
    'INPUT_CACHE-DIR': path.join(dir, 'caches'),
    INPUT_DRIVER: 'docker-container',
  };
}

async function runAction(o: { buildFails?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-app-'));
  const env = runnerEnv(dir);
  const saved = process.env;
  const { exec, calls } = fakeExec(o);
  const out: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  process.env = { ...env };
  try {
    await run(exec, env);
  } finally {
    process.env = saved;
    write.mockRestore();
  }
  const log = out.join('');
  const outputs = fs.readFileSync(path.join(dir, 'output'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
  return { calls, log, outputs };
}

/** The calls with repeats folded: the phases as they followed each other. */
const sequence = (calls: string[]) => calls.filter((c, i) => c !== calls[i - 1]);

describe('run(exec, env): the phases of a build', () => {
  it('plans, sets up the builder, builds, exports, reads the record, then reports', async () => {
    const { calls, log, outputs } = await runAction();
    expect(calls.filter((c) => c.startsWith('other'))).toStrictEqual([]);
    const order = sequence(calls.filter((c) => c !== 'probe'));
    expect(order.indexOf('git')).toBe(0);
    expect(order.filter((c) => c !== 'git' && c !== 'history')).toStrictEqual(['builder', 'build', 'export']);
    expect(order.indexOf('history')).toBeGreaterThan(order.indexOf('build'));
    const groups = [...log.matchAll(/^::group::(.*)$/gm)].map((m) => m[1]);
    expect(groups).toStrictEqual(['Cache plan', 'Builder', 'Cache export', 'Cache retention']);
    // The outputs come last, once everything they report has happened.
    expect(outputs).toMatch(/cache-export<<[^\n]*\nok\n/);
    expect(outputs).toContain('cache-to<<');
    expect(log).not.toMatch(/::error::/);
  });

  it('a failed build still reports, with one ::error:: line and no cache export', async () => {
    const { calls, log, outputs } = await runAction({ buildFails: true });
    expect(calls).not.toContain('export');
    expect(calls).toContain('history');
    expect(log.match(/::error::/g)).toHaveLength(1);
    expect(outputs).toContain('cache-report<<');
  });
});
