import { isRateLimitedReason } from '../stores/github-cache/rate-limit';
import type { Exec } from '../lib/exec';
import { cacheScopesFromToken } from '../github/runtime-token';
import { lookUpGhaCaches } from '../stores/github-cache/lookup';
import type { Store } from '../stores/descriptors';
import type { RunnerEnvironment, StoreCredentials } from '../runner/environment';
import { listTags, manifestsExist } from '../stores/registry/tags';
import { siblingLegsFromTags } from '../plan/names';
import {
  type Existence,
  ghaExistence,
  ghaNameOf,
  localExistence,
  manifestExistence,
  registryExistence,
  registryTagOf,
} from '../plan/narrow';
import type { PlanOptions } from '../plan/planner';
import { eachAtOnce, OnePerKey } from './probe';

/** What the backend tells before the build: which sources exist, which legs have caches. */
export interface ExistingCaches {
  exists: Existence;
  /** Sibling matrix legs found with caches of their own (registry tags). */
  siblingLegs: string[];
  /** Every leg found with caches (registry tags), this one included: the siblings of each bake target. */
  legs?: string[];
  /** The registry's tags, when they were listed (handed on to retention: one listing per run). */
  tags?: string[];
  /** Why some or all of it is unknown, when a check failed. */
  note?: string;
  /** Said as a warning: GitHub's rate limit stopped the lookups (they gave up within their bound). */
  warning?: string;
  /**
   * A check failed: what it would have told is unknown (narrow.ts then reads the likeliest sources).
   * `no-answer`: it got no answer within its bound (a timeout, or rate-limited until it gave up):
   * BuildKit's import would wait on that store the same way, so the unknown sources are not read.
   */
  failed?: true | 'no-answer';
  /**
   * Backends asked per entry (gha, s3, azblob, a registry that refuses the tag list): checks
   * these entries, each once, once the plan's reads are known.
   */
  probe?: (entries: string[]) => Promise<void>;
}

/**
 * Existence for a backend asked per entry, once the plan's reads are known: `probe` asks about
 * the entries (each once), then the note says what was asked and the check counts as failed when
 * any lookup could not tell.
 */
export function probedCaches(o: {
  lookups: OnePerKey;
  exists: Existence;
  /** The entry's key for the lookup; undefined for an entry this backend does not know. */
  keyOf: (entry: string) => string | undefined;
  note?: string;
  noteAfter: (reason: string | undefined) => string | undefined;
}): ExistingCaches {
  const found: ExistingCaches = {
    exists: o.exists,
    siblingLegs: [],
    note: o.note,
    probe: async (entries) => {
      const reason = await o.lookups.ask(entries.map(o.keyOf));
      found.note = o.noteAfter(reason) ?? found.note;
      if (reason) found.failed = failureKind(reason);
      if (reason && isRateLimitedReason(reason)) {
        found.warning = `cache lookups ${reason}; the caches they were for count as unknown`;
      }
    },
  };
  return found;
}

/** What the checks take from the runner's environment: the cache service, docker's config, store credentials. */
export type ExistenceEnvironment = Pick<RunnerEnvironment, 'cache' | 'docker' | 'stores'>;

type ExistenceCheck = (
  options: PlanOptions,
  environment: ExistenceEnvironment,
  fileExists: (file: string) => boolean,
  exec?: Exec,
) => Promise<ExistingCaches>;

/** A check's failure that says the store does not answer (see {@link ExistingCaches.failed}). */
export function failureKind(reason: string): true | 'no-answer' {
  return /\btimed out\b|\bno answer within\b/.test(reason) || isRateLimitedReason(reason)
    ? 'no-answer'
    : true;
}

const unknown = (): ExistingCaches => ({ exists: () => undefined, siblingLegs: [] });

