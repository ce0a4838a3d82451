import * as fs from 'node:fs';
import * as workflow from '../runner/commands';
import { removeBuilder } from '../buildx/builder';
import { pluginBuildx, standaloneBuildx } from '../buildx/buildx';
import { type Exec, exec as realExec } from '../lib/exec';
import { loggedExec } from '../runner/logged-exec';
import { readState } from '../runner/state';

/**
 * Removes what main created. Always runs, even after a failed or cancelled main step; safe to
 * run twice; every problem is a warning, never a failed job.
 */
export async function post(exec: Exec = loggedExec(realExec)): Promise<void> {
  const s = readState();
  if (s.builder !== '' && s.cleanup) {
    const buildx = s.buildxPath ? standaloneBuildx(s.buildxPath, '') : pluginBuildx('');
    try {
      const problem = await removeBuilder(exec, buildx, s.builder);
      if (problem) workflow.warning(`could not remove builder ${s.builder}: ${problem}`);
      else workflow.info(`builder ${s.builder} removed (or already gone)`);
    } catch (e) {
      workflow.warning(`could not remove builder ${s.builder}: ${(e as Error).message}`);
    }
  }
  if (s.tempDir !== '') {
    try {
      fs.rmSync(s.tempDir, { recursive: true, force: true });
    } catch (e) {
      workflow.warning(`could not remove ${s.tempDir}: ${(e as Error).message}`);
    }
  }
}
