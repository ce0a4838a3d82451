// Bundles each step of the action with ncc: src/entry/<step>.ts → dist/<step>/index.js, for each
// step action.yml runs (`main: dist/main/index.js`, `post: dist/post/index.js`), and the
// third-party notices of every bundle (ncc's --license) into dist/licenses.txt.
//
//   node scripts/build-dist.mjs            # builds dist/
//   node scripts/build-dist.mjs <outDir>   # builds elsewhere
//   node scripts/build-dist.mjs --check    # exits 1, naming the files, when dist/ is not what the source builds to
//
// The dist check (__tests__/integration/action.test.ts, the release workflow) is --check.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'dist');
/** The steps action.yml runs, from its `runs:` section: action.yml stays the one list. */
export const STEPS = [
  ...fs
    .readFileSync(path.join(root, 'action.yml'), 'utf8')
    .matchAll(/^ {2}(?:main|pre|post): *dist\/([a-z]+)\/index\.js *$/gm),
].map((m) => m[1]);
/** Bundles main starts as child processes: src/entry/<name>.ts → dist/<name>/index.js. */
export const WORKERS = ['cache'];

export function buildDist(outDir = distDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const notices = [];
  for (const step of [...STEPS, ...WORKERS]) {
    execFileSync(
      process.execPath,
      [
        ncc,
        'build',
        `src/entry/${step}.ts`,
        '-o',
        path.join(outDir, step),
        '--source-map',
        '--license',
        'licenses.txt',
        '--transpile-only',
        '-q',
      ],
      { cwd: root, stdio: 'inherit' },
    );
    // @azure/identity's browser sign-in (the `open` package) ships an `xdg-open` shell script that
    // ncc copies beside the bundle. The action never opens a browser: no script of it in dist/.
    fs.rmSync(path.join(outDir, step, 'xdg-open'), { force: true });
    stripSourcesContent(path.join(outDir, step));
    // One notices file for the whole action, each bundle's packages under its name.
    const perStep = path.join(outDir, step, 'licenses.txt');
    const text = fs.existsSync(perStep) ? fs.readFileSync(perStep, 'utf8').trim() : '';
    fs.rmSync(perStep, { force: true });
    notices.push(`dist/${step}/index.js bundles:\n\n${text || '(no third-party packages)'}\n`);
  }
  fs.writeFileSync(path.join(outDir, 'licenses.txt'), notices.join('\n'));
}

/**
 * The source maps keep their mappings (a stack trace still names the source file and line) but not
 * `sourcesContent`, a second copy of every bundled source: 9 of dist/'s 19.7 MB, most of it the
 * cloud SDKs' (storage-blob twice, msal, the AWS clients), which no step of the action reads.
 */
function stripSourcesContent(dir) {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.js.map'))) {
    const file = path.join(dir, name);
    const map = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete map.sourcesContent;
    fs.writeFileSync(file, JSON.stringify(map));
  }
}

function filesUnder(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

/** Files (relative to dist/) that differ between a fresh build and the committed dist/, or exist in one only. */
export function staleFiles(builtDir, committedDir = distDir) {
  const built = filesUnder(builtDir);
  const committed = filesUnder(committedDir);
  return [...new Set([...built, ...committed])].sort().filter((file) => {
    const [a, b] = [path.join(builtDir, file), path.join(committedDir, file)];
    return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--check') {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-check-'));
    buildDist(out);
    const stale = staleFiles(out);
    fs.rmSync(out, { recursive: true, force: true });
    if (stale.length > 0) {
      console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run build\` and commit dist/`);
      process.exit(1);
    }
    console.log('dist/ is what the source builds to');
  } else {
    buildDist(process.argv[2]);
  }
}
