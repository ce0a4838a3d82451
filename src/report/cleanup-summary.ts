import { type CleanupOutcome, limitWords } from '../cleanup/outcome';
import { formatBytes } from '../lib/format';
import { cell, code } from './markdown';

/** The job summary's clean-up section: what was deleted and kept and why, and the quota. */
export function renderCleanup(o: CleanupOutcome): string {
  const title = o.kind === 'retention' ? 'Cache retention' : 'BuildKit cache: clean-up';
  const out = [`${o.kind === 'retention' ? '###' : '##'} ${title}`, '', cell(o.why), ''];
  const verb = o.dryRun ? 'would delete (dry run)' : 'deleted';
  if (o.deleted.length === 0) out.push(`Nothing ${o.dryRun ? 'would be ' : ''}deleted.`, '');
  for (const d of o.deleted) out.push(`- **${verb}** ${code(d.name)}: ${cell(d.why)}`);
  for (const k of o.kept) out.push(`- **kept** ${code(k.name)}: ${cell(k.why)}`);
  if (o.deleted.length + o.kept.length > 0) out.push('');
  for (const n of [...o.notes, ...o.warnings]) out.push(`- ${cell(n)}`);
  if (o.notes.length + o.warnings.length > 0) out.push('');
  const q = o.quota;
  if (q) {
    const pct = Math.round((q.repositoryBytes / q.limitBytes) * 100);
    out.push(
      `GitHub cache usage: **${formatBytes(q.repositoryBytes)}** of ${limitWords(q)} (${pct}%); ` +
        `this scope's index entries ${formatBytes(q.scopeBytes)} (layer blobs are shared between scopes).`,
      '',
    );
    if (q.largest.length > 0) {
      out.push('| largest entries | ref | size |', '|---|---|---:|');
      for (const e of q.largest) out.push(`| ${code(e.key)} | ${code(e.ref)} | ${formatBytes(e.bytes)} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
