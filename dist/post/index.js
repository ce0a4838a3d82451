require('./sourcemap-register.js');/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 914:
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
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(302);
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

/***/ 753:
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
const crypto = __importStar(__nccwpck_require__(982));
const fs = __importStar(__nccwpck_require__(896));
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(302);
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

/***/ 302:
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

/***/ 982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

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
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = require("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __nccwpck_require__(914);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js
var file_command = __nccwpck_require__(753);
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
    (0,command.issueCommand)(name, properties, message);
}
/** A `name<<delimiter` block appended to the runner's file (`GITHUB_OUTPUT`, `GITHUB_STATE`). */
function fileCommand(file, name, value) {
    issueFileCommand(file, prepareKeyValueMessage(name, value));
}
/** Like core.getInput: `INPUT_<NAME>` (spaces to `_`, upper case), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
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
const info = (message) => void process.stdout.write(message + external_node_os_namespaceObject.EOL);
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = require("node:crypto");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ./src/buildx/args.ts
function args_createBuilderArgs({ name, builder, configFile, extraDriverOpts = [], }) {
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
function removeBuilderArgs(name) {
    return ['buildx', 'rm', '--force', name];
}
function args_inspectBuilderArgs(name) {
    return ['buildx', 'inspect', name];
}
const isGitContext = (context) => /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/.test(context) &&
    (context.includes('.git') || context.includes('#'));
function gitContextHost(context) {
    if (!isGitContext(context))
        return null;
    const m = /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+)/.exec(context) ?? /^git@([^:]+):/.exec(context);
    return m ? m[1] : null;
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
    each('--attest', b.attests);
    each('--build-arg', b.buildArgs);
    each('--build-context', b.buildContexts);
    each('--cache-from', i.cacheFrom);
    each('--cache-to', i.cacheTo);
    one('--call', b.call);
    one('--cgroup-parent', b.cgroupParent);
    one('--file', b.file);
    if (i.iidFile !== '')
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
    if (b.provenance !== '')
        args.push(`--provenance=${b.provenance}`);
    if (b.pull)
        args.push('--pull');
    if (b.push)
        args.push('--push');
    if (b.sbom !== '')
        args.push(`--sbom=${b.sbom}`);
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
function historyInspectArgs(builder, ref) {
    return ['buildx', 'history', 'inspect', '--builder', builder, '--format', 'json', ref];
}

;// CONCATENATED MODULE: ./src/lib/text.ts
/** The last non-empty line of a process's output: what a failure is named by in one line. */
function text_lastLine(text) {
    const lines = text
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '');
    return lines.length > 0 ? lines[lines.length - 1].trim() : '(no message)';
}

;// CONCATENATED MODULE: ./src/buildx/builder.ts





