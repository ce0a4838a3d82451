import { buildkitAttests, parseInspect, setupBuilder } from '../../src/buildx/builder';
import { pluginBuildx } from '../../src/buildx/buildx';
import type { Exec, ExecResult } from '../../src/lib/exec';
import { parseInputs } from '../../src/runner/inputs/read';

/** `docker buildx inspect` as buildx 0.29 prints it for a builder setup-buildx-action made. */
const SETUP_BUILDX = `Name:          builder-3f2a
Driver:        docker-container
Last Activity: 2026-12-07 18:20:40 +0000 UTC

Nodes:
Name:             builder-3f2a0
Endpoint:         unix:///var/run/docker.sock
Status:           running
BuildKit version: v0.32.2
Platforms:        linux/amd64
`;
const ENGINE_DEFAULT = `Name:   default
Driver: docker

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
`;

const ok = (stdout = ''): ExecResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false });

/** A buildx that answers `inspect` with `current` and records what it is asked. */
function fakeBuildx(current: string) {
  const calls: string[][] = [];
  const exec: Exec = async (_cmd, args) => {
    calls.push([...args]);
    if (args[1] === 'inspect') return ok(current);
    return ok();
  };
  return { exec, calls };
}

const choose = (values: Record<string, string>, current: string, engineDown = '') => {
  const f = fakeBuildx(current);
  const inputs = parseInputs((n) => values[n] ?? '');
  return setupBuilder(f.exec, pluginBuildx('0.29.1'), {
    builder: inputs.builder,
    tempDir: '/tmp',
    cacheUrl: '',
    job: '',
    engineDown,
    onCreate: () => undefined,
  }).then((choice) => ({ choice, calls: f.calls }));
};

describe('the builder: the current one setup-buildx-action made, else one of our own', () => {
  it('no builder and no driver: builds on the current builder setup-buildx-action made, and keeps it', async () => {
    const { choice, calls } = await choose({}, SETUP_BUILDX);
    expect(choice).toMatchObject({ name: 'builder-3f2a', created: false, attests: true });
    expect(choice.why).toMatch(/current builder builder-3f2a \(driver docker-container\)/);
    expect(calls.some((c) => c[1] === 'create')).toBe(false);
  });

  it("no builder and no driver, the engine's default current: creates a docker-container builder", async () => {
    const { choice, calls } = await choose({}, ENGINE_DEFAULT);
    expect(choice.created).toBe(true);
    expect(calls.find((c) => c[1] === 'create')).toEqual(
      expect.arrayContaining(['--driver', 'docker-container']),
    );
  });

  it('driver given: never looks at the current builder', async () => {
    const { choice, calls } = await choose({ driver: 'docker-container' }, SETUP_BUILDX);
    expect(choice.created).toBe(true);
    expect(calls.some((c) => c[1] === 'inspect')).toBe(false);
  });

  it('builder given: that one, not created', async () => {
    const { choice } = await choose({ builder: 'mine' }, SETUP_BUILDX);
    expect(choice).toMatchObject({ name: 'mine', created: false, why: 'the builder input names it' });
  });
});

describe('the local engine is needed only where the builder runs on it', () => {
  const REMOTE = SETUP_BUILDX.replace('docker-container', 'remote');
  it("setup-buildx-action's remote builder builds with no local engine", async () => {
    const { choice } = await choose({}, REMOTE, 'connect ENOENT /var/run/docker.sock');
    expect(choice).toMatchObject({ name: 'builder-3f2a', created: false });
  });
  it('a builder of our own on the engine: one clear error naming what to do', async () => {
    await expect(choose({}, ENGINE_DEFAULT, 'connect ENOENT /var/run/docker.sock')).rejects.toThrow(
      /the Docker engine is not reachable \(connect ENOENT .*\); start Docker or set driver: remote/,
    );
    await expect(choose({ driver: 'docker' }, '', 'down')).rejects.toThrow(/not reachable/);
  });
});

describe('parseInspect and buildkitAttests', () => {
  it('reads the name, driver and first BuildKit version', () => {
    expect(parseInspect(SETUP_BUILDX)).toStrictEqual({
      name: 'builder-3f2a',
      driver: 'docker-container',
      buildkit: 'v0.32.2',
    });
    expect(parseInspect('nothing')).toBeNull();
    // An unreachable engine: buildx prints no driver (the next line is not it).
    const unreachable =
      'Name:          default\nDriver:        \nLast Activity: 2026-12-07 18:46:50 +0000 UTC\nError:         Cannot connect\n';
    expect(parseInspect(unreachable)).toBeNull();
  });
  it.each([
    ['v0.10.6', false],
    ['v0.11.0', true],
    ['v1.0.0', true],
    ['v0.0.0+unknown', true],
    ['', true],
  ])('BuildKit %s attests: %s', (v, want) => expect(buildkitAttests(v)).toBe(want));
});
