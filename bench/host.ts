import type { GhaCacheService } from '../test-services/gha-cache';
import type { RunSpec } from './events';

/** One step of the action as a scenario after the replay sees it. */
export interface ActionStep {
  exitCode: number;
  outputs: Record<string, string>;
  log: string;
}

/**
 * What a scenario after the replay (cache mounts, the multi-platform round) needs of the
 * benchmark: a fresh runner and one action job (main, then post).
 */
export interface ScenarioHost {
  nonce: string;
  dockerLogs: string;
  fresh(): Promise<void>;
  runAction(
    svc: GhaCacheService | undefined,
    inputs: Record<string, string>,
    r: RunSpec,
    workspace: string,
    dockerLog: string,
    envOf?: (env: Record<string, string>) => Record<string, string>,
  ): Promise<{ main: ActionStep; post: ActionStep; mainMs: number; postMs: number }>;
}
