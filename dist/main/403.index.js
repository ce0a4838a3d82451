"use strict";
exports.id = 403;
exports.ids = [403];
exports.modules = {

/***/ 96403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BACKEND_CLEANUP: () => (/* binding */ BACKEND_CLEANUP),
  cleanUpGoneRef: () => (/* binding */ cleanUpGoneRef),
  githubCacheFamilies: () => (/* binding */ githubCacheFamilies),
  namesInEntries: () => (/* binding */ namesInEntries),
  retainCommitCaches: () => (/* binding */ retainCommitCaches)
});

// EXTERNAL MODULE: ./src/lib/cache-entry.ts
var cache_entry = __webpack_require__(29152);
// EXTERNAL MODULE: ./src/stores/descriptors.ts
var descriptors = __webpack_require__(38152);
// EXTERNAL MODULE: ./src/plan/planner.ts + 1 modules
var planner = __webpack_require__(23594);
// EXTERNAL MODULE: ./src/runner/commands.ts
var commands = __webpack_require__(46342);
// EXTERNAL MODULE: ./src/cleanup/deletions.ts
var deletions = __webpack_require__(22063);
// EXTERNAL MODULE: ./src/stores/registry/session.ts + 1 modules
var registry_session = __webpack_require__(5761);
// EXTERNAL MODULE: ./src/stores/registry/tags.ts
var tags = __webpack_require__(64535);
// EXTERNAL MODULE: ./src/stores/registry/remove.ts
var remove = __webpack_require__(10430);
// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __webpack_require__(79112);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
;// CONCATENATED MODULE: ./src/github/rest.ts


/** A REST call GitHub refused or that did not reach it: `status` 0 when it never answered. */
class GitHubApiError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** One REST call: JSON in and out. Throws GitHubApiError with GitHub's own message. */
async function githubRequest(api, method, path) {
    const url = `${api.apiUrl.replace(/\/+$/, '')}${path}`;
    let res;
    try {
        res = await (api.fetchImpl ?? http/* httpFetch */.tX)(url, {
            method,
            headers: {
                Accept: 'application/vnd.github+json',
                Authorization: `Bearer ${api.token}`,
                'X-GitHub-Api-Version': '2022-11-28',
                'User-Agent': 'buildkit-cache-action',
            },
            signal: AbortSignal.timeout(api.timeoutMs ?? 10000),
        });
    }
    catch (e) {
        throw new GitHubApiError(0, (0,lib_text/* redactSecrets */.fp)(`${method} ${path}: ${(0,http/* failureText */.kY)(e)}`, [api.token]));
    }
    const text = await res.text();
    if (!res.ok) {
        let message = text.slice(0, 120);
        try {
            message = String(JSON.parse(text).message ?? message);
        }
        catch {
            // not JSON: the excerpt
        }
        // A server may echo the request's headers in its error body: the token never leaves as text.
        const said = (0,lib_text/* redactSecrets */.fp)(`${method} ${path}: HTTP ${res.status} ${message}`, [api.token]);
        throw new GitHubApiError(res.status, said);
    }
    return text === '' ? null : JSON.parse(text);
}

// EXTERNAL MODULE: ./src/lib/oci.ts
var oci = __webpack_require__(77950);
;// CONCATENATED MODULE: ./src/cleanup/registry.ts





const PARALLEL = 8;
/** Reading every tag's digest and deleting share one session: this bounds them all. */
const SESSION_TIMEOUT_MS = 30000;
async function eachLimited(items, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
    return out;
}
/**
 * When a cache manifest was written: the newest `buildkit/createdat` among its layers (BuildKit
 * annotates every layer of a cache with it). Null when none is there.
 */
function newestLayerTime(manifest) {
    const m = manifest;
    const descriptors = [
        ...(Array.isArray(m?.manifests) ? m.manifests : []),
        ...(Array.isArray(m?.layers) ? m.layers : []),
    ];
    let newest = null;
    for (const d of descriptors) {
        const t = Date.parse(String(d?.annotations?.['buildkit/createdat'] ?? ''));
        if (!Number.isNaN(t) && (newest === null || t > newest))
            newest = t;
    }
    return newest;
}
/** The cache repository's tags. Throws an Error with a reason fit for a warning. */
async function registryTags(image, dockerConfigDir) {
    const listed = await (0,tags/* listTags */.c)({ image, dockerConfigDir, timeoutMs: 10000 });
    if (listed.tags === null)
        throw new Error(listed.reason);
    return listed.tags;
}
/**
 * Every tag with the digest it points at (one HEAD each), so no tag is deleted whose manifest a
 * kept tag shares; for the tags `dated` picks, the manifest is read for its age. Throws an Error
 * with a reason fit for a warning.
 */