/** The repository's tags, listed once; a registry that refuses the listing is asked `HEAD` per tag. */
const registryCaches: ExistenceCheck = async (options, environment, _fileExists, exec) => {
  const image = options.image;
  if (!image) return unknown();
  const dir = environment.docker.configDir;
  // The build waits for the plan: a registry that does not answer soon costs 5 s, not more.
  const listed = await listTags({ image, dockerConfigDir: dir, timeoutMs: 5000, exec });
  if (listed.tags !== null) {
    const legs = options.leg === '' ? [] : siblingLegsFromTags(listed.tags, options.scope, options.leg);
    return {
      exists: registryExistence(listed.tags),
      siblingLegs: legs,
      legs: siblingLegsFromTags(listed.tags, options.scope, ''),
      tags: listed.tags,
    };
  }
  const notListed = `cache tags not listed (${listed.reason})`;
  if (!listed.refused) {
    const note = `${notListed}: which caches exist is unknown`;
    return { exists: () => undefined, siblingLegs: [], note, failed: failureKind(listed.reason) };
  }
  const heads = new OnePerKey((tags) => manifestsExist({ image, tags, dockerConfigDir: dir, exec }));
  return probedCaches({
    lookups: heads,
    exists: manifestExistence(heads.found),
    keyOf: registryTagOf,
    note: `${notListed}: each planned tag is asked for with HEAD`,
    noteAfter: (reason) =>
      `${notListed}: each planned tag was asked for with HEAD${reason ? `; some could not be asked for (${reason})` : ''}`,
  });
};

/** Each planned cache name's index, looked up as BuildKit's gha importer looks it up. */
const ghaCaches: ExistenceCheck = async (_options, environment) => {
  const { service, token } = environment.cache;
  if (!token || !service) return unknown();
  const tokenScopes = cacheScopesFromToken(token)?.map((s) => s.scope) ?? null;
  const lookups = new OnePerKey((names) => lookUpGhaCaches({ service, token, names, tokenScopes }));
  return probedCaches({
    lookups,
    exists: ghaExistence(lookups.found),
    keyOf: ghaNameOf,
    noteAfter: (reason) =>
      reason && `some gha caches could not be looked up (${reason}): they count as unknown`,
  });
};

/** The folders; folders kept in the GitHub cache are not on disk yet, so they stay unknown. */
const localCaches: ExistenceCheck = async (options, _environment, fileExists) =>
  options.persistedLocal ? unknown() : { exists: localExistence(fileExists), siblingLegs: [] };

/** The request that BuildKit's importer makes first, one per source (stores/s3, stores/azblob). */
const objectStoreCaches =
  (
    load: () => Promise<
      (entry: string, credentials: StoreCredentials) => ReturnType<Parameters<typeof eachAtOnce>[0]>
    >,
  ): ExistenceCheck =>
  async (_options, environment) => {
    // Loaded inside the check, so that a module that fails to load is a check that failed.
    const lookups = new OnePerKey(eachAtOnce(async (entry) => (await load())(entry, environment.stores)));
    return probedCaches({
      lookups,
      exists: (entry) => lookups.found.get(entry),
      keyOf: (entry) => entry,
      noteAfter: (reason) =>
        reason && `cache existence not checked (${reason}): those sources count as unknown`,
    });
  };

/** The image's own tags hold an inline cache: nothing is asked before the build. */
const inlineCaches: ExistenceCheck = async () => unknown();

/**
 * Per store, how it tells which caches exist (the store's other parts: stores/descriptors.ts).
 * The cloud stores' modules, and their SDKs, are loaded on their own runs only.
 */
export const EXISTENCE: Record<Store, ExistenceCheck> = {
  registry: registryCaches,
  gha: ghaCaches,
  local: localCaches,
  s3: objectStoreCaches(async () => {
    const { s3ManifestExists } = await import('../stores/s3/exists');
    return (entry, credentials) => s3ManifestExists(entry, credentials.aws);
  }),
  azblob: objectStoreCaches(async () => {
    const { azblobManifestExists } = await import('../stores/azblob/exists');
    return (entry, credentials) => azblobManifestExists(entry, credentials.azureStorageKey);
  }),
  inline: inlineCaches,
};

/**
 * Finds out, by the backend's own means and with the requests its importer makes, which caches
 * exist. A check that fails costs nothing but that knowledge (see plan/narrow.ts for what is read
 * then).
 */
export async function findExistingCaches(
  options: PlanOptions,
  environment: ExistenceEnvironment,
  fileExists: (file: string) => boolean,
  exec?: Exec,
): Promise<ExistingCaches> {
  if (options.backend === 'none') return unknown();
  return EXISTENCE[options.backend](options, environment, fileExists, exec);
}
