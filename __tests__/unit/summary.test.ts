import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseMetadata } from '../../src/buildx/parse/metadata';
import MarkdownIt from 'markdown-it';

import { type BuildLog, parseRawJsonLog } from '../../src/buildx/parse/progress';
import { parseHistoryInspect } from '../../src/buildx/parse/record';
import type { CachePlan } from '../../src/plan/planner';
import { buildReport, exportOutcome } from '../../src/report/cache-report';
import type { CacheReport } from '../../src/report/types';
import { renderSummary } from '../../src/report/summary';
import { formatBytes } from '../../src/lib/format';

const FIXTURES = join(__dirname, '..', 'fixtures', 'buildx');
const read = (name: string, file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
const REPO = '127.0.0.1:5000/bkca-fixtures/cache';
const CACHE_REF = `${REPO}:20261122055259`;

const plan: CachePlan = {
  trigger: { kind: 'pull-request', number: 42, base: 'main', fromFork: false },
  namespace: 'docker-Dockerfile-linux-amd64',
  cacheFrom: [`type=registry,ref=${CACHE_REF}`, `type=registry,ref=${REPO}:main`],
  cacheTo: [`type=registry,ref=${REPO}:pr-42,mode=max`],
  reads: [
    // The recorded builds imported CACHE_REF: here it is this pull request's read.
    { ref: 'pr-42', why: 'this pull request', entry: `type=registry,ref=${CACHE_REF}` },
    { ref: 'main', why: 'the base branch', entry: `type=registry,ref=${REPO}:main` },
    { ref: 'sha 5f1e2d3', why: 'the merge-base commit', entry: '' },
  ],
  writes: [{ ref: 'pr-42', why: 'this pull request', entry: `type=registry,ref=${REPO}:pr-42,mode=max` }],
  notes: ['sha 5f1e2d3 is not read: the clone is shallow'],
};

function reportOf(name: string, extra: Partial<Parameters<typeof buildReport>[0]> = {}): CacheReport {
  const log = parseRawJsonLog(read(name, 'rawjson.log'));
  const built = name !== 'failed';
  return buildReport({
    plan,
    backend: 'registry',
    log,
    build: built ? 'succeeded' : 'failed',
    tokenScopes: null,
    exportResult: exportOutcome(plan, log, built, ''),
    record: parseHistoryInspect(read(name, 'inspect.json')),
    metadata: existsSync(join(FIXTURES, name, 'metadata.json'))
      ? parseMetadata(read(name, 'metadata.json'))
      : null,
    ...extra,
  });
}
const linesOf = (md: string) => md.split('\n');

describe('renderSummary on recorded builds', () => {
  it('partial: headline, facts, reasons, steps in order, import, export with size, plan', () => {
    const md = renderSummary(
      reportOf('partial', {
        exportSizes: [
          {
            destination: plan.cacheTo[0],
            bytes: 1087645,
            how: 'sum of the blobs the cache manifest lists',
          },
        ],
        tokenScopes: [
          { scope: 'refs/pull/42/merge', read: true, write: true },
          { scope: 'refs/heads/main', read: true, write: false },
        ],
      }),
    );
    const lines = linesOf(md);
    expect(lines[0]).toBe('## BuildKit cache: 4 of 8 steps cached (50%)');
    expect(lines[2]).toBe(
      '**Build succeeded** · backend **registry** · run kind **pull-request** · cache namespace ' +
        '`docker-Dockerfile-linux-amd64` · 4 steps ran for 2.7s · cache export **ok** in 0.2s (1.0 MiB)',
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '### Likely reasons for cache misses',
        '- **context files changed** in stage `build`: files that `COPY b.txt .` takes from the build context ' +
          'changed since the cached build',
        '- **earlier stage changed** in stage `stage-2`: stage `build` built something new, so ' +
          '`COPY --from=build /src/out.txt /out.txt` ran',
        '| # | stage | step | result | time |',
        '| 1 | base | `RUN sleep 1 && echo base > /base.txt` | ✅ cached |  |',
        '| 4 | build | `RUN sleep 1 && cat a.txt > out.txt` | ✅ cached |  |',
        '| 5 | build | `COPY b.txt .` | 🔨 ran · first miss | 0.1s |',
        '| 6 | build | `RUN sleep 1 && cat b.txt >> out.txt` | 🔨 ran | 1.3s |',
        '| 7 | stage-2 | `COPY --from=build /src/out.txt /out.txt` | 🔨 ran · first miss | <0.1s |',
        '| 8 | stage-2 | `RUN sleep 1 && cat /out.txt` | 🔨 ran | 1.3s |',
        '| `pr-42` (this pull request) | ✅ imported | <0.1s |',
        'The cached steps came from `pr-42`, the one source imported.',
        '✅ exported (0.2s). Cache manifest `sha256:44e22013368b1a0a7720c440ed9fa36f637c880e4743f89c16b844ccb5caf50b`.',
        `- \`type=registry,ref=${REPO}:pr-42,mode=max\`: 1.0 MiB (sum of the blobs the cache manifest lists)`,
        `- **read** \`pr-42\`: this pull request → \`type=registry,ref=${CACHE_REF}\``,
        `- **read** \`main\`: the base branch → \`type=registry,ref=${REPO}:main\``,
        '- **read** `sha 5f1e2d3`: the merge-base commit → **not read**',
        `- **write** \`pr-42\`: this pull request → \`type=registry,ref=${REPO}:pr-42,mode=max\``,
        '- sha 5f1e2d3 is not read: the clone is shallow',
        "GitHub cache scopes this run's token may use: `refs/pull/42/merge` (read + write), `refs/heads/main` (read).",
        'Base images: `127.0.0.1:5000/busybox:latest` (linux/amd64) → `a68d9f5b5f14`.',
      ]),
    );
    // Sections in reading order: why first, then the detail.
    const order = [
      '### Likely reasons',
      '### Steps',
      '### Cache import',
      '### Cache export',
      '### Cache plan',
    ];
    expect(order.map((h) => md.indexOf(h))).toStrictEqual(
      order.map((h) => md.indexOf(h)).sort((a, b) => a - b),
    );
  });

  it('failed: one quoted line with the step, file and line, and the steps it never reached', () => {
    const md = renderSummary(reportOf('failed'));
    const lines = linesOf(md);
    expect(lines[0]).toBe('## BuildKit cache: 3 of 6 steps cached (50%)');
    expect(lines[2]).toContain('**Build failed**');
    expect(lines[2]).toContain('1 step ran for 1.2s · 2 not reached · cache export **skipped**');
    expect(lines).toEqual(
      expect.arrayContaining([
        '> ❌ **The build failed** at `[build 3/4] RUN sleep 1 && echo "about to fail" && exit 3` ' +
          '(Dockerfile.fail line 8):',
        '> process "/bin/sh -c sleep 1 && echo \\"about to fail\\" && exit 3" did not complete successfully: exit code: 3',
        '| 4 | build | `RUN sleep 1 && echo "about to fail" && exit 3` | ❌ failed · first miss | 1.2s |',
        '| 5 | build | `COPY b.txt .` | ⏭️ not reached |  |',
        '| 6 | stage-2 | `COPY --from=build /src/a.txt /a.txt` | ⏭️ not reached |  |',
        '➖ skipped: the build did not finish.',
      ]),
    );
    // The record holds build args and output lines: neither reaches the summary.
    expect(md).not.toContain('BASE_IMAGE');
    expect(md).not.toContain('about to fail\n');
  });

  it('cold: the missing cache is the reason; no step is marked as the first miss of a cached build', () => {
    const md = renderSummary(reportOf('cold'));
    expect(linesOf(md)).toEqual(
      expect.arrayContaining([
        '## BuildKit cache: 0 of 8 steps cached (0%)',
        '- **no cache yet**: no cache was found at pr-42: nothing is cached for this ref yet (its first ' +
          'build, or the cache expired or was deleted)',
        '| `pr-42` (this pull request) | ➖ not found (normal for the first build of a ref) | <0.1s |',
      ]),
    );
    expect(md).not.toContain('first miss');
  });

  it('warm: everything cached, no reasons section', () => {
    const md = renderSummary(reportOf('warm'));
    expect(linesOf(md)[0]).toBe('## BuildKit cache: 8 of 8 steps cached (100%)');
    expect(md).not.toContain('### Likely reasons');
    expect(md).not.toContain('🔨');
  });

  it('multiplatform: the platform is part of the stage', () => {
    const lines = linesOf(renderSummary(reportOf('multiplatform')));
    expect(lines).toEqual(
      expect.arrayContaining([
        '- **other platform only** in stage `linux/386 base`: the cache holds this step for linux/amd64 but not for linux/386',
        '| 15 | linux/386 stage-2 | `COPY --from=build /src/out.txt /out.txt` | ✅ cached |  |',
      ]),
    );
  });
});