async function readRegistryTags(o) {
    const timeoutMs = o.timeoutMs ?? SESSION_TIMEOUT_MS;
    const session = (0,registry_session/* openRegistry */.Me)({
        image: o.image,
        dockerConfigDir: o.dockerConfigDir,
        signal: AbortSignal.timeout(timeoutMs),
        timeoutMs,
        // push: a tag another tag's manifest holds is moved to a placeholder before it goes.
        actions: 'pull,push,delete',
    });
    const { name } = session;
    const read = async (tag) => {
        const dated = o.dated(tag);
        const res = await session.send(`${session.origin}/v2/${name.repository}/manifests/${tag}`, {
            method: dated ? 'GET' : 'HEAD',
            headers: { Accept: oci/* MANIFEST_TYPES */._P },
        });
        const body = await res.text();
        if (res.status === 404)
            return { tag, digest: null, createdAt: null };
        if (!res.ok)
            throw new Error(`${session.where} answered HTTP ${res.status} for the tag ${tag}`);
        const digest = res.headers.get('docker-content-digest');
        if (!digest)
            throw new Error(`${session.where} sent no digest for the tag ${tag}`);
        let createdAt = null;
        if (dated) {
            try {
                createdAt = newestLayerTime(JSON.parse(body));
            }
            catch {
                createdAt = null;
            }
        }
        return { tag, digest, createdAt };
    };
    let found;
    try {
        found = await eachLimited(o.tags, read);
    }
    catch (e) {
        throw new Error((0,registry_session/* registryFailure */.MX)(e, { where: session.where, doing: 'reading tags', timeoutMs, redact: session.redact }));
    }
    const manifests = new Map();
    for (const f of found)
        if (f.digest)
            manifests.set(f.digest, [...(manifests.get(f.digest) ?? []), f.tag]);
    return {
        caches: found.filter((f) => f.digest).map((f) => ({ name: f.tag, createdAt: f.createdAt })),
        manifests: [...manifests].map(([id, tags]) => ({ id, tags })),
        session,
    };
}
/** GHCR keeps its images as packages: `ghcr.io/<owner>/<path>` is the container package `<path>` of `<owner>`. */
function ghcrPackage(image) {
    const m = /^ghcr\.io\/([^/]+)\/(.+)$/.exec(image.toLowerCase());
    return m ? { owner: m[1], name: m[2] } : null;
}
/**
 * The container package's versions (GitHub's Packages REST API): one per manifest, with its tags.
 * The owner is an organization or a user; the organization's path is tried first. Throws
 * GitHubApiError.
 */
async function listGhcr(api, pkg) {
    const encoded = encodeURIComponent(pkg.name);
    let base = `/orgs/${pkg.owner}/packages/container/${encoded}/versions`;
    const versions = [];
    for (let page = 1; page <= 20; page++) {
        let body;
        try {
            body = await githubRequest(api, 'GET', `${base}?per_page=100&page=${page}`);
        }
        catch (e) {
            if (page !== 1 || e.status !== 404 || base.startsWith('/users/'))
                throw e;
            base = `/users/${pkg.owner}/packages/container/${encoded}/versions`;
            body = await githubRequest(api, 'GET', `${base}?per_page=100&page=${page}`);
        }
        const list = (Array.isArray(body) ? body : []);
        versions.push(...list);
        if (list.length < 100)
            break;
    }
    const caches = [];
    const manifests = [];
    for (const v of versions) {
        const raw = v.metadata?.container?.tags;
        const tags = Array.isArray(raw) ? raw.filter((t) => typeof t === 'string') : [];
        const createdAt = v.created_at ? Date.parse(v.created_at) : NaN;
        for (const tag of tags)
            caches.push({ name: tag, createdAt: Number.isNaN(createdAt) ? null : createdAt });
        manifests.push({ id: String(v.id), tags });
    }
    return { caches, manifests, base };
}
async function deleteGhcrVersion(api, base, id) {
    await githubRequest(api, 'DELETE', `${base}/${id}`);
}
/**
 * One tag off a GHCR version that keeps other tags. The Packages API deletes versions, not tags:
 * the tag is moved to a placeholder over the registry API (a new version holding only that tag),
 * and that version is deleted. Returns a reason when it could not; throws GitHubApiError.
 */
