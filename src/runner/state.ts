import * as core from './commands';

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
  core.saveState(KEYS.builder, name);
  core.saveState(KEYS.cleanup, String(cleanup));
}
export function saveTempDir(path: string): void {
  core.saveState(KEYS.tempDir, path);
}
export function saveBuildxPath(path: string): void {
  core.saveState(KEYS.buildxPath, path);
}

export function readState(): PostState {
  return {
    builder: core.getState(KEYS.builder),
    cleanup: core.getState(KEYS.cleanup) !== 'false',
    tempDir: core.getState(KEYS.tempDir),
    buildxPath: core.getState(KEYS.buildxPath),
  };
}
