import type { ImportResult } from './types';
import { importName } from './import-sources';
import { missingStore } from '../buildx/parse/errors';

/**
 * The job's cache warnings: the failed export, then each failed import. A store this builder's
 * BuildKit does not have (s3 or azblob on the `docker` driver) is one cause, so it is one warning:
 * the export's, or the first import's when nothing was exported. Pure.
 */
export function cacheWarnings(
  exported: { status: string; reason: string },
  imports: ImportResult[],
): string[] {
  const warnings: string[] = [];
  const told = new Set<string>();
  if (exported.status === 'failed') {
    warnings.push(`cache export failed: ${exported.reason}`);
    const store = missingStore(exported.reason);
    if (store) told.add(store);
  }
  for (const i of imports.filter((x) => x.result === 'failed')) {
    const store = missingStore(i.error ?? '');
    if (store && told.has(store)) continue;
    if (store) told.add(store);
    warnings.push(`cache import from ${importName(i)} failed: ${i.error}`);
  }
  return warnings;
}
