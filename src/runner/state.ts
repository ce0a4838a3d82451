import * as workflow from './commands';

/**
 * The one owner of post-step state. Each resource is recorded before it is created, so that
 * post can clean up after a main step that failed halfway. Secrets never enter state.
 */
const KEYS = {
  builder: 'builderCreated',
  cleanup: 'cleanup',
  tempDir: 'tempDir',
  buildxPath: 'buildxPath',
} as const;

export interface PostState {
  /** A builder this run created (or tried to), to remove in post. */
  builder: string;
  cleanup: boolean;
  tempDir: string;
  /** The buildx binary main used ('' for the docker CLI plugin). */
  buildxPath: string;
}

export function saveBuilderCreated(name: string, cleanup: boolean): void {
  workflow.saveState(KEYS.builder, name);
  workflow.saveState(KEYS.cleanup, String(cleanup));
}
export function saveTempDir(path: string): void {
  workflow.saveState(KEYS.tempDir, path);
}
export function saveBuildxPath(path: string): void {
  workflow.saveState(KEYS.buildxPath, path);
}

export function readState(): PostState {
  return {
    builder: workflow.getState(KEYS.builder),
    cleanup: workflow.getState(KEYS.cleanup) !== 'false',
    tempDir: workflow.getState(KEYS.tempDir),
    buildxPath: workflow.getState(KEYS.buildxPath),
  };
}
