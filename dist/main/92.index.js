"use strict";
exports.id = 92;
exports.ids = [92];
exports.modules = {

/***/ 5092:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Hash = void 0;
var serde_1 = __webpack_require__(92430);
Object.defineProperty(exports, "Hash", ({ enumerable: true, get: function () { return serde_1.Hash; } }));


/***/ })

};
;
//# sourceMappingURL=92.index.js.map