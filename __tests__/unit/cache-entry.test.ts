import { withoutIgnoreError } from '../../src/buildx/build';
import { namesInEntries } from '../../src/cleanup/run';
import {
  cacheEntryAttributes,
  cacheEntryFields,
  cacheEntryType,
  formatCacheEntry,
} from '../../src/lib/cache-entry';
import { ghaNameOf, localExistence, registryTagOf } from '../../src/plan/narrow';

describe('cacheEntryAttributes: an entry read as buildx reads it', () => {
  it.each([
    [
      'type=registry,ref=127.0.0.1:5000/team/cache:main,mode=max',
      { type: 'registry', ref: '127.0.0.1:5000/team/cache:main', mode: 'max' },
    ],
    // A quoted field holds commas; the quotes are not part of the value.
    ['type=local,"dest=/tmp/a,b"', { type: 'local', dest: '/tmp/a,b' }],
    ['type=local,dest="/tmp/a,b",mode=max', { type: 'local', dest: '/tmp/a,b', mode: 'max' }],
    ['type=local,dest="/tmp/x y"', { type: 'local', dest: '/tmp/x y' }],
    ['type=s3,"name=a;b,c",bucket=x', { type: 's3', name: 'a;b,c', bucket: 'x' }],
    // Inside quotes, "" is one quote.
    ['type=local,"dest=/tmp/say ""hi"""', { type: 'local', dest: '/tmp/say "hi"' }],
    // `=` inside a value: the key ends at the first one.
    [
      'type=s3,endpoint_url=http://127.0.0.1:4568/?a=b&c=d,name=n',
      { type: 's3', endpoint_url: 'http://127.0.0.1:4568/?a=b&c=d', name: 'n' },
    ],
    ['type=gha,token=abc==', { type: 'gha', token: 'abc==' }],
    // Keys and values trimmed; fields that name no key left out; a key given twice: the last.
    ['type=gha, scope = x ,mode=max', { type: 'gha', scope: 'x', mode: 'max' }],
    ['type=gha,,novalue,=x,scope=y', { type: 'gha', scope: 'y' }],
    ['type=gha,scope=a,scope=b', { type: 'gha', scope: 'b' }],
    ['type=registry,ref=', { type: 'registry', ref: '' }],
    ['', {}],
  ])('%s', (entry, want) => expect(cacheEntryAttributes(entry)).toStrictEqual(want));
});

describe('cacheEntryFields: in order, each with its text as written', () => {
  it.each([
    [
      'type=local,"dest=/tmp/a,b",mode=max',
      [
        { text: 'type=local', key: 'type', value: 'local' },
        { text: '"dest=/tmp/a,b"', key: 'dest', value: '/tmp/a,b' },
        { text: 'mode=max', key: 'mode', value: 'max' },
      ],
    ],
    [
      'type=gha,,x',
      [
        { text: 'type=gha', key: 'type', value: 'gha' },
        { text: '', key: '', value: '' },
        { text: 'x', key: '', value: 'x' },
      ],
    ],
  ])('%s', (entry, want) => {
    const fields = cacheEntryFields(entry);
    expect(fields).toStrictEqual(want);
    expect(fields.map((f) => f.text).join(',')).toBe(entry);
  });
});

describe('formatCacheEntry: a field quoted only when it must be, and then whole', () => {
  it.each<[[string, string][], string]>([
    [
      [
        ['type', 'registry'],
        ['ref', 'ghcr.io/o/c:main'],
        ['mode', 'max'],
      ],
      'type=registry,ref=ghcr.io/o/c:main,mode=max',
    ],
    [
      [
        ['type', 'local'],
        ['dest', '/tmp/x y'],
      ],
      'type=local,dest=/tmp/x y',
    ],
    [
      [
        ['type', 'local'],
        ['dest', '/tmp/a,b'],
      ],
      'type=local,"dest=/tmp/a,b"',
    ],
    [
      [
        ['type', 'local'],
        ['dest', '/tmp/say "hi"'],
      ],
      'type=local,"dest=/tmp/say ""hi"""',
    ],
    [
      [
        ['type', 's3'],
        ['endpoint_url', 'http://h/?a=b'],
      ],
      'type=s3,endpoint_url=http://h/?a=b',
    ],
    [[], ''],
  ])('%j', (attributes, want) => expect(formatCacheEntry(attributes)).toBe(want));

  it.each<[string, string][]>([
    [
      ['type', 'registry'],
      ['ref', '127.0.0.1:5000/team/cache:main'],
      ['mode', 'max'],
      ['ignore-error', 'true'],
    ],
    [
      ['type', 's3'],
      ['name', 'a;b,c'],
      ['endpoint_url', 'http://127.0.0.1:4568/?x=y,z'],
    ],
    [
      ['type', 'local'],
      ['dest', '/tmp/"quoted", and, commas'],
    ],
    [
      ['type', 'gha'],
      ['scope', 'app.branch-main'],
      ['token', 'abc=='],
    ],
  ])('round trip: %j', (...attributes) => {
    const entry = formatCacheEntry(attributes);
    expect(cacheEntryFields(entry).map((f) => [f.key, f.value])).toStrictEqual(attributes);
    expect(cacheEntryAttributes(entry)).toStrictEqual(Object.fromEntries(attributes));
  });
});

