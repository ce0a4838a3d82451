import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exec } from '../lib/exec';
import type { RunContext } from '../github/context';
import type { Inputs } from '../runner/inputs/types';
import { planInputs, probePlanned } from '../facts/facts';
import { plan, planLines, planOptionsFrom } from '../plan/planner';
import { setOutputs } from '../runner/outputs';
import * as workflow from '../runner/commands';
import type { RunnerEnvironment } from '../runner/environment';
import { bakeDefinition, bakeLegs, planBakeTargets } from '../bake/targets';
import { cacheTokenIn } from './plan-phase';

/**
 * `bake-targets` on a dry run: plans every target's cache from one git lookup and one listing,
 * and writes the bake file for `docker buildx bake -f docker-bake.hcl -f <bake-file>`.
 */
export async function writeBakeFile(
  exec: Exec,
  ctx: RunContext,
  inputs: Inputs,
  environment: RunnerEnvironment,
): Promise<void> {
  const base = { ...planOptionsFrom(inputs), token: cacheTokenIn(environment.cache) };
  const legs = bakeLegs(inputs.bakeTargets, inputs.cache.leg, inputs.build.platforms);
  const plans = await workflow.group('Cache plan (bake)', async () => {
    const { facts, existing } = await planInputs(
      exec,
      ctx,
      { ...base, leg: legs[0].leg },
      environment,
      inputs.githubToken,
      fs.existsSync,
      legs.map((l) => l.leg),
    );
    // The store is asked about each target's reads before the plans are narrowed to what exists.
    await probePlanned(
      existing,
      legs.map((l) => plan(ctx, facts, { ...base, leg: l.leg })),
    );
    const planned = planBakeTargets(ctx, facts, base, legs, existing);
    for (const { target, plan } of planned) {
      workflow.info(`target ${target} (leg ${plan.namespace}):`);
      for (const line of planLines(plan)) workflow.info(`  ${line}`);
    }
    return planned;
  });
  const dir = fs.mkdtempSync(path.join(environment.runner.temp, 'bkca-bake-'));
  const file = path.join(dir, 'cache.json');
  fs.writeFileSync(file, `${JSON.stringify(bakeDefinition(plans), null, 2)}\n`);
  workflow.info(`bake file: ${file}`);
  setOutputs({
    'bake-file': file,
    'cache-from': [...new Set(plans.flatMap((p) => p.plan.cacheFrom))].join('\n'),
    'cache-to': [...new Set(plans.flatMap((p) => p.plan.cacheTo))].join('\n'),
    'cache-export': 'skipped',
  });
}
