import * as runner from '../../scripts/action-runner';

// The action's steps as every e2e test runs them: through scripts/action-runner, with each job
// summary checked on the way. Kept apart from support.ts, which the benchmark compiles too.

export type { ActionEvent, StepResult } from '../../scripts/action-runner';

/**
 * BuildKit's own name for a cache import other than a registry one (`gha:<hash>`, issue 25). The
 * summary must name the source by its planned ref instead, or say "(not mapped)" next to it.
 */
const BUILDKIT_IMPORT_ID = /\b(?:gha|local|s3|azblob):\d{6,}\b(?!`? \(not mapped\))/g;
export const unmappedImportIds = (summary: string) => summary.match(BUILDKIT_IMPORT_ID) ?? [];

function summaryNamesSourcesByRef(r: runner.StepResult): runner.StepResult {
  const ids = unmappedImportIds(r.summary);
  if (ids.length > 0) {
    throw new Error(
      `the job summary shows BuildKit's import ids ${ids.join(', ')} without "(not mapped)":\n${r.summary}`,
    );
  }
  return r;
}

/**
 * One step of the action, as scripts/action-runner runs it. Every e2e run goes through here, so
 * every summary any test makes is checked for BuildKit's internal import ids.
 */
export async function runStep(o: Parameters<typeof runner.runStep>[0]): Promise<runner.StepResult> {
  return summaryNamesSourcesByRef(await runner.runStep(o));
}

/** main then post, as a runner runs them; both summaries checked as in runStep. */
export async function runAction(o: runner.StepOptions): ReturnType<typeof runner.runAction> {
  const r = await runner.runAction(o);
  summaryNamesSourcesByRef(r.main);
  summaryNamesSourcesByRef(r.post);
  return r;
}

/**
 * Runs assertions on a step and, when one fails, adds to the error what a CI-only failure needs to
 * be read from its output: the whole cache plan (which caches were read, and why), then the step's
 * other cache lines (imports, exports, warnings).
 */
export async function withStepLog<T>(step: { log: string }, assertions: () => T | Promise<T>): Promise<T> {
  try {
    return await assertions();
  } catch (e) {
    if (e instanceof Error) e.message += `\n${stepLogDigest(step.log)}`;
    throw e;
  }
}

/** The plan group in full, then the last 80 other lines about caches. */
function stepLogDigest(log: string): string {
  const lines = log.split('\n');
  const start = lines.indexOf('::group::Cache plan');
  const closed = start < 0 ? -1 : lines.indexOf('::endgroup::', start);
  // An unclosed plan group runs to the end of the log.
  const stop = closed < 0 ? lines.length : closed;
  const plan = start < 0 ? [] : lines.slice(start + 1, stop);
  const rest = (start < 0 ? lines : [...lines.slice(0, start), ...lines.slice(stop + 1)])
    .filter((l) => !l.startsWith('::add-mask::'))
    .filter((l) => /cache|import|export|CACHED|ERROR|warning|::/i.test(l))
    .slice(-80);
  return `--- the step's cache plan ---\n${plan.join('\n')}\n--- its other cache lines ---\n${rest.join('\n')}`;
}
