export interface ActionEvent {
  name: string;
  ref: string;
  sha: string;
  payload: object;
}
export interface StepOptions {
  inputs?: Record<string, string | boolean | undefined>;
  event: ActionEvent;
  workspace: string;
  env?: Record<string, string>;
  state?: Record<string, string | undefined>;
  runnerTemp?: string;
  echo?: boolean;
  /** The node binary to run the step with; default BKCA_ACTION_NODE, else the current one. */
  node?: string;
  /** After this many ms the step is killed (SIGKILL) and fails with timedOut; default 20 min. */
  timeoutMs?: number;
}
export interface StepResult {
  exitCode: number;
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  envFile: string;
  /** The node binary the step ran with. */
  node: string;
  /** Whether the step was killed for running past timeoutMs. */
  timedOut: boolean;
}
export function runStep(o: StepOptions & { step?: 'main' | 'post' }): Promise<StepResult>;
export function runAction(o: StepOptions): Promise<{ main: StepResult; post: StepResult }>;
export function parseCommandFile(text: string): Record<string, string>;
export function actionDefaults(): Record<string, string>;
