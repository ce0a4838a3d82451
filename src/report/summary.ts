import { renderCleanup } from './cleanup-summary';
import type { CacheReport } from './types';
import { formatBytes } from '../lib/format';
import { cell, code } from './markdown';
import { cachedStepsSources, importLabel } from './import-sources';

/** Prose outside tables: the report's details quote commands in backticks already. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Seconds as the report rounds them (0.1s): what rounds to 0 still took some time. */
function duration(seconds: number): string {
  return seconds > 0 ? `${seconds}s` : '<0.1s';
}

const STATUS_ICON: Record<string, string> = {
  cached: '✅ cached',
  executed: '🔨 ran',
  failed: '❌ failed',
  canceled: '⏹️ canceled',
  'not-run': '⏭️ not needed',
};

const REASON_TITLE: Record<string, string> = {
  'no-cache': 'no-cache',
  'no-cache-read': 'nothing read',
  'first-build': 'no cache yet',
  'import-failed': 'import failed',
  'base-image-changed': 'base image changed',
  'build-args-changed': 'build args changed',
  'context-changed': 'context files changed',
  'earlier-stage-changed': 'earlier stage changed',
  'platform-not-cached': 'other platform only',
  'step-changed': 'step not in cache',
};

/** More steps than this go into a collapsed block. */
const STEPS_SHOWN = 40;

const RESTORE_LABEL: Record<string, string> = {
  exact: '✅ exact (own ref)',
  fallback: '↪️ fallback',
  miss: '➖ miss',
  failed: '⚠️ failed',
};

/** What the build record says of the prediction: agreed, or the ids BuildKit used that it missed. */
function recordCheck(m: NonNullable<CacheReport['mounts']>): string {
  if (m.observed === null) return '';
  const { unpredicted } = m.mismatches;
  if (unpredicted.length === 0) {
    return `- The build record agrees: BuildKit used ${m.observed.length} cache mount(s), all predicted.`;
  }
  return `- ⚠️ BuildKit used ${unpredicted.map(code).join(', ')}, which the action did not find in the Dockerfile: saved by that id when this run saves mounts.`;
}

/** Cache mounts: what each restored, injected, extracted and saved, and what was left out. */
function renderMounts(m: NonNullable<CacheReport['mounts']>): string[] {
  const out = ['### Cache mounts', ''];
  if (m.mounts.length > 0) {
    out.push(
      '| id | target | restored | size | restore | inject | extract | save | saved |',
      '|---|---|---|---:|---:|---:|---:|---:|---|',
    );
    for (const x of m.mounts) {
      const restored = `${RESTORE_LABEL[x.restore] ?? x.restore}${x.restoredKey ? ` ${code(x.restoredKey)}` : ''}`;
      const saved = x.saved ? `✅ ${code(x.savedKey)}` : `➖ ${cell(x.notSaved)}`;
      const t = x.seconds;
      out.push(
        `| ${code(x.id)} | ${code(x.target)} | ${restored} | ${x.bytes > 0 ? formatBytes(x.bytes) : ''} | ` +
          `${t.restore}s | ${t.inject}s | ${t.extract}s | ${t.save}s | ${saved}${x.error ? ` ⚠️ ${cell(x.error)}` : ''} |`,
      );
    }
    out.push('');
  }
  for (const s of m.skipped) out.push(`- ${code(s.id)} (${code(s.target)}) is not persisted: ${cell(s.why)}`);
  for (const n of m.notes) out.push(`- ${cell(n)}`);
  const record = recordCheck(m);
  if (record) out.push(record);
  if (m.skipped.length + m.notes.length > 0 || record) out.push('');
  out.push(
    "A repository's GitHub cache holds the default 10 GB in all, unless its admins raised the limit; a mount over cache-mounts-max-size is not saved.",
    '',
  );
  return out;
}

/** `cache: local` through the GitHub Actions cache: each folder restored, pruned and saved. */
function renderLocalCache(l: NonNullable<CacheReport['localCache']>): string[] {
  const out = ['### Local cache folders (through the GitHub Actions cache)', ''];
  out.push(
    '| ref | folder | restored | size | pruned | restore | save | saved |',
    '|---|---|---|---:|---:|---:|---:|---|',
  );
  for (const f of l.folders) {
    const restored =
      f.direction === 'write'
        ? ''
        : f.restore === 'hit'
          ? `✅ ${code(f.restoredKey)}`
          : f.restore === 'miss'
            ? '➖ miss'
            : `⚠️ ${cell(f.error)}`;
    const saved =
      f.direction === 'read'
        ? ''
        : f.saved
          ? `✅ ${code(f.savedKey)}`
          : `➖ ${cell(f.notSaved)}${f.error ? ` ⚠️ ${cell(f.error)}` : ''}`;
    const pruned = f.prunedBlobs > 0 ? `${f.prunedBlobs} blobs, ${formatBytes(f.prunedBytes)}` : '';
    out.push(
      `| ${code(f.ref)} | ${code(f.name)} | ${restored} | ${f.bytes > 0 ? formatBytes(f.bytes) : ''} | ${pruned} | ${f.seconds.restore}s | ${f.seconds.save}s | ${saved} |`,
    );
  }
  out.push('');
  return out;
}