// The cases of the parsers this one replaced, each through its caller.

describe('registryTagOf (plan/narrow)', () => {
  it.each([
    ['type=registry,ref=ghcr.io/o/app-cache:default.branch-main,mode=max', 'default.branch-main'],
    ['type=registry,mode=max,ref=r/c:t', 't'],
    ['type=registry,ref=127.0.0.1:5000/o/c:main', 'main'],
    ['type=registry,"ref=r/c:t"', 't'],
    ['type=registry,ref=127.0.0.1:5000/o/c', undefined],
    ['type=registry,ref=img', undefined],
    ['type=registry,ref=', undefined],
    ['type=registry', undefined],
    ['type=gha,ref=r/c:t', undefined],
  ])('%s → %s', (entry, want) => expect(registryTagOf(entry)).toBe(want));
});

describe('ghaNameOf (plan/narrow)', () => {
  it.each([
    ['type=gha,scope=app.branch-main,mode=max', 'app.branch-main'],
    ['type=gha,mode=max,scope=x,ignore-error=true', 'x'],
    ['type=gha,url=http://a/?x=y,scope=s', 's'],
    ['type=gha,scope=', undefined],
    ['type=gha', undefined],
    ['type=registry,scope=x', undefined],
  ])('%s → %s', (entry, want) => expect(ghaNameOf(entry)).toBe(want));
});

describe('localExistence (plan/narrow)', () => {
  const asked: string[] = [];
  const exists = localExistence((file) => (asked.push(file), file === '/c/default.branch-main/index.json'));
  it.each([
    ['type=local,src=/c/default.branch-main', true, '/c/default.branch-main/index.json'],
    ['type=local,src=/c/default.branch-main/', true, '/c/default.branch-main/index.json'],
    ['type=local,src=/c/default.pr-7,tag=x', false, '/c/default.pr-7/index.json'],
    ['type=local,"src=/c/a,b"', false, '/c/a,b/index.json'],
    ['type=local,dest=/c/default.branch-main', undefined, undefined],
    ['type=local,src=', undefined, undefined],
    ['type=gha,src=/c/x', undefined, undefined],
  ])('%s → %s', (entry, want, file) => {
    asked.length = 0;
    expect(exists(entry)).toBe(want);
    expect(asked[0]).toBe(file);
  });
});

describe('namesInEntries (cleanup/run)', () => {
  it.each([
    ['type=gha,scope=app.branch-main,mode=max', ['app.branch-main']],
    ['type=registry,ref=127.0.0.1:5000/o/app-cache:app.sha-1,mode=max', ['app.sha-1']],
    ['type=s3,name=app.pr-1;app.branch-main,bucket=b', ['app.pr-1', 'app.branch-main']],
    ['type=local,src=/tmp/c/app.branch-x', ['app.branch-x']],
    ['type=local,dest=/tmp/c/app.branch-x,mode=max', ['app.branch-x']],
    // Quoted: the naive split read none of these.
    ['type=local,"src=/tmp/a,b/app.branch-x"', ['app.branch-x']],
    ['type=s3,"name=app.pr-1;app.branch-main",bucket=b', ['app.pr-1', 'app.branch-main']],
  ])('%s', (entry, want) => expect(namesInEntries([entry])).toStrictEqual(want));
});

describe('withoutIgnoreError (buildx/build)', () => {
  it.each([
    ['type=gha,scope=x,mode=max,ignore-error=true', 'type=gha,scope=x,mode=max'],
    ['type=local,dest=/a,mode=max', 'type=local,dest=/a,mode=max'],
    ['type=registry,ref=r/c:t,ignore-error=false', 'type=registry,ref=r/c:t,ignore-error=false'],
    // The rest stays as written, quotes and all.
    ['type=local,"dest=/tmp/a,b",ignore-error=true', 'type=local,"dest=/tmp/a,b"'],
    ['type=local,dest="/tmp/x y",ignore-error=true', 'type=local,dest="/tmp/x y"'],
    ['type=local,"dest=/tmp/a,ignore-error=true"', 'type=local,"dest=/tmp/a,ignore-error=true"'],
  ])('%s', (entry, want) => expect(withoutIgnoreError(entry)).toBe(want));
});

describe('cacheEntryType', () => {
  it.each([
    { entry: 'type=inline', want: 'inline' },
    { entry: 'mode=max,type=inline', want: 'inline' },
    { entry: 'type=registry,ref=r/c:inline', want: 'registry' },
    { entry: '"type=local",dest=/tmp/x', want: 'local' },
    { entry: 'ref=r/c:t', want: '' },
  ])('$entry → $want', ({ entry, want }) => expect(cacheEntryType(entry)).toBe(want));
});
