require('./sourcemap-register.js');/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 44914:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.issue = exports.issueCommand = void 0;
const os = __importStar(__nccwpck_require__(70857));
const utils_1 = __nccwpck_require__(30302);
/**
 * Commands
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * Examples:
 *   ::warning::This is the message
 *   ::set-env name=MY_VAR::some value
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
exports.issueCommand = issueCommand;
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
exports.issue = issue;
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 24753:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// For internal use, subject to change.
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.prepareKeyValueMessage = exports.issueFileCommand = void 0;
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
const crypto = __importStar(__nccwpck_require__(76982));
const fs = __importStar(__nccwpck_require__(79896));
const os = __importStar(__nccwpck_require__(70857));
const utils_1 = __nccwpck_require__(30302);
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${(0, utils_1.toCommandValue)(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
exports.issueFileCommand = issueFileCommand;
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = (0, utils_1.toCommandValue)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
exports.prepareKeyValueMessage = prepareKeyValueMessage;
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 30302:
/***/ ((__unused_webpack_module, exports) => {


// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toCommandProperties = exports.toCommandValue = void 0;
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
exports.toCommandValue = toCommandValue;
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
exports.toCommandProperties = toCommandProperties;
//# sourceMappingURL=utils.js.map

/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 90290:
/***/ ((module) => {

module.exports = require("async_hooks");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = require("child_process");

/***/ }),

/***/ 64236:
/***/ ((module) => {

module.exports = require("console");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 31637:
/***/ ((module) => {

module.exports = require("diagnostics_channel");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = require("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = require("node:process");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 82987:
/***/ ((module) => {

module.exports = require("perf_hooks");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = require("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = require("stream");

/***/ }),

/***/ 63774:
/***/ ((module) => {

module.exports = require("stream/web");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = require("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = require("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = require("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = require("util");

/***/ }),

/***/ 98253:
/***/ ((module) => {

module.exports = require("util/types");

/***/ }),

/***/ 28167:
/***/ ((module) => {

module.exports = require("worker_threads");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = require("zlib");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
;// CONCATENATED MODULE: ./src/lib/exec.ts

const exec = (command, args, options = {}) => new Promise((resolve) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: false,
        // No input: stdin is /dev/null. Ending an unused pipe to a process that already exited fails
        // with EPIPE, and formatting that error's stack parses the bundle's source maps (~60 ms).
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    let timedOut = false;
    let timer;
    const end = () => {
        if (timedOut)
            return;
        timedOut = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    };
    if (options.timeoutMs !== undefined)
        timer = setTimeout(end, timerMs(options.timeoutMs));
    const signal = options.signal;
    if (signal?.aborted)
        end();
    signal?.addEventListener('abort', end);
    const onChunk = (into) => (chunk) => {
        into.push(chunk);
        if (options.stream)
            process.stdout.write(chunk);
        options.onOutput?.(chunk.toString());
    };
    child.stdout?.on('data', onChunk(out));
    child.stderr?.on('data', onChunk(err));
    const finish = (exitCode, spawnError = '') => {
        if (timer)
            clearTimeout(timer);
        signal?.removeEventListener('abort', end);
        resolve({
            exitCode,
            stdout: Buffer.concat(out).toString(),
            stderr: Buffer.concat(err).toString() + spawnError,
            timedOut,
        });
    };
    child.on('error', (e) => finish(e.code === 'ENOENT' ? 127 : 1, e.message));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
    if (child.stdin) {
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    }
});
/** Node's timers hold at most 2^31−1 ms; a longer wait would fire at once, so it is capped. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const timerMs = (ms) => Math.min(Math.max(ms, 0), MAX_TIMER_MS);

;// CONCATENATED MODULE: ./src/lib/text.ts
/** The last non-empty line of a process's output: what a failure is named by in one line. */
function text_lastLine(text) {
    const lines = text
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '');
    return lines.length > 0 ? lines[lines.length - 1].trim() : '(no message)';
}
/**
 * `text` with every secret replaced by `***`: what a server echoed back (an error body quoting the
 * Authorization header) stays out of logs, the summary and outputs. Secrets shorter than 4
 * characters are left alone, so a one-letter username does not blank every message.
 */
function redactSecrets(text, secrets) {
    return secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}

;// CONCATENATED MODULE: ./src/stores/github-cache/archive.ts

/** GNU tar's `--quoting-style=c` string, without its quotes, back to its bytes. */
function unquote(quoted) {
    const bytes = [];
    const ESCAPES = { n: 10, t: 9, r: 13, f: 12, v: 11, b: 8, a: 7 };
    const body = Buffer.from(quoted.slice(1, -1), 'utf8');
    for (let i = 0; i < body.length; i++) {
        if (body[i] !== 0x5c) {
            bytes.push(body[i]);
            continue;
        }
        const next = String.fromCharCode(body[++i]);
        const octal = /^[0-7]{1,3}/.exec(body.subarray(i, i + 3).toString('latin1'))?.[0];
        if (octal) {
            bytes.push(parseInt(octal, 8));
            i += octal.length - 1;
        }
        else
            bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
    return Buffer.from(bytes).toString('utf8');
}
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const LINE = new RegExp(`^(\\S)\\S*\\s+\\S+\\s+(\\S+)\\s+\\S+\\s+\\S+\\s+(${QUOTED})(?: (->|link to) (${QUOTED}))?$`);
/** `tar -tv -P --quoting-style=c --numeric-owner` output as members; null when a line does not read. */
function parseListing(stdout) {
    const members = [];
    for (const line of stdout.split('\n')) {
        if (line.trim() === '')
            continue;
        const m = LINE.exec(line);
        if (!m)
            return null;
        const size = /^\d+$/.test(m[2]) ? Number(m[2]) : 0;
        members.push({ type: m[1], name: unquote(m[3]), size, ...(m[5] ? { target: unquote(m[5]) } : {}) });
    }
    return members;
}
/** A name inside `folder`, relative and without `..`: its normal form, else null. */
function inside(name, folder) {
    if (name.startsWith('/') || name.split('/').includes('..'))
        return null;
    const normal = external_node_path_namespaceObject.posix.normalize(name).replace(/\/+$/, '');
    return normal === folder || normal.startsWith(`${folder}/`) ? normal : null;
}
/**
 * Why the archive of `folder` must not be extracted ('' when it may): a member outside the folder,
 * a link that leaves it, a hard link to anything but a file of the archive, a device or special
 * file, a member reached through a symlink, or more than `maxBytes` once expanded.
 */
function archiveRefusal(members, folder, maxBytes) {
    const links = new Set();
    const files = new Set();
    let total = 0;
    for (const m of members) {
        const name = inside(m.name, folder);
        if (name === null)
            return `the member ${JSON.stringify(m.name)} is outside ${folder}/`;
        if (!['-', 'd', 'l', 'h'].includes(m.type)) {
            return `the member ${JSON.stringify(m.name)} is a device or special file (type ${m.type})`;
        }
        if (m.type === 'l') {
            const target = m.target ?? '';
            const resolved = target.startsWith('/')
                ? null
                : inside(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(name), target), folder);
            if (resolved === null) {
                return `the symlink ${JSON.stringify(m.name)} points out of ${folder}/ (${JSON.stringify(target)})`;
            }
            links.add(name);
        }
        if (m.type === 'h' && !files.has(inside(m.target ?? '', folder) ?? '')) {
            return `the hard link ${JSON.stringify(m.name)} is to ${JSON.stringify(m.target ?? '')}, not to a file of this archive`;
        }
        if (m.type === '-') {
            files.add(name);
            total += m.size;
            if (total > maxBytes)
                return `it expands to more than ${maxBytes} bytes`;
        }
    }
    for (const m of members) {
        const parts = (inside(m.name, folder) ?? '').split('/');
        for (let i = 1; i < parts.length; i++) {
            const through = parts.slice(0, i).join('/');
            if (links.has(through)) {
                return `the member ${JSON.stringify(m.name)} is reached through the symlink ${JSON.stringify(through)}`;
            }
        }
    }
    return '';
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = require("node:fs/promises");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __nccwpck_require__(44914);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js
var file_command = __nccwpck_require__(24753);
;// CONCATENATED MODULE: ./src/runner/commands.ts




/**
 * The runner's workflow commands, from @actions/core's own command and file-command modules.
 * `@actions/core`'s entry also loads its OIDC client (http-client and undici), which this action
 * never needs: about 100 ms of a step's start. Measured again with @actions/core 1.11.1, as ncc
 * bundles, in 15 alternating fresh node processes on a busy machine: median 202 ms to load the
 * entry, 19 ms for these two modules. Everything here is the same protocol without it. The modules
 * are internals, not the package's API: each is used by one function below, and
 * __tests__/unit/commands.test.ts pins what they write, so a bump that moves or changes them fails.
 */
/** `::name key=value::message` on stdout, escaped as the runner reads it. */
function commands_command(name, properties, message = '') {
    issueCommand(name, properties, message);
}
/** A `name<<delimiter` block appended to the runner's file (`GITHUB_OUTPUT`, `GITHUB_STATE`). */
function fileCommand(file, name, value) {
    issueFileCommand(file, prepareKeyValueMessage(name, value));
}
/** Like core.getInput: `INPUT_<NAME>` (spaces to `_`, upper case), trimmed; '' when unset. */
function getInput(name) {
    return getRawInput(name).trim();
}
/** An input as the runner set it, untrimmed (`secrets` values keep their whitespace). */
function getRawInput(name) {
    return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return fileCommand('OUTPUT', name, value);
    process.stdout.write(os.EOL);
    commands_command('set-output', { name }, value);
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return fileCommand('STATE', name, value);
    commands_command('save-state', { name }, value);
}
const getState = (name) => process.env[`STATE_${name}`] ?? '';
const setSecret = (secret) => commands_command('add-mask', {}, secret);
const info = (message) => void process.stdout.write(message + os.EOL);
const debug = (message) => commands_command('debug', {}, message);
const warning = (message) => commands_command('warning', {}, message);
const error = (message) => commands_command('error', {}, message);
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** A collapsible section of the log around `fn`. */
async function group(name, fn) {
    commands_command('group', {}, name);
    try {
        return await fn();
    }
    finally {
        commands_command('endgroup', {});
    }
}
/** Appends Markdown to the job summary file (`GITHUB_STEP_SUMMARY`); no-op without one. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    await appendFile(file, markdown.endsWith(os.EOL) ? markdown : markdown + os.EOL, { encoding: 'utf8' });
}

;// CONCATENATED MODULE: ./src/stores/github-cache/worker.ts




/** What an archive may expand to when its caller names no bound: a repository's whole GitHub cache by default. */
const DEFAULT_MAX_BYTES = 10 * 1024 ** 3;
const RESULT_PREFIX = 'bkca-cache-result:';
/**
 * Whether the client met GitHub's rate limit, from its output: it logs each answer's status and
 * headers as debug lines (`[Response] - 429`, `Headers: {… "retry-after": "12" …}`) and words its
 * last failure `Failed request: (429) Too Many Requests`. The last Retry-After it was given wins.
 */
function rateLimitIn(stdout) {
    if (!/\(429\)|\[Response\] - 429|Too Many Requests|resource_exhausted/i.test(stdout))
        return null;
    const afters = [...stdout.matchAll(/"retry-after":\s*"?(\d+)"?/gi)].map((m) => Number(m[1]));
    return { retryAfterSeconds: afters.length > 0 ? afters[afters.length - 1] : null };
}
/** The client's own words for a failed call: its `::warning::`/`::error::` lines. */
function clientProblems(stdout) {
    return stdout
        .split('\n')
        .map((l) => /^::(?:warning|error)(?: [^:]*)?::(.*)$/.exec(l.trim())?.[1] ?? '')
        .filter((l) => l !== '');
}
/** What a worker run means, a failure met with GitHub's rate limit marked so. Pure: its output in. */
function readWorkerRun(op, run, timeoutMs, ms) {
    const call = outcomeOf(op, run, timeoutMs, ms);
    if (call.status !== 'failed')
        return call;
    const limited = rateLimitIn(run.stdout);
    return limited ? { ...call, rateLimited: limited } : call;
}
function outcomeOf(op, run, timeoutMs, ms) {
    const limited = rateLimitIn(run.stdout);
    if (run.timedOut) {
        const reason = `no answer within ${Math.round(timeoutMs / 1000)}s`;
        return limited
            ? { status: 'failed', reason, ms, rateLimited: limited }
            : { status: 'failed', reason, ms };
    }
    const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
    let result = null;
    try {
        result = line ? JSON.parse(line.slice(RESULT_PREFIX.length)) : null;
    }
    catch {
        result = null;
    }
    const problems = clientProblems(run.stdout);
    if (result === null) {
        return { status: 'failed', reason: problems[0] ?? lastLine(run.stderr || run.stdout), ms };
    }
    if (result.error)
        return { status: 'failed', reason: result.error, ms };
    if (result.refused) {
        const refused = `the GitHub cache entry ${result.refused.key} was not restored, its archive is refused: ${result.refused.why}`;
        return { status: 'miss', ms, refused };
    }
    if (op === 'restore') {
        if (result.matchedKey)
            return { status: 'hit', matchedKey: result.matchedKey, ms };
        const failed = problems.find((p) => /failed to restore/i.test(p));
        return failed ? { status: 'failed', reason: failed, ms } : { status: 'miss', ms };
    }
    if (result.cacheId !== undefined && result.cacheId !== -1)
        return { status: 'saved', ms };
    // A refused reservation is logged as debug only, a conflict (the key exists) and a 5xx alike.
    const reserve = /^::debug::Failed to reserve cache: (.*)$/m.exec(run.stdout)?.[1] ?? '';
    if (/\(409\)|already.exists/i.test(reserve))
        return { status: 'exists', ms };
    return { status: 'failed', reason: problems[0] ?? (reserve || 'not saved'), ms };
}
/** Where the worker's bundle is: beside main's (dist/main → dist/cache). */
const workerScript = () => path.join(__dirname, '..', 'cache', 'index.js');
/** At most this many calls in all: a limit that keeps refusing is given up on. */
const MAX_CALLS = 3;
/**
 * One restore or save, in the worker. Met with GitHub's rate limit, it waits as Retry-After says
 * and tries again when that fits in its time bound; else it fails with a reason that says
 * "rate-limited" (its caller's one warning).
 */
async function runCacheWorker(exec, request, o) {
    const started = Date.now();
    const left = () => o.timeoutMs - (Date.now() - started);
    for (let calls = 1;; calls++) {
        const call = await runWorkerOnce(exec, request, { ...o, timeoutMs: Math.max(left(), 1) });
        const limited = call.status === 'failed' ? (call.rateLimited ?? null) : null;
        // A refused archive is a miss to its caller, and this one warning, whoever asked.
        if (call.status === 'miss' && call.refused)
            core.warning(call.refused);
        if (limited === null)
            return { ...call, ms: Date.now() - started };
        const wait = calls < MAX_CALLS ? retryWaitMs(limited, left()) : null;
        if (wait === null) {
            return {
                status: 'failed',
                reason: rateLimitedReason(limited, left()),
                ms: Date.now() - started,
                rateLimited: limited,
            };
        }
        core.info(`GitHub's cache rate limit: waiting ${wait / 1000}s, as its Retry-After says`);
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
}
async function runWorkerOnce(exec, request, o) {
    const started = Date.now();
    const env = {
        ...o.env,
        GITHUB_WORKSPACE: o.root,
        // A stuck segment download gives up within the call's own bound.
        SEGMENT_DOWNLOAD_TIMEOUT_MINS: String(Math.max(1, Math.ceil(o.timeoutMs / 60000))),
    };
    const run = await exec(process.execPath, [o.script ?? workerScript()], {
        cwd: o.root,
        env,
        input: JSON.stringify(request),
        timeoutMs: o.timeoutMs,
    });
    return readWorkerRun(request.op, run, o.timeoutMs, Date.now() - started);
}
/** Saves `path` (inside `root`) under `key` and writes what came of it into `r`; a failure is one warning. */
async function saveInto(exec, r, what, request, o) {
    const call = await runCacheWorker(exec, { op: 'save', ...request }, o);
    r.seconds.save = Math.round(call.ms / 100) / 10;
    if (call.status === 'failed') {
        r.error = `save failed: ${call.reason}`;
        r.notSaved = 'the save failed';
        core.warning(`${what}: ${r.error}`);
    }
    else if (call.status === 'exists') {
        r.notSaved = 'another run saved the same content first';
    }
    else {
        r.saved = true;
        r.savedKey = request.key;
        core.info(`${what}: saved as ${request.key}`);
    }
}

;// CONCATENATED MODULE: ./src/stores/github-cache/worker-main.ts






/**
 * Inside the worker process: one restore or save with `@actions/cache`, then one result line. Its
 * cwd and GITHUB_WORKSPACE are the folder that holds `path`, so the archive's entries are relative
 * to that folder and the cache version (a hash of the paths) is the same on every runner.
 */
async function runWorker() {
    const request = JSON.parse(external_node_fs_.readFileSync(0, 'utf8'));
    let result;
    try {
        result = request.op === 'restore' ? await restore(request) : { cacheId: await save(request) };
    }
    catch (e) {
        result = { error: e.message };
    }
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
async function save(request) {
    const cache = await Promise.all(/* import() */[__nccwpck_require__.e(299), __nccwpck_require__.e(171), __nccwpck_require__.e(819), __nccwpck_require__.e(116)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5116, 23));
    return cache.saveCache([request.path], request.key);
}
/**
 * `@actions/cache`'s restoreCache extracts with `tar -P` before anyone can look (see archive.ts),
 * so the restore is its two halves: the package's own lookup and download (the service protocol,
 * v1 or v2), then the archive listed, checked and extracted here without `-P`.
 */
async function restore(request) {
    const utils = await __nccwpck_require__.e(/* import() */ 299).then(__nccwpck_require__.t.bind(__nccwpck_require__, 98299, 23));
    const compression = await utils.getCompressionMethod();
    const found = await download([request.path], request.key, request.restoreKeys ?? [], compression);
    if (found === null)
        return { matchedKey: null };
    try {
        const decompress = compression === 'gzip'
            ? ['-z']
            : ['--use-compress-program', compression === 'zstd' ? 'unzstd --long=30' : 'unzstd'];
        const listed = await exec('tar', [
            ...decompress,
            '-t',
            '-v',
            '-P',
            '--quoting-style=c',
            '--numeric-owner',
            '-f',
            found.archive,
        ]);
        if (listed.exitCode !== 0)
            return { error: `the archive could not be listed: ${listed.stderr.trim().split('\n')[0]}` };
        const members = parseListing(listed.stdout);
        const refused = members === null
            ? 'its listing could not be read'
            : archiveRefusal(members, request.path, request.maxBytes ?? DEFAULT_MAX_BYTES);
        if (refused)
            return { matchedKey: null, refused: { key: found.matchedKey, why: refused } };
        const extracted = await exec('tar', [
            ...decompress,
            '-x',
            '--no-same-owner',
            '-f',
            found.archive,
            '-C',
            process.cwd(),
        ]);
        if (extracted.exitCode !== 0) {
            return { error: `the archive could not be extracted: ${text_lastLine(extracted.stderr)}` };
        }
        return { matchedKey: found.matchedKey };
    }
    finally {
        external_node_fs_.rmSync(external_node_path_namespaceObject.dirname(found.archive), { recursive: true, force: true });
    }
}
/** The matching entry's archive in a fresh temp folder, through the package's lookup and download. */
async function download(paths, key, restoreKeys, compression) {
    const utils = await __nccwpck_require__.e(/* import() */ 299).then(__nccwpck_require__.t.bind(__nccwpck_require__, 98299, 23));
    const { getCacheServiceVersion } = await __nccwpck_require__.e(/* import() */ 606).then(__nccwpck_require__.bind(__nccwpck_require__, 17606));
    const client = await Promise.all(/* import() */[__nccwpck_require__.e(299), __nccwpck_require__.e(171)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 73171, 23));
    const archive = external_node_path_namespaceObject.join(await utils.createTempDirectory(), utils.getCacheFileName(compression));
    if (getCacheServiceVersion() === 'v2') {
        const { internalCacheTwirpClient } = await Promise.all(/* import() */[__nccwpck_require__.e(299), __nccwpck_require__.e(819), __nccwpck_require__.e(418)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 96819, 23));
        const version = utils.getCacheVersion(paths, compression);
        const found = await internalCacheTwirpClient().GetCacheEntryDownloadURL({ key, restoreKeys, version });
        if (!found.ok)
            return null;
        await client.downloadCache(found.signedDownloadUrl, archive, { useAzureSdk: true });
        return { matchedKey: found.matchedKey, archive };
    }
    const entry = await client.getCacheEntry([key, ...restoreKeys], paths, { compressionMethod: compression });
    if (!entry?.archiveLocation)
        return null;
    await client.downloadCache(entry.archiveLocation, archive);
    return { matchedKey: entry.cacheKey ?? key, archive };
}

;// CONCATENATED MODULE: ./src/entry/cache.ts
// The GitHub Actions cache client, run as a child process of main (src/stores/github-cache/worker.ts says why).

runWorker().catch((e) => {
    process.stdout.write(`bkca-cache-result:${JSON.stringify({ error: String(e?.message ?? e) })}\n`);
});

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map