/** Which source gave the cached steps: one imported source is it; of several, BuildKit does not say. */
function cachedFromLine(imported: CacheReport['imports']): string {
  const names = imported.map((i) => {
    const l = importLabel(i);
    return l.detail === 'not mapped' ? `${code(l.name)} (not mapped)` : code(l.name);
  });
  if (names.length === 0)
    return 'No cache source was imported: the cached steps are what the builder itself kept.';
  if (names.length === 1) return `The cached steps came from ${names[0]}, the one source imported.`;
  return `Imported: ${names.join(', ')}. BuildKit does not tell which of them each cached step came from.`;
}

/** The builder, its kind and why, and what its history said before the build. */
function renderBuilder(b: NonNullable<CacheReport['builder']>): string[] {
  const kind =
    b.kind === 'persistent' ? '**persistent** (it outlives the job)' : '**ephemeral** (it goes with the job)';
  const line = `Builder ${code(b.name)}${b.driver ? ` (driver ${b.driver})` : ''}: ${kind}: ${cell(b.why)}.`;
  return b.warmth ? [line, '', `${b.warmth.warm ? 'Warm' : 'Cold'}: ${cell(b.warmth.why)}.`] : [line];
}

/** The title: the steps cached, or a dry run's plan only. */
function heading(r: CacheReport): string[] {
  const s = r.steps;
  if (r.build === 'not-run') return ['## BuildKit cache: plan only (dry run)', ''];
  return [`## BuildKit cache: ${s.cached} of ${s.total} steps cached (${Math.round(s.ratio * 100)}%)`, ''];
}

/** One line of facts: the build's outcome, backend, run kind, namespace, steps run, the export. */
function factsLine(r: CacheReport): string[] {
  const s = r.steps;
  const facts = [
    `backend **${r.backend}**`,
    `run kind **${r.trigger}**`,
    `cache namespace ${code(r.namespace)}`,
  ];
  if (r.build !== 'not-run') {
    facts.unshift(r.build === 'succeeded' ? '**Build succeeded**' : '**Build failed**');
    facts.push(`${s.executed} ${s.executed === 1 ? 'step' : 'steps'} ran for ${s.executedSeconds}s`);
    if (s.notRun > 0) facts.push(`${s.notRun} not reached`);
  }
  const exportSize = r.export.sizes.find((x) => x.bytes !== null)?.bytes;
  facts.push(
    `cache export **${r.export.status}**` +
      (r.export.seconds > 0 ? ` in ${r.export.seconds}s` : '') +
      (exportSize != null ? ` (${formatBytes(exportSize)})` : ''),
  );
  return [`${facts.join(' · ')}`, ''];
}

const builderSection = (r: CacheReport): string[] => (r.builder ? [...renderBuilder(r.builder), ''] : []);

/** The failed step, where it is, and BuildKit's message. */
function errorSection(r: CacheReport): string[] {
  if (!r.error) return [];
  const where = r.error.file && r.error.line !== null ? ` (${cell(r.error.file)} line ${r.error.line})` : '';
  return [
    `> ❌ **The build failed**${r.error.step ? ` at ${code(clip(r.error.step, 160))}` : ''}${where}:`,
    `> ${cell(clip(r.error.message, 400))}`,
    '',
  ];
}

function reasonsSection(r: CacheReport): string[] {
  if (r.likelyReasons.length === 0) return [];
  return [
    '### Likely reasons for cache misses',
    '',
    ...r.likelyReasons.map((reason) => {
      const scope = reason.stage ? ` in stage ${code(reason.stage)}` : '';
      return `- **${REASON_TITLE[reason.kind] ?? reason.kind}**${scope}: ${oneLine(reason.detail)}`;
    }),
    '',
  ];
}

/** Every step with its result; a long list folds into a collapsed block. */
function stepsSection(r: CacheReport): string[] {
  const s = r.steps;
  if (s.list.length === 0) return [];
  const rows = ['| # | stage | step | result | time |', '|---:|---|---|---|---:|'];
  // The first step that ran in each stage is where that stage's cache broke.
  const firsts = new Set(s.firstExecuted.map((f) => `${f.stage}\n${f.command}`));
  s.list.forEach((step, n) => {
    const stage = [step.platform, step.stage].filter(Boolean).join(' ') || '—';
    const first = firsts.has(`${stage === '—' ? '(single stage)' : stage}\n${step.step}`) && s.cached > 0;
    const label =
      step.status === 'not-run' && r.build === 'failed'
        ? '⏭️ not reached'
        : (STATUS_ICON[step.status] ?? step.status);
    const result = `${label}${first ? ' · first miss' : ''}`;
    const time = step.status === 'cached' || step.status === 'not-run' ? '' : duration(step.seconds);
    rows.push(`| ${n + 1} | ${cell(stage)} | ${code(clip(step.step, 120))} | ${result} | ${time} |`);
  });
  const shown =
    s.list.length > STEPS_SHOWN
      ? [`<details><summary>${s.list.length} steps, in build order</summary>`, '', ...rows, '', '</details>']
      : rows;
  return ['### Steps', '', ...shown, ''];
}

