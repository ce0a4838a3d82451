import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunContext } from '../github/context';
import type { Exec } from '../lib/exec';
import type { Inputs } from '../runner/inputs/types';
import { ensureBuildx, probeBuildx, releaseStoreFor } from '../buildx/install';
import {
  legBuild,
  legPushTag,
  legRecord,
  mergeMetadata,
  mergeSkipped,
  missingMessage,
  repositoriesOf,
} from '../merge/legs';
import { publishIndex, removeLegTags } from '../merge/publish';
import { restoreLegRecords, saveLegRecord } from '../merge/leg-records';
import type { MergeReport } from '../merge/merge-report';
import { planOptionsFrom } from '../plan/planner';
import { tokenRefusals } from '../plan/token';
import { classify } from '../plan/triggers';
import { neverWrites } from '../plan/trust';
import { cacheTokenIn } from './plan-phase';
import { renderMergeSummary } from '../report/merge-summary';
import type { CacheReport } from '../report/types';
import * as workflow from '../runner/commands';
import type { GithubCacheAccess, GithubVariables, RunnerEnvironment } from '../runner/environment';
import { finishNothingBuilt } from './nothing-built';

/** The run's id and attempt: a leg's record is this run's, and a re-run's is newer. */
const runOf = (github: GithubVariables) => ({
  runId: github.runId || '0',
  attempt: github.runAttempt,
});

/** The trust rule (src/plan/trust.ts) for a run that has no plan: its trigger and its cache token. */
const runNeverWrites = (ctx: RunContext, cache: GithubCacheAccess) =>
  neverWrites(classify(ctx), tokenRefusals(cacheTokenIn(cache)));

export interface Leg {
  inputs: Inputs;
  /** Why this leg pushes and records nothing ('' when it does). */
  skipped: string;
  /** The tag it pushes under when its builder cannot push by digest. */
  pushTag: string | null;
}

/** `merge: leg`: the build pushes by digest, unless this run cannot push (then it only builds). */
export function prepareLeg(ctx: RunContext, inputs: Inputs, environment: RunnerEnvironment): Leg {
  // A leg's record is a GitHub cache entry the merge job trusts: a run that may not write records none.
  const refused = runNeverWrites(ctx, environment.cache);
  const skipped =
    mergeSkipped(ctx, inputs.build.push) ||
    (refused ? `${refused}: the legs are built, not pushed nor merged` : '');
  if (skipped) {
    workflow.info(`merge: ${skipped}`);
    return { inputs: { ...inputs, build: { ...inputs.build, push: false } }, skipped, pushTag: null };
  }
  const run = { driver: inputs.builder.driver, ...runOf(environment.github) };
  const pushTag = legPushTag(run, inputs.build.platforms[0] ?? '');
  return { inputs: { ...inputs, build: legBuild(inputs.build, run) }, skipped, pushTag };
}

/**
 * After a leg's build: its digest and cache hits recorded for the merge job. A record that cannot
 * be saved is a warning: the image is pushed, and the merge names the platform it lacks.
 */
export async function recordLeg(
  exec: Exec,
  leg: Leg,
  o: {
    original: Inputs;
    report: CacheReport;
    digest: string;
    tempDir: string;
    environment: RunnerEnvironment;
  },
): Promise<MergeReport> {
  const tags = o.original.build.tags;
  const base: MergeReport = { role: 'leg', skipped: leg.skipped, legs: [], missing: [], digest: '', tags };
  if (leg.skipped || o.report.build !== 'succeeded')
    return { ...base, skipped: leg.skipped || 'the build failed' };
  if (!/^sha256:[0-9a-f]{64}$/.test(o.digest)) {
    workflow.warning('merge: the build gave no image digest: nothing is recorded for the merge job');
    return { ...base, skipped: 'the build gave no image digest' };
  }
  const { runId, attempt } = runOf(o.environment.github);
  const { cached, total, ratio } = o.report.steps;
  const record = legRecord({
    tags,
    platform: o.original.build.platforms[0],
    digest: o.digest,
    leg: planOptionsFrom(o.original).leg ?? '',
    steps: { cached, total, ratio },
    attempt,
    pushTag: leg.pushTag,
  });
  const saved = await saveLegRecord(exec, record, {
    runId,
    tempDir: o.tempDir,
    env: o.environment.processEnv,
  });
  if (saved.status === 'failed') {
    workflow.warning(`merge: the digest of ${record.platform} was pushed but not recorded: ${saved.reason}`);
    return { ...base, skipped: `not recorded: ${saved.reason}` };
  }
  workflow.info(
    `merge: ${record.platform} pushed as ${record.image}@${record.digest}, recorded for the merge job`,
  );
  return { ...base, legs: [record] };
}

