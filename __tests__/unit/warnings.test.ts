import { cacheWarnings } from '../../src/report/warnings';

const failedImport = (source: string, error: string) => ({
  source,
  result: 'failed' as const,
  error,
  seconds: 0,
});

describe('cacheWarnings', () => {
  it.each([
    {
      title: 'a failed export and a failed import: one warning each',
      exported: { status: 'failed', reason: 'connection refused' },
      imports: [failedImport('r/c:main', 'blob not found')],
      want: [
        'cache export failed: connection refused',
        'cache import from r/c:main (not mapped) failed: blob not found',
      ],
    },
    {
      title: 's3 on the docker driver: the export names the cause, its imports say nothing more',
      exported: {
        status: 'failed',
        reason: 'this builder\'s BuildKit has no s3 cache exporter (unknown cache exporter: "s3"); …',
      },
      imports: [
        failedImport('s3:1', 'unknown cache importer: s3'),
        failedImport('s3:2', 'unknown cache importer: s3'),
      ],
      want: [
        'cache export failed: this builder\'s BuildKit has no s3 cache exporter (unknown cache exporter: "s3"); …',
      ],
    },
    {
      title: 'nothing exported (a pull request from a fork): the first import names the missing store once',
      exported: { status: 'skipped', reason: '' },
      imports: [
        failedImport('azblob:1', 'unknown cache importer: azblob'),
        failedImport('azblob:2', 'unknown cache importer: azblob'),
      ],
      want: ['cache import from azblob:1 (not mapped) failed: unknown cache importer: azblob'],
    },
    {
      title: 'imports found or missing are no warning',
      exported: { status: 'ok', reason: '' },
      imports: [
        { source: 'a', result: 'imported' as const, seconds: 0 },
        { source: 'b', result: 'not-found' as const, seconds: 0 },
      ],
      want: [],
    },
  ])('$title', ({ exported, imports, want }) => {
    expect(cacheWarnings(exported, imports)).toStrictEqual(want);
  });
});
