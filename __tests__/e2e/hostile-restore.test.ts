import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { plantArchive } from '../../test-services/gha-cache/plant';
import { runAction } from './run-action';
import {
  BASE_IMAGE,
  engineEnv,
  freshRunner,
  makeRepo,
  pushEvent,
  reportOf,
  uniqueName,
  useEngine,
} from './support';

// A cache mount archive planted in main's scope by a run holding main's writable token (one of
// the triggers GitHub may hand one), restored by a trusted push: the bundled action on the real
// engine, the real cache service. Nothing lands outside the restore folder, the build is green,
// the mount is a miss, and one warning says why.
const t = useEngine({ gha: true });

const DOCKERFILE = `FROM ${BASE_IMAGE}
COPY src.txt /src.txt
RUN --mount=type=cache,target=/var/cache/app ls /var/cache/app > /listing; echo more > /var/cache/app/f
`;

describe('a hostile cache mount archive in the default branch scope', () => {
  it('restores nothing outside its folder: green, a miss, and exactly one warning', async () => {
    const inputs = {
      driver: 'docker',
      cache: 'gha',
      'cache-scope': uniqueName('hostile'),
      'cache-mounts-image': BASE_IMAGE,
      'cache-mounts-timeout': '60s',
      'cache-mounts-max-size': '64MiB',
    };
    const env = { ...engineEnv(), ...t.svc.env(t.svc.tokenForPush('main')) };
    const repo = await makeRepo(DOCKERFILE);
    const first = await repo.commit({ 'src.txt': 'one\n' }, 'one');
    await freshRunner();
    const since = Date.now();
    const cold = await runAction({
      inputs,
      event: pushEvent('main', first),
      workspace: await repo.checkout(first),
      env,
    });
    expect(cold.main.exitCode).toBe(0);
    const saved = t.svc
      .entries()
      .filter((e) => e.createdAt.getTime() >= since && e.key.startsWith('bkca-mount-v1/'));
    expect(saved).toHaveLength(1);
    // Under the same prefix, newer: what main's next restore picks.
    const key = `${saved[0].key.slice(0, saved[0].key.lastIndexOf('/') + 1)}zzzz-planted`;
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
    fs.writeFileSync(path.join(outside, 'victim'), 'untouched');
    await plantArchive(t.svc, {
      key,
      folder: 'mount',
      token: t.svc.tokenForPush('main'),
      tempDir: os.tmpdir(),
      members: [
        { name: 'mount/', type: '5' },
        { name: 'mount/ok', type: '0', data: 'fine' },
        { name: path.join(outside, 'abs'), type: '0', data: 'planted' },
        { name: `mount/${'../'.repeat(12)}${outside.slice(1)}/dotdot`, type: '0', data: 'planted' },
        { name: 'mount/link', type: '2', linkname: outside },
        { name: 'mount/link/through', type: '0', data: 'planted' },
        { name: 'mount/hard', type: '1', linkname: path.join(outside, 'victim') },
        { name: 'mount/hard', type: '0', data: 'overwritten' },
        { name: 'mount/bomb', type: '0', zeros: 1024 ** 3 },
      ],
    });

    const second = await repo.commit({ 'src.txt': 'two\n' }, 'two');
    await freshRunner();
    const { main } = await runAction({
      inputs,
      event: pushEvent('main', second),
      workspace: await repo.checkout(second),
      env,
    });
    expect(main.exitCode).toBe(0);
    const warnings = main.log.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `the GitHub cache entry ${key} was not restored, its archive is refused: the member`,
    );
    expect(reportOf(main.outputs).mounts!.mounts[0].restore).toBe('miss');
    expect(fs.readdirSync(outside)).toStrictEqual(['victim']);
    expect(fs.readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('untouched');
    fs.rmSync(outside, { recursive: true, force: true });
  }, 300000);
});
