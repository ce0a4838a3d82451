import { cacheEntryFields } from '../lib/cache-entry';
import type { RunContext } from '../github/context';
import type { BuildInputs, CacheInputs, MountInputs } from '../runner/inputs/types';
import type { RunnerEnvironment } from '../runner/environment';
import { STORE, STORES, type Store } from '../stores/descriptors';
import { planOptionsFrom, type CachePlan } from '../plan/planner';
import * as workflow from '../runner/commands';
import type { GitHubApi } from '../github/rest';
import type { EntryFamily } from '../stores/github-cache/keys';
import {
  type DeletionTarget,
  type DeletionPlan,
  type ExistingCache,
  deletionsDue,
  manifestsToDelete,
  MAX_DELETIONS,
  planDeletions,
  type TaggedManifest,
} from './deletions';
import {
  deleteGhcrVersion,
  ghcrPackage,
  listGhcr,
  readRegistryTags,
  registryTags,
  removeGhcrTag,
} from './registry';
import { deleteManifest, removeTag } from '../stores/registry/remove';
import type { CleanupOutcome } from './outcome';
import { cleanUpGha, type GhaCleanup } from './gha-run';
import { refLabel } from '../plan/names';

/** What a clean-up reads of the inputs: the cache and build inputs (the plan's options), the mounts, the token. */
export interface CleanupInputs {
  cache: CacheInputs;
  build: BuildInputs;
  mounts: MountInputs;
  githubToken: string;
  dryRun: boolean;
}

/** What a clean-up reads of the runner's environment: docker's config, for the registry's credentials. */
export type CleanupEnvironment = Pick<RunnerEnvironment, 'docker'>;

/** Each attribute that holds cache names in some store's entries, and how its value holds them. */
const nameAttributes = () =>
  new Map(
    STORES.flatMap((store) => {
      const { attribute, names } = STORE[store].location;
      return [
        [attribute.from, names],
        [attribute.to, names],
      ] as const;
    }),
  );

/** The cache names inside BuildKit cache entries (`scope=`, `name=`, `ref=<image>:<tag>`, `src=`/`dest=`). */
export function namesInEntries(entries: string[]): string[] {
  const attributes = nameAttributes();
  const names: string[] = [];
  for (const entry of entries) {
    for (const { key, value } of cacheEntryFields(entry)) names.push(...(attributes.get(key)?.(value) ?? []));
  }
  return names;
}

/**
 * Carries out a clean-up against the run's backend: lists what exists, plans the deletions
 * (plan.ts), deletes them unless it is a dry run. Never throws: a refusal is a warning.
 */
async function cleanUp(
  ctx: RunContext,
  inputs: CleanupInputs,
  environment: CleanupEnvironment,
  target: DeletionTarget,
  why: string,
  protect: string[],
  listedTags?: string[],
): Promise<CleanupOutcome> {
  const options = planOptionsFrom(inputs);
  const out: CleanupOutcome = {
    kind: target.kind,
    why,
    dryRun: inputs.dryRun,
    deleted: [],
    kept: [],
    deferred: [],
    notes: [],
    warnings: [],
    quota: null,
  };
  const api: GitHubApi = { apiUrl: ctx.apiUrl, token: inputs.githubToken };
  const decide = (existing: ExistingCache[]): DeletionPlan => {
    const p = planDeletions({ target, scope: options.scope, existing, protect });
    out.kept.push(...p.kept);
    out.deferred.push(...p.deferred);
    return p;
  };
  // Mounts are saved under a branch or pull request, never a commit: retention has none to look at.
  const families = githubCacheFamilies(inputs).filter((f) => f !== 'mount' || target.kind === 'ref-gone');
  const backend = options.backend;
  const image = options.image ?? '';
  const ghcr = ghcrPackage(image) !== null;
  const run: BackendRun = {
    ctx,
    githubToken: inputs.githubToken,
    dockerConfigDir: environment.docker.configDir,
    api,
    target,
    scope: options.scope,
    backend,
    image,
    families,
    decide,
    out,
    ...(listedTags ? { listedTags } : {}),
  };
  await (backend === 'none' ? nothingToCleanUp : BACKEND_CLEANUP[backend])(run).catch((e: unknown) => {
    // Retention is housekeeping: a backend that cannot be listed (down, already warned about by
    // the export) is a note; a refused permission is a warning, as on a clean-up run.
    reportFailure(out, refusal(e, backend, ghcr), target.kind === 'retention' && !refused(e));
  });
  // Cache mounts live in the GitHub cache whatever the layer cache's backend is.
  if (!ownsGithubEntries(families) && families.includes('mount') && inputs.githubToken) {
    await cleanUpGha({ ...run, families: ['mount'] }).catch((e: unknown) => {
      // A listing refused to a token without actions: read says nothing about mounts existing.
      const text = refusal(e, 'gha', false).replace('cache clean-up', 'cache mounts clean-up');
      reportFailure(out, text, (e as { listing?: boolean }).listing === true || !refused(e));
    });
  }
  if (out.deferred.length > 0) {
    out.notes.push(`${out.deferred.length} more left for later runs (at most ${MAX_DELETIONS} per run)`);
  }
  return out;
}