describe('renderSummary on made-up reports', () => {
  const base = (): CacheReport => ({
    version: 1,
    backend: 'gha',
    trigger: 'push-default',
    namespace: 'ns',
    build: 'succeeded',
    plan: { reads: [], writes: [], notes: [] },
    tokenScopes: null,
    steps: {
      total: 1,
      cached: 0,
      executed: 1,
      notRun: 0,
      ratio: 0,
      executedSeconds: 1,
      firstExecuted: [],
      list: [
        {
          stage: '',
          platform: '',
          step: 'RUN echo "a|b" && `date`\necho next',
          status: 'executed',
          seconds: 1,
          instruction: 'RUN',
          index: 1,
          of: 1,
          cached: false,
        },
      ],
    },
    imports: [],
    export: { status: 'skipped', reason: 'dry-run', seconds: 0, destinations: [], manifest: null, sizes: [] },
    record: null,
    error: null,
    baseImages: [],
    likelyReasons: [],
    timings: null,
  });

  it('step text cannot break the table', () => {
    expect(linesOf(renderSummary(base()))).toContain(
      '| 1 | — | `RUN echo "a\\|b" && \'date\' echo next` | 🔨 ran | 1s |',
    );
  });

  it('a dry run says so and writes nothing', () => {
    const md = renderSummary({ ...base(), build: 'not-run', steps: { ...base().steps, list: [], total: 0 } });
    expect(linesOf(md)).toEqual(
      expect.arrayContaining([
        '## BuildKit cache: plan only (dry run)',
        '➖ skipped: dry-run.',
        '- **write**: nothing is written by this run',
      ]),
    );
  });

  it('more than 40 steps fold into a details block', () => {
    const r = base();
    r.steps.list = Array.from({ length: 41 }, (_, n) => ({ ...r.steps.list[0], step: `RUN step ${n}` }));
    const md = renderSummary(r);
    expect(md).toContain('<details><summary>41 steps, in build order</summary>');
    expect(md).toContain('| 41 | — | `RUN step 40` | 🔨 ran | 1s |');
  });

  it('a failed import and a failed export are shown with their errors', () => {
    const r = base();
    r.imports = [{ source: 'ghcr.io/o/r:cache', result: 'failed', error: '401 Unauthorized', seconds: 0.3 }];
    r.export = { ...r.export, status: 'failed', reason: 'timed out after 600s (cache-export-timeout)' };
    const lines = linesOf(renderSummary(r));
    expect(lines).toContain('| `ghcr.io/o/r:cache` (not mapped) | ⚠️ failed: 401 Unauthorized | 0.3s |');
    expect(lines).toContain('⚠️ failed: timed out after 600s (cache-export-timeout).');
  });
});

