import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

// The architecture's rules (.dependency-cruiser.cjs) hold for src/, they fail on an import that
// breaks them, naming it, and docs/architecture.md documents the same floors in the same order.
const root = path.join(__dirname, '..', '..');
const config = path.join(root, '.dependency-cruiser.cjs');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');
const run = (cwd: string) =>
  promisify(execFile)(depcruise, ['src', '--config', config], { cwd }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

/** The config's layers, top to bottom, each a list of folders. */
const layersInConfig = (): string[][] => {
  const text = /const LAYERS = \[([\s\S]*?)\n\];/.exec(fs.readFileSync(config, 'utf8'))![1];
  return [...text.matchAll(/\[([^[\]]*)\]/g)].map((m) => [...m[1].matchAll(/'([\w-]+)'/g)].map((f) => f[1]));
};

/** A tree with one file per floor named, importing as `imports` says (file → imported file). */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bkca-arch-'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true } }));
  // The project's packages, so that an SDK import resolves to node_modules as it does in src/.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('architecture rules', () => {
  it('src/ keeps them: no cycle, no upward import, no effect in report/ or plan/', async () => {
    const r = await run(root);
    expect(r.out).toMatch(/no dependency violations found/);
    expect(r.code).toBe(0);
  });

  it.each<{ title: string; files: Record<string, string>; named: RegExp }>([
    {
      title: 'an upward import',
      files: {
        'src/lib/a.ts': "import { b } from '../app/b';\nexport const a = b;\n",
        'src/app/b.ts': 'export const b = 1;\n',
      },
      named: /lib-imports-downward: src\/lib\/a\.ts → src\/app\/b\.ts/,
    },
    {
      title: 'an import between two folders of one layer',
      files: {
        'src/merge/a.ts': "import { b } from '../mounts/b';\nexport const a = b;\n",
        'src/mounts/b.ts': 'export const b = 1;\n',
      },
      named: /merge-imports-downward: src\/merge\/a\.ts → src\/mounts\/b\.ts/,
    },
    {
      title: 'a cycle within one folder',
      files: {
        'src/plan/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/plan/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      },
      named: /no-circular: src\/plan\/a\.ts →/,
    },
    {
      title: 'an effect in plan/',
      files: { 'src/plan/a.ts': "import * as fs from 'node:fs';\nexport const a = fs.existsSync;\n" },
      named: /pure-report-and-plan: src\/plan\/a\.ts → (node:)?fs/,
    },
    {
      title: 'an effect in plan/ two imports deep, through a type',
      files: {
        'src/plan/a.ts': "import type { B } from '../lib/b';\nexport const a = (b: B) => b;\n",
        'src/lib/b.ts': "import * as fs from 'node:fs';\nexport type B = typeof fs.existsSync;\n",
      },
      named: /pure-report-and-plan-all-the-way-down: src\/plan\/a\.ts → (node:)?fs/,
    },
    {
      title: 'a file outside the floors',
      files: {
        'src/app/a.ts': "import { b } from '../misc/b';\nexport const a = b;\n",
        'src/misc/b.ts': 'export const b = 1;\n',
      },
      named: /known-floor: src\/app\/a\.ts → src\/misc\/b\.ts/,
    },
    {
      title: 'a cloud SDK outside the s3 and azblob rooms (every run would load it)',
      files: {
        'src/facts/a.ts':
          "import { defaultProvider } from '@aws-sdk/credential-provider-node';\nexport const a = defaultProvider;\n",
      },
      named: /cloud-sdks-in-their-rooms: src\/facts\/a\.ts → \S*node_modules\/@aws-sdk\//,
    },
    {
      title: 'a static import of the s3 check',
      files: {
        'src/facts/a.ts': "import { b } from '../stores/s3/b';\nexport const a = b;\n",
        'src/stores/s3/b.ts': 'export const b = 1;\n',
      },
      named: /cloud-checks-loaded-lazily: src\/facts\/a\.ts → src\/stores\/s3\/b\.ts/,
    },
  ])('fail on $title, naming the import', async ({ files, named }) => {
    const dir = tree(files);
    try {
      const r = await run(dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(named);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('docs/architecture.md lists the same layers, each with the same folders, in the same order', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
    const documented: string[][] = [];
    for (const m of doc.matchAll(/^\| (\d+) \| `([\w-]+)\/` \|/gm)) {
      const layer = Number(m[1]) - 1;
      documented[layer] = [...(documented[layer] ?? []), m[2]];
    }
    expect(documented).toStrictEqual(layersInConfig());
    expect(fs.readdirSync(path.join(root, 'src')).sort()).toStrictEqual(layersInConfig().flat().sort());
  });

  it('puts folders in one layer only when none imports another (each layer is as low as it can be)', async () => {
    // A folder one layer lower would do for every import it has: then the doc's layers are not the code's.
    const layers = layersInConfig();
    const imports = new Map<string, Set<string>>();
    for (const file of fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const from = file.split(path.sep)[0];
      const text = fs.readFileSync(path.join(root, 'src', file), 'utf8');
      for (const m of text.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
        const target = path.relative(
          path.join(root, 'src'),
          path.resolve(path.dirname(path.join(root, 'src', file)), m[1] ?? m[2]),
        );
        const to = target.split(path.sep)[0];
        if (to !== from && !to.startsWith('..'))
          imports.set(from, new Set([...(imports.get(from) ?? []), to]));
      }
    }
    const layerOf = (folder: string) => layers.findIndex((l) => l.includes(folder));
    for (const [i, layer] of layers.entries()) {
      for (const folder of layer) {
        const below = [...(imports.get(folder) ?? [])].map(layerOf);
        // Its highest import is on the next layer down (or it imports nothing and is at the bottom).
        expect({
          folder,
          lowest: below.length === 0 ? layers.length - 1 : Math.min(...below) - 1,
        }).toStrictEqual({ folder, lowest: i });
      }
    }
  });
});
