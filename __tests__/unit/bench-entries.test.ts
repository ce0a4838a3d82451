import { entriesTable, type NewEntries } from '../../bench/report';

// The benchmark's figure for GitHub's rate limit (200 new cache entries a minute per repository):
// how many new entries one event made, most and mean per event class.

const row = (event: string, cls: NewEntries['cls'], config: NewEntries['config'], entries: number) => ({
  event,
  cls,
  config,
  entries,
});

describe('new GitHub cache entries per event', () => {
  it('gives, per class and gha configuration, the most one event made and the mean', () => {
    const t = entriesTable([
      row('E01', 'push-main', 'action-gha', 9),
      row('E01', 'push-main', 'bpa-gha', 7),
      row('E02', 'matrix', 'action-gha', 20),
      row('E03', 'matrix', 'action-gha', 4),
      row('E03', 'matrix', 'bpa-gha', 6),
    ]);
    expect(t.header).toStrictEqual(['new entries per event: most · mean', 'action-gha', 'bpa-gha']);
    expect(t.rows).toStrictEqual([
      ['push-main', '9 · 9.0', '7 · 7.0'],
      ['matrix', '20 · 12.0', '6 · 6.0'],
    ]);
  });

  it('leaves a class out when no gha configuration ran it, and a cell empty where one did not', () => {
    const t = entriesTable([row('E01', 'push-main', 'action-gha', 3), row('E02', 'tag', 'bpa-gha', 1)]);
    expect(t.rows).toStrictEqual([
      ['push-main', '3 · 3.0', ''],
      ['tag', '', '1 · 1.0'],
    ]);
  });
});
