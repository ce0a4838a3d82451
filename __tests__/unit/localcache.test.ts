import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reachableBlobs, unreachableBlobs } from '../../src/localcache/gc';
import { pruneFolder, saveLocalCaches } from '../../src/localcache/persist';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import type { Exec } from '../../src/lib/exec';
import { plan } from '../../src/plan/planner';

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const CACHE_CONFIG = 'application/vnd.buildkit.cacheconfig.v0';

/** A folder as BuildKit's local exporter leaves it: index.json and blobs by digest. */
const store = (blobs: Record<string, object | undefined>) => (digest: string) =>
  blobs[digest] === undefined ? null : JSON.stringify(blobs[digest]);

describe('reachableBlobs / unreachableBlobs: what index.json still needs', () => {
  it.each([
    {
      title: 'a cache manifest list (the default): its layers and its cache config',
      index: { manifests: [{ mediaType: INDEX, digest: 'sha256:list2' }] },
      blobs: {
        'sha256:list2': {
          manifests: [
            { mediaType: LAYER, digest: 'sha256:l1' },
            { mediaType: LAYER, digest: 'sha256:l3' },
            { mediaType: CACHE_CONFIG, digest: 'sha256:cfg2' },
          ],
        },
        'sha256:list1': {
          manifests: [
            { mediaType: LAYER, digest: 'sha256:l1' },
            { mediaType: LAYER, digest: 'sha256:l2' },
            { mediaType: CACHE_CONFIG, digest: 'sha256:cfg1' },
          ],
        },
      },
      files: [
        'sha256:cfg1',
        'sha256:cfg2',
        'sha256:l1',
        'sha256:l2',
        'sha256:l3',
        'sha256:list1',
        'sha256:list2',
      ],
      reached: ['sha256:cfg2', 'sha256:l1', 'sha256:l3', 'sha256:list2'],
      deleted: ['sha256:cfg1', 'sha256:l2', 'sha256:list1'],
    },
    {
      title: 'an image manifest (image-manifest=true): config and layers',
      index: { manifests: [{ mediaType: MANIFEST, digest: 'sha256:m' }] },
      blobs: {
        'sha256:m': {
          config: { mediaType: CACHE_CONFIG, digest: 'sha256:c' },
          layers: [{ mediaType: LAYER, digest: 'sha256:a' }],
        },
      },
      files: ['sha256:a', 'sha256:c', 'sha256:m', 'sha256:old'],
      reached: ['sha256:a', 'sha256:c', 'sha256:m'],
      deleted: ['sha256:old'],
    },
    {
      title: 'two tags in one folder: both kept',
      index: {
        manifests: [
          { mediaType: INDEX, digest: 'sha256:x' },
          { mediaType: INDEX, digest: 'sha256:y' },
        ],
      },
      blobs: {
        'sha256:x': { manifests: [{ mediaType: LAYER, digest: 'sha256:a' }] },
        'sha256:y': { manifests: [{ mediaType: LAYER, digest: 'sha256:b' }] },
      },
      files: ['sha256:a', 'sha256:b', 'sha256:x', 'sha256:y'],
      reached: ['sha256:a', 'sha256:b', 'sha256:x', 'sha256:y'],
      deleted: [],
    },
    {
      title: 'a manifest blob that is missing: what it named cannot be told, so only it is kept',
      index: { manifests: [{ mediaType: INDEX, digest: 'sha256:gone' }] },
      blobs: {},
      files: ['sha256:a'],
      reached: ['sha256:gone'],
      deleted: ['sha256:a'],
    },
  ])('$title', ({ index, blobs, files, reached, deleted }) => {
    expect([...reachableBlobs(JSON.stringify(index), store(blobs))].sort()).toStrictEqual(reached);
    expect(unreachableBlobs(JSON.stringify(index), files, store(blobs))).toStrictEqual(deleted);
  });

  it.each([
    { title: 'no index.json', index: null },
    { title: 'an index.json that is not JSON', index: '{"manifests": [' },
  ])('$title: nothing is deleted', ({ index }) => {
    expect(unreachableBlobs(index, ['sha256:a', 'sha256:b'], () => null)).toStrictEqual([]);
  });
});

