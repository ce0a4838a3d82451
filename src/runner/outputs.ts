import * as workflow from './commands';

/** Every output the action sets; a test checks this list against action.yml. */
export const OUTPUT_NAMES = [
  'imageid',
  'digest',
  'metadata',
  'builder',
  'cache-from',
  'cache-to',
  'cached-steps',
  'total-steps',
  'cache-hit-ratio',
  'cache-export',
  'cache-report',
  'cache-usage-bytes',
  'bake-file',
  'cache-mounts',
  'cache-mounts-saved',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];
export type Outputs = Partial<Record<OutputName, string>>;

export function setOutputs(outputs: Outputs): void {
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name];
    if (value !== undefined) workflow.setOutput(name, value);
  }
}