describe('renderSummary: where the cached steps came from, and what was left out', () => {
  const GHA = 'type=gha,scope=default';
  // A branch's first push on gha: its own cache was found missing, the merge-base commit's and
  // main's were passed; BuildKit imported what the ids say.
  const reads: CachePlan['reads'] = [
    {
      ref: 'branch:feature/login',
      why: 'own branch',
      entry: `${GHA}.branch-feature-login`,
      notRead: 'not found (checked before the build)',
    },
    { ref: 'sha:b87f42f', why: 'the merge-base with main', entry: `${GHA}.sha-b87f42f` },
    { ref: 'branch:main', why: 'the default branch', entry: `${GHA}.branch-main` },
  ];
  const gha: CachePlan = {
    ...plan,
    cacheFrom: [`${GHA}.sha-b87f42f`, `${GHA}.branch-main`],
    reads,
    missing: [`${GHA}.branch-feature-login`],
  };
  const log = (imports: [string, string?][]): BuildLog => ({
    ...parseRawJsonLog(read('partial', 'rawjson.log')),
    imports: imports.map(([source, error]) => ({
      name: `importing cache manifest from ${source}`,
      source,
      durationMs: 100,
      ...(error ? { error } : {}),
    })),
  });
  const summaryOf = (l: BuildLog) =>
    renderSummary(
      buildReport({
        plan: gha,
        backend: 'gha',
        log: l,
        build: 'succeeded',
        tokenScopes: null,
        exportResult: exportOutcome(gha, l, true, ''),
        importSources: [
          { entry: `${GHA}.sha-b87f42f`, id: 'gha:11475151408587996705' },
          { entry: `${GHA}.branch-main`, id: 'gha:16379972890021441817' },
        ],
      }),
    );

  it('one source imported: its row names the ref and why, and the cached steps came from it', () => {
    const md = summaryOf(log([['gha:11475151408587996705'], ['gha:16379972890021441817', 'not found']]));
    const lines = linesOf(md);
    expect(lines).toEqual(
      expect.arrayContaining([
        '| `sha:b87f42f` (the merge-base with main) | ✅ imported | 0.1s |',
        '| `branch:main` (the default branch) | ➖ not found (normal for the first build of a ref) | 0.1s |',
        'The cached steps came from `sha:b87f42f`, the one source imported.',
        '- **read** `branch:feature/login`: own branch → **not read**: not found (checked before the build)',
      ]),
    );
    // Left out before the build: in the plan list, never in the import table.
    const table = md.slice(md.indexOf('### Cache import'), md.indexOf('### Cache export'));
    expect(table).not.toContain('feature');
    expect(md).not.toMatch(/gha:\d/);
  });

  it('several imported: which ones, and that BuildKit does not tell per step', () => {
    const md = summaryOf(log([['gha:11475151408587996705'], ['gha:16379972890021441817']]));
    expect(linesOf(md)).toContain(
      'Imported: `sha:b87f42f`, `branch:main`. BuildKit does not tell which of them each cached step came from.',
    );
  });

  it('an import nobody passed keeps BuildKit name, marked not mapped', () => {
    const md = summaryOf(log([['gha:42']]));
    expect(linesOf(md)).toEqual(
      expect.arrayContaining([
        '| `gha:42` (not mapped) | ✅ imported | 0.1s |',
        'The cached steps came from `gha:42` (not mapped), the one source imported.',
      ]),
    );
  });

  it('nothing imported but steps cached: the builder kept them', () => {
    expect(linesOf(summaryOf(log([])))).toContain(
      'No cache source was imported: the cached steps are what the builder itself kept.',
    );
  });
});

