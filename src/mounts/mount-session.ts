import * as fs from 'node:fs';
import * as workflow from '../runner/commands';
import { dockerfilePath, isDefaultContext, isRemoteContext } from '../runner/inputs/read';
import type { BuildInputs } from '../runner/inputs/types';
import type { PlannedMount } from './mount-plan';
import type { MountRecord } from './mounts-report';

/** The small pieces of the mounts session: the Dockerfile read, a mount's record, its guard. */

/** The Dockerfile's text, or why it cannot be read here. */
export function readDockerfile(build: BuildInputs, workspace: string): { text: string } | { why: string } {
  const { context, file } = build;
  if (file === '-' || (file === '' && isRemoteContext(context) && !isDefaultContext(context))) {
    return { why: 'the Dockerfile is not a file of the checkout' };
  }
  // The run's Git context is the checked-out commit: its Dockerfile is read from the checkout
  // when there is one (and checked against the build record after the build, as always).
  const where = dockerfilePath(build, workspace);
  try {
    return { text: fs.readFileSync(where, 'utf8') };
  } catch (e) {
    if (isDefaultContext(context))
      return { why: `the run's Git context has no checkout to read it from (${where})` };
    return { why: `cannot read ${where}: ${(e as Error).message}` };
  }
}

export function newRecord({ mount }: PlannedMount): MountRecord {
  return {
    id: mount.id,
    target: mount.target,
    stage: mount.stage,
    restore: 'miss',
    restoredKey: '',
    bytes: 0,
    saved: false,
    savedKey: '',
    notSaved: '',
    error: '',
    seconds: { restore: 0, inject: 0, extract: 0, save: 0 },
  };
}

/** Anything unforeseen (a damaged archive, a full disk) is this mount's warning, never the build's failure. */
export async function safely<T>(
  record: MountRecord,
  phase: string,
  fn: () => Promise<T>,
  fallback: T,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    record.error = `${phase} failed: ${(e as Error).message}`;
    if (phase === 'restore') record.restore = 'failed';
    workflow.warning(`cache mount ${record.id}: ${record.error}`);
    return fallback;
  }
}
