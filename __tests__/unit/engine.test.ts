import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { engineAction, engineEnvFile } from '../../scripts/engine';

describe('npm test and npm run example: what to do about the engine', () => {
  const machine = { platform: 'linux' as const, root: true, debian: true };
  it.each([
    [{ ...machine, engine: true, registry: true }, 'ready'],
    [{ ...machine, engine: false, registry: false }, 'provision'],
    // The registry alone is missing: provisioning starts what is not running.
    [{ ...machine, engine: true, registry: false }, 'provision'],
    [{ ...machine, engine: false, registry: false, root: false }, 'missing'],
    [{ ...machine, engine: false, registry: false, debian: false }, 'missing'],
    [{ ...machine, engine: false, registry: true, platform: 'darwin' as const }, 'missing'],
    [{ ...machine, engine: true, registry: true, root: false, debian: false }, 'ready'],
  ])('%j: %s', (facts, action) => {
    expect(engineAction(facts)).toBe(action);
  });

  it("reads the provisioned engine's env.sh, $PATH expanded; nothing when it was never provisioned", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-home-'));
    expect(engineEnvFile(home, '/usr/bin')).toStrictEqual({});
    fs.writeFileSync(
      path.join(home, 'env.sh'),
      'export PATH="/opt/e/prefix/usr/bin:$PATH"\nexport DOCKER_CONFIG="/opt/e/docker-config"\n# comment\n',
    );
    expect(engineEnvFile(home, '/usr/bin')).toStrictEqual({
      PATH: '/opt/e/prefix/usr/bin:/usr/bin',
      DOCKER_CONFIG: '/opt/e/docker-config',
    });
  });
});
