import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { archiveRefusal, parseListing } from '../../src/stores/github-cache/archive';
import { runCacheWorker } from '../../src/stores/github-cache/worker';
import { exec } from '../../src/lib/exec';
import { type GhaCacheService, startGhaCacheService } from '../../test-services/gha-cache';
import { plantArchive, type TarMember as Member } from '../../test-services/gha-cache/plant';

/**
 * A hostile archive planted in main's scope, as a run holding main's writable token could: real
 * tar archives, uploaded through the cache service's own protocol, restored by the bundled worker
 * (dist/cache/index.js, the real restore path every caller takes). Nothing lands outside the
 * folder, the call is a miss, and it says why in exactly one warning.
 */
const script = path.join(__dirname, '..', '..', 'dist', 'cache', 'index.js');
let svc: GhaCacheService;
beforeAll(async () => {
  svc = await startGhaCacheService();
}, 60000);
const made: string[] = [];
afterAll(async () => {
  await svc.stop();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, relative. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

describe('a hostile archive restores nothing outside its folder: a miss, and one warning', () => {
  const work = () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-'));
    made.push(base);
    const outside = path.join(base, 'outside');
    const root = path.join(base, 'job', 'root');
    fs.mkdirSync(outside, { recursive: true });
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(outside, 'victim'), 'untouched');
    return { base, outside, root };
  };

  it.each([
    {
      title: 'an absolute name',
      members: (w: ReturnType<typeof work>): Member[] => [
        { name: 'folder/', type: '5' },
        { name: path.join(w.outside, 'abs'), type: '0', data: 'planted' },
      ],
      why: /is outside folder\//,
    },
    {
      title: 'a ../ name',
      members: (): Member[] => [
        { name: 'folder/', type: '5' },
        { name: 'folder/../../../outside/dotdot', type: '0', data: 'planted' },
      ],
      why: /is outside folder\//,
    },
    {
      title: 'a symlink out of the folder, then a file through it',
      members: (w: ReturnType<typeof work>): Member[] => [
        { name: 'folder/', type: '5' },
        { name: 'folder/link', type: '2', linkname: w.outside },
        { name: 'folder/link/through', type: '0', data: 'planted' },
      ],
      why: /the symlink "folder\/link" points out of folder\//,
    },
    {
      title: 'a relative symlink out, then a file through it',
      members: (): Member[] => [
        { name: 'folder/', type: '5' },
        { name: 'folder/up', type: '2', linkname: '../../../outside' },
        { name: 'folder/up/through', type: '0', data: 'planted' },
      ],
      why: /points out of folder\//,
    },
    {
      title: 'a hard link out, then a file written through it',
      members: (w: ReturnType<typeof work>): Member[] => [
        { name: 'folder/', type: '5' },
        { name: 'folder/hard', type: '1', linkname: path.join(w.outside, 'victim') },
        { name: 'folder/hard', type: '0', data: 'overwritten' },
      ],
      why: /the hard link "folder\/hard" is to .*, not to a file of this archive/,
    },
    {
      title: 'a device',
      members: (): Member[] => [
        { name: 'folder/', type: '5' },
        { name: 'folder/tty', type: '3' },
      ],
      why: /is a device or special file/,
    },
    {
      title: 'a small entry that expands to 1 GiB',
      members: (): Member[] => [
        { name: 'folder/', type: '5' },
        { name: 'folder/bomb', type: '0', zeros: 1024 ** 3 },
      ],
      why: /it expands to more than 268435456 bytes/,
    },
  ])(
    '$title',
    async ({ members, why }) => {
      const w = work();
      const key = `bkca-hostile/${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await plantArchive(svc, {
        key,
        folder: 'folder',
        members: members(w),
        token: svc.tokenForPush('main'),
        tempDir: w.base,
      });
      const warnings: string[] = [];
      const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        for (const line of String(chunk).split('\n')) if (line.startsWith('::warning::')) warnings.push(line);
        return true;
      });
      let call: Awaited<ReturnType<typeof runCacheWorker>>;
      try {
        call = await runCacheWorker(
          exec,
          { op: 'restore', path: 'folder', key, restoreKeys: [key], maxBytes: 256 * 1024 ** 2 },
          {
            root: w.root,
            env: {
              ...process.env,
              ...svc.env(svc.tokenReadOnly('main')),
              RUNNER_TEMP: path.join(w.base, 'tmp'),
            },
            timeoutMs: 60000,
            script,
          },
        );
      } finally {
        write.mockRestore();
      }
      expect(call.status).toBe('miss');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(why);
      // Nothing outside the folder: the outside folder as it was, nothing beside the job's root.
      expect(filesUnder(w.outside)).toStrictEqual(['victim']);
      expect(fs.readFileSync(path.join(w.outside, 'victim'), 'utf8')).toBe('untouched');
      expect(fs.readdirSync(path.join(w.base, 'job'))).toStrictEqual(['root']);
      expect(filesUnder(w.root)).toStrictEqual([]);
    },
    120000,
  );

  it('a well-formed archive with an inside symlink and hard link is restored', async () => {
    const w = work();
    const key = `bkca-fine/${Date.now()}`;
    await plantArchive(svc, {
      key,
      folder: 'folder',
      token: svc.tokenForPush('main'),
      tempDir: w.base,
      members: [
        { name: 'folder/', type: '5' },
        { name: 'folder/a', type: '0', data: 'content' },
        { name: 'folder/sub/', type: '5' },
        { name: 'folder/sub/l', type: '2', linkname: '../a' },
        { name: 'folder/h', type: '1', linkname: 'folder/a' },
      ],
    });
    const call = await runCacheWorker(
      exec,
      { op: 'restore', path: 'folder', key, restoreKeys: [key] },
      {
        root: w.root,
        env: { ...process.env, ...svc.env(svc.tokenReadOnly('main')), RUNNER_TEMP: path.join(w.base, 'tmp') },
        timeoutMs: 60000,
        script,
      },
    );
    expect(call).toStrictEqual({ status: 'hit', matchedKey: key, ms: expect.any(Number) });
    expect(fs.readFileSync(path.join(w.root, 'folder', 'sub', 'l'), 'utf8')).toBe('content');
    expect(fs.readFileSync(path.join(w.root, 'folder', 'h'), 'utf8')).toBe('content');
  }, 60000);
});

describe('archiveRefusal: the listing checks, as a table', () => {
  const listing = (lines: string[]) => parseListing(lines.join('\n'))!;
  it.each([
    {
      lines: ['drwxr-xr-x 0/0 0 2026-12-07 18:32 "f/"', '-rw-r--r-- 0/0 3 2026-12-07 18:32 "f/a b"'],
      want: '',
    },
    { lines: ['-rw-r--r-- 0/0 3 2026-12-07 18:32 "g/a"'], want: 'the member "g/a" is outside f/' },
    { lines: ['-rw-r--r-- 0/0 3 2026-12-07 18:32 "f/x\\n\\"y"'], want: '' },
    {
      lines: ['lrwxrwxrwx 0/0 0 2026-12-07 18:32 "f/l" -> "../f/a"'],
      want: '',
    },
    {
      lines: ['lrwxrwxrwx 0/0 0 2026-12-07 18:32 "f/l" -> "../g"'],
      want: 'the symlink "f/l" points out of f/ ("../g")',
    },
    {
      lines: ['lrwxrwxrwx 0/0 0 2026-12-07 18:32 "f/l" -> "."', '-rw-r--r-- 0/0 3 2026-12-07 18:32 "f/l/x"'],
      want: 'the member "f/l/x" is reached through the symlink "f/l"',
    },
    {
      lines: ['prw-r--r-- 0/0 0 2026-12-07 18:32 "f/fifo"'],
      want: 'the member "f/fifo" is a device or special file (type p)',
    },
    { lines: ['-rw-r--r-- 0/0 11 2026-12-07 18:32 "f/big"'], want: 'it expands to more than 10 bytes' },
  ])('$lines: $want', ({ lines, want }) => expect(archiveRefusal(listing(lines), 'f', 10)).toBe(want));
});
