"use strict";
exports.id = 707;
exports.ids = [707];
exports.modules = {

/***/ 15707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s3ManifestExists: () => (/* binding */ s3ManifestExists)
});

// UNUSED EXPORTS: s3ManifestUrl

// EXTERNAL MODULE: ./src/lib/cache-entry.ts
var cache_entry = __webpack_require__(29152);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
;// CONCATENATED MODULE: ./src/net/head.ts

/**
 * One signed `HEAD`: 200 is "exists", 404 "does not"; any other answer, a timeout or a failed
 * connection cannot tell, and the reason says which (`what` names the store, never a secret).
 */
async function headExists(url, headers, what, o = {}) {
    try {
        const res = await (o.fetchImpl ?? http/* httpFetch */.tX)(url, {
            method: 'HEAD',
            headers,
            signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
        });
        if (res.status === 200)
            return { exists: true };
        if (res.status === 404)
            return { exists: false };
        return { exists: undefined, reason: `${what} answered HTTP ${res.status}` };
    }
    catch (e) {
        const name = e?.name;
        const why = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : (0,http/* failureText */.kY)(e);
        return { exists: undefined, reason: `${what} failed: ${why}` };
    }
}

;// CONCATENATED MODULE: ./src/stores/s3/proxied-handler.ts

/**
 * The HTTP handler for the calls the AWS credential chain makes itself (STS for web identity and
 * roles, SSO): through the runner's proxy unless NO_PROXY names the host, with the same agents as
 * every other request of the action (`net/http`'s, from `@actions/http-client`). smithy's handler
 * keeps an agent only when it is an `http.Agent` or has a `destroy()`; the toolkit's tunnel agent
 * is neither and would be swapped for a direct one, so it gets a `destroy()` that does nothing
 * (its sockets end with their request).
 */
class ProxiedHandler {
    agentOf;
    makeHandler;
    metadata = { handlerProtocol: 'http/1.1' };
    byOrigin = new Map();
    constructor(agentOf, makeHandler) {
        this.agentOf = agentOf;
        this.makeHandler = makeHandler;
    }
    async handle(request, options) {
        const origin = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
        let handler = this.byOrigin.get(origin);
        if (!handler) {
            handler = this.agentOf(origin).then((found) => {
                const agent = found && withDestroy(found);
                return this.makeHandler(request.protocol === 'https:' ? { httpsAgent: agent } : { httpAgent: agent });
            });
            this.byOrigin.set(origin, handler);
        }
        return (await handler).handle(request, options);
    }
    updateHttpClientConfig() { }
    httpHandlerConfigs() {
        return {};
    }
    destroy() {
        for (const handler of this.byOrigin.values())
            void handler.then((h) => h.destroy());
    }
}
function withDestroy(agent) {
    if (typeof agent.destroy !== 'function')
        Object.assign(agent, { destroy: () => { } });
    return agent;
}
/** The handler for the credential chain's clients, loaded with the s3 check; undefined without a proxy. */
async function credentialChainHandler() {
    if (!(0,http/* proxyConfigured */.$o)())
        return undefined;
    const { NodeHttpHandler } = await Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(422), __webpack_require__.e(660)]).then(__webpack_require__.t.bind(__webpack_require__, 61279, 19));
    return new ProxiedHandler(http/* agentFor */.Pf, (agents) => new NodeHttpHandler(agents));
}

;// CONCATENATED MODULE: ./src/stores/s3/exists.ts




/**
 * The AWS SDK's default chain on the runner, the one buildx reads and forwards to BuildKit:
 * environment, shared config and credentials files (`AWS_PROFILE`), SSO, web identity, ECS
 * container and EC2 instance metadata. It reads `process.env` itself, as the SDK does. Loaded on
 * the first s3 check only: gha and registry runs never load the SDK. From the chain's own package:
 * `@aws-sdk/credential-providers` would also bundle providers the check never calls (Cognito, STS roles).
 */
