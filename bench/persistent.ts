import type { ConfigId } from './configs';
import type { JobResult, Storage } from './report';

// The persistent-builder configurations side by side (issue 31): the work against the ideal of one
// builder that keeps its state, the exports made and skipped, the bytes written, the time. Pure.

type Job = Pick<JobResult, 'config' | 'cls' | 'work' | 'cacheExport' | 'exportSeconds'> & {
  ideal: { work: number };
  timings: { wallMs: number; exportMs: number };
};

const mib = (bytes: number | null) => (bytes === null ? '-' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

export function persistentTable(
  jobs: Job[],
  configs: ConfigId[],
  storage: Pick<Storage, 'config' | 'writtenBytes' | 'bytes'>[],
): { header: string[]; rows: string[][] } {
  const header = [
    'configuration',
    'work / ideal (s)',
    'exports made',
    'exports skipped',
    'export time (s)',
    'bytes written',
    'bytes live',
    'wall time (s)',
  ];
  const rows = configs.map((id) => {
    const mine = jobs.filter((j) => j.config === id);
    const sum = (f: (j: Job) => number) => mine.reduce((a, j) => a + f(j), 0);
    const s = storage.find((x) => x.config === id);
    return [
      id,
      `${sum((j) => j.work)} / ${sum((j) => j.ideal.work)}`,
      String(mine.filter((j) => j.cacheExport === 'ok').length),
      String(mine.filter((j) => j.cacheExport === 'skipped').length),
      (sum((j) => j.timings.exportMs) / 1000).toFixed(1),
      mib(s?.writtenBytes ?? null),
      mib(s?.bytes ?? null),
      (sum((j) => j.timings.wallMs) / 1000).toFixed(1),
    ];
  });
  return { header, rows };
}

/** Per event class: exports made of jobs, per configuration (`2/3`: two of three jobs exported). */
export function persistentExportsByClass(
  jobs: Job[],
  configs: ConfigId[],
): { header: string[]; rows: string[][] } {
  const classes = [...new Set(jobs.map((j) => j.cls))];
  const rows = classes.map((cls) => [
    cls,
    ...configs.map((id) => {
      const mine = jobs.filter((j) => j.config === id && j.cls === cls);
      return mine.length === 0 ? '' : `${mine.filter((j) => j.cacheExport === 'ok').length}/${mine.length}`;
    }),
  ]);
  return { header: ['exports made / jobs', ...configs], rows };
}