describe('the summary as GitHub renders it (GFM, markdown-it)', () => {
  const gfm = new MarkdownIt();
  const ENTITIES: Record<string, string> = { '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  const decode = (html: string) => html.replace(/&(quot|lt|gt|amp);/g, (e) => ENTITIES[e]);
  /** Each rendered table's rows, as their cells' text. */
  const tables = (md: string) => {
    const html = gfm.render(md);
    return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
      [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
        [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
          decode(c[1].replace(/<[^>]+>/g, '')),
        ),
      ),
    );
  };

  it('values holding | stay in their cell: steps, import reasons and errors', () => {
    const r = reportOf('partial', {
      importSources: [{ entry: `type=registry,ref=${CACHE_REF}`, id: CACHE_REF }],
      plan: {
        ...plan,
        reads: [
          {
            ref: 'pr-42|x',
            why: 'this pull request | its earlier runs',
            entry: `type=registry,ref=${CACHE_REF}`,
          },
        ],
      },
    });
    r.steps.list[0] = { ...r.steps.list[0], step: 'RUN echo "a|b" | tee /x' };
    r.imports.push({ source: 'gha:42', result: 'failed', error: 'bad | worse', seconds: 0 });
    const [steps, imports] = tables(renderSummary(r));
    for (const row of steps) expect(row).toHaveLength(5);
    expect(steps[1][2]).toBe('RUN echo "a|b" | tee /x');
    for (const row of imports) expect(row).toHaveLength(3);
    expect(imports[1]).toStrictEqual([
      'pr-42|x (this pull request | its earlier runs)',
      '✅ imported',
      '<0.1s',
    ]);
    expect(imports[2]).toStrictEqual(['gha:42 (not mapped)', '⚠️ failed: bad | worse', '<0.1s']);
  });

  it('every table of a full summary renders as a table with as many cells per row as its header', () => {
    const md = renderSummary(reportOf('partial'));
    const found = tables(md);
    expect(found.length).toBe((md.match(/^\|---/gm) ?? []).length);
    for (const t of found) for (const row of t) expect(row).toHaveLength(t[0].length);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [1087645, '1.0 MiB'],
    [52428800, '50 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
  ])('%d → %s', (bytes, want) => {
    expect(formatBytes(bytes)).toBe(want);
  });
});

describe('renderSummary: cache mounts and local folders', () => {
  const seconds = { restore: 0.4, inject: 1.2, extract: 0.9, save: 0.6 };
  it('a row per mount (restore result, size, the four timings, saved or why not), then what was left out', () => {
    const md = renderSummary(
      reportOf('warm', {
        mounts: {
          mounts: [
            {
              id: '/var/cache/apt',
              target: '/var/cache/apt',
              stage: 'deps',
              restore: 'fallback',
              restoredKey: 'bkca-mount-v1/var-cache-apt-e0f0d92c/app.branch-main/0123',
              bytes: 2048,
              saved: true,
              savedKey: 'bkca-mount-v1/var-cache-apt-e0f0d92c/app.pr-7/4567',
              notSaved: '',
              error: '',
              seconds,
            },
            {
              id: 'npm',
              target: '/root/.npm',
              stage: 'deps',
              restore: 'failed',
              restoredKey: '',
              bytes: 0,
              saved: false,
              savedKey: '',
              notSaved: 'unchanged since it was restored',
              error: 'restore failed: no answer within 60s',
              seconds: { restore: 60, inject: 0, extract: 0.9, save: 0 },
            },
          ],
          skipped: [],
          notes: [
            'cache mount on line 9 (type=cache,from=seed,target=/x) is left out: its content comes from an image or a stage (from=/source=), not from earlier runs',
          ],
          counts: { restored: 1, missed: 0, skipped: 0, failed: 1 },
          saved: ['/var/cache/apt'],
          observed: ['/var/cache/apt', 'npm', 'ccache-amd64'],
          mismatches: { unpredicted: ['ccache-amd64'], unused: [] },
          observedSeconds: 0.2,
        },
      }),
    );
    const lines = linesOf(md);
    const at = lines.indexOf('### Cache mounts');
    expect(lines.slice(at, at + 11)).toStrictEqual([
      '### Cache mounts',
      '',
      '| id | target | restored | size | restore | inject | extract | save | saved |',
      '|---|---|---|---:|---:|---:|---:|---:|---|',
      '| `/var/cache/apt` | `/var/cache/apt` | ↪️ fallback `bkca-mount-v1/var-cache-apt-e0f0d92c/app.branch-main/0123` | 2.0 KiB | 0.4s | 1.2s | 0.9s | 0.6s | ✅ `bkca-mount-v1/var-cache-apt-e0f0d92c/app.pr-7/4567` |',
      '| `npm` | `/root/.npm` | ⚠️ failed |  | 60s | 0s | 0.9s | 0s | ➖ unchanged since it was restored ⚠️ restore failed: no answer within 60s |',
      '',
      '- cache mount on line 9 (type=cache,from=seed,target=/x) is left out: its content comes from an image or a stage (from=/source=), not from earlier runs',
      '- ⚠️ BuildKit used `ccache-amd64`, which the action did not find in the Dockerfile: saved by that id when this run saves mounts.',
      '',
      "A repository's GitHub cache holds the default 10 GB in all, unless its admins raised the limit; a mount over cache-mounts-max-size is not saved.",
    ]);
  });

  it('no section when no mount was looked for', () => {
    expect(renderSummary(reportOf('warm'))).not.toContain('### Cache mounts');
  });
});
