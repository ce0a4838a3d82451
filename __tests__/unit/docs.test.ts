import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { unmappedImportIds } from '../e2e/run-action';

// The README is the front page and the details live in docs/: a moved heading or page must not leave
// a link behind, and every input and output of action.yml has its line on the inputs/outputs page.

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(file, 'utf8');

/** The pages whose links are checked: the README, every docs/*.md, and CONTRIBUTING.md. */
const pages = [
  join(root, 'README.md'),
  join(root, 'CONTRIBUTING.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(root, 'docs', f)),
];

/** The text outside fenced code blocks, with inline code blanked (a `[x](y)` in code is no link). */
function prose(markdown: string): string {
  let fenced = false;
  const lines = markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
  // A code span may wrap onto the next line, never across a blank one. Newlines are kept for line numbers.
  return lines.join('\n').replace(/(`+)(?:(?!\n\s*\n)[\s\S])*?\1/g, (span) => span.replace(/[^\n]/g, ' '));
}

/** GitHub's heading anchor: lowercase, punctuation (but `-` and `_`) removed, each space a `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the page's headings make; a repeated heading gets `-1`, `-2`, … as on GitHub. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images `[text](target "title")`, and reference definitions `[label]: target`. */
function links(markdown: string): Link[] {
  const text = prose(markdown);
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const out: Link[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    out.push({ line: lineOf(m.index ?? 0), target: m[1] });
  }
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)) {
    out.push({ line: lineOf(m.index ?? 0), target: m[1] });
  }
  return out;
}

/** What is wrong with one page's relative links: a missing file, or an anchor no heading makes. */
function brokenLinks(page: string): string[] {
  const problems: string[] = [];
  const where = relative(root, page);
  for (const { line, target } of links(read(page))) {
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
    const hash = target.indexOf('#');
    const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? '' : decodeURIComponent(target.slice(hash + 1));
    const file = path === '' ? page : resolve(dirname(page), path);
    if (!existsSync(file)) {
      problems.push(`${where}:${line}: ${target}: no file ${relative(root, file)}`);
      continue;
    }
    if (anchor === '') continue;
    if (statSync(file).isDirectory() || !file.endsWith('.md')) {
      problems.push(`${where}:${line}: ${target}: an anchor into a file that has no headings`);
    } else if (!anchors(read(file)).has(anchor)) {
      problems.push(`${where}:${line}: ${target}: no heading makes #${anchor} in ${relative(root, file)}`);
    }
  }
  return problems;
}

/** The names declared in one top-level block of action.yml (`inputs:` or `outputs:`). */
function declared(block: 'inputs' | 'outputs'): string[] {
  const yml = read(join(root, 'action.yml'));
  const start = yml.indexOf(`\n${block}:\n`);
  if (start === -1) return [];
  const rest = yml.slice(start + block.length + 3);
  const end = rest.search(/\n[a-z]/);
  return [...(end === -1 ? rest : rest.slice(0, end)).matchAll(/^ {2}([a-z0-9-]+):/gm)].map((m) => m[1]);
}

describe('the link checker', () => {
  it.each([
    { heading: 'Cache mounts (`RUN --mount=type=cache`)', want: 'cache-mounts-run---mounttypecache' },
    { heading: 'buildx downloads', want: 'buildx-downloads' },
    { heading: '`cache-report`', want: 'cache-report' },
    {
      heading: '`cache: local` folders through the GitHub cache',
      want: 'cache-local-folders-through-the-github-cache',
    },
    { heading: 'Quota in view (gha)', want: 'quota-in-view-gha' },
    { heading: 'Cache lifecycle: clean-up and retention', want: 'cache-lifecycle-clean-up-and-retention' },
    { heading: 'a [linked](https://example.com) word_here', want: 'a-linked-word_here' },
  ])('makes GitHub’s anchor for "$heading"', ({ heading, want }) => {
    expect(slug(heading)).toBe(want);
  });

  it('numbers a repeated heading and ignores a # line in a code block', () => {
    expect([...anchors('# A\n## Inputs\n```sh\n# not a heading\n```\n### Inputs\n')]).toStrictEqual([
      'a',
      'inputs',
      'inputs-1',
    ]);
  });

  it('finds inline links, images and reference definitions, and none in code', () => {
    const md = [
      'See [the plan](docs/plan.md#the-plan) and ![logo](img/logo.png "Logo").',
      'In code: `[no](link.md)`, and a span that wraps `[no](',
      'wrapped.md)` on two lines.',
      '```md',
      '[no](fenced.md)',
      '```',
      '[ref]: docs/stores.md#which-store-runs-where',
      '[web](https://example.com) [here](#here)',
    ].join('\n');
    expect(links(md)).toStrictEqual([
      { line: 1, target: 'docs/plan.md#the-plan' },
      { line: 1, target: 'img/logo.png' },
      { line: 8, target: 'https://example.com' },
      { line: 8, target: '#here' },
      { line: 7, target: 'docs/stores.md#which-store-runs-where' },
    ]);
  });
});

describe('the README and docs/', () => {
  it('are there: the front page and at least the inputs/outputs page', () => {
    expect(pages.map((p) => relative(root, p))).toEqual(
      expect.arrayContaining(['README.md', join('docs', 'inputs-outputs.md')]),
    );
  });

  it.each(pages.map((p) => ({ page: relative(root, p), file: p })))(
    '$page: every relative link reaches a file, and every #anchor a heading in it',
    ({ file }) => {
      expect(brokenLinks(file)).toStrictEqual([]);
    },
  );

  it.each(['inputs', 'outputs'] as const)(
    'docs/inputs-outputs.md names every one of action.yml’s %s',
    (block) => {
      const names = declared(block);
      expect(names.length).toBeGreaterThan(block === 'inputs' ? 20 : 5);
      const page = read(join(root, 'docs', 'inputs-outputs.md'));
      expect(names.filter((name) => !page.includes(`\`${name}\``))).toStrictEqual([]);
    },
  );

  it.each(pages.map((p) => ({ page: relative(root, p), file: p })))(
    '$page: a summary it shows names cache sources by ref, not by BuildKit’s import ids',
    ({ file }) => {
      expect(unmappedImportIds(read(file))).toStrictEqual([]);
    },
  );
});

describe('the check for BuildKit’s import ids in a summary (every e2e run makes it)', () => {
  it.each([
    ['| `gha:11475151408587996705` | ✅ imported |', ['gha:11475151408587996705']],
    ['local:5129367559552020665 imported', ['local:5129367559552020665']],
    [
      '`s3:7550284769175125514`, `azblob:14940003439192178708`',
      ['s3:7550284769175125514', 'azblob:14940003439192178708'],
    ],
    ['| `gha:11475151408587996705` (not mapped) | ✅ imported |', []],
    ['gha:10895342294912436894 (not mapped)', []],
    ['| `sha:b87f42f` (merge-base with main) | ✅ imported |', []],
    ['`127.0.0.1:5000/app:cache-main` and type=gha,scope=default.branch-main', []],
  ])('%s', (summary, ids) => {
    expect(unmappedImportIds(summary)).toStrictEqual(ids);
  });
});

describe('every e2e run checks its summary', () => {
  it('no e2e test runs the action but through __tests__/e2e/run-action.ts', () => {
    const e2e = join(root, '__tests__', 'e2e');
    const direct = readdirSync(e2e)
      .filter((f) => f.endsWith('.test.ts'))
      .filter((f) => /from '\.\.\/\.\.\/scripts\/action-runner'/.test(read(join(e2e, f))));
    expect(direct).toStrictEqual([]);
  });
});