async function removeGhcrTag(o) {
    const session = (0,registry_session/* openRegistry */.Me)({
        image: o.image,
        dockerConfigDir: o.configDir,
        signal: AbortSignal.timeout(SESSION_TIMEOUT_MS),
        timeoutMs: SESSION_TIMEOUT_MS,
        actions: 'pull,push',
    });
    let moved;
    try {
        moved = await (0,remove/* moveTagToPlaceholder */.EO)(session, o.tag, o.removed);
    }
    catch (e) {
        const doing = `moving the tag ${o.tag}`;
        return (0,registry_session/* registryFailure */.MX)(e, { ...session, doing, timeoutMs: SESSION_TIMEOUT_MS });
    }
    if ('reason' in moved)
        return moved.reason;
    // A version is named by its manifest's digest; the new one is among the newest.
    const versions = (await githubRequest(o.api, 'GET', `${o.base}?per_page=100&page=1`));
    const version = (Array.isArray(versions) ? versions : []).find((v) => v.name === moved.digest);
    if (!version)
        return `GHCR listed no version ${moved.digest} for the moved tag ${o.tag}`;
    await deleteGhcrVersion(o.api, o.base, String(version.id));
    return null;
}

// EXTERNAL MODULE: ./src/plan/names.ts
var plan_names = __webpack_require__(42471);
// EXTERNAL MODULE: ./src/stores/github-cache/keys.ts
var keys = __webpack_require__(99899);
;// CONCATENATED MODULE: ./src/cleanup/gha.ts


/** GitHub's limit per repository; past it, GitHub evicts the least recently used entries. */
/** GitHub's default repository cache limit; admins may raise it (billed), so it is only the default. */
const GHA_DEFAULT_LIMIT_BYTES = 10 * 1024 ** 3;
const PAGE = 100;
/** The git ref whose cache scope holds a ref's caches: where its runs wrote them. */
function gitRefOf(ref, defaultBranch) {
    switch (ref.kind) {
        case 'branch':
            return `refs/heads/${ref.name}`;
        case 'pr':
            return `refs/pull/${ref.number}/merge`;
        case 'sha':
            // Commit caches are written by pushes to the default branch.
            return `refs/heads/${defaultBranch}`;
    }
}
function entryOf(raw) {
    const e = raw;
    if (typeof e?.id !== 'number' || typeof e.key !== 'string')
        return null;
    return {
        id: e.id,
        ref: typeof e.ref === 'string' ? e.ref : '',
        key: e.key,
        createdAt: typeof e.created_at === 'string' ? Date.parse(e.created_at) : NaN,
        bytes: typeof e.size_in_bytes === 'number' ? e.size_in_bytes : 0,
    };
}
/**
 * The repository's cache entries whose key starts with `key`, in `ref` when given, every page
 * (at most `maxPages`). Throws GitHubApiError.
 */
async function listGhaEntries(api, repository, q) {
    const entries = [];
    let total = 0;
    for (let page = 1; page <= (q.maxPages ?? 50); page++) {
        const params = new URLSearchParams({ per_page: String(PAGE), page: String(page) });
        if (q.key)
            params.set('key', q.key);
        if (q.ref)
            params.set('ref', q.ref);
        if (q.sort) {
            params.set('sort', q.sort);
            params.set('direction', 'desc');
        }
        const body = (await githubRequest(api, 'GET', `/repos/${repository}/actions/caches?${params}`));
        const list = Array.isArray(body?.actions_caches) ? body.actions_caches : [];
        total = typeof body?.total_count === 'number' ? body.total_count : entries.length + list.length;
        for (const raw of list) {
            const e = entryOf(raw);
            if (e)
                entries.push(e);
        }
        if (list.length < PAGE || entries.length >= total)
            break;
    }
    return { entries, total };
}
async function deleteGhaEntry(api, repository, id) {
    await githubRequest(api, 'DELETE', `/repos/${repository}/actions/caches/${id}`);
}
async function ghaUsage(api, repository) {
    const body = (await githubRequest(api, 'GET', `/repos/${repository}/actions/cache/usage`));
    return {
        bytes: Number(body?.active_caches_size_in_bytes ?? 0),
        count: Number(body?.active_caches_count ?? 0),
    };
}
/**
 * The repository's cache limit where the API says it: GitHub Enterprise Server's
 * `GET /repos/{owner}/{repo}/actions/cache/usage-policy` (`repo_cache_size_limit_in_gb`). Null
 * where it cannot be read (github.com has no such endpoint): the limit is then unknown.
 */
