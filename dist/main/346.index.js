"use strict";
exports.id = 346;
exports.ids = [346];
exports.modules = {

/***/ 29346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultCredential: () => (/* binding */ defaultCredential)
/* harmony export */ });
// A file of its own so that `await import('./default-credential')` loads @azure/identity on
// keyless runs only; require() so that the bundle takes its CommonJS build, as for storage-blob.
const { DefaultAzureCredential } = __webpack_require__(35261);
/** The job's Azure default credential chain. */
function defaultCredential() {
    return new DefaultAzureCredential();
}


/***/ })

};
;
//# sourceMappingURL=346.index.js.map