function importsSection(r: CacheReport): string[] {
  if (r.imports.length === 0) return [];
  const rows = r.imports.map((i) => {
    const result =
      i.result === 'imported'
        ? '✅ imported'
        : i.result === 'not-found'
          ? '➖ not found (normal for the first build of a ref)'
          : `⚠️ failed: ${cell(clip(i.error ?? '', 300))}`;
    const label = importLabel(i);
    return `| ${code(label.name)} (${cell(label.detail)}) | ${result} | ${duration(i.seconds)} |`;
  });
  return ['### Cache import', '', '| source | result | time |', '|---|---|---:|', ...rows, ''];
}

/** Where the cached steps came from. */
function hitsSection(r: CacheReport): string[] {
  const cachedFrom = r.build === 'not-run' ? null : cachedStepsSources(r.imports, r.steps.cached);
  // A builder that outlives the job may have given hits of its own: the imports alone do not say.
  if (r.builder?.kind === 'persistent' && r.builder.hits)
    return [`Where the hits came from: ${cell(r.builder.hits.text)}.`, ''];
  return cachedFrom ? [cachedFromLine(cachedFrom), ''] : [];
}

/** The export's outcome, then each destination with its size. */
function exportSection(r: CacheReport): string[] {
  const status =
    r.export.status === 'ok' ? '✅ exported' : r.export.status === 'failed' ? '⚠️ failed' : '➖ skipped';
  const destinations = r.export.destinations.map((d) => {
    const size = r.export.sizes.find((x) => x.destination === d);
    const text = !size ? '' : size.bytes !== null ? `${formatBytes(size.bytes)} (${size.how})` : size.how;
    return `- ${code(d)}${text ? `: ${cell(text)}` : ''}`;
  });
  return [
    '### Cache export',
    '',
    `${status}${r.export.reason ? `: ${cell(r.export.reason)}` : ''}` +
      `${r.export.seconds > 0 ? ` (${r.export.seconds}s)` : ''}.` +
      (r.export.manifest ? ` Cache manifest ${code(r.export.manifest.digest)}.` : ''),
    '',
    ...destinations,
    ...(destinations.length > 0 ? [''] : []),
  ];
}

const mountsSection = (r: CacheReport): string[] => (r.mounts ? renderMounts(r.mounts) : []);
const localCacheSection = (r: CacheReport): string[] => (r.localCache ? renderLocalCache(r.localCache) : []);

/** Each read and write with its reason, then the plan's notes. */
function planSection(r: CacheReport): string[] {
  // A list, not a table: the entries are long and the refs short, so table columns wrap badly.
  const reads = r.plan.reads.map((read) => {
    const to = read.notRead
      ? `**not read**: ${cell(read.notRead)}`
      : read.entry
        ? code(read.entry)
        : '**not read**';
    return `- **read** ${code(read.ref)}: ${cell(read.why)} → ${to}`;
  });
  const writes = r.plan.writes.map(
    (write) => `- **write** ${code(write.ref)}: ${cell(write.why)} → ${code(write.entry)}`,
  );
  if (writes.length === 0) writes.push('- **write**: nothing is written by this run');
  const notes = r.plan.notes.length > 0 ? ['Notes:', '', ...r.plan.notes.map((n) => `- ${cell(n)}`), ''] : [];
  return ['### Cache plan', '', ...reads, ...writes, '', ...notes];
}

function tokenScopesSection(r: CacheReport): string[] {
  if (!r.tokenScopes) return [];
  const list = r.tokenScopes.map(
    (t) =>
      `${code(t.scope)} (${[t.read && 'read', t.write && 'write'].filter(Boolean).join(' + ') || 'none'})`,
  );
  return [`GitHub cache scopes this run's token may use: ${list.join(', ') || 'none'}.`, ''];
}

function baseImagesSection(r: CacheReport): string[] {
  if (r.baseImages.length === 0) return [];
  const list = r.baseImages.map(
    (b) =>
      `${code(b.image)}${b.platform ? ` (${b.platform})` : ''} → ${code(b.digest.replace(/^sha256:/, '').slice(0, 12))}`,
  );
  return [`Base images: ${list.join(', ')}.`, ''];
}

const cleanupSection = (r: CacheReport): string[] => (r.cleanup ? [renderCleanup(r.cleanup)] : []);

/** The summary's sections, in order; each gives its lines, or none when it has nothing to say. */
const SECTIONS: ((r: CacheReport) => string[])[] = [
  heading,
  factsLine,
  builderSection,
  errorSection,
  reasonsSection,
  stepsSection,
  importsSection,
  hitsSection,
  exportSection,
  mountsSection,
  localCacheSection,
  planSection,
  tokenScopesSection,
  baseImagesSection,
  cleanupSection,
];

/** The job summary: what the cache did and why, as readable Markdown. Holds no secret: the report has none. */
export function renderSummary(r: CacheReport): string {
  return SECTIONS.flatMap((section) => section(r)).join('\n');
}