async function ghaCacheLimitBytes(api, repository) {
    try {
        const body = (await githubRequest(api, 'GET', `/repos/${repository}/actions/cache/usage-policy`));
        const gb = Number(body?.repo_cache_size_limit_in_gb);
        return Number.isFinite(gb) && gb > 0 ? gb * 1024 ** 3 : null;
    }
    catch {
        return null;
    }
}
/** Entries by the cache name they belong to (one name may have several: `#1`, a mount per id, …). */
function entriesByName(entries) {
    const byName = new Map();
    for (const e of entries) {
        const name = (0,keys/* cacheNameOfKey */.OR)(e.key);
        if (name === null)
            continue;
        byName.set(name, [...(byName.get(name) ?? []), e]);
    }
    return byName;
}
/**
 * Layer blobs (`buildkit-blob-…`) of a ref's scope that nothing can read any more. BuildKit's
 * blobs are content-addressed and shared by every index that can read their scope; a ref's scope
 * is readable only by that ref's runs, so once the ref is gone and no index (of any image) is left
 * in its scope, its blobs are orphans. While another index remains there, they are kept: GitHub
 * expires them a week after their last use, least recently used first.
 */
function orphanedBlobs(remainingIndexes, blobs) {
    return remainingIndexes.length > 0 ? [] : blobs.filter((b) => b.key.startsWith(keys/* BLOB_KEY_PREFIX */.v8));
}
/** The refs holding the most bytes among the given entries, largest first. */
function bytesByRef(entries, top = 5) {
    const sums = new Map();
    for (const e of entries)
        sums.set(e.ref, (sums.get(e.ref) ?? 0) + e.bytes);
    return [...sums]
        .map(([ref, bytes]) => ({ ref, bytes }))
        .sort((a, b) => b.bytes - a.bytes || (a.ref < b.ref ? -1 : 1))
        .slice(0, top);
}

// EXTERNAL MODULE: ./src/cleanup/outcome.ts
var outcome = __webpack_require__(54604);
;// CONCATENATED MODULE: ./src/cleanup/gha-run.ts





/**
 * Deletes a gone ref's entries, or the commit caches past retention, from the GitHub cache: every
 * family's entries under the ref's git ref, grouped by cache name, planned by name (plan.ts).
 */
