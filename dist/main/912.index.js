"use strict";
exports.id = 912;
exports.ids = [912];
exports.modules = {

/***/ 3849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ headExists)
/* harmony export */ });
/* harmony import */ var _http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9663);

/**
 * One signed `HEAD`: 200 is "exists", 404 "does not"; any other answer, a timeout or a failed
 * connection cannot tell, and the reason says which (`what` names the store, never a secret).
 */
async function headExists(url, headers, what, o = {}) {
    try {
        const res = await (o.fetchImpl ?? _http__WEBPACK_IMPORTED_MODULE_0__/* .httpFetch */ .tX)(url, {
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
        const why = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : (0,_http__WEBPACK_IMPORTED_MODULE_0__/* .failureText */ .kY)(e);
        return { exists: undefined, reason: `${what} failed: ${why}` };
    }
}


/***/ }),

/***/ 1912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  awsCredentialsFrom: () => (/* binding */ awsCredentialsFrom),
  s3ManifestExists: () => (/* binding */ s3ManifestExists),
  s3ManifestUrl: () => (/* binding */ s3ManifestUrl)
});

// EXTERNAL MODULE: ./src/lib/cache-entry.ts
var cache_entry = __webpack_require__(9152);
// EXTERNAL MODULE: ./src/net/head.ts
var head = __webpack_require__(3849);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/stores/s3/sigv4.ts

/** SHA-256 of an empty body: what a HEAD or GET sends. */
const EMPTY_SHA256 = (0,external_node_crypto_.createHash)('sha256').update('').digest('hex');
const hex = (data) => (0,external_node_crypto_.createHash)('sha256').update(data, 'utf8').digest('hex');
const hmac = (key, data) => (0,external_node_crypto_.createHmac)('sha256', key).update(data, 'utf8').digest();
/** `20150830T123600Z`: the ISO 8601 basic format SigV4 uses. */
function amzDate(now) {
    return now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept in paths. */
function uriEncode(text, keepSlash) {
    return [...Buffer.from(text, 'utf8')]
        .map((byte) => {
        const c = String.fromCharCode(byte);
        if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/'))
            return c;
        return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
        .join('');
}
/** The path as S3 signs it: each segment decoded once, then encoded once (no normalising of `.`/`..`). */
function canonicalPath(pathname) {
    return uriEncode(decodeURIComponent(pathname), true) || '/';
}
function canonicalQuery(search) {
    return [...search.entries()]
        .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)])
        .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
}
/**
 * Signs a request with AWS Signature Version 4 (header form). Pure: the request, the credentials
 * and the time in; the headers to send out (`Authorization`, `x-amz-date`, and
 * `x-amz-content-sha256` / `x-amz-security-token` when they apply). The secret never leaves it.
 */
function signV4(input) {
    const url = new URL(input.url);
    const date = amzDate(input.now ?? new Date());
    const headers = { ...(input.headers ?? {}), host: url.host, 'x-amz-date': date };
    if (input.payloadHash !== undefined)
        headers['x-amz-content-sha256'] = input.payloadHash;
    if (input.credentials.sessionToken)
        headers['x-amz-security-token'] = input.credentials.sessionToken;
    const canonical = Object.entries(headers)
        .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')])
        .sort(([a], [b]) => (a < b ? -1 : 1));
    const signedHeaders = canonical.map(([k]) => k).join(';');
    const request = [
        input.method.toUpperCase(),
        canonicalPath(url.pathname),
        canonicalQuery(url.searchParams),
        ...canonical.map(([k, v]) => `${k}:${v}`),
        '',
        signedHeaders,
        input.payloadHash ?? EMPTY_SHA256,
    ].join('\n');
    const scope = `${date.slice(0, 8)}/${input.region}/${input.service}/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', date, scope, hex(request)].join('\n');
    const day = hmac(`AWS4${input.credentials.secretAccessKey}`, date.slice(0, 8));
    const key = hmac(hmac(hmac(day, input.region), input.service), 'aws4_request');
    const signature = hmac(key, toSign).toString('hex');
    const sent = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'host'));
    return {
        ...sent,
        Authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    };
}

;// CONCATENATED MODULE: ./src/stores/s3/exists.ts



/** Credentials from the `AWS_*` variables, the ones buildx forwards to BuildKit too; never logged. */
function awsCredentialsFrom(env) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID ?? '';
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY ?? '';
    if (accessKeyId === '' || secretAccessKey === '')
        return null;
    return {
        accessKeyId,
        secretAccessKey,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
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
function s3ManifestUrl(entry, env) {
    const a = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
    if (a.type !== 's3')
        return null;
    const bucket = a.bucket ?? env.AWS_BUCKET ?? '';
    const region = a.region ?? env.AWS_REGION ?? '';
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
/**
 * Whether the manifest of an s3 cache entry exists: one signed `HEAD` on the object the importer
 * reads. 200 is yes, 404 no; anything else (a 403, which S3 also answers for a missing object
 * without `s3:ListBucket`, a timeout, no credentials) cannot tell, and says why.
 */
async function s3ManifestExists(entry, env, o = {}) {
    const target = s3ManifestUrl(entry, env);
    if (!target)
        return { exists: undefined, reason: 'the s3 entry names no bucket or region' };
    const credentials = awsCredentialsFrom(env);
    if (!credentials) {
        return { exists: undefined, reason: 'no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment' };
    }
    const headers = signV4({
        method: 'HEAD',
        url: target.url,
        region: target.region,
        service: 's3',
        credentials,
        now: o.now,
        payloadHash: EMPTY_SHA256,
    });
    return (0,head/* headExists */.h)(target.url, headers, `s3 HEAD ${new URL(target.url).host}`, o);
}


/***/ })

};
;
//# sourceMappingURL=912.index.js.map