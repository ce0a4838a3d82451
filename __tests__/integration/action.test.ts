import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseInputs } from '../../src/runner/inputs/read';
import { OUTPUT_NAMES } from '../../src/runner/outputs';

const root = join(__dirname, '..', '..');
const actionYml = readFileSync(join(root, 'action.yml'), 'utf8');

function section(name: string): string[] {
  const start = actionYml.indexOf(`\n${name}:\n`);
  const rest = actionYml.slice(start + name.length + 3);
  const end = rest.search(/\n[a-z]/);
  return [...(end === -1 ? rest : rest.slice(0, end)).matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1]);
}

describe('action.yml is the contract', () => {
  it('declares exactly the outputs the code sets', () => {
    expect(section('outputs').sort()).toStrictEqual([...OUTPUT_NAMES].sort());
  });

  it('declares exactly the inputs the code reads', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return '';
    });
    expect(section('inputs').sort()).toStrictEqual([...read].sort());
  });

  it('runs on node24, main and post each from its own bundle', () => {
    expect(actionYml).toMatch(
      /using: node24\n {2}main: dist\/main\/index.js\n {2}post: dist\/post\/index.js/,
    );
  });

  it('keeps every build-push-action input name', () => {
    const bpa = [
      'context',
      'file',
      'target',
      'tags',
      'labels',
      'annotations',
      'build-args',
      'build-contexts',
      'secrets',
      'secret-envs',
      'secret-files',
      'ssh',
      'platforms',
      'push',
      'load',
      'outputs',
      'pull',
      'no-cache',
      'no-cache-filters',
      'provenance',
      'sbom',
      'attests',
      'network',
      'add-hosts',
      'allow',
      'shm-size',
      'ulimit',
      'cgroup-parent',
      'call',
      'github-token',
      'cache-from',
      'cache-to',
      'builder',
    ];
    expect(bpa.filter((i) => !section('inputs').includes(i))).toStrictEqual([]);
  });
});

describe('dist/', () => {
  // Every file the build makes (each step's bundle and source map, dist/licenses.txt), and no other.
  it('is what the current source builds to, third-party notices included', async () => {
    const check = await promisify(execFile)(
      process.execPath,
      [join(root, 'scripts', 'build-dist.mjs'), '--check'],
      {
        cwd: root,
      },
    ).catch((e: { stderr: string }) => ({ stdout: '', stderr: e.stderr }));
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('dist/ is what the source builds to');
    const notices = readFileSync(join(root, 'dist', 'licenses.txt'), 'utf8');
    expect(notices).toMatch(/^dist\/main\/index\.js bundles:\n\n/);
    expect(notices).toMatch(/^@actions\/core\nMIT\n/m);
  }, 120000);

  it('holds no script of a bundled package (xdg-open): only JavaScript, maps and the notices', () => {
    const files = readdirSync(join(root, 'dist'), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => f.name);
    expect(files.filter((f) => !/\.(js|js\.map|txt)$/.test(f))).toStrictEqual([]);
  });

  // A stack trace still maps to the source file and line; the sources themselves (9 MB, most of
  // it the cloud SDKs') are not copied into dist/ a second time.
  it('has source maps with their mappings and no copy of the sources (sourcesContent)', () => {
    const maps = readdirSync(join(root, 'dist'), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.js.map'))
      .map((f) => JSON.parse(readFileSync(join(f.parentPath, f.name), 'utf8')) as Record<string, unknown>);
    expect(maps.length).toBeGreaterThan(3);
    expect(maps.filter((m) => 'sourcesContent' in m).map((m) => m.file)).toStrictEqual([]);
    expect(
      maps.filter((m) => typeof m.mappings !== 'string' || m.mappings === '').map((m) => m.file),
    ).toStrictEqual([]);
  });

  // gha and registry runs load index.js only: the SDKs must sit in chunks that s3 / azblob runs load.
  it.each(['defaultProvider', 'SignatureV4', 'DefaultAzureCredential', 'StorageSharedKeyCredential'])(
    "keeps the clouds' SDKs (%s) out of the bundles every run loads, in a lazily loaded chunk",
    (marker) => {
      const read = (file: string) => readFileSync(join(root, 'dist', file), 'utf8');
      expect(read('main/index.js')).not.toContain(marker);
      expect(read('post/index.js')).not.toContain(marker);
      const chunks = readdirSync(join(root, 'dist', 'main')).filter((f) => /^\d+\.index\.js$/.test(f));
      expect(chunks.filter((f) => read(`main/${f}`).includes(marker)).length).toBeGreaterThan(0);
    },
  );
});