async function cleanUpGha(r) {
    const { ctx, api, target, scope, families, decide, out } = r;
    const repo = ctx.repository;
    const gitRef = target.kind === 'ref-gone' ? gitRefOf(target.ref, ctx.defaultBranch) : `refs/heads/${ctx.defaultBranch}`;
    const names = target.kind === 'ref-gone' ? `${(0,plan_names/* namespace */.MF)(scope, '')}.` : `${target.namespace}.sha-`;
    const listings = await Promise.all(families.map((f) => listGhaEntries(api, repo, { key: keys/* FAMILY_KEY_PREFIX */.ad[f](names), ref: gitRef }))).catch((e) => {
        throw Object.assign(e, { listing: true });
    });
    const byName = entriesByName(listings.flatMap((l) => l.entries));
    const plan = decide([...byName].map(([name, list]) => ({ name, createdAt: Math.min(...list.map((e) => e.createdAt)) })));
    let requests = 0;
    for (const d of plan.deletions) {
        if (!out.dryRun)
            for (const e of byName.get(d.name) ?? [])
                await deleteGhaEntry(api, repo, e.id);
        requests++;
        out.deleted.push(d);
    }
    // A gone ref's layer blobs: only its own runs could read them.
    if (families.includes('index') && target.kind === 'ref-gone' && !out.dryRun && requests < deletions/* MAX_DELETIONS */.Rw) {
        const remaining = await listGhaEntries(api, repo, { key: keys/* INDEX_KEY_PREFIX */.gR, ref: gitRef });
        const blobs = orphanedBlobs(remaining.entries, (await listGhaEntries(api, repo, { key: keys/* BLOB_KEY_PREFIX */.v8, ref: gitRef })).entries);
        const now = blobs.slice(0, deletions/* MAX_DELETIONS */.Rw - requests);
        for (const b of now)
            await deleteGhaEntry(api, repo, b.id);
        if (now.length > 0)
            out.notes.push(`${now.length} layer blobs of ${gitRef} deleted: no index is left to read them`);
        if (blobs.length > now.length) {
            out.notes.push(`${blobs.length - now.length} more blobs of ${gitRef} are left to GitHub's 7-day expiry`);
        }
    }
    if (!families.includes('index') && !families.includes('local'))
        return;
    out.quota = await ghaQuota(api, repo, scope, families).catch((e) => {
        out.notes.push(`cache usage not read: ${e.message}`);
        return null;
    });
    const warning = out.quota ? (0,outcome/* quotaWarning */.BY)(out.quota) : null;
    if (warning)
        out.warnings.push(warning);
}
async function ghaQuota(api, repo, scope, families) {
    const own = `${(0,plan_names/* namespace */.MF)(scope, '')}.`;
    const [limit, usage, largest, ...mine] = await Promise.all([
        ghaCacheLimitBytes(api, repo),
        ghaUsage(api, repo),
        listGhaEntries(api, repo, { sort: 'size_in_bytes', maxPages: 1 }),
        ...families.map((f) => listGhaEntries(api, repo, { key: keys/* FAMILY_KEY_PREFIX */.ad[f](own) })),
    ]);
    const scopeEntries = mine.flatMap((l) => l.entries).filter((e) => (0,keys/* cacheNameOfKey */.OR)(e.key)?.startsWith(own));
    return {
        repositoryBytes: usage.bytes,
        limitBytes: limit ?? GHA_DEFAULT_LIMIT_BYTES,
        limitKnown: limit !== null,
        scopeBytes: scopeEntries.reduce((n, e) => n + e.bytes, 0),
        largest: largest.entries.slice(0, 5).map((e) => ({ ref: e.ref, key: e.key, bytes: e.bytes })),
        refs: bytesByRef(largest.entries, 3),
    };
}

;// CONCATENATED MODULE: ./src/cleanup/run.ts









/** Each attribute that holds cache names in some store's entries, and how its value holds them. */
const nameAttributes = () => new Map(descriptors/* STORES */.ZZ.flatMap((store) => {
    const { attribute, names } = descriptors/* STORE */.er[store].location;
    return [
        [attribute.from, names],
        [attribute.to, names],
    ];
}));
/** The cache names inside BuildKit cache entries (`scope=`, `name=`, `ref=<image>:<tag>`, `src=`/`dest=`). */
function namesInEntries(entries) {
    const attributes = nameAttributes();
    const names = [];
    for (const entry of entries) {
        for (const { key, value } of (0,cache_entry/* cacheEntryFields */.S7)(entry))
            names.push(...(attributes.get(key)?.(value) ?? []));
    }
    return names;
}
/**
 * Carries out a clean-up against the run's backend: lists what exists, plans the deletions
 * (plan.ts), deletes them unless it is a dry run. Never throws: a refusal is a warning.
 */