async function credentialsFromChain(timeoutMs) {
    const [{ defaultProvider }, requestHandler] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(422), __webpack_require__.e(660), __webpack_require__.e(118), __webpack_require__.e(861)]).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19)),
        credentialChainHandler(),
    ]);
    // The metadata services get one short try: an instance without a role must not hold the build.
    // STS and SSO go through the runner's proxy, as the action's own calls do.
    return defaultProvider({
        timeout: Math.min(timeoutMs, 1000),
        maxRetries: 0,
        ...(requestHandler ? { clientConfig: { requestHandler } } : {}),
    })();
}
/** The headers of a `HEAD` on `url`, signed by the SDK's own Signature Version 4 signer. */
async function signedHead(url, region, credentials) {
    const [{ SignatureV4 }, { Hash }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(422), __webpack_require__.e(118)]).then(__webpack_require__.t.bind(__webpack_require__, 75118, 19)),
        Promise.all(/* import() */[__webpack_require__.e(430), __webpack_require__.e(92)]).then(__webpack_require__.bind(__webpack_require__, 5092)),
    ]);
    // S3 signs the path as sent (already escaped once), not escaped again as other services are.
    const signer = new SignatureV4({
        service: 's3',
        region,
        credentials,
        sha256: Hash.bind(null, 'sha256'),
        uriEscapePath: false,
    });
    const signed = await signer.sign({
        method: 'HEAD',
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query: {},
        headers: { host: url.host },
    });
    return signed.headers;
}
function encodePath(key) {
    return key
        .split('/')
        .map((part) => encodeURIComponent(part))
        .join('/');
}
/**
 * The URL of the object BuildKit's s3 importer reads for a cache entry's manifest:
 * `<prefix><manifests_prefix><name>` (defaults `''`, `manifests/`; the first of `;`-separated
 * names, which is the one the importer reads), in `bucket` at `endpoint_url` (path style when
 * `use_path_style`), else at AWS in `region`. Bucket and region fall back to `AWS_BUCKET` and
 * `AWS_REGION`, as in BuildKit. Pure; null when the entry is not s3 or names no bucket or region.
 */
function s3ManifestUrl(entry, aws) {
    const a = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
    if (a.type !== 's3')
        return null;
    const bucket = a.bucket ?? aws.bucket;
    const region = a.region ?? aws.region;
    if (bucket === '' || region === '')
        return null;
    const name = (a.name ?? 'buildkit').split(';')[0];
    const key = encodePath(`${a.prefix ?? ''}${a.manifests_prefix ?? 'manifests/'}${name}`);
    if (a.endpoint_url) {
        const base = new URL(a.endpoint_url);
        const path = base.pathname.replace(/\/+$/, '');
        const url = a.use_path_style === 'true'
            ? `${base.protocol}//${base.host}${path}/${encodeURIComponent(bucket)}/${key}`
            : `${base.protocol}//${bucket}.${base.host}${path}/${key}`;
        return { url, region };
    }
    // A bucket with dots breaks the virtual host's TLS name: AWS serves it path style.
    const url = bucket.includes('.')
        ? `https://s3.${region}.amazonaws.com/${encodeURIComponent(bucket)}/${key}`
        : `https://${bucket}.s3.${region}.amazonaws.com/${key}`;
    return { url, region };
}
/** The credentials chain, or why it found none (its message names no secret). */
async function credentialsOrReason(timeoutMs) {
    try {
        return await credentialsFromChain(timeoutMs);
    }
    catch (e) {
        return `the AWS SDK's default credential chain found no credentials: ${(0,http/* failureText */.kY)(e)}`;
    }
}
/**
 * Whether the manifest of an s3 cache entry exists: one `HEAD` on the object the importer reads,
 * with the credentials of the AWS SDK's default chain, through the action's HTTP client (so the
 * runner's proxy settings apply). 200 is yes, 404 no; anything else (a 403, which S3 also answers
 * for a missing object without `s3:ListBucket`, a timeout, no credentials) cannot tell, and says
 * why.
 */
async function s3ManifestExists(entry, aws, o = {}) {
    const target = s3ManifestUrl(entry, aws);
    if (!target)
        return { exists: undefined, reason: 'the s3 entry names no bucket or region' };
    const credentials = await credentialsOrReason(o.timeoutMs ?? 5000);
    if (typeof credentials === 'string')
        return { exists: undefined, reason: credentials };
    const url = new URL(target.url);
    const headers = await signedHead(url, target.region, credentials);
    return headExists(target.url, headers, `s3 HEAD ${url.host}`, o);
}


/***/ })

};
;
//# sourceMappingURL=707.index.js.map