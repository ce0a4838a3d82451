import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheImportId, WITHOUT_ENVIRONMENT } from '../../src/buildx/import-id';
import { BACKEND_CLEANUP, type BackendRun, namesInEntries } from '../../src/cleanup/run';
import type { CleanupOutcome } from '../../src/cleanup/outcome';
import { EXISTENCE, findExistingCaches } from '../../src/facts/existing';
import {
  type BackendOptions,
  cacheFromEntries,
  cacheToEntries,
  unusedOptions,
} from '../../src/plan/backends';
import type { PlanOptions } from '../../src/plan/planner';
import { visibility } from '../../src/plan/rules';
import { environmentFrom } from '../../src/runner/environment';
import { CACHE_BACKENDS } from '../../src/runner/inputs/types';
import { type ImportIdContext, STORE, STORES, type Store } from '../../src/stores/descriptors';
import { MEASURE, measureExports } from '../../src/stores/measure';
import type { Exec } from '../../src/lib/exec';
import * as http from '../../src/net/http';

// Every store walked through every per-store table: a table that lacks a store, or a store whose
// parts disagree (a name written under one attribute and read back under another, an option the
// planner sets that the user could override), fails here, whatever the compiler let through.

/** The per-store tables, by where they live: docs/stores.md's "Adding a store" names each. */
const TABLES: Record<string, Record<string, unknown>> = {
  'src/stores/descriptors.ts `STORE`': STORE,
  'src/facts/existing.ts `EXISTENCE`': EXISTENCE,
  'src/cleanup/run.ts `BACKEND_CLEANUP`': BACKEND_CLEANUP,
  'src/stores/measure.ts `MEASURE`': MEASURE,
};

const NAMES = ['app.branch-main', 'app.sha-9c3b1f6e0d2a4b5c8e7f6a5b4c3d2e1f0a9b8c7d'];

const optionsOf = (backend: Store, image = 'registry.example/team/app-cache'): BackendOptions => ({
  backend,
  image,
  dir: '/var/cache/bk/',
  mode: 'max',
  ignoreError: true,
  options: [],
  imageTags: ['registry.example/team/app:1.0'],
});

/** An environment in which buildx adds everything it can: the id of every entry is computable. */
const FULL: ImportIdContext = {
  ...environmentFrom({
    ACTIONS_RUNTIME_TOKEN: 'token',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    ACTIONS_CACHE_SERVICE_V2: 'true',
    AWS_ACCESS_KEY_ID: 'key-id',
    AWS_SECRET_ACCESS_KEY: 'secret-key',
  }),
  localDigest: () => 'sha256:' + 'a'.repeat(64),
};

describe('the stores', () => {
  it("are the `cache` input's choices but none", () => {
    expect([...STORES]).toStrictEqual(CACHE_BACKENDS.filter((b) => b !== 'none'));
  });

  it.each(Object.keys(TABLES))('%s has an entry for every store and no other', (table) => {
    expect(Object.keys(TABLES[table]).sort()).toStrictEqual([...STORES].sort());
    for (const store of STORES) expect(TABLES[table][store]).toBeDefined();
  });
});