async function cleanUp(ctx, inputs, environment, target, why, protect, listedTags) {
    const options = (0,planner/* planOptionsFrom */.kR)(inputs);
    const out = {
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
    const api = { apiUrl: ctx.apiUrl, token: inputs.githubToken };
    const decide = (existing) => {
        const p = (0,deletions/* planDeletions */.f$)({ target, scope: options.scope, existing, protect });
        out.kept.push(...p.kept);
        out.deferred.push(...p.deferred);
        return p;
    };
    // Mounts are saved under a branch or pull request, never a commit: retention has none to look at.
    const families = githubCacheFamilies(inputs).filter((f) => f !== 'mount' || target.kind === 'ref-gone');
    const backend = options.backend;
    const image = options.image ?? '';
    const ghcr = ghcrPackage(image) !== null;
    const run = {
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
    await (backend === 'none' ? nothingToCleanUp : BACKEND_CLEANUP[backend])(run).catch((e) => {
        // Retention is housekeeping: a backend that cannot be listed (down, already warned about by
        // the export) is a note; a refused permission is a warning, as on a clean-up run.
        reportFailure(out, refusal(e, backend, ghcr), target.kind === 'retention' && !refused(e));
    });
    // Cache mounts live in the GitHub cache whatever the layer cache's backend is.
    if (!ownsGithubEntries(families) && families.includes('mount') && inputs.githubToken) {
        await cleanUpGha({ ...run, families: ['mount'] }).catch((e) => {
            // A listing refused to a token without actions: read says nothing about mounts existing.
            const text = refusal(e, 'gha', false).replace('cache clean-up', 'cache mounts clean-up');
            reportFailure(out, text, e.listing === true || !refused(e));
        });
    }
    if (out.deferred.length > 0) {
        out.notes.push(`${out.deferred.length} more left for later runs (at most ${deletions/* MAX_DELETIONS */.Rw} per run)`);
    }
    return out;
}
const ownsGithubEntries = (families) => families.includes('index') || families.includes('local');
/** gha, and `cache: local` kept in the GitHub cache: the entries of every family, by name. */
async function cleanUpGithubCache(r) {
    if (!ownsGithubEntries(r.families))
        r.out.notes.push('cache-dir: the folder is yours to clean up');
    else if (!r.githubToken)
        r.out.notes.push('no github-token: the GitHub cache is not cleaned up');
    else
        await cleanUpGha(r);
}
/** GHCR through the Packages API; any other registry through the distribution API. */
async function cleanUpRegistry(r) {
    const image = r.image;
    const ghcr = ghcrPackage(image);
    if (ghcr && !r.githubToken) {
        r.out.notes.push("no github-token: GHCR's packages are not cleaned up");
        return;
    }
    const configDir = r.dockerConfigDir;
    if (ghcr) {
        const listed = await listGhcr(r.api, ghcr);
        const versions = {
            deleteManifest: (id) => deleteGhcrVersion(r.api, listed.base, id).then(() => null),
            removeTag: (tag, removed) => removeGhcrTag({ api: r.api, base: listed.base, image, configDir, tag, removed }),
        };
        return deleteManifests(r.decide(listed.caches), listed.manifests, r, versions);
    }
    // On a push to the default branch the planner listed the tags already (one listing per run).
    const tags = r.listedTags ?? (await registryTags(image, configDir));
    // Names alone tell whether anything is due: most runs stop here, before any digest is read.
    if (!(0,deletions/* deletionsDue */.y7)(r.target, r.scope, tags))
        return;
    const sha = r.target.kind === 'retention' ? `${r.target.namespace}.sha-` : null;
    const listed = await readRegistryTags({
        image,
        tags,
        dockerConfigDir: configDir,
        dated: (tag) => sha !== null && tag.startsWith(sha),
    });
    await deleteManifests(r.decide(listed.caches), listed.manifests, r, {
        deleteManifest: (digest) => (0,remove/* deleteManifest */.rW)(listed.session, digest),
        removeTag: (tag, removed, shared) => (0,remove/* removeTag */.b4)(listed.session, tag, removed, shared),
    });
}
async function leftToLifecycleRules(r) {
    r.out.notes.push(`${r.backend}: old caches are left to the bucket's lifecycle rules (see README)`);
}
async function nothingToCleanUp(r) {
    r.out.notes.push(`cache ${r.backend}: nothing to clean up`);
}
/** Who deletes what, per store (the store's other parts: stores/descriptors.ts). */
const BACKEND_CLEANUP = {
    gha: cleanUpGithubCache,
    local: cleanUpGithubCache,
    registry: cleanUpRegistry,
    s3: leftToLifecycleRules,
    azblob: leftToLifecycleRules,
    // The cache is part of the image: it goes with the image's tags, which are not the action's.
    inline: nothingToCleanUp,
};
const refused = (e) => [401, 403].includes(e.status ?? 0);
/** A failed clean-up: a warning, or a note where it is housekeeping that says nothing is wrong. */
function reportFailure(out, text, quiet) {
    if (quiet)
        out.notes.push(text);
    else
        out.warnings.push(text);
}
/** A refusal in one line, naming the permission the token lacks. */
function refusal(e, backend, ghcr) {
    const message = e?.message ?? String(e);
    if (refused(e)) {
        const permission = ghcr
            ? 'permissions: packages: write (and the repository given admin access to the package)'
            : 'permissions: actions: write';
        return `cache clean-up: the token may not delete (${message}); give the job ${permission}`;
    }
    return `cache clean-up on ${backend} failed: ${message}`;
}
/** What a placeholder names: the tag and the ref that went (lib/oci.ts). */
const removedLabel = (target, tag) => `${tag} (${target.kind === 'retention' ? 'an old commit cache' : (0,plan_names/* refLabel */.E3)(target.ref)})`;
async function deleteManifests(plan, manifests, r, store) {
    const out = r.out;
    const { remove: doomed, untag, kept } = (0,deletions/* manifestsToDelete */.Po)(plan.deletions, manifests);
    out.kept.push(...kept);
    for (const m of doomed) {
        const failed = out.dryRun ? null : await store.deleteManifest(m.id);
        if (failed)
            return void out.warnings.push(`cache clean-up: ${failed}`);
        out.deleted.push(...m.tags.map((name) => ({ name, why: m.why })));
    }
    for (const t of untag) {
        const failed = out.dryRun
            ? null
            : await store.removeTag(t.name, removedLabel(r.target, t.name), t.manifest);
        if (failed)
            return void out.warnings.push(`cache clean-up: ${failed}`);
        out.deleted.push({ name: t.name, why: t.why });
    }
}
/** Which kinds of GitHub cache entries this run's inputs make: what a clean-up there looks for. */
function githubCacheFamilies(inputs) {
    const families = [];
    if (inputs.cache.backend === 'gha')
        families.push('index');
    if (inputs.cache.persistLocal)
        families.push('local');
    if (inputs.mounts.selection.kind !== 'none')
        families.push('mount');
    return families;
}
function logOutcome(o) {
    const verb = o.dryRun ? 'would delete' : 'deleted';
    commands/* info */.pq(`cache clean-up: ${o.why}`);
    for (const d of o.deleted)
        commands/* info */.pq(`${verb} ${d.name}  # ${d.why}`);
    for (const k of o.kept)
        commands/* info */.pq(`kept ${k.name}  # ${k.why}`);
    for (const n of o.notes)
        commands/* info */.pq(`note: ${n}`);
    for (const w of o.warnings)
        commands/* warning */.$e(w);
}
/**
 * A closed pull request's or a deleted branch's caches: deletes them (unless a dry run) and says
 * what it did in the log. Building nothing and reporting it are the caller's.
 */
async function cleanUpGoneRef(ctx, inputs, environment, target, why) {
    const o = await cleanUp(ctx, inputs, environment, target, why, []);
    logOutcome(o);
    return o;
}
/**
 * Retention on a push to the default branch: the newest `cache-keep-commits` commit caches of
 * this namespace stay, older ones go, never one this run's plan reads or writes.
 */
async function retainCommitCaches(ctx, inputs, environment, plan) {
    const keep = inputs.cache.keepCommits;
    const written = namesInEntries(plan.cacheTo);
    const target = { kind: 'retention', namespace: plan.namespace, keep, written };
    const why = `push to ${ctx.defaultBranch}: keep the newest ${keep} commit caches`;
    const protect = namesInEntries([...plan.cacheFrom, ...plan.cacheTo]);
    // The planner's listing predates the export: the tags this run wrote are added to it (a tag
    // whose export failed is simply not found when its digest is read).
    const listed = plan.listedTags && [...new Set([...plan.listedTags, ...written])];
    return commands/* group */.Os('Cache retention', async () => {
        const o = await cleanUp(ctx, inputs, environment, target, why, protect, listed);
        logOutcome(o);
        return o;
    });
}


/***/ })

};
;
//# sourceMappingURL=403.index.js.map