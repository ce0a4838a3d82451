import type { MergeReport } from '../merge/merge-report';
import { cell, code } from './markdown';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * The job summary of a merge (`merge: index`): the index, and each platform's digest and cache
 * hits; on a leg (`merge: leg`), the digest it recorded.
 */
export function renderMergeSummary(m: MergeReport): string {
  const leg = m.role === 'leg';
  const out = [leg ? '### Multi-platform image: this leg' : '## Multi-platform image: merge', ''];
  if (m.skipped)
    return [...out, cell(`Nothing ${leg ? 'recorded' : 'merged'}: ${m.skipped}.`), ''].join('\n');
  if (m.digest) out.push(`Index ${code(m.digest)} under ${m.tags.map(code).join(', ')}.`, '');
  if (m.missing.length > 0) out.push(`**No digest recorded** for ${m.missing.map(code).join(', ')}.`, '');
  out.push('| platform | digest | leg cache hits | attempt |', '|---|---|---:|---:|');
  for (const l of m.legs) {
    const hits = `${percent(l.steps.ratio)} (${l.steps.cached}/${l.steps.total} steps)`;
    out.push(`| ${code(l.platform)} | ${code(l.digest)} | ${hits} | ${cell(l.attempt)} |`);
  }
  out.push('');
  return out.join('\n');
}
