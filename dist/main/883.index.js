"use strict";
exports.id = 883;
exports.ids = [883];
exports.modules = {

/***/ 1883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azblobManifestExists: () => (/* binding */ azblobManifestExists)
/* harmony export */ });
/* unused harmony export azblobManifestUrl */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _net_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59663);
/* harmony import */ var _lib_cache_entry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29152);

// require(), not import: an import makes the bundle take the SDK's ESM build, whose CRC64 loader
// fails inside ncc's chunks. This module is itself loaded with await import() on azblob runs only.
const { BlobClient, StorageSharedKeyCredential } = __webpack_require__(71400);


/**
 * The blob BuildKit's azblob importer reads for a cache entry's manifest:
 * `<account_url>/<container>/<prefix>/<manifests_prefix>/<name>` (defaults `buildkit-cache`, none,
 * `manifests`), and the account it belongs to (`account_name`, else the account URL's first host
 * label, as in BuildKit). Pure; null when the entry is not azblob or has no account URL.
 */
function azblobManifestUrl(entry) {
    const a = (0,_lib_cache_entry__WEBPACK_IMPORTED_MODULE_2__/* .cacheEntryAttributes */ ._H)(entry);
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
    const key = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(a.prefix ?? '', a.manifests_prefix ?? 'manifests', name);
    const path = `${base.pathname.replace(/\/+$/, '')}/${a.container ?? 'buildkit-cache'}/${key}`;
    const url = `${base.protocol}//${base.host}${path.split('/').map(encodeURIComponent).join('/')}`;
    return { url, account };
}
/**
 * An account key signs as Shared Key, as BuildKit does with it; without one, the job's Azure
 * default chain (environment, workload identity, managed identity, the Azure CLI's login). That
 * is the job's chain: BuildKit runs its own in the builder container, with the variables given
 * there (`driver-opts: env.…`), so the two can differ and the check says which it used.
 */
async function credentialFor(account, key) {
    if (key !== '') {
        return {
            credential: new StorageSharedKeyCredential(account, key),
            via: 'the account key in AZURE_STORAGE_KEY',
        };
    }
    const { defaultCredential } = await Promise.all(/* import() */[__webpack_require__.e(261), __webpack_require__.e(346)]).then(__webpack_require__.bind(__webpack_require__, 29346));
    return { credential: defaultCredential(), via: "the job's Azure default credential chain" };
}
/** An SDK failure in one line: Azure's credential errors list every source they tried. */
function firstLine(e) {
    const text = (0,_net_http__WEBPACK_IMPORTED_MODULE_1__/* .failureText */ .kY)(e).split('\n')[0].trim();
    return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}
/**
 * Whether the manifest of an azblob cache entry exists: one blob properties request (`HEAD`,
 * the SDK's `getProperties`) on the blob the importer checks first, signed as {@link credentialFor}
 * says. 200 is yes, 404 no; any other answer, no credentials, or a failed request cannot tell, and
 * the reason names the store and the credential used (never a secret).
 */
async function azblobManifestExists(entry, 
/** AZURE_STORAGE_KEY ('' when unset). */
accountKey, o = {}) {
    const target = azblobManifestUrl(entry);
    if (!target)
        return { exists: undefined, reason: 'the azblob entry names no usable account_url' };
    const { credential, via } = await credentialFor(target.account, accountKey);
    // The SDK's pipeline routes through HTTPS_PROXY / NO_PROXY itself. One try, as for s3, and no
    // pooled socket: a single request must not keep the step's process alive afterwards.
    const blob = new BlobClient(target.url, credential, {
        retryOptions: { maxTries: 1 },
        keepAliveOptions: { enable: false },
    });
    const what = `azblob blob properties request to ${new URL(target.url).host} with ${via}`;
    try {
        await blob.getProperties({ abortSignal: AbortSignal.timeout(o.timeoutMs ?? 5000) });
        return { exists: true };
    }
    catch (e) {
        const status = e?.statusCode;
        if (status === 404)
            return { exists: false };
        if (typeof status === 'number')
            return { exists: undefined, reason: `${what} answered HTTP ${status}` };
        const name = e?.name;
        const why = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : firstLine(e);
        return { exists: undefined, reason: `${what} failed: ${why}` };
    }
}


/***/ })

};
;
//# sourceMappingURL=883.index.js.map