/** What one backend's clean-up works with. */
export interface BackendRun extends GhaCleanup {
  githubToken: string;
  dockerConfigDir: string;
  backend: Store | 'none';
  /** The registry cache image (`cache-image`, else the first tag's repository). */
  image: string;
  /** The registry's tags when the planner listed them already. */
  listedTags?: string[];
}

const ownsGithubEntries = (families: EntryFamily[]) =>
  families.includes('index') || families.includes('local');

/** gha, and `cache: local` kept in the GitHub cache: the entries of every family, by name. */
async function cleanUpGithubCache(r: BackendRun): Promise<void> {
  if (!ownsGithubEntries(r.families)) r.out.notes.push('cache-dir: the folder is yours to clean up');
  else if (!r.githubToken) r.out.notes.push('no github-token: the GitHub cache is not cleaned up');
  else await cleanUpGha(r);
}

/** GHCR through the Packages API; any other registry through the distribution API. */
async function cleanUpRegistry(r: BackendRun): Promise<void> {
  const image = r.image;
  const ghcr = ghcrPackage(image);
  if (ghcr && !r.githubToken) {
    r.out.notes.push("no github-token: GHCR's packages are not cleaned up");
    return;
  }
  const configDir = r.dockerConfigDir;
  if (ghcr) {
    const listed = await listGhcr(r.api, ghcr);
    const versions: TagStore = {
      deleteManifest: (id) => deleteGhcrVersion(r.api, listed.base, id).then(() => null),
      removeTag: (tag, removed) =>
        removeGhcrTag({ api: r.api, base: listed.base, image, configDir, tag, removed }),
    };
    return deleteManifests(r.decide(listed.caches), listed.manifests, r, versions);
  }
  // On a push to the default branch the planner listed the tags already (one listing per run).
  const tags = r.listedTags ?? (await registryTags(image, configDir));
  // Names alone tell whether anything is due: most runs stop here, before any digest is read.
  if (!deletionsDue(r.target, r.scope, tags)) return;
  const sha = r.target.kind === 'retention' ? `${r.target.namespace}.sha-` : null;
  const listed = await readRegistryTags({
    image,
    tags,
    dockerConfigDir: configDir,
    dated: (tag) => sha !== null && tag.startsWith(sha),
  });
  await deleteManifests(r.decide(listed.caches), listed.manifests, r, {
    deleteManifest: (digest) => deleteManifest(listed.session, digest),
    removeTag: (tag, removed, shared) => removeTag(listed.session, tag, removed, shared),
  });
}

async function leftToLifecycleRules(r: BackendRun): Promise<void> {
  r.out.notes.push(`${r.backend}: old caches are left to the bucket's lifecycle rules (see README)`);
}

async function nothingToCleanUp(r: BackendRun): Promise<void> {
  r.out.notes.push(`cache ${r.backend}: nothing to clean up`);
}

/** Who deletes what, per store (the store's other parts: stores/descriptors.ts). */
export const BACKEND_CLEANUP: Record<Store, (r: BackendRun) => Promise<void>> = {
  gha: cleanUpGithubCache,
  local: cleanUpGithubCache,
  registry: cleanUpRegistry,
  s3: leftToLifecycleRules,
  azblob: leftToLifecycleRules,
  // The cache is part of the image: it goes with the image's tags, which are not the action's.
  inline: nothingToCleanUp,
};

const refused = (e: unknown) => [401, 403].includes((e as { status?: number }).status ?? 0);

/** A failed clean-up: a warning, or a note where it is housekeeping that says nothing is wrong. */
function reportFailure(out: CleanupOutcome, text: string, quiet: boolean): void {
  if (quiet) out.notes.push(text);
  else out.warnings.push(text);
}