describe.each([...STORES])('store %s', (store) => {
  const d = STORE[store];
  const b = optionsOf(store);

  it('reads back the name it writes, in either direction', () => {
    for (const name of NAMES) expect(d.location.names(d.location.value(name, b))).toStrictEqual([name]);
  });

  it("accepts no option the planner sets itself (the name's attribute, mode, ignore-error)", () => {
    const set = ['type', 'mode', 'ignore-error', d.location.attribute.from, d.location.attribute.to];
    for (const key of [...d.accepts.to, ...d.accepts.from]) {
      expect(set).not.toContain(key);
      expect(key).toMatch(/^[a-z][a-z0-9_-]*$/);
    }
  });

  it('presets only options a user may set instead (they are replaced by cache-options)', () => {
    for (const image of [
      'r.example/c',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/c',
      'eu-docker.pkg.dev/p/c',
    ]) {
      for (const p of d.presets({ image, dir: '' }))
        expect(d.accepts.to).toContain(p.slice(0, p.indexOf('=')));
    }
  });

  it('passes each accepted option in its direction only, and reports the rest as unused', () => {
    const given = [...new Set([...d.accepts.to, ...d.accepts.from])].map((k) => `${k}=v`);
    const withOptions = { ...b, options: [...given, 'not-an-option=v'] };
    expect(unusedOptions(withOptions)).toStrictEqual(['not-an-option=v']);
    const from = cacheFromEntries(withOptions, NAMES).join(',');
    for (const k of d.accepts.from) if (d.reads === 'one entry per name') expect(from).toContain(`${k}=v`);
    expect(from).not.toContain('not-an-option');
    const to = cacheToEntries(withOptions, NAMES).join(',');
    for (const k of d.accepts.to) if (d.writes !== 'inside the image') expect(to).toContain(`${k}=v`);
    // Only: an option accepted in one direction never reaches the other's entries.
    const attributes = (entries: string[]) => entries.flatMap((e) => e.split(','));
    const fromAttributes = attributes(cacheFromEntries(withOptions, NAMES));
    const toAttributes = attributes(cacheToEntries(withOptions, NAMES));
    for (const k of d.accepts.to.filter((k) => !d.accepts.from.includes(k)))
      expect(fromAttributes).not.toContain(`${k}=v`);
    for (const k of d.accepts.from.filter((k) => !d.accepts.to.includes(k)))
      expect(toAttributes).not.toContain(`${k}=v`);
    // A store whose entries carry no options (inline) says so, and its entries stay bare.
    if (d.reads !== 'one entry per name' || d.writes === 'inside the image') {
      expect(d.accepts).toStrictEqual({ to: [], from: [] });
      expect(fromAttributes.filter((a) => a.endsWith('=v'))).toStrictEqual([]);
      expect(toAttributes.filter((a) => a.endsWith('=v'))).toStrictEqual([]);
    }
  });

  it('its entries hold the planned names, which a clean-up reads back (never deletes what the plan uses)', () => {
    const from = cacheFromEntries(b, NAMES);
    const to = cacheToEntries(b, NAMES);
    if (d.reads === 'one entry per name') {
      expect(from).toHaveLength(NAMES.length);
      for (const e of from) expect(e.startsWith(`type=${store},`)).toBe(true);
      expect(namesInEntries(from)).toStrictEqual(NAMES);
    } else {
      expect(from).toStrictEqual(b.imageTags.map((t) => `type=registry,ref=${t}`));
    }
    if (d.writes === 'inside the image') expect(to).toStrictEqual([`type=${store}`]);
    else {
      expect(to).toHaveLength(d.writes === 'one entry per name' ? NAMES.length : 1);
      expect(namesInEntries(to)).toStrictEqual(NAMES);
    }
    expect(cacheToEntries(b, [])).toStrictEqual([]);
  });

  it('its imports get an id BuildKit would give them, holding no credential', () => {
    for (const entry of cacheFromEntries(b, NAMES)) {
      const id = cacheImportId(entry, FULL);
      expect(id).not.toBeNull();
      expect(id).not.toMatch(/token|secret-key|key-id/);
      // Without the environment, only what needs nothing from it keeps an id.
      const bare = cacheImportId(entry, WITHOUT_ENVIRONMENT);
      if (bare !== null) expect(bare).toBe(id);
    }
  });

  it('its existence check answers with nothing to go on, without a request', async () => {
    const options: PlanOptions = {
      backend: store,
      scope: 'app',
      leg: '',
      siblingLegs: [],
      write: 'auto',
      rawFrom: [],
      rawTo: [],
    };
    const fetched = jest.spyOn(http, 'httpFetch');
    const ran: string[][] = [];
    const exec: Exec = async (cmd, args) => {
      ran.push([cmd, ...args]);
      return { exitCode: 1, stdout: '', stderr: 'not expected', timedOut: false };
    };
    try {
      const found = await EXISTENCE[store](options, environmentFrom({}), () => false, exec);
      expect(found.siblingLegs).toStrictEqual([]);
      expect(found.failed).toBeUndefined();
      // Asked about its own entries before any probe: unknown, except a local folder, which is
      // simply not on disk.
      for (const entry of cacheFromEntries(b, NAMES))
        expect(found.exists(entry)).toBe(store === 'local' ? false : undefined);
      expect(fetched).not.toHaveBeenCalled();
      expect(ran).toStrictEqual([]);
    } finally {
      fetched.mockRestore();
    }
  });

  it('its clean-up is a function of the run', () => {
    expect(typeof BACKEND_CLEANUP[store]).toBe('function');
  });

  it('its exports are measured (a registry by the manifest it serves) or said not to be', async () => {
    const to = cacheToEntries({ ...b, dir: '/nonexistent/bk' }, NAMES);
    // A registry stand-in at the fetch seam: each cache manifest lists a config and two layers.
    const asked: string[] = [];
    const manifest = JSON.stringify({ config: { size: 10 }, layers: [{ size: 3 }, { size: 4 }] });
    const fetcher: http.FetchLike = async (url) => {
      asked.push(url);
      return {
        status: 200,
        ok: true,
        headers: { get: () => null },
        text: async () => manifest,
        json: async () => JSON.parse(manifest) as unknown,
        arrayBuffer: async () => new ArrayBuffer(0),
      };
    };
    const sizes = await measureExports(to, null, fetcher);
    expect(sizes).toHaveLength(to.length);
    expect(to.length).toBeGreaterThan(0);
    for (const size of sizes) {
      if (store === 'registry') {
        expect(size).toMatchObject({ bytes: 17, how: 'sum of the blobs the cache manifest lists' });
      } else {
        expect(size.bytes).toBeNull();
        expect(size.how).toMatch(/^not measured/);
      }
    }
    expect(asked).toHaveLength(store === 'registry' ? to.length : 0);
    // A registry entry without a reference names nothing to measure.
    expect(MEASURE.registry({ type: 'registry' }, '')).toBeNull();
  });
});

