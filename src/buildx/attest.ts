import { parse as parseCsv } from 'csv-parse/sync';
import type { BuildInputs } from '../runner/inputs/types';
import { parseBool } from '../lib/text';

/**
 * The `--attest` arguments, as build-push-action makes them from `provenance`, `sbom` and
 * `attests`. Pure. Provenance names this run as its builder (`builder-id=<server>/<repo>/actions/
 * runs/<id>/attempts/<n>`); with no provenance asked for, the run gets build-push-action's default
 * (`mode=max` for a public repository, `mode=min,inline-only=true` for a private one) where the
 * builder can attest and the image is not loaded into docker.
 */
export interface AttestFacts {
  /** buildx takes `--attest` (0.10 or newer): without it, none is passed, the default neither. */
  enabled: boolean;
  /** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>` */
  builderId: string;
  privateRepository: boolean;
  /** BUILDX_NO_DEFAULT_ATTESTATIONS is true. */
  noDefault: boolean;
  /** The builder's BuildKit attests (0.11 or newer, or not known to be older). */
  builderAttests: boolean;
}

type AttestInputs = Pick<BuildInputs, 'provenance' | 'sbom' | 'attests' | 'outputs' | 'load'>;

/** `type=provenance,…` fields of one attestation entry, as buildx splits them. */
function fields(entry: string): string[] {
  try {
    const rows = parseCsv(entry, { delimiter: ',', trim: true, relaxColumnCount: true }) as string[][];
    return rows.flat();
  } catch {
    return entry.split(',').map((f) => f.trim());
  }
}

export function attestationType(entry: string): string {
  const type = fields(entry).find((f) => f.startsWith('type='));
  return type ? type.slice('type='.length).trim() : '';
}

/** `true` / `false` fields become `disabled=false` / `disabled=true`, as buildx reads them. */
export function normalizeAttestation(entry: string): string {
  return fields(entry)
    .map((f) => {
      const b = parseBool(f);
      return b === null ? f : `disabled=${!b}`;
    })
    .join(',');
}

/** Adds this run's builder id to provenance attributes that name none. */
export function withBuilderId(attrs: string, builderId: string): string {
  if (attrs === '') return `builder-id=${builderId}`;
  const named = fields(attrs).some((f) => f.split('=')[0].trim() === 'builder-id');
  return named ? attrs : `${attrs},builder-id=${builderId}`;
}

/** The `provenance` input: `true` is this run's builder id, `false` stays, attributes gain the id. */
export function provenanceAttrs(input: string, builderId: string): string {
  const b = parseBool(input);
  if (b === true) return `builder-id=${builderId}`;
  if (b === false) return 'false';
  return withBuilderId(input, builderId);
}

/** An output that does not leave an image in docker: any but `type=docker` (or `load`). */
function loadsIntoDocker(b: AttestInputs): boolean {
  return b.load || b.outputs.some((o) => fields(o).some((f) => f.replace(/\s/g, '') === 'type=docker'));
}

export function attestArgs(b: AttestInputs, facts: AttestFacts): string[] {
  const args: string[] = [];
  const typed = b.attests.map((a) => ({ entry: a, type: attestationType(a) }));
  const provenanceSet = b.provenance !== '';
  if (provenanceSet) {
    args.push(normalizeAttestation(`type=provenance,${provenanceAttrs(b.provenance, facts.builderId)}`));
  } else if (
    !typed.some((a) => a.type === 'provenance') &&
    !facts.noDefault &&
    facts.builderAttests &&
    !loadsIntoDocker(b)
  ) {
    const mode = facts.privateRepository ? 'mode=min,inline-only=true' : 'mode=max';
    args.push(`type=provenance,${mode},builder-id=${facts.builderId}`);
  }
  const sbomSet = b.sbom !== '';
  if (sbomSet) args.push(normalizeAttestation(`type=sbom,${b.sbom}`));
  // `provenance` and `sbom` take precedence over an entry of the same type in `attests`.
  for (const { entry, type } of typed) {
    if (type === 'provenance') {
      if (!provenanceSet) args.push(withBuilderId(entry, facts.builderId));
    } else if (type === 'sbom') {
      if (!sbomSet) args.push(entry);
    } else {
      args.push(normalizeAttestation(entry));
    }
  }
  return args.flatMap((a) => ['--attest', a]);
}

/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>` */
export function builderIdOf(ctx: {
  serverUrl: string;
  repository: string;
  runId: string;
  runAttempt: string;
}): string {
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`;
}
