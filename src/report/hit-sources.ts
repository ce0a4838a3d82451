import type { BuilderNature } from '../plan/builder-kind';
import { importName } from './import-sources';
import type { BuilderReport, HitSources, ImportResult } from './types';

/**
 * Where the cached steps came from. BuildKit looks in the builder's own cache before the imports
 * and marks a step `cached` either way, so the split is told only where one side is empty: no
 * source imported (all the builder's), or a builder that held nothing of this build (all the
 * imports'). Pure.
 */
export function hitSources(
  nature: BuilderNature,
  imports: ImportResult[],
  cachedSteps: number,
): HitSources | null {
  if (cachedSteps === 0) return null;
  const imported = imports.filter((i) => i.result === 'imported');
  const names =
    imported.map(importName).join(', ') +
    (imported.length > 1 ? '; BuildKit does not tell which of them gave each step' : '');
  const steps = `${cachedSteps} cached ${cachedSteps === 1 ? 'step' : 'steps'}`;
  if (imported.length === 0) {
    return {
      fromBuilder: cachedSteps,
      fromImports: 0,
      text: `all ${steps} came from the builder's own cache: no source was imported`,
    };
  }
  const heldNothing =
    nature.kind === 'ephemeral'
      ? 'the builder is new to this job'
      : nature.warmth?.warm === false
        ? 'the builder had not built this before'
        : '';
  if (heldNothing) {
    return {
      fromBuilder: 0,
      fromImports: cachedSteps,
      text: `all ${steps} came from the imports (${names}): ${heldNothing}`,
    };
  }
  return {
    fromBuilder: null,
    fromImports: null,
    text:
      `the builder had built this before and BuildKit looks in its own cache first: the ${steps} came from it, ` +
      `and from the imports (${names}) for what it lacked; BuildKit does not count them apart`,
  };
}

/** The report's builder part: who built, what kind, and where the hits came from. */
export function builderReport(
  b: { name: string; driver: string; nature: BuilderNature },
  imports: ImportResult[],
  cachedSteps: number,
): BuilderReport {
  return {
    name: b.name,
    driver: b.driver,
    kind: b.nature.kind,
    why: b.nature.why,
    warmth: b.nature.warmth,
    hits: hitSources(b.nature, imports, cachedSteps),
  };
}
