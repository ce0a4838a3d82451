import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type GitServer, startGitServer } from '../../test-services/git-http';
import { runAction, withStepLog } from './run-action';
import {
  BASE_IMAGE,
  BUILDKIT_IMAGE,
  engineEnv,
  errorLines,
  git,
  itNeedsEndpoint,
  makeRepo,
  needEndpoint,
  pushEvent,
  useEngine,
} from './support';

// What a build-push-action workflow meets on its first run here (issue 28): the run's Git context
// as the default context, fetched by BuildKit from a real Git server on loopback (git's own
// http-backend) that stands for GITHUB_SERVER_URL; local and tar outputs; the token kept from
// other Git hosts; a refused command reported in buildx's own words.
useEngine();

// A docker command the tests run directly: a hung engine fails the test instead of stalling the run.
const DOCKER_BOUND = { timeout: 120_000, killSignal: 'SIGKILL' } as const;
const TOKEN = 'ghs_droppedInTokenValue0123456789';
const basic = (token: string) => `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;

describe('drop-in for build-push-action, on the real engine', () => {
  let own: GitServer;
  let other: GitServer;
  let sha = '';
  let otherSha = '';
  let checkoutWithUntracked = '';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-git-root-'));

  beforeAll(async () => {
    const repo = await makeRepo(`FROM scratch\nCOPY . /\n`);
    sha = await repo.commit(
      {
        'committed.txt': 'from the commit\n',
        'sub/Dockerfile': 'FROM scratch\nCOPY . /\n',
        'sub/in-sub.txt': 'sub\n',
      },
      'files',
    );
    // The served repository has the name the event's repository gives (octo-org/octo-repo).
    fs.mkdirSync(path.join(root, 'octo-org'));
    fs.symlinkSync(repo.origin, path.join(root, 'octo-org', 'octo-repo.git'));
    own = await startGitServer(root, '127.0.0.1');
    // Another host (another loopback address): a GitLab, say.
    other = await startGitServer(root, '127.0.0.2');
    checkoutWithUntracked = await repo.checkout(sha);
    // A commit of its own for the other host: BuildKit keeps fetched commits, and would not ask.
    otherSha = await repo.commit({ 'other.txt': `${Date.now()}\n` }, 'for the other host');
    fs.writeFileSync(path.join(checkoutWithUntracked, 'untracked.txt'), 'generated after checkout\n');
  });
  afterAll(async () => {
    await own?.stop();
    await other?.stop();
  });

  const env = () => ({ ...engineEnv(), GITHUB_SERVER_URL: own.url });
  const gitRequests = (s: GitServer) => s.requests().filter((r) => r.path.includes('/octo-repo.git/'));

  it("a job with no checkout builds the run's Git context, with the token sent to the run's own server only; type=local exports its files", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-no-checkout-'));
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-local-out-'));
    const { main, post } = await runAction({
      inputs: {
        context: '',
        driver: 'docker',
        cache: 'none',
        outputs: `type=local,dest=${dest}`,
        'github-token': TOKEN,
      },
      event: pushEvent('main', sha),
      workspace: empty,
      env: env(),
    });
    await withStepLog(main, () => {
      expect(main.exitCode).toBe(0);
      expect(main.log).toContain(`context: ${own.url}/octo-org/octo-repo.git#${sha}`);
      // BuildKit fetched the commit from the server, with the token as its credentials.
      expect(gitRequests(own).length).toBeGreaterThan(0);
      expect(gitRequests(own).map((r) => r.authorization)).toContain(basic(TOKEN));
      // buildx refuses an image ID file beside a local export: none was asked for.
      expect(main.outputs.imageid).toBe('');
      expect(fs.readFileSync(path.join(dest, 'committed.txt'), 'utf8')).toBe('from the commit\n');
      // Masked for the runner (`::add-mask::`), and nowhere else in the log.
      expect(main.log.split('\n').filter((l) => l.includes(TOKEN) && !l.startsWith('::add-mask::'))).toEqual(
        [],
      );
    });
    expect(post.exitCode).toBe(0);
  });

  it('with a checkout, the Git context builds the commit, not the work tree (an untracked file stays out); type=tar writes the archive', async () => {
    const tar = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-tar-out-')), 'image.tar');
    const { main } = await runAction({
      inputs: { context: '', driver: 'docker', cache: 'none', outputs: `type=tar,dest=${tar}` },
      event: pushEvent('main', sha),
      workspace: checkoutWithUntracked,
      env: env(),
    });
    await withStepLog(main, () => {
      expect(main.exitCode).toBe(0);
      const members = execFileSync('tar', ['-tf', tar]).toString().split('\n');
      expect(members).toContain('committed.txt');
      expect(members).not.toContain('untracked.txt');
    });
  });

  it('{{defaultContext}}:sub builds the sub-folder of the commit', async () => {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sub-out-'));
    const { main } = await runAction({
      inputs: {
        context: '{{defaultContext}}:sub',
        driver: 'docker',
        cache: 'none',
        outputs: `type=local,dest=${dest}`,
      },
      event: pushEvent('main', sha),
      workspace: checkoutWithUntracked,
      env: env(),
    });
    await withStepLog(main, () => {
      expect(main.exitCode).toBe(0);
      expect(main.log).toContain(`context: ${own.url}/octo-org/octo-repo.git#${sha}:sub`);
      // build-push-action's default provenance comes along (mode=max: the repository is public).
      expect(fs.readdirSync(dest).sort()).toStrictEqual(['Dockerfile', 'in-sub.txt', 'provenance.json']);
      const provenance = fs.readFileSync(path.join(dest, 'provenance.json'), 'utf8');
      expect(provenance).toContain(`${own.url}/octo-org/octo-repo/actions/runs/1/attempts/1`);
    });
  });

  it("the run's Git context writes its commit's cache even when the checkout holds another commit", async () => {
    // The checkout is one commit behind the event: the workspace's HEAD has no say over a build
    // of the event's commit, so sha:<event commit> is written.
    const older = await git(checkoutWithUntracked, 'rev-parse', 'HEAD~1');
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-older-checkout-'));
    await git(ws, 'clone', '-q', checkoutWithUntracked, '.');
    await git(ws, 'checkout', '-q', older);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-gitctx-cache-'));
    const { main } = await runAction({
      inputs: { context: '', driver: 'docker', cache: 'local', 'cache-dir': cacheDir },
      event: pushEvent('main', sha),
      workspace: ws,
      env: env(),
    });
    await withStepLog(main, () => {
      expect(main.exitCode).toBe(0);
      expect(main.outputs['cache-to']).toContain(`default.sha-${sha}`);
      expect(main.log).not.toContain('is not written: the workspace holds');
    });
  });

  it('a Git context on another host never receives the GitHub token', async () => {
    const before = other.requests().length;
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-other-out-'));
    const { main } = await runAction({
      inputs: {
        context: `${other.url}/octo-org/octo-repo.git#${otherSha}`,
        driver: 'docker',
        cache: 'none',
        outputs: `type=local,dest=${dest}`,
        'github-token': TOKEN,
      },
      event: pushEvent('main', sha),
      workspace: checkoutWithUntracked,
      env: env(),
    });
    await withStepLog(main, () => {
      expect(main.exitCode).toBe(0);
      const asked = other.requests().slice(before);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((r) => r.authorization === '')).toBe(true);
      expect(main.log).not.toContain(`GIT_AUTH_TOKEN.${other.host}`);
    });
  });
});

