import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { cacheImportId, type ImportIdContext } from '../../src/buildx/import-id';
import { environmentFrom } from '../../src/runner/environment';
import { parseRawJsonLog } from '../../src/buildx/parse/progress';
import type { PlannedCache } from '../../src/plan/planner';
import { importResults } from '../../src/report/cache-report';
import { type ImportSource, importLabel, mapImports } from '../../src/report/import-sources';

// Real vertices recorded by scripts/record-import-vertices.sh: two --cache-from entries per
// backend, with the environment buildx ran with (made-up credentials).
const FIXTURES = join(__dirname, '..', 'fixtures', 'buildx', 'imports');
const BACKENDS = ['registry', 'gha', 'local', 's3', 'azblob'] as const;
const recorded = (backend: string) => ({
  log: parseRawJsonLog(readFileSync(join(FIXTURES, backend, 'rawjson.log'), 'utf8')),
  ...(JSON.parse(readFileSync(join(FIXTURES, backend, 'sources.json'), 'utf8')) as {
    entries: string[];
    env: Record<string, string>;
  }),
});
/** The local folders are gone; their indexes were kept as index-<folder>.json. */
const keptIndex = (src: string) => {
  const index = JSON.parse(readFileSync(join(FIXTURES, 'local', `index-${basename(src)}.json`), 'utf8'));
  return index.manifests[0].digest as string;
};
/** buildx's environment as the action reads it (runner/environment.ts). */
const contextOf = (
  env: NodeJS.ProcessEnv,
  localDigest: ImportIdContext['localDigest'] = keptIndex,
): ImportIdContext => ({
  ...environmentFrom(env),
  localDigest,
});

describe("BuildKit's import ids, computed from the entries, match the recorded vertices", () => {
  it.each(BACKENDS)('%s', (backend) => {
    const { log, entries, env } = recorded(backend);
    const ids = entries.map((e) => cacheImportId(e, contextOf(env)));
    expect(new Set(ids).size).toBe(2);
    expect([...ids].sort()).toStrictEqual(log.imports.map((i) => i.source).sort());
  });
});

describe('cacheImportId where buildx changes or drops the entry', () => {
  const gha = recorded('gha');
  const s3 = recorded('s3');
  it.each([
    {
      title: 'a registry entry is named by its ref, whatever the environment',
      entry: 'type=registry,ref=r.example/c:main,ignore-error=true',
      env: {},
      id: 'r.example/c:main',
    },
    {
      title: 'a bare reference is a registry entry',
      entry: 'r.example/c:main',
      env: {},
      id: 'r.example/c:main',
    },
    { title: 'gha without a token: buildx drops it, no vertex', entry: gha.entries[0], env: {}, id: null },
    {
      title: 'gha without a service URL: buildx drops it',
      entry: gha.entries[0],
      env: { ACTIONS_RUNTIME_TOKEN: 'x' },
      id: null,
    },
    {
      title: 's3 with credentials from outside the environment (profile, role): not computable',
      entry: s3.entries[0],
      env: {},
      id: null,
    },
  ])('$title', ({ entry, env, id }) => {
    expect(
      cacheImportId(
        entry,
        contextOf(env, () => undefined),
      ),
    ).toBe(id);
  });

  it('keys are read case-blind, as buildx lower-cases them', () => {
    const upper = gha.entries[0].replace('type=', 'TYPE=').replace('scope=', 'Scope=');
    expect(cacheImportId(upper, contextOf(gha.env))).toBe(cacheImportId(gha.entries[0], contextOf(gha.env)));
  });
  it('the gha token is part of the id: another job token, another id', () => {
    const other = { ...gha.env, ACTIONS_RUNTIME_TOKEN: 'another-token' };
    expect(cacheImportId(gha.entries[0], contextOf(other))).not.toBe(
      cacheImportId(gha.entries[0], contextOf(gha.env)),
    );
  });
  it('a local folder without an index for the tag: buildx skips it', () => {
    expect(
      cacheImportId(
        'type=local,src=/nowhere',
        contextOf({}, () => undefined),
      ),
    ).toBeNull();
  });
});

const read = (ref: string, why: string, entry: string): PlannedCache => ({ ref, why, entry });

describe('mapImports: which planned read each recorded import was', () => {
  it.each(BACKENDS)('%s: by the computed id', (backend) => {
    const { log, entries, env } = recorded(backend);
    const reads = [
      read('branch:main', 'the default branch', entries[0]),
      read('sha:b87f42f', 'the merge-base', entries[1]),
    ];
    const sources = entries.map((entry) => ({ entry, id: cacheImportId(entry, contextOf(env)) }));
    const mapped = mapImports(importResults(log), sources, reads);
    expect(mapped.map((i) => [i.ref, i.mapped, i.entry]).sort()).toStrictEqual([
      ['branch:main', 'id', entries[0]],
      ['sha:b87f42f', 'id', entries[1]],
    ]);
  });

  it('s3 with credentials the action cannot see: by --cache-from order, and says so', () => {
    const { log, entries } = recorded('s3');
    const reads = [
      read('branch:main', 'the default branch', entries[0]),
      read('sha:b87f42f', 'the merge-base', entries[1]),
    ];
    const mapped = mapImports(
      importResults(log),
      entries.map((entry) => ({ entry, id: null })),
      reads,
    );
    expect(mapped.map((i) => [i.ref, i.mapped])).toStrictEqual([
      ['branch:main', 'order'],
      ['sha:b87f42f', 'order'],
    ]);
    expect(importLabel(mapped[0])).toStrictEqual({
      name: 'branch:main',
      detail: 'the default branch; matched by --cache-from order',
    });
  });

  it('order is not trusted when BuildKit imported fewer of a type than were passed', () => {
    const { log, entries } = recorded('s3');
    const sources: ImportSource[] = [...entries, 'type=s3,bucket=b,name=third'].map((entry) => ({
      entry,
      id: null,
    }));
    const mapped = mapImports(importResults(log), sources, []);
    expect(mapped.map((i) => i.mapped)).toStrictEqual([undefined, undefined]);
    expect(importLabel(mapped[0])).toStrictEqual({ name: log.imports[0].source, detail: 'not mapped' });
  });

  it('a raw cache-from entry keeps its own text; an unknown id keeps BuildKit name, not mapped', () => {
    const { log, entries, env } = recorded('gha');
    const sources = [{ entry: entries[0], id: cacheImportId(entries[0], contextOf(env)) }];
    const mapped = mapImports(importResults(log), sources, []);
    const labels = mapped.map(importLabel).sort((a, b) => a.detail.localeCompare(b.detail));
    expect(labels).toStrictEqual([
      { name: entries[0], detail: 'a raw cache-from entry' },
      { name: expect.stringMatching(/^gha:\d+$/), detail: 'not mapped' },
    ]);
  });

  it('a raw entry is shown without the credentials it holds', () => {
    const raw = 'type=s3,bucket=b,name=n,access_key_id=AKIAEXAMPLE,secret_access_key=shh';
    const label = importLabel({ source: 's3:1', entry: raw, mapped: 'id', result: 'imported', seconds: 0 });
    expect(label.name).toBe('type=s3,bucket=b,name=n,access_key_id=***,secret_access_key=***');
  });
});