class BuilderError extends (/* unused pure expression or super */ null && (Error)) {
}
/** A loopback cache service is only reachable from a container builder on the host's network. */
function needsHostNetwork(env) {
    const url = env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL || '';
    return /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|\/|$)/.test(url);
}
function builderName(env, uuid = randomUUID()) {
    const job = (env.GITHUB_JOB ?? '')
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
    if (o.builder.builder !== '') {
        const inspect = await exec(buildx.command, buildx.argv(inspectBuilderArgs(o.builder.builder)));
        if (inspect.exitCode !== 0) {
            throw new BuilderError(`builder ${JSON.stringify(o.builder.builder)} not found: ${inspect.stderr.trim()}`);
        }
        return { name: o.builder.builder, created: false };
    }
    if (o.builder.driver === 'docker')
        return { name: 'default', created: false };
    const name = builderName(o.env);
    let configFile;
    if (o.builder.buildkitdConfigInline.trim() !== '') {
        configFile = path.join(o.tempDir, 'buildkitd.toml');
        fs.writeFileSync(configFile, o.builder.buildkitdConfigInline);
    }
    const extraDriverOpts = o.builder.driver === 'docker-container' && needsHostNetwork(o.env) ? ['network=host'] : [];
    o.onCreate(name);
    const created = await exec(buildx.command, buildx.argv(createBuilderArgs({ name, builder: o.builder, configFile, extraDriverOpts })), { stream: true });
    if (created.exitCode !== 0) {
        throw new BuilderError(`could not create the ${o.builder.driver} builder: ${lastLine(created.stderr)}`);
    }
    return { name, created: true };
}
/** Removes a builder if it still exists; never throws (post must not fail the job). */
async function removeBuilder(exec, buildx, name) {
    const inspect = await exec(buildx.command, buildx.argv(args_inspectBuilderArgs(name)));
    if (inspect.exitCode !== 0)
        return null;
    const rm = await exec(buildx.command, buildx.argv(removeBuilderArgs(name)));
    return rm.exitCode === 0 ? null : text_lastLine(rm.stderr);
}

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
const SYSTEM_PLUGIN_DIRS = (/* unused pure expression or super */ null && ([
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
]));
/**
 * The docker CLI's system plugin folders. The tests run a copy of the CLI whose folders are
 * stand-ins they own (a buildx installed system-wide must not leak into a "no buildx" case) and
 * name them to the action in BKCA_CLI_PLUGINS_SYSTEM_DIRS (`:`-separated).
 */
function systemPluginDirs(platform, env = process.env) {
    if (platform === 'win32')
        return [];
    const standIns = env.BKCA_CLI_PLUGINS_SYSTEM_DIRS;
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
    const system = o.systemDirs ?? systemPluginDirs(o.platform);
    return [...o.extraDirs, `${o.dockerConfigDir}/cli-plugins`, ...system].map((d) => `${d}/${name}`);
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = require("node:child_process");
;// CONCATENATED MODULE: ./src/lib/exec.ts

const exec_exec = (command, args, options = {}) => new Promise((resolve) => {
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
    if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }, options.timeoutMs);
    }
    child.stdout?.on('data', (chunk) => {
        out.push(chunk);
        if (options.stream)
            process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => {
        err.push(chunk);
        if (options.stream)
            process.stdout.write(chunk);
    });
    const finish = (exitCode, spawnError = '') => {
        if (timer)
            clearTimeout(timer);
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
    core.saveState(KEYS.builder, name);
    core.saveState(KEYS.cleanup, String(cleanup));
}
function saveTempDir(path) {
    core.saveState(KEYS.tempDir, path);
}
function saveBuildxPath(path) {
    core.saveState(KEYS.buildxPath, path);
}
function readState() {
    return {
        builder: getState(KEYS.builder),
        cleanup: getState(KEYS.cleanup) !== 'false',
        tempDir: getState(KEYS.tempDir),
        buildxPath: getState(KEYS.buildxPath),
    };
}

;// CONCATENATED MODULE: ./src/app/post.ts






/**
 * Removes what main created. Always runs, even after a failed or cancelled main step; safe to
 * run twice; every problem is a warning, never a failed job.
 */
async function post(exec = exec_exec) {
    const s = readState();
    if (s.builder !== '' && s.cleanup) {
        const buildx = s.buildxPath ? standaloneBuildx(s.buildxPath, '') : pluginBuildx('');
        try {
            const problem = await removeBuilder(exec, buildx, s.builder);
            if (problem)
                warning(`could not remove builder ${s.builder}: ${problem}`);
            else
                info(`builder ${s.builder} removed (or already gone)`);
        }
        catch (e) {
            warning(`could not remove builder ${s.builder}: ${e.message}`);
        }
    }
    if (s.tempDir !== '') {
        try {
            external_node_fs_namespaceObject.rmSync(s.tempDir, { recursive: true, force: true });
        }
        catch (e) {
            warning(`could not remove ${s.tempDir}: ${e.message}`);
        }
    }
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

;// CONCATENATED MODULE: ./src/entry/post.ts
// Post has its own bundle (see entry/main.ts): only the cleanup code is loaded.


post().catch(lastResort('warning'));

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map