describe('errors from this build only', () => {
  it("an input buildx refuses quotes buildx, not the builder's newest failed record", async () => {
    const otherJob = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-other-job-'));
    fs.writeFileSync(
      path.join(otherJob, 'Dockerfile'),
      `FROM ${BASE_IMAGE}\nRUN echo other-jobs-secret-42 && exit 3\n`,
    );
    try {
      execFileSync('docker', ['buildx', 'build', '--builder', 'default', otherJob], {
        env: { ...process.env, ...engineEnv() },
        stdio: 'ignore',
        ...DOCKER_BOUND,
      });
    } catch {
      // Failing is what this build is for.
    }
    const repo = await makeRepo();
    const ws = await repo.checkout(await git(repo.work, 'rev-parse', 'HEAD'));
    const { main } = await runAction({
      inputs: { driver: 'docker', cache: 'none', 'add-hosts': 'not-a-host-mapping' },
      event: pushEvent('main', await git(ws, 'rev-parse', 'HEAD')),
      workspace: ws,
      env: engineEnv(),
    });
    expect(main.exitCode).not.toBe(0);
    const errors = errorLines(main.log);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/add-host|host mapping|invalid/i);
    expect(main.log).not.toContain('other-jobs-secret-42');
    expect(main.summary).not.toContain('other-jobs-secret-42');
    expect(main.outputs['cache-report'] ?? '').not.toContain('other-jobs-secret-42');
  });
});

describe('the builder docker/setup-buildx-action made', () => {
  // Skipped, not passed, where the e2e setup could not start the endpoint (support.ts).
  const it = itNeedsEndpoint();
  it('with no builder and no driver input, the build runs on the current builder, with its own driver and options, and post leaves it', async () => {
    needEndpoint();
    const image = BUILDKIT_IMAGE;
    // What setup-buildx-action does: a docker-container builder of its own options, made current
    // (BUILDX_BUILDER here, so that no other test's builder choice changes).
    const name = `setup-buildx-${Date.now().toString(36)}`;
    const engine = { ...process.env, ...engineEnv() };
    execFileSync(
      'docker',
      [
        'buildx',
        'create',
        '--name',
        name,
        '--driver',
        'docker-container',
        '--driver-opt',
        `image=${image}`,
        '--driver-opt',
        'network=host',
        '--bootstrap',
      ],
      { env: engine, stdio: 'ignore', ...DOCKER_BOUND },
    );
    try {
      const repo = await makeRepo();
      const sha = await git(repo.work, 'rev-parse', 'HEAD');
      const { main, post } = await runAction({
        inputs: { cache: 'none' },
        event: pushEvent('main', sha),
        workspace: await repo.checkout(sha),
        env: { ...engineEnv(), BUILDX_BUILDER: name },
      });
      await withStepLog(main, () => {
        expect(main.exitCode).toBe(0);
        expect(main.outputs.builder).toBe(name);
        expect(main.log).toContain(`builder: ${name}: the current builder ${name} (driver docker-container)`);
        // No builder of this action's own was created (none is left for post to remove).
        expect(Object.keys(main.state)).not.toContain('builderCreated');
      });
      expect(post.exitCode).toBe(0);
      // Post removes only what this run made: setup-buildx-action's builder is still there.
      const inspect = execFileSync('docker', ['buildx', 'inspect', name], {
        env: engine,
        ...DOCKER_BOUND,
      }).toString();
      expect(inspect).toContain(`Name:          ${name}`);
    } finally {
      execFileSync('docker', ['buildx', 'rm', '--force', name], {
        env: engine,
        stdio: 'ignore',
        ...DOCKER_BOUND,
      });
    }
  });
});
