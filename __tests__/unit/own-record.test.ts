import { ownRecordRef } from '../../src/buildx/history';
import { indentedMetadata } from '../../src/app/report-phase';
import { buildxSaid } from '../../src/app/build';
import { parseInputs } from '../../src/runner/inputs/read';
import { InputError } from '../../src/runner/inputs/types';

const line = (ref: string, status: string, created: string) =>
  JSON.stringify({ ref: `b/b0/${ref}`, status, created_at: created, name: '' });
const STARTED = Date.parse('2026-12-07T18:00:00Z');

describe("ownRecordRef: a failed build reports its own record, never another job's", () => {
  it.each([
    {
      title: 'buildx refused the command: only an older failed record exists (another job’s)',
      listing: [line('other', 'Error', '2026-12-07T17:59:59Z')],
      failed: true,
      want: null,
    },
    {
      title: 'the one failed record made after this build started',
      listing: [line('mine', 'Error', '2026-12-07T18:00:01Z'), line('old', 'Error', '2026-12-07T17:00:00Z')],
      failed: true,
      want: 'mine',
    },
    {
      title: 'two failed records since (a shared builder): unsure, none',
      listing: [line('a', 'Error', '2026-12-07T18:00:01Z'), line('b', 'Error', '2026-12-07T18:00:02Z')],
      failed: true,
      want: null,
    },
    {
      title: 'a completed record is not a failed build’s',
      listing: [
        line('done', 'Completed', '2026-12-07T18:00:01Z'),
        line('mine', 'Error', '2026-12-07T18:00:03Z'),
      ],
      failed: true,
      want: 'mine',
    },
    {
      title: 'lines buildx may add that are not JSON are skipped, and the record beside them is found',
      listing: ['WARNING: x', line('mine', 'Error', '2026-12-07T18:00:01Z'), '{not json'],
      failed: true,
      want: 'mine',
    },
  ])('$title', ({ listing, failed, want }) =>
    expect(ownRecordRef(listing.join('\n'), STARTED, failed)).toBe(want),
  );
});

describe('the metadata output, as build-push-action gives it', () => {
  it('is indented JSON', () => {
    expect(indentedMetadata('{"containerimage.digest":"sha256:1","buildx.build.ref":"b/b0/x"}')).toBe(
      '{\n  "containerimage.digest": "sha256:1",\n  "buildx.build.ref": "b/b0/x"\n}',
    );
  });
  it('is empty for no metadata (buildx wrote null, or nothing)', () => {
    expect(indentedMetadata('null')).toBe('');
    expect(indentedMetadata('')).toBe('');
  });
});

describe('cache-options: one attribute per entry', () => {
  const read = (raw: string) => parseInputs((n) => (n === 'cache-options' ? raw : '')).cache.options;
  it('a quoted entry is split at its commas, so the key check sees every attribute', () => {
    expect(() => read('"prefix=p/,secret_access_key=x"')).toThrow(/secret_access_key would put a credential/);
    expect(read('"compression=gzip,ref=elsewhere"')).toStrictEqual(['compression=gzip', 'ref=elsewhere']);
  });
  it('an entry that still holds a comma or a newline is refused', () => {
    expect(() => read('a=1,"b=2,ref=x"')).toThrow(InputError);
    expect(() => read('"b=2\nref=x"')).toThrow(/one per entry/);
  });
});

describe("buildxSaid: buildx's own words for a failure with no failed step", () => {
  const inputs = (call: string) => parseInputs((n) => (n === 'call' ? call : ''));
  // What buildx 0.29 printed for `--call check` on a Dockerfile with `# check=error=true`.
  const checked = {
    stdout:
      "Check complete, 1 warning has been found!\n\nWARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/\n'as' and 'FROM' keywords' casing do not match\n",
    stderr: '#3 DONE 0.0s\nERROR: lint violation found for rules: FromAsCasing\n',
  };
  it("call: check gives the checks' summary line, with the rules buildx names", () => {
    expect(buildxSaid(inputs('check'), checked)).toBe(
      'Check complete, 1 warning has been found! (lint violation found for rules: FromAsCasing)',
    );
  });
  it("otherwise buildx's last error line", () => {
    expect(buildxSaid(inputs(''), { stdout: '', stderr: 'x\nERROR: invalid add-host\n' })).toBe(
      'ERROR: invalid add-host',
    );
  });
});
