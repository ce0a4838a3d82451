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
    const cache = await __nccwpck_require__.e(/* import() */ 116).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5116, 23));
    let result;
    if (request.op === 'restore') {
        const matched = await cache.restoreCache([request.path], request.key, request.restoreKeys ?? []);
        result = { matchedKey: matched ?? null };
    }
    else {
        try {
            result = { cacheId: await cache.saveCache([request.path], request.key) };
        }
        catch (e) {
            result = { error: e.message };
        }
    }
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
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