describe('pruneFolder: deletes what the index no longer reaches, on disk', () => {
  it('keeps the current export, deletes the earlier one, counts its bytes', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-'));
    const blobDir = path.join(folder, 'blobs', 'sha256');
    fs.mkdirSync(blobDir, { recursive: true });
    const write = (name: string, body: string | object) =>
      fs.writeFileSync(path.join(blobDir, name), typeof body === 'string' ? body : JSON.stringify(body));
    write('new', { manifests: [{ mediaType: LAYER, digest: 'sha256:keep' }] });
    write('keep', 'layer bytes');
    write('old', { manifests: [{ mediaType: LAYER, digest: 'sha256:stale' }] });
    write('stale', '0123456789');
    fs.writeFileSync(
      path.join(folder, 'index.json'),
      JSON.stringify({ manifests: [{ mediaType: INDEX, digest: 'sha256:new' }] }),
    );
    const oldBytes = fs.statSync(path.join(blobDir, 'old')).size;
    expect(pruneFolder(folder)).toStrictEqual({ count: 2, bytes: oldBytes + 10, links: [] });
    expect(fs.readdirSync(blobDir).sort()).toStrictEqual(['keep', 'new']);
  });

  it('never follows a restored symlink out of the folder: the link goes, what it pointed at stays', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-'));
    const elsewhere = path.join(base, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'precious'), 'not a blob');
    const folder = path.join(base, 'folder');
    fs.mkdirSync(path.join(folder, 'blobs'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(folder, 'blobs', 'sha256'));
    fs.writeFileSync(path.join(folder, 'index.json'), JSON.stringify({ manifests: [] }));
    expect(pruneFolder(folder)).toStrictEqual({ count: 0, bytes: 0, links: ['blobs/sha256'] });
    expect(fs.readdirSync(elsewhere)).toStrictEqual(['precious']);
    expect(fs.existsSync(path.join(folder, 'blobs', 'sha256'))).toBe(false);
  });

  it('the save keeps no link: the folder archived holds none', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-'));
    const elsewhere = path.join(base, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'precious'), 'x');
    const dir = path.join(base, 'cache');
    const p = plan(
      runContextFrom(
        environmentFrom({
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: 'refs/heads/main',
          GITHUB_SHA: 'a'.repeat(40),
          GITHUB_REPOSITORY: 'o/r',
        }).github,
        { repository: { default_branch: 'main' } },
      ),
      { mergeBase: null, parent: null },
      {
        backend: 'local',
        dir,
        persistedLocal: true,
        scope: 'app',
        leg: '',
        siblingLegs: [],
        write: 'auto',
        rawFrom: [],
        rawTo: [],
      },
    );
    const name = p.writes[0].name!;
    fs.mkdirSync(path.join(dir, name, 'blobs'), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'index.json'), JSON.stringify({ manifests: [] }));
    fs.symlinkSync(elsewhere, path.join(dir, name, 'blobs', 'sha256'));
    const linksAtSave: string[][] = [];
    const exec: Exec = async (_c, _a, o) => {
      const walk = (d: string): string[] =>
        fs
          .readdirSync(d, { withFileTypes: true })
          .flatMap((e) =>
            e.isSymbolicLink() ? [path.join(d, e.name)] : e.isDirectory() ? walk(path.join(d, e.name)) : [],
          );
      linksAtSave.push(walk(path.join(o!.cwd!, name)));
      return { exitCode: 0, stdout: 'bkca-cache-result:{"cacheId":1}\n', stderr: '', timedOut: false };
    };
    const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await saveLocalCaches(
        exec,
        { plan: p, dir, records: [], restoredIndex: new Map(), env: {}, timeoutMs: 1000, unavailable: '' },
        true,
      );
    } finally {
      quiet.mockRestore();
    }
    expect(linksAtSave).toStrictEqual([[]]);
    expect(fs.readdirSync(elsewhere)).toStrictEqual(['precious']);
  });
});