/** A refusal in one line, naming the permission the token lacks. */
function refusal(e: unknown, backend: string, ghcr: boolean): string {
  const message = (e as Error)?.message ?? String(e);
  if (refused(e)) {
    const permission = ghcr
      ? 'permissions: packages: write (and the repository given admin access to the package)'
      : 'permissions: actions: write';
    return `cache clean-up: the token may not delete (${message}); give the job ${permission}`;
  }
  return `cache clean-up on ${backend} failed: ${message}`;
}

/** How one store deletes: a whole manifest (digest or package version), or one tag off a shared one. */
interface TagStore {
  deleteManifest(id: string): Promise<string | null>;
  /** `manifest`: the one the tag shares with a kept tag, which stays. */
  removeTag(tag: string, removed: string, manifest: string): Promise<string | null>;
}

/** What a placeholder names: the tag and the ref that went (lib/oci.ts). */
const removedLabel = (target: DeletionTarget, tag: string) =>
  `${tag} (${target.kind === 'retention' ? 'an old commit cache' : refLabel(target.ref)})`;

async function deleteManifests(
  plan: DeletionPlan,
  manifests: TaggedManifest[],
  r: Pick<BackendRun, 'out' | 'target'>,
  store: TagStore,
): Promise<void> {
  const out = r.out;
  const { remove: doomed, untag, kept } = manifestsToDelete(plan.deletions, manifests);
  out.kept.push(...kept);
  for (const m of doomed) {
    const failed = out.dryRun ? null : await store.deleteManifest(m.id);
    if (failed) return void out.warnings.push(`cache clean-up: ${failed}`);
    out.deleted.push(...m.tags.map((name) => ({ name, why: m.why })));
  }
  for (const t of untag) {
    const failed = out.dryRun
      ? null
      : await store.removeTag(t.name, removedLabel(r.target, t.name), t.manifest);
    if (failed) return void out.warnings.push(`cache clean-up: ${failed}`);
    out.deleted.push({ name: t.name, why: t.why });
  }
}

/** Which kinds of GitHub cache entries this run's inputs make: what a clean-up there looks for. */
export function githubCacheFamilies(inputs: Pick<CleanupInputs, 'cache' | 'mounts'>): EntryFamily[] {
  const families: EntryFamily[] = [];
  if (inputs.cache.backend === 'gha') families.push('index');
  if (inputs.cache.persistLocal) families.push('local');
  if (inputs.mounts.selection.kind !== 'none') families.push('mount');
  return families;
}

function logOutcome(o: CleanupOutcome): void {
  const verb = o.dryRun ? 'would delete' : 'deleted';
  workflow.info(`cache clean-up: ${o.why}`);
  for (const d of o.deleted) workflow.info(`${verb} ${d.name}  # ${d.why}`);
  for (const k of o.kept) workflow.info(`kept ${k.name}  # ${k.why}`);
  for (const n of o.notes) workflow.info(`note: ${n}`);
  for (const w of o.warnings) workflow.warning(w);
}

/**
 * A closed pull request's or a deleted branch's caches: deletes them (unless a dry run) and says
 * what it did in the log. Building nothing and reporting it are the caller's.
 */
export async function cleanUpGoneRef(
  ctx: RunContext,
  inputs: CleanupInputs,
  environment: CleanupEnvironment,
  target: DeletionTarget,
  why: string,
): Promise<CleanupOutcome> {
  const o = await cleanUp(ctx, inputs, environment, target, why, []);
  logOutcome(o);
  return o;
}

/**
 * Retention on a push to the default branch: the newest `cache-keep-commits` commit caches of
 * this namespace stay, older ones go, never one this run's plan reads or writes.
 */
export async function retainCommitCaches(
  ctx: RunContext,
  inputs: CleanupInputs,
  environment: CleanupEnvironment,
  plan: CachePlan,
): Promise<CleanupOutcome | null> {
  const keep = inputs.cache.keepCommits;
  const written = namesInEntries(plan.cacheTo);
  const target: DeletionTarget = { kind: 'retention', namespace: plan.namespace, keep, written };
  const why = `push to ${ctx.defaultBranch}: keep the newest ${keep} commit caches`;
  const protect = namesInEntries([...plan.cacheFrom, ...plan.cacheTo]);
  // The planner's listing predates the export: the tags this run wrote are added to it (a tag
  // whose export failed is simply not found when its digest is read).
  const listed = plan.listedTags && [...new Set([...plan.listedTags, ...written])];
  return workflow.group('Cache retention', async () => {
    const o = await cleanUp(ctx, inputs, environment, target, why, protect, listed);
    logOutcome(o);
    return o;
  });
}
