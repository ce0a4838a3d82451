import type { CacheReport } from './report';

/** Markdown table cells: no pipes or newlines from step text may break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}
function code(text: string): string {
  return `\`${cell(text)}\``;
}

const STATUS_ICON: Record<string, string> = {
  cached: '✅ cached',
  executed: '🔨 ran',
  failed: '❌ failed',
  'not-run': '⏭️ not needed',
};

/** The job summary: the plan, each step, imports and the export, as readable Markdown. */
export function renderSummary(r: CacheReport): string {
  const out: string[] = [];
  const pct = `${Math.round(r.steps.ratio * 100)}%`;
  out.push(`## BuildKit cache: ${r.steps.cached}/${r.steps.total} steps cached (${pct})`, '');
  out.push(
    `Backend **${r.backend}**, run kind **${r.trigger}**, cache namespace ${code(r.namespace)}. ` +
      `Build ${r.build}; ${r.steps.executed} steps ran for ${r.steps.executedSeconds}s. ` +
      `Export: **${r.export.status}**${r.export.reason ? ` (${cell(r.export.reason)})` : ''}` +
      `${r.export.seconds > 0 ? `, ${r.export.seconds}s` : ''}.`,
    '',
  );

  out.push('### Cache plan', '', '| | ref | why | entry |', '|---|---|---|---|');
  for (const read of r.plan.reads) {
    out.push(
      `| read | ${code(read.ref)} | ${cell(read.why)} | ${read.entry ? code(read.entry) : 'not read'} |`,
    );
  }
  for (const write of r.plan.writes) {
    out.push(`| write | ${code(write.ref)} | ${cell(write.why)} | ${code(write.entry)} |`);
  }
  if (r.plan.writes.length === 0) out.push('| write | — | nothing is written by this run | |');
  out.push('');
  if (r.plan.notes.length > 0) {
    for (const note of r.plan.notes) out.push(`- ${cell(note)}`);
    out.push('');
  }
  if (r.tokenScopes) {
    const list = r.tokenScopes.map(
      (s) => `${code(s.scope)} (${[s.read && 'read', s.write && 'write'].filter(Boolean).join('+')})`,
    );
    out.push(`GitHub cache scopes of this run's token: ${list.join(', ') || 'none'}.`, '');
  }

  if (r.imports.length > 0) {
    out.push('### Cache import', '', '| source | result |', '|---|---|');
    for (const i of r.imports) {
      const result =
        i.result === 'imported'
          ? 'imported'
          : i.result === 'not-found'
            ? 'not found (normal for the first build of a ref)'
            : `failed: ${cell(i.error ?? '')}`;
      out.push(`| ${code(i.source)} | ${result} |`);
    }
    out.push('');
  }

  if (r.steps.list.length > 0) {
    out.push('### Steps', '', '| stage | step | result | time |', '|---|---|---|---|');
    for (const s of r.steps.list) {
      const stage = [s.platform, s.stage].filter(Boolean).join(' ');
      out.push(
        `| ${cell(stage)} | ${code(s.step.slice(0, 120))} | ${STATUS_ICON[s.status]} | ${s.seconds}s |`,
      );
    }
    out.push('');
  }
  if (r.steps.firstExecuted.length > 0) {
    out.push("Where each stage's cache broke (first step that ran):", '');
    for (const f of r.steps.firstExecuted) out.push(`- ${cell(f.stage)}: ${code(f.step)}`);
    out.push('');
  }
  return out.join('\n');
}
