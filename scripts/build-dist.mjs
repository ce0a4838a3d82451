// Bundles each step of the action with ncc: src/entry/<step>.ts → dist/<step>/index.js, for each
// step action.yml runs (`main: dist/main/index.js`, `post: dist/post/index.js`). `node scripts/build-dist.mjs <outDir>` builds elsewhere (the
// dist check in __tests__/unit/action.test.ts compares such a build with the committed dist/).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The steps action.yml runs, from its `runs:` section: action.yml stays the one list. */
export const STEPS = [
  ...fs
    .readFileSync(path.join(root, 'action.yml'), 'utf8')
    .matchAll(/^ {2}(?:main|pre|post): *dist\/([a-z]+)\/index\.js *$/gm),
].map((m) => m[1]);
/** Bundles main starts as child processes: src/entry/<name>.ts → dist/<name>/index.js. */
export const WORKERS = ['cache'];

export function buildDist(outDir = path.join(root, 'dist')) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
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
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildDist(process.argv[2]);
