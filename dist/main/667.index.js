"use strict";
exports.id = 667;
exports.ids = [667];
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

/***/ 6667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azblobManifestExists: () => (/* binding */ azblobManifestExists),
  azblobManifestUrl: () => (/* binding */ azblobManifestUrl)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/net/head.ts
var head = __webpack_require__(3849);
// EXTERNAL MODULE: ./src/lib/cache-entry.ts
var cache_entry = __webpack_require__(9152);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/stores/azblob/sharedkey.ts

/** The standard headers in the order the Shared Key string to sign lists them (blob service). */
const STANDARD = [
    'content-encoding',
    'content-language',
    'content-length',
    'content-md5',
    'content-type',
    'date',
    'if-modified-since',
    'if-match',
    'if-none-match',
    'if-unmodified-since',
    'range',
];
/**
 * The Shared Key string to sign of a blob service request (versions 2015-02-21 and later: a
 * `Content-Length` of 0 is left empty). Pure; exported for its table test.
 */
function stringToSign(method, url, account, headers) {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const standard = STANDARD.map((h) => (h === 'content-length' && lower[h] === '0' ? '' : (lower[h] ?? '')));
    const msHeaders = Object.keys(lower)
        .filter((k) => k.startsWith('x-ms-'))
        .sort()
        .map((k) => `${k}:${lower[k].trim()}`);
    const u = new URL(url);
    const query = [...new Set([...u.searchParams.keys()].map((k) => k.toLowerCase()))]
        .sort()
        .map((k) => `\n${k}:${u.searchParams.getAll(k).sort().join(',')}`);
    const resource = `/${account}${decodeURIComponent(u.pathname)}${query.join('')}`;
    return [method.toUpperCase(), ...standard, ...msHeaders, resource].join('\n');
}
/**
 * Signs a blob service request with the account key (Shared Key). Pure: the request, the key and
 * the time in; the headers to send out. The key never leaves it.
 */
function signSharedKey(o) {
    const headers = {
        ...(o.headers ?? {}),
        'x-ms-date': (o.now ?? new Date()).toUTCString(),
        'x-ms-version': o.version ?? '2021-08-06',
    };
    const signature = (0,external_node_crypto_.createHmac)('sha256', Buffer.from(o.key, 'base64'))
        .update(stringToSign(o.method, o.url, o.account, headers), 'utf8')
        .digest('base64');
    return { ...headers, Authorization: `SharedKey ${o.account}:${signature}` };
}

;// CONCATENATED MODULE: ./src/stores/azblob/exists.ts




/**
 * The blob BuildKit's azblob importer reads for a cache entry's manifest:
 * `<account_url>/<container>/<prefix>/<manifests_prefix>/<name>` (defaults `buildkit-cache`, none,
 * `manifests`), and the account it belongs to (`account_name`, else the account URL's first host
 * label, as in BuildKit). Pure; null when the entry is not azblob or has no account URL.
 */
function azblobManifestUrl(entry) {
    const a = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
    if (a.type !== 'azblob' || !a.account_url)
        return null;
    let base;
    try {
        base = new URL(a.account_url);
    }
    catch {
        return null;
    }
    const account = a.account_name ?? base.hostname.split('.')[0];
    const name = (a.name ?? 'buildkit').split(';')[0];
    const key = external_node_path_.posix.join(a.prefix ?? '', a.manifests_prefix ?? 'manifests', name);
    const path = `${base.pathname.replace(/\/+$/, '')}/${a.container ?? 'buildkit-cache'}/${key}`;
    const url = `${base.protocol}//${base.host}${path.split('/').map(encodeURIComponent).join('/')}`;
    return { url, account };
}
/**
 * Whether the manifest of an azblob cache entry exists: one blob properties request (`HEAD`)
 * signed with the account key from `AZURE_STORAGE_KEY`, the blob the importer checks first. 200
 * is yes, 404 no; without a key (BuildKit may hold other credentials), or on any other answer,
 * it cannot tell, and says why.
 */
async function azblobManifestExists(entry, env, o = {}) {
    const target = azblobManifestUrl(entry);
    if (!target)
        return { exists: undefined, reason: 'the azblob entry names no usable account_url' };
    const key = env.AZURE_STORAGE_KEY ?? '';
    if (key === '')
        return { exists: undefined, reason: 'no AZURE_STORAGE_KEY in the environment' };
    const headers = signSharedKey({
        method: 'HEAD',
        url: target.url,
        account: target.account,
        key,
        now: o.now,
    });
    return (0,head/* headExists */.h)(target.url, headers, `azblob blob properties request to ${new URL(target.url).host}`, o);
}


/***/ })

};
;
//# sourceMappingURL=667.index.js.map