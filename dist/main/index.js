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

/***/ 95236:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
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
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getExecOutput = exports.exec = void 0;
const string_decoder_1 = __nccwpck_require__(13193);
const tr = __importStar(__nccwpck_require__(6665));
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
exports.exec = exec;
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    var _a, _b;
    return __awaiter(this, void 0, void 0, function* () {
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new string_decoder_1.StringDecoder('utf8');
        const stderrDecoder = new string_decoder_1.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
exports.getExecOutput = getExecOutput;
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 6665:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
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
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.argStringToArray = exports.ToolRunner = void 0;
const os = __importStar(__nccwpck_require__(70857));
const events = __importStar(__nccwpck_require__(24434));
const child = __importStar(__nccwpck_require__(35317));
const path = __importStar(__nccwpck_require__(16928));
const io = __importStar(__nccwpck_require__(94994));
const ioUtil = __importStar(__nccwpck_require__(75207));
const timers_1 = __nccwpck_require__(53557);
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse
            .split('')
            .reverse()
            .join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse
            .split('')
            .reverse()
            .join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!ioUtil.isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io.which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield ioUtil.exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
exports.ToolRunner = ToolRunner;
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
exports.argStringToArray = argStringToArray;
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = timers_1.setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay /
                1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map

/***/ }),

/***/ 54988:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkBypass = exports.getProxyUrl = void 0;
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
exports.getProxyUrl = getProxyUrl;
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
exports.checkBypass = checkBypass;
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ }),

/***/ 75207:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
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
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var _a;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getCmdPath = exports.tryGetExecutablePath = exports.isRooted = exports.isDirectory = exports.exists = exports.READONLY = exports.UV_FS_O_EXLOCK = exports.IS_WINDOWS = exports.unlink = exports.symlink = exports.stat = exports.rmdir = exports.rm = exports.rename = exports.readlink = exports.readdir = exports.open = exports.mkdir = exports.lstat = exports.copyFile = exports.chmod = void 0;
const fs = __importStar(__nccwpck_require__(79896));
const path = __importStar(__nccwpck_require__(16928));
_a = fs.promises
// export const {open} = 'fs'
, exports.chmod = _a.chmod, exports.copyFile = _a.copyFile, exports.lstat = _a.lstat, exports.mkdir = _a.mkdir, exports.open = _a.open, exports.readdir = _a.readdir, exports.readlink = _a.readlink, exports.rename = _a.rename, exports.rm = _a.rm, exports.rmdir = _a.rmdir, exports.stat = _a.stat, exports.symlink = _a.symlink, exports.unlink = _a.unlink;
// export const {open} = 'fs'
exports.IS_WINDOWS = process.platform === 'win32';
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
exports.UV_FS_O_EXLOCK = 0x10000000;
exports.READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield exports.stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
exports.exists = exists;
function isDirectory(fsPath, useStat = false) {
    return __awaiter(this, void 0, void 0, function* () {
        const stats = useStat ? yield exports.stat(fsPath) : yield exports.lstat(fsPath);
        return stats.isDirectory();
    });
}
exports.isDirectory = isDirectory;
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (exports.IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
exports.isRooted = isRooted;
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield exports.stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (exports.IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield exports.stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (exports.IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield exports.readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
exports.tryGetExecutablePath = tryGetExecutablePath;
function normalizeSeparators(p) {
    p = p || '';
    if (exports.IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 && stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 && stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
exports.getCmdPath = getCmdPath;
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 94994:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
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
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.findInPath = exports.which = exports.mkdirP = exports.rmRF = exports.mv = exports.cp = void 0;
const assert_1 = __nccwpck_require__(42613);
const path = __importStar(__nccwpck_require__(16928));
const ioUtil = __importStar(__nccwpck_require__(75207));
/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source, dest, options = {}) {
    return __awaiter(this, void 0, void 0, function* () {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
exports.cp = cp;
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source, dest, options = {}) {
    return __awaiter(this, void 0, void 0, function* () {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
exports.mv = mv;
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
exports.rmRF = rmRF;
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        assert_1.ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
exports.mkdirP = mkdirP;
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (ioUtil.IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
exports.which = which;
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (ioUtil.IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (ioUtil.isRooted(tool)) {
            const filePath = yield ioUtil.tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield ioUtil.tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
exports.findInPath = findInPath;
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ }),

/***/ 22063:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ manifestsToDelete),
/* harmony export */   Rw: () => (/* binding */ MAX_DELETIONS),
/* harmony export */   dU: () => (/* binding */ cleanupTrigger),
/* harmony export */   f$: () => (/* binding */ planDeletions),
/* harmony export */   y7: () => (/* binding */ deletionsDue)
/* harmony export */ });
/* unused harmony export namesOfRef */
/* harmony import */ var _plan_names__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(42471);

/** At most this many caches are deleted per run: a backlog is paid off over several runs. */
const MAX_DELETIONS = 25;
/**
 * Whether this run is a clean-up run: a closed pull request (merged or not) or a deleted branch.
 * Null for every other run, which builds as usual. `pull_request_target`, `issue_comment` and
 * `workflow_run` are never clean-up runs: code from anyone may steer them.
 */
function cleanupTrigger(ctx) {
    if (ctx.eventName === 'pull_request' && ctx.action === 'closed' && ctx.pullRequest) {
        const pr = ctx.pullRequest;
        const how = pr.merged ? 'merged' : 'closed without merging';
        // A fork's run has a read-only token anyway; it may only ever touch the pull request's own caches.
        const fork = pr.fromFork ? ' (from a fork: only its own caches)' : '';
        return {
            kind: 'ref-gone',
            ref: { kind: 'pr', number: pr.number },
            why: `pull request #${pr.number} was ${how}${fork}: no run will read its caches again`,
        };
    }
    if (ctx.eventName !== 'delete')
        return null;
    const deleted = ctx.deletedRef ?? { type: '', name: '' };
    if (deleted.type !== 'branch' || deleted.name === '') {
        const what = deleted.type === 'tag' ? `tag ${deleted.name}` : `${deleted.type || 'ref'} ${deleted.name}`;
        return {
            kind: 'nothing',
            why: `delete of ${what}: tags have no caches of their own, nothing is deleted`,
        };
    }
    if (deleted.name === ctx.defaultBranch) {
        return { kind: 'nothing', why: `the default branch ${deleted.name} is never cleaned up` };
    }
    return {
        kind: 'ref-gone',
        ref: { kind: 'branch', name: deleted.name },
        why: `branch ${deleted.name} was deleted: no run will read its caches again`,
    };
}
/** The leg a name of this scope has ('' for the plain build); null when the name is not this scope's. */
function legOfName(name, scope) {
    const parsed = (0,_plan_names__WEBPACK_IMPORTED_MODULE_0__/* .parseCacheName */ .b1)(name);
    return parsed && parsed.scope === (0,_plan_names__WEBPACK_IMPORTED_MODULE_0__/* .namespace */ .MF)(scope, '') ? parsed.leg : null;
}
/** The ref's cache names among `names`, for every leg of the scope (exact names: `feature` never takes `feature-2`). */
function namesOfRef(names, scope, ref) {
    return names.filter((name) => {
        const leg = legOfName(name, scope);
        return leg !== null && (0,_plan_names__WEBPACK_IMPORTED_MODULE_0__/* .cacheName */ .UU)((0,_plan_names__WEBPACK_IMPORTED_MODULE_0__/* .namespace */ .MF)(scope, leg), ref) === name;
    });
}
const SHA_PART = /^sha-[0-9a-f]{40}$/;
/**
 * What a run deletes. A ref that is gone: every cache of it in the scope, all legs. Retention (a
 * push to the default branch): the `sha-*` caches of this run's namespace beyond the newest
 * `keep`; a cache whose age is unknown counts as new. Never a name this run reads or writes, at
 * most `limit` deletions, the oldest first.
 */
function planDeletions(o) {
    const limit = o.limit ?? MAX_DELETIONS;
    const byName = new Map();
    for (const c of o.existing)
        if (!byName.has(c.name))
            byName.set(c.name, c);
    const caches = [...byName.values()];
    let doomed;
    const kept = [];
    if (o.target.kind === 'ref-gone') {
        const why = o.target.why;
        doomed = namesOfRef(caches.map((c) => c.name), o.scope, o.target.ref).map((name) => ({ name, why }));
    }
    else {
        const prefix = `${o.target.namespace}.`;
        const written = new Set(o.target.written ?? []);
        const age = (c) => (written.has(c.name) ? Infinity : (c.createdAt ?? Infinity));
        const commits = caches
            .filter((c) => c.name.startsWith(prefix) && SHA_PART.test(c.name.slice(prefix.length)))
            // Newest first; unknown ages first of all, so they are kept.
            .sort((a, b) => age(b) - age(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const keep = o.target.keep;
        for (const c of commits.slice(0, keep))
            kept.push({ name: c.name, why: `one of the newest ${keep} commit caches` });
        doomed = commits
            .slice(keep)
            .reverse()
            .map((c) => ({
            name: c.name,
            why: `older than the newest ${keep} commit caches (cache-keep-commits)`,
        }));
    }
    const deletions = [];
    const deferred = [];
    for (const d of doomed) {
        if (o.protect.includes(d.name))
            kept.push({ name: d.name, why: "this run's plan reads or writes it" });
        else if (deletions.length < limit)
            deletions.push(d);
        else
            deferred.push(d.name);
    }
    return { deletions, kept, deferred };
}
/**
 * Whether names alone show something to delete, before ages or digests are read. Not which: the
 * ages decide that, and with them which one is protected, so no name is protected here.
 */
function deletionsDue(target, scope, names) {
    const existing = names.map((name) => ({ name, createdAt: null }));
    return planDeletions({ target, scope, existing, protect: [] }).deletions.length > 0;
}
/**
 * How the doomed tags go. Deleting a manifest deletes every tag on it, so a manifest is deleted
 * only when all its tags are doomed; a doomed tag that shares its manifest with a kept tag is
 * removed alone ({@link TagRemovals.untag}), so a pull request and its head branch, or a pull
 * request and main, never keep each other's tags alive.
 */
function manifestsToDelete(deletions, manifests) {
    const doomed = new Map(deletions.map((d) => [d.name, d.why]));
    const out = { remove: [], untag: [], kept: [] };
    const seen = new Set();
    for (const d of deletions) {
        const m = manifests.find((x) => x.tags.includes(d.name));
        if (!m) {
            out.kept.push({ name: d.name, why: 'its manifest was not found (already deleted?)' });
            continue;
        }
        if (seen.has(m.id))
            continue;
        seen.add(m.id);
        const others = m.tags.filter((t) => !doomed.has(t));
        if (others.length === 0) {
            out.remove.push({ ...m, why: d.why });
            continue;
        }
        const shared = `; its manifest stays for ${others.join(', ')}`;
        for (const name of m.tags.filter((t) => doomed.has(t))) {
            out.untag.push({ name, why: `${doomed.get(name)}${shared}`, manifest: m.id });
        }
    }
    return out;
}


/***/ }),

/***/ 54604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ quotaWarning),
/* harmony export */   rg: () => (/* binding */ cleanupOutputs),
/* harmony export */   vd: () => (/* binding */ limitWords)
/* harmony export */ });
/* harmony import */ var _lib_format__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(50432);

/** Above this share of the repository's limit, a warning names the refs that hold the most. */
const QUOTA_WARNING = 0.8;
/**
 * The limit, as far as it is known: admins may raise it above GitHub's default, so a limit the
 * API did not give is said as the default, never as a fact.
 */
function limitWords(q) {
    return q.limitKnown
        ? `the repository's limit of ${(0,_lib_format__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(q.limitBytes)}`
        : // GitHub's own words for its default (10 GiB).
            'the default 10 GB';
}
/** Above 80% of the limit: which refs hold the most, before GitHub evicts main's caches. */
function quotaWarning(q) {
    if (q.repositoryBytes <= QUOTA_WARNING * q.limitBytes)
        return null;
    const refs = q.refs.map((r) => `${r.ref} (${(0,_lib_format__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(r.bytes)})`).join(', ');
    return `the repository's GitHub cache holds ${(0,_lib_format__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(q.repositoryBytes)} of ${limitWords(q)}: GitHub evicts the least recently used entries past the limit; the most is held by ${refs}`;
}
/** The outputs a clean-up adds: the repository's GitHub cache usage, when it was read. */
function cleanupOutputs(o) {
    return o?.quota ? { 'cache-usage-bytes': String(o.quota.repositoryBytes) } : {};
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ runContextFrom),
/* harmony export */   yT: () => (/* binding */ stripRefsHeads)
/* harmony export */ });
/* unused harmony exports parseMergeQueueRef, mergedPullRequest */
function obj(value) {
    return value !== null && typeof value === 'object' ? value : undefined;
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
function stripRefsHeads(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}
/** `gh-readonly-queue/<base>/pr-<N>-<sha>` → base and N (the base itself may contain `/`). */
function parseMergeQueueRef(ref) {
    const m = /^(?:refs\/heads\/)?gh-readonly-queue\/(.+)\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
    return m ? { baseRef: m[1], prNumber: Number(m[2]) } : null;
}
/** Pure: the runner's `GITHUB_*` variables plus the parsed event payload → RunContext. */
function runContextFrom(github, payload) {
    const eventName = github.eventName;
    const repo = obj(payload.repository);
    const ctx = {
        eventName,
        ref: github.ref,
        sha: github.sha,
        repository: github.repository ?? str(repo?.full_name),
        defaultBranch: str(repo?.default_branch) || str(repo?.master_branch),
        apiUrl: github.apiUrl,
        serverUrl: github.serverUrl,
        runId: github.runId,
        runAttempt: github.runAttempt,
        privateRepository: repo?.private === true,
        workspace: github.workspace,
    };
    // A schedule payload carries no repository; scheduled runs always run on the default branch.
    if (ctx.defaultBranch === '' && eventName === 'schedule')
        ctx.defaultBranch = stripRefsHeads(ctx.ref);
    const pr = obj(payload.pull_request);
    if (pr && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
        const base = obj(pr.base);
        const head = obj(pr.head);
        const baseRepo = str(obj(base?.repo)?.full_name);
        const headRepo = str(obj(head?.repo)?.full_name);
        ctx.pullRequest = {
            number: Number(pr.number ?? payload.number),
            baseRef: str(base?.ref),
            headRef: str(head?.ref),
            headSha: str(head?.sha),
            // A deleted fork has head.repo null: treat it as a fork, the careful answer.
            fromFork: headRepo === '' || (baseRepo !== '' && headRepo !== baseRepo),
            ...(pr.merged === true ? { merged: true } : {}),
        };
    }
    if (typeof payload.action === 'string')
        ctx.action = payload.action;
    if (eventName === 'delete')
        ctx.deletedRef = { type: str(payload.ref_type), name: str(payload.ref) };
    const mg = obj(payload.merge_group);
    if (mg && eventName === 'merge_group') {
        const headRef = str(mg.head_ref);
        const parsed = parseMergeQueueRef(headRef);
        ctx.mergeGroup = {
            baseRef: stripRefsHeads(str(mg.base_ref)) || parsed?.baseRef || '',
            prNumber: parsed?.prNumber ?? null,
            headSha: str(mg.head_sha),
        };
    }
    const headCommit = obj(payload.head_commit);
    if (eventName === 'push' && headCommit) {
        const n = mergedPullRequest(str(headCommit.message));
        if (n !== null)
            ctx.mergedPullRequest = n;
    }
    const before = str(payload.before);
    const replaced = /^[0-9a-f]{40}$/.test(before) && !/^0+$/.test(before);
    if (replaced && (eventName === 'push' || (eventName === 'pull_request' && ctx.action === 'synchronize'))) {
        ctx.replacedHead = before;
    }
    if (eventName === 'push' && payload.forced === true)
        ctx.forcedPush = true;
    if (eventName === 'push' && replaced && payload.forced !== true)
        ctx.pushedBefore = before;
    return ctx;
}
/**
 * The pull request a commit merged, from the messages GitHub writes: a merge commit's
 * `Merge pull request #12 from owner/branch`, a squash merge's `Title (#12)`.
 */
function mergedPullRequest(message) {
    const subject = message.split('\n')[0].trim();
    const m = /^Merge pull request #(\d+) from /.exec(subject) ?? /\(#(\d+)\)$/.exec(subject);
    return m ? Number(m[1]) : null;
}


/***/ }),

/***/ 29152:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FZ: () => (/* binding */ cacheEntryType),
/* harmony export */   KK: () => (/* binding */ formatCacheEntry),
/* harmony export */   S7: () => (/* binding */ cacheEntryFields),
/* harmony export */   _H: () => (/* binding */ cacheEntryAttributes)
/* harmony export */ });
/**
 * A BuildKit cache entry, `type=registry,ref=host/name:tag,mode=max`: comma-separated `key=value`
 * fields, read as CSV the way buildx reads them, so a field may be quoted to hold a comma
 * (`"dest=/tmp/a,b"`), with `""` for a quote inside quotes. This reader is also lenient where
 * buildx is strict: a quote may open anywhere in a field (`dest="/tmp/x y"`), and keys and values
 * are trimmed. A hand loop, not csv-parse: csv-parse refuses a quote that opens inside a field, or
 * (relaxQuotes) keeps it as a character, where the action has always read `dest="/tmp/x y"` as
 * `/tmp/x y`.
 */
/** The fields of an entry, in order, split at the commas outside quotes. */
function cacheEntryFields(entry) {
    const fields = [];
    let start = 0;
    let unquoted = '';
    let quoted = false;
    const end = (at) => {
        const eq = unquoted.indexOf('=');
        const [key, value] = eq > 0 ? [unquoted.slice(0, eq), unquoted.slice(eq + 1)] : ['', unquoted];
        fields.push({ text: entry.slice(start, at), key: key.trim(), value: value.trim() });
        start = at + 1;
        unquoted = '';
    };
    for (let i = 0; i < entry.length; i++) {
        const c = entry[i];
        if (c === '"' && quoted && entry[i + 1] === '"')
            unquoted += entry[++i];
        else if (c === '"')
            quoted = !quoted;
        else if (c === ',' && !quoted)
            end(i);
        else
            unquoted += c;
    }
    end(entry.length);
    return fields;
}
/** An entry's attributes by key; a key given twice keeps its last value, as in buildx. */
function cacheEntryAttributes(entry) {
    const attrs = {};
    for (const f of cacheEntryFields(entry))
        if (f.key !== '')
            attrs[f.key] = f.value;
    return attrs;
}
/** An entry's `type=` (`registry`, `gha`, `inline`, …), wherever it stands; '' without one. */
const cacheEntryType = (entry) => cacheEntryAttributes(entry).type ?? '';
/**
 * Attributes → an entry. A field is quoted only when it must be, and then whole (`"dest=a,b"`):
 * buildx's CSV reader refuses a quote that opens inside a field.
 */
function formatCacheEntry(attributes) {
    return attributes
        .map(([key, value]) => {
        const field = `${key}=${value}`;
        return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
    })
        .join(',');
}


/***/ }),

/***/ 50432:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Bytes as the report and the summaries show them: `512 B`, `1.5 KiB`, `12 MiB`. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}


/***/ }),

/***/ 77950:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   CD: () => (/* binding */ placeholderIndex),
/* harmony export */   _P: () => (/* binding */ MANIFEST_TYPES)
/* harmony export */ });
/**
 * The `Accept` header for what the cache exporters write: manifest lists and indexes, or an image
 * manifest (`image-manifest=true`).
 */
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/**
 * The manifest a tag is moved to before it is deleted where a registry cannot delete a tag alone:
 * an empty OCI index whose annotation names what was removed, so each is distinct and explains
 * itself if it is ever seen.
 */
function placeholderIndex(removed) {
    return JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [],
        annotations: { 'org.opencontainers.image.description': `buildkit-cache-action: removed ${removed}` },
    });
}


/***/ }),

/***/ 79112:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   q6: () => (/* binding */ parseBool)
/* harmony export */ });
/** The last non-empty line of a process's output: what a failure is named by in one line. */
function lastLine(text) {
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
/** Go's strconv.ParseBool, which buildx and build-push-action use: null when it is not a boolean. */
function parseBool(value) {
    if (value === undefined)
        return null;
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value))
        return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value))
        return false;
    return null;
}


/***/ }),

/***/ 61046:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F3: () => (/* binding */ SHARING),
/* harmony export */   GK: () => (/* binding */ flagWords),
/* harmony export */   Ob: () => (/* binding */ readMount),
/* harmony export */   n8: () => (/* binding */ mountFields),
/* harmony export */   sv: () => (/* binding */ mountValues)
/* harmony export */ });
/* unused harmony exports csvFields, cleanPath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A `RUN --mount` flag as BuildKit's Dockerfile frontend reads it: the flag words of the line
 * (quotes removed as a word), each value one CSV record of `key=value` fields, keys and `type` and
 * `sharing` case-insensitive, values expanded, and the id `path.Clean(target)` when none is given.
 * Pure.
 */
/**
 * The leading `--name=value` words of an instruction's text, quotes and escapes taken out of each
 * word as a whole (`--mount="type=cache,target=/x"` is `--mount=type=cache,target=/x`).
 */
function flagWords(text, escape = '\\') {
    const words = [];
    let i = 0;
    for (;;) {
        while (i < text.length && /\s/.test(text[i]))
            i++;
        if (!text.startsWith('--', i))
            return words;
        let word = '';
        let quote = '';
        for (; i < text.length && (quote !== '' || !/\s/.test(text[i])); i++) {
            const c = text[i];
            if (c === escape && i + 1 < text.length)
                word += text[++i];
            else if (quote === '' && (c === '"' || c === "'"))
                quote = c;
            else if (c === quote)
                quote = '';
            else
                word += c;
        }
        if (word === '--')
            return words;
        words.push(word);
    }
}
/** `--mount=…` words' values (a flag's name is case-sensitive in BuildKit). */
function mountValues(text, escape = '\\') {
    return flagWords(text, escape)
        .filter((w) => w.startsWith('--mount='))
        .map((w) => w.slice('--mount='.length));
}
/**
 * One CSV record, as Go's csv reader splits it: a field is quoted only when it starts with `"`,
 * and `""` inside it is one quote.
 */
function csvFields(value) {
    const fields = [];
    let i = 0;
    for (;;) {
        let field = '';
        if (value[i] === '"') {
            for (i++; i < value.length; i++) {
                if (value[i] === '"' && value[i + 1] === '"')
                    field += value[i++];
                else if (value[i] === '"')
                    break;
                else
                    field += value[i];
            }
            const comma = value.indexOf(',', i);
            field += value.slice(i + 1, comma === -1 ? value.length : comma);
            i = comma === -1 ? value.length : comma;
        }
        else {
            const comma = value.indexOf(',', i);
            field = value.slice(i, comma === -1 ? value.length : comma);
            i = comma === -1 ? value.length : comma;
        }
        fields.push(field);
        if (i >= value.length)
            return fields;
        i++;
    }
}
/** The fields as `key → value`, keys lowercased; a field without `=` (`ro`, `rw`) has ''. */
function mountFields(value) {
    const fields = new Map();
    for (const field of csvFields(value)) {
        const eq = field.indexOf('=');
        const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase();
        if (key !== '')
            fields.set(key, eq === -1 ? '' : field.slice(eq + 1));
    }
    return fields;
}
/** Go's `path.Clean`: `/go/pkg/mod/` → `/go/pkg/mod`, `./node_modules` → `node_modules`. */
function cleanPath(p) {
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p);
    return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}
const SHARING = ['shared', 'private', 'locked'];
const TARGET_KEYS = ['target', 'dst', 'destination'];
const SOURCE_KEYS = ['from', 'source', 'src'];
/** What a `--mount` value is, its values expanded by `expand`. */
function readMount(value, expand) {
    const resolved = new Map();
    const unknown = new Set();
    for (const [key, raw] of mountFields(value)) {
        const e = expand(raw);
        e.unknown.forEach((u) => unknown.add(u));
        resolved.set(key, e.value);
    }
    const type = (resolved.get('type') ?? 'bind').toLowerCase();
    const names = () => [...unknown].join(', ');
    if (type !== 'cache') {
        return unknown.size > 0 && /\$/.test(mountFields(value).get('type') ?? '')
            ? { kind: 'left-out', why: `its type depends on ${names()}, which has no value the action can know` }
            : { kind: 'not-cache' };
    }
    const target = TARGET_KEYS.map((k) => resolved.get(k)).find((t) => t !== undefined) ?? '';
    if (SOURCE_KEYS.some((k) => resolved.has(k))) {
        const id = unknown.size === 0 && target !== '' ? resolved.get('id') || cleanPath(target) : undefined;
        return {
            kind: 'left-out',
            why: 'its content comes from an image or a stage (from=/source=), not from earlier runs',
            ...(id !== undefined ? { id } : {}),
        };
    }
    if (unknown.size > 0) {
        return {
            kind: 'left-out',
            why: `${names()} has no value the action can know (no build arg, ARG default or ENV of the Dockerfile sets it)`,
        };
    }
    if (target === '')
        return { kind: 'left-out', why: 'it has no target' };
    const sharing = (resolved.get('sharing') || 'shared').toLowerCase();
    if (!SHARING.includes(sharing)) {
        return { kind: 'left-out', why: `sharing=${sharing} is not one BuildKit accepts: the build fails` };
    }
    return {
        kind: 'cache',
        options: {
            id: resolved.get('id') || cleanPath(target),
            target,
            sharing: sharing,
            uid: resolved.get('uid') ?? '',
            gid: resolved.get('gid') ?? '',
            mode: resolved.get('mode') ?? '',
        },
    };
}


/***/ }),

/***/ 3315:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hb: () => (/* binding */ buildPlatforms),
/* harmony export */   Nc: () => (/* binding */ nativePlatform),
/* harmony export */   xZ: () => (/* binding */ platformArgs)
/* harmony export */ });
/**
 * The arguments BuildKit defines by itself from the build's platforms and target, which a
 * Dockerfile uses in FROM lines and, once declared with ARG, in its stages. Pure.
 */
/** `arm64/v8` is `arm64` in BuildKit's normal form; other variants stay. */
const DEFAULT_VARIANTS = { arm64: 'v8', amd64: 'v1' };
function parsePlatform(text) {
    const [os = '', arch = '', variant = ''] = text.toLowerCase().split('/');
    return { os, arch, variant: DEFAULT_VARIANTS[arch] === variant ? '' : variant };
}
const format = (p) => [p.os, p.arch, p.variant].filter((s) => s !== '').join('/');
/** TARGETPLATFORM … BUILDVARIANT and TARGETSTAGE (the stage built: `default` for an unnamed last stage). */
function platformArgs(platforms, target) {
    const t = parsePlatform(platforms.target);
    const b = parsePlatform(platforms.build);
    return new Map([
        ['BUILDPLATFORM', format(b)],
        ['BUILDOS', b.os],
        ['BUILDARCH', b.arch],
        ['BUILDVARIANT', b.variant],
        ['TARGETPLATFORM', format(t)],
        ['TARGETOS', t.os],
        ['TARGETARCH', t.arch],
        ['TARGETVARIANT', t.variant],
        ['TARGETSTAGE', target === '' ? 'default' : target],
    ]);
}
/** Node's `process.arch` as an OCI platform: the builder's own when it runs on this machine. */
const NODE_ARCHES = {
    x64: 'linux/amd64',
    arm64: 'linux/arm64',
    arm: 'linux/arm/v7',
    ppc64: 'linux/ppc64le',
    s390x: 'linux/s390x',
    riscv64: 'linux/riscv64',
};
function nativePlatform(arch) {
    return NODE_ARCHES[arch] ?? `linux/${arch}`;
}
/** One entry per platform the build makes: the `platforms` input, or the builder's own. */
function buildPlatforms(platforms, native) {
    const targets = platforms.length > 0 ? platforms : [native];
    return targets.map((target) => ({ target, build: native }));
}


/***/ }),

/***/ 59663:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ proxyConfigured),
/* harmony export */   Pf: () => (/* binding */ agentFor),
/* harmony export */   kY: () => (/* binding */ failureText),
/* harmony export */   tX: () => (/* binding */ httpFetch)
/* harmony export */ });
/* unused harmony export proxyFor */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(54988);


const MAX_REDIRECTS = 5;
/**
 * A failed request in a few words: fetch's "fetch failed" with the system error's code, e.g.
 * `(ECONNREFUSED)`, and the proxy it went through, if any (a proxy's refusal reads the same).
 */
function failureText(error) {
    const cause = error?.cause?.code;
    const proxy = error?.proxy;
    return (`${error?.message || String(error)}${typeof cause === 'string' ? ` (${cause})` : ''}` +
        (typeof proxy === 'string' ? ` through the proxy ${proxy}` : ''));
}
/**
 * A small `fetch` whose connections come from `@actions/http-client`: HTTPS_PROXY / HTTP_PROXY are
 * used and NO_PROXY (and loopback) bypass them, exactly as for `@actions/cache` and
 * `@actions/tool-cache`. Follows up to five redirects itself (303 turns into a GET, and
 * credentials are not sent to another origin: host and port, which the toolkit's own redirect
 * handling does not compare), reads the whole body, and fails as `fetch` does: network errors as
 * "fetch failed" with the system error as `cause`, an aborted signal with the signal's reason (a
 * `TimeoutError` for `AbortSignal.timeout`).
 */
const httpFetch = async (url, init = {}) => {
    let target = new URL(url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    let headers = { ...(init.headers ?? {}) };
    const routes = await proxyRoutes();
    for (let hop = 0;; hop++) {
        const res = await request(target, method, headers, body, init.signal, routes);
        const location = res.headers.get('location');
        if (![301, 302, 303, 307, 308].includes(res.status) || !location)
            return res;
        if (hop === MAX_REDIRECTS)
            throw new Error('fetch failed', { cause: new Error('too many redirects') });
        const next = new URL(location, target);
        if (next.origin !== target.origin) {
            headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
        }
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
        }
        target = next;
    }
};
/** Without a proxy variable every connection is direct, as the toolkit's would be: node's own agent. */
const DIRECT = { agentFor: () => undefined, proxyFor: () => undefined };
let loadedRoutes;
/** The proxy (`host:port`, without credentials) a request to `url` goes through; undefined for none. */
async function proxyFor(url) {
    return (await proxyRoutes()).proxyFor(new URL(url));
}
/**
 * Whether the runner sets a proxy at all (without one, every connection is direct). net/ reads no
 * variable itself: the toolkit's own reading (`getProxyUrl`, which also applies NO_PROXY) is asked
 * about an outside host on each scheme. Its module is small and loads nothing else; the client
 * (undici, tunnel) is only loaded once a request goes through a proxy.
 */
const proxyConfigured = () => PROBES.some((url) => (0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_1__.getProxyUrl)(url) !== undefined);
const PROBES = [new URL('https://proxy-probe.invalid/'), new URL('http://proxy-probe.invalid/')];
/**
 * The agent the action's own requests to `url` use: the toolkit's (through the proxy, or direct
 * for NO_PROXY and loopback) when a proxy is set; undefined (node's own) when none is.
 */
async function agentFor(url) {
    return (await proxyRoutes()).agentFor(new URL(url));
}
/**
 * The toolkit's client is loaded on the first request through a proxy only (it brings undici and
 * a tunnel agent, ~50 ms): runs without a proxy, or without requests, don't pay for it.
 */
function proxyRoutes() {
    if (!proxyConfigured())
        return Promise.resolve(DIRECT);
    loadedRoutes ??= Promise.all([
        __nccwpck_require__.e(/* import() */ 844).then(__nccwpck_require__.t.bind(__nccwpck_require__, 54844, 23)),
        Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 54988)),
    ]).then(([{ HttpClient }, { getProxyUrl }]) => {
        const client = new HttpClient('buildkit-cache-action', [], { allowRedirects: false });
        return {
            agentFor: (url) => client.getAgent(url.href),
            proxyFor: (url) => {
                const proxy = getProxyUrl(url);
                return proxy?.hostname ? proxy.host : undefined;
            },
        };
    });
    return loadedRoutes;
}
function request(url, method, headers, body, signal, routes) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        // node:https loads TLS: ~5 ms that runs against a loopback or plain-HTTP service never need.
        const client = url.protocol === 'https:'
            ? __nccwpck_require__(44708)
            : url.protocol === 'http:'
                ? node_http__WEBPACK_IMPORTED_MODULE_0__
                : null;
        if (!client)
            return reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
        const proxy = routes.proxyFor(url);
        const failed = (e) => signal?.aborted
            ? signal.reason
            : Object.assign(new TypeError('fetch failed', { cause: e }), proxy ? { proxy } : {});
        const sent = { ...headers };
        if (body !== undefined)
            sent['Content-Length'] = String(Buffer.byteLength(body));
        const req = client.request(url, { method, headers: sent, agent: routes.agentFor(url) });
        const onAbort = () => req.destroy(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        const settle = () => signal?.removeEventListener('abort', onAbort);
        req.on('error', (e) => {
            settle();
            reject(failed(e));
        });
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', (e) => {
                settle();
                reject(failed(e));
            });
            res.on('end', () => {
                settle();
                const data = Buffer.concat(chunks);
                const status = res.statusCode ?? 0;
                resolve({
                    status,
                    ok: status >= 200 && status < 300,
                    headers: {
                        get: (name) => {
                            const v = res.headers[name.toLowerCase()];
                            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
                        },
                    },
                    text: async () => data.toString('utf8'),
                    json: async () => JSON.parse(data.toString('utf8')),
                    arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
                });
            });
        });
        req.end(body);
    });
}


/***/ }),

/***/ 42471:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E3: () => (/* binding */ refLabel),
/* harmony export */   MF: () => (/* binding */ namespace),
/* harmony export */   UU: () => (/* binding */ cacheName),
/* harmony export */   Yk: () => (/* binding */ legOf),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   _V: () => (/* binding */ defaultScope),
/* harmony export */   b1: () => (/* binding */ parseCacheName),
/* harmony export */   hc: () => (/* binding */ siblingLegsFromTags),
/* harmony export */   yR: () => (/* binding */ slug)
/* harmony export */ });
/* unused harmony exports partName, refName, TAG_MAX, scopePart, legPart */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

function refLabel(ref) {
    switch (ref.kind) {
        case 'branch':
            return `branch:${ref.name}`;
        case 'pr':
            return `pr:${ref.number}`;
        case 'sha':
            return `sha:${ref.sha}`;
    }
}
function shortHash(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 8);
}
/**
 * A name that is valid inside a registry tag, a gha scope, an s3 name and a folder name:
 * lowercase `[a-z0-9_.-]`, not starting with `.` or `-`, at most `maxLength` characters. Where
 * sanitizing changed or shortened the name, a short hash of the original is appended, so that
 * `Feature/A` and `feature-a` never share a cache.
 */
function slug(name, maxLength = 128, allowDots = true) {
    const invalid = allowDots ? /[^a-z0-9_.-]+/g : /[^a-z0-9_-]+/g;
    const clean = name
        .toLowerCase()
        .replace(invalid, '-')
        .replace(/^[.-]+/, '')
        .replace(/[.-]+$/, '');
    if (clean === name && clean.length <= maxLength && clean !== '')
        return clean;
    const hash = shortHash(name);
    const room = maxLength - hash.length - 1;
    const head = clean.slice(0, room).replace(/[.-]+$/, '');
    return head === '' ? hash : `${head}-${hash}`;
}
/**
 * Cache names are `<scope>.<ref part>` or `<scope>.<leg>.<ref part>`, and every part is encoded so
 * that no input, a hostile branch name least of all, can produce another part's shape:
 *
 * - no part holds a dot, so the dots split a name into its parts, whatever the branch is called;
 * - a part is kept as it is only when it is "plain" (lowercase letters, digits, `_`, single `-`
 *   between them); any other text becomes `<plain head>--<16 hex of sha256(text)>`. A plain part
 *   never holds `--`, so an encoded part never equals a plain one, and two texts share an encoded
 *   part only if they share 64 bits of sha256;
 * - a leg never starts like a ref part (`branch-`, `pr-`, `sha-`): such a leg is encoded with a
 *   leading `_`, so a name some branch gave (`<scope>.branch-<x>.<…>`, also written by earlier
 *   versions whose branch parts kept dots) is never read as a leg's.
 */
const PLAIN_PART = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;
const ENCODED_PART = /^[a-z0-9_]+(?:-[a-z0-9_]+)*--[0-9a-f]{16}$/;
/** How a ref part starts: a leg may not start so. */
const REF_KINDS = ['branch-', 'pr-', 'sha-'];
const PART_HASH_LENGTH = 16;
const startsLikeRef = (text) => REF_KINDS.some((k) => text.startsWith(k));
/**
 * One part of a cache name (see above), at most `maxLength` characters (at least 20): a long
 * name is cut and hashed, so two long names with one beginning stay apart. `leg`: never starts
 * like a ref part. Scopes and legs also keep an encoded part as it is, so a leg found among the
 * tags (an encoded part already) names the namespace it was found in; a branch is always encoded
 * from its own text.
 */
function partName(text, maxLength, kind) {
    const reservedStart = kind === 'leg';
    const fits = text.length <= maxLength && !(reservedStart && startsLikeRef(text));
    if (fits && (PLAIN_PART.test(text) || (kind !== 'ref' && ENCODED_PART.test(text))))
        return text;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, PART_HASH_LENGTH);
    const room = maxLength - hash.length - 2;
    let head = text
        .toLowerCase()
        .replace(/[^a-z0-9_]+/g, '-')
        .replace(/^-+/, '');
    if (reservedStart && startsLikeRef(head))
        head = `_${head}`;
    head = head.slice(0, room).replace(/-+$/, '');
    return `${head === '' ? 'x' : head}--${hash}`;
}
/** Whether a text is a part {@link partName} can give (plain, or encoded). */
const isPartName = (text) => PLAIN_PART.test(text) || ENCODED_PART.test(text);
const SHA_TEXT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** The name part of a cache for a ref, e.g. `branch-main`, `pr-7`, `sha-<40 hex>`. */
function refName(ref, maxLength) {
    switch (ref.kind) {
        case 'branch':
            return `branch-${partName(ref.name, maxLength - 'branch-'.length, 'ref')}`;
        case 'pr':
            return `pr-${ref.number}`;
        case 'sha': {
            const sha = ref.sha.toLowerCase();
            return `sha-${SHA_TEXT.test(sha) ? sha : partName(ref.sha, maxLength - 'sha-'.length, 'ref')}`;
        }
    }
}
/** Registry tags are at most 128 characters. */
const TAG_MAX = 128;
const SCOPE_MAX = 48;
const LEG_MAX = 40;
/** A scope's part of its cache names. */
const scopePart = (scope) => partName(scope, SCOPE_MAX, 'scope');
/** A leg's part of its cache names (never one that starts like a ref part). */
const legPart = (leg) => partName(leg, LEG_MAX, 'leg');
/** `<scope>[.<leg>]`: the namespace of one image's cache. */
function namespace(scope, leg) {
    const s = scopePart(scope);
    return leg === '' ? s : `${s}.${legPart(leg)}`;
}
/** The full cache name for a ref inside a namespace: `<namespace>.<ref part>`, a valid tag. */
function cacheName(ns, ref) {
    return `${ns}.${refName(ref, TAG_MAX - ns.length - 1)}`;
}
const REF_PART = /^(?:branch-(.+)|pr-[1-9][0-9]*|sha-(?:[0-9a-f]{40}|[0-9a-f]{64}|(.+)))$/;
/**
 * A cache name split into its parts; null for a name this action's inputs cannot give (a dotted
 * branch part of an earlier version, a leg that starts like a ref part, another tool's tag).
 */
function parseCacheName(name) {
    const parts = name.split('.');
    if (parts.length !== 2 && parts.length !== 3)
        return null;
    const scope = parts[0];
    const leg = parts.length === 3 ? parts[1] : '';
    const refPart = parts[parts.length - 1];
    if (!isPartName(scope))
        return null;
    if (parts.length === 3 && (!isPartName(leg) || startsLikeRef(leg)))
        return null;
    const m = REF_PART.exec(refPart);
    if (!m)
        return null;
    const encoded = m[1] ?? m[2];
    if (encoded !== undefined && !isPartName(encoded))
        return null;
    return { scope, leg, refPart };
}
/**
 * The default scope: from the Dockerfile's path, so two images built in one repository never
 * share a cache by accident. Targets and platforms of one Dockerfile share stages, so they are
 * legs of one scope (see `legOf`), not strangers.
 */
function defaultScope(file) {
    const parts = [];
    const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
    if (path !== '') {
        const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
        const base = path.slice(path.lastIndexOf('/') + 1);
        if (dir !== '' && dir !== '.')
            parts.push(dir);
        if (base !== 'Dockerfile')
            parts.push(base);
    }
    // Already clean, so the namespace needs no hash suffix: `docker/api/Dockerfile` → `docker-api`.
    const name = parts
        .join('-')
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^[-]+|[-]+$/g, '');
    return name === '' ? 'default' : name;
}
/**
 * The default matrix leg: the target and the platforms (`runtime`, `linux-arm64`,
 * `runtime-linux-amd64_linux-arm-v7`); empty for a plain build.
 */
function legOf(target, platforms) {
    const platformPart = platforms.map((p) => p.replace(/\//g, '-')).join('_');
    return [target, platformPart].filter((p) => p !== '').join('-');
}
/** The repository of an image reference: `ghcr.io/o/app:1.0` → `ghcr.io/o/app`. */
function repositoryOf(imageRef) {
    const noDigest = imageRef.split('@')[0];
    const lastSlash = noDigest.lastIndexOf('/');
    const colon = noDigest.indexOf(':', lastSlash + 1);
    return (colon === -1 ? noDigest : noDigest.slice(0, colon)).toLowerCase();
}
/**
 * Sibling matrix legs found among a cache repository's tags: the legs of this scope's cache names
 * (see {@link parseCacheName}) other than this one. Only names this action could have written for
 * some leg count: a tag a branch name made is never a leg.
 */
function siblingLegsFromTags(tags, scope, ownLeg) {
    const s = scopePart(scope);
    const own = ownLeg === '' ? '' : legPart(ownLeg);
    const legs = new Set();
    for (const tag of tags) {
        const parsed = parseCacheName(tag);
        if (parsed && parsed.scope === s && parsed.leg !== '' && parsed.leg !== own)
            legs.add(parsed.leg);
    }
    return [...legs].sort();
}


/***/ }),

/***/ 23594:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ri: () => (/* binding */ nothingBuiltPlan),
  ZM: () => (/* binding */ ownReadEntry),
  et: () => (/* binding */ plan),
  HN: () => (/* binding */ planLines),
  kR: () => (/* binding */ planOptionsFrom)
});

// EXTERNAL MODULE: ./src/stores/descriptors.ts
var descriptors = __nccwpck_require__(38152);
;// CONCATENATED MODULE: ./src/plan/backends.ts

const keyOf = (attribute) => attribute.slice(0, attribute.indexOf('='));
function filterOptions(options, accepted) {
    return options.filter((o) => accepted.includes(keyOf(o)));
}
/** Options the backend accepts in neither direction: reported as a note, not passed. */
function unusedOptions(b) {
    const { to, from } = descriptors/* STORE */.er[b.backend].accepts;
    return b.options.filter((o) => !to.includes(keyOf(o)) && !from.includes(keyOf(o)));
}
function join(type, attrs) {
    return [`type=${type}`, ...attrs].join(',');
}
/** Where one named cache lives, as the backend's own attribute. */
function backends_location(b, name, direction) {
    const { attribute, value } = descriptors/* STORE */.er[b.backend].location;
    return `${attribute[direction]}=${value(name, b)}`;
}
/** `--cache-from` entries for the named caches, in order. */
function cacheFromEntries(b, names) {
    const store = descriptors/* STORE */.er[b.backend];
    switch (store.reads) {
        case 'the image tags':
            // The cache travels inside the image: read it back from the image's own tags.
            return b.imageTags.map((tag) => join('registry', [`ref=${tag}`]));
        case 'one entry per name': {
            const extra = filterOptions(b.options, store.accepts.from);
            return names.map((n) => join(b.backend, [backends_location(b, n, 'from'), ...extra]));
        }
    }
}
/** `--cache-to` entries for the named caches. */
function cacheToEntries(b, names) {
    if (names.length === 0)
        return [];
    const store = descriptors/* STORE */.er[b.backend];
    const user = filterOptions(b.options, store.accepts.to);
    const userKeys = user.map(keyOf);
    const attrs = [
        `mode=${b.mode}`,
        ...store.presets(b).filter((p) => !userKeys.includes(keyOf(p))),
        ...user,
        ...(b.ignoreError ? ['ignore-error=true'] : []),
    ];
    const entry = (target) => join(b.backend, [backends_location(b, target, 'to'), ...attrs]);
    switch (store.writes) {
        case 'inside the image':
            return ['type=inline'];
        case 'one entry per name':
            return names.map(entry);
        case 'one entry for all names':
            return [entry(names.join(';'))];
    }
}

// EXTERNAL MODULE: ./src/plan/names.ts
var plan_names = __nccwpck_require__(42471);
// EXTERNAL MODULE: ./src/plan/rules.ts + 1 modules
var plan_rules = __nccwpck_require__(93863);
// EXTERNAL MODULE: ./src/plan/token.ts
var plan_token = __nccwpck_require__(78846);
// EXTERNAL MODULE: ./src/plan/triggers.ts
var triggers = __nccwpck_require__(79834);
;// CONCATENATED MODULE: ./src/plan/planner.ts





/** A `cache-read-legs` entry: a leg name, or a platform (`linux/arm64`) read as that platform's leg. */
const legOfRead = (entry, target) => (entry.includes('/') ? (0,plan_names/* legOf */.Yk)(target, [entry]) : entry);
/** Resolves the defaults: scope from the Dockerfile, leg from target and platforms, image from tags. */
function planOptionsFrom(inputs, siblingLegs = []) {
    const { cache, build } = inputs;
    const image = cache.image || (build.tags[0] ? (0,plan_names/* repositoryOf */._M)(build.tags[0]) : '');
    return {
        backend: cache.backend,
        image,
        dir: cache.dir,
        mode: cache.mode,
        ignoreError: cache.ignoreError,
        options: cache.options,
        imageTags: build.tags,
        scope: cache.scope || (0,plan_names/* defaultScope */._V)(build.file),
        leg: cache.leg || (0,plan_names/* legOf */.Yk)(build.target, build.platforms),
        siblingLegs: [...new Set([...cache.readLegs.map((l) => legOfRead(l, build.target)), ...siblingLegs])],
        write: cache.write,
        rawFrom: build.cacheFrom,
        rawTo: build.cacheTo,
        ...(cache.persistLocal ? { persistedLocal: true } : {}),
    };
}
/** The plan of a run that builds nothing (a clean-up run): no reads, no writes, one note why. */
function nothingBuiltPlan(ctx, options, why) {
    return {
        trigger: (0,triggers/* classify */.L)(ctx),
        namespace: (0,plan_names/* namespace */.MF)(options.scope, options.leg),
        cacheFrom: [],
        cacheTo: [],
        reads: [],
        writes: [],
        notes: [why],
    };
}
/**
 * Refs a gha run cannot read, whatever the planner wants: GitHub's rules decide. A run reads its
 * own ref, its pull request's base and the default branch; a pull request's scope is readable
 * only by that pull request's runs.
 */
function ghaUnreadable(trigger, ref, defaultBranch) {
    if (ref.kind === 'pr') {
        return trigger.kind === 'pull-request' && trigger.number === ref.number
            ? null
            : "on GitHub a pull request's cache is readable only by that pull request's runs";
    }
    if (ref.kind !== 'branch' || ref.name === defaultBranch)
        return null;
    const readable = ((trigger.kind === 'push-branch' || trigger.kind === 'push-default') && trigger.branch === ref.name) ||
        ((trigger.kind === 'pull-request' || trigger.kind === 'untrusted') && trigger.base === ref.name);
    return readable ? null : `on GitHub this run can read only its own ref, its base and ${defaultBranch}`;
}
/** The backend's options with their defaults. */
function backendOptions(options) {
    return {
        backend: options.backend,
        image: options.image ?? '',
        dir: options.dir ?? '',
        mode: options.mode ?? 'max',
        ignoreError: options.ignoreError ?? true,
        options: options.options ?? [],
        imageTags: options.imageTags ?? [],
    };
}
/** What the phases start from: the backend's options, this leg's namespace, what the token refuses. */
function planning(ctx, options, rules, notes) {
    const b = backendOptions(options);
    return {
        ctx,
        options,
        rules,
        b,
        ns: (0,plan_names/* namespace */.MF)(options.scope, options.leg),
        throughGithub: b.backend === 'gha' || (b.backend === 'local' && options.persistedLocal === true),
        refusals: (0,plan_token/* tokenRefusals */.bc)(options.token),
        notes,
        readNames: [],
        writeNames: [],
    };
}
/**
 * The entry this leg reads one of its own refs from, as plan() spells it ('' when it is not read
 * whatever exists: GitHub's rules or the token refuse it). Lets the facts finder check a declared
 * read's existence before the facts the plan needs are found.
 */
function ownReadEntry(ctx, options, use) {
    if (options.backend === 'none')
        return '';
    const rules = { trigger: (0,triggers/* classify */.L)(ctx), reads: [], writes: [], notes: [] };
    const p = planning(ctx, { ...options, backend: options.backend }, rules, []);
    return unreadableOf(p, use.ref) ? '' : read(p, use, 'own').entry;
}
const noteOnce = (notes, note) => {
    if (!notes.includes(note))
        notes.push(note);
};
/** Why a ref is not read whatever exists; `noted`: the token's one note already says it. */
function unreadableOf(p, ref) {
    const rule = p.b.backend === 'gha' ? ghaUnreadable(p.rules.trigger, ref, p.ctx.defaultBranch) : null;
    if (rule)
        return { why: rule, noted: false };
    const token = p.throughGithub ? (0,plan_token/* tokenCannotRead */.J8)(p.options.token, ref) : '';
    return token ? { why: token, noted: token === p.refusals.read } : null;
}
// Each ref becomes a cache name of its own, also on gha: BuildKit's gha import reads a name's
// index in every ref scope the token may read, so a name shared by a branch and a pull request
// would import both of them at once.
function use(p, u, direction, inNamespace = p.ns, label = (0,plan_names/* refLabel */.E3)(u.ref)) {
    const names = direction === 'from' ? p.readNames : p.writeNames;
    const name = (0,plan_names/* cacheName */.UU)(inNamespace, u.ref);
    if (!names.includes(name))
        names.push(name);
    const entry = (direction === 'from' ? cacheFromEntries(p.b, [name]) : cacheToEntries(p.b, [name]))[0] ?? name;
    return { ref: label, why: u.why, entry, name };
}
function read(p, u, origin, inNamespace = p.ns, label) {
    const { sha, defaultBranch } = p.ctx;
    const thisCommit = u.ref.kind === 'sha' && u.ref.sha === sha;
    const exact = origin !== 'own' ? undefined : (u.exact ?? (thisCommit ? 'was built from this very commit' : undefined));
    const alone = origin === 'own' ? u.alone : undefined;
    const trunk = origin !== 'sibling' && u.ref.kind === 'branch' && u.ref.name === defaultBranch;
    return {
        ...use(p, u, 'from', inNamespace, label),
        origin,
        ...(exact ? { exact } : {}),
        ...(alone ? { alone } : {}),
        ...(trunk ? { defaultBranch: true } : {}),
    };
}
const siblingLegsOf = (options) => options.siblingLegs.filter((l) => l !== options.leg);
/**
 * A sibling leg's cache of this very commit: the stages the legs share (those on $BUILDPLATFORM)
 * are this commit's there (narrow.ts reads it alone when this leg has none of this commit).
 */
function siblingsOfThisCommit(p) {
    const { ctx, rules, options } = p;
    const thisCommit = rules.reads.filter((r) => r.ref.kind === 'sha' &&
        r.ref.sha === ctx.sha &&
        !(p.b.backend === 'gha' && ghaUnreadable(rules.trigger, r.ref, ctx.defaultBranch)));
    return siblingLegsOf(options).flatMap((leg) => thisCommit.map((u) => {
        const why = { ...u, why: 'a sibling matrix leg built this very commit: shared stages' };
        const label = `${(0,plan_names/* refLabel */.E3)(u.ref)} (leg ${leg})`;
        return {
            ...read(p, why, 'sibling', (0,plan_names/* namespace */.MF)(options.scope, leg), label),
            sharedExact: 'was built from this very commit by a sibling leg',
        };
    }));
}
/** This leg's own reads, the rules' order; one the token or GitHub's rules refuse is listed, not read. */
function ownReads(p) {
    return p.rules.reads.map((u) => {
        const unreadable = unreadableOf(p, u.ref);
        if (!unreadable)
            return read(p, u, 'own');
        if (!unreadable.noted)
            p.notes.push(`${(0,plan_names/* refLabel */.E3)(u.ref)} is not read: ${unreadable.why}`);
        else
            noteOnce(p.notes, unreadable.why);
        return { ref: (0,plan_names/* refLabel */.E3)(u.ref), why: u.why, entry: '', origin: 'own', notRead: unreadable.why };
    });
}
/** The other sibling caches come after this leg's own: their stages shared with this leg hit. */
function siblingReads(p) {
    const { options, rules } = p;
    return siblingLegsOf(options).flatMap((leg) => {
        const siblingNs = (0,plan_names/* namespace */.MF)(options.scope, leg);
        const reads = [];
        for (const u of rules.reads.filter((r) => r.ref.kind !== 'sha')) {
            if (p.throughGithub && (0,plan_token/* tokenCannotRead */.J8)(options.token, u.ref))
                continue;
            if (p.readNames.includes((0,plan_names/* cacheName */.UU)(siblingNs, u.ref)))
                continue;
            const why = { ...u, why: 'a sibling matrix leg: shared stages' };
            reads.push(read(p, why, 'sibling', siblingNs, `${(0,plan_names/* refLabel */.E3)(u.ref)} (leg ${leg})`));
        }
        return reads;
    });
}
/**
 * A leg also reads the scope's plain cache (the Dockerfile built with no target or platform):
 * the stages they share hit there, so a new leg or a new target does not start cold.
 */
function plainReads(p) {
    if (p.options.leg === '')
        return [];
    const plainNs = (0,plan_names/* namespace */.MF)(p.options.scope, '');
    const reads = [];
    for (const u of p.rules.reads) {
        if (unreadableOf(p, u.ref))
            continue;
        if (p.readNames.includes((0,plan_names/* cacheName */.UU)(plainNs, u.ref)))
            continue;
        const why = { ...u, why: `${u.why}; built without a leg (shared stages)` };
        reads.push(read(p, why, 'plain', plainNs, `${(0,plan_names/* refLabel */.E3)(u.ref)} (no leg)`));
    }
    return reads;
}
/** The rules' writes, unless the token may not write through the GitHub Actions cache. */
function writesOf(p) {
    if (p.throughGithub && p.refusals.write && p.rules.writes.length > 0) {
        noteOnce(p.notes, p.refusals.write);
        return { writes: [], writesLeftOut: p.refusals.write };
    }
    return { writes: p.rules.writes.map((u) => use(p, u, 'to')) };
}
const INLINE_NOTE = "inline: the cache travels inside the pushed image, in min mode only: just the final stage's steps can hit (the other stages run again); it is read back from the image's own tags, whatever the ref";
/**
 * The cache plan: which caches to import (best first) and where to export. Pure: the run, the
 * commits git found and the options in; BuildKit entries and the reasons for each out.
 */
function plan(ctx, facts, options) {
    const rules = (0,plan_rules/* refPlan */.de)(ctx, facts, options.write, (0,plan_rules/* visibility */.XD)(options.backend));
    const notes = [...rules.notes];
    const ns = (0,plan_names/* namespace */.MF)(options.scope, options.leg);
    const refusals = (0,plan_token/* tokenRefusals */.bc)(options.token);
    const result = {
        trigger: rules.trigger,
        namespace: ns,
        cacheFrom: [],
        cacheTo: [],
        reads: [],
        writes: [],
        notes,
        ...(refusals.read || refusals.write ? { tokenRefuses: refusals } : {}),
    };
    if (options.backend === 'none') {
        notes.push('cache: none: only the raw cache-from / cache-to entries are used');
        return { ...result, cacheFrom: [...options.rawFrom], cacheTo: [...options.rawTo] };
    }
    const p = planning(ctx, { ...options, backend: options.backend }, rules, notes);
    const { b } = p;
    const unused = unusedOptions(b);
    if (unused.length > 0)
        notes.push(`cache-options not used by ${b.backend}: ${unused.join(', ')}`);
    if (p.throughGithub && options.token === null)
        notes.push(plan_token/* UNDECODABLE */.fn);
    // In this order: each phase skips the names the ones before it read.
    result.reads.push(...siblingsOfThisCommit(p));
    result.reads.push(...ownReads(p));
    result.reads.push(...siblingReads(p));
    result.reads.push(...plainReads(p));
    Object.assign(result, writesOf(p));
    if (b.backend === 'inline')
        notes.push(INLINE_NOTE);
    result.cacheFrom = [...cacheFromEntries(b, p.readNames), ...options.rawFrom];
    result.cacheTo = [...cacheToEntries(b, p.writeNames), ...options.rawTo];
    return result;
}
/** The plan as log lines: each read and write with its reason, then the notes. */
function planLines(p) {
    return [
        ...p.reads.map((r) => `read  ${r.ref.padEnd(20)} ${r.notRead ? `(not read: ${r.notRead})` : r.entry || '(not read)'}  # ${r.why}`),
        ...p.writes.map((w) => `write ${w.ref.padEnd(20)} ${w.entry}  # ${w.why}`),
        ...p.notes.map((n) => `note: ${n}`),
    ];
}


/***/ }),

/***/ 93863:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jJ: () => (/* binding */ factsNeeded),
  og: () => (/* binding */ mergeBaseMootIf),
  de: () => (/* binding */ refPlan),
  XD: () => (/* binding */ visibility)
});

// EXTERNAL MODULE: ./src/stores/descriptors.ts
var descriptors = __nccwpck_require__(38152);
// EXTERNAL MODULE: ./src/plan/names.ts
var names = __nccwpck_require__(42471);
// EXTERNAL MODULE: ./src/plan/triggers.ts
var triggers = __nccwpck_require__(79834);
;// CONCATENATED MODULE: ./src/plan/uses.ts
const branch = (name) => ({ kind: 'branch', name });
const commit = (sha) => ({ kind: 'sha', sha });
const pullRequestRef = (number) => ({ kind: 'pr', number });
const OWN = "holds this ref's earlier runs";
/** The uses, when the condition holds (a ref the run has), else none. */
const when = (condition, ...uses) => (condition ? uses : []);
function mergeBaseRead(facts, def) {
    if (facts.mergeBase) {
        const why = `the merge-base with ${def}: its dependency files match this commit best`;
        return { reads: [{ ref: commit(facts.mergeBase), why }], notes: [] };
    }
    const note = facts.mergeBaseSkipped
        ? `merge-base with ${def} ${facts.mergeBaseSkipped}`
        : `merge-base with ${def} not found (${facts.mergeBaseWhy ?? 'unknown'}); reading ${def} only`;
    return { reads: [], notes: [note] };
}
/**
 * The base commit newer than the own ref's last build, and how it came: merged in (the merge
 * commit's second parent) or rebased onto (history rewritten; `rebasedOnto` is the new base).
 * One fact for both, so both read the same way.
 */
function baseChange(facts, rebasedOnto) {
    if (facts.justMerged)
        return { sha: facts.justMerged, how: 'merged' };
    if (facts.rewritten === true && rebasedOnto)
        return { sha: rebasedOnto, how: 'rebased' };
    return undefined;
}
// The base commit this build started from holds what the base changed since the own ref's last
// build (a lock file bumped on the base) and differs only by this ref's own changes, usually
// later layers: it comes first, read alone.
const newBaseRead = (change, words) => {
    if (!change)
        return [];
    const { why, alone } = words[change.how];
    return [{ ref: commit(change.sha), why, alone }];
};
/** Why the rules could not tell whether the history was rewritten: today's rule holds. */
const rewriteUnknownNote = (facts, what, own) => facts.rewrittenWhy
    ? [`whether ${what} rewrote history is unknown (${facts.rewrittenWhy}): ${own} is read first, as before`]
    : [];

;// CONCATENATED MODULE: ./src/plan/rules.ts




function dedupe(uses) {
    const seen = new Set();
    return uses.filter((u) => {
        const key = (0,names/* refLabel */.E3)(u.ref);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Who can read what a run writes, as its store says. `github`: the GitHub Actions cache, where a
 * pull request's scope is readable by that pull request's runs only and a merge queue's by the
 * queue branch only. `shared`: a registry, a folder or a bucket, readable by every later run.
 */
function visibility(backend) {
    return backend === 'none' ? 'shared' : descriptors/* STORE */.er[backend].visibility;
}
// A cache written from this very commit (by its merge queue run, a re-run, a push a schedule
// follows) is an exact match; the planner reads it alone when it is known to exist.
const ownCommitRead = (ctx) => when(ctx.sha, { ref: commit(ctx.sha), why: 'this very commit, when it was built before' });
const mergedPullRequestRead = (ctx) => ctx.mergedPullRequest === undefined
    ? []
    : [
        {
            ref: pullRequestRef(ctx.mergedPullRequest),
            why: `the pull request this push merged (#${ctx.mergedPullRequest}): its merge commit held this content`,
        },
    ];
const ownBranchRead = (name) => ({
    ref: branch(name),
    why: 'own branch: the newest build of this branch',
    alone: OWN,
});
const defaultBranchRead = (def) => when(def, { ref: branch(def), why: 'the default branch' });
function pushToDefaultBranch({ trigger, ctx, facts }) {
    const parentWhy = facts.parent === ctx.pushedBefore
        ? "the branch's previous head (the push's before): its last build"
        : 'the parent commit (HEAD^1)';
    return {
        reads: [
            ...ownCommitRead(ctx),
            ownBranchRead(trigger.branch),
            ...mergedPullRequestRead(ctx),
            ...(facts.parent ? [{ ref: commit(facts.parent), why: parentWhy }] : []),
        ],
        writes: [
            { ref: branch(trigger.branch), why: 'push to the default branch: its cache serves every branch' },
            { ref: commit(ctx.sha), why: 'this commit, for branches that start from it' },
        ],
        alwaysWrites: [],
        notes: facts.parent ? [] : [`parent commit not found (${facts.parentWhy ?? 'unknown'})`],
    };
}
function pushToBranch({ trigger, ctx, facts, defaultBranch: def }) {
    const mergeBase = mergeBaseRead(facts, def);
    const rewrote = "this push rewrote the branch's history";
    return {
        reads: [
            ...newBaseRead(baseChange(facts, facts.mergeBase), {
                merged: {
                    why: `the ${def} commit this push merged in`,
                    alone: `is the ${def} commit this push merged in: newer than this branch's last build`,
                },
                rebased: {
                    why: `the new merge-base with ${def}: ${rewrote}`,
                    alone: `is the new merge-base with ${def}: ${rewrote}, so its last build started from another base`,
                },
            }),
            ownBranchRead(trigger.branch),
            ...mergedPullRequestRead(ctx),
            ...mergeBase.reads,
            ...when(def, { ref: branch(def), why: 'the default branch, the newest shared cache' }),
        ],
        writes: [{ ref: branch(trigger.branch), why: 'push: a branch writes its own cache' }],
        alwaysWrites: [],
        notes: [...mergeBase.notes, ...rewriteUnknownNote(facts, 'this push', `branch:${trigger.branch}`)],
    };
}
/** A pull request's head brought onto a newer base: the base commit, then the base branch, each read alone. */
const PULL_REQUEST_BASE_CHANGE = {
    merged: {
        why: 'the base commit the head just merged',
        baseBranch: 'the base branch, which the head just merged',
        alone: "is the base commit the head just merged: newer than this pull request's last build",
    },
    rebased: {
        why: 'the base commit of this merge: the head was rewritten (force-pushed)',
        baseBranch: 'the base branch, which the head was rebased onto',
        alone: "is the base commit of this merge: the head was rewritten, so this pull request's last build started from another base",
    },
};
const baseBranchRead = (base, words) => ({
    ref: branch(base),
    why: words.baseBranch,
    alone: words.alone,
});
function pullRequest(run) {
    const { trigger, ctx, facts, defaultBranch: def } = run;
    const own = {
        ref: pullRequestRef(trigger.number),
        why: 'own pull request: earlier runs',
        alone: OWN,
    };
    // The head branch's newest build: the merge commit holds exactly its files when the head
    // already contains the base (git compared the trees), and then it comes first and alone; not
    // when the head was rewritten, since that build may be of the head it replaced.
    const head = ctx.pullRequest?.headRef ?? '';
    const readHead = !trigger.fromFork && head !== '' && head !== trigger.base;
    // The head was just brought up to date (merged or rebased): the base commit, then the base branch.
    const change = baseChange(facts, facts.baseCommit);
    const { writes, alwaysWrites, notes } = pullRequestWrites(run, own.ref);
    return {
        reads: [
            ...when(readHead && facts.mergeIsHead && facts.rewritten !== true, {
                ref: branch(head),
                why: 'the head branch: the head already contains the base, so this merge commit holds its files',
                exact: 'was built from these very files (the head already contains the base)',
            }),
            ...newBaseRead(change, PULL_REQUEST_BASE_CHANGE),
            ...(change ? [baseBranchRead(trigger.base, PULL_REQUEST_BASE_CHANGE[change.how])] : []),
            own,
            ...when(readHead, { ref: branch(head), why: 'the head branch: the changes this pull request merges' }),
            ...when(trigger.base, {
                ref: branch(trigger.base),
                why: 'the base branch: the merge commit is built on it',
            }),
            ...defaultBranchRead(def),
        ],
        writes,
        alwaysWrites,
        notes: [
            ...(facts.headWhy ? [`head commit not compared with the merge commit: ${facts.headWhy}`] : []),
            ...rewriteUnknownNote(facts, 'the head update', `pr:${trigger.number}`),
            ...notes,
        ],
    };
}
/** A pull request writes only its own cache; from a fork, only where GitHub keeps it to its own runs. */
function pullRequestWrites({ trigger, visibility }, own) {
    const prWrite = { ref: own, why: 'pull request: writes only its own cache, never its base' };
    if (trigger.fromFork && visibility === 'github') {
        const why = "pull request from a fork: GitHub keeps this scope to the pull request's own runs";
        return { writes: [{ ...prWrite, why }], alwaysWrites: [], notes: [] };
    }
    if (trigger.fromFork) {
        const note = 'pull request from a fork: no cache is written (cache-write: always to override)';
        return { writes: [], alwaysWrites: [prWrite], notes: [note] };
    }
    return { writes: [prWrite], alwaysWrites: [], notes: [] };
}
function untrusted({ trigger, defaultBranch: def }) {
    return {
        reads: [
            ...when(trigger.base, { ref: branch(trigger.base), why: `the base branch of ${trigger.event}` }),
            ...defaultBranchRead(def),
        ],
        writes: [],
        alwaysWrites: when(trigger.base && trigger.base !== def, {
            ref: branch(trigger.base),
            why: `cache-write: always on ${trigger.event}`,
        }),
        notes: [`${trigger.event} may run untrusted code: no cache is written by default`],
    };
}
function mergeQueue({ trigger, ctx, defaultBranch: def, visibility }) {
    const onGithub = visibility === 'github';
    return {
        reads: [
            ...when(trigger.base, { ref: branch(trigger.base), why: 'the queue commit is built on its base' }),
            // Its last run built this PR merged into the base: the queue commit's content, unless the
            // base moved since. Like a run's own ref, it is read alone when it exists.
            ...(trigger.number === null
                ? []
                : [
                    {
                        ref: pullRequestRef(trigger.number),
                        why: 'the queued pull request: its runs built it merged into the base',
                        alone: 'holds the queued pull request built on the base',
                    },
                ]),
            ...when(def && trigger.base !== def, { ref: branch(def), why: 'the default branch' }),
        ],
        writes: when(!onGithub && ctx.sha, {
            ref: commit(ctx.sha),
            why: 'the queue commit: its base is fast-forwarded to it, and the push that follows reads it',
        }),
        alwaysWrites: [{ ref: commit(ctx.sha), why: 'cache-write: always on a merge queue commit' }],
        notes: onGithub
            ? ["merge queue: on GitHub the queue's cache is readable on the queue branch only: nothing is written"]
            : [],
    };
}
function tag({ ctx, facts, defaultBranch: def }) {
    const mergeBase = mergeBaseRead(facts, def);
    return {
        reads: [...defaultBranchRead(def), ...mergeBase.reads],
        writes: [],
        alwaysWrites: [{ ref: commit(ctx.sha), why: 'cache-write: always on a tag' }],
        notes: [...mergeBase.notes, 'tag: a tag build only reads'],
    };
}
function unknown({ trigger, defaultBranch: def }) {
    return {
        reads: defaultBranchRead(def),
        writes: [],
        alwaysWrites: [],
        notes: [
            `event ${trigger.event || '(none)'} on ${trigger.ref || '(no ref)'}: reading the default branch only`,
        ],
    };
}
/**
 * The rule of each trigger, with the facts it needs: one table, so the two cannot drift apart. A
 * rule that writes (or, with `cache-write: always`, may write) a commit's cache needs the
 * workspace's HEAD (see ownCommitWrites).
 */
const RULES = {
    'push-default': { rule: pushToDefaultBranch, facts: { parent: true, workspaceHead: true } },
    'push-branch': {
        rule: pushToBranch,
        facts: { mergeBase: true, rewrite: true },
        mergeBaseMootIf: (trigger) => ownBranchRead(trigger.branch),
    },
    'pull-request': { rule: pullRequest, facts: { headCommit: true, rewrite: true } },
    untrusted: { rule: untrusted, facts: {} },
    'merge-group': { rule: mergeQueue, facts: { workspaceHead: true } },
    tag: { rule: tag, facts: { mergeBase: true, workspaceHead: true } },
    unknown: { rule: unknown, facts: {} },
};
const ruleOf = (kind) => RULES[kind];
const rulesOf = (run) => ruleOf(run.trigger.kind).rule(run);
/** The commits this trigger's rule reads, as the facts finder asks for them. */
function factsNeeded(trigger) {
    const { facts } = RULES[trigger.kind];
    return {
        mergeBase: facts.mergeBase === true,
        parent: facts.parent === true,
        headCommit: facts.headCommit === true,
        rewrite: facts.rewrite === true,
        workspaceHead: facts.workspaceHead === true,
    };
}
/** The own read whose existence makes this trigger's merge-base lookup moot; null when none does. */
function mergeBaseMootIf(trigger) {
    return ruleOf(trigger.kind).mergeBaseMootIf?.(trigger) ?? null;
}
/**
 * A commit's cache (`sha:<commit>`) is written only by a build of that commit: the workspace's
 * HEAD, where git could tell. Another commit checked out (a workflow_dispatch of an older ref, an
 * event whose GITHUB_SHA is not what was checked out) would file its layers under the wrong commit,
 * which later runs read as an exact match.
 */
function ownCommitWrites(writes, facts) {
    const head = facts.workspaceHead;
    if (head === undefined)
        return { writes, notes: [] };
    const wrong = writes.filter((w) => w.ref.kind === 'sha' && w.ref.sha !== head);
    return {
        writes: writes.filter((w) => !wrong.includes(w)),
        notes: wrong.map((w) => `${(0,names/* refLabel */.E3)(w.ref)} is not written: the workspace holds ${head}, not that commit`),
    };
}
/** `cache-write`'s say over the trigger's writes. */
function writePolicy(trigger, rules, write, def, facts) {
    const notes = [...rules.notes];
    let writes = rules.writes;
    if (write === 'never') {
        if (writes.length > 0)
            notes.push('cache-write: never: nothing is written');
        writes = [];
    }
    else if (write === 'always' && writes.length === 0) {
        writes = rules.alwaysWrites;
        if (trigger.kind === 'untrusted' && rules.alwaysWrites.length === 0) {
            notes.push(`${trigger.event} never writes the default branch's cache, whatever cache-write says`);
        }
    }
    // Whatever the policy, a run that untrusted code may steer never writes the default branch.
    if (trigger.kind === 'untrusted') {
        writes = writes.filter((w) => !(w.ref.kind === 'branch' && w.ref.name === def));
    }
    const own = ownCommitWrites(writes, facts);
    return { trigger, reads: dedupe(rules.reads), writes: dedupe(own.writes), notes: [...notes, ...own.notes] };
}
/**
 * The rules: which refs' caches this run reads (best match first) and which it writes.
 * Pure: the event, the commits found and the write policy in, refs and reasons out.
 */
function refPlan(ctx, facts, write, visibility = 'shared') {
    const trigger = (0,triggers/* classify */.L)(ctx);
    const defaultBranch = ctx.defaultBranch;
    const rules = rulesOf({ trigger, ctx, facts, defaultBranch, visibility });
    return writePolicy(trigger, rules, write, defaultBranch, facts);
}


/***/ }),

/***/ 78846:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ tokenCannotRead),
/* harmony export */   bc: () => (/* binding */ tokenRefusals),
/* harmony export */   fn: () => (/* binding */ UNDECODABLE)
/* harmony export */ });
/* unused harmony exports READ_ONLY, WRITE_ONLY, NO_SCOPE */
const READ_ONLY = "the job's cache token is read-only here: `cache-mode: read`, or an untrusted trigger";
const WRITE_ONLY = "the job's cache token is write-only here (`cache-mode: write-only`): nothing is read";
const NO_SCOPE = "the job's cache token grants no cache scope here (`cache-mode: none`): nothing is read or written";
const UNDECODABLE = "the job's cache token could not be decoded: reads and writes are planned from the trigger alone, and GitHub may refuse some";
const allowed = { read: '', write: '' };
/** One row per combination of what the token grants. */
const REFUSALS = {
    both: allowed,
    read: { read: '', write: READ_ONLY },
    write: { read: WRITE_ONLY, write: '' },
    neither: { read: NO_SCOPE, write: NO_SCOPE },
};
function grantOf(scopes) {
    const read = scopes.some((s) => s.read);
    const write = scopes.some((s) => s.write);
    return read && write ? 'both' : read ? 'read' : write ? 'write' : 'neither';
}
/**
 * Whether the run may read and write at all. Writes go to the token's writable scope whatever the
 * cache's name, so one writable scope is enough to write.
 */
function tokenRefusals(token) {
    return token ? REFUSALS[grantOf(token)] : allowed;
}
/** The GitHub scope a ref's cache is written in: the scope of the runs that write it. */
function scopeOf(ref) {
    if (ref.kind === 'branch')
        return `refs/heads/${ref.name}`;
    if (ref.kind === 'pr')
        return `refs/pull/${ref.number}/merge`;
    // A commit's cache lives in the scope of whichever run wrote it: any readable scope may hold it.
    return null;
}
/** Why this ref's cache cannot be read with the token ('' when it can, or when that is unknown). */
function tokenCannotRead(token, ref) {
    if (!token)
        return '';
    const whole = tokenRefusals(token).read;
    if (whole)
        return whole;
    const scope = scopeOf(ref);
    if (scope === null || token.some((s) => s.read && s.scope === scope))
        return '';
    return `the job's cache token may not read ${scope}`;
}


/***/ }),

/***/ 79834:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ classify)
/* harmony export */ });
/* harmony import */ var _github_context__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(19556);

/** Events that anyone who can open a pull request or comment can start, with the base's privileges. */
const UNTRUSTED_EVENTS = ['pull_request_target', 'issue_comment', 'workflow_run'];
/**
 * Events only someone who may push (or the repository's own schedule) can start, whose ref is
 * what they built: the ref decides what the run is. Any other event (deployment_status,
 * check_run, check_suite, issues, …) is `unknown`: it may be started by others, on a ref whose
 * newest commit is not the workspace's, so it reads and writes nothing of its own.
 */
const REF_EVENTS = ['push', 'schedule', 'workflow_dispatch', 'repository_dispatch', 'release', 'create'];
function classify(ctx) {
    const defaultBranch = ctx.defaultBranch;
    if (ctx.eventName === 'pull_request' && ctx.pullRequest) {
        const pr = ctx.pullRequest;
        return { kind: 'pull-request', number: pr.number, base: pr.baseRef, fromFork: pr.fromFork };
    }
    if (UNTRUSTED_EVENTS.includes(ctx.eventName)) {
        const base = ctx.pullRequest?.baseRef || defaultBranch;
        return { kind: 'untrusted', event: ctx.eventName, base };
    }
    if (ctx.eventName === 'merge_group' && ctx.mergeGroup) {
        return { kind: 'merge-group', base: ctx.mergeGroup.baseRef, number: ctx.mergeGroup.prNumber };
    }
    if (!REF_EVENTS.includes(ctx.eventName))
        return { kind: 'unknown', event: ctx.eventName, ref: ctx.ref };
    // push, schedule, workflow_dispatch, repository_dispatch, release, create: what the ref is decides.
    if (ctx.ref.startsWith('refs/tags/'))
        return { kind: 'tag', tag: ctx.ref.slice('refs/tags/'.length) };
    if (ctx.ref.startsWith('refs/heads/')) {
        const branch = (0,_github_context__WEBPACK_IMPORTED_MODULE_0__/* .stripRefsHeads */ .yT)(ctx.ref);
        return branch === defaultBranch ? { kind: 'push-default', branch } : { kind: 'push-branch', branch };
    }
    return { kind: 'unknown', event: ctx.eventName, ref: ctx.ref };
}


/***/ }),

/***/ 46342:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pi: () => (/* binding */ getRawInput),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony exports getInput, getState, error */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core_lib_command__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(44914);
/* harmony import */ var _actions_core_lib_command__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(_actions_core_lib_command__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core_lib_file_command__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(24753);
/* harmony import */ var _actions_core_lib_file_command__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(_actions_core_lib_file_command__WEBPACK_IMPORTED_MODULE_3__);




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
function command(name, properties, message = '') {
    (0,_actions_core_lib_command__WEBPACK_IMPORTED_MODULE_2__.issueCommand)(name, properties, message);
}
/** A `name<<delimiter` block appended to the runner's file (`GITHUB_OUTPUT`, `GITHUB_STATE`). */
function fileCommand(file, name, value) {
    (0,_actions_core_lib_file_command__WEBPACK_IMPORTED_MODULE_3__.issueFileCommand)(file, (0,_actions_core_lib_file_command__WEBPACK_IMPORTED_MODULE_3__.prepareKeyValueMessage)(name, value));
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
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
    command('set-output', { name }, value);
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return fileCommand('STATE', name, value);
    command('save-state', { name }, value);
}
const getState = (name) => process.env[`STATE_${name}`] ?? '';
const setSecret = (secret) => command('add-mask', {}, secret);
const info = (message) => void process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
const debug = (message) => command('debug', {}, message);
const warning = (message) => command('warning', {}, message);
const error = (message) => command('error', {}, message);
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** A collapsible section of the log around `fn`. */
async function group(name, fn) {
    command('group', {}, name);
    try {
        return await fn();
    }
    finally {
        command('endgroup', {});
    }
}
/** Appends Markdown to the job summary file (`GITHUB_STEP_SUMMARY`); no-op without one. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(file, markdown.endsWith(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL) ? markdown : markdown + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 37607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zq: () => (/* binding */ MERGE_ROLES),
/* harmony export */   _R: () => (/* binding */ CACHE_MODES),
/* harmony export */   bK: () => (/* binding */ CACHE_BACKENDS),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   e0: () => (/* binding */ DRIVERS),
/* harmony export */   s8: () => (/* binding */ CACHE_WRITES)
/* harmony export */ });
/** A mistake in the workflow file: reported as one `::error::` line, never a stack trace. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
// What each choice input accepts: the types are read from these lists.
const CACHE_BACKENDS = ['gha', 'registry', 'local', 's3', 'azblob', 'inline', 'none'];
const DRIVERS = ['docker-container', 'docker', 'remote', 'kubernetes'];
const CACHE_MODES = ['max', 'min'];
const CACHE_WRITES = ['auto', 'always', 'never'];
/** `merge`: a plain build, one platform's leg of a split multi-platform image, or the job that merges the legs. */
const MERGE_ROLES = ['false', 'leg', 'index'];


/***/ }),

/***/ 38152:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ STORES),
/* harmony export */   er: () => (/* binding */ STORE),
/* harmony export */   ok: () => (/* binding */ isStore)
/* harmony export */ });
/* harmony import */ var _runner_inputs_types__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(37607);
/* harmony import */ var _lib_text__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(79112);


/** Every store, in the order of the `cache` input's choices. */
const STORES = _runner_inputs_types__WEBPACK_IMPORTED_MODULE_0__/* .CACHE_BACKENDS */ .bK.filter((b) => b !== 'none');
const isStore = (type) => STORES.includes(type);
/** Where an s3 cache lives: both the importer and the exporter take these. */
const S3_SHARED = [
    'bucket',
    'region',
    'prefix',
    'blobs_prefix',
    'manifests_prefix',
    'endpoint_url',
    'use_path_style',
];
const AZBLOB_SHARED = [
    'account_url',
    'account_name',
    'container',
    'prefix',
    'blobs_prefix',
    'manifests_prefix',
];
const IMAGE_EXPORT = [
    'image-manifest',
    'oci-mediatypes',
    'compression',
    'compression-level',
    'force-compression',
];
/** `<image>:<name>`: a tag of the cache repository. */
const asTag = {
    attribute: { from: 'ref', to: 'ref' },
    value: (name, home) => `${home.image}:${name}`,
    names: (value) => [value.slice(value.lastIndexOf(':') + 1)],
};
/** `name=a;b`: the store's own name attribute, several names `;`-separated. */
const byName = (attribute) => ({
    attribute: { from: attribute, to: attribute },
    value: (name) => name,
    names: (value) => value.split(';'),
});
const none = () => [];
/** ECR and Artifact Registry reject the default cache manifest list; they need an OCI image manifest. */
function registryPresets(home) {
    const host = home.image.split('/')[0];
    if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host) || /-docker\.pkg\.dev$/.test(host)) {
        return ['image-manifest=true', 'oci-mediatypes=true'];
    }
    return [];
}
/** buildx adds the runner's cache token and service URLs; without both it drops the entry. */
function addGithubCache(attrs, { cache }) {
    const env = cache.raw;
    const version = attrs.get('version') ?? ((0,_lib_text__WEBPACK_IMPORTED_MODULE_1__/* .parseBool */ .q6)(env.serviceV2) === true ? '2' : '');
    if (!attrs.has('token') && env.token !== undefined)
        attrs.set('token', env.token);
    if (!attrs.has('url_v2') && version === '2' && env.resultsUrl !== undefined) {
        attrs.set('url_v2', env.resultsUrl);
    }
    const url = env.cacheUrl ?? env.resultsUrl;
    if (!attrs.has('url') && url !== undefined)
        attrs.set('url', url);
    const active = (attrs.get('token') ?? '') !== '' && (attrs.get('url') || attrs.get('url_v2'));
    return active ? 'hash' : 'dropped';
}
/**
 * buildx adds the AWS SDK's default credentials. Only the environment's can be known here: without
 * them the SDK may take a profile or an instance role, and the id cannot be computed.
 */
function addAwsCredentials(attrs, { stores }) {
    if (attrs.has('access_key_id') && attrs.has('secret_access_key'))
        return 'hash';
    const aws = stores.aws;
    if (!aws.accessKeyId || !aws.secretAccessKey)
        return 'unknown';
    if (!attrs.has('access_key_id'))
        attrs.set('access_key_id', aws.accessKeyId);
    if (!attrs.has('secret_access_key'))
        attrs.set('secret_access_key', aws.secretAccessKey);
    if (!attrs.has('session_token') && aws.sessionToken)
        attrs.set('session_token', aws.sessionToken);
    return 'hash';
}
/** buildx passes the digest its index holds for the tag; a folder without one is not imported. */
function addLocalDigest(attrs, { localDigest }) {
    if (attrs.has('digest'))
        return 'hash';
    const digest = localDigest(attrs.get('src') ?? '', attrs.get('tag') ?? 'latest');
    if (digest === undefined)
        return 'dropped';
    attrs.set('digest', digest);
    return 'hash';
}
/** The stores, one descriptor each. */
const STORE = {
    gha: {
        visibility: 'github',
        accepts: {
            to: ['timeout', 'url', 'url_v2', 'version', 'repository'],
            from: ['timeout', 'url', 'url_v2', 'version'],
        },
        location: byName('scope'),
        reads: 'one entry per name',
        writes: 'one entry per name',
        presets: none,
        importId: addGithubCache,
    },
    registry: {
        visibility: 'shared',
        accepts: { to: IMAGE_EXPORT, from: [] },
        location: asTag,
        reads: 'one entry per name',
        writes: 'one entry per name',
        presets: registryPresets,
        importId: (attrs) => ((attrs.get('ref') ?? '') !== '' ? { ref: attrs.get('ref') } : 'hash'),
    },
    local: {
        visibility: 'shared',
        accepts: { to: ['tag', ...IMAGE_EXPORT], from: ['tag', 'digest'] },
        location: {
            attribute: { from: 'src', to: 'dest' },
            value: (name, home) => `${home.dir.replace(/\/+$/, '')}/${name}`,
            names: (value) => [value.slice(value.lastIndexOf('/') + 1)],
        },
        reads: 'one entry per name',
        writes: 'one entry per name',
        presets: none,
        importId: addLocalDigest,
    },
    s3: {
        visibility: 'shared',
        accepts: {
            to: [
                ...S3_SHARED,
                'disable_accept_encoding',
                'touch_refresh',
                'upload_parallelism',
                'retry_mode',
                'retry_max_attempts',
            ],
            from: S3_SHARED,
        },
        location: byName('name'),
        // BuildKit's s3 importer reads only the first of `;`-separated names: one entry each.
        reads: 'one entry per name',
        // Its exporter writes the manifest under each of `;`-separated names, the blobs once.
        writes: 'one entry for all names',
        presets: none,
        importId: addAwsCredentials,
    },
    azblob: {
        visibility: 'shared',
        accepts: { to: AZBLOB_SHARED, from: AZBLOB_SHARED },
        location: byName('name'),
        reads: 'one entry per name',
        writes: 'one entry per name',
        presets: none,
        importId: () => 'hash',
    },
    inline: {
        visibility: 'shared',
        accepts: { to: [], from: [] },
        // Its reads are registry entries of the image's tags (`ref=`); the names never reach an entry.
        location: asTag,
        reads: 'the image tags',
        writes: 'inside the image',
        presets: none,
        importId: () => 'hash',
    },
};


/***/ }),

/***/ 99899:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ releaseCacheKey),
/* harmony export */   G3: () => (/* binding */ isIndexOf),
/* harmony export */   JQ: () => (/* binding */ mergeRecordKey),
/* harmony export */   OR: () => (/* binding */ cacheNameOfKey),
/* harmony export */   _d: () => (/* binding */ mergeRecordPrefix),
/* harmony export */   ad: () => (/* binding */ FAMILY_KEY_PREFIX),
/* harmony export */   fA: () => (/* binding */ localKeyPrefix),
/* harmony export */   fp: () => (/* binding */ mountKeyPrefix),
/* harmony export */   gR: () => (/* binding */ INDEX_KEY_PREFIX),
/* harmony export */   nI: () => (/* binding */ indexKeys),
/* harmony export */   v8: () => (/* binding */ BLOB_KEY_PREFIX)
/* harmony export */ });
/* unused harmony exports LOCAL_KEY_PREFIX, MOUNT_KEY_PREFIX, indexNames, MERGE_KEY_PREFIX */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The key scheme of every GitHub cache entry the action's runs leave: a contract between the rooms
 * that write entries (BuildKit's gha export, local folders, cache mounts, buildx releases) and the
 * clean-up that deletes them. Each kind of entry is tied to a cache name, so a gone ref's entries of
 * every kind can be found and deleted together.
 */
/** BuildKit's index format version inside the key (`index-<name>-1-…`). */
const INDEX_VERSION = '1';
/** BuildKit's gha layer blobs: content-addressed, shared by every index that can read their scope. */
const BLOB_KEY_PREFIX = 'buildkit-blob-';
/** BuildKit's gha index entries. */
const INDEX_KEY_PREFIX = 'index-';
/** `cache: local` folders kept in the GitHub cache; bump when the archive's layout changes. */
const LOCAL_KEY_PREFIX = 'bkca-local-v1';
/** Cache mounts kept in the GitHub cache; bump when the archive's layout changes. */
const MOUNT_KEY_PREFIX = 'bkca-mount-v1';
/**
 * The index keys BuildKit's import loads for a cache name: one per ref scope of the token,
 * `index-<name>-1-<first 8 hex of sha256(scope)>` (the exporter appends `#<n>`). Without the
 * token's scopes, the prefix every such key starts with.
 */
function indexKeys(name, tokenScopes) {
    const prefix = `${INDEX_KEY_PREFIX}${name}-${INDEX_VERSION}-`;
    if (!tokenScopes || tokenScopes.length === 0)
        return [prefix];
    return tokenScopes.map((s) => prefix + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s).digest('hex').slice(0, 8));
}
/** Whether a matched key is an index of exactly this name (`…branch-main-` also starts `…branch-main-2-…`). */
function isIndexOf(key, name) {
    const prefix = `${INDEX_KEY_PREFIX}${name}-${INDEX_VERSION}-`;
    return key.startsWith(prefix) && /^[0-9a-f]{8}(?:#\d+)?$/.test(key.slice(prefix.length));
}
/** The cache names in BuildKit index keys (`index-<name>-1-<8 hex>[#n]`); other keys are ignored. */
function indexNames(keys) {
    const names = new Set();
    for (const key of keys) {
        const m = /^index-(.+)-1-[0-9a-f]{8}(?:#\d+)?$/.exec(key);
        if (m)
            names.add(m[1]);
    }
    return [...names].sort();
}
/** `bkca-local-v1/<cache name>/`: every saved state of a `cache: local` folder. */
const localKeyPrefix = (name) => `${LOCAL_KEY_PREFIX}/${name}/`;
/** `bkca-mount-v1/<mount id>/<cache name of the ref>/`: a ref's mount, whatever its content. */
function mountKeyPrefix(mountIdSlug, cacheName) {
    return `${MOUNT_KEY_PREFIX}/${mountIdSlug}/${cacheName}/`;
}
/** A downloaded buildx release: one entry per version, OS and architecture. */
function releaseCacheKey(version, platform = node_os__WEBPACK_IMPORTED_MODULE_1__.platform(), arch = node_os__WEBPACK_IMPORTED_MODULE_1__.arch()) {
    return `buildkit-cache-action-buildx-${version}-${platform}-${arch}`;
}
/** The key prefix that lists a family's entries whose cache name starts with `namePrefix`. */
const FAMILY_KEY_PREFIX = {
    index: (namePrefix) => `${INDEX_KEY_PREFIX}${namePrefix}`,
    local: (namePrefix) => `${LOCAL_KEY_PREFIX}/${namePrefix}`,
    // The mount id comes first: every mount of the ref is listed, and the names pick among them.
    mount: () => `${MOUNT_KEY_PREFIX}/`,
};
/** The cache name a GitHub cache entry belongs to; null for layer blobs and other tools' entries. */
function cacheNameOfKey(key) {
    const [index] = indexNames([key]);
    if (index !== undefined)
        return index;
    const parts = key.split('/');
    if (parts.length === 3 && parts[0] === LOCAL_KEY_PREFIX)
        return parts[1];
    if (parts.length === 4 && parts[0] === MOUNT_KEY_PREFIX)
        return parts[2];
    return null;
}
/** A matrix leg's record for the merge job (`merge: leg`); bump when the record's shape changes. */
const MERGE_KEY_PREFIX = 'bkca-merge-v1';
const keyPart = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
/**
 * `bkca-merge-v1/<run id>/<image>/<platform>/`: every record of one platform's leg in one run, one
 * per attempt. Keys are immutable, so a re-run leg saves a new key, and a prefix restore, newest
 * first, finds the re-run's.
 */
function mergeRecordPrefix(runId, image, platform) {
    return `${MERGE_KEY_PREFIX}/${keyPart(runId)}/${keyPart(image)}/${keyPart(platform)}/`;
}
const mergeRecordKey = (runId, image, platform, attempt) => `${mergeRecordPrefix(runId, image, platform)}${keyPart(attempt)}`;


/***/ }),

/***/ 65313:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ DOCKER_HUB_ALIASES),
/* harmony export */   Mj: () => (/* binding */ DOCKER_HUB_CONFIG_KEY),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   _g: () => (/* binding */ registryOrigin),
/* harmony export */   "if": () => (/* binding */ parseImageName),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   w4: () => (/* binding */ hostOf)
/* harmony export */ });
const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^(?:\\[[0-9a-fA-F:.]+\\]|${LABEL}(?:\\.${LABEL})*)(?::[0-9]{1,5})?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
/**
 * Splits an image reference the way docker does (distribution's reference grammar):
 *
 * - the part before the first `/` is the registry when it contains `.` or `:`, is `localhost`,
 *   or has an uppercase letter; otherwise the name is on Docker Hub;
 * - Docker Hub (`alpine`, `user/repo`, `docker.io/...`, `index.docker.io/...`) is reached at
 *   `registry-1.docker.io`, a single-component name gets `library/`, and credentials are under
 *   `https://index.docker.io/v1/`;
 * - a trailing `:tag` and/or `@digest` is accepted and kept apart from the name (the repository
 *   is what is listed; a manifest is asked for by them).
 *
 * Throws an Error (with a message fit for a job log) for what docker would refuse too: an empty
 * name, uppercase letters in the repository path, bad separators, a malformed registry host,
 * tag or digest. `listTags` (tags.ts) turns that into a reason.
 */
function parseImageReference(image) {
    const quoted = JSON.stringify(image);
    let rest = image;
    const pinned = {};
    const at = rest.indexOf('@');
    if (at !== -1) {
        pinned.digest = rest.slice(at + 1);
        if (!DIGEST.test(pinned.digest))
            throw new Error(`image ${quoted} has a malformed digest`);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        pinned.tag = rest.slice(colon + 1);
        if (!TAG.test(pinned.tag))
            throw new Error(`image ${quoted} has a malformed tag`);
        rest = rest.slice(0, colon);
    }
    if (rest === '')
        throw new Error(`image ${quoted} is empty`);
    const slash = rest.indexOf('/');
    const first = slash === -1 ? '' : rest.slice(0, slash);
    const hasDomain = slash !== -1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    let domain = hasDomain ? first : 'docker.io';
    let path = hasDomain ? rest.slice(slash + 1) : rest;
    if (!DOMAIN.test(domain))
        throw new Error(`image ${quoted} has a malformed registry host ${JSON.stringify(domain)}`);
    if (path === '')
        throw new Error(`image ${quoted} has no repository path`);
    const components = path.split('/');
    for (const component of components) {
        if (component !== component.toLowerCase()) {
            throw new Error(`image ${quoted}: repository names must be lowercase`);
        }
        if (!PATH_COMPONENT.test(component)) {
            throw new Error(`image ${quoted}: ${JSON.stringify(component)} is not a valid repository path component`);
        }
    }
    if (rest.length > 255)
        throw new Error(`image ${quoted} is longer than 255 characters`);
    if (DOCKER_HUB_ALIASES.has(domain.toLowerCase())) {
        domain = DOCKER_HUB_REGISTRY;
        if (components.length === 1)
            path = `library/${path}`;
        return { name: { registry: domain, repository: path, configKey: DOCKER_HUB_CONFIG_KEY }, ...pinned };
    }
    return { name: { registry: domain, repository: path, configKey: domain }, ...pinned };
}
/** The repository an image reference names (see {@link parseImageReference}); throws like it. */
function parseImageName(image) {
    return parseImageReference(image).name;
}
/** The host of `host[:port]` or `[v6]:port`, lowercased, without brackets. */
function hostOf(registry) {
    const bracketed = /^\[([^\]]+)\]/.exec(registry);
    if (bracketed)
        return bracketed[1].toLowerCase();
    return registry.replace(/:[0-9]+$/, '').toLowerCase();
}
/** Docker's rule: loopback registries (localhost, 127.0.0.0/8, ::1) may be plain HTTP. */
function isLoopback(host) {
    return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
}
/** `http://` for loopback registries, `https://` for every other. */
function registryOrigin(registry) {
    return `${isLoopback(hostOf(registry)) ? 'http' : 'https'}://${registry}`;
}


/***/ }),

/***/ 10430:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ moveTagToPlaceholder),
/* harmony export */   b4: () => (/* binding */ removeTag),
/* harmony export */   rW: () => (/* binding */ deleteManifest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_oci__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(77950);
/* harmony import */ var _session__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5761);



// Deleting from a registry: a manifest by digest, and one tag without the manifest it points at
// (which another tag may hold). Clean-up removes a closed ref's tags with it; the multi-platform
// merge removes the tags its legs pushed under.
/** Deletes share the session's bound. */
const SESSION_TIMEOUT_MS = 30000;
/**
 * `DELETE /v2/<name>/manifests/<digest>`. A refusal (405: deletes disabled, 401/403: no right) is
 * returned as a reason; 404 (gone already) counts as deleted.
 */
async function deleteManifest(session, digest) {
    try {
        const res = await session.send(`${session.origin}/v2/${session.name.repository}/manifests/${digest}`, {
            method: 'DELETE',
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok || res.status === 404)
            return null;
        const why = res.status === 405
            ? 'the registry does not allow deletes (HTTP 405)'
            : res.status === 401 || res.status === 403
                ? `the credentials may not delete (HTTP ${res.status})${session.deniedHint()}`
                : `HTTP ${res.status}`;
        return `${session.where} refused to delete a manifest of ${session.name.repository}: ${why}`;
    }
    catch (e) {
        return (0,_session__WEBPACK_IMPORTED_MODULE_2__/* .registryFailure */ .MX)(e, {
            where: session.where,
            doing: 'deleting a manifest',
            timeoutMs: SESSION_TIMEOUT_MS,
            redact: session.redact,
        });
    }
}
/** Registries seen refusing `DELETE /v2/<name>/manifests/<tag>`: asked once per session. */
const noTagDelete = new WeakSet();
const manifestUrl = (session, reference) => `${session.origin}/v2/${session.name.repository}/manifests/${encodeURIComponent(reference)}`;
/** A refusal of the credentials as a reason; null when the answer is not one. */
function deniedReason(session, status, doing) {
    if (status !== 401 && status !== 403)
        return null;
    return `${session.where} refused to ${doing} in ${session.name.repository}: the credentials may not (HTTP ${status})${session.deniedHint()}`;
}
/**
 * `PUT` of the placeholder index (lib/oci.ts) to `tag`: the tag leaves the manifest it shared.
 * Returns the placeholder's digest, or a reason.
 */
async function moveTagToPlaceholder(session, tag, removed) {
    const body = (0,_lib_oci__WEBPACK_IMPORTED_MODULE_1__/* .placeholderIndex */ .CD)(removed);
    const res = await session.send(manifestUrl(session, tag), {
        method: 'PUT',
        headers: { 'Content-Type': _lib_oci__WEBPACK_IMPORTED_MODULE_1__/* .OCI_INDEX */ .$p },
        body,
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok)
        return { digest: `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}` };
    const reason = deniedReason(session, res.status, `move the tag ${tag}`) ??
        `${session.where} answered HTTP ${res.status} to moving the tag ${tag} of ${session.name.repository}`;
    return { reason };
}
/**
 * Removes one tag and leaves the manifest it points at (`shared`), which a kept tag holds. Where
 * the registry deletes tags (OCI distribution 1.1: `DELETE /v2/<name>/manifests/<tag>`), that;
 * elsewhere (distribution 2.x answers 400) the tag is moved to a placeholder of its own, which is
 * then deleted by digest. A registry that took the tag's DELETE for the manifest's is caught by
 * asking for the manifest after it: a reason, and later tags are moved first. Returns a reason
 * when it could not.
 */
async function removeTag(session, tag, removed, shared) {
    try {
        if (!noTagDelete.has(session)) {
            const res = await session.send(manifestUrl(session, tag), { method: 'DELETE' });
            await res.arrayBuffer().catch(() => undefined);
            const denied = deniedReason(session, res.status, `delete the tag ${tag}`);
            if (denied)
                return denied;
            if (res.ok)
                return await sharedManifestLeft(session, tag, shared);
            noTagDelete.add(session);
        }
        const moved = await moveTagToPlaceholder(session, tag, removed);
        if ('reason' in moved)
            return moved.reason;
        return await deleteManifest(session, moved.digest);
    }
    catch (e) {
        return (0,_session__WEBPACK_IMPORTED_MODULE_2__/* .registryFailure */ .MX)(e, {
            where: session.where,
            doing: `removing the tag ${tag}`,
            timeoutMs: SESSION_TIMEOUT_MS,
            redact: session.redact,
        });
    }
}
/** After a tag's DELETE: null when the manifest it shared is still there, else a reason. */
async function sharedManifestLeft(session, tag, shared) {
    const res = await session.send(manifestUrl(session, shared), {
        method: 'HEAD',
        headers: { Accept: _lib_oci__WEBPACK_IMPORTED_MODULE_1__/* .MANIFEST_TYPES */ ._P },
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status !== 404)
        return null;
    noTagDelete.add(session);
    return `${session.where} deleted the manifest ${shared} of ${session.name.repository} with the tag ${tag}: the tags that shared it are gone too (their next build writes them again); later tags are moved to a placeholder first`;
}


/***/ }),

/***/ 5761:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Kb: () => (/* binding */ excerpt),
  Me: () => (/* binding */ openRegistry),
  fA: () => (/* binding */ openSession),
  eo: () => (/* binding */ registryError),
  MX: () => (/* binding */ registryFailure)
});

// UNUSED EXPORTS: RegistryError, parseChallenges

// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __nccwpck_require__(79112);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __nccwpck_require__(59663);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./src/runner/commands.ts
var commands = __nccwpck_require__(46342);
// EXTERNAL MODULE: ./src/stores/registry/name.ts
var registry_name = __nccwpck_require__(65313);
;// CONCATENATED MODULE: ./src/stores/registry/credentials.ts




/** A config key as docker compares it: without scheme and path (`https://ghcr.io/v1/` → `ghcr.io`). */
function keyHost(key) {
    return key
        .replace(/^https?:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
}
/**
 * Credentials for the registry, found as docker finds them in `<dir>/config.json`: a credential
 * helper first (`credHelpers[<host>]`, else `credsStore`: `docker-credential-<helper> get`, run
 * through the one exec seam with the server on stdin; its answer is masked and never logged),
 * then what `docker login` wrote into `auths[<key>]` (`auth`, base64 `user:password`, or
 * `username`/`password`), under the exact key first and then under any key naming the same host
 * (docker matches `https://host/v1/` too). Identity tokens are not used: the request goes on
 * anonymously, and a registry that then refuses says why in the reason.
 */
async function readCredentials(dir, name, exec, timeoutMs) {
    const file = (0,external_node_path_.join)(dir, 'config.json');
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        return { note: missing ? `no docker config at ${file}` : `the docker config ${file} could not be read` };
    }
    if (!config || typeof config !== 'object')
        return { note: `the docker config ${file} is not a JSON object` };
    const { auths, credsStore, credHelpers } = config;
    const host = keyHost(name.configKey);
    const hub = name.configKey === registry_name/* DOCKER_HUB_CONFIG_KEY */.Mj;
    const sameHost = (key) => keyHost(key) === host || (hub && registry_name/* DOCKER_HUB_ALIASES */.Kd.has(keyHost(key)));
    const helpers = credHelpers && typeof credHelpers === 'object' ? credHelpers : {};
    const helperKey = Object.keys(helpers).find(sameHost);
    const helper = helperKey !== undefined ? helpers[helperKey] : credsStore;
    let helperNote = '';
    if (typeof helper === 'string' && helper !== '') {
        const asked = await askCredentialHelper(helper, name.configKey, exec, timeoutMs);
        if ('credentials' in asked)
            return asked;
        helperNote = asked.note;
    }
    const entries = auths && typeof auths === 'object' ? auths : {};
    const keys = [name.configKey, ...Object.keys(entries).filter((k) => k !== name.configKey && sameHost(k))];
    for (const key of keys) {
        const entry = entries[key];
        if (!entry || typeof entry !== 'object')
            continue;
        const { auth, username, password } = entry;
        if (typeof auth === 'string' && auth !== '') {
            const decoded = Buffer.from(auth, 'base64').toString('utf8');
            const split = decoded.indexOf(':');
            if (split > 0)
                return { credentials: { username: decoded.slice(0, split), password: decoded.slice(split + 1) } };
        }
        if (typeof username === 'string' && username !== '' && typeof password === 'string') {
            return { credentials: { username, password } };
        }
    }
    return { note: helperNote || `no credentials for ${name.configKey} in ${file}` };
}
/** Per docker config and registry, found once per run: a credential helper may take a second (ECR's). */
const foundCredentials = new Map();
function credentialsOnce(dir, name, exec, timeoutMs) {
    const key = `${dir}\0${name.configKey}\0${exec ? 'exec' : ''}`;
    let found = foundCredentials.get(key);
    if (!found)
        foundCredentials.set(key, (found = readCredentials(dir, name, exec, timeoutMs)));
    return found;
}
/**
 * `docker-credential-<helper> get` with the server on stdin, as the docker CLI runs it. The answer
 * (`{"ServerURL","Username","Secret"}`) is masked at once and never logged; a failure is a note
 * that names the helper, never its output.
 */
async function askCredentialHelper(helper, server, exec, timeoutMs) {
    const program = `docker-credential-${helper}`;
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(helper))
        return {
            note: `the docker config names a credential helper that is not a plain name (${JSON.stringify(helper)})`,
        };
    if (!exec)
        return { note: `the credentials for ${server} are kept by ${program}, which was not run` };
    const run = await exec(program, ['get'], { input: server, timeoutMs });
    if (run.exitCode !== 0) {
        const why = run.exitCode === 127 ? 'is not on PATH' : run.timedOut ? 'timed out' : `failed (exit ${run.exitCode})`;
        return { note: `the credential helper ${program} ${why} for ${server}` };
    }
    let answer;
    try {
        answer = JSON.parse(run.stdout);
    }
    catch {
        return { note: `the credential helper ${program} answered something that is not JSON for ${server}` };
    }
    const { Username: username, Secret: password } = answer ?? {};
    if (typeof password === 'string' && password !== '')
        (0,commands/* setSecret */.Pq)(password);
    if (typeof username !== 'string' || typeof password !== 'string' || password === '')
        return { note: `the credential helper ${program} has no credentials for ${server}` };
    if (username === '<token>')
        return {
            note: `the credential helper ${program} holds an identity token for ${server}, which is not used`,
        };
    return { credentials: { username, password } };
}

;// CONCATENATED MODULE: ./src/stores/registry/session.ts




const USER_AGENT = 'buildkit-cache-action';
/** The challenges of a `WWW-Authenticate` header (several may be joined with commas). */
function parseChallenges(header) {
    const starts = [...header.matchAll(/(?:^|,)\s*(Bearer|Basic)(?:\s+|$)/gi)];
    return starts.map((match, i) => {
        const from = (match.index ?? 0) + match[0].length;
        const to = i + 1 < starts.length ? (starts[i + 1].index ?? header.length) : header.length;
        const params = {};
        for (const p of header
            .slice(from, to)
            .matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
            params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
        }
        return { scheme: match[1].toLowerCase(), params };
    });
}
/** The registry's `{"errors":[{code, message}]}` as `CODE: message`, or a short excerpt of the body. */
function registryError(body) {
    try {
        const parsed = JSON.parse(body);
        const first = Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
        if (first && typeof first.code === 'string') {
            const message = typeof first.message === 'string' ? `: ${first.message}` : '';
            return { code: first.code, text: excerpt(`${first.code}${message}`) };
        }
    }
    catch {
        // not JSON
    }
    return { text: excerpt(body, 120) };
}
function excerpt(text, max = 200) {
    // eslint-disable-next-line no-control-regex
    const line = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
/** A refusal or failure described for the log; never holds credentials. */
class RegistryError extends Error {
}
/** A session with the registry of `image` (see {@link RegistrySession}); throws for a name docker would refuse. */
function openRegistry(options) {
    return openSession((0,registry_name/* parseImageName */["if"])(options.image), options, options.signal, options.timeoutMs ?? 15_000);
}
function requester(fetchImpl, signal) {
    return (url, method, headers, authorization, body) => fetchImpl(url, {
        method,
        ...(body !== undefined ? { body } : {}),
        headers: {
            Accept: 'application/json',
            'User-Agent': USER_AGENT,
            ...headers,
            ...(authorization ? { Authorization: authorization } : {}),
        },
        signal,
        redirect: 'follow',
    });
}
/** The challenge's realm, checked: an HTTP(S) URL that gets credentials only over TLS or on loopback. */
function realmOf(bearer, a) {
    let realm;
    try {
        realm = new URL(bearer.params.realm ?? '');
    }
    catch {
        throw new RegistryError(`${a.where} sent a Bearer challenge without a usable realm`);
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
        throw new RegistryError(`${a.where} sent a Bearer challenge with a non-HTTP realm`);
    }
    const plainRemote = realm.protocol === 'http:' && !(0,registry_name/* isLoopback */.U9)((0,registry_name/* hostOf */.w4)(realm.host));
    if (a.credentials && plainRemote) {
        throw new RegistryError(`${a.where}: refusing to send credentials to the plain-HTTP token realm ${realm.host}`);
    }
    return realm;
}
/** A token for `repository:<name>:<actions>` from the challenge's realm, as a `Bearer` header. */
async function bearerAuthorization(bearer, a) {
    const realm = realmOf(bearer, a);
    const creds = a.credentials;
    if (bearer.params.service)
        realm.searchParams.set('service', bearer.params.service);
    realm.searchParams.set('scope', `repository:${a.name.repository}:${a.actions}`);
    const response = await a.get(realm.href, 'GET', {}, creds ? basic(creds) : undefined);
    const body = await response.text();
    if (!response.ok) {
        const who = creds ? 'the docker login credentials' : 'anonymous access';
        throw new RegistryError(`${a.where}: the token service ${realm.host} refused ${who} (HTTP ${response.status}: ${registryError(body).text})${a.deniedHint()}`);
    }
    let token;
    try {
        const parsed = JSON.parse(body);
        token = parsed.token ?? parsed.access_token;
    }
    catch {
        // handled below
    }
    if (typeof token !== 'string' || token === '') {
        throw new RegistryError(`${a.where}: the token service ${realm.host} answered without a token`);
    }
    a.secrets.push(token);
    return `Bearer ${token}`;
}
/** An Authorization header that answers the challenges of a 401. */
async function authorizationFor(header, a) {
    const challenges = parseChallenges(header ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer)
        return bearerAuthorization(bearer, a);
    if (challenges.some((c) => c.scheme === 'basic')) {
        // Plain HTTP is only ever used for loopback registries, so the credentials stay on this machine there.
        if (!a.credentials)
            throw new RegistryError(`${a.where} requires credentials for ${a.name.repository}${a.deniedHint()}`);
        return basic(a.credentials);
    }
    throw new RegistryError(`${a.where} requires authentication of a kind this action does not speak`);
}
/** docker's credentials for the registry, looked up on first use only; what it finds joins `secrets`. */
function credentialsLookup(options, name, timeoutMs, secrets) {
    let lookup;
    return () => (lookup ??= credentialsOnce(options.dockerConfigDir, name, options.exec, timeoutMs).then((found) => {
        if (found.credentials) {
            const { username, password } = found.credentials;
            secrets.push(password, basic(found.credentials).slice(6), username);
        }
        return found;
    }));
}
function openSession(name, options, signal, timeoutMs) {
    const secrets = [];
    const where = `registry ${name.registry}`;
    const get = requester(options.fetchImpl ?? http/* httpFetch */.tX, signal);
    const credentials = credentialsLookup(options, name, timeoutMs, secrets);
    let known;
    const deniedHint = () => (known?.note ? `; ${known.note}` : '');
    const authorize = async (header) => {
        known = await credentials();
        const actions = options.actions ?? 'pull';
        return authorizationFor(header, {
            name,
            where,
            actions,
            get,
            credentials: known.credentials,
            deniedHint,
            secrets,
        });
    };
    let authorization;
    return {
        name,
        where,
        origin: (0,registry_name/* registryOrigin */._g)(name.registry),
        deniedHint,
        redact: (text) => (0,lib_text/* redactSecrets */.fp)(text, secrets),
        async send(url, init = {}) {
            const [method, headers, body] = [init.method ?? 'GET', init.headers ?? {}, init.body];
            const used = authorization;
            const response = await get(url, method, headers, used ? await used : undefined, body);
            if (response.status !== 401)
                return response;
            await response.arrayBuffer().catch(() => undefined);
            // Concurrent requests refused with the same header share one token request.
            if (authorization === used)
                authorization = authorize(response.headers.get('www-authenticate'));
            return get(url, method, headers, await authorization, body);
        },
    };
}
/** A failed request as a reason: timeouts and network errors in a few words, never a credential. */
function registryFailure(error, o) {
    const { where, doing: what, timeoutMs, redact } = o;
    if (error instanceof RegistryError)
        return redact(error.message);
    const e = (error ?? {});
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        return `${where}: ${what} timed out after ${timeoutMs} ms`;
    }
    const detail = [e.cause?.code, e.cause?.message, e.message].find((d) => typeof d === 'string' && d !== '');
    return redact(`${where}: ${what} failed: ${excerpt(String(detail ?? error))}`);
}


/***/ }),

/***/ 64535:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ manifestsExist),
/* harmony export */   c: () => (/* binding */ listTags)
/* harmony export */ });
/* harmony import */ var _lib_oci__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77950);
/* harmony import */ var _name__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(65313);
/* harmony import */ var _session__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5761);



/** The target of `Link: <...>; rel="next"`, if any. */
function nextLink(header) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const match = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (match && /;\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(match[2]))
            return match[1];
    }
    return undefined;
}
/**
 * The tags of a repository, over the OCI distribution API (`GET /v2/<name>/tags/list`,
 * following `Link: <...>; rel="next"` pages, at most `maxPages`), with docker's authentication
 * (see {@link RegistrySession}). Loopback registries are spoken to over plain HTTP, all others
 * over HTTPS. A pagination link to another host is a reason.
 *
 * A repository the registry does not know (`404 NAME_UNKNOWN`: nothing pushed yet) has no tags.
 * A registry that answers, but not with a tag list (refused, or the endpoint unsupported), gives
 * `refused: true`: its manifests may still be asked for one by one ({@link manifestsExist}).
 * Never throws; failures are reasons, which never contain credentials or tokens.
 */
async function listTags(options) {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const maxPages = Math.max(1, options.maxPages ?? 100);
    let name;
    try {
        name = (0,_name__WEBPACK_IMPORTED_MODULE_1__/* .parseImageName */ ["if"])(options.image);
    }
    catch (error) {
        return { tags: null, reason: String(error.message ?? error) };
    }
    const session = (0,_session__WEBPACK_IMPORTED_MODULE_2__/* .openSession */ .fA)(name, options, AbortSignal.timeout(timeoutMs), timeoutMs);
    const { where, redact } = session;
    try {
        const tags = [];
        let url = `${session.origin}/v2/${name.repository}/tags/list`;
        if (options.pageSize !== undefined)
            url += `?n=${Math.max(1, Math.floor(options.pageSize))}`;
        for (let page = 0;; page++) {
            if (page >= maxPages)
                return { tags: null, reason: `${where}: ${name.repository} has more than ${maxPages} pages of tags` };
            const response = await session.send(url);
            const body = await response.text();
            if (!response.ok) {
                const error = (0,_session__WEBPACK_IMPORTED_MODULE_2__/* .registryError */ .eo)(body);
                if (response.status === 404 && error.code === 'NAME_UNKNOWN' && page === 0)
                    return { tags: [] };
                const denied = response.status === 401 || response.status === 403 ? session.deniedHint() : '';
                // Refused or unsupported; a busy or failing registry (429, 5xx) would fail HEADs as well.
                const refused = response.status < 500 && response.status !== 429;
                return {
                    tags: null,
                    ...(refused ? { refused: true } : {}),
                    reason: redact(`${where} refused to list ${name.repository} (HTTP ${response.status}: ${error.text})${denied}`),
                };
            }
            let parsed;
            try {
                parsed = JSON.parse(body);
            }
            catch {
                return {
                    tags: null,
                    refused: true,
                    reason: redact(`${where} answered the tag list with something that is not JSON: ${(0,_session__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(body, 80)}`),
                };
            }
            const pageTags = parsed && typeof parsed === 'object' ? (parsed.tags ?? []) : undefined;
            if (!Array.isArray(pageTags) || pageTags.some((t) => typeof t !== 'string')) {
                return { tags: null, refused: true, reason: `${where} answered the tag list without a list of tags` };
            }
            tags.push(...pageTags);
            const next = nextLink(response.headers.get('link'));
            if (!next)
                return { tags };
            const target = new URL(next, url);
            if (target.origin !== new URL(url).origin) {
                return { tags: null, reason: `${where}: the next page of tags is on another host (${target.host})` };
            }
            url = target.href;
        }
    }
    catch (error) {
        return { tags: null, reason: (0,_session__WEBPACK_IMPORTED_MODULE_2__/* .registryFailure */ .MX)(error, { ...session, doing: 'listing tags', timeoutMs }) };
    }
}
/**
 * Whether each tag exists, with the request BuildKit's registry importer makes:
 * `HEAD /v2/<name>/manifests/<tag>` accepting the manifest types cache exporters write, all tags
 * at once, with the same authentication as the listing. For registries that refuse or lack the
 * tag list. Never throws: a tag whose request fails stays unknown, with the reason.
 */
async function manifestsExist(options) {
    const timeoutMs = options.timeoutMs ?? 5000;
    const found = new Map();
    let name;
    try {
        name = (0,_name__WEBPACK_IMPORTED_MODULE_1__/* .parseImageName */ ["if"])(options.image);
    }
    catch (error) {
        for (const tag of options.tags)
            found.set(tag, undefined);
        return { found, reason: String(error.message ?? error) };
    }
    const session = (0,_session__WEBPACK_IMPORTED_MODULE_2__/* .openSession */ .fA)(name, options, AbortSignal.timeout(timeoutMs), timeoutMs);
    const reasons = [];
    await Promise.all(options.tags.map(async (tag) => {
        try {
            const url = `${session.origin}/v2/${name.repository}/manifests/${encodeURIComponent(tag)}`;
            const response = await session.send(url, { method: 'HEAD', headers: { Accept: _lib_oci__WEBPACK_IMPORTED_MODULE_0__/* .MANIFEST_TYPES */ ._P } });
            await response.arrayBuffer().catch(() => undefined);
            if (response.ok || response.status === 404) {
                found.set(tag, response.ok);
                return;
            }
            found.set(tag, undefined);
            const denied = response.status === 401 || response.status === 403 ? session.deniedHint() : '';
            reasons.push(`${session.where} answered HTTP ${response.status} to HEAD ${name.repository}:${tag}${denied}`);
        }
        catch (error) {
            found.set(tag, undefined);
            reasons.push((0,_session__WEBPACK_IMPORTED_MODULE_2__/* .registryFailure */ .MX)(error, { ...session, doing: `HEAD ${name.repository}:${tag}`, timeoutMs }));
        }
    }));
    return reasons.length > 0 ? { found, reason: session.redact(reasons[0]) } : { found };
}


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

/***/ 16698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = require("node:child_process");

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

/***/ 51455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = require("node:process");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = require("node:url");

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
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
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
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./src/runner/commands.ts
var commands = __nccwpck_require__(46342);
;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js

class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if(Array.isArray(message)) message = message.join(' ').trim();
    super(message);
    if(Error.captureStackTrace !== undefined){
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for(const context of contexts){
      for(const key in context){
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js

const is_object = function(obj){
  return (typeof obj === 'object' && obj !== null && !Array.isArray(obj));
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js




const normalize_columns_array = function(columns){
  const normalizedColumns = [];
  for(let i = 0, l = columns.length; i < l; i++){
    const column = columns[i];
    if(column === undefined || column === null || column === false){
      normalizedColumns[i] = { disabled: true };
    }else if(typeof column === 'string'){
      normalizedColumns[i] = { name: column };
    }else if(is_object(column)){
      if(typeof column.name !== 'string'){
        throw new CsvError('CSV_OPTION_COLUMNS_MISSING_NAME', [
          'Option columns missing name:',
          `property "name" is required at position ${i}`,
          'when column is an object literal'
        ]);
      }
      normalizedColumns[i] = column;
    }else{
      throw new CsvError('CSV_INVALID_COLUMN_DEFINITION', [
        'Invalid column definition:',
        'expect a string or a literal object,',
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js

class ResizeableBuffer{
  constructor(size=100){
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val){
    if(Buffer.isBuffer(val)){
      const length = this.length + val.length;
      if(length >= this.size){
        this.resize();
        if(length >= this.size){
          throw Error('INVALID_BUFFER_STATE');
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    }else{
      const length = this.length++;
      if(length === this.size){
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf,1, 0, length);
    }
  }
  append(val){
    const length = this.length++;
    if(length === this.size){
      this.resize();
    }
    this.buf[length] = val;
  }
  clone(){
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize(){
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf,0, 0, length);
    this.buf = buf;
  }
  toString(encoding){
    if(encoding){
      return this.buf.slice(0, this.length).toString(encoding);
    }else{
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON(){
    return this.toString('utf8');
  }
  reset(){
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js



// white space characters
// https://en.wikipedia.org/wiki/Whitespace_character
// https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Regular_Expressions/Character_Classes#Types
// \f\n\r\t\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff
const np = 12;
const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal
const space = 32;
const tab = 9;

const init_state = function(options){
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...options.delimiter.map((delimiter) => delimiter.length),
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [Buffer.from(' ', options.encoding)[0], Buffer.from('\t', options.encoding)[0]],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: [
      Buffer.from(Buffer.from([cr], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([nl], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([np], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([space], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([tab], 'utf8').toString(), options.encoding),
    ]
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js

const underscore = function(str){
  return str.replace(/([A-Z])/g, function(_, match){
    return '_' + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function(opts){
  const options = {};
  // Merge with user options
  for(const opt in opts){
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if(options.encoding === undefined || options.encoding === true){
    options.encoding = 'utf8';
  }else if(options.encoding === null || options.encoding === false){
    options.encoding = null;
  }else if(typeof options.encoding !== 'string' && options.encoding !== null){
    throw new CsvError('CSV_INVALID_OPTION_ENCODING', [
      'Invalid option encoding:',
      'encoding must be a string or null to return a buffer,',
      `got ${JSON.stringify(options.encoding)}`
    ], options);
  }
  // Normalize option `bom`
  if(options.bom === undefined || options.bom === null || options.bom === false){
    options.bom = false;
  }else if(options.bom !== true){
    throw new CsvError('CSV_INVALID_OPTION_BOM', [
      'Invalid option bom:', 'bom must be true,',
      `got ${JSON.stringify(options.bom)}`
    ], options);
  }
  // Normalize option `cast`
  options.cast_function = null;
  if(options.cast === undefined || options.cast === null || options.cast === false || options.cast === ''){
    options.cast = undefined;
  }else if(typeof options.cast === 'function'){
    options.cast_function = options.cast;
    options.cast = true;
  }else if(options.cast !== true){
    throw new CsvError('CSV_INVALID_OPTION_CAST', [
      'Invalid option cast:', 'cast must be true or a function,',
      `got ${JSON.stringify(options.cast)}`
    ], options);
  }
  // Normalize option `cast_date`
  if(options.cast_date === undefined || options.cast_date === null || options.cast_date === false || options.cast_date === ''){
    options.cast_date = false;
  }else if(options.cast_date === true){
    options.cast_date = function(value){
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  }else if (typeof options.cast_date !== 'function'){
    throw new CsvError('CSV_INVALID_OPTION_CAST_DATE', [
      'Invalid option cast_date:', 'cast_date must be true or a function,',
      `got ${JSON.stringify(options.cast_date)}`
    ], options);
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = null;
  if(options.columns === true){
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  }else if(typeof options.columns === 'function'){
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  }else if(Array.isArray(options.columns)){
    options.columns = normalize_columns_array(options.columns);
  }else if(options.columns === undefined || options.columns === null || options.columns === false){
    options.columns = false;
  }else{
    throw new CsvError('CSV_INVALID_OPTION_COLUMNS', [
      'Invalid option columns:',
      'expect an array, a function or true,',
      `got ${JSON.stringify(options.columns)}`
    ], options);
  }
  // Normalize option `group_columns_by_name`
  if(options.group_columns_by_name === undefined || options.group_columns_by_name === null || options.group_columns_by_name === false){
    options.group_columns_by_name = false;
  }else if(options.group_columns_by_name !== true){
    throw new CsvError('CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME', [
      'Invalid option group_columns_by_name:',
      'expect an boolean,',
      `got ${JSON.stringify(options.group_columns_by_name)}`
    ], options);
  }else if(options.columns === false){
    throw new CsvError('CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME', [
      'Invalid option group_columns_by_name:',
      'the `columns` mode must be activated.'
    ], options);
  }
  // Normalize option `comment`
  if(options.comment === undefined || options.comment === null || options.comment === false || options.comment === ''){
    options.comment = null;
  }else{
    if(typeof options.comment === 'string'){
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if(!Buffer.isBuffer(options.comment)){
      throw new CsvError('CSV_INVALID_OPTION_COMMENT', [
        'Invalid option comment:',
        'comment must be a buffer or a string,',
        `got ${JSON.stringify(options.comment)}`
      ], options);
    }
  }
  // Normalize option `comment_no_infix`
  if(options.comment_no_infix === undefined || options.comment_no_infix === null || options.comment_no_infix === false){
    options.comment_no_infix = false;
  }else if(options.comment_no_infix !== true){
    throw new CsvError('CSV_INVALID_OPTION_COMMENT', [
      'Invalid option comment_no_infix:',
      'value must be a boolean,',
      `got ${JSON.stringify(options.comment_no_infix)}`
    ], options);
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if(!Array.isArray(options.delimiter)) options.delimiter = [options.delimiter];
  if(options.delimiter.length === 0){
    throw new CsvError('CSV_INVALID_OPTION_DELIMITER', [
      'Invalid option delimiter:',
      'delimiter must be a non empty string or buffer or array of string|buffer,',
      `got ${delimiter_json}`
    ], options);
  }
  options.delimiter = options.delimiter.map(function(delimiter){
    if(delimiter === undefined || delimiter === null || delimiter === false){
      return Buffer.from(',', options.encoding);
    }
    if(typeof delimiter === 'string'){
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if(!Buffer.isBuffer(delimiter) || delimiter.length === 0){
      throw new CsvError('CSV_INVALID_OPTION_DELIMITER', [
        'Invalid option delimiter:',
        'delimiter must be a non empty string or buffer or array of string|buffer,',
        `got ${delimiter_json}`
      ], options);
    }
    return delimiter;
  });
  // Normalize option `escape`
  if(options.escape === undefined || options.escape === true){
    options.escape = Buffer.from('"', options.encoding);
  }else if(typeof options.escape === 'string'){
    options.escape = Buffer.from(options.escape, options.encoding);
  }else if (options.escape === null || options.escape === false){
    options.escape = null;
  }
  if(options.escape !== null){
    if(!Buffer.isBuffer(options.escape)){
      throw new Error(`Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`);
    }
  }
  // Normalize option `from`
  if(options.from === undefined || options.from === null){
    options.from = 1;
  }else{
    if(typeof options.from === 'string' && /\d+/.test(options.from)){
      options.from = parseInt(options.from);
    }
    if(Number.isInteger(options.from)){
      if(options.from < 0){
        throw new Error(`Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`);
      }
    }else{
      throw new Error(`Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`);
    }
  }
  // Normalize option `from_line`
  if(options.from_line === undefined || options.from_line === null){
    options.from_line = 1;
  }else{
    if(typeof options.from_line === 'string' && /\d+/.test(options.from_line)){
      options.from_line = parseInt(options.from_line);
    }
    if(Number.isInteger(options.from_line)){
      if(options.from_line <= 0){
        throw new Error(`Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`);
      }
    }else{
      throw new Error(`Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`);
    }
  }
  // Normalize options `ignore_last_delimiters`
  if(options.ignore_last_delimiters === undefined || options.ignore_last_delimiters === null){
    options.ignore_last_delimiters = false;
  }else if(typeof options.ignore_last_delimiters === 'number'){
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if(options.ignore_last_delimiters === 0){
      options.ignore_last_delimiters = false;
    }
  }else if(typeof options.ignore_last_delimiters !== 'boolean'){
    throw new CsvError('CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS', [
      'Invalid option `ignore_last_delimiters`:',
      'the value must be a boolean value or an integer,',
      `got ${JSON.stringify(options.ignore_last_delimiters)}`
    ], options);
  }
  if(options.ignore_last_delimiters === true && options.columns === false){
    throw new CsvError('CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS', [
      'The option `ignore_last_delimiters`',
      'requires the activation of the `columns` option'
    ], options);
  }
  // Normalize option `info`
  if(options.info === undefined || options.info === null || options.info === false){
    options.info = false;
  }else if(options.info !== true){
    throw new Error(`Invalid Option: info must be true, got ${JSON.stringify(options.info)}`);
  }
  // Normalize option `max_record_size`
  if(options.max_record_size === undefined || options.max_record_size === null || options.max_record_size === false){
    options.max_record_size = 0;
  }else if(Number.isInteger(options.max_record_size) && options.max_record_size >= 0){
    // Great, nothing to do
  }else if(typeof options.max_record_size === 'string' && /\d+/.test(options.max_record_size)){
    options.max_record_size = parseInt(options.max_record_size);
  }else{
    throw new Error(`Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`);
  }
  // Normalize option `objname`
  if(options.objname === undefined || options.objname === null || options.objname === false){
    options.objname = undefined;
  }else if(Buffer.isBuffer(options.objname)){
    if(options.objname.length === 0){
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if(options.encoding === null){
      // Don't call `toString`, leave objname as a buffer
    }else{
      options.objname = options.objname.toString(options.encoding);
    }
  }else if(typeof options.objname === 'string'){
    if(options.objname.length === 0){
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  }else if(typeof options.objname === 'number'){
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  }else{
    throw new Error(`Invalid Option: objname must be a string or a buffer, got ${options.objname}`);
  }
  if(options.objname !== undefined){
    if(typeof options.objname === 'number'){
      if(options.columns !== false){
        throw Error('Invalid Option: objname index cannot be combined with columns or be defined as a field');
      }
    }else{ // A string or a buffer
      if(options.columns === false){
        throw Error('Invalid Option: objname field must be combined with columns or be defined as an index');
      }
    }
  }
  // Normalize option `on_record`
  if(options.on_record === undefined || options.on_record === null){
    options.on_record = undefined;
  }else if(typeof options.on_record !== 'function'){
    throw new CsvError('CSV_INVALID_OPTION_ON_RECORD', [
      'Invalid option `on_record`:',
      'expect a function,',
      `got ${JSON.stringify(options.on_record)}`
    ], options);
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if(options.on_skip !== undefined && options.on_skip !== null && typeof options.on_skip !== 'function'){
    throw new Error(`Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`);
  }
  // Normalize option `quote`
  if(options.quote === null || options.quote === false || options.quote === ''){
    options.quote = null;
  }else{
    if(options.quote === undefined || options.quote === true){
      options.quote = Buffer.from('"', options.encoding);
    }else if(typeof options.quote === 'string'){
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if(!Buffer.isBuffer(options.quote)){
      throw new Error(`Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`);
    }
  }
  // Normalize option `raw`
  if(options.raw === undefined || options.raw === null || options.raw === false){
    options.raw = false;
  }else if(options.raw !== true){
    throw new Error(`Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`);
  }
  // Normalize option `record_delimiter`
  if(options.record_delimiter === undefined){
    options.record_delimiter = [];
  }else if(typeof options.record_delimiter === 'string' || Buffer.isBuffer(options.record_delimiter)){
    if(options.record_delimiter.length === 0){
      throw new CsvError('CSV_INVALID_OPTION_RECORD_DELIMITER', [
        'Invalid option `record_delimiter`:',
        'value must be a non empty string or buffer,',
        `got ${JSON.stringify(options.record_delimiter)}`
      ], options);
    }
    options.record_delimiter = [options.record_delimiter];
  }else if(!Array.isArray(options.record_delimiter)){
    throw new CsvError('CSV_INVALID_OPTION_RECORD_DELIMITER', [
      'Invalid option `record_delimiter`:',
      'value must be a string, a buffer or array of string|buffer,',
      `got ${JSON.stringify(options.record_delimiter)}`
    ], options);
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i){
    if(typeof rd !== 'string' && ! Buffer.isBuffer(rd)){
      throw new CsvError('CSV_INVALID_OPTION_RECORD_DELIMITER', [
        'Invalid option `record_delimiter`:',
        'value must be a string, a buffer or array of string|buffer',
        `at index ${i},`,
        `got ${JSON.stringify(rd)}`
      ], options);
    }else if(rd.length === 0){
      throw new CsvError('CSV_INVALID_OPTION_RECORD_DELIMITER', [
        'Invalid option `record_delimiter`:',
        'value must be a non empty string or buffer',
        `at index ${i},`,
        `got ${JSON.stringify(rd)}`
      ], options);
    }
    if(typeof rd === 'string'){
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if(typeof options.relax_column_count === 'boolean'){
    // Great, nothing to do
  }else if(options.relax_column_count === undefined || options.relax_column_count === null){
    options.relax_column_count = false;
  }else{
    throw new Error(`Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`);
  }
  if(typeof options.relax_column_count_less === 'boolean'){
    // Great, nothing to do
  }else if(options.relax_column_count_less === undefined || options.relax_column_count_less === null){
    options.relax_column_count_less = false;
  }else{
    throw new Error(`Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`);
  }
  if(typeof options.relax_column_count_more === 'boolean'){
    // Great, nothing to do
  }else if(options.relax_column_count_more === undefined || options.relax_column_count_more === null){
    options.relax_column_count_more = false;
  }else{
    throw new Error(`Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`);
  }
  // Normalize option `relax_quotes`
  if(typeof options.relax_quotes === 'boolean'){
    // Great, nothing to do
  }else if(options.relax_quotes === undefined || options.relax_quotes === null){
    options.relax_quotes = false;
  }else{
    throw new Error(`Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`);
  }
  // Normalize option `skip_empty_lines`
  if(typeof options.skip_empty_lines === 'boolean'){
    // Great, nothing to do
  }else if(options.skip_empty_lines === undefined || options.skip_empty_lines === null){
    options.skip_empty_lines = false;
  }else{
    throw new Error(`Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`);
  }
  // Normalize option `skip_records_with_empty_values`
  if(typeof options.skip_records_with_empty_values === 'boolean'){
    // Great, nothing to do
  }else if(options.skip_records_with_empty_values === undefined || options.skip_records_with_empty_values === null){
    options.skip_records_with_empty_values = false;
  }else{
    throw new Error(`Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`);
  }
  // Normalize option `skip_records_with_error`
  if(typeof options.skip_records_with_error === 'boolean'){
    // Great, nothing to do
  }else if(options.skip_records_with_error === undefined || options.skip_records_with_error === null){
    options.skip_records_with_error = false;
  }else{
    throw new Error(`Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`);
  }
  // Normalize option `rtrim`
  if(options.rtrim === undefined || options.rtrim === null || options.rtrim === false){
    options.rtrim = false;
  }else if(options.rtrim !== true){
    throw new Error(`Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`);
  }
  // Normalize option `ltrim`
  if(options.ltrim === undefined || options.ltrim === null || options.ltrim === false){
    options.ltrim = false;
  }else if(options.ltrim !== true){
    throw new Error(`Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`);
  }
  // Normalize option `trim`
  if(options.trim === undefined || options.trim === null || options.trim === false){
    options.trim = false;
  }else if(options.trim !== true){
    throw new Error(`Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`);
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if(options.trim === true && opts.ltrim !== false){
    options.ltrim = true;
  }else if(options.ltrim !== true){
    options.ltrim = false;
  }
  if(options.trim === true && opts.rtrim !== false){
    options.rtrim = true;
  }else if(options.rtrim !== true){
    options.rtrim = false;
  }
  // Normalize option `to`
  if(options.to === undefined || options.to === null){
    options.to = -1;
  }else{
    if(typeof options.to === 'string' && /\d+/.test(options.to)){
      options.to = parseInt(options.to);
    }
    if(Number.isInteger(options.to)){
      if(options.to <= 0){
        throw new Error(`Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`);
      }
    }else{
      throw new Error(`Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`);
    }
  }
  // Normalize option `to_line`
  if(options.to_line === undefined || options.to_line === null){
    options.to_line = -1;
  }else{
    if(typeof options.to_line === 'string' && /\d+/.test(options.to_line)){
      options.to_line = parseInt(options.to_line);
    }
    if(Number.isInteger(options.to_line)){
      if(options.to_line <= 0){
        throw new Error(`Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`);
      }
    }else{
      throw new Error(`Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`);
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function(record){
  return record.every((field) => field == null || field.toString && field.toString().trim() === '');
};

const api_cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const api_nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  'utf8': Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  'utf16le': Buffer.from([255, 254])
};

const transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end){
      if(end) return false;
      const {encoding, escape, quote} = this.options;
      const {quoting, needMoreDataSize, recordDelimiterMaxLength} = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from('\r\n', encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? ((escape === null ? 0 : escape.length) + quote.length) : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? (quote.length + recordDelimiterMaxLength) : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close){
      const {bom, comment_no_infix, encoding, from_line, ltrim, max_record_size,raw, relax_quotes, rtrim, skip_empty_lines, to, to_line} = this.options;
      let {comment, escape, quote, record_delimiter} = this.options;
      const {bomSkipped, previousBuf, rawBuffer, escapeIsQuote} = this.state;
      let buf;
      if(previousBuf === undefined){
        if(nextBuf === undefined){
          // Handle empty string
          close();
          return;
        }else{
          buf = nextBuf;
        }
      }else if(previousBuf !== undefined && nextBuf === undefined){
        buf = previousBuf;
      }else{
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if(bomSkipped === false){
        if(bom === false){
          this.state.bomSkipped = true;
        }else if(buf.length < 3){
          // No enough data
          if(end === false){
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        }else{
          for(const encoding in boms){
            if(boms[encoding].compare(buf, 0, boms[encoding].length) === 0){
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              this.options = normalize_options({...this.original_options, encoding: encoding});
              // Options will re-evaluate the Buffer with the new encoding
              ({comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for(pos = 0; pos < bufLen; pos++){
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if(this.__needMoreData(pos, bufLen, end)){
          break;
        }
        if(this.state.wasRowDelimiter === true){
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if(to_line !== -1 && this.info.lines > to_line){
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if(this.state.quoting === false && record_delimiter.length === 0){
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(buf, pos);
          if(record_delimiterCount){
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if(raw === true){
          rawBuffer.append(chr);
        }
        if((chr === api_cr || chr === api_nl) && this.state.wasRowDelimiter === false){
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if(this.state.escaping === true){
          this.state.escaping = false;
        }else{
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if(escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen){
            if(escapeIsQuote){
              if(this.__isQuote(buf, pos+escape.length)){
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            }else{
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if(this.state.commenting === false && this.__isQuote(buf, pos)){
            if(this.state.quoting === true){
              const nextChr = buf[pos+quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos+quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos+quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(buf, pos+quote.length, nextChr);
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos+quote.length) : this.__isRecordDelimiter(nextChr, buf, pos+quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if(escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)){
                pos += escape.length - 1;
              }else if(!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable){
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              }else if(relax_quotes === false){
                const err = this.__error(
                  new CsvError('CSV_INVALID_CLOSING_QUOTE', [
                    'Invalid Closing Quote:',
                    `got "${String.fromCharCode(nextChr)}"`,
                    `at line ${this.info.lines}`,
                    'instead of delimiter, record delimiter, trimable character',
                    '(if activated) or comment',
                  ], this.options, this.__infoField())
                );
                if(err !== undefined) return err;
              }else{
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            }else{
              if(this.state.field.length !== 0){
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if(relax_quotes === false){
                  const info = this.__infoField();
                  const bom = Object.keys(boms).map(b => boms[b].equals(this.state.field.toString()) ? b : false).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError('INVALID_OPENING_QUOTE', [
                      'Invalid Opening Quote:',
                      `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                      bom ? `(${bom} bom)` : undefined
                    ], this.options, info, {
                      field: this.state.field,
                    })
                  );
                  if(err !== undefined) return err;
                }
              }else{
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if(this.state.quoting === false){
            const recordDelimiterLength = this.__isRecordDelimiter(chr, buf, pos);
            if(recordDelimiterLength !== 0){
              // Do not emit comments which take a full line
              const skipCommentLine = this.state.commenting && (this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0);
              if(skipCommentLine){
                this.info.comment_lines++;
                // Skip full comment line
              }else{
                // Activate records emition if above from_line
                if(this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1: 0) >= from_line){
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if(skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0){
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if(errField !== undefined) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if(errRecord !== undefined) return errRecord;
                if(to !== -1 && this.info.records >= to){
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if(this.state.commenting){
              continue;
            }
            if(comment !== null && (comment_no_infix === false || (this.state.record.length === 0 && this.state.field.length === 0))) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if(commentCount !== 0){
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if(delimiterLength !== 0){
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if(errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if(this.state.commenting === false){
          if(max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size){
            return this.__error(
              new CsvError('CSV_MAX_RECORD_SIZE', [
                'Max Record Size:',
                'record exceed the maximum number of tolerated bytes',
                `of ${max_record_size}`,
                `at line ${this.info.lines}`,
              ], this.options, this.__infoField())
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if(lappend === true && rappend === true){
          this.state.field.append(chr);
        }else if(rtrim === true && !this.__isCharTrimable(buf, pos)){
          return this.__error(
            new CsvError('CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', [
              'Invalid Closing Quote:',
              'found non trimable byte after quote',
              `at line ${this.info.lines}`,
            ], this.options, this.__infoField())
          );
        }else{
          if(lappend === false){
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if(end === true){
        // Ensure we are not ending in a quoting state
        if(this.state.quoting === true){
          const err = this.__error(
            new CsvError('CSV_QUOTE_NOT_CLOSED', [
              'Quote Not Closed:',
              `the parsing is finished with an opening quote at line ${this.info.lines}`,
            ], this.options, this.__infoField())
          );
          if(err !== undefined) return err;
        }else{
          // Skip last line if it has no characters
          if(this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0){
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if(errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if(errRecord !== undefined) return errRecord;
          }else if(this.state.wasRowDelimiter === true){
            this.info.empty_lines++;
          }else if(this.state.commenting === true){
            this.info.comment_lines++;
          }
        }
      }else{
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if(this.state.wasRowDelimiter === true){
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push){
      const {columns, group_columns_by_name, encoding, info, from, relax_column_count, relax_column_count_less, relax_column_count_more, raw, skip_records_with_empty_values} = this.options;
      const {enabled, record} = this.state;
      if(enabled === false){
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if(columns === true){
        if(skip_records_with_empty_values === true && isRecordEmpty(record)){
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if(columns === false && this.info.records === 0){
        this.state.expectedRecordLength = recordLength;
      }
      if(recordLength !== this.state.expectedRecordLength){
        const err = columns === false ?
          new CsvError('CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', [
            'Invalid Record Length:',
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`,
          ], this.options, this.__infoField(), {
            record: record,
          })
          :
          new CsvError('CSV_RECORD_INCONSISTENT_COLUMNS', [
            'Invalid Record Length:',
            `columns length is ${columns.length},`, // rename columns
            `got ${recordLength} on line ${this.info.lines}`,
          ], this.options, this.__infoField(), {
            record: record,
          });
        if(relax_column_count === true ||
          (relax_column_count_less === true && recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true && recordLength > this.state.expectedRecordLength)){
          this.info.invalid_field_length++;
          this.state.error = err;
        // Error is undefined with skip_records_with_error
        }else{
          const finalErr = this.__error(err);
          if(finalErr) return finalErr;
        }
      }
      if(skip_records_with_empty_values === true && isRecordEmpty(record)){
        this.__resetRecord();
        return;
      }
      if(this.state.recordHasError === true){
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if(from === 1 || this.info.records >= from){
        const {objname} = this.options;
        // With columns, records are object
        if(columns !== false){
          const obj = {};
          // Transform record array to an object
          for(let i = 0, l = record.length; i < l; i++){
            if(columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (group_columns_by_name === true && obj[columns[i].name] !== undefined) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              obj[columns[i].name] = record[i];
            }
          }
          // Without objname (default)
          if(raw === true || info === true){
            const extRecord = Object.assign(
              {record: obj},
              (raw === true ? {raw: this.state.rawBuffer.toString(encoding)}: {}),
              (info === true ? {info: this.__infoRecord()}: {})
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord]
              , push);
            if(err){
              return err;
            }
          }else{
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj]
              , push);
            if(err){
              return err;
            }
          }
        // Without columns, records are array
        }else{
          if(raw === true || info === true){
            const extRecord = Object.assign(
              {record: record},
              raw === true ? {raw: this.state.rawBuffer.toString(encoding)}: {},
              info === true ? {info: this.__infoRecord()}: {}
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord]
              , push);
            if(err){
              return err;
            }
          }else{
            const err = this.__push(
              objname === undefined ? record : [record[objname], record]
              , push);
            if(err){
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record){
      const {firstLineToHeaders} = this.state;
      try{
        const headers = firstLineToHeaders === undefined ? record : firstLineToHeaders.call(null, record);
        if(!Array.isArray(headers)){
          return this.__error(
            new CsvError('CSV_INVALID_COLUMN_MAPPING', [
              'Invalid Column Mapping:',
              'expect an array from column function,',
              `got ${JSON.stringify(headers)}`
            ], this.options, this.__infoField(), {
              headers: headers,
            })
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      }catch(err){
        return err;
      }
    },
    __resetRecord: function(){
      if(this.options.raw === true){
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function(){
      const {cast, encoding, rtrim, max_record_size} = this.options;
      const {enabled, wasQuoting} = this.state;
      // Short circuit for the from_line options
      if(enabled === false){
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if(rtrim === true && wasQuoting === false){
        field = field.trimRight();
      }
      if(cast === true){
        const [err, f] = this.__cast(field);
        if(err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if(max_record_size !== 0 && typeof field === 'string'){
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function(){
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push){
      const {on_record} = this.options;
      if(on_record !== undefined){
        const info = this.__infoRecord();
        try{
          record = on_record.call(null, record, info);
        }catch(err){
          return err;
        }
        if(record === undefined || record === null){ return; }
      }
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field){
      const {columns, relax_column_count} = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if(isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length){
        return [undefined, undefined];
      }
      if(this.state.castField !== null){
        try{
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        }catch(err){
          return [err];
        }
      }
      if(this.__isFloat(field)){
        return [undefined, parseFloat(field)];
      }else if(this.options.cast_date !== false){
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    // Helper to test if a character is a space or a line delimiter
    __isCharTrimable: function(buf, pos){
      const isTrim = (buf, pos) => {
        const {timchars} = this.state;
        loop1: for(let i = 0; i < timchars.length; i++){
          const timchar = timchars[i];
          for(let j = 0; j < timchar.length; j++){
            if(timchar[j] !== buf[pos+j]) continue loop1;
          }
          return timchar.length;
        }
        return 0;
      };
      return isTrim(buf, pos);
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isFloat: function(value){
      return (value - parseFloat(value) + 1) >= 0; // Borrowed from jquery
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte){
      if(sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for(let i = 1; i < sourceLength; i++){
        if(sourceBuf[i] !== targetBuf[targetPos+i]) return 0;
      }
      return sourceLength;
    },
    __isDelimiter: function(buf, pos, chr){
      const {delimiter, ignore_last_delimiters} = this.options;
      if(ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1){
        return 0;
      }else if(ignore_last_delimiters !== false && typeof ignore_last_delimiters === 'number' && this.state.record.length === ignore_last_delimiters - 1){
        return 0;
      }
      loop1: for(let i = 0; i < delimiter.length; i++){
        const del = delimiter[i];
        if(del[0] === chr){
          for(let j = 1; j < del.length; j++){
            if(del[j] !== buf[pos+j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isRecordDelimiter: function(chr, buf, pos){
      const {record_delimiter} = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for(let i = 0; i < recordDelimiterLength; i++){
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if(rd[0] !== chr){
          continue;
        }
        for(let j = 1; j < rdLength; j++){
          if(rd[j] !== buf[pos+j]){
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr){
      const {escape} = this.options;
      if(escape === null) return false;
      const l = escape.length;
      if(escape[0] === chr){
        for(let i = 0; i < l; i++){
          if(escape[i] !== buf[pos+i]){
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isQuote: function(buf, pos){
      const {quote} = this.options;
      if(quote === null) return false;
      const l = quote.length;
      for(let i = 0; i < l; i++){
        if(quote[i] !== buf[pos+i]){
          return false;
        }
      }
      return true;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos){
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from('\r\n', encoding),
        Buffer.from('\n', encoding),
        Buffer.from('\r', encoding),
      ];
      loop: for(let i = 0; i < rds.length; i++){
        const l = rds[i].length;
        for(let j = 0; j < l; j++){
          if(rds[i][j] !== buf[pos + j]){
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg){
      const {encoding, raw, skip_records_with_error} = this.options;
      const err = typeof msg === 'string' ? new Error(msg) : msg;
      if(skip_records_with_error){
        this.state.recordHasError = true;
        if(this.options.on_skip !== undefined){
          this.options.on_skip(err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      }else{
        return err;
      }
    },
    __infoDataSet: function(){
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function(){
      const {columns, raw, encoding} = this.options;
      return {
        ...this.__infoDataSet(),
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined
      };
    },
    __infoField: function(){
      const {columns} = this.options;
      const isColumns = Array.isArray(columns);
      return {
        ...this.__infoRecord(),
        column: isColumns === true ?
          (columns.length > this.state.record.length ?
            columns[this.state.record.length].name :
            null
          ) :
          this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    }
  };
};




;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/sync.js



const parse = function(data, opts={}){
  if(typeof data === 'string'){
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? {} : [];
  const parser = transform(opts);
  const push = (record) => {
    if(parser.options.objname === undefined)
      records.push(record);
    else{
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const err1 = parser.parse(data, false, push, close);
  if(err1 !== undefined) throw err1;
  const err2 = parser.parse(undefined, true, push, close);
  if(err2 !== undefined) throw err2;
  return records;
};

// export default parse



// EXTERNAL MODULE: ./src/lib/text.ts
var lib_text = __nccwpck_require__(79112);
;// CONCATENATED MODULE: ./src/buildx/attest.ts


/** `type=provenance,…` fields of one attestation entry, as buildx splits them. */
function fields(entry) {
    try {
        const rows = parse(entry, { delimiter: ',', trim: true, relaxColumnCount: true });
        return rows.flat();
    }
    catch {
        return entry.split(',').map((f) => f.trim());
    }
}
function attestationType(entry) {
    const type = fields(entry).find((f) => f.startsWith('type='));
    return type ? type.slice('type='.length).trim() : '';
}
/** `true` / `false` fields become `disabled=false` / `disabled=true`, as buildx reads them. */
function normalizeAttestation(entry) {
    return fields(entry)
        .map((f) => {
        const b = (0,lib_text/* parseBool */.q6)(f);
        return b === null ? f : `disabled=${!b}`;
    })
        .join(',');
}
/** Adds this run's builder id to provenance attributes that name none. */
function withBuilderId(attrs, builderId) {
    if (attrs === '')
        return `builder-id=${builderId}`;
    const named = fields(attrs).some((f) => f.split('=')[0].trim() === 'builder-id');
    return named ? attrs : `${attrs},builder-id=${builderId}`;
}
/** The `provenance` input: `true` is this run's builder id, `false` stays, attributes gain the id. */
function provenanceAttrs(input, builderId) {
    const b = (0,lib_text/* parseBool */.q6)(input);
    if (b === true)
        return `builder-id=${builderId}`;
    if (b === false)
        return 'false';
    return withBuilderId(input, builderId);
}
/** An output that does not leave an image in docker: any but `type=docker` (or `load`). */
function loadsIntoDocker(b) {
    return b.load || b.outputs.some((o) => fields(o).some((f) => f.replace(/\s/g, '') === 'type=docker'));
}
function attestArgs(b, facts) {
    const args = [];
    const typed = b.attests.map((a) => ({ entry: a, type: attestationType(a) }));
    const provenanceSet = b.provenance !== '';
    if (provenanceSet) {
        args.push(normalizeAttestation(`type=provenance,${provenanceAttrs(b.provenance, facts.builderId)}`));
    }
    else if (!typed.some((a) => a.type === 'provenance') &&
        !facts.noDefault &&
        facts.builderAttests &&
        !loadsIntoDocker(b)) {
        const mode = facts.privateRepository ? 'mode=min,inline-only=true' : 'mode=max';
        args.push(`type=provenance,${mode},builder-id=${facts.builderId}`);
    }
    const sbomSet = b.sbom !== '';
    if (sbomSet)
        args.push(normalizeAttestation(`type=sbom,${b.sbom}`));
    // `provenance` and `sbom` take precedence over an entry of the same type in `attests`.
    for (const { entry, type } of typed) {
        if (type === 'provenance') {
            if (!provenanceSet)
                args.push(withBuilderId(entry, facts.builderId));
        }
        else if (type === 'sbom') {
            if (!sbomSet)
                args.push(entry);
        }
        else {
            args.push(normalizeAttestation(entry));
        }
    }
    return args.flatMap((a) => ['--attest', a]);
}
/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>` */
function builderIdOf(ctx) {
    return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt}`;
}

;// CONCATENATED MODULE: ./src/buildx/args.ts

function createBuilderArgs({ name, builder, configFile, extraDriverOpts = [], }) {
    const args = ['buildx', 'create', '--name', name, '--driver', builder.driver];
    const opts = [...builder.driverOpts];
    for (const extra of extraDriverOpts) {
        const key = extra.slice(0, extra.indexOf('='));
        if (!opts.some((o) => o.startsWith(`${key}=`)))
            opts.push(extra);
    }
    for (const opt of opts)
        args.push('--driver-opt', opt);
    if (builder.buildkitdFlags !== '')
        args.push('--buildkitd-flags', builder.buildkitdFlags);
    if (configFile)
        args.push('--buildkitd-config', configFile);
    args.push('--bootstrap');
    if (builder.driver === 'remote')
        args.push(builder.endpoint);
    return args;
}
function args_removeBuilderArgs(name) {
    return ['buildx', 'rm', '--force', name];
}
function args_inspectBuilderArgs(name) {
    return ['buildx', 'inspect', name];
}
/** An output's exporter: its `type=`, or `local` for a bare path (`.`, `./out`), as buildx reads it. */
function exporterType(output) {
    const fields = output.split(',').map((f) => f.trim());
    const type = fields.find((f) => f.startsWith('type='));
    if (type)
        return type.slice('type='.length);
    return fields.length === 1 ? 'local' : '';
}
/** buildx refuses an image ID file beside a local or tar export; build-push-action leaves it out. */
const writesImageId = (outputs) => !outputs.some((o) => ['local', 'tar'].includes(exporterType(o)));
/** Inputs an older buildx does not know, which build-push-action drops with a warning: the version each needs. */
const INPUT_FLOORS = [
    {
        input: 'build-contexts',
        floor: '0.8.0',
        drop: { buildContexts: [] },
        asked: (b) => b.buildContexts.length > 0,
    },
    {
        input: 'attests, provenance and sbom',
        floor: '0.10.0',
        drop: { attests: [], provenance: '', sbom: '' },
        asked: (b) => b.attests.length > 0 || b.provenance !== '' || b.sbom !== '',
    },
    {
        input: 'annotations',
        floor: '0.12.0',
        drop: { annotations: [] },
        asked: (b) => b.annotations.length > 0,
    },
];
/** Attestations, the default provenance among them, need buildx 0.10. */
const ATTEST_FLOOR = '0.10.0';
/**
 * What this buildx can be asked: inputs it predates are dropped with a warning, as build-push-action
 * does; `call` needs 0.15 and is an error. Pure.
 */
function forBuildxVersion(b, version, atLeast) {
    if (b.call !== '' && !atLeast(version, '0.15.0')) {
        return {
            build: b,
            warnings: [],
            error: `input "call" needs buildx 0.15.0 or newer (this is ${version})`,
        };
    }
    let build = b;
    const warnings = [];
    for (const { input, floor, drop, asked } of INPUT_FLOORS) {
        if (atLeast(version, floor) || !asked(build))
            continue;
        warnings.push(`${input}: buildx ${floor} or newer is needed (this is ${version}); ignored`);
        build = { ...build, ...drop };
    }
    return { build, warnings };
}
/** `docker buildx build …`: every input becomes its own argument, in a stable order. */
function buildArgs(i) {
    const b = i.build;
    const args = ['buildx', 'build', '--builder', i.builder];
    const each = (flag, values) => values.forEach((v) => args.push(flag, v));
    const one = (flag, value) => value !== '' && args.push(flag, value);
    each('--add-host', b.addHosts);
    each('--allow', b.allow);
    each('--annotation', b.annotations);
    if (i.attest.enabled)
        args.push(...attestArgs(b, i.attest));
    each('--build-arg', b.buildArgs);
    each('--build-context', b.buildContexts);
    each('--cache-from', i.cacheFrom);
    each('--cache-to', i.cacheTo);
    one('--call', b.call);
    one('--cgroup-parent', b.cgroupParent);
    one('--file', b.file);
    if (i.iidFile !== '' && writesImageId(b.outputs))
        args.push('--iidfile', i.iidFile);
    each('--label', b.labels);
    if (b.load)
        args.push('--load');
    args.push('--metadata-file', i.metadataFile);
    one('--network', b.network);
    if (b.noCache)
        args.push('--no-cache');
    each('--no-cache-filter', b.noCacheFilters);
    each('--output', b.outputs);
    if (b.platforms.length > 0)
        args.push('--platform', b.platforms.join(','));
    if (b.pull)
        args.push('--pull');
    if (b.push)
        args.push('--push');
    b.secrets.forEach((s, n) => args.push('--secret', `id=${s.id},env=${i.secretEnvNames[n]}`));
    b.secretEnvs.forEach((s) => args.push('--secret', `id=${s.id},env=${s.env}`));
    b.secretFiles.forEach((s) => args.push('--secret', `id=${s.id},src=${s.path}`));
    if (i.gitAuthEnv)
        args.push('--secret', `id=GIT_AUTH_TOKEN.${i.gitAuthEnv.host},env=${i.gitAuthEnv.env}`);
    one('--shm-size', b.shmSize);
    each('--ssh', b.ssh);
    each('--tag', b.tags);
    one('--target', b.target);
    each('--ulimit', b.ulimit);
    args.push(b.context);
    return args;
}
/**
 * The cache export as its own invocation, after the image build: the same build definition (so
 * every step is a local cache hit), no image outputs, only `--cache-to`. Ending it on a timeout or
 * a failure cannot touch the image, which the first invocation already built and pushed.
 */
function cacheExportArgs(i) {
    const definition = {
        ...i.build,
        tags: [],
        labels: [],
        annotations: [],
        push: false,
        load: false,
        outputs: ['type=cacheonly'],
        pull: false,
        noCache: false,
        // Attestations belong to the image, which the first invocation made.
        provenance: 'false',
        sbom: '',
        attests: [],
        call: '',
    };
    return buildArgs({ ...i, build: definition, iidFile: '' });
}
function historyLogsArgs(builder, ref) {
    return ['buildx', 'history', 'logs', '--builder', builder, '--progress', 'rawjson', ref];
}
/** One attachment of a build record (the provenance, for the cache mounts BuildKit used). */
function historyAttachmentArgs(builder, ref, digest) {
    return ['buildx', 'history', 'inspect', 'attachment', '--builder', builder, ref, digest];
}
/** Every build record the builder keeps, newest first, one JSON object a line. */
function historyListArgs(builder) {
    return ['buildx', 'history', 'ls', '--builder', builder, '--format', 'json'];
}
function historyInspectArgs(builder, ref) {
    return ['buildx', 'history', 'inspect', '--builder', builder, '--format', 'json', ref];
}

// EXTERNAL MODULE: ./src/runner/inputs/types.ts
var types = __nccwpck_require__(37607);
;// CONCATENATED MODULE: ./src/lib/timers.ts
/** Node's timers hold at most 2^31−1 ms (24.8 days); a longer wait would fire at once, not never. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A delay as a timer can hold it: capped at {@link MAX_TIMER_MS}, never negative. */
const timerMs = (ms) => Math.min(Math.max(ms, 0), MAX_TIMER_MS);

;// CONCATENATED MODULE: ./src/runner/inputs/lists.ts


const SPLIT = { keepCommas: false };
const KEEP = { keepCommas: true };
/** Every list input and how it is read: build-push-action's rule for its inputs, then this action's own. */
const LIST_RULES = {
    'add-hosts': SPLIT,
    allow: SPLIT,
    annotations: KEEP,
    attests: KEEP,
    'build-args': KEEP,
    'build-contexts': KEEP,
    'cache-from': KEEP,
    'cache-to': KEEP,
    labels: KEEP,
    'no-cache-filters': SPLIT,
    outputs: { keepCommas: true, literalQuotes: true },
    platforms: SPLIT,
    secrets: { keepCommas: true, untrimmed: true },
    'secret-envs': SPLIT,
    'secret-files': KEEP,
    ssh: SPLIT,
    tags: SPLIT,
    ulimit: KEEP,
    // setup-buildx-action reads driver-opts with commas kept and quotes as written.
    'driver-opts': { keepCommas: true, literalQuotes: true },
    'cache-read-legs': SPLIT,
    'cache-options': SPLIT,
    'cache-mounts': SPLIT,
    'bake-targets': SPLIT,
};
function rows(name, raw, rule) {
    try {
        const parsed = parse(raw, {
            relaxQuotes: true,
            relaxColumnCount: true,
            skipEmptyLines: true,
            info: true,
            ...(rule.literalQuotes ? { quote: false } : {}),
        });
        return parsed.map(({ record, info }) => ({ fields: record, endLine: info.lines }));
    }
    catch (e) {
        throw new types/* InputError */.dz(name, `cannot read the list: ${e.message}`);
    }
}
function entriesOfRow(fields, rule) {
    if (rule.keepCommas)
        return [fields.join(',')];
    return fields.length === 1 ? fields[0].split(',') : fields;
}
/** The entries of a list input (`raw` as the runner gives it, untrimmed). */
function inputList(name, raw) {
    const rule = LIST_RULES[name];
    const text = rule.untrimmed ? raw : raw.trim();
    if (text === '')
        return [];
    return rows(name, text, rule)
        .flatMap((r) => entriesOfRow(r.fields, rule))
        .filter((e) => e !== '')
        .map((e) => (rule.untrimmed ? e : e.trim()));
}
/** A secret's id: what BuildKit accepts and `RUN --mount=type=secret,id=…` names. */
const SECRET_START = /^([A-Za-z0-9_.-]+)=([\s\S]*)$/;
/**
 * `secrets`: `id=value` entries as build-push-action reads them (quoted entries may span lines),
 * and one thing more: an unquoted value that goes on over the next lines (a PEM key pasted as it
 * is) stays whole, blank lines included, where build-push-action keeps only its first line. A
 * line continues the entry before it unless it starts a new `id=`.
 */
function secretList(raw) {
    const name = 'secrets';
    if (raw.trim() === '')
        return [];
    const entries = [];
    for (const row of rows(name, raw, LIST_RULES.secrets)) {
        const text = row.fields.join(',');
        const start = SECRET_START.exec(text);
        const last = entries[entries.length - 1];
        if (start) {
            entries.push({ id: start[1], value: start[2], endLine: row.endLine });
        }
        else if (last && !text.includes('\n')) {
            // An unquoted continuation line: the lines skipped since the entry's last one were empty.
            last.value += '\n'.repeat(row.endLine - last.endLine) + text;
            last.endLine = row.endLine;
        }
        else if (text.trim() !== '') {
            throw new types/* InputError */.dz(name, 'expected entries of the form id=value (one per line, or quoted)');
        }
    }
    // A quoted value keeps its trailing newlines: an OpenSSH private key needs its last one.
    return entries.map(({ id, value }) => ({ id, value }));
}
/** `id=value` entries of a list input (secret-envs, secret-files), refusing any without both. */
function keyValueList(name, raw) {
    return inputList(name, raw).map((entry) => {
        const eq = entry.indexOf('=');
        if (eq <= 0 || eq === entry.length - 1) {
            throw new types/* InputError */.dz(name, `expected entries of the form id=value, got ${JSON.stringify(entry)}`);
        }
        return { key: entry.slice(0, eq).trim(), value: entry.slice(eq + 1).trim() };
    });
}

;// CONCATENATED MODULE: ./src/runner/inputs/fields.ts



/** What the cache-mount helpers run: docker.io's busybox, about 2 MB. */
const DEFAULT_MOUNTS_IMAGE = 'busybox:1.36.1';
const BOOLEAN_TRUE = ['true', 'True', 'TRUE'];
const BOOLEAN_FALSE = ['false', 'False', 'FALSE'];
function bool(get, name, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (BOOLEAN_TRUE.includes(raw))
        return true;
    if (BOOLEAN_FALSE.includes(raw))
        return false;
    throw new types/* InputError */.dz(name, `expected true or false, got ${JSON.stringify(raw)}`);
}
function oneOf(get, name, allowed, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (allowed.includes(raw))
        return raw;
    throw new types/* InputError */.dz(name, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
}
/** `90`, `90s`, `10m`, `1h`, `1500ms` → milliseconds. */
function parseDuration(name, raw, fallbackMs) {
    const value = raw.trim();
    if (value === '')
        return fallbackMs;
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
    if (!m) {
        throw new types/* InputError */.dz(name, `expected a duration such as 600, 90s, 10m or 1h, got ${JSON.stringify(value)}`);
    }
    const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'] ?? 1000;
    const ms = Math.round(Number(m[1]) * unit);
    // Node's timers hold 2^31-1 ms (24.8 days); a longer one fires at once instead of never.
    if (ms > MAX_TIMER_MS) {
        throw new types/* InputError */.dz(name, `expected at most ${Math.floor(MAX_TIMER_MS / 3600000)}h, got ${JSON.stringify(value)}`);
    }
    return ms;
}
/** A whole number of at least 1. */
function positiveWholeNumber(name, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
        throw new types/* InputError */.dz(name, `expected a whole number of at least 1, got ${JSON.stringify(value)}`);
    }
    return Number(value);
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    k: 1e3,
    kb: 1e3,
    m: 1e6,
    mb: 1e6,
    g: 1e9,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
};
/** `2GiB`, `500MB`, `1g`, `1048576` → bytes. */
function parseSize(name, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
    const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
    if (!m || unit === undefined) {
        throw new types/* InputError */.dz(name, `expected a size such as 2GiB, 500MB or 1048576 (bytes), got ${JSON.stringify(value)}`);
    }
    return Math.round(Number(m[1]) * unit);
}
/** `auto`, `none`, or mount ids (one per line or comma-separated). */
function mountSelection(raw) {
    const items = inputList('cache-mounts', raw);
    if (items.length === 0 || (items.length === 1 && items[0] === 'auto'))
        return { kind: 'auto' };
    if (items.length === 1 && items[0] === 'none')
        return { kind: 'none' };
    if (items.includes('auto') || items.includes('none')) {
        throw new types/* InputError */.dz('cache-mounts', 'expected auto, none, or a list of cache mount ids (not mixed)');
    }
    return { kind: 'ids', ids: items };
}
/** Credentials must come from the environment: as cache attributes they would reach docker's argv. */
const SECRET_ATTRIBUTES = ['secret_access_key', 'session_token', 'access_key_id', 'token', 'ghtoken'];
const CACHE_IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;
/** `cache-image` is a repository: lowercase, no tag, no digest. */
function validateCacheImage(image) {
    if (image === '')
        return image;
    if (image.includes('@'))
        throw new types/* InputError */.dz('cache-image', 'expected a repository without a digest');
    const lastSlash = image.lastIndexOf('/');
    if (image.slice(lastSlash + 1).includes(':')) {
        throw new types/* InputError */.dz('cache-image', 'expected a repository without a tag (the action picks the tags)');
    }
    if (!CACHE_IMAGE.test(image)) {
        throw new types/* InputError */.dz('cache-image', `expected a lowercase repository name such as ghcr.io/owner/app-cache`);
    }
    return image;
}

;// CONCATENATED MODULE: ./src/runner/inputs/read.ts





/** Reads every input from the step's environment: the only place that does. */
const readInputs = () => parseInputs(commands/* getRawInput */.pi);
/** Turns raw (untrimmed) inputs into a typed, validated object. Pure: `get` is the only source. */
function parseInputs(get) {
    // In this order: a user with several mistakes sees the same first one as before.
    const build = buildInputs(get);
    const builder = builderInputs(get);
    const cache = cacheInputs(get, build);
    if (build.push && build.load && build.platforms.length > 1 && builder.driver === 'docker') {
        throw new types/* InputError */.dz('load', 'the docker driver cannot load a multi-platform image; drop load or platforms');
    }
    const { dryRun, bakeTargets } = planOnlyInputs(get, cache);
    const merge = mergeRole(get, build, dryRun || bakeTargets.length > 0);
    return {
        build,
        builder,
        cache,
        mounts: mountInputs(get),
        githubToken: get('github-token').trim(),
        dryRun,
        bakeTargets,
        merge,
    };
}
/** The build's own inputs, as build-push-action names them. */
function buildInputs(get) {
    const secretPairs = (name) => keyValueList(name, get(name)).map(({ key, value }) => ({ id: key, value }));
    return {
        // '' builds build-push-action's default, the Git context of the run (see buildx/git-context).
        context: get('context').trim(),
        file: get('file').trim(),
        target: get('target').trim(),
        tags: inputList('tags', get('tags')),
        labels: inputList('labels', get('labels')),
        annotations: inputList('annotations', get('annotations')),
        buildArgs: inputList('build-args', get('build-args')),
        buildContexts: inputList('build-contexts', get('build-contexts')),
        secrets: secretList(get('secrets')),
        secretEnvs: secretPairs('secret-envs').map(({ id, value }) => ({ id, env: value })),
        secretFiles: secretPairs('secret-files').map(({ id, value }) => ({ id, path: value })),
        ssh: inputList('ssh', get('ssh')),
        platforms: inputList('platforms', get('platforms')),
        push: bool(get, 'push', false),
        load: bool(get, 'load', false),
        outputs: inputList('outputs', get('outputs')),
        pull: bool(get, 'pull', false),
        noCache: bool(get, 'no-cache', false),
        noCacheFilters: inputList('no-cache-filters', get('no-cache-filters')),
        provenance: get('provenance').trim(),
        sbom: get('sbom').trim(),
        attests: inputList('attests', get('attests')),
        network: get('network').trim(),
        addHosts: inputList('add-hosts', get('add-hosts')),
        allow: inputList('allow', get('allow')),
        shmSize: get('shm-size').trim(),
        ulimit: inputList('ulimit', get('ulimit')),
        cgroupParent: get('cgroup-parent').trim(),
        call: get('call').trim(),
        cacheFrom: inputList('cache-from', get('cache-from')),
        cacheTo: inputList('cache-to', get('cache-to')),
    };
}
/** Which builder, and how it is created. */
function builderInputs(get) {
    const driver = oneOf(get, 'driver', types/* DRIVERS */.e0, 'docker-container');
    const builder = {
        driver,
        driverSet: get('driver').trim() !== '',
        driverOpts: inputList('driver-opts', get('driver-opts')),
        buildkitdFlags: get('buildkitd-flags').trim(),
        buildkitdConfigInline: get('buildkitd-config-inline'),
        endpoint: get('endpoint').trim(),
        builder: get('builder').trim(),
        buildxVersion: get('buildx-version').trim(),
        buildxReleasesUrl: releasesUrl(get('buildx-releases-url').trim()),
        // A kubernetes builder keeps its pods and volumes for the next job unless asked (docs/builders.md).
        cleanup: bool(get, 'cleanup', driver !== 'kubernetes'),
    };
    if (builder.driver === 'remote' && builder.endpoint === '' && builder.builder === '') {
        throw new types/* InputError */.dz('endpoint', 'driver "remote" needs an endpoint such as tcp://buildkitd:1234');
    }
    if (builder.builder !== '' && (builder.driverOpts.length > 0 || builder.buildkitdFlags !== '')) {
        throw new types/* InputError */.dz('builder', 'an existing builder cannot take driver-opts or buildkitd-flags; set them where that builder is created');
    }
    if (builder.buildxVersion !== '' && !/^v?\d+\.\d+(\.\d+)?$/.test(builder.buildxVersion)) {
        throw new types/* InputError */.dz('buildx-version', `expected a version such as 0.29.1, got ${JSON.stringify(builder.buildxVersion)}`);
    }
    return builder;
}
/** The cache inputs; their checks need the build's tags (a registry cache's default repository). */
function cacheInputs(get, build) {
    const cache = {
        backend: oneOf(get, 'cache', types/* CACHE_BACKENDS */.bK, 'gha'),
        image: validateCacheImage(get('cache-image').trim()),
        dir: get('cache-dir').trim(),
        scope: get('cache-scope').trim(),
        leg: get('cache-leg').trim(),
        readLegs: inputList('cache-read-legs', get('cache-read-legs')),
        mode: oneOf(get, 'cache-mode', types/* CACHE_MODES */._R, 'max'),
        write: oneOf(get, 'cache-write', types/* CACHE_WRITES */.s8, 'auto'),
        options: inputList('cache-options', get('cache-options')),
        ignoreError: bool(get, 'cache-ignore-error', true),
        exportTimeoutMs: parseDuration('cache-export-timeout', get('cache-export-timeout'), 600000),
        importTimeoutMs: parseDuration('cache-import-timeout', get('cache-import-timeout'), 300000),
        explain: bool(get, 'cache-explain', false),
        keepCommits: positiveWholeNumber('cache-keep-commits', get('cache-keep-commits'), 10),
        persistLocal: false,
    };
    for (const option of cache.options)
        checkCacheOption(option);
    cache.persistLocal = cache.backend === 'local' && cache.dir === '';
    if ((cache.backend === 'registry' || cache.backend === 'inline') && cache.image === '') {
        if (build.tags.length === 0) {
            throw new types/* InputError */.dz('cache-image', `cache "${cache.backend}" needs a repository for its cache tags: set cache-image or tags`);
        }
    }
    return cache;
}
/** One `cache-options` entry: a single key=value attribute, never a credential. */
function checkCacheOption(option) {
    // One attribute per entry: a comma or a newline would carry more attributes past the key check.
    if (!/^[a-z0-9_-]+=[^,\r\n]*$/.test(option)) {
        throw new types/* InputError */.dz('cache-options', `expected key=value attributes such as compression=zstd, one per entry, got ${JSON.stringify(option)}`);
    }
    const key = option.slice(0, option.indexOf('='));
    if (SECRET_ATTRIBUTES.includes(key)) {
        throw new types/* InputError */.dz('cache-options', `${key} would put a credential on docker's command line: pass it through the environment (AWS_*, AZURE_*)`);
    }
}
/** `dry-run` and `bake-targets`: a run that only plans, and the bake targets it plans for. */
function planOnlyInputs(get, cache) {
    const dryRun = bool(get, 'dry-run', false);
    const bakeTargets = inputList('bake-targets', get('bake-targets'));
    for (const target of bakeTargets) {
        if (!/^[A-Za-z0-9_-]+$/.test(target)) {
            throw new types/* InputError */.dz('bake-targets', `expected bake target names (letters, digits, _ and -), got ${JSON.stringify(target)}`);
        }
    }
    if (bakeTargets.length > 0 && !dryRun) {
        throw new types/* InputError */.dz('bake-targets', 'the bake file is for docker/bake-action to build with: set dry-run: true');
    }
    if (bakeTargets.length > 0 && cache.backend === 'registry' && cache.image === '') {
        throw new types/* InputError */.dz('cache-image', 'bake targets name their tags in the bake file: set cache-image for the registry cache');
    }
    return { dryRun, bakeTargets };
}
/** `cache-mounts` and its limits. */
function mountInputs(get) {
    return {
        selection: mountSelection(get('cache-mounts')),
        maxBytes: parseSize('cache-mounts-max-size', get('cache-mounts-max-size'), 2 * 1024 ** 3),
        image: get('cache-mounts-image').trim() || DEFAULT_MOUNTS_IMAGE,
        timeoutMs: parseDuration('cache-mounts-timeout', get('cache-mounts-timeout'), 300000),
    };
}
/** `merge`, checked against the inputs it needs: the tags name the image, a leg builds one platform. */
function mergeRole(get, build, planOnly) {
    const role = oneOf(get, 'merge', types/* MERGE_ROLES */.Zq, 'false');
    if (role === 'false')
        return role;
    if (planOnly)
        throw new types/* InputError */.dz('merge', `"${role}" builds or merges an image: drop dry-run or bake-targets`);
    if (build.tags.length === 0) {
        throw new types/* InputError */.dz('tags', `merge "${role}" needs the image's tags (the legs push to their repository)`);
    }
    if (role === 'leg' && build.platforms.length !== 1) {
        throw new types/* InputError */.dz('platforms', `merge "leg" builds one platform per job: set platforms to the leg's platform, such as \${{ matrix.platform }}, got ${JSON.stringify(build.platforms.join(','))}`);
    }
    if (role === 'leg' && build.outputs.length > 0) {
        throw new types/* InputError */.dz('outputs', 'merge "leg" pushes the image by digest itself: drop outputs');
    }
    if (role === 'index' && build.platforms.length === 0) {
        throw new types/* InputError */.dz('platforms', 'merge "index" needs every platform the legs build, such as linux/amd64,linux/arm64');
    }
    return role;
}
/** `{{defaultContext}}`, as build-push-action writes it (handlebars allows spaces inside). */
const DEFAULT_CONTEXT_TEMPLATE = /\{\{\s*defaultContext\s*\}\}/g;
/** The context is the run's Git context: unset, or a `{{defaultContext}}` template. */
function isDefaultContext(context) {
    return context === '' || new RegExp(DEFAULT_CONTEXT_TEMPLATE.source).test(context);
}
/** A context that is a remote source rather than a folder of the checkout. */
function isRemoteContext(context) {
    return (isDefaultContext(context) ||
        context === '-' ||
        /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ||
        context.startsWith('git@'));
}
/**
 * The checkout folder that holds the build's files: the context folder, or for the run's Git
 * context the checkout's copy of it (`{{defaultContext}}:sub` → `sub`); null for other remotes.
 */
function checkoutContext(build, workspace) {
    if (isDefaultContext(build.context)) {
        const rendered = build.context === '' ? '' : build.context.replace(DEFAULT_CONTEXT_TEMPLATE, '');
        return (0,external_node_path_.resolve)(workspace, rendered.startsWith(':') ? rendered.slice(1) || '.' : '.');
    }
    return isRemoteContext(build.context) ? null : (0,external_node_path_.resolve)(workspace, build.context);
}
/**
 * Where the build's Dockerfile is in the checkout (`file`, else `Dockerfile` in the context). For
 * the run's Git context, `file` is inside the repository: the checkout's copy of it.
 */
function dockerfilePath(build, workspace) {
    const context = checkoutContext(build, workspace) ?? (0,external_node_path_.resolve)(workspace);
    const base = isDefaultContext(build.context) || build.file === '' ? context : workspace;
    // One call with computed arguments: ncc would take `resolvePath(context, 'Dockerfile')` for an
    // asset of the bundle and point it at a copy of this repository's Dockerfiles.
    const name = build.file === '' ? 'Dockerfile' : build.file;
    return (0,external_node_path_.resolve)(base, name);
}
const inside = (root, p) => p === root || p.startsWith(`${root}/`);
/**
 * Checks the paths the build reads against the checkout: the context must be a folder inside the
 * workspace and the Dockerfile must exist there, or in the runner's temporary folders where steps
 * write generated Dockerfiles (never `/etc/passwd`, whose first line BuildKit's error would quote).
 * A Git context's files are the repository's: nothing to check here. `exists` is the file system.
 */
function validatePaths(build, workspace, exists, tempRoots = []) {
    if (isRemoteContext(build.context))
        return;
    const root = (0,external_node_path_.resolve)(workspace);
    const context = (0,external_node_path_.resolve)(workspace, build.context);
    if (!inside(root, context)) {
        throw new types/* InputError */.dz('context', `expected a folder inside the workspace (${root}), got ${JSON.stringify(build.context)}`);
    }
    if (!exists(context))
        throw new types/* InputError */.dz('context', `the folder ${JSON.stringify(build.context)} does not exist`);
    if (build.file === '-')
        return;
    const dockerfile = dockerfilePath(build, workspace);
    const roots = [root, ...tempRoots.filter((t) => t !== '').map((t) => (0,external_node_path_.resolve)(t))];
    if (!roots.some((r) => inside(r, dockerfile))) {
        throw new types/* InputError */.dz('file', `expected a Dockerfile inside the workspace or the runner's temporary folder, got ${JSON.stringify(build.file)}`);
    }
    if (!exists(dockerfile)) {
        throw new types/* InputError */.dz('file', `the Dockerfile ${JSON.stringify(build.file || `${build.context}/Dockerfile`)} does not exist`);
    }
}
/** Where buildx releases are downloaded from when none is given: GitHub's releases of docker/buildx. */
const BUILDX_RELEASES = 'https://github.com/docker/buildx/releases/download';
/** `buildx-releases-url`: an http(s) URL; an input, never the job's environment, which earlier steps can set. */
function releasesUrl(text) {
    if (text === '')
        return BUILDX_RELEASES;
    let url = null;
    try {
        url = new URL(text);
    }
    catch {
        url = null;
    }
    if (url === null || !/^https?:$/.test(url.protocol) || url.username || url.password) {
        throw new types/* InputError */.dz('buildx-releases-url', `expected an http(s) URL without credentials, such as ${BUILDX_RELEASES}, got ${JSON.stringify(text)}`);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/buildx/git-context.ts

/**
 * The run's Git context, build-push-action's default: the repository on the run's own server, at
 * the commit the event names (a pull request's head commit when the ref was switched to its head).
 * Pure. `query` is buildx's newer `?ref=` form (BUILDX_SEND_GIT_QUERY_AS_INPUT, buildx 0.29+).
 */
function defaultGitContext(ctx, o) {
    let ref = ctx.ref.startsWith('refs/') ? ctx.ref : `refs/heads/${ctx.ref}`;
    if (o.pullRequestHead && ref.startsWith('refs/pull/'))
        ref = ref.replace(/\/merge$/, '/head');
    // The event's commit pins the context; a pull request's head ref pins its head commit instead.
    let pinned = ctx.sha || ref;
    if (ref.startsWith('refs/pull/') && ref.endsWith('/head'))
        pinned = ctx.pullRequest?.headSha || ref;
    const base = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}.git`;
    return o.query ? `${base}?ref=${pinned}` : `${base}#${pinned}`;
}
/** The environment's switches for the default context (read as buildx reads booleans, in runner/environment.ts). */
function gitContextSwitches(switches, buildxVersion, atLeast) {
    return {
        query: switches.sendGitQueryAsInput && atLeast(buildxVersion, '0.29.0'),
        pullRequestHead: switches.gitContextPullRequestHead,
    };
}
/** `{{defaultContext}}` replaced in `context` (unset: the default itself) and in `build-contexts`. */
function renderContexts(build, defaultContext) {
    const render = (text) => text.replace(DEFAULT_CONTEXT_TEMPLATE, defaultContext);
    return {
        ...build,
        context: isDefaultContext(build.context) ? render(build.context) || defaultContext : build.context,
        buildContexts: build.buildContexts.map(render),
    };
}
/** The host of a Git URL buildx would fetch (`https://host/…`, `git@host:…`), else null. */
function gitUrlHost(url) {
    const scp = /^[A-Za-z0-9._-]+@([^:/]+):/.exec(url);
    if (scp)
        return scp[1];
    if (!/^(https?|git|ssh):\/\//.test(url))
        return null;
    try {
        return new URL(url.replace(/#.*$/, '')).host;
    }
    catch {
        return null;
    }
}
/**
 * The host whose `GIT_AUTH_TOKEN.<host>` secret carries `github-token`: the run's own server
 * (GitHub Enterprise included), only when the context or a build context is a Git URL there, and
 * not when `secrets` already gives a GIT_AUTH_TOKEN. Never another host: the token is GitHub's.
 */
function githubTokenHost(build, serverUrl) {
    let server;
    try {
        server = new URL(serverUrl).host;
    }
    catch {
        return null;
    }
    if (build.secrets.some((s) => s.id === 'GIT_AUTH_TOKEN' || s.id === `GIT_AUTH_TOKEN.${server}`))
        return null;
    const sources = [build.context, ...build.buildContexts.map((c) => c.slice(c.indexOf('=') + 1))];
    return sources.some((s) => gitUrlHost(s) === server) ? server : null;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./src/lib/docker-config.ts


/**
 * The text of docker's config.json in `configDir` (DOCKER_CONFIG, else `~/.docker`: see
 * runner/environment.ts), or null when there is none (the CLI's defaults apply).
 */
function readDockerConfig(configDir) {
    try {
        return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(configDir, 'config.json'), 'utf8');
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: ./src/net/http.ts
var http = __nccwpck_require__(59663);
;// CONCATENATED MODULE: ./src/buildx/buildx.ts
function pluginBuildx(version) {
    return { command: 'docker', argv: (args) => args, version, path: '' };
}
function standaloneBuildx(binary, version) {
    return {
        command: binary,
        argv: (args) => (args[0] === 'buildx' ? args.slice(1) : args),
        version,
        path: binary,
    };
}
/** The system folders the docker CLI looks in for plugins on Linux and macOS, fixed in its binary. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
/**
 * The docker CLI's system plugin folders. The tests run a copy of the CLI whose folders are
 * stand-ins they own (a buildx installed system-wide must not leak into a "no buildx" case) and
 * name them to the action in BKCA_CLI_PLUGINS_SYSTEM_DIRS (`:`-separated).
 */
function systemPluginDirs(platform, standIns) {
    if (platform === 'win32')
        return [];
    return standIns ? standIns.split(':').filter((d) => d !== '') : SYSTEM_PLUGIN_DIRS;
}
/**
 * Where the docker CLI looks for its buildx plugin, in its order: config.json's
 * `cliPluginsExtraDirs`, `$DOCKER_CONFIG/cli-plugins` (else `~/.docker/cli-plugins`), then the
 * system directories. Running the plugin binary itself skips the docker CLI, which starts it twice
 * per command (once for its metadata): ~0.07 s a call instead of ~0.2 s on a 2-core runner.
 */
function buildxPluginCandidates(o) {
    const name = o.platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
    return [...o.extraDirs, `${o.dockerConfigDir}/cli-plugins`, ...o.systemDirs].map((d) => `${d}/${name}`);
}
/** `cliPluginsExtraDirs` from docker's config.json text; [] when absent or unreadable. */
function extraPluginDirs(configJson) {
    try {
        const dirs = JSON.parse(configJson ?? '{}').cliPluginsExtraDirs;
        return Array.isArray(dirs) ? dirs.filter((d) => typeof d === 'string') : [];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/buildx/parse/version.ts
/** Pure parser of what `docker buildx version` prints. */
/** `github.com/docker/buildx v0.29.1 1a2b3c` or Debian's `… 0.29.1+ds1 0.29.1+ds1-4` → `0.29.1`. */
function parseBuildxVersion(stdout) {
    const m = /github\.com\/docker\/buildx\s+v?(\d+\.\d+\.\d+)/.exec(stdout) ?? /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
    return m ? m[1] : null;
}

// EXTERNAL MODULE: ./src/stores/github-cache/keys.ts
var github_cache_keys = __nccwpck_require__(99899);
;// CONCATENATED MODULE: ./src/stores/github-cache/rate-limit.ts
/**
 * GitHub's rate limit, as the action's own cache calls meet it (HTTP 429 with `Retry-After`):
 * wait as it says when that fits in the call's time bound, else give up saying "rate-limited".
 * Pure: shared by the worker's calls and the lookups.
 */
/** `Retry-After` in seconds (GitHub sends seconds; an HTTP date is read too); null when absent or unreadable. */
function retryAfterOf(header, now = Date.now()) {
    if (!header)
        return null;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim());
    const at = Date.parse(header);
    return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
/**
 * How long to wait before trying a rate-limited call again: as Retry-After says, when that and
 * the call itself (at least `minCallMs`) fit in what is left of its bound; else null (give up).
 */
function retryWaitMs(r, leftMs, minCallMs = 1000) {
    if (r.retryAfterSeconds === null)
        return null;
    const wait = r.retryAfterSeconds * 1000;
    return wait + minCallMs <= leftMs ? wait : null;
}
/** The words of a call given up on for the rate limit: they say "rate-limited", and why it gave up. */
function rateLimitedReason(r, leftMs) {
    const asked = r.retryAfterSeconds === null ? 'without a Retry-After' : `Retry-After ${r.retryAfterSeconds}s`;
    return `rate-limited by GitHub's cache (429, ${asked}; ${Math.max(0, Math.round(leftMs / 1000))}s were left of this call's time bound): given up`;
}
const isRateLimitedReason = (reason) => reason.startsWith('rate-limited by ');

;// CONCATENATED MODULE: ./src/stores/github-cache/worker.ts




/** What an archive may expand to when its caller names no bound: a repository's whole GitHub cache by default. */
const DEFAULT_MAX_BYTES = (/* unused pure expression or super */ null && (10 * 1024 ** 3));
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
        return { status: 'failed', reason: problems[0] ?? (0,lib_text/* lastLine */.fM)(run.stderr || run.stdout), ms };
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
const workerScript = () => external_node_path_.join(__dirname, '..', 'cache', 'index.js');
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
            commands/* warning */.$e(call.refused);
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
        commands/* info */.pq(`GitHub's cache rate limit: waiting ${wait / 1000}s, as its Retry-After says`);
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
        commands/* warning */.$e(`${what}: ${r.error}`);
    }
    else if (call.status === 'exists') {
        r.notSaved = 'another run saved the same content first';
    }
    else {
        r.saved = true;
        r.savedKey = request.key;
        commands/* info */.pq(`${what}: saved as ${request.key}`);
    }
}

;// CONCATENATED MODULE: ./src/buildx/release-cache.ts






/**
 * The folder the entry holds. `@actions/cache` hashes the paths into the entry's version, so this
 * is the same in every job (the tool cache's location is not, and is not under our control).
 */
function releaseCacheDir(version, tmp = external_node_os_.tmpdir(), arch = external_node_os_.arch()) {
    return external_node_path_.join(tmp, 'buildkit-cache-action', 'buildx', `${version}-${arch}`);
}
/**
 * The GitHub cache through the same `@actions/cache` worker as cache mounts and local folders
 * (src/stores/github-cache/worker.ts): bounded in time, and a failed transfer is one warning, never an
 * `::error::`. Only runs that download buildx start it.
 */
function githubReleaseStore(name, exec, 
/** The worker's environment: the runner's own, handed on unchanged (it reads the cache service). */
env, timeoutMs = 120_000) {
    const call = (op, version) => {
        const dir = releaseCacheDir(version);
        return runCacheWorker(exec, 
        // A buildx binary is ~60 MB: an archive that expands to more is not one.
        { op, path: external_node_path_.basename(dir), key: (0,github_cache_keys/* releaseCacheKey */.FJ)(version), maxBytes: 512 * 1024 ** 2 }, { root: external_node_path_.dirname(dir), env, timeoutMs });
    };
    return {
        async restore(version, file) {
            const dir = releaseCacheDir(version);
            try {
                // Only what this restore extracts counts, not a file an earlier job left there.
                external_node_fs_.rmSync(dir, { recursive: true, force: true });
                external_node_fs_.mkdirSync(external_node_path_.dirname(dir), { recursive: true });
                const result = await call('restore', version);
                if (result.status === 'failed') {
                    commands/* warning */.$e(`buildx ${version} could not be restored from the GitHub cache: ${result.reason}`);
                }
                const cached = external_node_path_.join(dir, name);
                if (result.status !== 'hit' || !external_node_fs_.existsSync(cached))
                    return false;
                external_node_fs_.copyFileSync(cached, file);
                external_node_fs_.chmodSync(file, 0o755);
                return true;
            }
            finally {
                external_node_fs_.rmSync(dir, { recursive: true, force: true });
            }
        },
        async save(version, file) {
            const dir = releaseCacheDir(version);
            try {
                external_node_fs_.rmSync(dir, { recursive: true, force: true });
                external_node_fs_.mkdirSync(dir, { recursive: true });
                external_node_fs_.copyFileSync(file, external_node_path_.join(dir, name));
                const result = await call('save', version);
                if (result.status === 'failed') {
                    commands/* warning */.$e(`buildx ${version} could not be saved to the GitHub cache: ${result.reason}`);
                }
            }
            finally {
                external_node_fs_.rmSync(dir, { recursive: true, force: true });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/buildx/install.ts










class BuildxError extends Error {
}
/** `0.29.1` from `v0.29.1`, `0.29` (`0.29.0`) or `0.29.1-rc1`: the version's numbers, else null. */
function coerceVersion(text) {
    const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
    return m ? [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number).join('.') : null;
}
/** Orders two versions from {@link coerceVersion}: negative, zero or positive. */
function compareVersions(a, b) {
    const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
/** Whether `version` (any text {@link coerceVersion} reads; none reads as 0.0.0) is `floor` or newer. */
function versionAtLeast(version, floor) {
    return compareVersions(coerceVersion(version) ?? '0.0.0', floor) >= 0;
}
/** The GitHub cache service v2 needs buildx 0.21 (url_v2); older buildx silently caches nothing. */
const GHA_MIN_BUILDX = '0.21.0';
/** The release asset for this machine, e.g. `buildx-v0.29.1.linux-amd64`. */
function releaseAsset(version, platform = external_node_os_.platform(), arch = external_node_os_.arch()) {
    const goArch = {
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm-v7',
        ppc64: 'ppc64le',
        s390x: 's390x',
    };
    const goOs = platform === 'win32' ? 'windows' : platform;
    return `buildx-v${version}.${goOs}-${goArch[arch] ?? arch}${goOs === 'windows' ? '.exe' : ''}`;
}
function releaseUrl(version, base, asset = releaseAsset(version)) {
    return `${base.replace(/\/+$/, '')}/v${version}/${asset}`;
}
/** The release binary's name inside its tool cache folder. */
const BINARY = external_node_os_.platform() === 'win32' ? 'buildx.exe' : 'buildx';
/**
 * The GitHub cache as the release store when the job can reach it, else none. `processEnv` is
 * handed unchanged to the cache worker, which reads the cache service from it.
 */
function releaseStoreFor(exec, environment) {
    return environment.cache.unavailable === ''
        ? githubReleaseStore(BINARY, exec, environment.processEnv)
        : null;
}
/**
 * Where a release lives in the runner's tool cache, in the layout @actions/tool-cache uses
 * (`<cache>/buildx/<version>/<arch>/`, complete once `<arch>.complete` exists), so that a later
 * run on the same runner, ours or another action's, finds it.
 */
function toolCacheDir(version, toolCache, arch = external_node_os_.arch()) {
    return external_node_path_.join(toolCache, 'buildx', version, arch);
}
/** A server that accepts and never answers costs at most this, for the binary and its checksum together. */
const RELEASE_TIMEOUT_MS = 120_000;
const ATTEMPTS = 3;
/** One GET of a release file, bounded by `deadline`; a 5xx or a network failure is tried again. */
async function downloadFile(url, bound) {
    const { deadline, retryWaitMs } = bound;
    const late = () => new Error(`no answer within ${Math.round(bound.timeoutMs / 1000)}s`);
    for (let attempt = 1;; attempt++) {
        const left = deadline - Date.now();
        if (left <= 0)
            throw late();
        let retryable;
        try {
            const res = await (0,http/* httpFetch */.tX)(url, { signal: AbortSignal.timeout(left) });
            if (res.ok)
                return Buffer.from(await res.arrayBuffer());
            retryable = new Error(`HTTP ${res.status}`);
            if (res.status < 500)
                throw retryable;
        }
        catch (e) {
            if (e?.name === 'TimeoutError')
                throw late();
            if (/^HTTP [1-4]/.test(e.message))
                throw e;
            retryable = e;
        }
        if (attempt === ATTEMPTS)
            throw retryable;
        await new Promise((r) => setTimeout(r, Math.min(retryWaitMs * attempt, Math.max(deadline - Date.now(), 0))));
    }
}
/** `checksums.txt` beside a release's binaries: `<sha256>  <asset>` lines (`*<asset>` in binary mode). */
function checksumOf(checksums, asset) {
    for (const line of checksums.split('\n')) {
        const m = /^([0-9a-f]{64})\s+\*?(\S+)\s*$/i.exec(line.trim());
        if (m && m[2] === asset)
            return m[1].toLowerCase();
    }
    return null;
}
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/** The release's published sha256 of `asset`, read from the release server, never from a cache. */
async function publishedChecksum(base, version, asset, bound) {
    const url = releaseUrl(version, base, 'checksums.txt');
    let text;
    try {
        text = (await downloadFile(url, bound)).toString('utf8');
    }
    catch (e) {
        throw new Error(`could not be verified: its checksums could not be read from ${url}: ${(0,http/* failureText */.kY)(e)}`);
    }
    const sum = checksumOf(text, asset);
    if (sum === null)
        throw new Error(`could not be verified: ${url} lists no checksum for ${asset}`);
    return sum;
}
/**
 * Puts a release binary into its tool cache folder, from the GitHub cache when it has it, else
 * downloaded, either way only once its sha256 matches the release's checksums.txt: a cache entry
 * may have been written by anyone who held a writable token. Staged next to the folder, then
 * renamed, then marked complete, so that a run cut short leaves nothing a later run would take for whole.
 */
async function fetchRelease(f) {
    const bound = { deadline: Date.now() + f.timeoutMs, timeoutMs: f.timeoutMs, retryWaitMs: f.retryWaitMs };
    const asset = releaseAsset(f.version);
    const expected = await publishedChecksum(f.base, f.version, asset, bound);
    external_node_fs_.mkdirSync(external_node_path_.dirname(f.dir), { recursive: true });
    const staging = external_node_fs_.mkdtempSync(`${f.dir}.download-`);
    try {
        const file = external_node_path_.join(staging, BINARY);
        let source = 'download';
        if (f.store !== null && (await f.store.restore(f.version, file))) {
            const got = sha256(external_node_fs_.readFileSync(file));
            if (got === expected)
                source = 'github-cache';
            else {
                external_node_fs_.rmSync(file, { force: true });
                commands/* warning */.$e(`buildx ${f.version} from the GitHub cache does not match the release's checksum (sha256 ${got}, published ${expected}): it is not run, and the release is downloaded instead`);
            }
        }
        if (source === 'download') {
            const url = releaseUrl(f.version, f.base, asset);
            let data;
            try {
                data = await downloadFile(url, bound);
            }
            catch (e) {
                throw new Error(`could not be downloaded from ${url}: ${(0,http/* failureText */.kY)(e)}`);
            }
            const got = sha256(data);
            if (got !== expected) {
                throw new Error(`downloaded from ${url} does not match the release's checksum (sha256 ${got}, published ${expected}): it is not run`);
            }
            external_node_fs_.writeFileSync(file, data);
        }
        external_node_fs_.chmodSync(file, 0o755);
        external_node_fs_.rmSync(f.dir, { recursive: true, force: true });
        external_node_fs_.renameSync(staging, f.dir);
        external_node_fs_.writeFileSync(`${f.dir}.complete`, '');
        return source;
    }
    finally {
        external_node_fs_.rmSync(staging, { recursive: true, force: true });
    }
}
/**
 * Asks the buildx the docker CLI would run for its version: the plugin binary itself when it is
 * found where the CLI looks (see buildxPluginCandidates), else `docker buildx version`.
 */
async function probeBuildx(exec, environment) {
    const { configDir } = environment.docker;
    const binary = buildxPluginCandidates({
        dockerConfigDir: configDir,
        extraDirs: extraPluginDirs(readDockerConfig(configDir)),
        platform: external_node_os_.platform(),
        systemDirs: systemPluginDirs(external_node_os_.platform(), environment.buildx.systemPluginDirs),
    }).find((file) => external_node_fs_.existsSync(file));
    if (binary) {
        const result = await exec(binary, ['version']);
        if (result.exitCode === 0)
            return { result, binary };
    }
    return { result: await exec('docker', ['buildx', 'version']), binary: '' };
}
/**
 * Finds a buildx that is new enough: the runner's CLI plugin when it is, otherwise the requested
 * release, downloaded once into the tool cache.
 */
async function ensureBuildx(exec, o) {
    const { result: probe, binary: pluginBinary } = await o.probe;
    const current = probe.exitCode === 0 ? parseBuildxVersion(probe.stdout) : null;
    const wanted = o.wanted.replace(/^v/, '');
    const minimum = [wanted, o.floor]
        .map(coerceVersion)
        .filter((v) => v !== null)
        .sort((a, b) => compareVersions(b, a))[0];
    if (current && (!minimum || versionAtLeast(current, minimum))) {
        return { buildx: pluginBinary ? standaloneBuildx(pluginBinary, current) : pluginBuildx(current) };
    }
    const have = current ? `buildx ${current}` : 'no docker buildx plugin';
    if (!minimum) {
        throw new BuildxError('no docker buildx plugin found: set buildx-version (e.g. 0.29.1) to have this action install that release, or install buildx first (docker/setup-buildx-action)');
    }
    if (wanted === '') {
        throw new BuildxError(`${have} found; ${minimum} or newer is needed. Set buildx-version (e.g. 0.29.1) to install it, or use docker/setup-buildx-action first`);
    }
    const version = coerceVersion(wanted);
    const dir = toolCacheDir(version, o.toolCache);
    const store = o.releaseStore;
    let source = 'tool-cache';
    if (!external_node_fs_.existsSync(`${dir}.complete`)) {
        try {
            source = await fetchRelease({
                version,
                base: o.releasesBase,
                dir,
                store,
                timeoutMs: o.timeoutMs ?? RELEASE_TIMEOUT_MS,
                retryWaitMs: o.retryWaitMs ?? 5000,
            });
        }
        catch (e) {
            throw new BuildxError(`${have} found and buildx ${version} ${e.message}`);
        }
    }
    const binary = external_node_path_.join(dir, BINARY);
    const check = await exec(binary, ['version']);
    const installed = check.exitCode === 0 ? parseBuildxVersion(check.stdout) : null;
    if (!installed)
        throw new BuildxError(`the downloaded buildx ${version} does not run: ${check.stderr.trim()}`);
    // Only a verified binary that runs is kept for later jobs, and only by a run the trust rule lets write.
    if (source === 'download' && store) {
        if (o.saveRefused)
            commands/* info */.pq(`buildx ${version} is not kept in the GitHub cache: ${o.saveRefused}`);
        else
            await store.save(version, binary);
    }
    const from = source === 'github-cache' ? ' from the GitHub cache' : '';
    return {
        buildx: standaloneBuildx(binary, installed),
        note: `installed buildx ${installed}${from} (${have} on the runner)`,
    };
}

;// CONCATENATED MODULE: ./src/buildx/parse/json.ts
/** Readers of untyped JSON fields, shared by the parsers of buildx's JSON files. */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : '');
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

;// CONCATENATED MODULE: ./src/buildx/parse/metadata.ts

function descriptor(v) {
    let d = v;
    if (typeof d === 'string') {
        try {
            d = JSON.parse(d);
        }
        catch {
            return null;
        }
    }
    if (!isObject(d) || str(d.digest) === '')
        return null;
    return { mediaType: str(d.mediaType), digest: str(d.digest), size: num(d.size) };
}
/**
 * `pkg:docker/127.0.0.1:5000/busybox@latest?platform=linux%2Famd64` → image and platform. Other
 * package URLs (git, http sources) keep their URI and get no image.
 */
function parseMaterialUri(uri) {
    const m = /^pkg:docker\/([^@?#]+)(?:@([^?#]+))?(?:\?([^#]*))?/.exec(uri);
    if (!m)
        return { image: '', platform: '' };
    const name = decodeURIComponent(m[1]);
    const version = m[2] ? decodeURIComponent(m[2]) : '';
    const image = version === '' ? name : version.includes(':') ? `${name}@${version}` : `${name}:${version}`;
    const platform = new URLSearchParams(m[3] ?? '').get('platform') ?? '';
    return { image, platform };
}
/** A material from its package URL and digest, as the metadata file and the build record give them. */
function material(uri, digest) {
    return { uri, ...parseMaterialUri(uri), digest };
}
function parseMetadata(text) {
    let raw = {};
    try {
        const parsed = JSON.parse(text);
        if (isObject(parsed))
            raw = parsed;
    }
    catch {
        raw = {};
    }
    const buildRef = str(raw['buildx.build.ref']);
    const provenance = raw['buildx.build.provenance'];
    const materials = [];
    if (isObject(provenance) && Array.isArray(provenance.materials)) {
        for (const m of provenance.materials) {
            if (!isObject(m) || str(m.uri) === '')
                continue;
            const sha = isObject(m.digest) ? str(m.digest.sha256) : '';
            materials.push(material(str(m.uri), sha ? `sha256:${sha}` : ''));
        }
    }
    return {
        ref: buildRef === '' ? null : (buildRef.split('/').pop() ?? null),
        digest: str(raw['containerimage.digest']),
        cacheManifest: descriptor(raw['cache.manifest']),
        materials,
        raw,
    };
}

// EXTERNAL MODULE: ./src/lib/cache-entry.ts
var cache_entry = __nccwpck_require__(29152);
;// CONCATENATED MODULE: ./src/buildx/parse/errors.ts
/** Pure readers of BuildKit's error texts: what a failed step, import or export says. */
/** A step's error when the build stopped it because another step failed. */
const isCanceled = (error) => /context canceled|^canceled$|: canceled$/i.test(error);
/**
 * The record's `Sources`: the snippet buildx prints under a failed build, e.g.
 * `Dockerfile:8` / `--------------------` / `   8 | >>> RUN …`.
 */
function parseErrorSource(text) {
    const lines = text.split('\n');
    const head = lines.findIndex((l) => /^\S.*:\d+(-\d+)?\s*$/.test(l));
    if (head < 0)
        return null;
    const m = /^(.*):(\d+)(?:-\d+)?\s*$/.exec(lines[head]);
    const marked = lines
        .slice(head + 1)
        .map((l) => /^\s*\d+\s*\|\s*>>>\s?(.*)$/.exec(l))
        .filter((x) => x !== null)
        .map((x) => x[1].trim());
    return { file: m[1], line: Number(m[2]), text: marked.join(' ') };
}
/** The store a builder lacks, from BuildKit's "unknown cache importer: s3" / "…exporter: \"s3\"". */
const missingStore = (error) => /unknown cache (?:importer|exporter): "?([\w-]+)"?/.exec(error)?.[1];
/** GitHub's limit, named where an export meets it. */
const GHA_RATE_LIMIT = "GitHub's cache rate limit (200 new entries a minute per repository)";
/** A refusal for going too fast: HTTP 429, Twirp's `resource_exhausted` (as BuildKit's gha client words it). */
const isRateLimited = (error) => /resource_exhausted|\b429\b|too many requests|rate.limit/i.test(error);
/** One known cause of a failed export each: its words for users, or undefined when it is not the cause. */
const EXPORT_CAUSES = [
    (why) => {
        const store = missingStore(why);
        return store === undefined
            ? undefined
            : `this builder's BuildKit has no ${store} cache exporter (${why}); the docker driver's BuildKit, inside dockerd, has none for s3 or azblob: use driver docker-container or remote`;
    },
    (why) => isRateLimited(why)
        ? `${GHA_RATE_LIMIT} was reached: GitHub refused this export's new entries (429), so this cache was not written; the next run writes it`
        : undefined,
];
/** Why an export failed, as users can act on it: a known cause's words, else BuildKit's own. */
function exportFailure(why) {
    for (const cause of EXPORT_CAUSES) {
        const said = cause(why);
        if (said !== undefined)
            return said;
    }
    return why;
}

// EXTERNAL MODULE: ./src/stores/descriptors.ts
var descriptors = __nccwpck_require__(38152);
;// CONCATENATED MODULE: ./src/buildx/import-id.ts


/** The context of an id computed without the run's environment (the report, when the build did not say). */
const WITHOUT_ENVIRONMENT = {
    cache: { raw: { token: undefined, resultsUrl: undefined, cacheUrl: undefined, serviceV2: undefined } },
    stores: { aws: { accessKeyId: '', secretAccessKey: '', sessionToken: '', bucket: '', region: '' } },
    localDigest: () => undefined,
};
/** The entry as buildx reads it: a bare reference is a registry one; keys are lower-cased. */
function readEntry(entry) {
    const fields = (0,cache_entry/* cacheEntryFields */.S7)(entry);
    if (fields.length === 1 && fields[0].key === '') {
        return { type: 'registry', attrs: new Map([['ref', fields[0].value]]) };
    }
    const attrs = new Map();
    let type = '';
    for (const f of fields) {
        if (f.key === '')
            return null;
        if (f.key.toLowerCase() === 'type')
            type = f.value;
        else
            attrs.set(f.key.toLowerCase(), f.value);
    }
    return type === '' ? null : { type, attrs };
}
/**
 * BuildKit's id of a `--cache-from` entry; null when it cannot be computed (s3 credentials from
 * outside the environment, an entry buildx cannot read) or buildx drops the entry (no vertex).
 */
function cacheImportId(entry, ctx) {
    const e = readEntry(entry);
    if (!e)
        return null;
    // Each store says what buildx adds to its entries (stores/descriptors.ts); any other type is sent as it is.
    const basis = (0,descriptors/* isStore */.ok)(e.type) ? descriptors/* STORE */.er[e.type].importId(e.attrs, ctx) : 'hash';
    if (typeof basis === 'object')
        return basis.ref;
    if (basis !== 'hash')
        return null;
    return `${e.type}:${hashOptionsEntry(e.type, e.attrs)}`;
}
const MASK = (1n << 64n) - 1n;
const FNV_OFFSET = 14695981039346656037n;
const FNV_PRIME = 1099511628211n;
/** Go's `fnv.New64()`: FNV-1 (multiply, then xor), 64 bits. */
function fnv1(bytes) {
    let h = FNV_OFFSET;
    for (const b of bytes)
        h = ((h * FNV_PRIME) & MASK) ^ BigInt(b);
    return h;
}
const hashString = (s) => fnv1(new TextEncoder().encode(s));
function le64(...values) {
    const out = new Uint8Array(8 * values.length);
    const view = new DataView(out.buffer);
    values.forEach((v, n) => view.setBigUint64(8 * n, v, true));
    return out;
}
/** hashstructure's helpers: an ordered pair hashes its two values; a group is closed by a hash. */
const ordered = (a, b) => fnv1(le64(a, b));
const finish = (a) => fnv1(le64(a));
/**
 * hashstructure v2 (FormatV2) of `CacheOptionsEntry{Type string; Attrs map[string]string}`: a
 * map is the xor of its key/value pairs, closed; a struct starts from its type's name and, as
 * that library does, closes its running value after each field.
 */
function hashOptionsEntry(type, attrs) {
    let map = 0n;
    for (const [k, v] of attrs)
        map ^= ordered(hashString(k), hashString(v));
    let h = hashString('CacheOptionsEntry');
    h = finish(h ^ ordered(hashString('Type'), hashString(type)));
    h = finish(h ^ ordered(hashString('Attrs'), finish(map)));
    return h.toString();
}

;// CONCATENATED MODULE: ./src/buildx/parse/progress.ts

const STEP_NAME = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(\S+)\s*(.*)$/s;
/** The parts of a step's vertex name; null for names that are not a Dockerfile step. */
function parseStepName(name) {
    const m = STEP_NAME.exec(name);
    if (!m)
        return null;
    const prefix = m[1].split(/\s+/).filter((p) => p !== '');
    return {
        platform: prefix.find((p) => p.includes('/')) ?? '',
        stage: prefix.find((p) => !p.includes('/')) ?? '',
        index: Number(m[2]),
        total: Number(m[3]),
        instruction: m[4].toUpperCase(),
        command: `${m[4]} ${m[5]}`.trim(),
    };
}
/** Splits the rawjson stream (one JSON document per line, or several run together) into documents. */
function jsonDocuments(text) {
    const docs = [];
    for (const line of text.split('\n')) {
        const t = line.trim();
        if (!t.startsWith('{'))
            continue;
        try {
            docs.push(JSON.parse(t));
            continue;
        }
        catch {
            // Several documents on one line, or a torn line (the process was cut off).
        }
        let depth = 0;
        let inString = false;
        let escaped = false;
        let start = -1;
        for (let i = 0; i < t.length; i++) {
            const c = t[i];
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c === '\\')
                    escaped = true;
                else if (c === '"')
                    inString = false;
            }
            else if (c === '"')
                inString = true;
            else if (c === '{') {
                if (depth === 0)
                    start = i;
                depth++;
            }
            else if (c === '}' && depth > 0 && --depth === 0) {
                try {
                    docs.push(JSON.parse(t.slice(start, i + 1)));
                }
                catch {
                    // Not JSON after all: skip it.
                }
            }
        }
    }
    return docs;
}
/**
 * RFC 3339 with nanoseconds → microseconds since the epoch. Comparing the strings is wrong
 * (BuildKit trims trailing zeros: `…29.15Z` is earlier than `…29.1543Z`), and Date.parse keeps
 * only milliseconds, which cannot order steps BuildKit reports in the same millisecond.
 */
function timeMicros(ts) {
    const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(ts);
    if (!m) {
        const t = Date.parse(ts);
        return Number.isFinite(t) ? t * 1000 : NaN;
    }
    const seconds = Date.parse(`${m[1]}${m[3]}`);
    if (!Number.isFinite(seconds))
        return NaN;
    return seconds * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
}
function ms(from, to) {
    if (!from || !to)
        return 0;
    const d = (timeMicros(to) - timeMicros(from)) / 1000;
    return Number.isFinite(d) && d > 0 ? Math.round(d) : 0;
}
/**
 * Folds `docker buildx history logs --progress rawjson` into steps. A vertex is reported many
 * times as it progresses; it is one step. `[internal]` work, `FROM` resolution and exports are
 * not steps: a step is what a user calls one, an instruction the cache can save.
 *
 * On a shared engine a vertex this build has in common with a concurrent build (the same base
 * image, the same step) also carries that build's earlier progress, under that build's name.
 * Entries that started before this build loaded its definition are that build's: they set no
 * time, status or name here. The vertex list BuildKit sends first names vertices as this build does.
 */
function parseRawJsonLog(text) {
    const entries = rawVertices(text);
    const merged = mergeVertices(entries, ownedByThisBuild(entries));
    const log = { steps: [], imports: [], exports: [], bases: [] };
    for (const v of merged.values())
        addVertex(log, v);
    sortSteps(log.steps, merged);
    return log;
}
/** Every vertex report of the stream, in order. */
function rawVertices(text) {
    const entries = [];
    for (const doc of jsonDocuments(text)) {
        const vertexes = doc.vertexes;
        if (!Array.isArray(vertexes))
            continue;
        for (const v of vertexes)
            if (v && typeof v.digest === 'string')
                entries.push(v);
    }
    return entries;
}
/**
 * This build starts by loading its definition. Progress from before that belongs to another
 * build that shared a vertex with this one (seen with a concurrent build of the same base).
 */
function ownedByThisBuild(entries) {
    const loads = entries
        .filter((v) => v.started && /^\[internal\] load build definition/.test(v.name ?? ''))
        .map((v) => timeMicros(v.started));
    const buildStart = loads.length > 0 ? Math.min(...loads) : -Infinity;
    return (v) => !v.started || !(timeMicros(v.started) < buildStart);
}
/** The reports of each vertex folded into one: its names, cache hit, error, first start and last end. */
function mergeVertices(entries, ours) {
    const merged = new Map();
    for (const v of entries) {
        let m = merged.get(v.digest);
        if (!m) {
            m = { digest: v.digest };
            merged.set(v.digest, m);
        }
        if (Array.isArray(v.inputs) && !m.inputs)
            m.inputs = v.inputs.filter((i) => typeof i === 'string');
        if (!ours(v)) {
            if (v.name && !m.foreign)
                m.foreign = v.name;
            continue;
        }
        foldReport(m, v);
    }
    return merged;
}
/** One report of this build's into its vertex. */
function foldReport(m, v) {
    // The vertex list BuildKit sends first (no times) names the vertices as this build does.
    if (v.name && !v.started && !m.listed)
        m.listed = v.name;
    if (v.name && !m.name)
        m.name = v.name;
    if (v.cached)
        m.cached = true;
    if (v.error)
        m.error = v.error;
    const start = v.started ? timeMicros(v.started) : NaN;
    if (Number.isFinite(start) && (m.firstStartUs === undefined || start < m.firstStartUs)) {
        m.firstStart = v.started;
        m.firstStartUs = start;
    }
    const end = v.completed ? timeMicros(v.completed) : NaN;
    if (Number.isFinite(end) && (m.lastEndUs === undefined || end > m.lastEndUs)) {
        m.lastEnd = v.completed;
        m.lastEndUs = end;
    }
}
/** A cache import's vertex name: the source follows (what the import watch and the log both read). */
const IMPORT_VERTEX = /^importing cache manifest from (.*)$/s;
/** A vertex into the log: a cache import, a cache export, a base image, a step, or nothing. */
function addVertex(log, v) {
    // Only another build named it: its stage is that build's, not this one's.
    const foreign = !v.listed && !v.name;
    const name = v.listed ?? v.name ?? v.foreign ?? '';
    const durationMs = ms(v.firstStart, v.lastEnd);
    const error = v.error ? { error: v.error } : {};
    const importMatch = IMPORT_VERTEX.exec(name);
    if (importMatch) {
        log.imports.push({ name, source: importMatch[1], durationMs, ...error });
        return;
    }
    if (/^exporting (cache|to GitHub Actions Cache)/i.test(name)) {
        log.exports.push({ name, durationMs, ...error });
        return;
    }
    const parts = parseStepName(name);
    if (!parts)
        return;
    if (parts.instruction === 'FROM')
        log.bases.push(baseOf(v.digest, parts, foreign));
    else
        log.steps.push(stepOf(v, name, parts, durationMs));
}
/** A `FROM` vertex: the base image it resolved. */
function baseOf(vertex, parts, foreign) {
    const ref = parts.command.replace(/^FROM\s+/i, '').split(/\s+/)[0];
    const at = ref.lastIndexOf('@');
    return {
        vertex,
        stage: foreign ? '' : parts.stage,
        platform: foreign ? '' : parts.platform,
        image: at > 0 ? ref.slice(0, at) : ref,
        digest: at > 0 ? ref.slice(at + 1) : '',
    };
}
/** An instruction's vertex: a step, with what became of it. */
function stepOf(v, name, parts, durationMs) {
    let status;
    if (v.error)
        status = isCanceled(v.error) ? 'canceled' : 'failed';
    else if (v.cached)
        status = 'cached';
    else if (v.lastEnd)
        status = 'executed';
    else
        status = 'not-run';
    return {
        digest: v.digest,
        name,
        ...parts,
        status,
        durationMs: status === 'executed' || status === 'failed' || status === 'canceled' ? durationMs : 0,
        startedAt: v.firstStart ?? '',
        inputs: v.inputs ?? [],
        ...(v.error ? { error: v.error } : {}),
    };
}
/** In the order they ran; depth in the graph orders steps BuildKit reports at the same instant (a fully cached build). */
function sortSteps(steps, merged) {
    const depths = new Map();
    const depth = (digest, seen) => {
        const known = depths.get(digest);
        if (known !== undefined)
            return known;
        if (seen.has(digest))
            return 0;
        seen.add(digest);
        const inputs = merged.get(digest)?.inputs ?? [];
        const d = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map((i) => depth(i, seen)));
        depths.set(digest, d);
        return d;
    };
    const startOf = (s) => merged.get(s.digest)?.firstStartUs ?? Infinity;
    steps.sort((a, b) => startOf(a) - startOf(b) ||
        depth(a.digest, new Set()) - depth(b.digest, new Set()) ||
        a.platform.localeCompare(b.platform) ||
        a.stage.localeCompare(b.stage) ||
        a.index - b.index);
}
const PLAIN_IMPORT = /^#(\d+) importing cache manifest from (\S.*)$/;
const PLAIN_END = /^#(\d+) (?:DONE|ERROR|CACHED|CANCELED)\b/;
/**
 * What one line of `buildx build`'s streamed progress says of cache imports: plain (`#5 importing
 * cache manifest from …`, then `#5 DONE 0.1s` / `ERROR` / `CANCELED`) or rawjson (a vertex named
 * so, `completed` once it ended). Any vertex's end is reported; the caller knows which it watches.
 */
function importProgressOf(line) {
    const text = line.trimEnd();
    const start = PLAIN_IMPORT.exec(text);
    if (start)
        return [{ vertex: `#${start[1]}`, source: start[2] }];
    const end = PLAIN_END.exec(text);
    if (end)
        return [{ vertex: `#${end[1]}`, ended: true }];
    if (!text.startsWith('{') || !text.includes('"vertexes"'))
        return [];
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return [];
    }
    const vertexes = doc?.vertexes;
    if (!Array.isArray(vertexes))
        return [];
    const out = [];
    for (const v of vertexes) {
        if (!v || typeof v.digest !== 'string')
            continue;
        if (v.completed)
            out.push({ vertex: v.digest, ended: true });
        else {
            const m = IMPORT_VERTEX.exec(v.name ?? '');
            if (m)
                out.push({ vertex: v.digest, source: m[1] });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/buildx/import-watch.ts


/**
 * Watches a build's streamed progress for cache imports that do not end: each import (`importing
 * cache manifest from …`) gets `boundMs` from its start to end (DONE, ERROR, CANCELED). One that
 * is still open then aborts `signal` (the exec seam ends the build) and is named in `stuck`. A
 * build past its imports is never ended here, however long it runs.
 *
 * An engine that prints no progress at all within the bound is ended too (`silent`): dockerd's
 * builder stays held by an import stuck in an earlier build (one ended here included) until the
 * store lets go, and a build started then waits before its first line.
 */
class ImportWatch {
    boundMs;
    open = new Map();
    controller = new AbortController();
    partial = '';
    /** The source whose import outlived the bound; null while none has. */
    stuck = null;
    /** The engine printed no progress within the bound. */
    silent = false;
    quiet;
    constructor(boundMs) {
        this.boundMs = boundMs;
        this.quiet = setTimeout(() => {
            this.silent = true;
            this.stop();
            this.controller.abort();
        }, timerMs(boundMs));
    }
    get signal() {
        return this.controller.signal;
    }
    /** Feed each chunk of the build's output (lines may be split across chunks). */
    onOutput = (text) => {
        const lines = (this.partial + text).split('\n');
        this.partial = lines.pop() ?? '';
        for (const line of lines) {
            if (this.quiet && /^(?:#\d|\{)/.test(line)) {
                clearTimeout(this.quiet);
                this.quiet = undefined;
            }
            for (const p of importProgressOf(line)) {
                if ('source' in p)
                    this.started(p.vertex, p.source);
                else
                    this.ended(p.vertex);
            }
        }
    };
    started(vertex, source) {
        if (this.open.has(vertex) || this.stuck !== null)
            return;
        const timer = setTimeout(() => {
            this.stuck = source;
            this.stop();
            this.controller.abort();
        }, timerMs(this.boundMs));
        this.open.set(vertex, timer);
    }
    ended(vertex) {
        const timer = this.open.get(vertex);
        if (timer === undefined)
            return;
        clearTimeout(timer);
        this.open.delete(vertex);
    }
    /** Clears every timer: call once the build has ended. */
    stop() {
        if (this.quiet)
            clearTimeout(this.quiet);
        this.quiet = undefined;
        for (const timer of this.open.values())
            clearTimeout(timer);
        this.open.clear();
    }
}

;// CONCATENATED MODULE: ./src/buildx/build.ts














/** Argument data and environment for both invocations. Secret values go by environment only. */
function prepareBuild(inputs, o) {
    const env = { ...o.environment.processEnv, BUILDX_METADATA_WARNINGS: 'true' };
    const secretEnvNames = inputs.build.secrets.map((_, n) => `BKCA_SECRET_${n}`);
    inputs.build.secrets.forEach((s, n) => (env[secretEnvNames[n]] = s.value));
    const supported = forBuildxVersion(inputs.build, o.buildxVersion, versionAtLeast);
    if (supported.error)
        throw new types/* InputError */.dz('call', supported.error.replace(/^input "call" /, ''));
    supported.warnings.forEach((w) => commands/* warning */.$e(w));
    const switches = gitContextSwitches(o.environment.buildx, o.buildxVersion, versionAtLeast);
    const build = renderContexts(supported.build, defaultGitContext(o.ctx, switches));
    const host = inputs.githubToken ? githubTokenHost(build, o.ctx.serverUrl) : null;
    const gitAuthEnv = host ? { host, env: 'BKCA_GIT_AUTH_TOKEN' } : undefined;
    if (gitAuthEnv)
        env[gitAuthEnv.env] = inputs.githubToken;
    const separateExport = o.cacheTo.length > 0 && !o.cacheTo.some((e) => (0,cache_entry/* cacheEntryType */.FZ)(e) === 'inline');
    return {
        input: {
            build,
            builder: o.builder,
            cacheFrom: o.cacheFrom,
            cacheTo: separateExport ? [] : o.cacheTo,
            metadataFile: external_node_path_.join(o.tempDir, 'metadata.json'),
            // buildx before 0.4.2 wrote no image ID for a multi-platform build.
            iidFile: build.platforms.length > 0 && !versionAtLeast(o.buildxVersion, '0.4.2')
                ? ''
                : external_node_path_.join(o.tempDir, 'iid'),
            secretEnvNames,
            gitAuthEnv,
            attest: {
                enabled: versionAtLeast(o.buildxVersion, ATTEST_FLOOR),
                builderId: builderIdOf(o.ctx),
                privateRepository: o.ctx.privateRepository,
                noDefault: o.environment.buildx.noDefaultAttestations,
                builderAttests: o.builderAttests ?? true,
            },
        },
        env,
        progress: o.environment.buildx.progress,
        importContext: {
            cache: o.environment.cache,
            stores: o.environment.stores,
            localDigest: localIndexDigest,
        },
        cwd: o.cwd,
        separateExport,
        cacheTo: o.cacheTo,
        exportMetadataFile: external_node_path_.join(o.tempDir, 'export-metadata.json'),
    };
}
/** BuildKit's words for an imported cache whose blobs are gone (evicted, deleted). */
function isBrokenCacheError(stderr) {
    return /(blob|content|digest)[^\n]*not found|failed to (get|fetch|copy)[^\n]*blob|unexpected status[^\n]*404/i.test(stderr);
}
const readIfExists = (file) => (external_node_fs_.existsSync(file) ? external_node_fs_.readFileSync(file, 'utf8') : '');
/** The manifest digest a local cache folder's index holds for a tag, as buildx reads it. */
function localIndexDigest(src, tag) {
    try {
        const index = JSON.parse(external_node_fs_.readFileSync(external_node_path_.join(src, 'index.json'), 'utf8'));
        const m = index.manifests?.find((d) => d.annotations?.['org.opencontainers.image.ref.name'] === tag);
        return typeof m?.digest === 'string' ? m.digest : undefined;
    }
    catch {
        return undefined;
    }
}
/** BuildKit's name of each import, computed before the build: a local export may rewrite an index. */
function importSourcesOf(cacheFrom, context) {
    return cacheFrom.map((entry) => ({ entry, id: cacheImportId(entry, context) }));
}
/** Progress modes whose lines the import watch reads; any other is replaced by `plain` while it watches. */
const READABLE_PROGRESS = new Set(['plain', 'rawjson']);
/**
 * The image build (cache imports only). `importTimeoutMs` (`cache-import-timeout`; 0 for none)
 * bounds each cache import, read from the progress stream: a build still importing at the bound is
 * ended and built once more without cache sources, with one warning, so a cache service that
 * never answers (or answers 429 for ever) costs the bound plus an uncached build. A build past its
 * imports is never ended, however long it runs.
 */
async function runImageBuild(exec, buildx, s, importTimeoutMs = 0) {
    const started = Date.now();
    const opts = { stream: true, env: s.env, cwd: s.cwd };
    let importSources = importSourcesOf(s.input.cacheFrom, s.importContext);
    let startedAt = started;
    const bounded = importTimeoutMs > 0 && s.input.cacheFrom.length > 0;
    const env = READABLE_PROGRESS.has(s.progress) ? s.env : { ...s.env, BUILDKIT_PROGRESS: 'plain' };
    /** One invocation, watched when imports are bounded; a silent engine's end is said in stderr. */
    const build = async (input) => {
        if (!bounded)
            return exec(buildx.command, buildx.argv(buildArgs(input)), opts);
        const w = new ImportWatch(importTimeoutMs);
        const run = await exec(buildx.command, buildx.argv(buildArgs(input)), {
            ...opts,
            env,
            onOutput: w.onOutput,
            signal: w.signal,
        });
        w.stop();
        const silent = w.silent
            ? `ERROR: the engine printed nothing for ${Math.round(importTimeoutMs / 1000)}s (cache-import-timeout): its builder is held, e.g. by a cache import stuck in an earlier build, until that store lets go`
            : '';
        if (silent)
            commands/* info */.pq(silent);
        return { run: { ...run, stderr: silent ? `${run.stderr}\n${silent}` : run.stderr }, stuck: w.stuck };
    };
    const first = await build(s.input);
    let result = 'run' in first ? first.run : first;
    let retriedWithoutCache = false;
    const retry = async (why) => {
        commands/* warning */.$e(`${why}; building again without cache sources`);
        retriedWithoutCache = true;
        importSources = [];
        startedAt = Date.now();
        const again = await build({ ...s.input, cacheFrom: [] });
        result = 'run' in again ? again.run : again;
    };
    const stuck = 'stuck' in first ? first.stuck : null;
    if (stuck) {
        const seconds = Math.round(importTimeoutMs / 1000);
        await retry(`importing the cache ${stuck} did not end within ${seconds}s (cache-import-timeout)`);
    }
    else if (result.exitCode !== 0 && s.input.cacheFrom.length > 0 && isBrokenCacheError(result.stderr)) {
        // An index that outlived its blobs (eviction) fails the build instead of missing: build once more without it.
        await retry(`a cache source is broken (${(0,lib_text/* lastLine */.fM)(result.stderr)})`);
    }
    const metadataText = readIfExists(s.input.metadataFile);
    return {
        result,
        metadataText,
        metadata: parseMetadata(metadataText || '{}'),
        imageId: readIfExists(s.input.iidFile).trim(),
        ms: Date.now() - started,
        startedAt,
        retriedWithoutCache,
        importSources,
    };
}
/**
 * The export invocation doesn't need `ignore-error`: it exports nothing but the cache, so its exit
 * code is the export's result and its last error line the reason, with no build record to read.
 */
function withoutIgnoreError(entry) {
    return (0,cache_entry/* cacheEntryFields */.S7)(entry)
        .filter((f) => !(f.key === 'ignore-error' && f.value === 'true'))
        .map((f) => f.text)
        .join(',');
}
/**
 * The export invocations, in order. BuildKit runs the cache exporters of one invocation at once,
 * and two of them writing to one registry repository upload the same blobs side by side: the
 * registry may then refuse one upload ("provided digest did not match uploaded content") and the
 * whole export fails. So a second destination in a repository (a branch's tag and its commit's)
 * waits for the first; its blobs are then already there and only its manifest is written.
 */
function exportWaves(cacheTo) {
    const waves = [];
    const seen = new Map();
    for (const entry of cacheTo) {
        const attrs = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
        const ref = attrs.type === 'registry' ? (attrs.ref ?? '') : '';
        const repository = ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.slice(0, ref.lastIndexOf(':')) : ref;
        const wave = repository === '' ? 0 : (seen.get(repository) ?? -1) + 1;
        if (repository !== '')
            seen.set(repository, wave);
        (waves[wave] ??= []).push(entry);
    }
    return waves.filter((w) => w !== undefined);
}
/** The export invocations under one watchdog (`cache-export-timeout`; 0 for none). */
async function runCacheExport(exec, buildx, s, timeoutMs) {
    const started = Date.now();
    let metadata = null;
    for (const wave of exportWaves(s.cacheTo.map(withoutIgnoreError))) {
        const input = { ...s.input, cacheTo: wave, metadataFile: s.exportMetadataFile };
        const left = timeoutMs - (Date.now() - started);
        const run = await exec(buildx.command, buildx.argv(cacheExportArgs(input)), {
            stream: true,
            env: s.env,
            cwd: s.cwd,
            timeoutMs: timeoutMs > 0 ? Math.max(left, 1) : undefined,
        });
        // The first invocation's metadata names the cache manifest every later one reuses.
        metadata ??= parseMetadata(readIfExists(input.metadataFile) || '{}');
        const ms = Date.now() - started;
        if (run.timedOut) {
            return {
                status: 'failed',
                reason: `timed out after ${Math.round(timeoutMs / 1000)}s (cache-export-timeout)`,
                metadata,
                ms,
            };
        }
        if (run.exitCode !== 0)
            return { status: 'failed', reason: exportError(run.stderr), metadata, ms };
    }
    return { status: 'ok', reason: '', metadata: metadata ?? parseMetadata('{}'), ms: Date.now() - started };
}
/**
 * buildx ends a failed export with `ERROR: failed to solve: <why>` (newer: `failed to build:`
 * first); the why is what users need, in words for its known causes (parse/errors.ts).
 */
function exportError(stderr) {
    const why = (0,lib_text/* lastLine */.fM)(stderr)
        .replace(/^ERROR:\s*/, '')
        .replace(/^failed to build:\s*/, '')
        .replace(/^failed to solve:\s*/, '');
    return exportFailure(why);
}

;// CONCATENATED MODULE: ./src/buildx/parse/history-list.ts
/**
 * The records of a builder's history, newest first. Another job wrote them: each field is read as
 * data and checked for its type; lines that are not a record (a warning buildx adds) are skipped.
 * Pure; the one reader of this listing (warmth and the failed build's own record both use it).
 */
function parseHistoryList(listing) {
    const records = [];
    for (const line of listing.split('\n')) {
        let r;
        try {
            r = JSON.parse(line);
        }
        catch {
            continue;
        }
        if (r === null || typeof r !== 'object' || typeof r.ref !== 'string')
            continue;
        const createdText = typeof r.created_at === 'string' ? r.created_at : '';
        records.push({
            ref: r.ref.split('/').pop() ?? r.ref,
            name: typeof r.name === 'string' ? r.name : '',
            status: typeof r.status === 'string' ? r.status : '',
            createdAt: createdText ? Date.parse(createdText) : NaN,
            createdText,
        });
    }
    return records;
}

;// CONCATENATED MODULE: ./src/buildx/warmth.ts





/**
 * Whether a builder that outlives the job already built this build: its own history says so, one
 * `buildx history ls` before the build. Pure parts first, the one call last.
 */
/**
 * A name as compared: a URL without its scheme, credentials, ref (`#main`, `?ref=…`) and `.git`,
 * so that one repository's builds share it across commits and however the URL was spelled.
 */
const comparable = (name) => name
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^/@]*@/, '')
    .replace(/[#?][^ ]*/, '')
    .replace(/\.git( |$)/, '$1');
/**
 * The names buildx may give this build's record: the Dockerfile as given when it is not called
 * `Dockerfile`, else the context (a folder's base name, a URL), then ` (target)`. For a folder
 * inside a Git checkout, buildx names the record after the checkout's remote instead when it
 * reads the checkout's Git information (it does on some drivers): `origin`, when known, gives that
 * second name. The same build gets the same name every time; a Git context keeps it across commits.
 */
function recordNames(build, cwd, origin) {
    const remote = isRemoteContext(build.context);
    const contexts = [remote ? build.context : (0,external_node_path_.basename)((0,external_node_path_.resolve)(cwd, build.context))];
    if (!remote && origin)
        contexts.push(origin);
    const named = build.file !== '' && (0,external_node_path_.basename)(build.file) !== 'Dockerfile';
    const bases = named ? [build.file] : contexts;
    return bases.map((base) => (build.target ? `${base} (${build.target})` : base));
}
/** The checkout's `origin` URL, which buildx may name the record after; null when there is none. */
async function checkoutOrigin(exec, cwd) {
    const r = await exec('git', ['-C', cwd, 'remote', 'get-url', 'origin']);
    return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}
/**
 * Warm: the builder's history holds a completed build of this name. Pure; `listing` is buildx's
 * JSON lines, newest first. What another job wrote there is data: only names and refs are compared.
 */
function warmthFrom(listing, names) {
    const wanted = names.map(comparable);
    const name = names[0];
    const records = parseHistoryList(listing);
    const seen = records.length;
    for (const r of records) {
        if (!wanted.includes(comparable(r.name)) || r.status !== 'Completed')
            continue;
        const when = r.createdText ? ` at ${r.createdText.slice(0, 19).replace('T', ' ')} UTC` : '';
        // A URL's user and password stay out of the report.
        const shown = r.name.replace(/\/\/[^/@]*@/, '//***@');
        return {
            warm: true,
            why: `its history holds a completed build of ${shown}${when}, record ${r.ref}`,
            ref: r.ref,
        };
    }
    return {
        warm: false,
        why: seen === 0
            ? 'its history holds no build yet'
            : `none of the ${seen} builds in its history is a completed build of ${name}`,
    };
}
/** The builder's history, read once before the build; an unreadable history is taken as cold. */
async function lookWarmth(exec, buildx, builder, names) {
    const ls = await exec(buildx.command, buildx.argv(historyListArgs(builder)));
    if (ls.exitCode !== 0) {
        return { warm: false, why: `its history could not be read (${(0,lib_text/* lastLine */.fM)(ls.stderr)}): taken as cold` };
    }
    return warmthFrom(ls.stdout, names);
}

;// CONCATENATED MODULE: ./src/plan/builder-kind.ts
/** Drivers whose BuildKit runs elsewhere and outlives any runner. */
const OUTLIVING_DRIVERS = {
    remote: 'the remote driver: a BuildKit service that outlives the job',
    kubernetes: 'the kubernetes driver: BuildKit pods (and their volumes) kept between jobs',
};
/**
 * The kind of builder, by the first row that says something ('' passes). A GitHub-hosted runner
 * is a fresh virtual machine: its engine and every builder on it go with the job. A self-hosted
 * runner keeps its engine. Where the runner does not say (an older runner, a local harness), an
 * engine-bound builder is taken as fresh: the plan then writes as it always has.
 */
const KIND_RULES = [
    (f) => (OUTLIVING_DRIVERS[f.driver] ? { kind: 'persistent', why: OUTLIVING_DRIVERS[f.driver] } : null),
    (f) => f.source === 'created'
        ? { kind: 'ephemeral', why: `a new ${f.driver || 'builder'} builder this run created` }
        : null,
    (f) => f.runnerEnvironment === 'github-hosted'
        ? { kind: 'ephemeral', why: 'a GitHub-hosted runner: its engine and builders go with the job' }
        : null,
    (f) => f.runnerEnvironment === 'self-hosted'
        ? {
            kind: 'persistent',
            why: `a self-hosted runner (RUNNER_ENVIRONMENT=self-hosted): ${SELF_HOSTED[f.source]}`,
        }
        : null,
    (f) => f.source === 'named'
        ? {
            kind: 'persistent',
            why: 'a builder named by the builder input, on a runner that does not say it is fresh',
        }
        : null,
    () => ({
        kind: 'ephemeral',
        why: 'RUNNER_ENVIRONMENT does not say the runner is kept: taken as a fresh runner',
    }),
];
const SELF_HOSTED = {
    created: 'its builder',
    stable: 'its builder',
    named: 'the named builder keeps its cache between jobs',
    current: 'the current builder keeps its cache between jobs',
    engine: "the engine's own builder keeps its cache between jobs",
};
function builderKind(f) {
    for (const rule of KIND_RULES) {
        const said = rule(f);
        if (said)
            return said;
    }
    /* c8 ignore next */
    throw new Error('unreachable: the last rule always answers');
}
/**
 * Why the export still runs on this builder, one reason per row ('' passes). An export is worth
 * its cost only when another builder reads it: the default branch keeps exporting (other replicas,
 * other architectures, GitHub-hosted fallbacks start from it); a branch or a pull request built on
 * a builder that already holds this build is read back by that same builder, from its own cache.
 */
const EXPORT_STILL_NEEDED = [
    (o) => (o.write === 'always' ? 'cache-write: always' : ''),
    (o) => (o.plan.cacheTo.length === 0 ? 'nothing to export' : ''),
    (o) => (o.plan.cacheTo.length === o.plan.writes.length ? '' : "a raw cache-to entry is the user's own"),
    (o) => o.nature.kind === 'persistent'
        ? ''
        : 'the builder goes with the job: the next job starts from the export',
    (o) => (o.nature.warmth?.warm ? '' : 'the builder has not built this before'),
    (o) => o.plan.trigger.kind === 'push-branch' || o.plan.trigger.kind === 'pull-request'
        ? ''
        : `a ${o.plan.trigger.kind} run exports for the other builders`,
];
/** Why a warm persistent builder's export is skipped ('' when it runs). */
function warmBuilderSkip(o) {
    if (EXPORT_STILL_NEEDED.some((rule) => rule(o) !== ''))
        return '';
    const where = o.plan.trigger.kind === 'pull-request' ? 'pull request' : 'branch';
    return (`the builder is persistent and warm (${o.nature.warmth?.why}): this ${where}'s next build on it ` +
        'reads its own cache, and the default branch exports for the other builders (cache-write: always to export)');
}

;// CONCATENATED MODULE: ./src/buildx/builder.ts





class BuilderError extends Error {
}
/** What `docker buildx inspect` says of a builder: its name, driver and first node's BuildKit. */
function parseInspect(stdout) {
    const field = (key) => new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(stdout)?.[1].trim() ?? '';
    const name = field('Name');
    const driver = field('Driver');
    return name && driver ? { name, driver, buildkit: field('BuildKit version') } : null;
}
/** BuildKit 0.11 made attestations; an unknown or unparsable version (distributions' `v0.0.0+unknown`) is taken as able. */
function buildkitAttests(version) {
    const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
    if (!m || (m[1] === '0' && m[2] === '0' && m[3] === '0'))
        return true;
    return Number(m[1]) > 0 || Number(m[2]) >= 11;
}
/**
 * The builder docker/setup-buildx-action (or `docker buildx use`) made current, when it is one of
 * its own kind rather than an engine's `docker`-driver builder: build-push-action builds there
 * when no `builder` is given, so its driver, options and BuildKit image are kept.
 */
async function currentBuilder(exec, buildx) {
    const inspect = await exec(buildx.command, buildx.argv(['buildx', 'inspect']));
    const found = inspect.exitCode === 0 ? parseInspect(inspect.stdout) : null;
    // A builder buildx cannot reach says `Error:` and no driver: not one to build on.
    if (!found || found.driver === 'docker' || /^Error:/m.test(inspect.stdout))
        return null;
    return {
        name: found.name,
        created: false,
        why: `the current builder ${found.name} (driver ${found.driver}), as a docker/setup-buildx-action step or \`docker buildx use\` left it; set driver to build on a builder of this action's own`,
        attests: buildkitAttests(found.buildkit),
        source: 'current',
        driver: found.driver,
    };
}
/** `buildkitd-config-inline` written where `buildx create --buildkitd-config` reads it; undefined when unset. */
function writeBuildkitdConfig(builder, tempDir) {
    if (builder.buildkitdConfigInline.trim() === '')
        return undefined;
    const configFile = external_node_path_.join(tempDir, 'buildkitd.toml');
    external_node_fs_.writeFileSync(configFile, builder.buildkitdConfigInline);
    return configFile;
}
/** A loopback cache service is only reachable from a container builder on the host's network. */
function needsHostNetwork(cacheUrl) {
    return /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|\/|$)/.test(cacheUrl);
}
/** A name of the job's (GITHUB_JOB), so that a builder left behind says which job made it. */
function builderName(jobName, uuid = (0,external_node_crypto_.randomUUID)()) {
    const job = jobName
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .slice(0, 20);
    return `bkca-${job ? `${job}-` : ''}${uuid.slice(0, 8)}`;
}
/**
 * Chooses the builder: an existing one by name, the engine's own (`docker` driver), or a new
 * `docker-container` / `remote` builder that post removes. `onCreate` runs before creation so that
 * post can clean up even if creation fails halfway.
 */
async function setupBuilder(exec, buildx, o) {
    const needEngine = () => {
        if (o.engineDown) {
            throw new BuilderError(`the Docker engine is not reachable (${o.engineDown}); start Docker or set driver: remote`);
        }
    };
    if (o.builder.builder !== '') {
        const inspect = await exec(buildx.command, buildx.argv(args_inspectBuilderArgs(o.builder.builder)));
        if (inspect.exitCode !== 0) {
            throw new BuilderError(`builder ${JSON.stringify(o.builder.builder)} not found: ${inspect.stderr.trim()}`);
        }
        const found = parseInspect(inspect.stdout);
        return {
            name: o.builder.builder,
            created: false,
            why: 'the builder input names it',
            attests: buildkitAttests(found?.buildkit ?? ''),
            source: 'named',
            driver: found?.driver ?? '',
        };
    }
    if (o.builder.driver === 'docker' && o.builder.driverSet) {
        needEngine();
        return {
            name: 'default',
            created: false,
            why: "driver: docker, the engine's own builder",
            attests: true,
            source: 'engine',
            driver: 'docker',
        };
    }
    if (!o.builder.driverSet) {
        const current = await currentBuilder(exec, buildx);
        if (current)
            return current;
    }
    if (o.builder.driver !== 'remote')
        needEngine();
    const name = builderName(o.job);
    const configFile = writeBuildkitdConfig(o.builder, o.tempDir);
    const extraDriverOpts = o.builder.driver === 'docker-container' && needsHostNetwork(o.cacheUrl) ? ['network=host'] : [];
    o.onCreate(name);
    const created = await exec(buildx.command, buildx.argv(createBuilderArgs({ name, builder: o.builder, configFile, extraDriverOpts })), { stream: true });
    if (created.exitCode !== 0) {
        throw new BuilderError(`could not create the ${o.builder.driver} builder: ${(0,lib_text/* lastLine */.fM)(created.stderr)}`);
    }
    const why = o.builder.driverSet
        ? `a new ${o.builder.driver} builder for this job (driver input), removed in post`
        : `a new ${o.builder.driver} builder for this job, removed in post (no builder of setup-buildx-action's is current)`;
    return {
        name,
        created: true,
        why: o.builder.cleanup ? why : why.replace(', removed in post', ''),
        attests: true,
        source: 'created',
        driver: o.builder.driver,
    };
}
/** Removes a builder if it still exists; never throws (post must not fail the job). */
async function removeBuilder(exec, buildx, name) {
    const inspect = await exec(buildx.command, buildx.argv(inspectBuilderArgs(name)));
    if (inspect.exitCode !== 0)
        return null;
    const rm = await exec(buildx.command, buildx.argv(removeBuilderArgs(name)));
    return rm.exitCode === 0 ? null : lastLine(rm.stderr);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(37067);
;// CONCATENATED MODULE: ./src/buildx/engine.ts



/**
 * The engine's unix socket when the docker CLI would talk to one without a context: `DOCKER_HOST`
 * as `unix://…`, or the default socket when neither `DOCKER_HOST`, `DOCKER_CONTEXT` nor the
 * config's `currentContext` says otherwise. Null when only the CLI can tell (tcp, ssh, contexts,
 * Windows pipes).
 */
function engineSocket(docker, configJson, platform = process.platform) {
    const { host } = docker;
    if (host !== '')
        return host.startsWith('unix://') ? host.slice('unix://'.length) : null;
    if (docker.context !== '' && docker.context !== 'default')
        return null;
    let context = '';
    try {
        context = String(JSON.parse(configJson ?? '{}').currentContext ?? '');
    }
    catch {
        // Unreadable config: the CLI would ignore it too.
    }
    if (context !== '' && context !== 'default')
        return null;
    return platform === 'win32' ? null : '/var/run/docker.sock';
}
/** `GET /_ping` on a unix socket: the engine's own liveness call. */
function pingSocket(socketPath, timeoutMs = 10_000) {
    return new Promise((resolve) => {
        const req = external_node_http_.get({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode === 200
                ? { ok: true }
                : { ok: false, reason: `${socketPath} answered HTTP ${res.statusCode} to /_ping` }));
        });
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', (e) => resolve({ ok: false, reason: `cannot connect to ${socketPath}: ${e.code ?? e.message}` }));
    });
}
/**
 * Whether the engine answers. A ping on its socket costs a few milliseconds; `docker version`
 * starts the CLI (~50 ms of CPU on the cores the plan needs), so it is only the fallback for
 * endpoints the CLI alone can resolve.
 */
async function probeEngine(exec, docker) {
    const socket = engineSocket(docker, readDockerConfig(docker.configDir));
    if (socket !== null)
        return pingSocket(socket);
    const result = await exec('docker', ['version', '--format', '{{.Server.Version}}']);
    if (result.exitCode === 0)
        return { ok: true };
    const reason = result.stderr.trim() ? (0,lib_text/* lastLine */.fM)(result.stderr) : `docker version exited ${result.exitCode}`;
    return { ok: false, reason };
}

;// CONCATENATED MODULE: ./src/buildx/parse/provenance.ts

/** Protobuf's enum: a number in Go's JSON, a name in protobuf's. */
const SHARING = {
    '0': 'shared',
    '1': 'private',
    '2': 'locked',
    SHARED: 'shared',
    PRIVATE: 'private',
    LOCKED: 'locked',
};
/** A key in either spelling: Go's field name or its JSON tag. */
const pick = (o, ...names) => names.map((n) => o[n]).find((v) => v !== undefined);
function cacheMountOf(o) {
    const opt = pick(o, 'cacheOpt', 'CacheOpt', 'cache_opt');
    if (!isObject(opt))
        return null;
    const llbId = str(pick(opt, 'ID', 'id'));
    if (llbId === '')
        return null;
    const sharing = SHARING[String(pick(opt, 'sharing', 'Sharing') ?? 0)] ?? 'shared';
    return { llbId, dest: str(pick(o, 'dest', 'Dest')), sharing };
}
/**
 * Every cache mount of the attachment's LLB, once per id and path, wherever the predicate puts
 * the build definition (SLSA v0.2's `buildConfig`, v1's `internalParameters`), with its step's
 * Dockerfile line. Null when the text is not JSON.
 */
function parseProvenanceCacheMounts(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return null;
    }
    const lines = stepLines(doc);
    const found = new Map();
    const walk = (v, step) => {
        if (Array.isArray(v))
            v.forEach((item) => walk(item, step));
        else if (isObject(v)) {
            // A definition's entries are `{id: "step3", op: …}`: the mounts below are that step's.
            const here = typeof v.id === 'string' && 'op' in v ? v.id : step;
            const mount = cacheMountOf(v);
            const line = here === undefined ? undefined : lines.get(here);
            if (mount)
                found.set(`${mount.llbId}\n${mount.dest}`, line === undefined ? mount : { ...mount, line });
            else
                Object.values(v).forEach((child) => walk(child, here));
        }
    };
    walk(doc, undefined);
    return [...found.values()];
}
/**
 * The record's source map (BuildKit's `metadata.source.locations`): each step's first line in the
 * build's own Dockerfile (source 0), by step id.
 */
function stepLines(doc) {
    const lines = new Map();
    const find = (v) => {
        if (Array.isArray(v))
            return v.forEach(find);
        if (!isObject(v))
            return;
        const locations = isObject(v.source) ? v.source.locations : undefined;
        if (!isObject(locations))
            return Object.values(v).forEach(find);
        for (const [step, at] of Object.entries(locations)) {
            const line = firstLine(at);
            if (line !== undefined && !lines.has(step))
                lines.set(step, line);
        }
    };
    find(doc);
    return lines;
}
/** `{locations: [{sourceIndex?, ranges: [{start: {line}}]}]}`: the first line in source 0. */
function firstLine(at) {
    const list = isObject(at) && Array.isArray(at.locations) ? at.locations : [];
    for (const loc of list) {
        if (!isObject(loc) || (loc.sourceIndex ?? 0) !== 0 || !Array.isArray(loc.ranges))
            continue;
        const start = isObject(loc.ranges[0]) ? loc.ranges[0].start : undefined;
        const line = isObject(start) ? start.line : undefined;
        if (typeof line === 'number' && line > 0)
            return line;
    }
    return undefined;
}
/** The frontend's id of an LLB cache id: the namespace (BUILDKIT_CACHE_MOUNT_NS) and `/` off. */
function frontendCacheId(llbId, namespace) {
    const prefix = `${namespace}/`;
    return llbId.startsWith(prefix) ? llbId.slice(prefix.length) : llbId;
}
/** The provenance attachments of `history inspect`'s JSON, one per platform (either SLSA version). */
function provenanceAttachments(attachments) {
    if (!Array.isArray(attachments))
        return [];
    return attachments
        .filter((a) => isObject(a) && str(pick(a, 'Type', 'type')).startsWith('https://slsa.dev/provenance/'))
        .map((a) => str(pick(a, 'Digest', 'digest')))
        .filter((d) => d !== '');
}

;// CONCATENATED MODULE: ./src/buildx/parse/record.ts




/** buildx prints Go structs: `Error.Message`; accept `message` too. */
function field(o, name) {
    return o[name] ?? o[name.charAt(0).toLowerCase() + name.slice(1)];
}
/** `[]byte` fields are base64 in buildx's JSON; a snippet already in plain text is read as is. */
function sourceLocation(v) {
    if (typeof v !== 'string' || v === '')
        return null;
    return parseErrorSource(Buffer.from(v, 'base64').toString('utf8')) ?? parseErrorSource(v);
}
function parseHistoryInspect(text) {
    let o;
    try {
        o = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (!isObject(o))
        return null;
    const err = field(o, 'Error');
    let error = null;
    if (isObject(err)) {
        const logs = field(err, 'Logs');
        error = {
            message: str(field(err, 'Message')),
            step: str(field(err, 'Name')),
            location: sourceLocation(field(err, 'Sources')),
            logs: Array.isArray(logs) ? logs.filter((l) => typeof l === 'string') : [],
        };
    }
    const materials = [];
    const rawMaterials = field(o, 'Materials');
    if (Array.isArray(rawMaterials)) {
        for (const m of rawMaterials) {
            if (!isObject(m))
                continue;
            const digests = field(m, 'Digests');
            const digest = Array.isArray(digests) ? str(digests[0]) : '';
            materials.push(material(str(field(m, 'URI')), digest));
        }
    }
    const platforms = field(o, 'Platform');
    const args = field(o, 'BuildArgs');
    return {
        ref: str(field(o, 'Ref')),
        name: str(field(o, 'Name')),
        status: str(field(o, 'Status')),
        durationMs: Math.round(num(field(o, 'Duration')) / 1e6),
        error,
        materials,
        platforms: Array.isArray(platforms) ? platforms.filter((p) => typeof p === 'string') : [],
        buildArgs: Array.isArray(args)
            ? args.filter(isObject).map((a) => ({ name: str(field(a, 'Name')), value: str(field(a, 'Value')) }))
            : [],
        numCachedSteps: num(field(o, 'NumCachedSteps')),
        numTotalSteps: num(field(o, 'NumTotalSteps')),
        provenanceDigests: provenanceAttachments(field(o, 'Attachments')),
    };
}

;// CONCATENATED MODULE: ./src/buildx/history.ts







async function readBuildLog(exec, buildx, builder, ref) {
    const logs = await exec(buildx.command, buildx.argv(historyLogsArgs(builder, ref)));
    if (logs.exitCode !== 0) {
        commands/* warning */.$e(`could not read the build record ${ref}: ${(0,lib_text/* lastLine */.fM)(logs.stderr)}`);
        return null;
    }
    // buildx writes the rawjson stream to stderr or stdout depending on its version.
    return parseRawJsonLog(`${logs.stdout}\n${logs.stderr}`);
}
/**
 * The log and the record, read side by side; then, when asked, the provenance attachment for the
 * cache mounts BuildKit used (one more buildx call).
 */
async function readBuildHistory(exec, buildx, builder, ref, o = { cacheMounts: false }) {
    const [log, inspected] = await Promise.all([
        readBuildLog(exec, buildx, builder, ref),
        exec(buildx.command, buildx.argv(historyInspectArgs(builder, ref))),
    ]);
    const record = inspected.exitCode === 0 ? parseHistoryInspect(inspected.stdout) : null;
    const digests = record?.provenanceDigests ?? [];
    return {
        log,
        record,
        cacheMounts: o.cacheMounts && digests.length > 0 ? await readCacheMounts(exec, buildx, builder, ref, digests) : null,
    };
}
/** Each platform's provenance, read side by side; null when one cannot be read. */
async function readCacheMounts(exec, buildx, builder, ref, digests) {
    const started = Date.now();
    const runs = await Promise.all(digests.map((d) => exec(buildx.command, buildx.argv(historyAttachmentArgs(builder, ref, d)))));
    const used = [];
    for (const run of runs) {
        const mounts = run.exitCode === 0 ? parseProvenanceCacheMounts(run.stdout) : null;
        if (mounts === null) {
            commands/* info */.pq(`cache mounts: the build record's provenance could not be read (${(0,lib_text/* lastLine */.fM)(run.stderr)})`);
            return null;
        }
        used.push(...mounts);
    }
    return { used, ms: Date.now() - started };
}
/**
 * The record of this build among a builder's records, when its metadata (which names its ref) was
 * not written: the one record that started after this build did. None when buildx refused the
 * command before BuildKit made a record, and none when two builds started since (a shared
 * builder): another job's record, its error and its secrets, must never be reported as ours.
 * Pure; `listing` is the JSON lines buildx printed.
 */
function ownRecordRef(listing, startedAtMs, failed) {
    const since = parseHistoryList(listing).filter((r) => r.createdAt >= startedAtMs && !(failed && r.status === 'Completed'));
    return since.length === 1 ? since[0].ref : null;
}
/** This build's record ref, read from the builder's list (see {@link ownRecordRef}); null when unsure. */
async function ownBuildRef(exec, buildx, builder, o) {
    const ls = await exec(buildx.command, buildx.argv(historyListArgs(builder)));
    return ls.exitCode === 0 ? ownRecordRef(ls.stdout, o.startedAtMs, o.failed) : null;
}

// EXTERNAL MODULE: ./src/cleanup/deletions.ts
var deletions = __nccwpck_require__(22063);
// EXTERNAL MODULE: ./src/cleanup/outcome.ts
var cleanup_outcome = __nccwpck_require__(54604);
;// CONCATENATED MODULE: ./src/cleanup/index.ts
// The room's door for app/: the REST and registry code is evaluated only on runs that clean up.


/** A closed pull request's or a deleted branch's caches, deleted; see run.ts. */
async function cleanUpGoneRef(ctx, inputs, environment, trigger, why) {
    return (await __nccwpck_require__.e(/* import() */ 403).then(__nccwpck_require__.bind(__nccwpck_require__, 96403))).cleanUpGoneRef(ctx, inputs, environment, trigger, why);
}
/** Retention runs on pushes to the default branch only. */
async function retainCommitCaches(ctx, inputs, environment, plan) {
    if (plan.trigger.kind !== 'push-default')
        return null;
    return (await __nccwpck_require__.e(/* import() */ 403).then(__nccwpck_require__.bind(__nccwpck_require__, 96403))).retainCommitCaches(ctx, inputs, environment, plan);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec = __nccwpck_require__(95236);
;// CONCATENATED MODULE: ./src/lib/exec.ts





/**
 * Runs go through `@actions/exec`, except those that need the child process itself, which
 * `@actions/exec` does not hand out; those use node's `spawn` ({@link spawnExec}):
 * - a bound (`timeoutMs`: git fetches, the cache worker, credential helpers) or a watcher
 *   (`signal`: the export watchdog, the import bound of buildx/import-watch.ts) must kill it;
 * - a run with `input` must catch the EPIPE of writing to a child that exited without reading it
 *   (`@actions/exec` leaves that stream error unhandled, which would end the action);
 * - a run that may read stdin (an argument `-`: `--file -`, a context `-`) must see it end at once
 *   (/dev/null): `@actions/exec` gives every child an open stdin pipe, which it would wait on.
 */
const exec_exec = (command, args, options = {}) => options.timeoutMs !== undefined ||
    options.signal !== undefined ||
    options.input !== undefined ||
    args.includes('-')
    ? spawnExec(command, args, options)
    : toolkitRun(command, args, options);
/**
 * A bare command name looked up on the PATH the child is given, as node's `spawn` does
 * (`@actions/exec` looks on this process's PATH): tests hand the action a PATH of stand-ins.
 */
function onChildPath(command, env) {
    // An inherited environment has this process's PATH, where `@actions/exec` looks already.
    if (command.includes('/') || env?.PATH === undefined)
        return command;
    for (const dir of env.PATH.split(external_node_path_.delimiter).filter((d) => d !== '')) {
        const file = external_node_path_.join(dir, command);
        try {
            external_node_fs_.accessSync(file, external_node_fs_.constants.X_OK);
            if (external_node_fs_.statSync(file).isFile())
                return file;
        }
        catch {
            // Not here: the next folder.
        }
    }
    return command;
}
/** `@actions/exec`'s run: silent (output goes to the job log only when `stream` asks), any exit code. */
async function toolkitRun(command, args, options) {
    const out = [];
    const err = [];
    const onChunk = (into) => (chunk) => {
        into.push(chunk);
        if (options.stream)
            process.stdout.write(chunk);
        options.onOutput?.(chunk.toString());
    };
    const env = options.env;
    const result = (exitCode, more = '') => ({
        exitCode,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString() + more,
        timedOut: false,
    });
    try {
        const code = await (0,exec.exec)(onChildPath(command, env), [...args], {
            cwd: options.cwd,
            env: env,
            silent: true,
            ignoreReturnCode: true,
            listeners: { stdout: onChunk(out), stderr: onChunk(err) },
        });
        // A process ended by a signal has no exit code (node's `null`): 128, as a shell would say.
        return result(code ?? 128);
    }
    catch (e) {
        // Not found (or its cwd missing): 127, as `spawn`'s ENOENT is; any other failure to start: 1.
        const message = e.message;
        return result(/Unable to locate executable|does not exist/.test(message) ? 127 : 1, message);
    }
}
/** Node's `spawn`, for the runs that need a kill handle or a stdin of their own (see {@link exec}). */
const spawnExec = (command, args, options = {}) => new Promise((resolve) => {
    const child = (0,external_node_child_process_.spawn)(command, [...args], {
        cwd: options.cwd,
        env: options.env,
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

;// CONCATENATED MODULE: ./src/runner/logged-exec.ts

/** An argument as a shell reader would see it: bare when plain, else JSON-quoted. */
const shown = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg));
/**
 * Every command the action runs, in the debug log (what a user turns on, ACTIONS_STEP_DEBUG, to see
 * what was run), as actions-toolkit logs its commands. Only the program and its arguments: secrets
 * never reach them (they travel in the environment), and the runner masks any it was told of.
 */
const loggedExec = (inner) => (command, args, options) => {
    (0,commands/* debug */.Yz)(`run: ${[command, ...args].map(shown).join(' ')}`);
    return inner(command, args, options);
};

// EXTERNAL MODULE: ./src/plan/planner.ts + 1 modules
var planner = __nccwpck_require__(23594);
;// CONCATENATED MODULE: ./src/plan/trust.ts
/**
 * Who may write to the GitHub Actions cache, through any path: cache mounts, `cache: local`
 * folders, learned mount ids, the buildx binary and merge legs' records. A cache scope is read by
 * later trusted runs (the default branch's by every branch), so a run that code from outside may
 * steer writes nothing there, whatever its token allows: GitHub hands some of these triggers a
 * writable token. One rule; every save asks it (see docs/security.md).
 */
/** Why this trigger may write nothing to the GitHub Actions cache ('' when it may). */
function untrustedTrigger(trigger) {
    switch (trigger.kind) {
        case 'pull-request':
            return trigger.fromFork ? 'a pull request from a fork writes nothing to the GitHub cache' : '';
        case 'untrusted':
            return `${trigger.event} may run untrusted code: nothing is written to the GitHub cache`;
        case 'unknown':
            return `the event ${trigger.event || '(none)'} is not one the rules trust: nothing is written to the GitHub cache`;
        default:
            return '';
    }
}
/**
 * Why this run may write nothing to the GitHub Actions cache ('' when it may): its trigger, then
 * its token. For what is not a cache of the build (the buildx binary, a leg's record).
 */
function neverWrites(trigger, tokenRefuses) {
    return untrustedTrigger(trigger) || tokenRefuses?.write || '';
}
/** Why a run restores nothing from the GitHub Actions cache: its token may not read ('' when it may). */
function neverRestores(plan) {
    return plan.tokenRefuses?.read ?? '';
}
/**
 * Why a run must never save what its build leaves (cache mounts, `cache: local` folders, learned
 * mount ids) to the GitHub Actions cache: the run may not write, or its plan writes nothing.
 */
function neverSaves(plan) {
    const refused = neverWrites(plan.trigger, plan.tokenRefuses);
    if (refused)
        return refused;
    if (plan.writes.length === 0)
        return 'the plan writes no cache on this run';
    return '';
}

;// CONCATENATED MODULE: ./src/buildx/kubernetes.ts




/**
 * `driver: kubernetes`: BuildKit pods that outlive the job. The builder has a stable name, derived
 * from the repository and the cache scope, so every job of that scope finds the same pods and
 * their volumes (a fresh name each run means a cold volume each run, and a leaked claim when the
 * builder is removed). Post leaves it unless `cleanup: true`. See docs/builders.md.
 */
/** Lowercase letters, digits and `-`: what a Kubernetes object name (and a buildx name) accepts. */
const slug = (text) => text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
/**
 * `bkca-<repository>-<scope>-<hash>`: readable, at most 48 characters (buildx names the
 * deployment `<name>0`; Kubernetes allows 63), and distinct for distinct (repository, scope) pairs
 * even where their readable parts would be cut or slugged alike. Pure.
 */
function kubernetesBuilderName(repository, scope) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${repository}\n${scope}`).digest('hex').slice(0, 8);
    const readable = slug(`${repository.split('/').pop() ?? repository}-${scope}`)
        .slice(0, 34)
        .replace(/-+$/, '');
    return `bkca-${readable ? `${readable}-` : ''}${hash}`;
}
/**
 * What the action adds to the user's driver options: `loadbalance=sticky`, so that builds of one
 * context land on the replica that holds their cache (buildx's default, `random`, spreads them).
 * A user's own `loadbalance=` wins.
 */
const KUBERNETES_DRIVER_DEFAULTS = ['loadbalance=sticky'];
/** `docker buildx create` for the stable kubernetes builder: the user's options, then the defaults. */
function kubernetesCreateArgs(name, builder, configFile) {
    return createBuilderArgs({ name, builder, configFile, extraDriverOpts: KUBERNETES_DRIVER_DEFAULTS });
}
/** An existing builder of that name, started when its pods are gone (`--bootstrap`). */
function reuseBuilderArgs(name) {
    return ['buildx', 'inspect', '--bootstrap', name];
}
/**
 * Finds the stable builder or creates it. Two jobs may create it at once: when creating fails
 * because the other job just did, it is reused. `onUse` runs before any change so that post knows
 * the name (it removes the builder only when cleanup is true).
 */
async function setupKubernetesBuilder(exec, buildx, o) {
    const kept = o.builder.cleanup ? ', removed in post (cleanup: true)' : ', kept after the job';
    const found = (how) => ({
        name: o.name,
        created: false,
        why: `the kubernetes builder of this repository and cache scope, ${how}${kept}`,
        attests: true,
        source: 'stable',
        driver: 'kubernetes',
    });
    o.onUse(o.name);
    const reuse = await exec(buildx.command, buildx.argv(reuseBuilderArgs(o.name)), { stream: true });
    if (reuse.exitCode === 0)
        return found('found from an earlier job');
    const created = await exec(buildx.command, buildx.argv(kubernetesCreateArgs(o.name, o.builder, writeBuildkitdConfig(o.builder, o.tempDir))), { stream: true });
    // Not `created` as a docker-container builder is: the pods may have found their old volumes.
    if (created.exitCode === 0)
        return found("created now (its volumes may be an earlier one's)");
    const raced = await exec(buildx.command, buildx.argv(reuseBuilderArgs(o.name)), { stream: true });
    if (raced.exitCode === 0)
        return found('created by another job at the same time');
    throw new BuilderError(`could not create the kubernetes builder ${o.name}: ${(0,lib_text/* lastLine */.fM)(created.stderr)}`);
}

;// CONCATENATED MODULE: ./src/plan/narrow.ts

/** Why a read the existence check found missing is not passed to BuildKit. */
const NOT_FOUND = 'not found (checked before the build)';
/** Why a source whose existence check got no answer is not passed to BuildKit. */
const NO_ANSWER = 'its store did not answer the existence check in time: BuildKit would wait on it the same way';
/**
 * Fewer sources, once it is known which exist. BuildKit, given several caches that share a chain
 * of steps but differ deeper, may follow the one that lacks a step and run it again although
 * another source holds it (bench/README.md, cause 1; bench/repro-multi-import.sh). So:
 *
 * - a source known to be missing is not passed (it would only be a failed lookup);
 * - a cache written from this very commit (or these very files) and leg is an exact match: it is
 *   read alone;
 * - else a sibling leg's cache of this very commit is read alone: the stages the legs share (those
 *   on $BUILDPLATFORM) are this commit's there, and next to this leg's own older cache BuildKit
 *   can follow that one for a shared stage's first steps and miss its later ones (multi-platform
 *   legs, `merge: leg`); this leg's own stages build again;
 * - else the first source the rules mark as best alone that exists: usually the run's own ref
 *   (its branch, its pull request), once an earlier run wrote it; a base that moved its
 *   dependencies since then costs those layers once, where two overlapping sources would cost this
 *   ref's own layers on about every other run;
 * - a leg whose own cache exists does not read its siblings' or the plain build's, which only
 *   serve a leg that has nothing yet;
 * - when the check failed and nothing is known, see {@link unknownRule};
 * - but when the check got no answer (`no-answer`: a timeout, or a rate limit that outlasted its
 *   bound), a source still unknown is not passed: BuildKit's import would wait on that store too,
 *   with no bound of its own.
 *
 * Pure: the plan and what exists in, the narrowed plan out. Raw `cache-from` entries stay.
 */
function narrowSources(p, exists, 
/** The backend's existence check failed (not merely: this backend has none); how (see ExistingCaches). */
checkFailed = false) {
    const computed = new Set(p.reads.map((r) => r.entry).filter((e) => e !== ''));
    const raw = p.cacheFrom.filter((e) => !computed.has(e));
    const state = (r) => (r.entry === '' ? undefined : exists(r.entry));
    const found = (r) => state(r) === true;
    const missing = [...new Set(p.reads.filter((r) => state(r) === false).map((r) => r.entry))];
    const unanswered = new Set(checkFailed === 'no-answer'
        ? p.reads.filter((r) => r.entry !== '' && state(r) === undefined).map((r) => r.entry)
        : []);
    const candidates = p.reads.filter((r) => r.entry !== '' && state(r) !== false && !unanswered.has(r.entry));
    // The first rule that applies decides which candidates stay; the others are left out.
    const exact = candidates.find((r) => r.exact && found(r));
    const alone = candidates.find((r) => r.alone && found(r));
    // The stages a sibling shares with this leg are this commit's there; this leg's own older caches
    // still serve its own stages. The siblings' older caches and the plain build's add nothing.
    const sibling = candidates.find((r) => r.sharedExact && found(r));
    const rule = exact
        ? {
            keep: (r) => r.entry === exact.entry,
            why: `${exact.ref} ${exact.exact}: it is read alone`,
        }
        : sibling
            ? {
                keep: (r) => r.entry === sibling.entry,
                why: `${sibling.ref} ${sibling.sharedExact}: it is read alone`,
            }
            : alone
                ? {
                    keep: (r) => r.entry === alone.entry,
                    why: `${alone.ref} ${alone.alone}: it is read alone`,
                }
                : candidates.some((r) => r.origin === 'own' && found(r))
                    ? {
                        keep: (r) => r.origin === 'own',
                        why: "this leg has a cache of its own: its siblings' and the plain build's are not read",
                    }
                    : checkFailed && p.reads.every((r) => state(r) === undefined)
                        ? unknownRule(candidates)
                        : null;
    const left = new Set(candidates.filter((r) => rule !== null && !rule.keep(r)).map((r) => r.entry));
    const kept = new Set(candidates.map((r) => r.entry).filter((e) => !left.has(e)));
    return {
        ...p,
        notes: [
            ...p.notes,
            ...(left.size > 0 ? [`${rule.why} (more sources only make BuildKit miss at random)`] : []),
            ...(unanswered.size > 0 ? [`${unanswered.size} cache source(s) not read: ${NO_ANSWER}`] : []),
        ],
        reads: p.reads.map((r) => unanswered.has(r.entry)
            ? { ...r, entry: '', notRead: NO_ANSWER }
            : left.has(r.entry)
                ? { ...r, entry: '', notRead: rule.why }
                : state(r) === false
                    ? { ...r, notRead: NOT_FOUND }
                    : r),
        cacheFrom: [...[...computed].filter((e) => kept.has(e)), ...raw],
        missing: [...(p.missing ?? []), ...missing],
    };
}
/**
 * When no check answered (existence unknown for every source), passing them all is the known-bad
 * case. Instead: the source this trigger makes most likely, i.e. the first of this leg's reads the
 * rules mark as read alone (the run's own ref, which every run after its first has written; the
 * first read when none is), plus the default branch, which nearly every repository has written;
 * a matrix leg also reads the default branch's plain build, whose shared stages serve a leg that
 * has no cache yet. A first run then still starts from the default branch; a later one reads its
 * own ref with one or two overlapping sources instead of every planned one.
 */
function unknownRule(candidates) {
    const own = candidates.filter((r) => r.origin === 'own');
    const likely = own.find((r) => r.alone) ?? own[0];
    if (!likely)
        return null;
    const trunks = candidates.filter((r) => r.defaultBranch && r.entry !== likely.entry);
    const keep = new Set([likely.entry, ...trunks.map((r) => r.entry)]);
    const read = trunks.length > 0
        ? `${likely.ref} and the default branch (${trunks.map((r) => r.ref).join(', ')}) are read`
        : `${likely.ref} is read`;
    return { keep: (r) => keep.has(r.entry), why: `which caches exist is unknown: only ${read}` };
}
/** The tag of a registry entry (`type=registry,ref=<repository>:<tag>`), if it names one. */
function registryTagOf(entry) {
    const attrs = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
    if (attrs.type !== 'registry')
        return undefined;
    const ref = attrs.ref ?? '';
    return ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.slice(ref.lastIndexOf(':') + 1) : undefined;
}
/** The cache name of a gha entry (its `scope` attribute). */
function ghaNameOf(entry) {
    const attrs = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
    return attrs.type === 'gha' && attrs.scope ? attrs.scope : undefined;
}
/** A registry entry exists when its tag is among the repository's tags (listed once per run). */
function registryExistence(tags) {
    if (tags === null)
        return () => undefined;
    const have = new Set(tags);
    return (entry) => {
        const tag = registryTagOf(entry);
        return tag === undefined ? undefined : have.has(tag);
    };
}
/**
 * A registry entry exists when the registry has its tag's manifest: the answers to HEAD requests
 * per tag, for a registry that does not list tags. A tag not asked about, or whose request
 * failed, stays unknown.
 */
function manifestExistence(found) {
    return (entry) => {
        const tag = registryTagOf(entry);
        return tag === undefined ? undefined : found.get(tag);
    };
}
/**
 * A gha entry exists as BuildKit's import will find it: the service's answer to the lookup
 * BuildKit itself makes, per cache name (see src/stores/github-cache/lookup.ts). A name whose lookup
 * failed, or that was not looked up, stays unknown.
 */
function ghaExistence(found) {
    return (entry) => {
        const name = ghaNameOf(entry);
        return name === undefined ? undefined : found.get(name);
    };
}
/** A local cache folder exists when BuildKit wrote its index there. */
function localExistence(fileExists) {
    return (entry) => {
        const attrs = (0,cache_entry/* cacheEntryAttributes */._H)(entry);
        if (attrs.type !== 'local' || !attrs.src)
            return undefined;
        return fileExists(`${attrs.src.replace(/\/+$/, '')}/index.json`);
    };
}

;// CONCATENATED MODULE: ./src/localcache/gc.ts
/**
 * What a local cache folder still needs after an export. BuildKit's local exporter adds the new
 * cache's blobs and points index.json at it, but never deletes the blobs of earlier exports, so a
 * folder carried from run to run grows without bound (build-push-action#252, moby/buildkit#1896).
 * Pure: index.json and a way to read a blob in, the digests index.json still reaches out.
 */
/** Media types whose blobs are JSON that names further blobs (indexes and manifests). */
const NAMES_BLOBS = /(manifest|index)(\.list)?(\.v\d+)?\+json$|^application\/vnd\.oci\.image\.(index|manifest)\.v1\+json$/;
function gc_parse(text) {
    if (text === null)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return null;
    }
}
/** Every digest reachable from index.json: index → manifests (lists) → config and layers. */
function reachableBlobs(indexJson, readBlob) {
    const reached = new Set();
    const visit = (d) => {
        if (!d?.digest || reached.has(d.digest))
            return;
        reached.add(d.digest);
        if (d.mediaType && NAMES_BLOBS.test(d.mediaType))
            follow(gc_parse(readBlob(d.digest)));
    };
    const follow = (m) => {
        if (m === null)
            return;
        for (const d of m.manifests ?? [])
            visit(d);
        visit(m.config);
        for (const d of m.layers ?? [])
            visit(d);
    };
    follow(gc_parse(indexJson));
    return reached;
}
/**
 * The blobs to delete: those index.json no longer reaches. None when index.json cannot be read:
 * a folder whose index is broken is left as it is, never emptied.
 */
function unreachableBlobs(indexJson, blobs, readBlob) {
    if (indexJson === null || gc_parse(indexJson) === null)
        return [];
    const reached = reachableBlobs(indexJson, readBlob);
    return blobs.filter((b) => !reached.has(b)).sort();
}

;// CONCATENATED MODULE: ./src/localcache/persist.ts









/** Where the folders live on this runner: its temp folder (`runner.temp`), never the workspace. */
function withPersistedLocalDir(inputs, runnerTemp) {
    if (!inputs.cache.persistLocal)
        return inputs;
    const dir = external_node_path_.join(runnerTemp, 'bkca-local-cache');
    return { ...inputs, cache: { ...inputs.cache, dir } };
}
const seconds = (ms) => Math.round(ms / 100) / 10;
const hashOf = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16);
const readText = (file) => (external_node_fs_.existsSync(file) ? external_node_fs_.readFileSync(file, 'utf8') : null);
const record = (ref, name, direction) => ({
    ref,
    name,
    direction,
    restore: '',
    restoredKey: '',
    saved: false,
    savedKey: '',
    notSaved: '',
    error: '',
    bytes: 0,
    prunedBlobs: 0,
    prunedBytes: 0,
    seconds: { restore: 0, save: 0 },
});
/**
 * Restores the folder of every ref the plan reads, then drops from the plan the sources that are
 * still missing. The plan is returned unchanged when the folders are not persisted.
 */
async function restoreLocalCaches(exec, o) {
    if (!o.cache.persistLocal)
        return { plan: o.plan, session: null };
    const dir = o.cache.dir;
    external_node_fs_.mkdirSync(dir, { recursive: true });
    const session = {
        plan: o.plan,
        dir,
        records: [],
        restoredIndex: new Map(),
        env: o.env,
        timeoutMs: o.timeoutMs,
        unavailable: o.unavailable,
    };
    if (o.unavailable)
        commands/* warning */.$e(`cache local: the folders are not restored or saved (${o.unavailable})`);
    await commands/* group */.Os('Local cache: restore', async () => {
        for (const read of o.plan.reads.filter((r) => r.name && r.entry !== '')) {
            const r = record(read.ref, read.name, 'read');
            session.records.push(r);
            try {
                if (o.unavailable) {
                    r.restore = 'failed';
                    r.error = o.unavailable;
                    continue;
                }
                const prefix = (0,github_cache_keys/* localKeyPrefix */.fA)(r.name);
                const call = await runCacheWorker(exec, 
                // The primary key is a prefix too: it is repeated as a restore key, which GitHub prefix-matches.
                { op: 'restore', path: r.name, key: prefix, restoreKeys: [prefix] }, { root: dir, env: o.env, timeoutMs: session.timeoutMs });
                r.seconds.restore = seconds(call.ms);
                if (call.status === 'failed') {
                    r.restore = 'failed';
                    r.error = `restore failed: ${call.reason}`;
                    commands/* warning */.$e(`local cache ${r.name}: ${r.error}`);
                }
                else if (call.status === 'hit') {
                    r.restore = 'hit';
                    r.restoredKey = call.matchedKey;
                    // Before the build exports into it: BuildKit would write through a link too.
                    dropLinksSaying(external_node_path_.join(dir, r.name), r.name);
                    const index = readText(external_node_path_.join(dir, r.name, 'index.json'));
                    if (index !== null)
                        session.restoredIndex.set(r.name, index);
                    commands/* info */.pq(`local cache ${r.name}: restored from ${call.matchedKey}`);
                }
                else {
                    r.restore = 'miss';
                }
            }
            catch (e) {
                r.error = `${r.direction === 'read' ? 'restore' : 'save'} failed: ${e.message}`;
                commands/* warning */.$e(`local cache ${r.name}: ${r.error}`);
            }
        }
    });
    return { plan: narrowSources(o.plan, localExistence(external_node_fs_.existsSync)), session };
}
/**
 * Removes every symlink in `folder` (and the folder itself when it is one), never following one:
 * BuildKit's local exporter writes none, so any came from a restored archive, and the export, the
 * prune and the save would follow it out of the folder. Returns the links removed, relative.
 */
function dropLinks(folder) {
    if (!external_node_fs_.existsSync(folder) && !isLink(folder))
        return [];
    if (isLink(folder)) {
        external_node_fs_.unlinkSync(folder);
        return ['.'];
    }
    const dropped = [];
    const walk = (dir) => {
        for (const entry of external_node_fs_.readdirSync(dir, { withFileTypes: true })) {
            const p = external_node_path_.join(dir, entry.name);
            if (entry.isSymbolicLink()) {
                external_node_fs_.unlinkSync(p);
                dropped.push(external_node_path_.relative(folder, p));
            }
            else if (entry.isDirectory())
                walk(p);
        }
    };
    walk(folder);
    return dropped.sort();
}
const isLink = (p) => {
    try {
        return external_node_fs_.lstatSync(p).isSymbolicLink();
    }
    catch {
        return false;
    }
};
/** Drops the folder's links with one warning naming them (see dropLinks). */
function dropLinksSaying(folder, name) {
    const links = dropLinks(folder);
    if (links.length > 0) {
        commands/* warning */.$e(`local cache ${name}: symlinks removed, a cache folder holds none: ${links.join(', ')}`);
    }
}
/**
 * Deletes the blobs of earlier exports; returns how many and their bytes. Its links are removed
 * first: a link is never followed out of the folder.
 */
function pruneFolder(folder) {
    const links = dropLinks(folder);
    const blobDir = external_node_path_.join(folder, 'blobs', 'sha256');
    if (!external_node_fs_.existsSync(blobDir))
        return { count: 0, bytes: 0, links };
    const blobs = external_node_fs_.readdirSync(blobDir).map((f) => `sha256:${f}`);
    const read = (digest) => readText(external_node_path_.join(blobDir, digest.replace(/^sha256:/, '')));
    let bytes = 0;
    const doomed = unreachableBlobs(readText(external_node_path_.join(folder, 'index.json')), blobs, read);
    for (const digest of doomed) {
        const file = external_node_path_.join(blobDir, digest.replace(/^sha256:/, ''));
        bytes += external_node_fs_.statSync(file).size;
        external_node_fs_.rmSync(file);
    }
    return { count: doomed.length, bytes, links };
}
function folderBytes(folder) {
    let total = 0;
    for (const entry of external_node_fs_.readdirSync(folder, { withFileTypes: true })) {
        const p = external_node_path_.join(folder, entry.name);
        total += entry.isDirectory() ? folderBytes(p) : external_node_fs_.statSync(p).size;
    }
    return total;
}
/** After the export: prunes and saves the folders the plan wrote, when they changed. */
async function saveLocalCaches(exec, session, exported) {
    if (session === null)
        return null;
    const noSave = session.unavailable || neverSaves(session.plan) || (exported ? '' : 'the cache export did not succeed');
    await commands/* group */.Os('Local cache: save', async () => {
        for (const write of session.plan.writes.filter((w) => w.name)) {
            const r = record(write.ref, write.name, 'write');
            session.records.push(r);
            try {
                const folder = external_node_path_.join(session.dir, r.name);
                dropLinksSaying(folder, r.name);
                const index = readText(external_node_path_.join(folder, 'index.json'));
                if (index === null) {
                    r.notSaved = 'no cache was exported to it';
                    continue;
                }
                const pruned = pruneFolder(folder);
                r.prunedBlobs = pruned.count;
                r.prunedBytes = pruned.bytes;
                r.bytes = folderBytes(folder);
                if (noSave) {
                    r.notSaved = noSave;
                    continue;
                }
                if (session.restoredIndex.get(r.name) === index) {
                    r.notSaved = 'unchanged since it was restored';
                    continue;
                }
                await saveInto(exec, r, `local cache ${r.name}`, { path: r.name, key: `${(0,github_cache_keys/* localKeyPrefix */.fA)(r.name)}${hashOf(index)}` }, { root: session.dir, env: session.env, timeoutMs: session.timeoutMs });
            }
            catch (e) {
                r.error = `${r.direction === 'read' ? 'restore' : 'save'} failed: ${e.message}`;
                commands/* warning */.$e(`local cache ${r.name}: ${r.error}`);
            }
        }
    });
    return { dir: session.dir, folders: session.records };
}

// EXTERNAL MODULE: ./src/plan/names.ts
var names = __nccwpck_require__(42471);
// EXTERNAL MODULE: ./src/lib/format.ts
var format = __nccwpck_require__(50432);
;// CONCATENATED MODULE: ./src/mounts/mount-plan.ts




/** GitHub's limit is a key and 9 restore keys; the first prefix is also the key (see mounts.ts). */
const MAX_KEYS = 9;
/** The key prefix of a ref's mount, whatever its content. */
const mountKey = (mountId, cacheName) => (0,github_cache_keys/* mountKeyPrefix */.fp)((0,names/* slug */.yR)(mountId, 64), cacheName);
/**
 * Whether a Dockerfile can hold a `RUN --mount` at all, before the parser (~55 ms to load) is: a
 * flag is spelled `--mount`, once line continuations are joined.
 */
function mayHaveMounts(dockerfile) {
    return /--mount\b/.test(dockerfile.replace(/[\\`][ \t]*\r?\n/g, ''));
}
function planMounts(scan, selection, plan, o) {
    const result = {
        mounts: [],
        skipped: [],
        noSave: '',
        warnings: [],
        notes: [...scan.notes],
        writeName: '',
        readNames: [],
    };
    for (const l of scan.leftOut)
        result.notes.push(`cache mount on line ${l.line} (${l.mount}) is left out: ${l.why}`);
    if (selection.kind === 'none')
        return result;
    if (selection.kind === 'ids') {
        const found = new Set(scan.mounts.map((m) => m.id));
        for (const id of selection.ids.filter((i) => !found.has(i))) {
            result.warnings.push(`cache-mounts: the mount id ${JSON.stringify(id)} is not in the stages this build uses`);
        }
    }
    const chosen = scan.mounts.filter((m) => selection.kind === 'auto' || selection.ids.includes(m.id));
    if (o.noCache) {
        const why = 'no-cache: BuildKit starts every cache mount empty';
        result.skipped = chosen.map((m) => ({ id: m.id, target: m.target, why }));
        return result;
    }
    const noRestore = neverRestores(plan);
    const readNames = noRestore
        ? []
        : [...new Set(plan.reads.map((r) => r.name ?? '').filter((n) => n !== ''))];
    const writeName = plan.writes[0]?.name ?? '';
    result.noSave = neverSaves(plan) || (writeName === '' ? 'the plan writes no cache on this run' : '');
    if (noRestore && result.noSave) {
        // Neither restored nor saved: the mounts are not persisted at all.
        result.skipped = chosen.map((m) => ({ id: m.id, target: m.target, why: noRestore }));
        return result;
    }
    result.writeName = result.noSave === '' ? writeName : '';
    result.readNames = readNames.slice(0, MAX_KEYS);
    if (readNames.length > MAX_KEYS) {
        result.notes.push(`cache mounts restore from the first ${MAX_KEYS} of the plan's ${readNames.length} reads`);
    }
    for (const mount of chosen) {
        const restoreKeys = readNames.slice(0, MAX_KEYS).map((n) => mountKey(mount.id, n));
        const savePrefix = result.noSave === '' ? mountKey(mount.id, writeName) : null;
        result.mounts.push({
            mount,
            restoreKeys,
            ownPrefix: savePrefix ?? restoreKeys[0] ?? '',
            saveKeyPrefix: savePrefix,
        });
    }
    return result;
}
/**
 * A mount BuildKit used that the scan did not find, planned by its real id: saved on this run
 * (`restore: false`, the build just filled it), or restored too (known from an earlier record).
 * Null when there is nothing to do for it, or `cache-mounts` lists other ids.
 */
function learnedMount(plan, selection, used, o) {
    if (selection.kind === 'none')
        return null;
    if (selection.kind === 'ids' && !selection.ids.includes(used.id))
        return null;
    const restoreKeys = o.restore ? plan.readNames.map((n) => mountKey(used.id, n)) : [];
    const savePrefix = plan.writeName === '' ? null : mountKey(used.id, plan.writeName);
    if (restoreKeys.length === 0 && savePrefix === null)
        return null;
    return {
        mount: { ...used, uid: '', gid: '', mode: '', stage: '', line: 0 },
        restoreKeys,
        ownPrefix: savePrefix ?? restoreKeys[0] ?? '',
        saveKeyPrefix: savePrefix,
    };
}
/** `exact`: restored from the ref this run writes (its own earlier run); `fallback`: another read. */
function restoreResult(matchedKey, ownPrefix) {
    if (matchedKey === null)
        return 'miss';
    return ownPrefix !== '' && matchedKey.startsWith(ownPrefix) ? 'exact' : 'fallback';
}
/** Whether an extracted mount is saved, and why not. */
function saveDecision(o) {
    if (o.saveKeyPrefix === null)
        return { key: '', why: o.noSave || 'not saved on this run' };
    if (o.files === 0)
        return { key: '', why: 'the mount is empty' };
    if (o.fingerprint === o.restoredFingerprint)
        return { key: '', why: 'unchanged since it was restored' };
    if (o.bytes > o.maxBytes) {
        return {
            key: '',
            why: `${(0,format/* formatBytes */.z)(o.bytes)} is over cache-mounts-max-size (${(0,format/* formatBytes */.z)(o.maxBytes)}; a repository's GitHub cache holds the default 10 GB in all, unless raised)`,
        };
    }
    return { key: `${o.saveKeyPrefix}${o.fingerprint}`, why: '' };
}
/**
 * Whether the build may have changed a cache mount: a RUN step with a `--mount` flag did work.
 * When every such step was a layer-cache hit, a restored mount is as it was restored, and copying
 * it out only to find that costs a helper build (seconds per 100 MB). Without the build's steps
 * (no record), it may have.
 */
function mountStepRan(steps) {
    if (steps === null || steps.length === 0)
        return true;
    return steps.some((s) => s.instruction === 'RUN' &&
        s.status !== 'cached' &&
        s.status !== 'not-run' &&
        /--mount[= ]/.test(s.command));
}
/** Paths inside the helper builds (never the user's). */
const MOUNT_DIR = '/bkca/mount';
const OUT_DIR = '/bkca/out';
const RESTORED_DIR = '/bkca/restored';
/** The named build context the restored archive reaches the inject helper by. */
const RESTORED_CONTEXT = 'bkca-restored';
const ARCHIVE_FILE = 'mount.tar';
/** The mount's file list and content hashes: what "changed" compares. */
const TREE_FILE = 'tree.txt';
/** One CSV field of a `--mount` value, quoted when it must be. */
function mount_plan_field(key, value) {
    return /[",\s]/.test(value) ? `${key}="${value.replace(/"/g, '""')}"` : `${key}=${value}`;
}
/** The user's mount as BuildKit keys it (id, sharing, uid, gid, mode), at the helper's own path. */
function helperMountFlag(m) {
    const fields = [
        'type=cache',
        mount_plan_field('id', m.id),
        `target=${MOUNT_DIR}`,
        `sharing=${m.sharing}`,
        ...(m.uid !== '' ? [mount_plan_field('uid', m.uid)] : []),
        ...(m.gid !== '' ? [mount_plan_field('gid', m.gid)] : []),
        ...(m.mode !== '' ? [mount_plan_field('mode', m.mode)] : []),
    ];
    return `--mount=${fields.join(',')}`;
}
/**
 * The helper that fills the builder's cache mount from the restored archive. `BKCA_NONCE` makes its
 * step run every time (`--no-cache` would hand it a fresh, empty cache mount instead).
 */
function injectDockerfile(m, image) {
    return [
        `FROM ${image}`,
        'ARG BKCA_NONCE',
        `RUN ${helperMountFlag(m)} --mount=type=bind,from=${RESTORED_CONTEXT},target=${RESTORED_DIR} \\`,
        `    tar -xf ${RESTORED_DIR}/${ARCHIVE_FILE} -C ${MOUNT_DIR}`,
        '',
    ].join('\n');
}
/** The helper that copies a cache mount out: an archive (owners and modes kept) and its tree list. */
function extractDockerfile(m, image) {
    return [
        `FROM ${image} AS copy`,
        'ARG BKCA_NONCE',
        `RUN ${helperMountFlag(m)} \\`,
        `    mkdir -p ${OUT_DIR} && cd ${MOUNT_DIR} && tar -cf ${OUT_DIR}/${ARCHIVE_FILE} . && \\`,
        `    { find . | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2; } > ${OUT_DIR}/${TREE_FILE}`,
        'FROM scratch',
        `COPY --from=copy ${OUT_DIR}/ /`,
        '',
    ].join('\n');
}
/** The build arg that namespaces cache mount ids: the helpers must see the same ids as the build. */
const CACHE_MOUNT_NS = 'BUILDKIT_CACHE_MOUNT_NS';
/** `buildx build` of a helper: its Dockerfile on stdin, no workspace context, no attestations. */
function helperBuildArgs(o) {
    const args = ['buildx', 'build', '--builder', o.builder, '--progress', 'plain'];
    args.push('--provenance=false', '--sbom=false');
    args.push('--build-arg', `BKCA_NONCE=${o.nonce}`);
    for (const a of o.buildArgs.filter((b) => b.startsWith(`${CACHE_MOUNT_NS}=`)))
        args.push('--build-arg', a);
    if (o.restoredDir)
        args.push('--build-context', `${RESTORED_CONTEXT}=${o.restoredDir}`);
    args.push('--output', o.output, '-');
    return args;
}

// EXTERNAL MODULE: ./src/mounts/platform.ts
var platform = __nccwpck_require__(3315);
;// CONCATENATED MODULE: ./src/mounts/helper-build.ts



/** A helper build: the copy-in (inject) or copy-out (extract) of a mount; '' when it worked, else why not. */
async function helperBuild(exec, buildx, o, dockerfile, extra) {
    const args = helperBuildArgs({
        builder: o.builder,
        nonce: (0,external_node_crypto_.randomUUID)(),
        buildArgs: o.inputs.build.buildArgs,
        ...extra,
    });
    const run = await exec(buildx.command, buildx.argv(args), { input: dockerfile, env: o.env });
    return run.exitCode === 0 ? '' : (0,lib_text/* lastLine */.fM)(run.stderr);
}

;// CONCATENATED MODULE: ./src/mounts/mount-session.ts



/** The small pieces of the mounts session: the Dockerfile read, a mount's record, its guard. */
/** The Dockerfile's text, or why it cannot be read here. */
function readDockerfile(build, workspace) {
    const { context, file } = build;
    if (file === '-' || (file === '' && isRemoteContext(context) && !isDefaultContext(context))) {
        return { why: 'the Dockerfile is not a file of the checkout' };
    }
    // The run's Git context is the checked-out commit: its Dockerfile is read from the checkout
    // when there is one (and checked against the build record after the build, as always).
    const where = dockerfilePath(build, workspace);
    try {
        return { text: external_node_fs_.readFileSync(where, 'utf8') };
    }
    catch (e) {
        if (isDefaultContext(context))
            return { why: `the run's Git context has no checkout to read it from (${where})` };
        return { why: `cannot read ${where}: ${e.message}` };
    }
}
function newRecord({ mount }) {
    return {
        id: mount.id,
        target: mount.target,
        stage: mount.stage,
        restore: 'miss',
        restoredKey: '',
        bytes: 0,
        saved: false,
        savedKey: '',
        notSaved: '',
        error: '',
        seconds: { restore: 0, inject: 0, extract: 0, save: 0 },
    };
}
/** Anything unforeseen (a damaged archive, a full disk) is this mount's warning, never the build's failure. */
async function safely(record, phase, fn, fallback) {
    try {
        return await fn();
    }
    catch (e) {
        record.error = `${phase} failed: ${e.message}`;
        if (phase === 'restore')
            record.restore = 'failed';
        commands/* warning */.$e(`cache mount ${record.id}: ${record.error}`);
        return fallback;
    }
}

;// CONCATENATED MODULE: ./src/mounts/observed.ts

/** BUILDKIT_CACHE_MOUNT_NS from the build args: BuildKit puts it before every cache id. */
function cacheMountNamespace(buildArgs) {
    const arg = buildArgs.find((a) => a.startsWith('BUILDKIT_CACHE_MOUNT_NS='));
    return arg === undefined ? '' : arg.slice('BUILDKIT_CACHE_MOUNT_NS='.length);
}
function checkMounts(scan, used, namespace, learnedIds = []) {
    const observed = [];
    for (const u of used) {
        const id = frontendCacheId(u.llbId, namespace);
        const at = u.line === undefined ? {} : { line: u.line };
        if (!observed.some((o) => o.id === id))
            observed.push({ id, target: u.dest, sharing: u.sharing, ...at });
    }
    const predicted = new Set(scan.mounts.map((m) => m.id));
    // Left out on purpose with a known id (seeded from a stage): not a miss of the prediction.
    const leftOutIds = new Set(scan.leftOut.map((l) => l.id).filter((id) => id !== undefined));
    const observedIds = new Set(observed.map((o) => o.id));
    const learned = new Set(learnedIds.filter((id) => !predicted.has(id)));
    const unpredicted = observed.filter((o) => !predicted.has(o.id) && !leftOutIds.has(o.id) && !learned.has(o.id));
    const unused = [...predicted, ...learned].filter((id) => !observedIds.has(id));
    return {
        observed: observed.map((o) => o.id),
        unpredicted,
        learned: observed.filter((o) => learned.has(o.id)),
        unused,
        warnings: unpredicted.map((u) => `cache mount ${JSON.stringify(u.id)} (at ${u.target}${u.line === undefined ? '' : `, Dockerfile line ${u.line}`}) was used by BuildKit but not found in the Dockerfile by the action`),
        notes: unused.map((id) => `cache mount ${JSON.stringify(id)} was predicted but BuildKit did not use it: nothing is saved for it`),
    };
}

// EXTERNAL MODULE: ./src/mounts/mount-flag.ts
var mount_flag = __nccwpck_require__(61046);
;// CONCATENATED MODULE: ./src/mounts/learned.ts







/** The entry's "mount id": never a cache mount's (BuildKit's ids here start with the target's `/`). */
const LEARNED_ID = 'bkca-learned-mounts';
const FOLDER = 'learned';
const FILE = 'mounts.json';
/** Its content, in one order: the same ids are the same key. */
function learnedManifest(mounts) {
    const sorted = [...mounts].sort((a, b) => a.id.localeCompare(b.id));
    return JSON.stringify(sorted.map(({ id, target, sharing }) => ({ id, target, sharing })));
}
/** The entry's content as mounts; anything else is none (it is ours, but a cache is no contract). */
function parseLearned(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (!Array.isArray(doc))
        return [];
    return doc.filter((m) => typeof m?.id === 'string' &&
        m.id !== '' &&
        typeof m.target === 'string' &&
        mount_flag/* SHARING */.F3.includes(m.sharing));
}
const learnedKey = (cacheName, manifest) => `${mountKey(LEARNED_ID, cacheName)}${(0,external_node_crypto_.createHash)('sha256').update(manifest).digest('hex').slice(0, 16)}`;
/** The plan with the learned mounts the scan does not have, restored and saved like its own. */
function withLearned(plan, selection, learned) {
    const known = new Set(plan.mounts.map((m) => m.mount.id));
    const added = learned
        .filter((l) => !known.has(l.id))
        .map((l) => learnedMount(plan, selection, l, { restore: true }))
        .filter((m) => m !== null);
    return { ...plan, mounts: [...plan.mounts, ...added] };
}
/** The learned mounts of the plan's reads (best first), and the key they came from. */
async function restoreLearned(exec, plan, o) {
    const keys = plan.readNames.map((n) => mountKey(LEARNED_ID, n));
    if (keys.length === 0)
        return { mounts: [], key: '' };
    external_node_fs_.mkdirSync(o.root, { recursive: true });
    const call = await runCacheWorker(exec, { op: 'restore', path: FOLDER, key: keys[0], restoreKeys: keys, maxBytes: 1024 ** 2 }, o);
    if (call.status !== 'hit')
        return { mounts: [], key: '' };
    try {
        const mounts = parseLearned(external_node_fs_.readFileSync(external_node_path_.join(o.root, FOLDER, FILE), 'utf8'));
        return { mounts, key: call.matchedKey };
    }
    catch {
        return { mounts: [], key: '' };
    }
}
/** Saves the learned mounts under the ref this run writes, unless that very content came back. */
async function saveLearned(exec, mounts, o) {
    if (mounts.length === 0 || o.writeName === '')
        return;
    const manifest = learnedManifest(mounts);
    const key = learnedKey(o.writeName, manifest);
    if (key === o.restoredKey)
        return;
    external_node_fs_.mkdirSync(external_node_path_.join(o.root, FOLDER), { recursive: true });
    external_node_fs_.writeFileSync(external_node_path_.join(o.root, FOLDER, FILE), manifest);
    const call = await runCacheWorker(exec, { op: 'save', path: FOLDER, key }, o);
    if (call.status === 'failed')
        commands/* warning */.$e(`cache mounts: the learned mount ids were not saved (${call.reason})`);
    else
        commands/* info */.pq(`cache mounts: the ids learned from the build record are saved as ${key}`);
}

;// CONCATENATED MODULE: ./src/mounts/mounts.ts












const cacheOptions = (o, folder) => ({
    root: external_node_path_.join(o.tempDir, 'mounts', folder),
    env: o.env,
    timeoutMs: o.inputs.mounts.timeoutMs,
});
const mounts_seconds = (ms) => Math.round(ms / 100) / 10;
const fingerprintOf = (tree) => (0,external_node_crypto_.createHash)('sha256').update(tree).digest('hex').slice(0, 16);
/** The folder name archived in the cache: part of the cache version, so it never changes. */
const CACHED_FOLDER = 'mount';
/**
 * Before the build: finds the cache mounts, restores each one's archive and puts it into the
 * builder's cache mount of the same id. Returns null when there is nothing to persist, which
 * costs no helper build.
 */
async function restoreMounts(exec, buildx, o) {
    if (o.inputs.mounts.selection.kind === 'none')
        return null;
    if (o.unavailable) {
        commands/* info */.pq(`cache mounts: not persisted, the GitHub Actions cache is not reachable (${o.unavailable})`);
        return null;
    }
    const dockerfile = readDockerfile(o.inputs.build, o.workspace);
    if ('why' in dockerfile) {
        commands/* info */.pq(`cache mounts: not looked for (${dockerfile.why})`);
        return null;
    }
    // No `--mount` anywhere: nothing to persist, and no parser to load. Listed ids are still looked
    // for, so that one missing from the Dockerfile gets its warning.
    if (o.inputs.mounts.selection.kind === 'auto' && !mayHaveMounts(dockerfile.text))
        return null;
    let scan;
    try {
        // The parser is loaded only by runs that can persist mounts.
        const { scanForPlatforms } = await Promise.all(/* import() */[__nccwpck_require__.e(279), __nccwpck_require__.e(452)]).then(__nccwpck_require__.bind(__nccwpck_require__, 34452));
        // The builder's own platform is taken as this machine's: builders here run on the runner.
        const platforms = (0,platform/* buildPlatforms */.Hb)(o.inputs.build.platforms, (0,platform/* nativePlatform */.Nc)(process.arch));
        scan = scanForPlatforms(dockerfile.text, o.inputs.build.target, o.inputs.build.buildArgs, platforms);
    }
    catch (e) {
        commands/* warning */.$e(`cache mounts: the Dockerfile could not be read (${e.message}); they are not persisted`);
        return null;
    }
    const found = planMounts(scan, o.inputs.mounts.selection, o.plan, { noCache: o.inputs.build.noCache });
    // What the reading left out may be a mount an earlier build record showed: its id was kept.
    const learned = scan.leftOut.length + scan.notes.length > 0
        ? await restoreLearned(exec, found, cacheOptions(o, 'learned-in'))
        : { mounts: [], key: '' };
    const plan = withLearned(found, o.inputs.mounts.selection, learned.mounts);
    for (const w of plan.warnings)
        commands/* warning */.$e(w);
    for (const n of plan.notes)
        commands/* info */.pq(`cache mounts: ${n}`);
    // A Dockerfile whose `--mount` flags gave nothing still has its build record checked.
    const session = {
        scan,
        plan,
        records: [],
        restoredFingerprints: [],
        o,
        learned: { ids: learned.mounts.map((m) => m.id), key: learned.key },
    };
    if (plan.mounts.length === 0)
        return session;
    await commands/* group */.Os('Cache mounts: restore', async () => {
        for (const [n, planned] of plan.mounts.entries()) {
            const record = newRecord(planned);
            session.records.push(record);
            session.restoredFingerprints.push(await safely(record, 'restore', () => restoreOne(exec, buildx, o, planned, record, n), null));
        }
    });
    return session;
}
async function restoreOne(exec, buildx, o, planned, record, n) {
    const { mount } = planned;
    const root = external_node_path_.join(o.tempDir, 'mounts', String(n), 'restored');
    external_node_fs_.mkdirSync(root, { recursive: true });
    const key = planned.restoreKeys[0];
    if (key === undefined)
        return null;
    const call = await runCacheWorker(exec, 
    // The key is a prefix too: it is repeated as a restore key, which GitHub prefix-matches.
    {
        op: 'restore',
        path: CACHED_FOLDER,
        key,
        restoreKeys: planned.restoreKeys,
        maxBytes: o.inputs.mounts.maxBytes,
    }, { root, env: o.env, timeoutMs: o.inputs.mounts.timeoutMs });
    record.seconds.restore = mounts_seconds(call.ms);
    if (call.status === 'failed') {
        record.restore = 'failed';
        record.error = `restore failed: ${call.reason}`;
        commands/* warning */.$e(`cache mount ${mount.id}: ${record.error}`);
        return null;
    }
    if (call.status !== 'hit') {
        commands/* info */.pq(`cache mount ${mount.id} (${mount.target}): nothing to restore`);
        return null;
    }
    record.restore = restoreResult(call.matchedKey, planned.ownPrefix);
    record.restoredKey = call.matchedKey;
    const folder = external_node_path_.join(root, CACHED_FOLDER);
    const started = Date.now();
    const failed = await helperBuild(exec, buildx, o, injectDockerfile(mount, o.inputs.mounts.image), {
        restoredDir: folder,
        output: 'type=cacheonly',
    });
    record.seconds.inject = mounts_seconds(Date.now() - started);
    if (failed) {
        record.error = `inject failed: ${failed}`;
        commands/* warning */.$e(`cache mount ${mount.id}: ${record.error}`);
        return null;
    }
    const tree = external_node_fs_.readFileSync(external_node_path_.join(folder, TREE_FILE), 'utf8');
    record.bytes = external_node_fs_.statSync(external_node_path_.join(folder, ARCHIVE_FILE)).size;
    commands/* info */.pq(`cache mount ${mount.id} (${mount.target}): restored from ${call.matchedKey} (${record.restore})`);
    return fingerprintOf(tree);
}
/**
 * After the image and its cache export: checks the prediction against the mounts BuildKit used
 * (`used`, from the build record; null when unread), then copies each mount out and saves it when
 * the plan writes, it changed and it is not too large; a mount BuildKit used that the scan missed
 * is saved by its real id. `steps`: the build record's steps (null when unread).
 */
async function saveMounts(exec, buildx, session, built, history) {
    if (session === null)
        return null;
    const { plan, records, o } = session;
    const ns = cacheMountNamespace(o.inputs.build.buildArgs);
    const check = built && history.used !== null
        ? checkMounts(session.scan, history.used.used, ns, session.learned.ids)
        : null;
    if (check) {
        const keep = [...check.unpredicted, ...check.learned];
        await saveLearned(exec, keep, {
            ...cacheOptions(o, 'learned-out'),
            writeName: plan.writeName,
            restoredKey: session.learned.key,
        });
    }
    for (const w of check?.warnings ?? [])
        commands/* warning */.$e(w);
    for (const n of check?.notes ?? [])
        commands/* info */.pq(`cache mounts: ${n}`);
    const unused = new Set(check?.unused ?? []);
    const learned = (check?.unpredicted ?? [])
        .map((u) => learnedMount(plan, o.inputs.mounts.selection, u, { restore: false }))
        .filter((m) => m !== null);
    const toSave = [...plan.mounts, ...learned];
    for (const m of learned) {
        records.push(newRecord(m));
        session.restoredFingerprints.push(null);
    }
    const ran = mountStepRan(history.steps);
    if (toSave.length > 0) {
        await commands/* group */.Os('Cache mounts: save', async () => {
            for (const [n, planned] of toSave.entries()) {
                const record = records[n];
                if (!built)
                    record.notSaved = 'the build failed';
                else if (unused.has(record.id))
                    record.notSaved = 'BuildKit did not use it in this build';
                else {
                    const restored = session.restoredFingerprints[n];
                    await safely(record, 'save', () => saveOne(exec, buildx, o, planned, record, restored, plan.noSave, n, ran), undefined);
                }
            }
        });
    }
    if (records.length === 0 && plan.skipped.length === 0 && check === null)
        return null;
    const failed = records.filter((r) => r.error !== '').length;
    return {
        mounts: records,
        skipped: plan.skipped,
        notes: [...plan.notes, ...(check?.notes ?? [])],
        counts: {
            restored: records.filter((r) => r.restore === 'exact' || r.restore === 'fallback').length,
            missed: records.filter((r) => r.restore === 'miss').length,
            skipped: plan.skipped.length,
            failed,
        },
        saved: records.filter((r) => r.saved).map((r) => r.id),
        observed: check?.observed ?? null,
        mismatches: { unpredicted: (check?.unpredicted ?? []).map((u) => u.id), unused: check?.unused ?? [] },
        observedSeconds: history.used ? mounts_seconds(history.used.ms) : 0,
    };
}
async function saveOne(exec, buildx, o, planned, record, restoredFingerprint, noSave, n, mountStepsRan) {
    const { mount } = planned;
    // Nothing is copied out when it could not be saved anyway.
    if (planned.saveKeyPrefix === null) {
        record.notSaved = noSave;
        return;
    }
    if (restoredFingerprint !== null && !mountStepsRan) {
        record.notSaved = 'unchanged since it was restored: no step that mounts it ran';
        commands/* info */.pq(`cache mount ${mount.id}: not saved (${record.notSaved})`);
        return;
    }
    const root = external_node_path_.join(o.tempDir, 'mounts', String(n), 'extracted');
    const folder = external_node_path_.join(root, CACHED_FOLDER);
    external_node_fs_.mkdirSync(root, { recursive: true });
    const started = Date.now();
    const failed = await helperBuild(exec, buildx, o, extractDockerfile(mount, o.inputs.mounts.image), {
        output: (0,cache_entry/* formatCacheEntry */.KK)([
            ['type', 'local'],
            ['dest', folder],
        ]),
    });
    record.seconds.extract = mounts_seconds(Date.now() - started);
    if (failed) {
        record.error = `extract failed: ${failed}`;
        record.notSaved = 'it could not be copied out';
        commands/* warning */.$e(`cache mount ${mount.id}: ${record.error}`);
        return;
    }
    const tree = external_node_fs_.readFileSync(external_node_path_.join(folder, TREE_FILE), 'utf8');
    record.bytes = external_node_fs_.statSync(external_node_path_.join(folder, ARCHIVE_FILE)).size;
    const decision = saveDecision({
        saveKeyPrefix: planned.saveKeyPrefix,
        noSave,
        fingerprint: fingerprintOf(tree),
        restoredFingerprint,
        // The tree lists `.` and every path, then each file's hash.
        files: tree.split('\n').filter((l) => l !== '' && l !== '.').length,
        bytes: record.bytes,
        maxBytes: o.inputs.mounts.maxBytes,
    });
    if (decision.key === '') {
        record.notSaved = decision.why;
        commands/* info */.pq(`cache mount ${mount.id}: not saved (${decision.why})`);
        return;
    }
    await saveInto(exec, record, `cache mount ${mount.id}`, { path: CACHED_FOLDER, key: decision.key }, { root, env: o.env, timeoutMs: o.inputs.mounts.timeoutMs });
}

;// CONCATENATED MODULE: ./src/runner/outputs.ts

/** Every output the action sets; a test checks this list against action.yml. */
const OUTPUT_NAMES = [
    'imageid',
    'digest',
    'metadata',
    'builder',
    'cache-from',
    'cache-to',
    'cached-steps',
    'total-steps',
    'cache-hit-ratio',
    'cache-export',
    'cache-report',
    'cache-usage-bytes',
    'bake-file',
    'cache-mounts',
    'cache-mounts-saved',
];
function setOutputs(outputs) {
    for (const name of OUTPUT_NAMES) {
        const value = outputs[name];
        if (value !== undefined)
            commands/* setOutput */.uH(name, value);
    }
}

;// CONCATENATED MODULE: ./src/report/steps.ts
/** A step that ran, failed or was canceled: not one the cache saved or the build never needed. */
const didWork = (s) => s.status === 'executed' || s.status === 'failed' || s.status === 'canceled';
/**
 * In a build that succeeded, a step that did no work was saved by the cache (or by a cached
 * result downstream); after a failure, steps that never started were just not reached.
 */
function stepTotals(steps) {
    const total = steps.length;
    const executed = steps.filter(didWork).length;
    const broke = steps.some((s) => s.status === 'failed' || s.status === 'canceled');
    const notRun = broke ? steps.filter((s) => s.status === 'not-run').length : 0;
    const cached = total - executed - notRun;
    return {
        total,
        cached,
        executed,
        notRun,
        ratio: total === 0 ? 1 : cached / total,
        executedMs: steps.reduce((sum, s) => sum + s.durationMs, 0),
    };
}
/** `linux/amd64 build`: a step's platform and stage, as the report names a stage. */
const stageLabel = (s) => [s.platform, s.stage].filter(Boolean).join(' ') || '(single stage)';
/** Per platform and stage, the first step (by its place in the stage) that did work. */
function firstExecutedSteps(steps) {
    const seen = new Set();
    const out = [];
    for (const s of [...steps].sort((a, b) => a.index - b.index)) {
        const key = `${s.platform} ${s.stage}`;
        if (!didWork(s) || seen.has(key))
            continue;
        seen.add(key);
        out.push(s);
    }
    // Back in build order.
    return out.sort((a, b) => steps.indexOf(a) - steps.indexOf(b));
}

;// CONCATENATED MODULE: ./src/report/import-sources.ts

/** `gha:123…`, `s3:…`: the type of a hashed id; registry ids are references and have none here. */
const hashedType = (name) => /^([a-z0-9]+):\d+$/.exec(name)?.[1];
const typeOf = (entry) => /(?:^|,)type=([^,]+)/.exec(entry)?.[1] ?? 'registry';
function named(i, entry, how, reads) {
    const read = reads.find((r) => r.entry === entry && r.entry !== '');
    return { ...i, entry, mapped: how, ...(read ? { ref: read.ref, why: read.why } : {}) };
}
function mapImports(imports, sources, reads) {
    const byId = new Map(sources.filter((s) => s.id !== null).map((s) => [s.id, s.entry]));
    const out = imports.map((i) => (byId.has(i.source) ? named(i, byId.get(i.source), 'id', reads) : i));
    // The fallback, per type: the unmatched imports and the entries without an id, in order.
    const unknownTypes = new Set(sources.filter((s) => s.id === null).map((s) => typeOf(s.entry)));
    for (const type of unknownTypes) {
        const entries = sources.filter((s) => s.id === null && typeOf(s.entry) === type).map((s) => s.entry);
        const at = out.flatMap((i, n) => (!i.mapped && hashedType(i.source) === type ? [n] : []));
        if (at.length !== entries.length)
            continue;
        at.forEach((n, k) => (out[n] = named(out[n], entries[k], 'order', reads)));
    }
    return out;
}
/** Attributes of a raw entry that hold credentials (buildx's and BuildKit's names): never shown. */
const CREDENTIALS = new Set(['token', 'access_key_id', 'secret_access_key', 'session_token']);
const withoutCredentials = (entry) => (0,cache_entry/* cacheEntryFields */.S7)(entry)
    .map((f) => (CREDENTIALS.has(f.key.toLowerCase()) ? `${f.key}=***` : f.text))
    .join(',');
/**
 * How the summary names an import: its planned ref and why it was read; a raw `cache-from` entry
 * as written; else BuildKit's own name, marked.
 */
function importLabel(i) {
    const order = i.mapped === 'order' ? 'matched by --cache-from order' : '';
    if (i.ref)
        return { name: i.ref, detail: [i.why ?? '', order].filter(Boolean).join('; ') };
    if (i.entry)
        return {
            name: withoutCredentials(i.entry),
            detail: ['a raw cache-from entry', order].filter(Boolean).join('; '),
        };
    return { name: i.source, detail: 'not mapped' };
}
/** Plain text, for reasons and warnings: the ref, the entry or BuildKit's name. */
const importName = (i) => {
    const l = importLabel(i);
    return l.detail === 'not mapped' ? `${l.name} (not mapped)` : l.name;
};
/**
 * The sources that can have given the cached steps: the imported ones. With one, it is that one;
 * with several, BuildKit does not tell which gave each step. Null when nothing was cached.
 */
function cachedStepsSources(imports, cachedSteps) {
    return cachedSteps === 0 ? null : imports.filter((i) => i.result === 'imported');
}

;// CONCATENATED MODULE: ./src/report/reasons.ts


/** Why steps ran instead of coming from the cache: one small function per reason, chosen from tables. Pure. */
/** `docker.io/library/alpine:3` and `alpine:3` are one image; a digest suffix is not part of the name. */
function normalizeImage(image) {
    let name = image.replace(/@sha256:[0-9a-f]+$/, '');
    name = name
        .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
        .replace(/^library\//, '');
    const last = name.slice(name.lastIndexOf('/') + 1);
    return last.includes(':') ? name : `${name}:latest`;
}
/**
 * FROM images whose digest differs between a previous build's materials and this one's. Images
 * only one side has are not changes (a new or removed stage, not a moved tag).
 */
function changedBaseImages(previous, current) {
    const images = (list) => list.filter((m) => m.image !== '' && m.digest !== '');
    const out = [];
    for (const cur of images(current)) {
        const name = normalizeImage(cur.image);
        const prev = images(previous).find((p) => normalizeImage(p.image) === name &&
            (p.platform === '' || cur.platform === '' || p.platform === cur.platform));
        if (prev && prev.digest !== cur.digest) {
            out.push({ image: name, platform: cur.platform, from: prev.digest, to: cur.digest });
        }
    }
    return out;
}
/** Names of build args added, removed or changed. Values are compared, never returned. */
function changedBuildArgs(previous, current) {
    const before = new Map(previous.map((a) => [a.name, a.value]));
    const after = new Map(current.map((a) => [a.name, a.value]));
    const names = new Set([...before.keys(), ...after.keys()]);
    return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
const reasons_short = (digest) => digest.replace(/^sha256:/, '').slice(0, 12);
const quote = (command) => {
    const text = command.replace(/`/g, "'").replace(/\s*\r?\n\s*/g, ' ');
    return `\`${text.length > 80 ? `${text.slice(0, 77)}...` : text}\``;
};
const reason = (kind, detail, s) => ({
    kind,
    stage: s ? stageLabel(s) : '',
    step: s ? s.name : '',
    detail,
});
function noCacheRead(input) {
    if (input.reads > 0 || input.imports.length > 0)
        return [];
    return [
        reason('no-cache-read', 'this run reads no cache: only what the builder itself kept could be reused'),
    ];
}
function importsFailed(input) {
    return input.imports
        .filter((i) => i.result === 'failed')
        .map((i) => reason('import-failed', `reading the cache from ${importName(i)} failed: ${i.error ?? 'unknown error'}`));
}
function firstBuild(input) {
    if (input.imports.length === 0 || !input.imports.every((i) => i.result === 'not-found'))
        return [];
    return [
        reason('first-build', `no cache was found at ${input.imports.map(importName).join(', ')}: nothing is cached for this ref ` +
            'yet (its first build, or the cache expired or was deleted)'),
    ];
}
/** Reasons about the whole run, told first and in this order. */
const RUN_REASONS = [noCacheRead, importsFailed, firstBuild];
function earlierStageChanged(f) {
    if (!f.changedInput)
        return undefined;
    return `stage ${quote(f.changedInput.stage || '(unnamed)')} built something new, so ${quote(f.step.command)} ran`;
}
function contextChanged(f) {
    if ((f.step.instruction !== 'COPY' && f.step.instruction !== 'ADD') || f.from)
        return undefined;
    return `files that ${quote(f.step.command)} takes from the build context changed since the cached build`;
}
function platformNotCached(f) {
    if (!f.cachedElsewhere)
        return undefined;
    return `the cache holds this step for ${f.cachedElsewhere.platform} but not for ${f.step.platform}`;
}
function baseImageChanged(f) {
    const c = f.baseChange;
    if (!c)
        return undefined;
    return `base image ${c.image} now resolves to ${reasons_short(c.to)} (was ${reasons_short(c.from)}), so every step on it ran`;
}
function buildArgsChanged(f) {
    if (f.changedArgs.length === 0 || f.step.instruction !== 'RUN')
        return undefined;
    return `build args changed (${f.changedArgs.join(', ')}): a RUN step reruns when an ARG in its stage changed value`;
}
function copiedSourceChanged(f) {
    if (!f.from)
        return undefined;
    return `${quote(f.step.command)} ran although its source is cached: the instruction or the copied files changed, ${f.otherwise}`;
}
function firstAfterFromChanged(f) {
    if (!f.base)
        return undefined;
    return (`${quote(f.step.command)} is the first step after FROM: the instruction, a build arg it uses or the base ` +
        `image changed, ${f.otherwise}`);
}
/** When no other reason applies. */
function stepChanged(f) {
    return (`${quote(f.step.command)} ran after a cached step: the instruction or what it uses (build args, ENV, ` +
        `mounted files) changed, ${f.otherwise}`);
}
/** Per stage, the first of these that applies to its first step that did work; else `stepChanged`. */
const STEP_REASONS = [
    { kind: 'earlier-stage-changed', detail: earlierStageChanged },
    { kind: 'context-changed', detail: contextChanged },
    { kind: 'platform-not-cached', detail: platformNotCached },
    { kind: 'base-image-changed', detail: baseImageChanged },
    { kind: 'build-args-changed', detail: buildArgsChanged },
    { kind: 'step-changed', detail: copiedSourceChanged },
    { kind: 'step-changed', detail: firstAfterFromChanged },
];
function stepReason(f) {
    for (const { kind, detail } of STEP_REASONS) {
        const text = detail(f);
        if (text !== undefined)
            return reason(kind, text, f.step);
    }
    return reason('step-changed', stepChanged(f), f.step);
}
/** What the record says about a stage's first step that did work. */
function firstStep(f, input, changes, changedArgs, otherwise) {
    const { steps } = input;
    const base = input.bases.find((b) => f.inputs.includes(b.vertex));
    return {
        step: f,
        from: /--from[= ](\S+)/.exec(f.command)?.[1],
        changedInput: steps.find((s) => f.inputs.includes(s.digest) && didWork(s) && (s.stage !== f.stage || s.platform !== f.platform)),
        base,
        cachedElsewhere: f.platform
            ? steps.find((s) => s.status === 'cached' &&
                s.platform !== f.platform &&
                s.stage === f.stage &&
                s.index === f.index &&
                s.command === f.command)
            : undefined,
        baseChange: base ? changes.find((c) => c.image === normalizeImage(base.image)) : undefined,
        changedArgs,
        otherwise,
    };
}
/** The reason for each stage's first step that did work, then base images that changed under no such step. */
function stepReasons(input) {
    const { steps } = input;
    const changes = input.previous?.materials
        ? changedBaseImages(input.previous.materials, input.materials)
        : [];
    const changedArgs = input.previous?.buildArgs && input.buildArgs
        ? changedBuildArgs(input.previous.buildArgs, input.buildArgs)
        : [];
    const otherwise = `or the cache held no result for it${input.modeMin ? ' (a mode=min cache keeps only the final stage)' : ''}`;
    const firsts = firstExecutedSteps(steps).map((f) => firstStep(f, input, changes, changedArgs, otherwise));
    const reasons = firsts.map(stepReason);
    // A base image that explains a stage's first step is told there, not again for the whole build.
    const explained = new Set(firsts.filter((_, i) => reasons[i].kind === 'base-image-changed').map((f) => f.baseChange?.image));
    for (const c of changes.filter((x) => !explained.has(x.image))) {
        reasons.push(reason('base-image-changed', `base image ${c.image} now resolves to ${reasons_short(c.to)} (was ${reasons_short(c.from)})`));
    }
    return reasons;
}
/**
 * Likely reasons why steps ran instead of coming from the cache. Each claim is one the record
 * supports; where it cannot tell the causes apart, it says which ones are possible.
 */
function likelyReasons(input) {
    const { steps } = input;
    if (!steps.some(didWork))
        return [];
    if (input.noCache) {
        return [reason('no-cache', 'no-cache is set: BuildKit ran every step without looking at any cache')];
    }
    const reasons = RUN_REASONS.flatMap((runReason) => runReason(input));
    // With no cache at all, every step ran for that one reason: per-stage guesses would be noise.
    const imported = input.imports.some((i) => i.result === 'imported');
    if (!imported && !steps.some((s) => s.status === 'cached'))
        return reasons;
    return [...reasons, ...stepReasons(input)];
}

;// CONCATENATED MODULE: ./src/report/cache-report.ts






/** Cache exporters default to mode=min; an inline cache can only be min. */
const isModeMin = (entry) => !/(^|,)mode=max(,|$)/.test(entry);
const cache_report_seconds = (ms) => Math.round(ms / 100) / 10;
function importResults(log) {
    return log.imports.map((i) => {
        const took = cache_report_seconds(i.durationMs);
        if (!i.error)
            return { source: i.source, result: 'imported', seconds: took };
        const notFound = /not found|no such file|404|does not exist/i.test(i.error);
        return { source: i.source, result: notFound ? 'not-found' : 'failed', error: i.error, seconds: took };
    });
}
function firstExecuted(steps) {
    return firstExecutedSteps(steps).map((s) => ({
        stage: stageLabel(s),
        step: s.name,
        instruction: s.instruction,
        command: s.command,
    }));
}
/** Whether the export happened, from what the plan asked and what the build record shows. */
function exportOutcome(plan, log, built, skipWhy) {
    const destinations = plan.cacheTo;
    const exportMs = log ? log.exports.reduce((sum, e) => sum + e.durationMs, 0) : 0;
    const outcome = (status, reason, took = 0) => ({
        status,
        reason,
        seconds: took,
        destinations,
        manifest: null,
        sizes: [],
    });
    if (destinations.length === 0) {
        const why = skipWhy ||
            plan.writesLeftOut ||
            plan.notes.find((n) => /nothing is written|no cache is written|only reads/.test(n));
        return outcome('skipped', why ?? 'no cache destination for this run');
    }
    if (skipWhy)
        return outcome('skipped', skipWhy);
    if (!built)
        return outcome('skipped', 'the build did not finish');
    const failed = log?.exports.find((e) => e.error);
    if (failed)
        return outcome('failed', exportFailure(failed.error ?? 'failed'), cache_report_seconds(exportMs));
    if (log && log.exports.length === 0 && destinations.every((d) => (0,cache_entry/* cacheEntryType */.FZ)(d) === 'inline')) {
        // An inline cache has no export vertex of its own: it is written with the image.
        return outcome('ok', 'exported inside the image');
    }
    return outcome('ok', '', cache_report_seconds(exportMs));
}
/** FROM images of this build: from the record, else the metadata's provenance, else the log. */
function baseImages(record, metadata, log) {
    const fromRecord = (record?.materials ?? []).filter((m) => m.image !== '');
    if (fromRecord.length > 0)
        return fromRecord;
    const fromMetadata = (metadata?.materials ?? []).filter((m) => m.image !== '');
    if (fromMetadata.length > 0)
        return fromMetadata;
    const out = [];
    for (const b of log?.bases ?? []) {
        if (b.digest === '' || out.some((m) => m.image === b.image && m.digest === b.digest))
            continue;
        out.push({ uri: '', image: b.image, platform: b.platform, digest: b.digest });
    }
    return out;
}
/** The one-line reason of a failed build: the step, its Dockerfile line and BuildKit's message. */
function failureMessage(error, fallback) {
    if (!error)
        return `docker buildx build failed: ${fallback}`;
    const where = error.file && error.line !== null ? ` (${error.file}:${error.line})` : '';
    const step = error.step ? ` at ${error.step}` : '';
    return `build failed${step}${where}: ${error.message || fallback}`.replace(/\s*\r?\n\s*/g, ' ');
}
function reportError(record, log) {
    const failedStep = log?.steps.find((s) => s.status === 'failed');
    if (record?.error) {
        const e = record.error;
        return {
            step: e.step || failedStep?.name || '',
            message: e.message,
            file: e.location?.file ?? '',
            line: e.location?.line ?? null,
        };
    }
    if (failedStep)
        return { step: failedStep.name, message: failedStep.error ?? '', file: '', line: null };
    return null;
}
/** BuildKit's imports, each mapped to its plan read, and the sources found missing before the build. */
function reportImports(args, log) {
    const sources = args.importSources ??
        args.plan.cacheFrom.map((entry) => ({
            entry,
            id: cacheImportId(entry, WITHOUT_ENVIRONMENT),
        }));
    // BuildKit's imports only: a source left out before the build is in the plan, marked.
    const imports = mapImports(log ? importResults(log) : [], sources, args.plan.reads);
    // For the reasons, a source found missing before the build is a miss like one BuildKit found.
    const missed = (args.plan.missing ?? []).map((entry) => {
        const read = args.plan.reads.find((r) => r.entry === entry);
        return {
            source: entry,
            entry,
            ...(read ? { ref: read.ref, why: read.why } : {}),
            result: 'not-found',
            seconds: 0,
        };
    });
    return { imports, missed };
}
/** The steps' totals and each step as the report lists it. */
function reportSteps(steps) {
    const totals = stepTotals(steps);
    return {
        total: totals.total,
        cached: totals.cached,
        executed: totals.executed,
        notRun: totals.notRun,
        ratio: Math.round(totals.ratio * 1000) / 1000,
        executedSeconds: cache_report_seconds(totals.executedMs),
        firstExecuted: firstExecuted(steps),
        list: steps.map((s) => ({
            stage: s.stage,
            platform: s.platform,
            step: s.command,
            status: s.status,
            seconds: cache_report_seconds(s.durationMs),
            instruction: s.instruction,
            index: s.index,
            of: s.total,
            cached: s.status === 'cached',
        })),
    };
}
/** The export's outcome, with the cache manifest the build's metadata names when it does not. */
function reportExport(args, metadata) {
    const exported = args.exportResult;
    const manifest = exported.manifest ??
        (exported.status === 'ok' && metadata?.cacheManifest
            ? { digest: metadata.cacheManifest.digest, size: metadata.cacheManifest.size }
            : null);
    return { ...exported, manifest, sizes: args.exportSizes ?? exported.sizes };
}
function reportRecord(record) {
    return record
        ? {
            ref: record.ref,
            status: record.status,
            seconds: cache_report_seconds(record.durationMs),
            buildkitCachedSteps: record.numCachedSteps,
            buildkitTotalSteps: record.numTotalSteps,
        }
        : null;
}
/** Why steps missed the cache: none for a run that built nothing. */
function reportReasons(args, log, o) {
    if (args.build === 'not-run' || !log)
        return [];
    return likelyReasons({
        steps: log.steps,
        bases: log.bases,
        imports: o.imports,
        reads: args.plan.cacheFrom.length + (args.plan.missing?.length ?? 0),
        noCache: args.noCache,
        modeMin: args.plan.cacheTo.length === 0 ? undefined : args.plan.cacheTo.some(isModeMin),
        materials: o.materials,
        buildArgs: o.record?.buildArgs,
        previous: args.previous,
    });
}
function buildReport(args) {
    const log = args.log;
    const record = args.record ?? null;
    const metadata = args.metadata ?? null;
    const { imports, missed } = reportImports(args, log);
    const materials = baseImages(record, metadata, log);
    return {
        version: 1,
        backend: args.backend,
        trigger: args.plan.trigger.kind,
        namespace: args.plan.namespace,
        build: args.build,
        plan: { reads: args.plan.reads, writes: args.plan.writes, notes: args.plan.notes },
        tokenScopes: args.tokenScopes,
        steps: reportSteps(log?.steps ?? []),
        imports,
        export: reportExport(args, metadata),
        record: reportRecord(record),
        error: args.build === 'failed' ? reportError(record, log) : null,
        baseImages: materials.map((m) => ({ image: m.image, platform: m.platform, digest: m.digest })),
        likelyReasons: reportReasons(args, log, { imports: [...missed, ...imports], materials, record }),
        timings: args.timings ?? null,
        ...(args.mounts ? { mounts: args.mounts } : {}),
        ...(args.localCache ? { localCache: args.localCache } : {}),
        ...(args.cleanup ? { cleanup: args.cleanup } : {}),
    };
}

;// CONCATENATED MODULE: ./src/report/export-moot.ts
/** The one cache name the plan reads, when it passes BuildKit exactly one computed source. */
function soleSource(plan) {
    const passed = plan.reads.filter((r) => r.entry !== '' && plan.cacheFrom.includes(r.entry));
    const only = passed.length === 1 && plan.cacheFrom.length === 1 ? passed[0] : null;
    return only?.name ? { ref: only.ref, name: only.name } : null;
}
/** What the plan and the builder tell, before the build's steps are read. */
const STILL_NEEDED_BY_PLAN = [
    (o) => (o.plan.cacheTo.length === 0 ? 'nothing to export' : ''),
    (o) => (o.retriedWithoutCache ? 'the build was retried without its cache sources' : ''),
    // A builder kept from earlier builds may have served the hits: the source may lack them.
    (o) => (o.freshBuilder ? '' : 'the builder has a cache of its own'),
    (o) => (soleSource(o.plan) ? '' : 'the build read more than one source, or none'),
    (o) => o.plan.cacheTo.length === o.plan.writes.length &&
        o.plan.writes.every((w) => w.name === soleSource(o.plan)?.name)
        ? ''
        : 'it writes a cache other than the one it read',
];
const STILL_NEEDED = [
    ...STILL_NEEDED_BY_PLAN,
    // Every step must be one BuildKit found cached: a step it never needed (a cached result
    // downstream) may hold records mode=max would add.
    (o) => o.steps !== null && o.steps.length > 0 && o.steps.every((s) => s.status === 'cached')
        ? ''
        : 'not every step was cached',
];
/** Whether the export may turn out moot once the steps are read (so they are worth reading first). */
function mayBeMoot(o) {
    return STILL_NEEDED_BY_PLAN.every((rule) => rule({ ...o, steps: null }) === '');
}
/** Why the export may be skipped ('' when it must run). */
function mootExport(o) {
    if (STILL_NEEDED.some((rule) => rule(o) !== ''))
        return '';
    const source = soleSource(o.plan);
    return `the build was fully cached from ${source.ref}, the very cache it would write: nothing new to export`;
}

;// CONCATENATED MODULE: ./src/runner/state.ts

/**
 * The one owner of post-step state. Each resource is recorded before it is created, so that
 * post can clean up after a main step that failed halfway. Secrets never enter state.
 */
const KEYS = {
    builder: 'builderCreated',
    cleanup: 'cleanup',
    tempDir: 'tempDir',
    buildxPath: 'buildxPath',
};
function saveBuilderCreated(name, cleanup) {
    commands/* saveState */.LZ(KEYS.builder, name);
    commands/* saveState */.LZ(KEYS.cleanup, String(cleanup));
}
function saveTempDir(path) {
    commands/* saveState */.LZ(KEYS.tempDir, path);
}
function saveBuildxPath(path) {
    commands/* saveState */.LZ(KEYS.buildxPath, path);
}
function readState() {
    return {
        builder: workflow.getState(KEYS.builder),
        cleanup: workflow.getState(KEYS.cleanup) !== 'false',
        tempDir: workflow.getState(KEYS.tempDir),
        buildxPath: workflow.getState(KEYS.buildxPath),
    };
}

;// CONCATENATED MODULE: ./src/git/git.ts
const LOCAL_TIMEOUT_MS = 30_000;
const DEFAULT_FETCH_TIMEOUT_MS = 120_000;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** An error's message; errors are read by shape, since they may come from another realm. */
function messageOf(error) {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
/**
 * `git fetch` as the planner runs it: no tags, no submodules, and no automatic maintenance or gc
 * afterwards (a process per fetch that the plan would wait for, in the user's checkout).
 */
function fetchArgs(...rest) {
    return [
        '-c',
        'maintenance.auto=false',
        '-c',
        'gc.auto=0',
        'fetch',
        '--no-tags',
        '--no-recurse-submodules',
        ...rest,
    ];
}
function makeGit(exec, ctx) {
    const env = { ...ctx.env, GIT_TERMINAL_PROMPT: '0' };
    return (args, timeoutMs = LOCAL_TIMEOUT_MS) => exec('git', args, { cwd: ctx.cwd, env, timeoutMs });
}
/** Removes `user:password@` from URLs that git may print in its messages (e.g. a remote's URL). */
function redactUrlCredentials(text) {
    return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}
/** The gist of a failed git command, for a reason: its last non-empty stderr lines, without secrets. */
function describeFailure(result) {
    if (result.timedOut)
        return 'timed out';
    if (result.exitCode === 127)
        return 'git is not installed (or not on PATH)';
    const lines = result.stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('hint:'));
    const text = lines.slice(-2).join(' ') || `exit code ${result.exitCode}`;
    const redacted = redactUrlCredentials(text);
    return redacted.length > 300 ? `${redacted.slice(0, 297)}...` : redacted;
}
/**
 * Why `value` cannot be handed to git as a revision or remote name, or undefined if it can. Git
 * reads an argument that starts with `-` as an option, so such names are refused (no branch,
 * remote or revision git accepts can start with `-` anyway).
 */
function argumentProblem(what, value) {
    if (value === '')
        return `${what} is empty`;
    if (value.startsWith('-'))
        return `${what} ${JSON.stringify(value)} starts with "-"`;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value))
        return `${what} ${JSON.stringify(value)} contains control characters`;
    return undefined;
}
async function resolveCommit(git, rev) {
    const result = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    const sha = result.stdout.trim();
    return result.exitCode === 0 && SHA.test(sha) ? sha : undefined;
}
/** true/false, or a reason when this is not a usable git checkout. */
async function isShallow(git) {
    const result = await git(['rev-parse', '--is-shallow-repository']);
    if (result.exitCode !== 0)
        return `not a git checkout: ${describeFailure(result)}`;
    return result.stdout.trim() === 'true';
}
async function remoteProblem(git, remote) {
    const result = await git(['remote', 'get-url', remote]);
    return result.exitCode === 0 ? undefined : `remote ${JSON.stringify(remote)} is not configured`;
}

;// CONCATENATED MODULE: ./src/git/commits.ts

/**
 * The first parent of `rev` (`rev^1`). A shallow checkout has no parents at its boundary (a
 * `--depth=1` checkout has none at all), so there the history is deepened by one first (fetching
 * the commit itself by sha, or else the remote's configured refspec). A root commit has no parent:
 * that is a reason, not an error. Never throws for git failures.
 */
async function parentCommit(exec, options) {
    const rev = options.rev ?? 'HEAD';
    const remote = options.remote ?? 'origin';
    const fetchTimeout = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
    const problem = argumentProblem('rev', rev) ?? argumentProblem('remote', remote);
    if (problem)
        return { sha: null, reason: problem };
    try {
        const git = makeGit(exec, options);
        const shallow = await isShallow(git);
        if (typeof shallow === 'string')
            return { sha: null, reason: shallow };
        const sha = await resolveCommit(git, rev);
        if (!sha)
            return { sha: null, reason: `${JSON.stringify(rev)} is not a commit in the checkout` };
        const parent = await resolveCommit(git, `${sha}^1`);
        if (parent)
            return { sha: parent };
        if (!shallow)
            return { sha: null, reason: `${JSON.stringify(rev)} (${sha}) is a root commit: it has no parent` };
        const noRemote = await remoteProblem(git, remote);
        if (noRemote)
            return { sha: null, reason: `the checkout is shallow and ${noRemote}` };
        const deepen = fetchArgs('--deepen=1', remote);
        let fetched = await git([...deepen, sha], fetchTimeout);
        // A server that refuses wants by sha: deepen through the remote's configured refspec instead.
        if (fetched.exitCode !== 0)
            fetched = await git(deepen, fetchTimeout);
        if (fetched.exitCode !== 0) {
            return { sha: null, reason: `could not deepen the shallow checkout: ${describeFailure(fetched)}` };
        }
        const deepenedParent = await resolveCommit(git, `${sha}^1`);
        if (deepenedParent)
            return { sha: deepenedParent };
        return {
            sha: null,
            reason: `${JSON.stringify(rev)} (${sha}) has no parent, even after deepening the checkout`,
        };
    }
    catch (error) {
        return {
            sha: null,
            reason: `parent lookup failed: ${messageOf(error)}`,
        };
    }
}
/** `rev`'s tree and parents from its object: undefined when the checkout does not have it. */
async function commitInfo(exec, options) {
    const rev = options.rev ?? 'HEAD';
    if (argumentProblem('rev', rev))
        return undefined;
    try {
        return await readCommit(makeGit(exec, options), rev);
    }
    catch {
        return undefined;
    }
}
async function readCommit(git, rev) {
    const result = await git(['cat-file', 'commit', rev]);
    if (result.exitCode !== 0)
        return undefined;
    const header = result.stdout.split('\n\n')[0].split('\n');
    const field = (name) => header.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
    const tree = field('tree')[0];
    return tree ? { tree, parents: field('parent') } : undefined;
}
/**
 * `rev` and commit `other` side by side: trees and parents, read from the commit objects, so the
 * answer holds in a shallow checkout. The checkout may lack `other`: it is fetched by sha (one
 * commit deep in a shallow checkout; objects `rev` already has are not sent again). A pull
 * request's merge commit and its head tell whether the head already contains the base (same tree)
 * and whether the head just merged the base (its second parent is the merge commit's first).
 * Never throws: anything git cannot tell is a reason.
 */
async function compareCommits(exec, options) {
    const rev = options.rev ?? 'HEAD';
    const remote = options.remote ?? 'origin';
    const problem = argumentProblem('rev', rev) ?? argumentProblem('remote', remote);
    if (problem)
        return problem;
    if (!SHA.test(options.other))
        return `${JSON.stringify(options.other)} is not a commit sha`;
    try {
        const git = makeGit(exec, options);
        const mine = await readCommit(git, rev);
        if (!mine)
            return `${JSON.stringify(rev)} is not a commit in the checkout`;
        let theirs = await readCommit(git, options.other);
        if (!theirs) {
            const shallow = await isShallow(git);
            if (typeof shallow === 'string')
                return shallow;
            const depth = shallow ? ['--depth=1'] : [];
            const fetched = await git(fetchArgs(...depth, remote, options.other), options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
            if (fetched.exitCode !== 0)
                return `could not fetch ${options.other}: ${describeFailure(fetched)}`;
            theirs = await readCommit(git, options.other);
            if (!theirs)
                return `${options.other} was fetched but does not resolve`;
        }
        return { rev: mine, other: theirs };
    }
    catch (error) {
        return `commit comparison failed: ${messageOf(error)}`;
    }
}

;// CONCATENATED MODULE: ./src/git/ancestry.ts


/**
 * How deep a shallow checkout fetches the new head and `before` to place one against the other:
 * a push adds a few commits and a rebase moves a branch by a few of its base's, so two tries are
 * enough for nearly every push, and bound the fetches when they are not.
 */
const ANCESTRY_DEPTHS = [10, 100];
/** A bounded fetch here: this runs on every branch push, before the build, and the answer is optional. */
const ANCESTRY_FETCH_TIMEOUT_MS = 30_000;
/**
 * Whether `before` is in the history of `head`: false means the push rewrote history (a rebase,
 * an amend, a reset). The cheap answer first: `before` is one of the head's parents (the head's
 * commit object names them, also in a shallow checkout). A full checkout fetches `before` by sha
 * when it lacks it, and git answers. A shallow one fetches both commits a bounded depth deep
 * ({@link ANCESTRY_DEPTHS}), each time asking git.
 *
 * In a shallow checkout a "no" is given once git finds a common ancestor of the two that is not
 * `before` itself: `before` then lies off the head's history, unless the shallow boundary cut
 * the very path that leads to it (a side line of merges), which is accepted. Never throws:
 * whatever git cannot tell is a reason.
 */
async function isAncestor(exec, options) {
    const head = options.head ?? 'HEAD';
    const remote = options.remote ?? 'origin';
    const fetchTimeout = options.fetchTimeoutMs ?? ANCESTRY_FETCH_TIMEOUT_MS;
    const problem = argumentProblem('head', head) ?? argumentProblem('remote', remote);
    if (problem)
        return { ancestor: null, reason: problem };
    if (!SHA.test(options.before))
        return unknown(`${JSON.stringify(options.before)} is not a commit sha`);
    const before = options.before;
    try {
        const git = makeGit(exec, options);
        const headSha = await resolveCommit(git, head);
        if (!headSha)
            return unknown(`head ${JSON.stringify(head)} is not a commit in the checkout`);
        if (headSha === before)
            return { ancestor: true };
        if ((await commitInfo(exec, { ...options, rev: headSha }))?.parents.includes(before)) {
            return { ancestor: true };
        }
        const shallow = await isShallow(git);
        if (typeof shallow === 'string')
            return unknown(shallow);
        const present = await resolveCommit(git, before);
        if (present) {
            const asked = await ask(git, before, headSha);
            if (asked)
                return asked;
        }
        const noRemote = await remoteProblem(git, remote);
        if (noRemote)
            return unknown(`${before} is not in the checkout and ${noRemote}`);
        for (const depth of shallow ? ANCESTRY_DEPTHS : [0]) {
            const deep = depth > 0 ? [`--depth=${depth}`, remote, headSha, before] : [remote, before];
            const fetched = await git(fetchArgs(...deep), fetchTimeout);
            if (fetched.exitCode !== 0)
                return unknown(`could not fetch ${before}: ${describeFailure(fetched)}`);
            const asked = await ask(git, before, headSha);
            if (asked)
                return asked;
        }
        return unknown(`the shallow checkout does not place ${before}, even ${ANCESTRY_DEPTHS[ANCESTRY_DEPTHS.length - 1]} commits deep`);
    }
    catch (error) {
        return unknown(`ancestry check failed: ${messageOf(error)}`);
    }
}
const unknown = (reason) => ({ ancestor: null, reason });
/** git's answer from the history the checkout holds, or undefined while a shallow boundary hides it. */
async function ask(git, before, head) {
    const asked = await git(['merge-base', '--is-ancestor', before, head]);
    if (asked.exitCode === 0)
        return { ancestor: true };
    if (asked.exitCode !== 1)
        return unknown(`git merge-base failed: ${describeFailure(asked)}`);
    const shallow = await isShallow(git);
    if (typeof shallow === 'string')
        return unknown(shallow);
    if (!shallow)
        return { ancestor: false };
    const common = (await git(['merge-base', before, head])).stdout.trim();
    return SHA.test(common) && common !== before ? { ancestor: false } : undefined;
}

;// CONCATENATED MODULE: ./src/git/merge-base.ts

/**
 * How far each successive `git fetch --deepen=<n>` reaches. `--deepen` is relative to the current
 * shallow boundary, so after k steps the checkout holds the sum of the first k numbers of commits
 * more (about 31 000 after all six). Steps past the table's end repeat its last number.
 */
const DEEPEN_STEPS = [10, 50, 200, 1000, 5000, 25000];
/**
 * Why `name` is not a valid branch name by git's rules (git-check-ref-format), or undefined. The
 * name becomes part of a refspec, so `:` and the other characters git forbids must not pass.
 */
function branchNameProblem(name) {
    const quoted = JSON.stringify(name);
    const basic = argumentProblem('branch name', name);
    if (basic)
        return basic;
    if (/[ ~^:?*[\\]/.test(name))
        return `branch name ${quoted} contains a character git does not allow`;
    if (name.includes('..') || name.includes('@{') || name === '@')
        return `branch name ${quoted} is not valid`;
    if (name.endsWith('.') || name.endsWith('/') || name.startsWith('/') || name.includes('//')) {
        return `branch name ${quoted} is not valid`;
    }
    if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
        return `branch name ${quoted} is not valid`;
    }
    return undefined;
}
/**
 * The merge-base of `head` and `base` in a checkout that may be shallow and may lack the base
 * branch (a CI checkout usually is `--depth=1` of one branch):
 *
 * 1. if `base` is not in the checkout, its branch is fetched from the remote
 *    (`--depth=1` in a shallow checkout; a full one stays full);
 * 2. `git merge-base head base`; while that finds nothing and the checkout is shallow, the history
 *    is deepened (`git fetch --deepen=<n>`, n from {@link DEEPEN_STEPS}; deepening moves every
 *    shallow boundary, the head's included) up to `maxDeepenSteps` times;
 * 3. a checkout that is complete and still has no merge-base holds unrelated histories.
 *
 * Every name goes to git as a single argument (no shell); never throws for git failures.
 */
async function findMergeBase(exec, options) {
    const head = options.head ?? 'HEAD';
    const remote = options.remote ?? 'origin';
    const base = options.base;
    const problem = argumentProblem('head', head) ?? argumentProblem('base', base) ?? argumentProblem('remote', remote);
    if (problem)
        return { sha: null, reason: problem };
    try {
        const git = makeGit(exec, options);
        const shallow = await isShallow(git);
        if (typeof shallow === 'string')
            return { sha: null, reason: shallow };
        const headSha = await resolveCommit(git, head);
        if (!headSha)
            return { sha: null, reason: `head ${JSON.stringify(head)} is not a commit in the checkout` };
        // The remote branch behind `base`, when it names one: `origin/main` or `main`.
        const prefix = `${remote}/`;
        const branch = base.startsWith(prefix) ? base.slice(prefix.length) : base;
        const trackingRef = `refs/remotes/${remote}/${branch}`;
        const l = {
            git,
            head,
            base,
            remote,
            branch,
            trackingRef,
            refspec: `+refs/heads/${branch}:${trackingRef}`,
            branchOk: branchNameProblem(branch) === undefined && branchNameProblem(remote) === undefined,
            fetchTimeout: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
        };
        const baseSha = await resolveBase(l, shallow);
        if (baseSha.sha === null)
            return baseSha;
        const maxSteps = Math.max(0, Math.floor(options.maxDeepenSteps ?? 6));
        return await mergeBaseDeepening(l, headSha, baseSha.sha, maxSteps);
    }
    catch (error) {
        return {
            sha: null,
            reason: `merge-base lookup failed: ${messageOf(error)}`,
        };
    }
}
/** `base`'s commit: from the checkout, else its branch fetched from the remote (step 1). */
async function resolveBase(l, shallow) {
    const { git, base, remote, branch } = l;
    const found = (await resolveCommit(git, base)) ?? (l.branchOk ? await resolveCommit(git, l.trackingRef) : undefined);
    if (found)
        return { sha: found };
    const badName = branchNameProblem(branch) ?? branchNameProblem(remote);
    if (badName)
        return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout; ${badName}` };
    const noRemote = await remoteProblem(git, remote);
    if (noRemote)
        return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout and ${noRemote}` };
    const depth = shallow ? ['--depth=1'] : [];
    const fetched = await git(fetchArgs(...depth, remote, l.refspec), l.fetchTimeout);
    if (fetched.exitCode !== 0) {
        return {
            sha: null,
            reason: `could not fetch branch ${JSON.stringify(branch)} from ${JSON.stringify(remote)}: ${describeFailure(fetched)}`,
        };
    }
    const fetchedSha = await resolveCommit(git, l.trackingRef);
    if (!fetchedSha)
        return { sha: null, reason: `branch ${JSON.stringify(branch)} was fetched but does not resolve` };
    return { sha: fetchedSha };
}
/** `git merge-base`, deepening a shallow checkout until it answers (steps 2 and 3). */
async function mergeBaseDeepening(l, headSha, baseSha, maxSteps) {
    const { git, head, base, remote } = l;
    let deepened = 0;
    let reach = 0;
    for (;;) {
        const result = await git(['merge-base', headSha, baseSha]);
        const sha = result.stdout.trim();
        if (result.exitCode === 0 && SHA.test(sha))
            return { sha };
        if (result.exitCode !== 1)
            return { sha: null, reason: `git merge-base failed: ${describeFailure(result)}` };
        const stillShallow = await isShallow(git);
        if (typeof stillShallow === 'string')
            return { sha: null, reason: stillShallow };
        if (!stillShallow) {
            return {
                sha: null,
                reason: `${JSON.stringify(head)} and ${JSON.stringify(base)} have no common ancestor (unrelated histories)`,
            };
        }
        if (deepened >= maxSteps)
            return { sha: null, reason: notFoundAfter(l, deepened, reach) };
        if (deepened === 0) {
            const noRemote = await remoteProblem(git, remote);
            if (noRemote)
                return { sha: null, reason: `the checkout is shallow and ${noRemote}` };
        }
        const n = DEEPEN_STEPS[Math.min(deepened, DEEPEN_STEPS.length - 1)];
        // Name the base branch when it is the remote's, so it is deepened (and kept) too; the
        // deepening itself applies to every shallow boundary of the checkout.
        const refs = l.branchOk && (await resolveCommit(git, l.trackingRef)) === baseSha ? [l.refspec] : [];
        const fetched = await git(fetchArgs(`--deepen=${n}`, remote, ...refs), l.fetchTimeout);
        if (fetched.exitCode !== 0) {
            return { sha: null, reason: `could not deepen the shallow checkout: ${describeFailure(fetched)}` };
        }
        deepened += 1;
        reach += n;
    }
}
/** Why a shallow checkout gave no merge-base within the deepening allowed. */
function notFoundAfter(l, deepened, reach) {
    const tried = deepened === 0
        ? 'and deepening is disabled'
        : `after deepening it ${deepened} time${deepened === 1 ? '' : 's'} (by ${reach} commits)`;
    return `no merge-base of ${JSON.stringify(l.head)} and ${JSON.stringify(l.base)} in the shallow checkout ${tried}`;
}

;// CONCATENATED MODULE: ./src/github/compare.ts



const NAME = /^[A-Za-z0-9_.-]+$/;
/**
 * One side of `BASE...HEAD` as a URL path piece. Branch names may contain `/`, which the compare
 * endpoint takes literally (its `basehead` parameter spans path segments: `main...feature/x`),
 * so each `/`-separated segment is percent-encoded on its own and the slashes are kept; so is the
 * `:` of a fork's `owner:branch`. Everything else that is not unreserved (`#`, `?`, `%`, `;`,
 * spaces, non-ASCII, ...) is encoded. Segments `.`/`..` and empty ones (which URL parsers would
 * fold away) and a `..` anywhere (which would make `BASE...HEAD` ambiguous, and which no git ref
 * contains) are refused.
 */
function encodeRef(what, ref) {
    // eslint-disable-next-line no-control-regex
    if (ref === '' || ref.includes('..') || /[\x00-\x1f\x7f]/.test(ref)) {
        throw new Error(`${what} ${JSON.stringify(ref)} is not a valid ref`);
    }
    const segments = ref.split('/');
    if (segments.some((s) => s === '' || s === '.'))
        throw new Error(`${what} ${JSON.stringify(ref)} is not a valid ref`);
    return segments.map((s) => encodeURIComponent(s).replace(/%3A/gi, ':')).join('/');
}
/**
 * The compare URL: `{apiUrl}/repos/{owner}/{repo}/compare/{base}...{head}?per_page=1` (one commit
 * per page keeps the response small: only `merge_base_commit` is read). Throws on input that
 * cannot form one; {@link mergeBaseFromApi} turns that into a reason.
 */
function compareUrl(apiUrl, repository, base, head) {
    return `${repositoryUrl(apiUrl, repository)}/compare/${encodeRef('base', base)}...${encodeRef('head', head)}?per_page=1`;
}
/** `{apiUrl}/repos/{owner}/{repo}`, both checked; throws on input that cannot form one. */
function repositoryUrl(apiUrl, repository) {
    let root;
    try {
        root = new URL(apiUrl);
    }
    catch {
        throw new Error(`the API URL ${JSON.stringify(apiUrl)} is not a URL`);
    }
    if (root.protocol !== 'https:' && root.protocol !== 'http:') {
        throw new Error(`the API URL ${JSON.stringify(apiUrl)} is not http(s)`);
    }
    const parts = repository.split('/');
    if (parts.length !== 2 || parts.some((p) => !NAME.test(p) || p === '.' || p === '..')) {
        throw new Error(`the repository ${JSON.stringify(repository)} is not owner/name`);
    }
    const [owner, repo] = parts.map(encodeURIComponent);
    return `${root.origin}${root.pathname.replace(/\/+$/, '')}/repos/${owner}/${repo}`;
}
/** A short, single-line, printable excerpt of text from the server. */
function excerpt(text, max = 200) {
    // eslint-disable-next-line no-control-regex
    const line = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
function apiMessage(body) {
    try {
        const parsed = JSON.parse(body);
        if (parsed &&
            typeof parsed === 'object' &&
            typeof parsed.message === 'string') {
            return excerpt(parsed.message);
        }
    }
    catch {
        // not JSON: fall through to the raw text
    }
    return excerpt(body, 120);
}
/** `asked`: what was asked, for a 404 (`comparison of main...x`, `commit <sha>`). */
function describeStatus(response, body, asked, repository) {
    const status = response.status;
    const message = apiMessage(body);
    const said = message ? ` (${message})` : '';
    const remaining = response.headers.get('x-ratelimit-remaining');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    const retryAfter = response.headers.get('retry-after');
    if ((status === 403 || status === 429) && remaining === '0') {
        const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
        return `GitHub API rate limit exhausted${when} (HTTP ${status})`;
    }
    if (status === 429 || (status === 403 && (retryAfter !== null || /secondary rate limit/i.test(message)))) {
        const wait = retryAfter !== null ? `, retry after ${excerpt(retryAfter, 20)}s` : '';
        return `GitHub API secondary rate limit (HTTP ${status}${wait})${said}`;
    }
    if (status === 401)
        return `GitHub API rejected the token (HTTP 401)${said}`;
    if (status === 403)
        return `GitHub API refused the comparison (HTTP 403)${said}`;
    if (status === 404) {
        return `GitHub API found no ${asked} in ${repository} (HTTP 404)${said}`;
    }
    if (status >= 500)
        return `GitHub API server error (HTTP ${status})${said}`;
    return `GitHub API answered HTTP ${status}${said}`;
}
/** Errors may come from another realm (`instanceof Error` fails there), so they are read by shape. */
function asErrorLike(value) {
    return typeof value === 'object' && value !== null ? value : { message: String(value) };
}
function describeError(error, host, timeoutMs) {
    const e = asErrorLike(error);
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        return `GitHub API request to ${host} timed out after ${timeoutMs} ms`;
    }
    // fetch reports network failures as "fetch failed" with the system error as the cause.
    const cause = asErrorLike(e.cause ?? {});
    const detail = [cause.code, e.code, cause.message, e.message].find((d) => typeof d === 'string' && d !== '');
    return `GitHub API request to ${host} failed: ${excerpt(String(detail ?? error))}`;
}
/** A JSON GET on the REST API, or the reason it gave nothing; the token never appears in one. */
async function apiGet(options, asked, url) {
    const token = options.token ?? '';
    const redact = (reason) => (0,lib_text/* redactSecrets */.fp)(reason, [token]);
    const fail = (reason) => ({ reason: redact(reason) });
    const timeoutMs = options.timeoutMs ?? 10_000;
    const fetchImpl = options.fetchImpl ?? http/* httpFetch */.tX;
    let target;
    try {
        target = url();
    }
    catch (error) {
        return fail(`cannot ask the GitHub API: ${String(asErrorLike(error).message)}`);
    }
    const host = new URL(target).host;
    const headers = {
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'buildkit-cache-action',
    };
    if (token)
        headers.Authorization = `Bearer ${token}`;
    try {
        const signal = AbortSignal.timeout(timeoutMs);
        const response = await fetchImpl(target, { method: 'GET', headers, signal, redirect: 'follow' });
        const body = await response.text();
        if (!response.ok)
            return fail(describeStatus(response, body, asked, options.repository));
        try {
            return { json: JSON.parse(body) };
        }
        catch {
            return fail(`GitHub API answered with something that is not JSON: ${excerpt(body, 80)}`);
        }
    }
    catch (error) {
        return fail(describeError(error, host, timeoutMs));
    }
}
/**
 * The merge-base of `base` and `head` from GitHub's compare endpoint
 * (`GET /repos/{owner}/{repo}/compare/{base}...{head}`, field `merge_base_commit.sha`): the
 * fallback when the checkout cannot tell. Never throws: bad input, HTTP errors (401, 403, 404, rate
 * limits), network failures, timeouts and unexpected payloads become reasons, and the token never
 * appears in one.
 */
async function mergeBaseFromApi(options) {
    const got = await apiGet(options, `comparison of ${options.base}...${options.head}`, () => compareUrl(options.apiUrl, options.repository, options.base, options.head));
    if ('reason' in got)
        return { sha: null, reason: got.reason };
    const sha = got.json?.merge_base_commit?.sha;
    if (typeof sha !== 'string' || !SHA.test(sha)) {
        return { sha: null, reason: 'GitHub API compare response has no merge_base_commit.sha' };
    }
    return { sha };
}
/**
 * Whether `base` is in `head`'s history, from the compare endpoint's `status`: `ahead` or
 * `identical` say it is, `behind` or `diverged` that it is not (a rewritten history). The fallback
 * when there is no checkout to ask git.
 */
async function ancestryFromApi(options) {
    const got = await apiGet(options, `comparison of ${options.base}...${options.head}`, () => compareUrl(options.apiUrl, options.repository, options.base, options.head));
    if ('reason' in got)
        return { ancestor: null, reason: got.reason };
    const status = got.json?.status;
    if (status === 'ahead' || status === 'identical')
        return { ancestor: true };
    if (status === 'behind' || status === 'diverged')
        return { ancestor: false };
    return { ancestor: null, reason: `GitHub API compare response has no known status (${String(status)})` };
}
/** A commit's tree and parents (`GET /repos/{owner}/{repo}/commits/{sha}`), for a job without a checkout. */
async function commitFromApi(options) {
    const got = await apiGet(options, `commit ${options.sha}`, () => {
        if (!SHA.test(options.sha))
            throw new Error(`${JSON.stringify(options.sha)} is not a commit sha`);
        return `${repositoryUrl(options.apiUrl, options.repository)}/commits/${options.sha}`;
    });
    if ('reason' in got)
        return got;
    const c = got.json;
    const tree = c?.commit?.tree?.sha;
    const parents = (c?.parents ?? []).map((p) => p.sha);
    if (typeof tree !== 'string' || !parents.every((p) => typeof p === 'string' && SHA.test(p))) {
        return { reason: 'GitHub API commit response has no tree and parents' };
    }
    return { tree, parents };
}

// EXTERNAL MODULE: ./src/plan/rules.ts + 1 modules
var rules = __nccwpck_require__(93863);
// EXTERNAL MODULE: ./src/plan/triggers.ts
var triggers = __nccwpck_require__(79834);
;// CONCATENATED MODULE: ./src/github/runtime-token.ts
/**
 * Decodes the token's payload without verifying it (only GitHub can) to show the user which
 * ref scopes the run may read and write. Never returns or logs the token itself.
 */
function cacheScopesFromToken(token) {
    const parts = token.split('.');
    if (parts.length < 2)
        return null;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        if (typeof payload.ac !== 'string')
            return null;
        const ac = JSON.parse(payload.ac);
        if (!Array.isArray(ac))
            return null;
        return ac
            .filter((e) => typeof e.Scope === 'string' && typeof e.Permission === 'number')
            .map((e) => ({
            scope: e.Scope,
            read: (e.Permission & 1) !== 0,
            write: (e.Permission & 2) !== 0,
        }));
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/stores/github-cache/lookup.ts




/**
 * Which BuildKit caches the GitHub Actions cache holds for this run, asked the way BuildKit's gha
 * importer asks at import: its client (go-actions-cache) looks an index up with
 * GetCacheEntryDownloadURL (cache service v2) or `GET _apis/artifactcache/cache` (v1, GHES and
 * older runners), under one constant version. GitHub's scope rules then answer exactly what the
 * import will see. Neither BuildKit nor `@actions/cache` lists entries, and GitHub guarantees a
 * job's token no listing call, so none is made.
 */
/** go-actions-cache's version: one constant hash for every key, not one per key. */
const GHA_CACHE_VERSION = (0,external_node_crypto_.createHash)('sha256').update('|go-actionscache-1.0').digest('hex');
/**
 * Looks every name up at once, one request each, within `timeoutMs` for all of them. Never
 * fails: a name whose request fails stays unknown, with the reason.
 */
async function lookUpGhaCaches(o) {
    const timeoutMs = o.timeoutMs ?? 3000;
    const deadline = Date.now() + timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    const fetchImpl = o.fetchImpl ?? http/* httpFetch */.tX;
    const reasons = [];
    const found = new Map();
    const lookUp = o.service.protocol === 'v2' ? lookUpV2 : lookUpV1;
    await Promise.all(o.names.map(async (name) => {
        const keys = (0,github_cache_keys/* indexKeys */.nI)(name, o.tokenScopes);
        const request = { fetchImpl, url: o.service.url, token: o.token, keys, signal };
        for (;;) {
            try {
                const matched = await lookUp(request);
                // A key of another name that shares the prefix says nothing about this one.
                found.set(name, matched === null ? false : (0,github_cache_keys/* isIndexOf */.G3)(matched, name) ? true : undefined);
                return;
            }
            catch (e) {
                // Rate-limited: wait as GitHub says when that fits in the lookups' bound, then ask again.
                const wait = e instanceof LookupRateLimited ? retryWaitMs(e.limited, deadline - Date.now(), 200) : null;
                if (wait !== null) {
                    await new Promise((resolve) => setTimeout(resolve, wait));
                    continue;
                }
                found.set(name, undefined);
                const timedOut = signal.aborted || e?.name === 'TimeoutError';
                reasons.push(e instanceof LookupRateLimited
                    ? rateLimitedReason(e.limited, deadline - Date.now())
                    : timedOut
                        ? `no answer within ${timeoutMs} ms`
                        : (0,http/* failureText */.kY)(e));
                return;
            }
        }
    }));
    return reasons.length > 0 ? { found, reason: reasons[0] } : { found };
}
class LookupRefused extends Error {
}
/** GitHub's rate limit answered the lookup (429), with how long to wait. */
class LookupRateLimited extends Error {
    limited;
    constructor(limited) {
        super('rate-limited (429)');
        this.limited = limited;
    }
}
function refusal(res, what) {
    if (res.status === 429)
        return new LookupRateLimited({ retryAfterSeconds: retryAfterOf(res.headers.get('retry-after')) });
    return new LookupRefused(`the cache service answered ${res.status} to ${what}`);
}
/** Twirp `GetCacheEntryDownloadURL`: the matched key, or null on a miss (`ok: false`). */
async function lookUpV2({ fetchImpl, url, token, keys, signal }) {
    const res = await fetchImpl(`${url.replace(/\/*$/, '/')}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ key: keys[0], restore_keys: keys, version: GHA_CACHE_VERSION }),
        signal,
    });
    if (!res.ok)
        throw refusal(res, 'GetCacheEntryDownloadURL');
    const body = (await res.json());
    return body.ok === true ? String(body.matched_key ?? '') : null;
}
/** v1 `GET _apis/artifactcache/cache?keys=…&version=…`: the matched key, or null on a miss (204). */
async function lookUpV1({ fetchImpl, url, token, keys, signal }) {
    const query = new URLSearchParams({ keys: keys.join(','), version: GHA_CACHE_VERSION });
    const res = await fetchImpl(`${url.replace(/\/*$/, '')}/_apis/artifactcache/cache?${query}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;api-version=6.0-preview.1' },
        signal,
    });
    if (res.status === 204)
        return null;
    if (!res.ok)
        throw refusal(res, 'the v1 cache lookup');
    const text = await res.text();
    if (text.trim() === '')
        return null;
    const body = JSON.parse(text);
    return typeof body.cacheKey === 'string' && body.cacheKey !== '' ? body.cacheKey : null;
}

// EXTERNAL MODULE: ./src/stores/registry/tags.ts
var registry_tags = __nccwpck_require__(64535);
;// CONCATENATED MODULE: ./src/facts/probe.ts
/**
 * Asks about each key once per run: later calls ask only about keys not asked yet, and wait for
 * the answers still on their way. Resolves with the first failure's reason, if any.
 */
class OnePerKey {
    lookUp;
    found = new Map();
    asked = new Set();
    pending = [];
    reason;
    constructor(lookUp) {
        this.lookUp = lookUp;
    }
    async ask(keys) {
        const fresh = [...new Set(keys)].filter((k) => k !== undefined && k !== '' && !this.asked.has(k));
        for (const k of fresh)
            this.asked.add(k);
        if (fresh.length > 0) {
            this.pending.push(this.lookUp(fresh).then((answer) => {
                for (const [k, v] of answer.found)
                    this.found.set(k, v);
                this.reason ??= answer.reason;
            }));
        }
        await Promise.all(this.pending);
        return this.reason;
    }
}
/** A check that failed in a way it did not foresee: unknown, never a failed build. */
const unforeseen = (e) => ({
    exists: undefined,
    reason: `the check failed: ${e?.message || String(e)}`,
});
/** A lookup for stores asked one key at a time (s3, azblob): every key at once. */
function eachAtOnce(check) {
    return async (keys) => {
        const results = await Promise.all(keys.map((k) => check(k).catch(unforeseen)));
        const failed = results.find((c) => 'reason' in c);
        return { found: new Map(keys.map((k, i) => [k, results[i].exists])), reason: failed?.reason };
    };
}

;// CONCATENATED MODULE: ./src/facts/existing.ts







/**
 * Existence for a backend asked per entry, once the plan's reads are known: `probe` asks about
 * the entries (each once), then the note says what was asked and the check counts as failed when
 * any lookup could not tell.
 */
function probedCaches(o) {
    const found = {
        exists: o.exists,
        siblingLegs: [],
        note: o.note,
        probe: async (entries) => {
            const reason = await o.lookups.ask(entries.map(o.keyOf));
            found.note = o.noteAfter(reason) ?? found.note;
            if (reason)
                found.failed = failureKind(reason);
            if (reason && isRateLimitedReason(reason)) {
                found.warning = `cache lookups ${reason}; the caches they were for count as unknown`;
            }
        },
    };
    return found;
}
/** A check's failure that says the store does not answer (see {@link ExistingCaches.failed}). */
function failureKind(reason) {
    return /\btimed out\b|\bno answer within\b/.test(reason) || isRateLimitedReason(reason)
        ? 'no-answer'
        : true;
}
const existing_unknown = () => ({ exists: () => undefined, siblingLegs: [] });
/** The repository's tags, listed once; a registry that refuses the listing is asked `HEAD` per tag. */
const registryCaches = async (options, environment, _fileExists, exec) => {
    const image = options.image;
    if (!image)
        return existing_unknown();
    const dir = environment.docker.configDir;
    // The build waits for the plan: a registry that does not answer soon costs 5 s, not more.
    const listed = await (0,registry_tags/* listTags */.c)({ image, dockerConfigDir: dir, timeoutMs: 5000, exec });
    if (listed.tags !== null) {
        const legs = options.leg === '' ? [] : (0,names/* siblingLegsFromTags */.hc)(listed.tags, options.scope, options.leg);
        return {
            exists: registryExistence(listed.tags),
            siblingLegs: legs,
            legs: (0,names/* siblingLegsFromTags */.hc)(listed.tags, options.scope, ''),
            tags: listed.tags,
        };
    }
    const notListed = `cache tags not listed (${listed.reason})`;
    if (!listed.refused) {
        const note = `${notListed}: which caches exist is unknown`;
        return { exists: () => undefined, siblingLegs: [], note, failed: failureKind(listed.reason) };
    }
    const heads = new OnePerKey((tags) => (0,registry_tags/* manifestsExist */.Q)({ image, tags, dockerConfigDir: dir, exec }));
    return probedCaches({
        lookups: heads,
        exists: manifestExistence(heads.found),
        keyOf: registryTagOf,
        note: `${notListed}: each planned tag is asked for with HEAD`,
        noteAfter: (reason) => `${notListed}: each planned tag was asked for with HEAD${reason ? `; some could not be asked for (${reason})` : ''}`,
    });
};
/** Each planned cache name's index, looked up as BuildKit's gha importer looks it up. */
const ghaCaches = async (_options, environment) => {
    const { service, token } = environment.cache;
    if (!token || !service)
        return existing_unknown();
    const tokenScopes = cacheScopesFromToken(token)?.map((s) => s.scope) ?? null;
    const lookups = new OnePerKey((names) => lookUpGhaCaches({ service, token, names, tokenScopes }));
    return probedCaches({
        lookups,
        exists: ghaExistence(lookups.found),
        keyOf: ghaNameOf,
        noteAfter: (reason) => reason && `some gha caches could not be looked up (${reason}): they count as unknown`,
    });
};
/** The folders; folders kept in the GitHub cache are not on disk yet, so they stay unknown. */
const localCaches = async (options, _environment, fileExists) => options.persistedLocal ? existing_unknown() : { exists: localExistence(fileExists), siblingLegs: [] };
/** The request that BuildKit's importer makes first, one per source (stores/s3, stores/azblob). */
const objectStoreCaches = (load) => async (_options, environment) => {
    // Loaded inside the check, so that a module that fails to load is a check that failed.
    const lookups = new OnePerKey(eachAtOnce(async (entry) => (await load())(entry, environment.stores)));
    return probedCaches({
        lookups,
        exists: (entry) => lookups.found.get(entry),
        keyOf: (entry) => entry,
        noteAfter: (reason) => reason && `cache existence not checked (${reason}): those sources count as unknown`,
    });
};
/** The image's own tags hold an inline cache: nothing is asked before the build. */
const inlineCaches = async () => existing_unknown();
/**
 * Per store, how it tells which caches exist (the store's other parts: stores/descriptors.ts).
 * The cloud stores' modules, and their SDKs, are loaded on their own runs only.
 */
const EXISTENCE = {
    registry: registryCaches,
    gha: ghaCaches,
    local: localCaches,
    s3: objectStoreCaches(async () => {
        const { s3ManifestExists } = await __nccwpck_require__.e(/* import() */ 707).then(__nccwpck_require__.bind(__nccwpck_require__, 15707));
        return (entry, credentials) => s3ManifestExists(entry, credentials.aws);
    }),
    azblob: objectStoreCaches(async () => {
        const { azblobManifestExists } = await Promise.all(/* import() */[__nccwpck_require__.e(400), __nccwpck_require__.e(883)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1883));
        return (entry, credentials) => azblobManifestExists(entry, credentials.azureStorageKey);
    }),
    inline: inlineCaches,
};
/**
 * Finds out, by the backend's own means and with the requests its importer makes, which caches
 * exist. A check that fails costs nothing but that knowledge (see plan/narrow.ts for what is read
 * then).
 */
async function findExistingCaches(options, environment, fileExists, exec) {
    if (options.backend === 'none')
        return existing_unknown();
    return EXISTENCE[options.backend](options, environment, fileExists, exec);
}

;// CONCATENATED MODULE: ./src/runner/environment.ts



/** Pure: the environment's variables → the typed values the action uses. */
function environmentFrom(env, cwd = process.cwd()) {
    return {
        github: githubVariables(env, cwd),
        cache: cacheAccess(env),
        runner: {
            kind: env.RUNNER_ENVIRONMENT ?? '',
            temp: env.RUNNER_TEMP || external_node_os_.tmpdir(),
            toolCache: env.RUNNER_TOOL_CACHE || external_node_path_.join(external_node_os_.tmpdir(), 'bkca-tool-cache'),
        },
        docker: {
            host: env.DOCKER_HOST ?? '',
            context: env.DOCKER_CONTEXT ?? '',
            configDir: env.DOCKER_CONFIG || external_node_path_.join(external_node_os_.homedir(), '.docker'),
        },
        buildx: {
            sendGitQueryAsInput: (0,lib_text/* parseBool */.q6)(env.BUILDX_SEND_GIT_QUERY_AS_INPUT) === true,
            gitContextPullRequestHead: (0,lib_text/* parseBool */.q6)(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF) === true,
            noDefaultAttestations: (0,lib_text/* parseBool */.q6)(env.BUILDX_NO_DEFAULT_ATTESTATIONS) === true,
            progress: env.BUILDKIT_PROGRESS ?? '',
            systemPluginDirs: env.BKCA_CLI_PLUGINS_SYSTEM_DIRS,
        },
        stores: storeCredentials(env),
        processEnv: env,
    };
}
/** The runner's own environment. */
function readEnvironment() {
    return environmentFrom(process.env);
}
function githubVariables(env, cwd) {
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        eventPath: env.GITHUB_EVENT_PATH ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        repository: env.GITHUB_REPOSITORY,
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        runId: env.GITHUB_RUN_ID ?? '',
        runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
        job: env.GITHUB_JOB ?? '',
        workspace: env.GITHUB_WORKSPACE ?? cwd,
    };
}
/** The one answer to "can this job reach the GitHub Actions cache, and where?". */
function cacheAccess(env) {
    const token = env.ACTIONS_RUNTIME_TOKEN ?? '';
    const v2 = (0,lib_text/* parseBool */.q6)(env.ACTIONS_CACHE_SERVICE_V2) === true;
    const service = v2 && env.ACTIONS_RESULTS_URL
        ? { protocol: 'v2', url: env.ACTIONS_RESULTS_URL }
        : !v2 && env.ACTIONS_CACHE_URL
            ? { protocol: 'v1', url: env.ACTIONS_CACHE_URL }
            : null;
    const url = env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL || '';
    return {
        token,
        service,
        url,
        unavailable: cacheUnavailable(token, url),
        raw: {
            token: env.ACTIONS_RUNTIME_TOKEN,
            resultsUrl: env.ACTIONS_RESULTS_URL,
            cacheUrl: env.ACTIONS_CACHE_URL,
            serviceV2: env.ACTIONS_CACHE_SERVICE_V2,
        },
    };
}
function cacheUnavailable(token, url) {
    if (token === '') {
        return 'ACTIONS_RUNTIME_TOKEN is not set: the GitHub Actions cache is only reachable from a JavaScript action on a GitHub runner';
    }
    if (url === '') {
        return 'neither ACTIONS_RESULTS_URL nor ACTIONS_CACHE_URL is set: no GitHub Actions cache service to talk to';
    }
    return '';
}
function storeCredentials(env) {
    return {
        aws: {
            accessKeyId: env.AWS_ACCESS_KEY_ID || env.AWS_ACCESS_KEY || '',
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY || env.AWS_SECRET_KEY || '',
            sessionToken: env.AWS_SESSION_TOKEN ?? '',
            bucket: env.AWS_BUCKET ?? '',
            region: env.AWS_REGION ?? '',
        },
        azureStorageKey: env.AZURE_STORAGE_KEY ?? '',
    };
}

;// CONCATENATED MODULE: ./src/facts/facts.ts











/**
 * Whether the event rewrote the ref's history: the push payload's `forced`, else git asked whether
 * the head the event replaced is still in `head`'s history. Nothing replaced (a new branch), nothing to tell.
 */
async function historyRewritten(exec, ctx, head, githubToken, env) {
    if (ctx.forcedPush)
        return { rewritten: true };
    if (!ctx.replacedHead)
        return {};
    const answer = await isAncestor(exec, { cwd: ctx.workspace, env, before: ctx.replacedHead, head });
    if (answer.ancestor !== null)
        return { rewritten: !answer.ancestor };
    // No checkout (build-push-action's Git context needs none): GitHub's compare API can tell.
    const api = apiOf(ctx, githubToken);
    if (!api)
        return { rewrittenWhy: answer.reason };
    const remote = await ancestryFromApi({
        ...api,
        base: ctx.replacedHead,
        head: head === 'HEAD' ? ctx.sha : head,
    });
    return remote.ancestor === null
        ? { rewrittenWhy: `git: ${answer.reason}; GitHub API: ${remote.reason}` }
        : { rewritten: !remote.ancestor };
}
/** The REST API for the facts git cannot give (no checkout), when the job has a token for it. */
function apiOf(ctx, githubToken) {
    return githubToken !== '' && ctx.repository !== '' && ctx.sha !== ''
        ? { apiUrl: ctx.apiUrl, repository: ctx.repository, token: githubToken }
        : null;
}
/** The merge commit's and the head's trees and parents, from the API: what compareCommits reads from git. */
async function headCommitFromApi(ctx, githubToken, headSha) {
    const api = apiOf(ctx, githubToken);
    if (!api)
        return { why: 'no github-token for the API fallback' };
    const [merge, head] = await Promise.all([
        commitFromApi({ ...api, sha: ctx.sha }),
        commitFromApi({ ...api, sha: headSha }),
    ]);
    if ('reason' in merge)
        return { why: `GitHub API: ${merge.reason}` };
    if ('reason' in head)
        return { why: `GitHub API: ${head.reason}` };
    const base = merge.parents[0];
    return {
        mergeIsHead: merge.tree === head.tree,
        ...(base !== undefined ? { baseCommit: base } : {}),
        ...(base !== undefined && head.parents[1] === base ? { justMerged: base } : {}),
    };
}
/** The commit the workspace holds; undefined when git cannot tell (no checkout, not a repository). */
async function workspaceHead(exec, at) {
    try {
        return await resolveCommit(makeGit(exec, at), 'HEAD');
    }
    catch {
        return undefined;
    }
}
async function gatherFacts(exec, ctx, needed, githubToken, 
/** HEAD's commit, when the caller already asked git for it. */
head, 
/** Whether a push rewrote history, when the caller already asked. */
pushRewrite, 
/** The environment git runs in (the runner's). */
env = readEnvironment().processEnv) {
    const facts = { mergeBase: null, parent: null };
    const at = { cwd: ctx.workspace, env };
    if (needed.workspaceHead) {
        const head = await workspaceHead(exec, at);
        if (head)
            facts.workspaceHead = head;
    }
    if (needed.rewrite && !ctx.pullRequest)
        Object.assign(facts, await (pushRewrite ?? historyRewritten(exec, ctx, 'HEAD', githubToken, env)));
    if (needed.parent && ctx.pushedBefore) {
        // The push names the head it replaced: no git lookup (or deepening) needed.
        facts.parent = ctx.pushedBefore;
    }
    else if (needed.parent) {
        const parent = await parentCommit(exec, { ...at, rev: 'HEAD', remote: 'origin' });
        facts.parent = parent.sha;
        if (parent.sha === null) {
            const api = apiOf(ctx, githubToken);
            const remote = api ? await commitFromApi({ ...api, sha: ctx.sha }) : null;
            if (remote && !('reason' in remote) && remote.parents[0])
                facts.parent = remote.parents[0];
            else
                facts.parentWhy = `git: ${parent.reason}; ${remote ? `GitHub API: ${'reason' in remote ? remote.reason : 'the commit has no parent'}` : 'no github-token for the API fallback'}`;
        }
    }
    if (needed.mergeBase && ctx.defaultBranch) {
        const local = await findMergeBase(exec, {
            ...at,
            head: 'HEAD',
            base: `origin/${ctx.defaultBranch}`,
            remote: 'origin',
        });
        if (local.sha !== null) {
            facts.mergeBase = local.sha;
            // A push that merged the default branch in names the merge-base as HEAD's second parent.
            if ((await (head ?? commitInfo(exec, at)))?.parents[1] === local.sha)
                facts.justMerged = local.sha;
        }
        else if (githubToken !== '' && ctx.repository !== '' && ctx.sha !== '') {
            const remote = await mergeBaseFromApi({
                apiUrl: ctx.apiUrl,
                repository: ctx.repository,
                base: ctx.defaultBranch,
                head: ctx.sha,
                token: githubToken,
            });
            facts.mergeBase = remote.sha;
            if (remote.sha === null)
                facts.mergeBaseWhy = `git: ${local.reason}; GitHub API: ${remote.reason}`;
        }
        else {
            facts.mergeBaseWhy = `git: ${local.reason}; no github-token for the API fallback`;
        }
    }
    const headSha = ctx.pullRequest?.headSha ?? '';
    if (needed.headCommit && headSha !== '') {
        const compared = await compareCommits(exec, { ...at, other: headSha, remote: 'origin' });
        const remote = typeof compared === 'string' ? await headCommitFromApi(ctx, githubToken, headSha) : null;
        if (remote && !('why' in remote)) {
            Object.assign(facts, remote);
        }
        else if (typeof compared === 'string') {
            facts.headWhy = `git: ${compared}; ${remote && 'why' in remote ? remote.why : ''}`;
        }
        else {
            // GitHub's merge commit of a pull request: first parent the base, second the head.
            const base = compared.rev.parents[0];
            facts.mergeIsHead = compared.rev.tree === compared.other.tree;
            if (base !== undefined)
                facts.baseCommit = base;
            if (base !== undefined && compared.other.parents[1] === base)
                facts.justMerged = base;
        }
    }
    if (needed.rewrite && ctx.pullRequest && headSha !== '' && facts.headWhy === undefined) {
        Object.assign(facts, await historyRewritten(exec, ctx, headSha, githubToken, env));
    }
    return facts;
}
/**
 * The facts the trigger's rule declares (plan/rules.ts) and which caches exist, side by side; the
 * caller plans once with these facts, then asks `existing.probe` about the plan's reads. One
 * exception to running them at once: a branch push whose own cache exists reads that alone
 * (narrow.ts), so its merge-base, which a shallow checkout only yields after fetches, is not looked
 * up, unless the push is a merge (it may have merged its base, which the rules read instead) or
 * rewrote history (it reads its new merge-base instead). That push checks its own cache first.
 */
async function planInputs(exec, ctx, options, environment, githubToken, fileExists, 
/** Every leg planned from these facts (bake targets); the lookup is skipped only when each has its own cache. */
legs = [options.leg]) {
    const trigger = (0,triggers/* classify */.L)(ctx);
    const needed = (0,rules/* factsNeeded */.jJ)(trigger);
    const listing = findExistingCaches(options, environment, fileExists, exec);
    const moot = needed.mergeBase ? (0,rules/* mergeBaseMootIf */.og)(trigger) : null;
    // The declared own read, as each leg's plan will spell it: checked while git works.
    const owns = moot ? legs.map((leg) => (0,planner/* ownReadEntry */.ZM)(ctx, { ...options, leg }, moot)) : [];
    const early = owns.some((o) => o !== '') ? listing.then((e) => e.probe?.(owns)) : undefined;
    // HEAD's parents decide both whether to skip the lookup and whether the push merged its base.
    const env = environment.processEnv;
    const head = moot ? commitInfo(exec, { cwd: ctx.workspace, env }) : undefined;
    // A push that rewrote history reads its new merge-base instead of its own cache: that needs the lookup.
    const rewrite = head && needed.rewrite ? historyRewritten(exec, ctx, 'HEAD', githubToken, env) : undefined;
    let skipped = '';
    if (moot && head && (await rewrite)?.rewritten !== true) {
        const existing = await listing;
        await early;
        if (owns.every((o) => o !== '' && existing.exists(o) === true)) {
            const info = await head;
            if (info && info.parents.length === 1) {
                needed.mergeBase = false;
                skipped = `not looked up: ${(0,names/* refLabel */.E3)(moot.ref)} exists and is read alone`;
            }
        }
    }
    const [facts, existing] = await Promise.all([
        gatherFacts(exec, ctx, needed, githubToken, head, rewrite, env),
        listing,
        early,
    ]);
    if (skipped)
        facts.mergeBaseSkipped = skipped;
    return { facts, existing };
}
/** Asks the store about every source the plans read (those it knows from a listing need no request). */
async function probePlanned(existing, plans) {
    await existing.probe?.(plans.flatMap((p) => p.reads.map((read) => read.entry)));
}

;// CONCATENATED MODULE: ./src/bake/targets.ts



/**
 * Each bake target is a leg of the scope, named after it: `app`, or with `cache-leg` (a matrix of
 * bake runs) `app-<cache-leg>`, else with the platforms as a build's leg would be (`app-linux-arm64`).
 */
function bakeLegs(targets, cacheLeg, platforms) {
    return targets.map((target) => ({
        target,
        leg: cacheLeg !== '' ? `${target}-${cacheLeg}` : (0,names/* legOf */.Yk)(target, platforms),
    }));
}
/**
 * The plan of every target, from one set of facts and one listing: the same rules, narrowing and
 * write policy as a build of that leg. Its siblings are the legs named in `cache-read-legs` and
 * those the listing found (registry), as for a matrix leg; the other targets are not read unless
 * found or named, so a target with a cache of its own reads it alone.
 */
function planBakeTargets(ctx, facts, base, legs, existing) {
    return legs.map(({ target, leg }) => {
        const options = {
            ...base,
            leg,
            siblingLegs: [...new Set([...base.siblingLegs, ...(existing.legs ?? [])])],
        };
        const p = narrowSources((0,planner/* plan */.et)(ctx, facts, options), existing.exists, existing.failed);
        if (existing.note)
            p.notes.push(existing.note);
        return { target, plan: p };
    });
}
function bakeDefinition(plans) {
    const target = {};
    for (const { target: name, plan: p } of plans) {
        target[name] = { 'cache-from': p.cacheFrom, 'cache-to': p.cacheTo };
    }
    return { target };
}

;// CONCATENATED MODULE: ./src/app/plan-phase.ts







/**
 * The plan: pure rules, fed with the commits git (or the API) found, the sibling legs listed and
 * which caches exist. Final once returned: later phases read it and never change it.
 */
async function planCache(exec, ctx, inputs, environment) {
    const asked = { ...(0,planner/* planOptionsFrom */.kR)(inputs), token: cacheTokenIn(environment.cache) };
    const found = await planInputs(exec, ctx, asked, environment, inputs.githubToken, external_node_fs_.existsSync);
    const { existing } = found;
    // The run's Git context is the event's commit whatever the workspace holds: its commit cache is
    // that commit's, so the workspace's HEAD has no say over the write.
    const facts = isDefaultContext(inputs.build.context)
        ? { ...found.facts, workspaceHead: undefined }
        : found.facts;
    const options = { ...asked, siblingLegs: [...new Set([...asked.siblingLegs, ...existing.siblingLegs])] };
    // The planner runs once: its reads are what the store is asked about, then narrowed to what exists.
    const planned = (0,planner/* plan */.et)(ctx, facts, options);
    await probePlanned(existing, [planned]);
    const narrowed = narrowSources(planned, existing.exists, existing.failed);
    const p = {
        ...narrowed,
        ...(existing.note ? { notes: [...narrowed.notes, existing.note] } : {}),
        ...(existing.tags ? { listedTags: existing.tags } : {}),
    };
    for (const line of (0,planner/* planLines */.HN)(p))
        commands/* info */.pq(line);
    if (existing.warning)
        commands/* warning */.$e(existing.warning);
    return p;
}
/** The job's cache token as the planner reads it: undefined without one, null when it cannot be decoded. */
function cacheTokenIn(cache) {
    return cache.token ? cacheScopesFromToken(cache.token) : undefined;
}
/** The ref scopes the runtime token may read and write, so users see why a cache is (not) readable. */
function readTokenScopes(inputs, cache) {
    if (inputs.cache.backend !== 'gha' || !cache.token)
        return null;
    const scopes = cacheScopesFromToken(cache.token);
    if (scopes) {
        const list = scopes.map((s) => `${s.scope} (${[s.read && 'read', s.write && 'write'].filter(Boolean).join('+')})`);
        commands/* info */.pq(`GitHub cache scopes: ${list.join(', ')}`);
    }
    return scopes;
}

;// CONCATENATED MODULE: ./src/app/bake.ts








/**
 * `bake-targets` on a dry run: plans every target's cache from one git lookup and one listing,
 * and writes the bake file for `docker buildx bake -f docker-bake.hcl -f <bake-file>`.
 */
async function writeBakeFile(exec, ctx, inputs, environment) {
    const base = { ...(0,planner/* planOptionsFrom */.kR)(inputs), token: cacheTokenIn(environment.cache) };
    const legs = bakeLegs(inputs.bakeTargets, inputs.cache.leg, inputs.build.platforms);
    const plans = await commands/* group */.Os('Cache plan (bake)', async () => {
        const { facts, existing } = await planInputs(exec, ctx, { ...base, leg: legs[0].leg }, environment, inputs.githubToken, external_node_fs_.existsSync, legs.map((l) => l.leg));
        // The store is asked about each target's reads before the plans are narrowed to what exists.
        await probePlanned(existing, legs.map((l) => (0,planner/* plan */.et)(ctx, facts, { ...base, leg: l.leg })));
        const planned = planBakeTargets(ctx, facts, base, legs, existing);
        for (const { target, plan } of planned) {
            commands/* info */.pq(`target ${target} (leg ${plan.namespace}):`);
            for (const line of (0,planner/* planLines */.HN)(plan))
                commands/* info */.pq(`  ${line}`);
        }
        return planned;
    });
    const dir = external_node_fs_.mkdtempSync(external_node_path_.join(environment.runner.temp, 'bkca-bake-'));
    const file = external_node_path_.join(dir, 'cache.json');
    external_node_fs_.writeFileSync(file, `${JSON.stringify(bakeDefinition(plans), null, 2)}\n`);
    commands/* info */.pq(`bake file: ${file}`);
    setOutputs({
        'bake-file': file,
        'cache-from': [...new Set(plans.flatMap((p) => p.plan.cacheFrom))].join('\n'),
        'cache-to': [...new Set(plans.flatMap((p) => p.plan.cacheTo))].join('\n'),
        'cache-export': 'skipped',
    });
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** Markdown table cells: no pipes or newlines from step text may break the table. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}
function code(text) {
    return `\`${cell(text)}\``;
}

;// CONCATENATED MODULE: ./src/report/cleanup-summary.ts



/** The job summary's clean-up section: what was deleted and kept and why, and the quota. */
function renderCleanup(o) {
    const title = o.kind === 'retention' ? 'Cache retention' : 'BuildKit cache: clean-up';
    const out = [`${o.kind === 'retention' ? '###' : '##'} ${title}`, '', cell(o.why), ''];
    const verb = o.dryRun ? 'would delete (dry run)' : 'deleted';
    if (o.deleted.length === 0)
        out.push(`Nothing ${o.dryRun ? 'would be ' : ''}deleted.`, '');
    for (const d of o.deleted)
        out.push(`- **${verb}** ${code(d.name)}: ${cell(d.why)}`);
    for (const k of o.kept)
        out.push(`- **kept** ${code(k.name)}: ${cell(k.why)}`);
    if (o.deleted.length + o.kept.length > 0)
        out.push('');
    for (const n of [...o.notes, ...o.warnings])
        out.push(`- ${cell(n)}`);
    if (o.notes.length + o.warnings.length > 0)
        out.push('');
    const q = o.quota;
    if (q) {
        const pct = Math.round((q.repositoryBytes / q.limitBytes) * 100);
        out.push(`GitHub cache usage: **${(0,format/* formatBytes */.z)(q.repositoryBytes)}** of ${(0,cleanup_outcome/* limitWords */.vd)(q)} (${pct}%); ` +
            `this scope's index entries ${(0,format/* formatBytes */.z)(q.scopeBytes)} (layer blobs are shared between scopes).`, '');
        if (q.largest.length > 0) {
            out.push('| largest entries | ref | size |', '|---|---|---:|');
            for (const e of q.largest)
                out.push(`| ${code(e.key)} | ${code(e.ref)} | ${(0,format/* formatBytes */.z)(e.bytes)} |`);
            out.push('');
        }
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/app/nothing-built.ts




/**
 * How a run that builds nothing reports, in one place for every such run: an empty plan with its
 * reason, `cache-report` with what the run did, the cache outputs empty, and its summary.
 */
async function finishNothingBuilt(ctx, inputs, run) {
    const plan = (0,planner/* nothingBuiltPlan */.Ri)(ctx, (0,planner/* planOptionsFrom */.kR)(inputs), run.why);
    const report = buildReport({
        plan,
        backend: inputs.cache.backend,
        log: null,
        build: 'not-run',
        tokenScopes: null,
        exportResult: exportOutcome(plan, null, false, run.exportWhy ?? run.why),
        cleanup: run.cleanup,
    });
    setOutputs({
        'cache-from': '',
        'cache-to': '',
        'cache-export': 'skipped',
        ...run.outputs,
        'cache-report': JSON.stringify(run.merge ? { ...report, merge: run.merge } : report),
    });
    try {
        await commands/* appendSummary */.fe(run.summary);
    }
    catch (e) {
        commands/* warning */.$e(`could not write the job summary: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./src/app/cleanup-event.ts




/**
 * A closed pull request's or a deleted branch's run: deletes its caches, builds nothing, and
 * reports as a run that built nothing (`cache-report` with its `cleanup` field, the summary).
 */
async function runCleanupEvent(ctx, inputs, environment, trigger) {
    if (trigger.kind === 'nothing')
        return commands/* info */.pq(`cache clean-up: ${trigger.why}`);
    const outcome = await commands/* group */.Os('Cache clean-up', () => cleanUpGoneRef(ctx, inputs, environment, trigger, trigger.why));
    await finishNothingBuilt(ctx, inputs, {
        why: `clean-up run: ${trigger.why}; nothing is built`,
        exportWhy: 'clean-up run: nothing is built',
        cleanup: outcome,
        outputs: (0,cleanup_outcome/* cleanupOutputs */.rg)(outcome),
        summary: renderCleanup(outcome),
    });
}

;// CONCATENATED MODULE: ./src/mounts/mounts-report.ts
/** The `cache-mounts` and `cache-mounts-saved` outputs (empty counts when none were looked for). */
function mountOutputs(r) {
    const counts = r?.counts ?? { restored: 0, missed: 0, skipped: 0, failed: 0 };
    return { 'cache-mounts': JSON.stringify(counts), 'cache-mounts-saved': (r?.saved ?? []).join(',') };
}

;// CONCATENATED MODULE: ./src/report/hit-sources.ts

/**
 * Where the cached steps came from. BuildKit looks in the builder's own cache before the imports
 * and marks a step `cached` either way, so the split is told only where one side is empty: no
 * source imported (all the builder's), or a builder that held nothing of this build (all the
 * imports'). Pure.
 */
function hitSources(nature, imports, cachedSteps) {
    if (cachedSteps === 0)
        return null;
    const imported = imports.filter((i) => i.result === 'imported');
    const names = imported.map(importName).join(', ') +
        (imported.length > 1 ? '; BuildKit does not tell which of them gave each step' : '');
    const steps = `${cachedSteps} cached ${cachedSteps === 1 ? 'step' : 'steps'}`;
    if (imported.length === 0) {
        return {
            fromBuilder: cachedSteps,
            fromImports: 0,
            text: `all ${steps} came from the builder's own cache: no source was imported`,
        };
    }
    const heldNothing = nature.kind === 'ephemeral'
        ? 'the builder is new to this job'
        : nature.warmth?.warm === false
            ? 'the builder had not built this before'
            : '';
    if (heldNothing) {
        return {
            fromBuilder: 0,
            fromImports: cachedSteps,
            text: `all ${steps} came from the imports (${names}): ${heldNothing}`,
        };
    }
    return {
        fromBuilder: null,
        fromImports: null,
        text: `the builder had built this before and BuildKit looks in its own cache first: the ${steps} came from it, ` +
            `and from the imports (${names}) for what it lacked; BuildKit does not count them apart`,
    };
}
/** The report's builder part: who built, what kind, and where the hits came from. */
function builderReport(b, imports, cachedSteps) {
    return {
        name: b.name,
        driver: b.driver,
        kind: b.nature.kind,
        why: b.nature.why,
        warmth: b.nature.warmth,
        hits: hitSources(b.nature, imports, cachedSteps),
    };
}

;// CONCATENATED MODULE: ./src/report/warnings.ts


/**
 * The job's cache warnings: the failed export, then each failed import. A store this builder's
 * BuildKit does not have (s3 or azblob on the `docker` driver) is one cause, so it is one warning:
 * the export's, or the first import's when nothing was exported. Pure.
 */
function cacheWarnings(exported, imports) {
    const warnings = [];
    const told = new Set();
    if (exported.status === 'failed') {
        warnings.push(`cache export failed: ${exported.reason}`);
        const store = missingStore(exported.reason);
        if (store)
            told.add(store);
    }
    for (const i of imports.filter((x) => x.result === 'failed')) {
        const store = missingStore(i.error ?? '');
        if (store && told.has(store))
            continue;
        if (store)
            told.add(store);
        warnings.push(`cache import from ${importName(i)} failed: ${i.error}`);
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/report/merge-summary.ts

const percent = (ratio) => `${Math.round(ratio * 100)}%`;
/**
 * The job summary of a merge (`merge: index`): the index, and each platform's digest and cache
 * hits; on a leg (`merge: leg`), the digest it recorded.
 */
function renderMergeSummary(m) {
    const leg = m.role === 'leg';
    const out = [leg ? '### Multi-platform image: this leg' : '## Multi-platform image: merge', ''];
    if (m.skipped)
        return [...out, cell(`Nothing ${leg ? 'recorded' : 'merged'}: ${m.skipped}.`), ''].join('\n');
    if (m.digest)
        out.push(`Index ${code(m.digest)} under ${m.tags.map(code).join(', ')}.`, '');
    if (m.missing.length > 0)
        out.push(`**No digest recorded** for ${m.missing.map(code).join(', ')}.`, '');
    out.push('| platform | digest | leg cache hits | attempt |', '|---|---|---:|---:|');
    for (const l of m.legs) {
        const hits = `${percent(l.steps.ratio)} (${l.steps.cached}/${l.steps.total} steps)`;
        out.push(`| ${code(l.platform)} | ${code(l.digest)} | ${hits} | ${cell(l.attempt)} |`);
    }
    out.push('');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts




/** Prose outside tables: the report's details quote commands in backticks already. */
function oneLine(text) {
    return text.replace(/\s*\r?\n\s*/g, ' ');
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** Seconds as the report rounds them (0.1s): what rounds to 0 still took some time. */
function duration(seconds) {
    return seconds > 0 ? `${seconds}s` : '<0.1s';
}
const STATUS_ICON = {
    cached: '✅ cached',
    executed: '🔨 ran',
    failed: '❌ failed',
    canceled: '⏹️ canceled',
    'not-run': '⏭️ not needed',
};
const REASON_TITLE = {
    'no-cache': 'no-cache',
    'no-cache-read': 'nothing read',
    'first-build': 'no cache yet',
    'import-failed': 'import failed',
    'base-image-changed': 'base image changed',
    'build-args-changed': 'build args changed',
    'context-changed': 'context files changed',
    'earlier-stage-changed': 'earlier stage changed',
    'platform-not-cached': 'other platform only',
    'step-changed': 'step not in cache',
};
/** More steps than this go into a collapsed block. */
const STEPS_SHOWN = 40;
const RESTORE_LABEL = {
    exact: '✅ exact (own ref)',
    fallback: '↪️ fallback',
    miss: '➖ miss',
    failed: '⚠️ failed',
};
/** What the build record says of the prediction: agreed, or the ids BuildKit used that it missed. */
function recordCheck(m) {
    if (m.observed === null)
        return '';
    const { unpredicted } = m.mismatches;
    if (unpredicted.length === 0) {
        return `- The build record agrees: BuildKit used ${m.observed.length} cache mount(s), all predicted.`;
    }
    return `- ⚠️ BuildKit used ${unpredicted.map(code).join(', ')}, which the action did not find in the Dockerfile: saved by that id when this run saves mounts.`;
}
/** Cache mounts: what each restored, injected, extracted and saved, and what was left out. */
function renderMounts(m) {
    const out = ['### Cache mounts', ''];
    if (m.mounts.length > 0) {
        out.push('| id | target | restored | size | restore | inject | extract | save | saved |', '|---|---|---|---:|---:|---:|---:|---:|---|');
        for (const x of m.mounts) {
            const restored = `${RESTORE_LABEL[x.restore] ?? x.restore}${x.restoredKey ? ` ${code(x.restoredKey)}` : ''}`;
            const saved = x.saved ? `✅ ${code(x.savedKey)}` : `➖ ${cell(x.notSaved)}`;
            const t = x.seconds;
            out.push(`| ${code(x.id)} | ${code(x.target)} | ${restored} | ${x.bytes > 0 ? (0,format/* formatBytes */.z)(x.bytes) : ''} | ` +
                `${t.restore}s | ${t.inject}s | ${t.extract}s | ${t.save}s | ${saved}${x.error ? ` ⚠️ ${cell(x.error)}` : ''} |`);
        }
        out.push('');
    }
    for (const s of m.skipped)
        out.push(`- ${code(s.id)} (${code(s.target)}) is not persisted: ${cell(s.why)}`);
    for (const n of m.notes)
        out.push(`- ${cell(n)}`);
    const record = recordCheck(m);
    if (record)
        out.push(record);
    if (m.skipped.length + m.notes.length > 0 || record)
        out.push('');
    out.push("A repository's GitHub cache holds the default 10 GB in all, unless its admins raised the limit; a mount over cache-mounts-max-size is not saved.", '');
    return out;
}
/** `cache: local` through the GitHub Actions cache: each folder restored, pruned and saved. */
function renderLocalCache(l) {
    const out = ['### Local cache folders (through the GitHub Actions cache)', ''];
    out.push('| ref | folder | restored | size | pruned | restore | save | saved |', '|---|---|---|---:|---:|---:|---:|---|');
    for (const f of l.folders) {
        const restored = f.direction === 'write'
            ? ''
            : f.restore === 'hit'
                ? `✅ ${code(f.restoredKey)}`
                : f.restore === 'miss'
                    ? '➖ miss'
                    : `⚠️ ${cell(f.error)}`;
        const saved = f.direction === 'read'
            ? ''
            : f.saved
                ? `✅ ${code(f.savedKey)}`
                : `➖ ${cell(f.notSaved)}${f.error ? ` ⚠️ ${cell(f.error)}` : ''}`;
        const pruned = f.prunedBlobs > 0 ? `${f.prunedBlobs} blobs, ${(0,format/* formatBytes */.z)(f.prunedBytes)}` : '';
        out.push(`| ${code(f.ref)} | ${code(f.name)} | ${restored} | ${f.bytes > 0 ? (0,format/* formatBytes */.z)(f.bytes) : ''} | ${pruned} | ${f.seconds.restore}s | ${f.seconds.save}s | ${saved} |`);
    }
    out.push('');
    return out;
}
/** Which source gave the cached steps: one imported source is it; of several, BuildKit does not say. */
function cachedFromLine(imported) {
    const names = imported.map((i) => {
        const l = importLabel(i);
        return l.detail === 'not mapped' ? `${code(l.name)} (not mapped)` : code(l.name);
    });
    if (names.length === 0)
        return 'No cache source was imported: the cached steps are what the builder itself kept.';
    if (names.length === 1)
        return `The cached steps came from ${names[0]}, the one source imported.`;
    return `Imported: ${names.join(', ')}. BuildKit does not tell which of them each cached step came from.`;
}
/** The builder, its kind and why, and what its history said before the build. */
function renderBuilder(b) {
    const kind = b.kind === 'persistent' ? '**persistent** (it outlives the job)' : '**ephemeral** (it goes with the job)';
    const line = `Builder ${code(b.name)}${b.driver ? ` (driver ${b.driver})` : ''}: ${kind}: ${cell(b.why)}.`;
    return b.warmth ? [line, '', `${b.warmth.warm ? 'Warm' : 'Cold'}: ${cell(b.warmth.why)}.`] : [line];
}
/** The title: the steps cached, or a dry run's plan only. */
function heading(r) {
    const s = r.steps;
    if (r.build === 'not-run')
        return ['## BuildKit cache: plan only (dry run)', ''];
    return [`## BuildKit cache: ${s.cached} of ${s.total} steps cached (${Math.round(s.ratio * 100)}%)`, ''];
}
/** One line of facts: the build's outcome, backend, run kind, namespace, steps run, the export. */
function factsLine(r) {
    const s = r.steps;
    const facts = [
        `backend **${r.backend}**`,
        `run kind **${r.trigger}**`,
        `cache namespace ${code(r.namespace)}`,
    ];
    if (r.build !== 'not-run') {
        facts.unshift(r.build === 'succeeded' ? '**Build succeeded**' : '**Build failed**');
        facts.push(`${s.executed} ${s.executed === 1 ? 'step' : 'steps'} ran for ${s.executedSeconds}s`);
        if (s.notRun > 0)
            facts.push(`${s.notRun} not reached`);
    }
    const exportSize = r.export.sizes.find((x) => x.bytes !== null)?.bytes;
    facts.push(`cache export **${r.export.status}**` +
        (r.export.seconds > 0 ? ` in ${r.export.seconds}s` : '') +
        (exportSize != null ? ` (${(0,format/* formatBytes */.z)(exportSize)})` : ''));
    return [`${facts.join(' · ')}`, ''];
}
const builderSection = (r) => (r.builder ? [...renderBuilder(r.builder), ''] : []);
/** The failed step, where it is, and BuildKit's message. */
function errorSection(r) {
    if (!r.error)
        return [];
    const where = r.error.file && r.error.line !== null ? ` (${cell(r.error.file)} line ${r.error.line})` : '';
    return [
        `> ❌ **The build failed**${r.error.step ? ` at ${code(clip(r.error.step, 160))}` : ''}${where}:`,
        `> ${cell(clip(r.error.message, 400))}`,
        '',
    ];
}
function reasonsSection(r) {
    if (r.likelyReasons.length === 0)
        return [];
    return [
        '### Likely reasons for cache misses',
        '',
        ...r.likelyReasons.map((reason) => {
            const scope = reason.stage ? ` in stage ${code(reason.stage)}` : '';
            return `- **${REASON_TITLE[reason.kind] ?? reason.kind}**${scope}: ${oneLine(reason.detail)}`;
        }),
        '',
    ];
}
/** Every step with its result; a long list folds into a collapsed block. */
function stepsSection(r) {
    const s = r.steps;
    if (s.list.length === 0)
        return [];
    const rows = ['| # | stage | step | result | time |', '|---:|---|---|---|---:|'];
    // The first step that ran in each stage is where that stage's cache broke.
    const firsts = new Set(s.firstExecuted.map((f) => `${f.stage}\n${f.command}`));
    s.list.forEach((step, n) => {
        const stage = [step.platform, step.stage].filter(Boolean).join(' ') || '—';
        const first = firsts.has(`${stage === '—' ? '(single stage)' : stage}\n${step.step}`) && s.cached > 0;
        const label = step.status === 'not-run' && r.build === 'failed'
            ? '⏭️ not reached'
            : (STATUS_ICON[step.status] ?? step.status);
        const result = `${label}${first ? ' · first miss' : ''}`;
        const time = step.status === 'cached' || step.status === 'not-run' ? '' : duration(step.seconds);
        rows.push(`| ${n + 1} | ${cell(stage)} | ${code(clip(step.step, 120))} | ${result} | ${time} |`);
    });
    const shown = s.list.length > STEPS_SHOWN
        ? [`<details><summary>${s.list.length} steps, in build order</summary>`, '', ...rows, '', '</details>']
        : rows;
    return ['### Steps', '', ...shown, ''];
}
function importsSection(r) {
    if (r.imports.length === 0)
        return [];
    const rows = r.imports.map((i) => {
        const result = i.result === 'imported'
            ? '✅ imported'
            : i.result === 'not-found'
                ? '➖ not found (normal for the first build of a ref)'
                : `⚠️ failed: ${cell(clip(i.error ?? '', 300))}`;
        const label = importLabel(i);
        return `| ${code(label.name)} (${cell(label.detail)}) | ${result} | ${duration(i.seconds)} |`;
    });
    return ['### Cache import', '', '| source | result | time |', '|---|---|---:|', ...rows, ''];
}
/** Where the cached steps came from. */
function hitsSection(r) {
    const cachedFrom = r.build === 'not-run' ? null : cachedStepsSources(r.imports, r.steps.cached);
    // A builder that outlives the job may have given hits of its own: the imports alone do not say.
    if (r.builder?.kind === 'persistent' && r.builder.hits)
        return [`Where the hits came from: ${cell(r.builder.hits.text)}.`, ''];
    return cachedFrom ? [cachedFromLine(cachedFrom), ''] : [];
}
/** The export's outcome, then each destination with its size. */
function exportSection(r) {
    const status = r.export.status === 'ok' ? '✅ exported' : r.export.status === 'failed' ? '⚠️ failed' : '➖ skipped';
    const destinations = r.export.destinations.map((d) => {
        const size = r.export.sizes.find((x) => x.destination === d);
        const text = !size ? '' : size.bytes !== null ? `${(0,format/* formatBytes */.z)(size.bytes)} (${size.how})` : size.how;
        return `- ${code(d)}${text ? `: ${cell(text)}` : ''}`;
    });
    return [
        '### Cache export',
        '',
        `${status}${r.export.reason ? `: ${cell(r.export.reason)}` : ''}` +
            `${r.export.seconds > 0 ? ` (${r.export.seconds}s)` : ''}.` +
            (r.export.manifest ? ` Cache manifest ${code(r.export.manifest.digest)}.` : ''),
        '',
        ...destinations,
        ...(destinations.length > 0 ? [''] : []),
    ];
}
const mountsSection = (r) => (r.mounts ? renderMounts(r.mounts) : []);
const localCacheSection = (r) => (r.localCache ? renderLocalCache(r.localCache) : []);
/** Each read and write with its reason, then the plan's notes. */
function planSection(r) {
    // A list, not a table: the entries are long and the refs short, so table columns wrap badly.
    const reads = r.plan.reads.map((read) => {
        const to = read.notRead
            ? `**not read**: ${cell(read.notRead)}`
            : read.entry
                ? code(read.entry)
                : '**not read**';
        return `- **read** ${code(read.ref)}: ${cell(read.why)} → ${to}`;
    });
    const writes = r.plan.writes.map((write) => `- **write** ${code(write.ref)}: ${cell(write.why)} → ${code(write.entry)}`);
    if (writes.length === 0)
        writes.push('- **write**: nothing is written by this run');
    const notes = r.plan.notes.length > 0 ? ['Notes:', '', ...r.plan.notes.map((n) => `- ${cell(n)}`), ''] : [];
    return ['### Cache plan', '', ...reads, ...writes, '', ...notes];
}
function tokenScopesSection(r) {
    if (!r.tokenScopes)
        return [];
    const list = r.tokenScopes.map((t) => `${code(t.scope)} (${[t.read && 'read', t.write && 'write'].filter(Boolean).join(' + ') || 'none'})`);
    return [`GitHub cache scopes this run's token may use: ${list.join(', ') || 'none'}.`, ''];
}
function baseImagesSection(r) {
    if (r.baseImages.length === 0)
        return [];
    const list = r.baseImages.map((b) => `${code(b.image)}${b.platform ? ` (${b.platform})` : ''} → ${code(b.digest.replace(/^sha256:/, '').slice(0, 12))}`);
    return [`Base images: ${list.join(', ')}.`, ''];
}
const cleanupSection = (r) => (r.cleanup ? [renderCleanup(r.cleanup)] : []);
/** The summary's sections, in order; each gives its lines, or none when it has nothing to say. */
const SECTIONS = [
    heading,
    factsLine,
    builderSection,
    errorSection,
    reasonsSection,
    stepsSection,
    importsSection,
    hitsSection,
    exportSection,
    mountsSection,
    localCacheSection,
    planSection,
    tokenScopesSection,
    baseImagesSection,
    cleanupSection,
];
/** The job summary: what the cache did and why, as readable Markdown. Holds no secret: the report has none. */
function renderSummary(r) {
    return SECTIONS.flatMap((section) => section(r)).join('\n');
}

// EXTERNAL MODULE: ./src/lib/oci.ts
var oci = __nccwpck_require__(77950);
// EXTERNAL MODULE: ./src/stores/registry/name.ts
var registry_name = __nccwpck_require__(65313);
;// CONCATENATED MODULE: ./src/stores/measure.ts







/**
 * The bytes a cache manifest points at: config and layers of an image manifest (what buildx
 * writes with image-manifest=true), or the blobs an index lists (the older cache format).
 */
function cacheManifestBytes(manifest) {
    if (typeof manifest !== 'object' || manifest === null)
        return null;
    const m = manifest;
    const sizes = (list) => Array.isArray(list)
        ? list.map((d) => (typeof d === 'object' && d !== null ? d.size : undefined))
        : [];
    const all = [m.config?.size, ...sizes(m.layers), ...sizes(m.manifests)].filter((s) => s !== undefined);
    if (all.length === 0 || all.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s < 0))
        return null;
    return all.reduce((a, b) => a + b, 0);
}
/** `127.0.0.1:5000/team/cache:main` → where its manifest is served. Docker Hub names get its API host. */
function registryManifestUrl(ref, digest) {
    let parsed;
    try {
        parsed = (0,registry_name/* parseImageReference */.o_)(ref);
    }
    catch {
        return null;
    }
    const { name, tag, digest: pinned } = parsed;
    const reference = digest || pinned || tag || 'latest';
    return `${(0,registry_name/* registryOrigin */._g)(name.registry)}/v2/${name.repository}/manifests/${reference}`;
}
/** Anonymous GET of a cache manifest; its blob sizes summed. Never throws. */
async function registryCacheBytes(ref, digest, fetcher = http/* httpFetch */.tX, timeoutMs = 5000) {
    const url = registryManifestUrl(ref, digest);
    if (!url)
        return { bytes: null, how: `not measured: cannot read the registry reference ${ref}` };
    try {
        const res = await fetcher(url, {
            headers: { Accept: oci/* MANIFEST_TYPES */._P },
            signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) {
            const why = res.status === 401 || res.status === 403 ? 'the registry wants credentials' : `HTTP ${res.status}`;
            return { bytes: null, how: `not measured: ${why}` };
        }
        const bytes = cacheManifestBytes(JSON.parse(await res.text()));
        return bytes === null
            ? { bytes: null, how: 'not measured: the manifest lists no blob sizes' }
            : { bytes, how: 'sum of the blobs the cache manifest lists' };
    }
    catch (e) {
        return { bytes: null, how: `not measured: ${(0,http/* failureText */.kY)(e)}` };
    }
}
/** Bytes of the files under a folder (symbolic links not followed); null when it is not there. */
function directoryBytes(dir) {
    try {
        if (!external_node_fs_.statSync(dir).isDirectory())
            return null;
    }
    catch {
        return null;
    }
    let total = 0;
    const walk = (d) => {
        for (const entry of external_node_fs_.readdirSync(d, { withFileTypes: true })) {
            const p = external_node_path_.join(d, entry.name);
            if (entry.isDirectory())
                walk(p);
            else if (entry.isFile())
                total += external_node_fs_.lstatSync(p).size;
        }
    };
    try {
        walk(dir);
    }
    catch {
        return null;
    }
    return total;
}
/** The folder's size: it keeps the blobs of earlier exports too. */
function folderSize(dest) {
    const bytes = directoryBytes(dest);
    return {
        bytes,
        how: bytes === null
            ? 'not measured: the folder is not there'
            : 'size of the folder (it keeps blobs of earlier exports too)',
    };
}
const notMeasured = () => null;
/** Per store, how an export there is measured (the store's other parts: descriptors.ts). */
const MEASURE = {
    registry: (attrs, digest, fetcher) => (attrs.ref ? registryCacheBytes(attrs.ref, digest, fetcher) : null),
    local: (attrs) => (attrs.dest ? Promise.resolve(folderSize(attrs.dest)) : null),
    gha: notMeasured,
    s3: notMeasured,
    azblob: notMeasured,
    inline: notMeasured,
};
/**
 * Measures each `cache-to` destination: a registry cache by its manifest (fetched; the digest
 * from the metadata file when there is a single registry destination), a local cache by its
 * folder, anything else not at all. Never throws.
 */
async function measureExports(destinations, manifest, fetcher) {
    const registries = destinations.filter((d) => (0,cache_entry/* cacheEntryAttributes */._H)(d).type === 'registry');
    const digest = registries.length === 1 && manifest ? manifest.digest : '';
    const out = [];
    for (const destination of destinations) {
        const attrs = (0,cache_entry/* cacheEntryAttributes */._H)(destination);
        const type = attrs.type ?? '';
        const measured = (0,descriptors/* isStore */.ok)(type) ? MEASURE[type](attrs, digest, fetcher) : null;
        out.push({
            destination,
            ...((await measured) ?? { bytes: null, how: `not measured for ${type || 'this'} caches` }),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/app/report-phase.ts











const planOutputs = (plan) => ({
    'cache-from': plan.cacheFrom.join('\n'),
    'cache-to': plan.cacheTo.join('\n'),
});
/** A retried build's note joins the plan's notes in the report; the plan itself stays as planned. */
function reportedPlan(plan, build) {
    if (!build.retriedWithoutCache)
        return plan;
    const note = 'a cache source was broken: the build was retried without cache sources';
    return { ...plan, notes: [...plan.notes, note] };
}
/** The cache report of a build: what the cache did, measured after the export. */
async function reportRun(r) {
    const built = r.build.result.exitCode === 0;
    const plan = reportedPlan(r.plan, r.build);
    const exportResult = r.exportRun
        ? {
            ...exportOutcome(plan, null, built, r.skipExport),
            status: r.exportRun.status,
            reason: r.exportRun.reason,
            seconds: Math.round(r.exportRun.ms / 100) / 10,
        }
        : exportOutcome(plan, r.history.log, built, r.skipExport);
    const imports = mapImports(r.history.log ? importResults(r.history.log) : [], r.build.importSources, plan.reads);
    for (const warning of cacheWarnings(exportResult, imports))
        commands/* warning */.$e(warning);
    // The cache manifest is in the metadata of the invocation that exported.
    const cacheManifest = r.build.metadata.cacheManifest ?? r.exportRun?.metadata.cacheManifest ?? null;
    const exportSizes = exportResult.status === 'ok' ? await measureExports(plan.cacheTo, cacheManifest) : [];
    const report = buildReport({
        plan,
        backend: r.inputs.cache.backend,
        log: r.history.log,
        build: built ? 'succeeded' : 'failed',
        tokenScopes: r.tokenScopes,
        exportResult,
        record: r.history.record,
        metadata: { ...r.build.metadata, cacheManifest },
        exportSizes,
        importSources: r.build.importSources,
        noCache: r.inputs.build.noCache,
        timings: { ...r.timings, totalMs: Date.now() - r.started },
        mounts: r.mounts,
        localCache: r.localCache,
        cleanup: r.retention,
    });
    if (r.builderNature) {
        const b = { name: r.builder, ...r.builderNature };
        report.builder = builderReport(b, report.imports, report.steps.cached);
    }
    return report;
}
/** The `metadata` output as build-push-action gives it: buildx's JSON indented by two spaces. */
function indentedMetadata(text) {
    try {
        const parsed = JSON.parse(text);
        return parsed === null ? '' : JSON.stringify(parsed, null, 2);
    }
    catch {
        return text.trim();
    }
}
/** Every output of a build run. */
function buildOutputs(r, report) {
    const totals = stepTotals(r.history.log?.steps ?? []);
    return {
        ...planOutputs(r.plan),
        builder: r.builder,
        imageid: r.build.imageId,
        digest: r.build.metadata.digest,
        metadata: indentedMetadata(r.build.metadataText),
        'cached-steps': String(totals.cached),
        'total-steps': String(totals.total),
        'cache-hit-ratio': totals.ratio.toFixed(2),
        'cache-export': report.export.status,
        'cache-report': JSON.stringify(report),
        ...(0,cleanup_outcome/* cleanupOutputs */.rg)(r.retention),
        ...mountOutputs(r.mounts),
    };
}
/** The job summary; a summary that cannot be written is a warning, never a failed build. */
async function writeSummary(report) {
    try {
        await commands/* appendSummary */.fe(renderSummary(report) + (report.merge ? renderMergeSummary(report.merge) : ''));
    }
    catch (e) {
        commands/* warning */.$e(`could not write the job summary: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./src/app/dry-run.ts






/** `dry-run: true`: the plan (and retention) without a build; the outputs say what would be used. */
async function runDryRun(exec, ctx, inputs, environment) {
    const plan = await commands/* group */.Os('Cache plan', () => planCache(exec, ctx, inputs, environment));
    const tokenScopes = readTokenScopes(inputs, environment.cache);
    const retention = await retainCommitCaches(ctx, inputs, environment, plan);
    const report = buildReport({
        plan,
        backend: inputs.cache.backend,
        log: null,
        build: 'not-run',
        tokenScopes,
        exportResult: exportOutcome(plan, null, false, 'dry-run'),
        cleanup: retention,
    });
    setOutputs({
        ...planOutputs(plan),
        'cache-export': 'skipped',
        'cache-report': JSON.stringify(report),
        ...(0,cleanup_outcome/* cleanupOutputs */.rg)(retention),
    });
    if (inputs.cache.explain)
        await writeSummary(report);
}

;// CONCATENATED MODULE: ./src/merge/legs.ts


/**
 * A multi-platform image split across a matrix, the pure part: what a leg builds and records, and
 * what the merge needs and runs. The effects are in records.ts (the GitHub cache) and index.ts
 * (imagetools).
 */
/** The repositories the tags name, in order: a leg pushes its digest to each. */
const repositoriesOf = (tags) => [...new Set(tags.map(names/* repositoryOf */._M))];
/** Why a leg records nothing and the merge merges nothing on this run ('' when they do). */
function mergeSkipped(ctx, push) {
    if (ctx.pullRequest?.fromFork)
        return 'a pull request from a fork cannot push: the legs are built, not merged';
    if (!push)
        return 'push is false: the legs are built, not pushed nor merged';
    return '';
}
/** An annotation as buildx reads it: `[type,…][platform]:key=value`, the prefix optional. */
function annotationParts(a) {
    const m = /^([a-z-]+(?:,[a-z-]+)*)(\[[^\]]*\])?:(.*=.*)$/.exec(a);
    if (!m)
        return { types: [], platform: '', rest: a };
    return { types: m[1].split(','), platform: m[2] ?? '', rest: m[3] };
}
/** The annotation for one level (`manifest` for a leg, `index` for the merge), or null when it is not for it. */
function annotationAt(a, level) {
    const { types, platform, rest } = annotationParts(a);
    // Unprefixed annotations are a build's manifest annotations; the merge puts them on its index too.
    if (types.length === 0)
        return level === 'manifest' ? a : `index:${a}`;
    const kept = types.filter((t) => t === level || t === `${level}-descriptor`);
    return kept.length === 0 ? null : `${kept.join(',')}${platform}:${rest}`;
}
const annotationsAt = (annotations, level) => annotations.map((a) => annotationAt(a, level)).filter((a) => a !== null);
const tagPart = (s) => s.replace(/[^A-Za-z0-9_.-]+/g, '-');
/**
 * The tag a leg pushes under when its builder cannot push by digest: dockerd's own builder (the
 * `docker` driver) refuses `push-by-digest`. One per run, platform and attempt, named for the
 * action: it moves none of the user's tags.
 */
const legTag = (runId, platform, attempt) => `bkca-leg-${tagPart(runId)}-${tagPart(platform)}-${tagPart(attempt)}`.slice(0, 128);
/** The tag a leg pushes under, when its builder cannot push by digest; null when it can. */
const legPushTag = (run, platform) => run.driver === 'docker' ? legTag(run.runId, platform, run.attempt) : null;
/** A leg's build: its platform pushed by digest to every tag's repository; none of the tags moves. */
function legBuild(build, run) {
    const repositories = repositoriesOf(build.tags);
    const tag = legPushTag(run, build.platforms[0] ?? '');
    const byDigest = tag === null;
    const output = (0,cache_entry/* formatCacheEntry */.KK)([
        ['type', 'image'],
        ['name', (byDigest ? repositories : repositories.map((r) => `${r}:${tag}`)).join(',')],
        ...(byDigest
            ? [
                ['push-by-digest', 'true'],
                ['name-canonical', 'true'],
            ]
            : []),
        ['push', 'true'],
    ]);
    return {
        ...build,
        tags: [],
        push: false,
        outputs: [output],
        annotations: annotationsAt(build.annotations, 'manifest'),
    };
}
/** The record a leg leaves for the merge. */
function legRecord(o) {
    return {
        version: 1,
        image: repositoriesOf(o.tags)[0],
        platform: o.platform,
        digest: o.digest,
        leg: o.leg,
        steps: o.steps,
        attempt: o.attempt,
        ...(o.pushTag ? { pushTag: o.pushTag } : {}),
    };
}
const isDigest = (d) => typeof d === 'string' && /^sha256:[0-9a-f]{64}$/.test(d);
/**
 * A restored record, checked as written by an attacker: it must be of this platform, name the image
 * being merged (the index is made of `<image>@<digest>`), and a push tag only of the form
 * {@link legTag} gives this run, platform and attempt (the merge deletes that tag). `dropped` says
 * why anything else is not used.
 */
function parseLegRecord(text, expected) {
    let r;
    try {
        r = JSON.parse(text);
    }
    catch {
        return { record: null, dropped: 'it is not JSON' };
    }
    if (typeof r !== 'object' || r === null || r.version !== 1)
        return { record: null, dropped: 'not a version 1 record' };
    if (r.platform !== expected.platform)
        return { record: null, dropped: `it is of platform ${JSON.stringify(r.platform)}` };
    if (!isDigest(r.digest))
        return { record: null, dropped: 'it holds no sha256 digest' };
    if (r.image !== expected.image)
        return { record: null, dropped: `it names image ${JSON.stringify(r.image)}, not ${expected.image}` };
    if (typeof r.attempt !== 'string' || !/^[0-9]{1,10}$/.test(r.attempt))
        return { record: null, dropped: 'its run attempt is not a number' };
    if (r.pushTag !== undefined && r.pushTag !== legTag(expected.runId, expected.platform, r.attempt))
        return {
            record: null,
            dropped: `its push tag ${JSON.stringify(r.pushTag)} is not the one this run's leg pushes under`,
        };
    return { record: r };
}
/** One `::error::` line for platforms whose legs left no digest in this run. */
function missingMessage(found) {
    const lines = found
        .filter((f) => f.record === null)
        .map((f) => {
        if ('failed' in f && f.failed)
            return `${f.platform} (the lookup failed: ${f.failed})`;
        if ('dropped' in f && f.dropped)
            return `${f.platform} (its record was dropped: ${f.dropped})`;
        return f.platform;
    });
    if (lines.length === 0)
        return '';
    return (`merge: no digest recorded in this run for ${lines.join(', ')}: ` +
        'that leg failed, was skipped or has not finished (the merge job needs: every leg); re-run it, then the merge');
}
/** `docker buildx imagetools create`: the index of every leg's image under the tags. */
function imagetoolsCreateArgs(tags, annotations, legs) {
    const args = ['buildx', 'imagetools', 'create'];
    for (const tag of tags)
        args.push('--tag', tag);
    for (const a of annotationsAt(annotations, 'index'))
        args.push('--annotation', a);
    for (const leg of legs)
        args.push(`${leg.image}@${leg.digest}`);
    return args;
}
const imagetoolsInspectArgs = (ref) => [
    'buildx',
    'imagetools',
    'inspect',
    ref,
    '--format',
    '{{json .Manifest}}',
];
/** The index's descriptor from `imagetools inspect --format '{{json .Manifest}}'`; null when unreadable. */
function parseDescriptor(stdout) {
    try {
        const d = JSON.parse(stdout);
        return isDigest(d.digest) ? { mediaType: d.mediaType ?? '', digest: d.digest, size: d.size ?? 0 } : null;
    }
    catch {
        return null;
    }
}
/** The `metadata` output, shaped as a build's metadata file. */
function mergeMetadata(descriptor, tags) {
    return JSON.stringify({
        'containerimage.descriptor': descriptor,
        'containerimage.digest': descriptor.digest,
        'image.name': tags.join(','),
    }, null, 2);
}

// EXTERNAL MODULE: ./src/stores/registry/remove.ts
var remove = __nccwpck_require__(10430);
// EXTERNAL MODULE: ./src/stores/registry/session.ts + 1 modules
var registry_session = __nccwpck_require__(5761);
;// CONCATENATED MODULE: ./src/merge/publish.ts




/** Creates the index under the tags, then reads its descriptor back from the first tag. */
async function publishIndex(exec, buildx, o) {
    const create = imagetoolsCreateArgs(o.tags, o.annotations, o.legs);
    const made = await exec(buildx.command, buildx.argv(create), { env: o.env, stream: true });
    if (made.exitCode !== 0)
        return { ok: false, reason: (0,lib_text/* lastLine */.fM)(made.stderr || made.stdout) };
    const inspected = await exec(buildx.command, buildx.argv(imagetoolsInspectArgs(o.tags[0])), { env: o.env });
    const descriptor = inspected.exitCode === 0 ? parseDescriptor(inspected.stdout) : null;
    if (!descriptor)
        return {
            ok: false,
            reason: `the index was pushed but could not be read back: ${(0,lib_text/* lastLine */.fM)(inspected.stderr)}`,
        };
    return { ok: true, descriptor };
}
/**
 * After the index is pushed: the tags legs pushed under (a builder that cannot push by digest)
 * are removed from every repository, the manifests stay (the index holds them). Returns what is
 * left, with why; removing them is tidying, never a failed merge.
 */
async function removeLegTags(repositories, legs, 
/** Docker's config folder (runner/environment.ts), for the registries' credentials. */
dockerConfigDir) {
    const left = [];
    const pushed = legs.flatMap((l) => (l.pushTag ? [{ tag: l.pushTag, leg: l }] : []));
    if (pushed.length === 0)
        return left;
    for (const image of repositories) {
        const session = (0,registry_session/* openRegistry */.Me)({
            image,
            dockerConfigDir,
            signal: AbortSignal.timeout(30_000),
            timeoutMs: 30_000,
            actions: 'pull,push,delete',
        });
        for (const { tag, leg } of pushed) {
            const why = await (0,remove/* removeTag */.b4)(session, tag, `merge leg ${leg.platform}`, leg.digest);
            if (why)
                left.push(`${image}:${tag} (${why})`);
        }
    }
    return left;
}

;// CONCATENATED MODULE: ./src/merge/leg-records.ts





/**
 * The legs' records travel as tiny GitHub cache entries, through the @actions/cache worker: no step
 * in the workflow, a key per run, image, platform and attempt, and GitHub expires them unread.
 */
/** The folder archived: one name on every runner, so the cache version (a hash of the paths) matches. */
const leg_records_FOLDER = 'bkca-merge-record';
const leg_records_FILE = 'leg.json';
const TIMEOUT_MS = 60000;
async function saveLegRecord(exec, record, w) {
    const root = external_node_fs_.mkdtempSync(external_node_path_.join(w.tempDir, 'merge-save-'));
    external_node_fs_.mkdirSync(external_node_path_.join(root, leg_records_FOLDER));
    external_node_fs_.writeFileSync(external_node_path_.join(root, leg_records_FOLDER, leg_records_FILE), `${JSON.stringify(record)}\n`);
    const key = (0,github_cache_keys/* mergeRecordKey */.JQ)(w.runId, record.image, record.platform, record.attempt);
    return runCacheWorker(exec, { op: 'save', path: leg_records_FOLDER, key }, { root, env: w.env, timeoutMs: TIMEOUT_MS });
}
/** The newest record of one platform's leg in this run. */
async function leg_records_restoreOne(exec, image, platform, w) {
    const root = external_node_fs_.mkdtempSync(external_node_path_.join(w.tempDir, 'merge-restore-'));
    const prefix = (0,github_cache_keys/* mergeRecordPrefix */._d)(w.runId, image, platform);
    // No key is ever saved as `<prefix>newest`: the restore key's prefix match, newest first, answers.
    const call = await runCacheWorker(exec, { op: 'restore', path: leg_records_FOLDER, key: `${prefix}newest`, restoreKeys: [prefix], maxBytes: 1024 ** 2 }, { root, env: w.env, timeoutMs: TIMEOUT_MS });
    if (call.status === 'failed')
        return { platform, record: null, failed: call.reason };
    if (call.status !== 'hit')
        return { platform, record: null };
    const file = external_node_path_.join(root, leg_records_FOLDER, leg_records_FILE);
    if (!external_node_fs_.existsSync(file))
        return { platform, record: null, dropped: 'the entry holds no record' };
    return { platform, ...parseLegRecord(external_node_fs_.readFileSync(file, 'utf8'), { platform, image, runId: w.runId }) };
}
const restoreLegRecords = (exec, image, platforms, w) => Promise.all(platforms.map((p) => leg_records_restoreOne(exec, image, p, w)));

// EXTERNAL MODULE: ./src/plan/token.ts
var token = __nccwpck_require__(78846);
;// CONCATENATED MODULE: ./src/app/merge.ts














/** The run's id and attempt: a leg's record is this run's, and a re-run's is newer. */
const runOf = (github) => ({
    runId: github.runId || '0',
    attempt: github.runAttempt,
});
/** The trust rule (src/plan/trust.ts) for a run that has no plan: its trigger and its cache token. */
const runNeverWrites = (ctx, cache) => neverWrites((0,triggers/* classify */.L)(ctx), (0,token/* tokenRefusals */.bc)(cacheTokenIn(cache)));
/** `merge: leg`: the build pushes by digest, unless this run cannot push (then it only builds). */
function prepareLeg(ctx, inputs, environment) {
    // A leg's record is a GitHub cache entry the merge job trusts: a run that may not write records none.
    const refused = runNeverWrites(ctx, environment.cache);
    const skipped = mergeSkipped(ctx, inputs.build.push) ||
        (refused ? `${refused}: the legs are built, not pushed nor merged` : '');
    if (skipped) {
        commands/* info */.pq(`merge: ${skipped}`);
        return { inputs: { ...inputs, build: { ...inputs.build, push: false } }, skipped, pushTag: null };
    }
    const run = { driver: inputs.builder.driver, ...runOf(environment.github) };
    const pushTag = legPushTag(run, inputs.build.platforms[0] ?? '');
    return { inputs: { ...inputs, build: legBuild(inputs.build, run) }, skipped, pushTag };
}
/**
 * After a leg's build: its digest and cache hits recorded for the merge job. A record that cannot
 * be saved is a warning: the image is pushed, and the merge names the platform it lacks.
 */
async function recordLeg(exec, leg, o) {
    const tags = o.original.build.tags;
    const base = { role: 'leg', skipped: leg.skipped, legs: [], missing: [], digest: '', tags };
    if (leg.skipped || o.report.build !== 'succeeded')
        return { ...base, skipped: leg.skipped || 'the build failed' };
    if (!/^sha256:[0-9a-f]{64}$/.test(o.digest)) {
        commands/* warning */.$e('merge: the build gave no image digest: nothing is recorded for the merge job');
        return { ...base, skipped: 'the build gave no image digest' };
    }
    const { runId, attempt } = runOf(o.environment.github);
    const { cached, total, ratio } = o.report.steps;
    const record = legRecord({
        tags,
        platform: o.original.build.platforms[0],
        digest: o.digest,
        leg: (0,planner/* planOptionsFrom */.kR)(o.original).leg ?? '',
        steps: { cached, total, ratio },
        attempt,
        pushTag: leg.pushTag,
    });
    const saved = await saveLegRecord(exec, record, {
        runId,
        tempDir: o.tempDir,
        env: o.environment.processEnv,
    });
    if (saved.status === 'failed') {
        commands/* warning */.$e(`merge: the digest of ${record.platform} was pushed but not recorded: ${saved.reason}`);
        return { ...base, skipped: `not recorded: ${saved.reason}` };
    }
    commands/* info */.pq(`merge: ${record.platform} pushed as ${record.image}@${record.digest}, recorded for the merge job`);
    return { ...base, legs: [record] };
}
/** `merge: index`: builds nothing; finds every leg's digest and pushes the index under the tags. */
async function runMerge(exec, ctx, inputs, environment, fail) {
    const env = environment.processEnv;
    const { tags, platforms, annotations } = inputs.build;
    const merge = { role: 'index', skipped: '', legs: [], missing: [], digest: '', tags };
    const outputs = {};
    merge.skipped = mergeSkipped(ctx, inputs.build.push);
    if (merge.skipped) {
        commands/* info */.pq(`merge: ${merge.skipped}`);
        return merge_finish(inputs, ctx, merge, outputs);
    }
    const tempDir = external_node_fs_.mkdtempSync(external_node_path_.join(environment.runner.temp, 'bkca-merge-'));
    const found = await commands/* group */.Os("Merge: the legs' digests", () => restoreLegRecords(exec, repositoriesOf(tags)[0], platforms, {
        runId: runOf(environment.github).runId,
        tempDir,
        env,
    }));
    // A record is restored bytes: one that names another image or tag is an attacker's, never merged.
    for (const f of found)
        if ('dropped' in f && f.dropped)
            commands/* warning */.$e(`merge: the record of ${f.platform} is dropped: ${f.dropped}`);
    merge.legs = found.flatMap((f) => (f.record ? [f.record] : []));
    merge.missing = found.filter((f) => f.record === null).map((f) => f.platform);
    const missing = missingMessage(found);
    if (missing) {
        await merge_finish(inputs, ctx, merge, outputs);
        return fail(missing);
    }
    const published = await commands/* group */.Os('Merge: the index', async () => {
        const { buildx } = await ensureBuildx(exec, {
            wanted: inputs.builder.buildxVersion,
            floor: '',
            releasesBase: inputs.builder.buildxReleasesUrl,
            probe: probeBuildx(exec, environment),
            toolCache: environment.runner.toolCache,
            releaseStore: releaseStoreFor(exec, environment),
            saveRefused: runNeverWrites(ctx, environment.cache),
        });
        return publishIndex(exec, buildx, { tags, annotations, legs: merge.legs, env });
    });
    if (published.ok) {
        merge.digest = published.descriptor.digest;
        outputs.digest = merge.digest;
        outputs.metadata = mergeMetadata(published.descriptor, tags);
        merge.leftTags = await removeLegTags(repositoriesOf(tags), merge.legs, environment.docker.configDir);
        for (const left of merge.leftTags)
            commands/* warning */.$e(`merge: a leg's push tag is left: ${left}`);
    }
    await merge_finish(inputs, ctx, merge, outputs);
    if (!published.ok)
        fail(`merge: the index was not pushed: ${published.reason}`);
}
/** The merge's outputs, `cache-report` (a run that built nothing, with its `merge`) and summary. */
const merge_finish = (inputs, ctx, merge, outputs) => finishNothingBuilt(ctx, inputs, {
    why: 'merge run: the legs built the platforms; nothing is built here',
    merge,
    outputs,
    summary: renderMergeSummary(merge),
});

// EXTERNAL MODULE: ./src/github/context.ts
var context = __nccwpck_require__(19556);
;// CONCATENATED MODULE: ./src/github/read-context.ts


/** The run context from the runner's `GITHUB_*` variables and its event file (an unreadable one reads as `{}`). */
function readRunContext(github) {
    let payload = {};
    if (github.eventPath) {
        try {
            payload = JSON.parse((0,external_node_fs_.readFileSync)(github.eventPath, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    return (0,context/* runContextFrom */.B_)(github, payload);
}

;// CONCATENATED MODULE: ./src/app/build.ts


































/** Problems the user can act on: one `::error::` line, no stack trace. */
function fail(message) {
    commands/* setFailed */.C1(`buildkit-cache-action: ${message}`);
}
async function run(exec = loggedExec(exec_exec), env) {
    const started = Date.now();
    try {
        // The runner's environment, read once: the phases below take its typed values.
        const environment = env ? environmentFrom(env) : readEnvironment();
        const inputs = withPersistedLocalDir(readInputs(), environment.runner.temp);
        await runOfItsKind(exec, environment, inputs, started);
    }
    catch (e) {
        if (e instanceof types/* InputError */.dz || e instanceof BuildxError || e instanceof BuilderError)
            return fail(e.message);
        commands/* debug */.Yz(e?.stack ?? String(e));
        fail(`unexpected error: ${e?.message ?? String(e)}`);
    }
}
/** Which kind of run this is: a clean-up event, a bake file, a dry run, or a build. */
async function runOfItsKind(exec, environment, inputs, started) {
    for (const secret of [
        environment.cache.token,
        inputs.githubToken,
        ...inputs.build.secrets.map((s) => s.value),
    ]) {
        if (secret)
            commands/* setSecret */.Pq(secret);
    }
    const ctx = readRunContext(environment.github);
    // A closed pull request or a deleted branch: its caches go, nothing is built.
    const cleanup = (0,deletions/* cleanupTrigger */.dU)(ctx);
    if (cleanup)
        return runCleanupEvent(ctx, inputs, environment, cleanup);
    if (inputs.bakeTargets.length > 0)
        return writeBakeFile(exec, ctx, inputs, environment);
    if (inputs.merge === 'index')
        return runMerge(exec, ctx, inputs, environment, fail);
    if (inputs.dryRun)
        return runDryRun(exec, ctx, inputs, environment);
    return runBuild(exec, ctx, inputs, environment, started);
}
/** A build, in its phases: plan, builder, restore, build, export, save, report. */
async function runBuild(exec, ctx, original, environment, started) {
    // A matrix leg of a multi-platform image pushes its platform by digest (src/merge).
    const leg = original.merge === 'leg' ? prepareLeg(ctx, original, environment) : null;
    const inputs = leg?.inputs ?? original;
    const mark = (phase) => commands/* debug */.Yz(`${phase} at ${Date.now() - started} ms`);
    const job = { exec, ctx, inputs, environment, mark };
    validatePaths(inputs.build, ctx.workspace, external_node_fs_.existsSync, [environment.runner.temp, external_node_os_.tmpdir()]);
    // Probing docker and buildx takes ~0.2 s each: run them while git and the planner work.
    const probes = startProbes(exec, inputs, environment);
    const planned = await planPhase(job);
    const tempDir = external_node_fs_.mkdtempSync(external_node_path_.join(environment.runner.temp, 'bkca-'));
    saveTempDir(tempDir);
    const ready = await builderPhase(job, planned, probes, tempDir);
    const done = await buildPhase(job, planned, ready, tempDir);
    const saved = await savePhase(job, planned, ready, done);
    const results = {
        inputs,
        plan: planned.plan,
        tokenScopes: planned.tokenScopes,
        builder: ready.builder.name,
        builderNature: { driver: ready.builder.driver, nature: ready.nature },
        build: done.build.run,
        history: saved.history,
        exportRun: done.exportRun,
        skipExport: planned.skipExport || ready.warmSkip || done.moot,
        mounts: saved.mounts,
        localCache: saved.localCache,
        retention: saved.retention,
        started,
        timings: { builderMs: ready.builderMs, buildMs: done.build.run.ms, exportMs: done.exportRun?.ms ?? 0 },
    };
    await reportPhase(job, results, { leg, original, tempDir });
}
/** The plan, final once the persisted local folders are restored. */
async function planPhase({ exec, ctx, inputs, environment, mark }) {
    const unavailable = environment.cache.unavailable;
    const planned = await commands/* group */.Os('Cache plan', () => planCache(exec, ctx, inputs, environment));
    // A persisted folder's existence is known once it is restored: the plan's reads are narrowed to
    // the folders that arrived, and that plan is final.
    const local = await restoreLocalCaches(exec, {
        cache: inputs.cache,
        timeoutMs: inputs.mounts.timeoutMs,
        plan: planned,
        env: environment.processEnv,
        unavailable,
    });
    mark('planned');
    const tokenScopes = readTokenScopes(inputs, environment.cache);
    const skipExport = inputs.cache.backend === 'gha' ? unavailable : '';
    if (skipExport)
        commands/* warning */.$e(`cache: ${skipExport}. The build runs without the gha cache.`);
    return { plan: local.plan, local, tokenScopes, skipExport };
}
/** The builder, set up and known (its kind, its warmth), and the build's arguments for it. */
async function builderPhase(job, planned, probes, tempDir) {
    const { exec, ctx, inputs, environment, mark } = job;
    const { plan } = planned;
    const builderStart = Date.now();
    const { buildx, builder } = await commands/* group */.Os('Builder', () => setUpBuilder(exec, inputs, environment, probes, tempDir, neverWrites(plan.trigger, plan.tokenRefuses)));
    commands/* info */.pq(`builder: ${builder.name}: ${builder.why}`);
    const setup = prepareImageBuild(buildx, { ctx, inputs, environment, plan, builder, tempDir });
    const nature = await knowBuilder(exec, buildx, builder, setup, environment.runner.kind);
    const builderMs = Date.now() - builderStart;
    mark('builder ready');
    // A warm builder that outlives the job reads its own cache next time: a branch's export is skipped.
    const warmSkip = planned.skipExport ? '' : warmBuilderSkip({ plan, nature, write: inputs.cache.write });
    if (warmSkip)
        commands/* info */.pq(`cache export skipped: ${warmSkip}`);
    return { buildx, builder, setup, nature, builderMs, warmSkip };
}
/** The cache mounts restored, the image built, then the cache exported unless there is no need. */
async function buildPhase(job, planned, ready, tempDir) {
    const { exec, ctx, inputs, environment, mark } = job;
    const { plan, skipExport } = planned;
    const { buildx, builder, setup, warmSkip } = ready;
    const mountSession = await restoreMounts(exec, buildx, {
        inputs,
        plan,
        builder: builder.name,
        tempDir,
        env: environment.processEnv,
        workspace: ctx.workspace,
        unavailable: environment.cache.unavailable,
    });
    const build = await buildImage(exec, buildx, warmSkip ? withoutExport(setup) : setup, inputs.cache.importTimeoutMs);
    const built = build.run.result.exitCode === 0;
    mark('built');
    // The image's build record is read while the cache export runs.
    const historyRead = readHistory(exec, buildx, builder, build.run, mountSession !== null);
    const moot = await exportMootWhy(built && build.setup.separateExport && !skipExport && !warmSkip, {
        plan,
        // A remote builder this run created is only a name for a daemon that other jobs build on too.
        freshBuilder: builder.created && inputs.builder.driver !== 'remote',
        retriedWithoutCache: build.run.retriedWithoutCache,
        historyRead,
    });
    if (moot)
        commands/* info */.pq(`cache export skipped: ${moot}`);
    const exportRun = built && build.setup.separateExport && !skipExport && !warmSkip && !moot
        ? await commands/* group */.Os('Cache export', () => runCacheExport(exec, buildx, build.setup, inputs.cache.exportTimeoutMs))
        : null;
    mark('exported');
    return { build, built, mountSession, historyRead, moot, exportRun };
}
/** Retention, the build record, and what goes back to the GitHub cache: mounts and local folders. */
async function savePhase(job, planned, ready, done) {
    const { exec, ctx, inputs, environment, mark } = job;
    // A push to the default branch: commit caches beyond cache-keep-commits go (src/cleanup).
    const retaining = done.built ? retainCommitCaches(ctx, inputs, environment, planned.plan) : null;
    const history = await done.historyRead;
    mark('history read');
    const retention = await retaining;
    const mounts = await saveMounts(exec, ready.buildx, done.mountSession, done.built, {
        steps: history.log?.steps ?? null,
        used: history.cacheMounts,
    });
    const exported = done.exportRun?.status === 'ok' || done.moot !== '';
    const localCache = await saveLocalCaches(exec, planned.local.session, exported);
    return { history, retention, mounts, localCache };
}
/** The report, a leg's record for the merge job, the outputs, the summary, and the one error line. */
async function reportPhase({ exec, inputs, environment, mark }, results, o) {
    const report = await reportRun(results);
    if (o.leg) {
        const { digest } = results.build.metadata;
        const { original, tempDir } = o;
        report.merge = await recordLeg(exec, o.leg, { original, report, digest, tempDir, environment });
    }
    mark('reported');
    setOutputs(buildOutputs(results, report));
    await writeSummary(report);
    // One `::error::` line: the failing step, its Dockerfile line and BuildKit's message.
    if (results.build.result.exitCode !== 0)
        fail(failureMessage(report.error, buildxSaid(inputs, results.build.result)));
    else if (report.export.status === 'failed' && !inputs.cache.ignoreError) {
        fail(`cache export failed and cache-ignore-error is false: ${report.export.reason}`);
    }
}
/**
 * buildx's own words for a failure with no failed step: its last error line, or for `call: check`
 * the first line of the checks' summary, which it prints on stdout (as build-push-action reads it),
 * with the rules it names.
 */
function buildxSaid(inputs, result) {
    const checks = inputs.build.call === 'check' ? result.stdout.trim().split('\n')[0]?.trim() : '';
    const why = (0,lib_text/* lastLine */.fM)(result.stderr);
    return checks ? `${checks}${why ? ` (${why.replace(/^ERROR:\s*/, '')})` : ''}` : why;
}
/**
 * Why this run's export would write nothing new ('' when it must run). The build's steps are read
 * first only when the plan leaves that possible; otherwise the record is read while the export runs.
 */
async function exportMootWhy(exporting, o) {
    if (!exporting || !mayBeMoot(o))
        return '';
    const steps = (await o.historyRead).log?.steps ?? null;
    return mootExport({ ...o, steps });
}
function startProbes(exec, inputs, environment) {
    const engine = ['remote', 'kubernetes'].includes(inputs.builder.driver) && inputs.builder.builder === ''
        ? Promise.resolve(null)
        : probeEngine(exec, environment.docker);
    return { engine, buildx: probeBuildx(exec, environment) };
}
/** The builder: buildx must be new enough, then pick one or create one (which needs the engine). */
async function setUpBuilder(exec, inputs, environment, probes, tempDir, saveRefused) {
    const engine = await probes.engine;
    const found = await ensureBuildx(exec, {
        wanted: inputs.builder.buildxVersion,
        floor: inputs.cache.backend === 'gha' ? GHA_MIN_BUILDX : '',
        releasesBase: inputs.builder.buildxReleasesUrl,
        probe: probes.buildx,
        toolCache: environment.runner.toolCache,
        releaseStore: releaseStoreFor(exec, environment),
        saveRefused,
    });
    if (found.note)
        commands/* info */.pq(found.note);
    saveBuildxPath(found.buildx.path);
    const onCreate = (name) => saveBuilderCreated(name, inputs.builder.cleanup);
    const builder = inputs.builder.driver === 'kubernetes' && inputs.builder.builder === ''
        ? await setupKubernetesBuilder(exec, found.buildx, {
            name: kubernetesBuilderName(environment.github.repository ?? '', (0,planner/* planOptionsFrom */.kR)(inputs).scope),
            builder: inputs.builder,
            tempDir,
            onUse: onCreate,
        })
        : await setupBuilder(exec, found.buildx, {
            builder: inputs.builder,
            tempDir,
            cacheUrl: environment.cache.url,
            job: environment.github.job,
            // A builder of setup-buildx-action's (remote, kubernetes) may not need a local engine at all.
            engineDown: engine && !engine.ok ? engine.reason : '',
            onCreate,
        });
    return { buildx: found.buildx, builder };
}
/** The image build's arguments and environment, for both invocations (see src/buildx/build.ts). */
function prepareImageBuild(buildx, b) {
    const setup = prepareBuild(b.inputs, {
        builder: b.builder.name,
        cacheFrom: b.plan.cacheFrom,
        cacheTo: b.plan.cacheTo,
        tempDir: b.tempDir,
        environment: b.environment,
        cwd: b.ctx.workspace,
        ctx: b.ctx,
        buildxVersion: buildx.version,
        builderAttests: b.builder.attests,
    });
    // A URL's user and password (`https://user:token@host/…`) stay out of the log.
    commands/* info */.pq(`context: ${setup.input.build.context.replace(/\/\/[^/@]*@/, '//***@')}`);
    return setup;
}
/** The same build with no cache export at all: neither its own invocation nor an inline cache. */
const withoutExport = (setup) => ({
    ...setup,
    input: { ...setup.input, cacheTo: [] },
    separateExport: false,
    cacheTo: [],
});
/** The image first, then the cache export as its own invocation (see src/buildx/build.ts). */
async function buildImage(exec, buildx, setup, importTimeoutMs) {
    return { setup, run: await runImageBuild(exec, buildx, setup, importTimeoutMs) };
}
/**
 * The builder's kind; for one that outlives the job, whether its history already holds this build
 * (one `buildx history ls`, before the build adds its own record).
 */
async function knowBuilder(exec, buildx, builder, setup, runnerKind) {
    const { kind, why } = builderKind({
        source: builder.source,
        driver: builder.driver,
        runnerEnvironment: runnerKind,
    });
    const names = async () => recordNames(setup.input.build, setup.cwd, await checkoutOrigin(exec, setup.cwd));
    const warmth = kind === 'persistent' ? await lookWarmth(exec, buildx, builder.name, await names()) : null;
    commands/* info */.pq(`builder kind: ${kind}: ${why}${warmth ? `; ${warmth.warm ? 'warm' : 'cold'}: ${warmth.why}` : ''}`);
    return { kind, why, warmth };
}
async function readHistory(exec, buildx, builder, build, cacheMounts) {
    const built = build.result.exitCode === 0;
    const ref = build.metadata.ref ??
        (await ownBuildRef(exec, buildx, builder.name, { startedAtMs: build.startedAt, failed: !built }));
    return ref
        ? readBuildHistory(exec, buildx, builder.name, ref, { cacheMounts: cacheMounts && built })
        : { log: null, record: null, cacheMounts: null };
}

;// CONCATENATED MODULE: ./src/entry/last-resort.ts
/**
 * The net for anything main or post did not report themselves. Written by hand rather than with
 * the command module so that it works even when loading that failed.
 */
const lastResort = (kind) => (e) => {
    process.stdout.write(`::${kind}::buildkit-cache-action: ${String(e?.message ?? e)}\n`);
    if (kind === 'error')
        process.exitCode = 1;
};

;// CONCATENATED MODULE: ./src/entry/main.ts
// The runner starts main and post as two processes, each from its own bundle (action.yml): post,
// which often has nothing to clean, then starts in about the time node itself takes.


// Which Node the runner gave this step (action.yml asks for node24), in the debug log.
process.stdout.write(`::debug::buildkit-cache-action main runs on node ${process.version}\n`);
run().catch(lastResort('error'));

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map