/** `merge: index`: builds nothing; finds every leg's digest and pushes the index under the tags. */
export async function runMerge(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  environment: RunnerEnvironment,
  fail: (message: string) => void,
): Promise<void> {
  const env = environment.processEnv;
  const { tags, platforms, annotations } = inputs.build;
  const merge: MergeReport = { role: 'index', skipped: '', legs: [], missing: [], digest: '', tags };
  const outputs: Record<string, string> = {};
  merge.skipped = mergeSkipped(ctx, inputs.build.push);
  if (merge.skipped) {
    workflow.info(`merge: ${merge.skipped}`);
    return finish(inputs, ctx, merge, outputs);
  }
  const tempDir = fs.mkdtempSync(path.join(environment.runner.temp, 'bkca-merge-'));
  const found = await workflow.group("Merge: the legs' digests", () =>
    restoreLegRecords(exec, repositoriesOf(tags)[0], platforms, {
      runId: runOf(environment.github).runId,
      tempDir,
      env,
    }),
  );
  // A record is restored bytes: one that names another image or tag is an attacker's, never merged.
  for (const f of found)
    if ('dropped' in f && f.dropped)
      workflow.warning(`merge: the record of ${f.platform} is dropped: ${f.dropped}`);
  merge.legs = found.flatMap((f) => (f.record ? [f.record] : []));
  merge.missing = found.filter((f) => f.record === null).map((f) => f.platform);
  const missing = missingMessage(found);
  if (missing) {
    await finish(inputs, ctx, merge, outputs);
    return fail(missing);
  }
  const published = await workflow.group('Merge: the index', async () => {
    const { buildx } = await ensureBuildx(exec, {
      wanted: inputs.builder.buildxVersion,
      floor: '',
      releasesBase: inputs.builder.buildxReleasesUrl,
      probe: probeBuildx(exec, environment),
      toolCache: environment.runner.toolCache,
      releaseStore: releaseStoreFor(exec, environment),
      saveRefused: runNeverWrites(ctx, environment.cache),
    });
    return publishIndex(exec, buildx, { tags, annotations, legs: merge.legs, env });
  });
  if (published.ok) {
    merge.digest = published.descriptor.digest;
    outputs.digest = merge.digest;
    outputs.metadata = mergeMetadata(published.descriptor, tags);
    merge.leftTags = await removeLegTags(repositoriesOf(tags), merge.legs, environment.docker.configDir);
    for (const left of merge.leftTags) workflow.warning(`merge: a leg's push tag is left: ${left}`);
  }
  await finish(inputs, ctx, merge, outputs);
  if (!published.ok) fail(`merge: the index was not pushed: ${published.reason}`);
}

/** The merge's outputs, `cache-report` (a run that built nothing, with its `merge`) and summary. */
const finish = (inputs: Inputs, ctx: RunContext, merge: MergeReport, outputs: Record<string, string>) =>
  finishNothingBuilt(ctx, inputs, {
    why: 'merge run: the legs built the platforms; nothing is built here',
    merge,
    outputs,
    summary: renderMergeSummary(merge),
  });
