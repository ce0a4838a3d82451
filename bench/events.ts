import type { Grant, Snapshot } from './model';

// What the benchmark replays, as data: the events of the generated history and the jobs (runs)
// each starts. bench/timeline.ts makes them; bench/scenario.ts lists them in order.

export type EventClass =
  | 'push-main'
  | 'push-branch'
  | 'rebased-push'
  | 'pull-request'
  | 'fork-pr'
  | 'merge-queue'
  | 'tag'
  | 'schedule'
  | 'matrix';

export const CLASSES: EventClass[] = [
  'push-main',
  'push-branch',
  'rebased-push',
  'pull-request',
  'fork-pr',
  'merge-queue',
  'tag',
  'schedule',
  'matrix',
];

export interface ActionEvent {
  name: string;
  ref: string;
  sha: string;
  payload: object;
}

/** One job: a run of the action (main, then post) on a fresh runner. */
export interface RunSpec {
  id: string;
  event: ActionEvent;
  /** The ref actions/checkout fetches (depth 1), and the local ref it leaves. */
  fetch: { ref: string; local: string; branch: string | null };
  /** '' builds the final stage. */
  target: string;
  /** The runtime token GitHub gives this job (cache scopes). */
  token: Grant[];
  fork: boolean;
  snap: Snapshot;
}

/**
 * A run that ends a ref (a pull request closed, a merged branch deleted): the action deletes the
 * ref's caches and builds nothing. Only the configurations that clean up run it.
 */
export interface CleanupEvent {
  cleanup: true;
  id: string;
  title: string;
  event: ActionEvent;
}

export interface BenchEvent {
  index: number;
  id: string;
  cls: EventClass;
  title: string;
  runs: RunSpec[];
}