describe("who reads a store's caches", () => {
  it("only the GitHub Actions cache keeps a fork pull request's writes to its own runs", () => {
    expect(STORES.filter((s) => visibility(s) === 'github')).toStrictEqual(['gha']);
    expect(visibility('none')).toBe('shared');
  });
});

describe('the stores a clean-up leaves alone', () => {
  const outcome = (): CleanupOutcome => ({
    kind: 'ref-gone',
    why: '',
    dryRun: false,
    deleted: [],
    kept: [],
    deferred: [],
    notes: [],
    warnings: [],
    quota: null,
  });
  it.each([
    { store: 's3' as const, note: "s3: old caches are left to the bucket's lifecycle rules (see README)" },
    {
      store: 'azblob' as const,
      note: "azblob: old caches are left to the bucket's lifecycle rules (see README)",
    },
    { store: 'inline' as const, note: 'cache inline: nothing to clean up' },
  ])('$store: says so, deletes nothing', async ({ store, note }) => {
    const out = outcome();
    await BACKEND_CLEANUP[store]({ backend: store, out } as BackendRun);
    expect(out).toStrictEqual({ ...outcome(), notes: [note] });
  });

  it('cache none: no store, no check', async () => {
    const none: PlanOptions = {
      backend: 'none',
      scope: 'app',
      leg: '',
      siblingLegs: [],
      write: 'auto',
      rawFrom: [],
      rawTo: [],
    };
    const found = await findExistingCaches(none, environmentFrom({}), () => true);
    expect(found.exists('type=local,src=/x')).toBeUndefined();
  });
});

describe('docs/stores.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'stores.md'), 'utf8');
  it.each([...STORES])('has a section for cache: %s', (store) => {
    expect(doc).toMatch(new RegExp(`^## .*\\(\`cache: ${store}\``, 'm'));
  });
  it('"Adding a store" names every per-store table', () => {
    const section = doc.slice(doc.indexOf('## Adding a store'));
    expect(section.startsWith('## Adding a store')).toBe(true);
    for (const table of Object.keys(TABLES)) expect(section).toContain(table);
  });
});
