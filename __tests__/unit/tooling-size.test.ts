import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The tooling (the benchmark, the test services, the scripts) stays in files one can read whole:
// no code file there over 400 lines. Tests, fixtures, docs and data (results, READMEs) are not code
// one reads to change the tooling, and bench/work is the benchmark's build output.

const root = join(__dirname, '..', '..');
const MAX_LINES = 400;
const TOOLING = ['bench', 'test-services', 'scripts'];
const CODE = /\.(ts|js|mjs|cjs|sh)$/;
const SKIP = /(^|\/)(work|fixtures?|node_modules)(\/|$)|\.test\.ts$|\.d\.ts$/;

function codeFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (SKIP.test(rel)) return [];
    if (e.isDirectory()) return codeFiles(rel);
    return CODE.test(e.name) ? [rel] : [];
  });
}

const lineCount = (file: string) =>
  readFileSync(join(root, file), 'utf8').replace(/\n$/, '').split('\n').length;

/** Files of `files` over `max` lines, as `file: N lines`. */
function oversized(files: string[], count: (file: string) => number, max = MAX_LINES): string[] {
  return files.filter((f) => count(f) > max).map((f) => `${f}: ${count(f)} lines`);
}

describe('tooling file size', () => {
  const files = TOOLING.flatMap((d) => codeFiles(d));

  test('the walk sees the tooling code and skips tests and build output', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bench/run.ts',
        'test-services/gha-cache/service.ts',
        'scripts/build-dist.mjs',
        'scripts/provision-engine.sh',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.test.ts') || f.startsWith('bench/work/'))).toEqual([]);
  });

  test('the check names a file one line over the limit, and passes one at the limit', () => {
    const sizes: Record<string, number> = { 'a.ts': MAX_LINES, 'b.ts': MAX_LINES + 1 };
    expect(oversized(Object.keys(sizes), (f) => sizes[f])).toEqual([`b.ts: ${MAX_LINES + 1} lines`]);
  });

  test(`no code file under bench/, test-services/ or scripts/ is over ${MAX_LINES} lines`, () => {
    expect(oversized(files, lineCount)).toEqual([]);
  });
});
