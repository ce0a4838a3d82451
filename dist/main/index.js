require('./sourcemap-register.js');/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 4914:
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

/***/ 4753:
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
const crypto = __importStar(__nccwpck_require__(6982));
const fs = __importStar(__nccwpck_require__(9896));
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

/***/ 1703:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createBuilderArgs = createBuilderArgs;
exports.removeBuilderArgs = removeBuilderArgs;
exports.inspectBuilderArgs = inspectBuilderArgs;
exports.gitContextHost = gitContextHost;
exports.buildArgs = buildArgs;
exports.cacheExportArgs = cacheExportArgs;
exports.historyLogsArgs = historyLogsArgs;
exports.historyInspectArgs = historyInspectArgs;
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
function removeBuilderArgs(name) {
    return ['buildx', 'rm', '--force', name];
}
function inspectBuilderArgs(name) {
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
function historyInspectArgs(builder, ref) {
    return ['buildx', 'history', 'inspect', '--builder', builder, '--format', 'json', ref];
}


/***/ }),

/***/ 9224:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.prepareBuild = prepareBuild;
exports.isBrokenCacheError = isBrokenCacheError;
exports.runImageBuild = runImageBuild;
exports.withoutIgnoreError = withoutIgnoreError;
exports.exportWaves = exportWaves;
exports.runCacheExport = runCacheExport;
exports.exportError = exportError;
const fs = __importStar(__nccwpck_require__(3024));
const path = __importStar(__nccwpck_require__(6760));
const core = __importStar(__nccwpck_require__(6342));
const args_1 = __nccwpck_require__(1703);
const builder_1 = __nccwpck_require__(1747);
const parse_1 = __nccwpck_require__(2487);
const export_size_1 = __nccwpck_require__(5930);
/** Argument data and environment for both invocations. Secret values go by environment only. */
function prepareBuild(inputs, o) {
    const env = { ...o.env, BUILDX_METADATA_WARNINGS: 'true' };
    const secretEnvNames = inputs.build.secrets.map((_, n) => `BKCA_SECRET_${n}`);
    inputs.build.secrets.forEach((s, n) => (env[secretEnvNames[n]] = s.value));
    const host = (0, args_1.gitContextHost)(inputs.build.context);
    const gitAuthEnv = host && inputs.githubToken ? { host, env: 'BKCA_GIT_AUTH_TOKEN' } : undefined;
    if (gitAuthEnv)
        env[gitAuthEnv.env] = inputs.githubToken;
    const separateExport = o.cacheTo.length > 0 && !o.cacheTo.some((e) => e.startsWith('type=inline'));
    return {
        input: {
            build: inputs.build,
            builder: o.builder,
            cacheFrom: o.cacheFrom,
            cacheTo: separateExport ? [] : o.cacheTo,
            metadataFile: path.join(o.tempDir, 'metadata.json'),
            iidFile: path.join(o.tempDir, 'iid'),
            secretEnvNames,
            gitAuthEnv,
        },
        env,
        cwd: o.cwd,
        separateExport,
        cacheTo: o.cacheTo,
        exportMetadataFile: path.join(o.tempDir, 'export-metadata.json'),
    };
}
/** BuildKit's words for an imported cache whose blobs are gone (evicted, deleted). */
function isBrokenCacheError(stderr) {
    return /(blob|content|digest)[^\n]*not found|failed to (get|fetch|copy)[^\n]*blob|unexpected status[^\n]*404/i.test(stderr);
}
const readIfExists = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
async function runImageBuild(exec, buildx, s) {
    const started = Date.now();
    const opts = { stream: true, env: s.env, cwd: s.cwd };
    let result = await exec(buildx.command, buildx.argv((0, args_1.buildArgs)(s.input)), opts);
    let retriedWithoutCache = false;
    if (result.exitCode !== 0 && s.input.cacheFrom.length > 0 && isBrokenCacheError(result.stderr)) {
        // An index that outlived its blobs (eviction) fails the build instead of missing: build once more without it.
        core.warning(`a cache source is broken (${(0, builder_1.lastLine)(result.stderr)}); building again without cache sources`);
        retriedWithoutCache = true;
        result = await exec(buildx.command, buildx.argv((0, args_1.buildArgs)({ ...s.input, cacheFrom: [] })), opts);
    }
    const metadataText = readIfExists(s.input.metadataFile);
    return {
        result,
        metadataText,
        metadata: (0, parse_1.parseMetadata)(metadataText || '{}'),
        imageId: readIfExists(s.input.iidFile).trim(),
        ms: Date.now() - started,
        retriedWithoutCache,
    };
}
/**
 * The export invocation doesn't need `ignore-error`: it exports nothing but the cache, so its exit
 * code is the export's result and its last error line the reason, with no build record to read.
 */
function withoutIgnoreError(entry) {
    return entry
        .split(',')
        .filter((attr) => attr !== 'ignore-error=true')
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
        const attrs = (0, export_size_1.cacheEntryAttributes)(entry);
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
        const run = await exec(buildx.command, buildx.argv((0, args_1.cacheExportArgs)(input)), {
            stream: true,
            env: s.env,
            cwd: s.cwd,
            timeoutMs: timeoutMs > 0 ? Math.max(left, 1) : undefined,
        });
        // The first invocation's metadata names the cache manifest every later one reuses.
        metadata ??= (0, parse_1.parseMetadata)(readIfExists(input.metadataFile) || '{}');
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
    return { status: 'ok', reason: '', metadata: metadata ?? (0, parse_1.parseMetadata)('{}'), ms: Date.now() - started };
}
/** buildx ends a failed export with `ERROR: failed to solve: <why>`; the why is what users need. */
function exportError(stderr) {
    return (0, builder_1.lastLine)(stderr)
        .replace(/^ERROR:\s*/, '')
        .replace(/^failed to solve:\s*/, '');
}


/***/ }),

/***/ 1747:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BuilderError = void 0;
exports.needsHostNetwork = needsHostNetwork;
exports.builderName = builderName;
exports.setupBuilder = setupBuilder;
exports.removeBuilder = removeBuilder;
exports.lastLine = lastLine;
const node_crypto_1 = __nccwpck_require__(7598);
const fs = __importStar(__nccwpck_require__(3024));
const path = __importStar(__nccwpck_require__(6760));
const args_1 = __nccwpck_require__(1703);
class BuilderError extends Error {
}
exports.BuilderError = BuilderError;
/** A loopback cache service is only reachable from a container builder on the host's network. */
function needsHostNetwork(env) {
    const url = env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL || '';
    return /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|\/|$)/.test(url);
}
function builderName(env, uuid = (0, node_crypto_1.randomUUID)()) {
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
        const inspect = await exec(buildx.command, buildx.argv((0, args_1.inspectBuilderArgs)(o.builder.builder)));
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
    const created = await exec(buildx.command, buildx.argv((0, args_1.createBuilderArgs)({ name, builder: o.builder, configFile, extraDriverOpts })), { stream: true });
    if (created.exitCode !== 0) {
        throw new BuilderError(`could not create the ${o.builder.driver} builder: ${lastLine(created.stderr)}`);
    }
    return { name, created: true };
}
/** Removes a builder if it still exists; never throws (post must not fail the job). */
async function removeBuilder(exec, buildx, name) {
    const inspect = await exec(buildx.command, buildx.argv((0, args_1.inspectBuilderArgs)(name)));
    if (inspect.exitCode !== 0)
        return null;
    const rm = await exec(buildx.command, buildx.argv((0, args_1.removeBuilderArgs)(name)));
    return rm.exitCode === 0 ? null : lastLine(rm.stderr);
}
function lastLine(text) {
    const lines = text
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '');
    return lines.length > 0 ? lines[lines.length - 1].trim() : '(no message)';
}


/***/ }),

/***/ 1826:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pluginBuildx = pluginBuildx;
exports.standaloneBuildx = standaloneBuildx;
exports.buildxPluginCandidates = buildxPluginCandidates;
exports.extraPluginDirs = extraPluginDirs;
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
/**
 * Where the docker CLI looks for its buildx plugin, in its order: config.json's
 * `cliPluginsExtraDirs`, `$DOCKER_CONFIG/cli-plugins` (else `~/.docker/cli-plugins`), then the
 * system directories. Running the plugin binary itself skips the docker CLI, which starts it twice
 * per command (once for its metadata): ~0.07 s a call instead of ~0.2 s on a 2-core runner.
 */
function buildxPluginCandidates(o) {
    const name = o.platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
    const system = o.platform === 'win32'
        ? []
        : [
            '/usr/local/lib/docker/cli-plugins',
            '/usr/local/libexec/docker/cli-plugins',
            '/usr/lib/docker/cli-plugins',
            '/usr/libexec/docker/cli-plugins',
        ];
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


/***/ }),

/***/ 8268:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.engineSocket = engineSocket;
exports.pingSocket = pingSocket;
exports.probeEngine = probeEngine;
const http = __importStar(__nccwpck_require__(7067));
const docker_config_1 = __nccwpck_require__(7706);
const builder_1 = __nccwpck_require__(1747);
/**
 * The engine's unix socket when the docker CLI would talk to one without a context: `DOCKER_HOST`
 * as `unix://…`, or the default socket when neither `DOCKER_HOST`, `DOCKER_CONTEXT` nor the
 * config's `currentContext` says otherwise. Null when only the CLI can tell (tcp, ssh, contexts,
 * Windows pipes).
 */
function engineSocket(env, configJson, platform = process.platform) {
    const host = env.DOCKER_HOST ?? '';
    if (host !== '')
        return host.startsWith('unix://') ? host.slice('unix://'.length) : null;
    if ((env.DOCKER_CONTEXT ?? '') !== '' && env.DOCKER_CONTEXT !== 'default')
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
        const req = http.get({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
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
async function probeEngine(exec, env) {
    const socket = engineSocket(env, (0, docker_config_1.readDockerConfig)(env));
    if (socket !== null)
        return pingSocket(socket);
    const result = await exec('docker', ['version', '--format', '{{.Server.Version}}']);
    if (result.exitCode === 0)
        return { ok: true };
    const reason = result.stderr.trim() ? (0, builder_1.lastLine)(result.stderr) : `docker version exited ${result.exitCode}`;
    return { ok: false, reason };
}


/***/ }),

/***/ 348:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readBuildLog = readBuildLog;
exports.readBuildHistory = readBuildHistory;
exports.lastBuildRef = lastBuildRef;
const core = __importStar(__nccwpck_require__(6342));
const args_1 = __nccwpck_require__(1703);
const builder_1 = __nccwpck_require__(1747);
const parse_1 = __nccwpck_require__(2487);
async function readBuildLog(exec, buildx, builder, ref) {
    const logs = await exec(buildx.command, buildx.argv((0, args_1.historyLogsArgs)(builder, ref)));
    if (logs.exitCode !== 0) {
        core.warning(`could not read the build record ${ref}: ${(0, builder_1.lastLine)(logs.stderr)}`);
        return null;
    }
    // buildx writes the rawjson stream to stderr or stdout depending on its version.
    return (0, parse_1.parseRawJsonLog)(`${logs.stdout}\n${logs.stderr}`);
}
/** The log and the record, read side by side. */
async function readBuildHistory(exec, buildx, builder, ref) {
    const [log, inspected] = await Promise.all([
        readBuildLog(exec, buildx, builder, ref),
        exec(buildx.command, buildx.argv((0, args_1.historyInspectArgs)(builder, ref))),
    ]);
    return { log, record: inspected.exitCode === 0 ? (0, parse_1.parseHistoryInspect)(inspected.stdout) : null };
}
/**
 * When the build failed before writing metadata, the newest record is this build's. On a shared
 * builder a concurrent build can be newer: after a failure, only failed records are candidates.
 */
async function lastBuildRef(exec, buildx, builder, failed) {
    const args = ['buildx', 'history', 'ls', '--builder', builder, '--format', '{{.Ref}}'];
    let ls = await exec(buildx.command, buildx.argv(failed ? [...args, '--filter', 'status=error'] : args));
    if (ls.exitCode !== 0 && failed)
        ls = await exec(buildx.command, buildx.argv(args));
    if (ls.exitCode !== 0)
        return null;
    const first = ls.stdout.trim().split('\n')[0]?.trim() ?? '';
    return first === '' ? null : (first.split('/').pop() ?? null);
}


/***/ }),

/***/ 5443:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GHA_MIN_BUILDX = exports.BuildxError = void 0;
exports.coerceVersion = coerceVersion;
exports.compareVersions = compareVersions;
exports.releaseAsset = releaseAsset;
exports.releaseUrl = releaseUrl;
exports.toolCacheDir = toolCacheDir;
exports.probeBuildx = probeBuildx;
exports.ensureBuildx = ensureBuildx;
const fs = __importStar(__nccwpck_require__(3024));
const os = __importStar(__nccwpck_require__(8161));
const path = __importStar(__nccwpck_require__(6760));
const docker_config_1 = __nccwpck_require__(7706);
const http_1 = __nccwpck_require__(9663);
const buildx_1 = __nccwpck_require__(1826);
const parse_1 = __nccwpck_require__(2487);
class BuildxError extends Error {
}
exports.BuildxError = BuildxError;
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
/** The GitHub cache service v2 needs buildx 0.21 (url_v2); older buildx silently caches nothing. */
exports.GHA_MIN_BUILDX = '0.21.0';
/** The release asset for this machine, e.g. `buildx-v0.29.1.linux-amd64`. */
function releaseAsset(version, platform = os.platform(), arch = os.arch()) {
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
const BINARY = os.platform() === 'win32' ? 'buildx.exe' : 'buildx';
function defaultToolCache() {
    return process.env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'bkca-tool-cache');
}
/**
 * Where a release lives in the runner's tool cache, in the layout @actions/tool-cache uses
 * (`<cache>/buildx/<version>/<arch>/`, complete once `<arch>.complete` exists), so that a later
 * run on the same runner, ours or another action's, finds it.
 */
function toolCacheDir(version, toolCache, arch = os.arch()) {
    return path.join(toolCache, 'buildx', version, arch);
}
/**
 * Downloads a release binary into its tool cache folder: staged next to it, then renamed, then
 * marked complete, so that a run cut short leaves nothing a later run would take for whole. One
 * retry for a network error or a server error.
 */
async function downloadTo(url, dir, fetchImpl) {
    let res = await fetchImpl(url, { signal: AbortSignal.timeout(300_000) }).catch(() => null);
    if (res === null || res.status >= 500)
        res = await fetchImpl(url, { signal: AbortSignal.timeout(300_000) });
    if (!res.ok)
        throw new Error(`HTTP ${res.status}`);
    const data = Buffer.from(await res.arrayBuffer());
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const staging = fs.mkdtempSync(`${dir}.download-`);
    fs.writeFileSync(path.join(staging, BINARY), data, { mode: 0o755 });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    fs.writeFileSync(`${dir}.complete`, '');
}
/**
 * Asks the buildx the docker CLI would run for its version: the plugin binary itself when it is
 * found where the CLI looks (see buildxPluginCandidates), else `docker buildx version`.
 */
async function probeBuildx(exec, env) {
    const binary = (0, buildx_1.buildxPluginCandidates)({
        dockerConfigDir: (0, docker_config_1.dockerConfigDir)(env),
        extraDirs: (0, buildx_1.extraPluginDirs)((0, docker_config_1.readDockerConfig)(env)),
        platform: os.platform(),
    }).find((file) => fs.existsSync(file));
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
    const { result: probe, binary: pluginBinary } = await (o.probe ?? probeBuildx(exec, process.env));
    const current = probe.exitCode === 0 ? (0, parse_1.parseBuildxVersion)(probe.stdout) : null;
    const wanted = o.wanted.replace(/^v/, '');
    const minimum = [wanted, o.floor]
        .map(coerceVersion)
        .filter((v) => v !== null)
        .sort((a, b) => compareVersions(b, a))[0];
    if (current && (!minimum || compareVersions(coerceVersion(current) ?? '0.0.0', minimum) >= 0)) {
        return { buildx: pluginBinary ? (0, buildx_1.standaloneBuildx)(pluginBinary, current) : (0, buildx_1.pluginBuildx)(current) };
    }
    const have = current ? `buildx ${current}` : 'no docker buildx plugin';
    if (wanted === '') {
        throw new BuildxError(`${have} found; ${minimum} or newer is needed. Set buildx-version (e.g. 0.29.1) to install it, or use docker/setup-buildx-action first`);
    }
    const version = coerceVersion(wanted);
    const dir = toolCacheDir(version, o.toolCache ?? defaultToolCache());
    if (!fs.existsSync(`${dir}.complete`)) {
        const url = releaseUrl(version, o.releasesBase);
        try {
            await downloadTo(url, dir, o.fetchImpl ?? http_1.httpFetch);
        }
        catch (e) {
            throw new BuildxError(`${have} found and buildx ${version} could not be downloaded from ${url}: ${(0, http_1.failureText)(e)}`);
        }
    }
    const binary = path.join(dir, BINARY);
    const check = await exec(binary, ['version']);
    const installed = check.exitCode === 0 ? (0, parse_1.parseBuildxVersion)(check.stdout) : null;
    if (!installed)
        throw new BuildxError(`the downloaded buildx ${version} does not run: ${check.stderr.trim()}`);
    return {
        buildx: (0, buildx_1.standaloneBuildx)(binary, installed),
        note: `installed buildx ${installed} (${have} on the runner)`,
    };
}


/***/ }),

/***/ 2487:
/***/ ((__unused_webpack_module, exports) => {


/** Pure parsers for what buildx prints and writes; tested against recorded real output. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseBuildxVersion = parseBuildxVersion;
exports.parseMaterialUri = parseMaterialUri;
exports.parseMetadata = parseMetadata;
exports.parseStepName = parseStepName;
exports.timeMicros = timeMicros;
exports.parseRawJsonLog = parseRawJsonLog;
exports.stepTotals = stepTotals;
exports.parseErrorSource = parseErrorSource;
exports.parseHistoryInspect = parseHistoryInspect;
/** `github.com/docker/buildx v0.29.1 1a2b3c` or Debian's `… 0.29.1+ds1 0.29.1+ds1-4` → `0.29.1`. */
function parseBuildxVersion(stdout) {
    const m = /github\.com\/docker\/buildx\s+v?(\d+\.\d+\.\d+)/.exec(stdout) ?? /\bv?(\d+\.\d+\.\d+)/.exec(stdout);
    return m ? m[1] : null;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : '');
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
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
const isCanceled = (error) => /context canceled|^canceled$|: canceled$/i.test(error);
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
    const entries = [];
    for (const doc of jsonDocuments(text)) {
        const vertexes = doc.vertexes;
        if (!Array.isArray(vertexes))
            continue;
        for (const v of vertexes)
            if (v && typeof v.digest === 'string')
                entries.push(v);
    }
    // This build starts by loading its definition. Progress from before that belongs to another
    // build that shared a vertex with this one (seen with a concurrent build of the same base).
    const loads = entries
        .filter((v) => v.started && /^\[internal\] load build definition/.test(v.name ?? ''))
        .map((v) => timeMicros(v.started));
    const buildStart = loads.length > 0 ? Math.min(...loads) : -Infinity;
    const ours = (v) => !v.started || !(timeMicros(v.started) < buildStart);
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
    // Depth in the graph orders steps BuildKit reports at the same instant (a fully cached build).
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
    const log = { steps: [], imports: [], exports: [], bases: [] };
    for (const v of merged.values()) {
        // Only another build named it: its stage is that build's, not this one's.
        const foreign = !v.listed && !v.name;
        const name = v.listed ?? v.name ?? v.foreign ?? '';
        const durationMs = ms(v.firstStart, v.lastEnd);
        const importMatch = /^importing cache manifest from (.*)$/s.exec(name);
        if (importMatch) {
            log.imports.push({ name, source: importMatch[1], durationMs, ...(v.error ? { error: v.error } : {}) });
            continue;
        }
        if (/^exporting (cache|to GitHub Actions Cache)/i.test(name)) {
            log.exports.push({ name, durationMs, ...(v.error ? { error: v.error } : {}) });
            continue;
        }
        const parts = parseStepName(name);
        if (!parts)
            continue;
        if (parts.instruction === 'FROM') {
            const ref = parts.command.replace(/^FROM\s+/i, '').split(/\s+/)[0];
            const at = ref.lastIndexOf('@');
            log.bases.push({
                vertex: v.digest,
                stage: foreign ? '' : parts.stage,
                platform: foreign ? '' : parts.platform,
                image: at > 0 ? ref.slice(0, at) : ref,
                digest: at > 0 ? ref.slice(at + 1) : '',
            });
            continue;
        }
        let status;
        if (v.error)
            status = isCanceled(v.error) ? 'canceled' : 'failed';
        else if (v.cached)
            status = 'cached';
        else if (v.lastEnd)
            status = 'executed';
        else
            status = 'not-run';
        log.steps.push({
            digest: v.digest,
            name,
            ...parts,
            status,
            durationMs: status === 'executed' || status === 'failed' || status === 'canceled' ? durationMs : 0,
            startedAt: v.firstStart ?? '',
            inputs: v.inputs ?? [],
            ...(v.error ? { error: v.error } : {}),
        });
    }
    const startOf = (s) => merged.get(s.digest)?.firstStartUs ?? Infinity;
    log.steps.sort((a, b) => startOf(a) - startOf(b) ||
        depth(a.digest, new Set()) - depth(b.digest, new Set()) ||
        a.platform.localeCompare(b.platform) ||
        a.stage.localeCompare(b.stage) ||
        a.index - b.index);
    return log;
}
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
    };
}


/***/ }),

/***/ 3562:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GHA_LIMIT_BYTES = void 0;
exports.gitRefOf = gitRefOf;
exports.listGhaEntries = listGhaEntries;
exports.deleteGhaEntry = deleteGhaEntry;
exports.ghaUsage = ghaUsage;
exports.entriesByName = entriesByName;
exports.orphanedBlobs = orphanedBlobs;
exports.bytesByRef = bytesByRef;
const cache_entries_1 = __nccwpck_require__(3780);
const github_api_1 = __nccwpck_require__(2968);
/** GitHub's limit per repository; past it, GitHub evicts the least recently used entries. */
exports.GHA_LIMIT_BYTES = 10 * 1024 ** 3;
const PAGE = 100;
/** The git ref whose cache scope holds a ref's caches: where its runs wrote them. */
function gitRefOf(ref, defaultBranch) {
    switch (ref.kind) {
        case 'branch':
            return `refs/heads/${ref.name}`;
        case 'pr':
            return `refs/pull/${ref.number}/merge`;
        case 'sha':
            // Commit caches are written by pushes to the default branch.
            return `refs/heads/${defaultBranch}`;
    }
}
function entryOf(raw) {
    const e = raw;
    if (typeof e?.id !== 'number' || typeof e.key !== 'string')
        return null;
    return {
        id: e.id,
        ref: typeof e.ref === 'string' ? e.ref : '',
        key: e.key,
        createdAt: typeof e.created_at === 'string' ? Date.parse(e.created_at) : NaN,
        bytes: typeof e.size_in_bytes === 'number' ? e.size_in_bytes : 0,
    };
}
/**
 * The repository's cache entries whose key starts with `key`, in `ref` when given, every page
 * (at most `maxPages`). Throws GitHubApiError.
 */
async function listGhaEntries(api, repository, q) {
    const entries = [];
    let total = 0;
    for (let page = 1; page <= (q.maxPages ?? 50); page++) {
        const params = new URLSearchParams({ per_page: String(PAGE), page: String(page) });
        if (q.key)
            params.set('key', q.key);
        if (q.ref)
            params.set('ref', q.ref);
        if (q.sort) {
            params.set('sort', q.sort);
            params.set('direction', 'desc');
        }
        const body = (await (0, github_api_1.githubRequest)(api, 'GET', `/repos/${repository}/actions/caches?${params}`));
        const list = Array.isArray(body?.actions_caches) ? body.actions_caches : [];
        total = typeof body?.total_count === 'number' ? body.total_count : entries.length + list.length;
        for (const raw of list) {
            const e = entryOf(raw);
            if (e)
                entries.push(e);
        }
        if (list.length < PAGE || entries.length >= total)
            break;
    }
    return { entries, total };
}
async function deleteGhaEntry(api, repository, id) {
    await (0, github_api_1.githubRequest)(api, 'DELETE', `/repos/${repository}/actions/caches/${id}`);
}
async function ghaUsage(api, repository) {
    const body = (await (0, github_api_1.githubRequest)(api, 'GET', `/repos/${repository}/actions/cache/usage`));
    return {
        bytes: Number(body?.active_caches_size_in_bytes ?? 0),
        count: Number(body?.active_caches_count ?? 0),
    };
}
/** BuildKit's index entries by cache name (one name may have several, `#1`, `#2`, …). */
function entriesByName(entries) {
    const byName = new Map();
    for (const e of entries) {
        const [name] = (0, cache_entries_1.indexNames)([e.key]);
        if (name === undefined)
            continue;
        byName.set(name, [...(byName.get(name) ?? []), e]);
    }
    return byName;
}
/**
 * Layer blobs (`buildkit-blob-…`) of a ref's scope that nothing can read any more. BuildKit's
 * blobs are content-addressed and shared by every index that can read their scope; a ref's scope
 * is readable only by that ref's runs, so once the ref is gone and no index (of any image) is left
 * in its scope, its blobs are orphans. While another index remains there, they are kept: GitHub
 * expires them a week after their last use, least recently used first.
 */
function orphanedBlobs(remainingIndexes, blobs) {
    return remainingIndexes.length > 0 ? [] : blobs.filter((b) => b.key.startsWith('buildkit-blob-'));
}
/** The refs holding the most bytes among the given entries, largest first. */
function bytesByRef(entries, top = 5) {
    const sums = new Map();
    for (const e of entries)
        sums.set(e.ref, (sums.get(e.ref) ?? 0) + e.bytes);
    return [...sums]
        .map(([ref, bytes]) => ({ ref, bytes }))
        .sort((a, b) => b.bytes - a.bytes || (a.ref < b.ref ? -1 : 1))
        .slice(0, top);
}


/***/ }),

/***/ 2968:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GitHubApiError = void 0;
exports.githubRequest = githubRequest;
const http_1 = __nccwpck_require__(9663);
/** A REST call GitHub refused or that did not reach it: `status` 0 when it never answered. */
class GitHubApiError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
exports.GitHubApiError = GitHubApiError;
/** One REST call: JSON in and out. Throws GitHubApiError with GitHub's own message. */
async function githubRequest(api, method, path) {
    const url = `${api.apiUrl.replace(/\/+$/, '')}${path}`;
    let res;
    try {
        res = await (api.fetchImpl ?? http_1.httpFetch)(url, {
            method,
            headers: {
                Accept: 'application/vnd.github+json',
                Authorization: `Bearer ${api.token}`,
                'X-GitHub-Api-Version': '2022-11-28',
                'User-Agent': 'buildkit-cache-action',
            },
            signal: AbortSignal.timeout(api.timeoutMs ?? 10000),
        });
    }
    catch (e) {
        throw new GitHubApiError(0, `${method} ${path}: ${(0, http_1.failureText)(e)}`);
    }
    const text = await res.text();
    if (!res.ok) {
        let message = text.slice(0, 120);
        try {
            message = String(JSON.parse(text).message ?? message);
        }
        catch {
            // not JSON: the excerpt
        }
        throw new GitHubApiError(res.status, `${method} ${path}: HTTP ${res.status} ${message}`);
    }
    return text === '' ? null : JSON.parse(text);
}


/***/ }),

/***/ 5436:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cleanupTrigger = void 0;
exports.runCleanupEvent = runCleanupEvent;
exports.retainCommitCaches = retainCommitCaches;
exports.cleanupOutputs = cleanupOutputs;
// The room's door for main.ts: the REST and registry code is evaluated only on runs that clean up.
var plan_1 = __nccwpck_require__(8345);
Object.defineProperty(exports, "cleanupTrigger", ({ enumerable: true, get: function () { return plan_1.cleanupTrigger; } }));
async function runCleanupEvent(ctx, inputs, env, trigger) {
    return (await Promise.resolve().then(() => __importStar(__nccwpck_require__(7689)))).runCleanupEvent(ctx, inputs, env, trigger);
}
/** Retention runs on pushes to the default branch only. */
async function retainCommitCaches(ctx, inputs, env, plan) {
    if (plan.trigger.kind !== 'push-default')
        return null;
    return (await Promise.resolve().then(() => __importStar(__nccwpck_require__(7689)))).retainCommitCaches(ctx, inputs, env, plan);
}
/** The outputs a clean-up adds: the repository's GitHub cache usage, when it was read. */
function cleanupOutputs(o) {
    return o?.quota ? { 'cache-usage-bytes': String(o.quota.repositoryBytes) } : {};
}


/***/ }),

/***/ 8345:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_DELETIONS = void 0;
exports.cleanupTrigger = cleanupTrigger;
exports.namesOfRef = namesOfRef;
exports.planDeletions = planDeletions;
exports.deletionsDue = deletionsDue;
exports.manifestsToDelete = manifestsToDelete;
const names_1 = __nccwpck_require__(2471);
/** At most this many caches are deleted per run: a backlog is paid off over several runs. */
exports.MAX_DELETIONS = 25;
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
/** The legs a name of this scope may have ('' for the plain build); none when the name is not this scope's. */
function legsOf(name, scope) {
    const prefix = `${(0, names_1.namespace)(scope, '')}.`;
    if (!name.startsWith(prefix))
        return [];
    const leg = /^([a-z0-9_-]+)\.(?:branch|pr|sha)-/.exec(name.slice(prefix.length));
    return leg ? ['', leg[1]] : [''];
}
/** The ref's cache names among `names`, for every leg of the scope (exact names: `feature` never takes `feature-2`). */
function namesOfRef(names, scope, ref) {
    return names.filter((name) => legsOf(name, scope).some((leg) => (0, names_1.cacheName)((0, names_1.namespace)(scope, leg), ref) === name));
}
const SHA_PART = /^sha-[0-9a-f]{40}$/;
/**
 * What a run deletes. A ref that is gone: every cache of it in the scope, all legs. Retention (a
 * push to the default branch): the `sha-*` caches of this run's namespace beyond the newest
 * `keep`; a cache whose age is unknown counts as new. Never a name this run reads or writes, at
 * most `limit` deletions, the oldest first.
 */
function planDeletions(o) {
    const limit = o.limit ?? exports.MAX_DELETIONS;
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
        const commits = caches
            .filter((c) => c.name.startsWith(prefix) && SHA_PART.test(c.name.slice(prefix.length)))
            // Newest first; unknown ages first of all, so they are kept.
            .sort((a, b) => (b.createdAt ?? Infinity) - (a.createdAt ?? Infinity) ||
            (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
 * Which manifests go: deleting a manifest deletes every tag on it, so one is deleted only when
 * every tag on it is being deleted. A tag that shares its manifest with a kept tag stays.
 */
function manifestsToDelete(deletions, manifests) {
    const doomed = new Map(deletions.map((d) => [d.name, d.why]));
    const remove = [];
    const kept = [];
    const seen = new Set();
    for (const d of deletions) {
        const m = manifests.find((x) => x.tags.includes(d.name));
        if (!m) {
            kept.push({ name: d.name, why: 'its manifest was not found (already deleted?)' });
            continue;
        }
        if (seen.has(m.id))
            continue;
        seen.add(m.id);
        const others = m.tags.filter((t) => !doomed.has(t));
        if (others.length > 0) {
            for (const t of m.tags.filter((x) => doomed.has(x))) {
                kept.push({ name: t, why: `shares its manifest with ${others.join(', ')}, which is kept` });
            }
        }
        else {
            remove.push({ ...m, why: d.why });
        }
    }
    return { remove, kept };
}


/***/ }),

/***/ 3209:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.newestLayerTime = newestLayerTime;
exports.registryTags = registryTags;
exports.readRegistryTags = readRegistryTags;
exports.deleteManifest = deleteManifest;
exports.ghcrPackage = ghcrPackage;
exports.listGhcr = listGhcr;
exports.deleteGhcrVersion = deleteGhcrVersion;
const tags_1 = __nccwpck_require__(7906);
const github_api_1 = __nccwpck_require__(2968);
/** Manifest kinds BuildKit's registry cache writes (an index, or an image manifest on ECR and friends). */
const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const PARALLEL = 8;
/** Reading every tag's digest and deleting share one session: this bounds them all. */
const SESSION_TIMEOUT_MS = 30000;
async function eachLimited(items, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
    return out;
}
/**
 * When a cache manifest was written: the newest `buildkit/createdat` among its layers (BuildKit
 * annotates every layer of a cache with it). Null when none is there.
 */
function newestLayerTime(manifest) {
    const m = manifest;
    const descriptors = [
        ...(Array.isArray(m?.manifests) ? m.manifests : []),
        ...(Array.isArray(m?.layers) ? m.layers : []),
    ];
    let newest = null;
    for (const d of descriptors) {
        const t = Date.parse(String(d?.annotations?.['buildkit/createdat'] ?? ''));
        if (!Number.isNaN(t) && (newest === null || t > newest))
            newest = t;
    }
    return newest;
}
/** The cache repository's tags. Throws an Error with a reason fit for a warning. */
async function registryTags(image, dockerConfigDir) {
    const listed = await (0, tags_1.listTags)({ image, dockerConfigDir, timeoutMs: 10000 });
    if (listed.tags === null)
        throw new Error(listed.reason);
    return listed.tags;
}
/**
 * Every tag with the digest it points at (one HEAD each), so no tag is deleted whose manifest a
 * kept tag shares; for the tags `dated` picks, the manifest is read for its age. Throws an Error
 * with a reason fit for a warning.
 */
async function readRegistryTags(o) {
    const timeoutMs = o.timeoutMs ?? SESSION_TIMEOUT_MS;
    const session = (0, tags_1.openRegistry)({
        image: o.image,
        dockerConfigDir: o.dockerConfigDir,
        signal: AbortSignal.timeout(timeoutMs),
        actions: 'pull,delete',
    });
    const { name } = session;
    const read = async (tag) => {
        const dated = o.dated(tag);
        const res = await session.send(`${session.origin}/v2/${name.repository}/manifests/${tag}`, {
            method: dated ? 'GET' : 'HEAD',
            headers: { Accept: MANIFEST_ACCEPT },
        });
        const body = await res.text();
        if (res.status === 404)
            return { tag, digest: null, createdAt: null };
        if (!res.ok)
            throw new Error(`${session.where} answered HTTP ${res.status} for the tag ${tag}`);
        const digest = res.headers.get('docker-content-digest');
        if (!digest)
            throw new Error(`${session.where} sent no digest for the tag ${tag}`);
        let createdAt = null;
        if (dated) {
            try {
                createdAt = newestLayerTime(JSON.parse(body));
            }
            catch {
                createdAt = null;
            }
        }
        return { tag, digest, createdAt };
    };
    let found;
    try {
        found = await eachLimited(o.tags, read);
    }
    catch (e) {
        throw new Error((0, tags_1.registryFailure)(e, { where: session.where, doing: 'reading tags', timeoutMs, redact: session.redact }));
    }
    const manifests = new Map();
    for (const f of found)
        if (f.digest)
            manifests.set(f.digest, [...(manifests.get(f.digest) ?? []), f.tag]);
    return {
        caches: found.filter((f) => f.digest).map((f) => ({ name: f.tag, createdAt: f.createdAt })),
        manifests: [...manifests].map(([id, tags]) => ({ id, tags })),
        session,
    };
}
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
        return (0, tags_1.registryFailure)(e, {
            where: session.where,
            doing: 'deleting a manifest',
            timeoutMs: SESSION_TIMEOUT_MS,
            redact: session.redact,
        });
    }
}
/** GHCR keeps its images as packages: `ghcr.io/<owner>/<path>` is the container package `<path>` of `<owner>`. */
function ghcrPackage(image) {
    const m = /^ghcr\.io\/([^/]+)\/(.+)$/.exec(image.toLowerCase());
    return m ? { owner: m[1], name: m[2] } : null;
}
/**
 * The container package's versions (GitHub's Packages REST API): one per manifest, with its tags.
 * The owner is an organization or a user; the organization's path is tried first. Throws
 * GitHubApiError.
 */
async function listGhcr(api, pkg) {
    const encoded = encodeURIComponent(pkg.name);
    let base = `/orgs/${pkg.owner}/packages/container/${encoded}/versions`;
    const versions = [];
    for (let page = 1; page <= 20; page++) {
        let body;
        try {
            body = await (0, github_api_1.githubRequest)(api, 'GET', `${base}?per_page=100&page=${page}`);
        }
        catch (e) {
            if (page !== 1 || e.status !== 404 || base.startsWith('/users/'))
                throw e;
            base = `/users/${pkg.owner}/packages/container/${encoded}/versions`;
            body = await (0, github_api_1.githubRequest)(api, 'GET', `${base}?per_page=100&page=${page}`);
        }
        const list = (Array.isArray(body) ? body : []);
        versions.push(...list);
        if (list.length < 100)
            break;
    }
    const caches = [];
    const manifests = [];
    for (const v of versions) {
        const raw = v.metadata?.container?.tags;
        const tags = Array.isArray(raw) ? raw.filter((t) => typeof t === 'string') : [];
        const createdAt = v.created_at ? Date.parse(v.created_at) : NaN;
        for (const tag of tags)
            caches.push({ name: tag, createdAt: Number.isNaN(createdAt) ? null : createdAt });
        manifests.push({ id: String(v.id), tags });
    }
    return { caches, manifests, base };
}
async function deleteGhcrVersion(api, base, id) {
    await (0, github_api_1.githubRequest)(api, 'DELETE', `${base}/${id}`);
}


/***/ }),

/***/ 7689:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.namesInEntries = namesInEntries;
exports.quotaWarning = quotaWarning;
exports.runCleanupEvent = runCleanupEvent;
exports.retainCommitCaches = retainCommitCaches;
const docker_config_1 = __nccwpck_require__(7706);
const names_1 = __nccwpck_require__(2471);
const plan_1 = __nccwpck_require__(8720);
const rules_1 = __nccwpck_require__(1324);
const outputs_1 = __nccwpck_require__(5468);
const report_1 = __nccwpck_require__(8850);
const summary_1 = __nccwpck_require__(7994);
const core = __importStar(__nccwpck_require__(6342));
const gha_1 = __nccwpck_require__(3562);
const plan_2 = __nccwpck_require__(8345);
const index_1 = __nccwpck_require__(5436);
const summary_2 = __nccwpck_require__(6320);
const registry_1 = __nccwpck_require__(3209);
/** Above this share of GitHub's 10 GB, a warning names the refs that hold the most. */
const QUOTA_WARNING = 0.8;
/** The cache names inside BuildKit cache entries (`scope=`, `name=`, `ref=<image>:<tag>`, `src=`/`dest=`). */
function namesInEntries(entries) {
    const names = [];
    for (const entry of entries) {
        for (const attr of entry.split(',')) {
            const eq = attr.indexOf('=');
            const [key, value] = [attr.slice(0, eq), attr.slice(eq + 1)];
            if (key === 'scope' || key === 'name')
                names.push(...value.split(';'));
            else if (key === 'ref')
                names.push(value.slice(value.lastIndexOf(':') + 1));
            else if (key === 'src' || key === 'dest')
                names.push(value.slice(value.lastIndexOf('/') + 1));
        }
    }
    return names;
}
/**
 * Carries out a clean-up against the run's backend: lists what exists, plans the deletions
 * (plan.ts), deletes them unless it is a dry run. Never throws: a refusal is a warning.
 */
async function cleanUp(ctx, inputs, env, target, why, protect) {
    const options = (0, plan_1.planOptionsFrom)(inputs);
    const out = {
        kind: target.kind,
        why,
        dryRun: inputs.dryRun,
        deleted: [],
        kept: [],
        deferred: [],
        notes: [],
        warnings: [],
        quota: null,
    };
    const api = { apiUrl: ctx.apiUrl, token: inputs.githubToken };
    const decide = (existing) => {
        const p = (0, plan_2.planDeletions)({ target, scope: options.scope, existing, protect });
        out.kept.push(...p.kept);
        out.deferred.push(...p.deferred);
        return p;
    };
    try {
        switch (options.backend) {
            case 'gha':
                if (!inputs.githubToken) {
                    out.notes.push('no github-token: the GitHub cache is not cleaned up');
                    break;
                }
                await cleanUpGha(ctx, api, target, options.scope, decide, out);
                break;
            case 'registry': {
                const ghcr = (0, registry_1.ghcrPackage)(options.image ?? '');
                if (ghcr && !inputs.githubToken) {
                    out.notes.push("no github-token: GHCR's packages are not cleaned up");
                }
                else if (ghcr) {
                    const listed = await (0, registry_1.listGhcr)(api, ghcr);
                    await deleteManifests(decide(listed.caches), listed.manifests, out, (id) => (0, registry_1.deleteGhcrVersion)(api, listed.base, id).then(() => null));
                }
                else {
                    const image = options.image ?? '';
                    const configDir = (0, docker_config_1.dockerConfigDir)(env);
                    const tags = await (0, registry_1.registryTags)(image, configDir);
                    // Names alone tell whether anything is due: most runs stop here, before any digest is read.
                    if (!(0, plan_2.deletionsDue)(target, options.scope, tags))
                        break;
                    const sha = target.kind === 'retention' ? `${target.namespace}.sha-` : null;
                    const listed = await (0, registry_1.readRegistryTags)({
                        image,
                        tags,
                        dockerConfigDir: configDir,
                        dated: (tag) => sha !== null && tag.startsWith(sha),
                    });
                    await deleteManifests(decide(listed.caches), listed.manifests, out, (digest) => (0, registry_1.deleteManifest)(listed.session, digest));
                }
                break;
            }
            case 's3':
            case 'azblob':
                out.notes.push(`${options.backend}: old caches are left to the bucket's lifecycle rules (see README)`);
                break;
            default:
                out.notes.push(`cache ${options.backend}: nothing to clean up`);
        }
    }
    catch (e) {
        const text = refusal(e, options.backend, (0, registry_1.ghcrPackage)(options.image ?? '') !== null);
        const status = e.status;
        // Retention is housekeeping: a backend that cannot be listed (down, already warned about by the
        // export) is a note; a refused permission is a warning, as on a clean-up run.
        if (target.kind === 'retention' && status !== 401 && status !== 403)
            out.notes.push(text);
        else
            out.warnings.push(text);
    }
    if (out.deferred.length > 0) {
        out.notes.push(`${out.deferred.length} more left for later runs (at most ${plan_2.MAX_DELETIONS} per run)`);
    }
    return out;
}
/** A refusal in one line, naming the permission the token lacks. */
function refusal(e, backend, ghcr) {
    const status = e.status;
    const message = e?.message ?? String(e);
    if (status === 403 || status === 401) {
        const permission = ghcr
            ? 'permissions: packages: write (and the repository given admin access to the package)'
            : 'permissions: actions: write';
        return `cache clean-up: the token may not delete (${message}); give the job ${permission}`;
    }
    return `cache clean-up on ${backend} failed: ${message}`;
}
async function deleteManifests(plan, manifests, out, remove) {
    const { remove: doomed, kept } = (0, plan_2.manifestsToDelete)(plan.deletions, manifests);
    out.kept.push(...kept);
    for (const m of doomed) {
        const failed = out.dryRun ? null : await remove(m.id);
        if (failed) {
            out.warnings.push(`cache clean-up: ${failed}`);
            return;
        }
        out.deleted.push(...m.tags.map((name) => ({ name, why: m.why })));
    }
}
async function cleanUpGha(ctx, api, target, scope, decide, out) {
    const repo = ctx.repository;
    const gitRef = target.kind === 'ref-gone' ? (0, gha_1.gitRefOf)(target.ref, ctx.defaultBranch) : `refs/heads/${ctx.defaultBranch}`;
    const prefix = target.kind === 'ref-gone' ? `index-${(0, names_1.namespace)(scope, '')}.` : `index-${target.namespace}.sha-`;
    const { entries } = await (0, gha_1.listGhaEntries)(api, repo, { key: prefix, ref: gitRef });
    const byName = (0, gha_1.entriesByName)(entries);
    const plan = decide([...byName].map(([name, list]) => ({ name, createdAt: Math.min(...list.map((e) => e.createdAt)) })));
    let requests = 0;
    for (const d of plan.deletions) {
        if (!out.dryRun)
            for (const e of byName.get(d.name) ?? [])
                await (0, gha_1.deleteGhaEntry)(api, repo, e.id);
        requests++;
        out.deleted.push(d);
    }
    // A gone ref's layer blobs: only its own runs could read them.
    if (target.kind === 'ref-gone' && !out.dryRun && requests < plan_2.MAX_DELETIONS) {
        const remaining = await (0, gha_1.listGhaEntries)(api, repo, { key: 'index-', ref: gitRef });
        const blobs = (0, gha_1.orphanedBlobs)(remaining.entries, (await (0, gha_1.listGhaEntries)(api, repo, { key: 'buildkit-blob-', ref: gitRef })).entries);
        const now = blobs.slice(0, plan_2.MAX_DELETIONS - requests);
        for (const b of now)
            await (0, gha_1.deleteGhaEntry)(api, repo, b.id);
        if (now.length > 0)
            out.notes.push(`${now.length} layer blobs of ${gitRef} deleted: no index is left to read them`);
        if (blobs.length > now.length) {
            out.notes.push(`${blobs.length - now.length} more blobs of ${gitRef} are left to GitHub's 7-day expiry`);
        }
    }
    out.quota = await ghaQuota(api, repo, scope).catch((e) => {
        out.notes.push(`cache usage not read: ${e.message}`);
        return null;
    });
    const warning = out.quota ? quotaWarning(out.quota) : null;
    if (warning)
        out.warnings.push(warning);
}
/** Above 80% of GitHub's 10 GB: which refs hold the most, before GitHub evicts main's caches. */
function quotaWarning(q) {
    if (q.repositoryBytes <= QUOTA_WARNING * q.limitBytes)
        return null;
    const refs = q.refs.map((r) => `${r.ref} (${(0, summary_1.formatBytes)(r.bytes)})`).join(', ');
    return `the repository's GitHub cache holds ${(0, summary_1.formatBytes)(q.repositoryBytes)} of ${(0, summary_1.formatBytes)(q.limitBytes)}: GitHub evicts the least recently used entries past the limit; the most is held by ${refs}`;
}
async function ghaQuota(api, repo, scope) {
    const [usage, largest, own] = await Promise.all([
        (0, gha_1.ghaUsage)(api, repo),
        (0, gha_1.listGhaEntries)(api, repo, { sort: 'size_in_bytes', maxPages: 1 }),
        (0, gha_1.listGhaEntries)(api, repo, { key: `index-${(0, names_1.namespace)(scope, '')}.` }),
    ]);
    return {
        repositoryBytes: usage.bytes,
        limitBytes: gha_1.GHA_LIMIT_BYTES,
        scopeBytes: own.entries.reduce((n, e) => n + e.bytes, 0),
        largest: largest.entries.slice(0, 5).map((e) => ({ ref: e.ref, key: e.key, bytes: e.bytes })),
        refs: (0, gha_1.bytesByRef)(largest.entries, 3),
    };
}
function logOutcome(o) {
    const verb = o.dryRun ? 'would delete' : 'deleted';
    core.info(`cache clean-up: ${o.why}`);
    for (const d of o.deleted)
        core.info(`${verb} ${d.name}  # ${d.why}`);
    for (const k of o.kept)
        core.info(`kept ${k.name}  # ${k.why}`);
    for (const n of o.notes)
        core.info(`note: ${n}`);
    for (const w of o.warnings)
        core.warning(w);
}
/**
 * A closed pull request's or a deleted branch's run: deletes its caches, builds nothing, and
 * reports as a run that built nothing (`cache-report` with its `cleanup` field, the summary).
 */
async function runCleanupEvent(ctx, inputs, env, trigger) {
    if (trigger.kind === 'nothing')
        return core.info(`cache clean-up: ${trigger.why}`);
    const outcome = await core.group('Cache clean-up', async () => {
        const o = await cleanUp(ctx, inputs, env, trigger, trigger.why, []);
        logOutcome(o);
        return o;
    });
    const options = (0, plan_1.planOptionsFrom)(inputs);
    const plan = {
        trigger: (0, rules_1.classify)(ctx),
        namespace: (0, names_1.namespace)(options.scope, options.leg),
        cacheFrom: [],
        cacheTo: [],
        reads: [],
        writes: [],
        notes: [`clean-up run: ${trigger.why}; nothing is built`],
    };
    const report = (0, report_1.buildReport)({
        plan,
        backend: inputs.cache.backend,
        log: null,
        build: 'not-run',
        tokenScopes: null,
        exportResult: (0, report_1.exportOutcome)(plan, null, false, 'clean-up run: nothing is built'),
    });
    (0, outputs_1.setOutputs)({
        'cache-from': '',
        'cache-to': '',
        'cache-export': 'skipped',
        'cache-report': JSON.stringify({ ...report, cleanup: outcome }),
        ...(0, index_1.cleanupOutputs)(outcome),
    });
    try {
        await core.appendSummary((0, summary_2.renderCleanup)(outcome));
    }
    catch (e) {
        core.warning(`could not write the job summary: ${e.message}`);
    }
}
/**
 * Retention on a push to the default branch: the newest `cache-keep-commits` commit caches of
 * this namespace stay, older ones go, never one this run's plan reads or writes.
 */
async function retainCommitCaches(ctx, inputs, env, plan) {
    if (plan.trigger.kind !== 'push-default')
        return null;
    const keep = inputs.cache.keepCommits;
    const target = { kind: 'retention', namespace: plan.namespace, keep };
    const why = `push to ${ctx.defaultBranch}: keep the newest ${keep} commit caches`;
    const protect = namesInEntries([...plan.cacheFrom, ...plan.cacheTo]);
    return core.group('Cache retention', async () => {
        const o = await cleanUp(ctx, inputs, env, target, why, protect);
        logOutcome(o);
        return o;
    });
}


/***/ }),

/***/ 6320:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.renderCleanup = renderCleanup;
const summary_1 = __nccwpck_require__(7994);
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
const code = (text) => `\`${cell(text)}\``;
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
        out.push(`GitHub cache usage: **${(0, summary_1.formatBytes)(q.repositoryBytes)}** of ${(0, summary_1.formatBytes)(q.limitBytes)} (${pct}%); ` +
            `this scope's index entries ${(0, summary_1.formatBytes)(q.scopeBytes)} (layer blobs are shared between scopes).`, '');
        if (q.largest.length > 0) {
            out.push('| largest entries | ref | size |', '|---|---|---:|');
            for (const e of q.largest)
                out.push(`| ${code(e.key)} | ${code(e.ref)} | ${(0, summary_1.formatBytes)(e.bytes)} |`);
            out.push('');
        }
    }
    return out.join('\n');
}


/***/ }),

/***/ 7706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.dockerConfigDir = dockerConfigDir;
exports.readDockerConfig = readDockerConfig;
const node_fs_1 = __nccwpck_require__(3024);
const node_os_1 = __nccwpck_require__(8161);
const node_path_1 = __nccwpck_require__(6760);
/** The directory of docker's config.json, as the docker CLI finds it: `$DOCKER_CONFIG`, else `~/.docker`. */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || (0, node_path_1.join)((0, node_os_1.homedir)(), '.docker');
}
/** The text of docker's config.json, or null when there is none (the CLI's defaults apply). */
function readDockerConfig(env = process.env) {
    try {
        return (0, node_fs_1.readFileSync)((0, node_path_1.join)(dockerConfigDir(env), 'config.json'), 'utf8');
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 3498:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lastResort = void 0;
/**
 * The net for anything main or post did not report themselves. Written by hand rather than with
 * the command module so that it works even when loading that failed.
 */
const lastResort = (kind) => (e) => {
    process.stdout.write(`::${kind}::buildkit-cache-action: ${String(e?.message ?? e)}\n`);
    if (kind === 'error')
        process.exitCode = 1;
};
exports.lastResort = lastResort;


/***/ }),

/***/ 3190:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.exec = void 0;
const node_child_process_1 = __nccwpck_require__(1421);
const exec = (command, args, options = {}) => new Promise((resolve) => {
    const child = (0, node_child_process_1.spawn)(command, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
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
    child.stdout.on('data', (chunk) => {
        out.push(chunk);
        if (options.stream)
            process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
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
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
});
exports.exec = exec;


/***/ }),

/***/ 528:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEEPEN_STEPS = void 0;
exports.redactUrlCredentials = redactUrlCredentials;
exports.findMergeBase = findMergeBase;
exports.parentCommit = parentCommit;
exports.commitInfo = commitInfo;
exports.compareCommits = compareCommits;
/**
 * How far each successive `git fetch --deepen=<n>` reaches. `--deepen` is relative to the current
 * shallow boundary, so after k steps the checkout holds the sum of the first k numbers of commits
 * more (about 31 000 after all six). Steps past the table's end repeat its last number.
 */
exports.DEEPEN_STEPS = [10, 50, 200, 1000, 5000, 25000];
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
    const env = { ...(ctx.env ?? process.env), GIT_TERMINAL_PROMPT: '0' };
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
    const maxSteps = Math.max(0, Math.floor(options.maxDeepenSteps ?? 6));
    const fetchTimeout = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
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
        const refspec = `+refs/heads/${branch}:${trackingRef}`;
        const branchOk = branchNameProblem(branch) === undefined && branchNameProblem(remote) === undefined;
        let baseSha = (await resolveCommit(git, base)) ?? (branchOk ? await resolveCommit(git, trackingRef) : undefined);
        if (!baseSha) {
            const badName = branchNameProblem(branch) ?? branchNameProblem(remote);
            if (badName)
                return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout; ${badName}` };
            const noRemote = await remoteProblem(git, remote);
            if (noRemote)
                return { sha: null, reason: `base ${JSON.stringify(base)} is not in the checkout and ${noRemote}` };
            const depth = shallow ? ['--depth=1'] : [];
            const fetched = await git(fetchArgs(...depth, remote, refspec), fetchTimeout);
            if (fetched.exitCode !== 0) {
                return {
                    sha: null,
                    reason: `could not fetch branch ${JSON.stringify(branch)} from ${JSON.stringify(remote)}: ${describeFailure(fetched)}`,
                };
            }
            baseSha = await resolveCommit(git, trackingRef);
            if (!baseSha)
                return { sha: null, reason: `branch ${JSON.stringify(branch)} was fetched but does not resolve` };
        }
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
            if (deepened >= maxSteps) {
                const tried = deepened === 0
                    ? 'and deepening is disabled'
                    : `after deepening it ${deepened} time${deepened === 1 ? '' : 's'} (by ${reach} commits)`;
                return {
                    sha: null,
                    reason: `no merge-base of ${JSON.stringify(head)} and ${JSON.stringify(base)} in the shallow checkout ${tried}`,
                };
            }
            if (deepened === 0) {
                const noRemote = await remoteProblem(git, remote);
                if (noRemote)
                    return { sha: null, reason: `the checkout is shallow and ${noRemote}` };
            }
            const n = exports.DEEPEN_STEPS[Math.min(deepened, exports.DEEPEN_STEPS.length - 1)];
            // Name the base branch when it is the remote's, so it is deepened (and kept) too; the
            // deepening itself applies to every shallow boundary of the checkout.
            const refs = branchOk && (await resolveCommit(git, trackingRef)) === baseSha ? [refspec] : [];
            const fetched = await git(fetchArgs(`--deepen=${n}`, remote, ...refs), fetchTimeout);
            if (fetched.exitCode !== 0) {
                return { sha: null, reason: `could not deepen the shallow checkout: ${describeFailure(fetched)}` };
            }
            deepened += 1;
            reach += n;
        }
    }
    catch (error) {
        return {
            sha: null,
            reason: `merge-base lookup failed: ${messageOf(error)}`,
        };
    }
}
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


/***/ }),

/***/ 3780:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.listGhaCacheNames = listGhaCacheNames;
exports.indexNames = indexNames;
const http_1 = __nccwpck_require__(9663);
/**
 * Which BuildKit caches the GitHub Actions cache holds for this run. BuildKit keeps one index
 * entry per cache name and ref, keyed `index-<name>-<version>-<hash of the ref>#<n>`; the
 * service's ListCacheEntries answers with the entries this run's token may read, which are the
 * ones BuildKit's import would find. Never fails: a service that does not answer gives null.
 */
async function listGhaCacheNames(o) {
    const url = `${o.resultsUrl.replace(/\/*$/, '/')}twirp/github.actions.results.api.v1.CacheService/ListCacheEntries`;
    try {
        const res = await (o.fetchImpl ?? http_1.httpFetch)(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${o.token}` },
            body: JSON.stringify({ key: '', restore_keys: [`index-${o.prefix}`] }),
            signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
        });
        if (!res.ok)
            return { names: null, reason: `the cache service answered ${res.status} to ListCacheEntries` };
        const body = (await res.json());
        return { names: indexNames((body.entries ?? []).map((e) => String(e.key ?? ''))) };
    }
    catch (e) {
        return { names: null, reason: `the cache service could not list entries: ${e.message}` };
    }
}
/** The cache names in BuildKit index keys; other keys are ignored. */
function indexNames(keys) {
    const names = new Set();
    for (const key of keys) {
        const m = /^index-(.+)-\d+-[0-9a-f]{8}(?:#\d+)?$/.exec(key);
        if (m)
            names.add(m[1]);
    }
    return [...names].sort();
}


/***/ }),

/***/ 480:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.compareUrl = compareUrl;
exports.mergeBaseFromApi = mergeBaseFromApi;
const http_1 = __nccwpck_require__(9663);
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
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
    const prefix = `${root.origin}${root.pathname.replace(/\/+$/, '')}`;
    return `${prefix}/repos/${owner}/${repo}/compare/${encodeRef('base', base)}...${encodeRef('head', head)}?per_page=1`;
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
function describeStatus(response, body, options) {
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
        return `GitHub API found no comparison of ${options.base}...${options.head} in ${options.repository} (HTTP 404)${said}`;
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
/**
 * The merge-base of `base` and `head` from GitHub's compare endpoint
 * (`GET /repos/{owner}/{repo}/compare/{base}...{head}`, field `merge_base_commit.sha`): the
 * fallback when the checkout cannot tell. Never throws: bad input, HTTP errors (401, 403, 404, rate
 * limits), network failures, timeouts and unexpected payloads become reasons, and the token never
 * appears in one.
 */
async function mergeBaseFromApi(options) {
    const token = options.token ?? '';
    const redact = (reason) => (token.length > 0 ? reason.split(token).join('***') : reason);
    const fail = (reason) => ({ sha: null, reason: redact(reason) });
    const timeoutMs = options.timeoutMs ?? 10_000;
    const fetchImpl = options.fetchImpl ?? http_1.httpFetch;
    let url;
    try {
        url = compareUrl(options.apiUrl, options.repository, options.base, options.head);
    }
    catch (error) {
        return fail(`cannot ask the GitHub API: ${String(asErrorLike(error).message)}`);
    }
    const host = new URL(url).host;
    const headers = {
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'buildkit-cache-action',
    };
    if (token)
        headers.Authorization = `Bearer ${token}`;
    try {
        const signal = AbortSignal.timeout(timeoutMs);
        const response = await fetchImpl(url, { method: 'GET', headers, signal, redirect: 'follow' });
        const body = await response.text();
        if (!response.ok)
            return fail(describeStatus(response, body, options));
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            return fail(`GitHub API answered with something that is not JSON: ${excerpt(body, 80)}`);
        }
        const mergeBase = parsed?.merge_base_commit;
        const sha = mergeBase?.sha;
        if (typeof sha !== 'string' || !SHA.test(sha)) {
            return fail('GitHub API compare response has no merge_base_commit.sha');
        }
        return { sha };
    }
    catch (error) {
        return fail(describeError(error, host, timeoutMs));
    }
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.stripRefsHeads = stripRefsHeads;
exports.parseMergeQueueRef = parseMergeQueueRef;
exports.runContextFrom = runContextFrom;
exports.mergedPullRequest = mergedPullRequest;
exports.readRunContext = readRunContext;
const node_fs_1 = __nccwpck_require__(3024);
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
/** Pure: environment plus parsed event payload → RunContext. */
function runContextFrom(env, payload) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const repo = obj(payload.repository);
    const ctx = {
        eventName,
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        repository: env.GITHUB_REPOSITORY ?? str(repo?.full_name),
        defaultBranch: str(repo?.default_branch) || str(repo?.master_branch),
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
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
    if (eventName === 'push' &&
        /^[0-9a-f]{40}$/.test(before) &&
        !/^0+$/.test(before) &&
        payload.forced !== true) {
        ctx.pushedBefore = before;
    }
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
function readRunContext(env = process.env) {
    let payload = {};
    const path = env.GITHUB_EVENT_PATH;
    if (path) {
        try {
            payload = JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    return runContextFrom(env, payload);
}


/***/ }),

/***/ 1707:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cacheScopesFromToken = cacheScopesFromToken;
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


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readInputs = exports.CACHE_WRITES = exports.CACHE_MODES = exports.DRIVERS = exports.CACHE_BACKENDS = exports.InputError = void 0;
exports.parseList = parseList;
exports.parseDuration = parseDuration;
exports.validateCacheImage = validateCacheImage;
exports.parseInputs = parseInputs;
exports.isRemoteContext = isRemoteContext;
exports.validatePaths = validatePaths;
const sync_1 = __nccwpck_require__(1110);
const node_path_1 = __nccwpck_require__(6760);
const commands_1 = __nccwpck_require__(6342);
/** A mistake in the workflow file: reported as one `::error::` line, never a stack trace. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(`input "${input}": ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
exports.InputError = InputError;
exports.CACHE_BACKENDS = ['gha', 'registry', 'local', 's3', 'azblob', 'inline', 'none'];
exports.DRIVERS = ['docker-container', 'docker', 'remote'];
exports.CACHE_MODES = ['max', 'min'];
exports.CACHE_WRITES = ['auto', 'always', 'never'];
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
    throw new InputError(name, `expected true or false, got ${JSON.stringify(raw)}`);
}
function oneOf(get, name, allowed, fallback) {
    const raw = get(name).trim();
    if (raw === '')
        return fallback;
    if (allowed.includes(raw))
        return raw;
    throw new InputError(name, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
}
/**
 * A list input: one item per line, and (unless `commas` is false) comma-separated items on a
 * line, with CSV quoting so an item can hold a comma (`"type=local,dest=a,b"`).
 */
function parseList(name, raw, commas = true) {
    const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (!commas)
        return lines.map((l) => l.trim());
    const items = [];
    for (const line of lines) {
        let rows;
        try {
            rows = (0, sync_1.parse)(line, { relaxColumnCount: true, skipEmptyLines: true, trim: true, relaxQuotes: true });
        }
        catch (e) {
            throw new InputError(name, `cannot read the line ${JSON.stringify(line)}: ${e.message}`);
        }
        for (const row of rows)
            items.push(...row.filter((i) => i !== ''));
    }
    return items;
}
function keyValues(name, raw) {
    return parseList(name, raw, false).map((line) => {
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new InputError(name, `expected lines of the form id=value, got a line without "="`);
        return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
    });
}
function secretValues(name, raw) {
    // Values may span lines (PEM keys), so only lines that start a new `id=` begin an entry.
    const entries = [];
    for (const line of raw.split(/\r?\n/)) {
        const m = /^([A-Za-z0-9_.-]+)=(.*)$/.exec(line);
        if (m)
            entries.push({ id: m[1], value: m[2] });
        else if (entries.length > 0)
            entries[entries.length - 1].value += `\n${line}`;
        else if (line.trim() !== '')
            throw new InputError(name, 'expected lines of the form id=value');
    }
    for (const e of entries)
        e.value = e.value.replace(/\n+$/, '');
    return entries;
}
/** `90`, `90s`, `10m`, `1h`, `1500ms` → milliseconds. */
function parseDuration(name, raw, fallbackMs) {
    const value = raw.trim();
    if (value === '')
        return fallbackMs;
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
    if (!m) {
        throw new InputError(name, `expected a duration such as 600, 90s, 10m or 1h, got ${JSON.stringify(value)}`);
    }
    const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'] ?? 1000;
    return Math.round(Number(m[1]) * unit);
}
/** A whole number of at least 1. */
function positiveWholeNumber(name, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
        throw new InputError(name, `expected a whole number of at least 1, got ${JSON.stringify(value)}`);
    }
    return Number(value);
}
/** Credentials must come from the environment: as cache attributes they would reach docker's argv. */
const SECRET_ATTRIBUTES = ['secret_access_key', 'session_token', 'access_key_id', 'token', 'ghtoken'];
const CACHE_IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;
/** `cache-image` is a repository: lowercase, no tag, no digest. */
function validateCacheImage(image) {
    if (image === '')
        return image;
    if (image.includes('@'))
        throw new InputError('cache-image', 'expected a repository without a digest');
    const lastSlash = image.lastIndexOf('/');
    if (image.slice(lastSlash + 1).includes(':')) {
        throw new InputError('cache-image', 'expected a repository without a tag (the action picks the tags)');
    }
    if (!CACHE_IMAGE.test(image)) {
        throw new InputError('cache-image', `expected a lowercase repository name such as ghcr.io/owner/app-cache`);
    }
    return image;
}
/** Reads every input from the step's environment: the only place that does. */
const readInputs = () => parseInputs(commands_1.getInput);
exports.readInputs = readInputs;
/** Turns raw inputs into a typed, validated object. Pure: `get` is the only source. */
function parseInputs(get) {
    const build = {
        context: get('context').trim() || '.',
        file: get('file').trim(),
        target: get('target').trim(),
        tags: parseList('tags', get('tags')),
        labels: parseList('labels', get('labels'), false),
        annotations: parseList('annotations', get('annotations'), false),
        buildArgs: parseList('build-args', get('build-args'), false),
        buildContexts: parseList('build-contexts', get('build-contexts'), false),
        secrets: secretValues('secrets', get('secrets')),
        secretEnvs: keyValues('secret-envs', get('secret-envs')).map(({ key, value }) => ({
            id: key,
            env: value.trim(),
        })),
        secretFiles: keyValues('secret-files', get('secret-files')).map(({ key, value }) => ({
            id: key,
            path: value.trim(),
        })),
        ssh: parseList('ssh', get('ssh'), false),
        platforms: parseList('platforms', get('platforms')),
        push: bool(get, 'push', false),
        load: bool(get, 'load', false),
        outputs: parseList('outputs', get('outputs'), false),
        pull: bool(get, 'pull', false),
        noCache: bool(get, 'no-cache', false),
        noCacheFilters: parseList('no-cache-filters', get('no-cache-filters')),
        provenance: get('provenance').trim(),
        sbom: get('sbom').trim(),
        attests: parseList('attests', get('attests'), false),
        network: get('network').trim(),
        addHosts: parseList('add-hosts', get('add-hosts')),
        allow: parseList('allow', get('allow')),
        shmSize: get('shm-size').trim(),
        ulimit: parseList('ulimit', get('ulimit'), false),
        cgroupParent: get('cgroup-parent').trim(),
        call: get('call').trim(),
        cacheFrom: parseList('cache-from', get('cache-from'), false),
        cacheTo: parseList('cache-to', get('cache-to'), false),
    };
    const builder = {
        driver: oneOf(get, 'driver', exports.DRIVERS, 'docker-container'),
        driverOpts: parseList('driver-opts', get('driver-opts')),
        buildkitdFlags: get('buildkitd-flags').trim(),
        buildkitdConfigInline: get('buildkitd-config-inline'),
        endpoint: get('endpoint').trim(),
        builder: get('builder').trim(),
        buildxVersion: get('buildx-version').trim(),
        cleanup: bool(get, 'cleanup', true),
    };
    if (builder.driver === 'remote' && builder.endpoint === '' && builder.builder === '') {
        throw new InputError('endpoint', 'driver "remote" needs an endpoint such as tcp://buildkitd:1234');
    }
    if (builder.builder !== '' && (builder.driverOpts.length > 0 || builder.buildkitdFlags !== '')) {
        throw new InputError('builder', 'an existing builder cannot take driver-opts or buildkitd-flags; set them where that builder is created');
    }
    if (builder.buildxVersion !== '' && !/^v?\d+\.\d+(\.\d+)?$/.test(builder.buildxVersion)) {
        throw new InputError('buildx-version', `expected a version such as 0.29.1, got ${JSON.stringify(builder.buildxVersion)}`);
    }
    const cache = {
        backend: oneOf(get, 'cache', exports.CACHE_BACKENDS, 'gha'),
        image: validateCacheImage(get('cache-image').trim()),
        dir: get('cache-dir').trim(),
        scope: get('cache-scope').trim(),
        leg: get('cache-leg').trim(),
        readLegs: parseList('cache-read-legs', get('cache-read-legs')),
        mode: oneOf(get, 'cache-mode', exports.CACHE_MODES, 'max'),
        write: oneOf(get, 'cache-write', exports.CACHE_WRITES, 'auto'),
        options: parseList('cache-options', get('cache-options')),
        ignoreError: bool(get, 'cache-ignore-error', true),
        exportTimeoutMs: parseDuration('cache-export-timeout', get('cache-export-timeout'), 600000),
        explain: bool(get, 'cache-explain', false),
        keepCommits: positiveWholeNumber('cache-keep-commits', get('cache-keep-commits'), 10),
    };
    for (const option of cache.options) {
        if (!/^[a-z0-9_-]+=/.test(option)) {
            throw new InputError('cache-options', `expected key=value attributes such as compression=zstd`);
        }
        const key = option.slice(0, option.indexOf('='));
        if (SECRET_ATTRIBUTES.includes(key)) {
            throw new InputError('cache-options', `${key} would put a credential on docker's command line: pass it through the environment (AWS_*, AZURE_*)`);
        }
    }
    if (cache.backend === 'local' && cache.dir === '') {
        throw new InputError('cache-dir', 'cache "local" needs a folder, e.g. cache-dir: /tmp/.buildx-cache');
    }
    if ((cache.backend === 'registry' || cache.backend === 'inline') && cache.image === '') {
        if (build.tags.length === 0) {
            throw new InputError('cache-image', `cache "${cache.backend}" needs a repository for its cache tags: set cache-image or tags`);
        }
    }
    if (build.push && build.load && build.platforms.length > 1 && builder.driver === 'docker') {
        throw new InputError('load', 'the docker driver cannot load a multi-platform image; drop load or platforms');
    }
    return { build, builder, cache, githubToken: get('github-token'), dryRun: bool(get, 'dry-run', false) };
}
/** A context that is a remote source rather than a folder of the checkout. */
function isRemoteContext(context) {
    return context === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@');
}
/**
 * Checks the paths the build reads against the checkout: the context must be a folder inside the
 * workspace and the Dockerfile must exist. `exists` is the file system, passed in.
 */
function validatePaths(build, workspace, exists) {
    if (isRemoteContext(build.context))
        return;
    const root = (0, node_path_1.resolve)(workspace);
    const context = (0, node_path_1.resolve)(workspace, build.context);
    if (context !== root && !context.startsWith(`${root}/`)) {
        throw new InputError('context', `expected a folder inside the workspace (${root}), got ${JSON.stringify(build.context)}`);
    }
    if (!exists(context))
        throw new InputError('context', `the folder ${JSON.stringify(build.context)} does not exist`);
    const file = build.file === '' ? (0, node_path_1.resolve)(context, 'Dockerfile') : (0, node_path_1.resolve)(workspace, build.file);
    if (!exists(file)) {
        throw new InputError('file', `the Dockerfile ${JSON.stringify(build.file || `${build.context}/Dockerfile`)} does not exist`);
    }
}


/***/ }),

/***/ 1730:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.run = run;
const fs = __importStar(__nccwpck_require__(3024));
const os = __importStar(__nccwpck_require__(8161));
const path = __importStar(__nccwpck_require__(6760));
const core = __importStar(__nccwpck_require__(6342));
const build_1 = __nccwpck_require__(9224);
const builder_1 = __nccwpck_require__(1747);
const engine_1 = __nccwpck_require__(8268);
const history_1 = __nccwpck_require__(348);
const install_1 = __nccwpck_require__(5443);
const parse_1 = __nccwpck_require__(2487);
const cleanup_1 = __nccwpck_require__(5436);
const exec_1 = __nccwpck_require__(3190);
const context_1 = __nccwpck_require__(9556);
const runtime_token_1 = __nccwpck_require__(1707);
const inputs_1 = __nccwpck_require__(8422);
const facts_1 = __nccwpck_require__(7736);
const narrow_1 = __nccwpck_require__(2956);
const plan_1 = __nccwpck_require__(8720);
const export_size_1 = __nccwpck_require__(5930);
const outputs_1 = __nccwpck_require__(5468);
const report_1 = __nccwpck_require__(8850);
const summary_1 = __nccwpck_require__(7994);
const state = __importStar(__nccwpck_require__(2462));
const RELEASES_BASE = 'https://github.com/docker/buildx/releases/download';
/** Problems the user can act on: one `::error::` line, no stack trace. */
function fail(message) {
    core.setFailed(`buildkit-cache-action: ${message}`);
}
async function run(exec = exec_1.exec, env = process.env) {
    const started = Date.now();
    try {
        await runWithInputs(exec, env, (0, inputs_1.readInputs)(), started);
    }
    catch (e) {
        if (e instanceof inputs_1.InputError || e instanceof install_1.BuildxError || e instanceof builder_1.BuilderError)
            return fail(e.message);
        core.debug(e?.stack ?? String(e));
        fail(`unexpected error: ${e?.message ?? String(e)}`);
    }
}
async function runWithInputs(exec, env, inputs, started) {
    const mark = (phase) => core.debug(`${phase} at ${Date.now() - started} ms`);
    for (const secret of [
        env.ACTIONS_RUNTIME_TOKEN,
        inputs.githubToken,
        ...inputs.build.secrets.map((s) => s.value),
    ]) {
        if (secret)
            core.setSecret(secret);
    }
    const ctx = (0, context_1.readRunContext)(env);
    // A closed pull request or a deleted branch: its caches go, nothing is built.
    const cleanup = (0, cleanup_1.cleanupTrigger)(ctx);
    if (cleanup)
        return (0, cleanup_1.runCleanupEvent)(ctx, inputs, env, cleanup);
    if (!inputs.dryRun)
        (0, inputs_1.validatePaths)(inputs.build, ctx.workspace, fs.existsSync);
    // Probing docker and buildx takes ~0.2 s each: run them while git and the planner work.
    const probes = inputs.dryRun ? null : startProbes(exec, inputs, env);
    const cachePlan = await core.group('Cache plan', () => planCache(exec, ctx, inputs, env));
    mark('planned');
    const tokenScopes = readTokenScopes(inputs, env);
    const planOutputs = {
        'cache-from': cachePlan.cacheFrom.join('\n'),
        'cache-to': cachePlan.cacheTo.join('\n'),
    };
    if (probes === null) {
        const retention = await (0, cleanup_1.retainCommitCaches)(ctx, inputs, env, cachePlan);
        const report = (0, report_1.buildReport)({
            plan: cachePlan,
            backend: inputs.cache.backend,
            log: null,
            build: 'not-run',
            tokenScopes,
            exportResult: (0, report_1.exportOutcome)(cachePlan, null, false, 'dry-run'),
        });
        if (retention)
            report.cleanup = retention;
        (0, outputs_1.setOutputs)({
            ...planOutputs,
            'cache-export': 'skipped',
            'cache-report': JSON.stringify(report),
            ...(0, cleanup_1.cleanupOutputs)(retention),
        });
        if (inputs.cache.explain)
            await writeSummary(report);
        return;
    }
    const skipExport = inputs.cache.backend === 'gha' ? ghaUnavailable(env) : '';
    if (skipExport)
        core.warning(`cache: ${skipExport}. The build runs without the gha cache.`);
    // The builder: the engine must answer, buildx must be new enough, then create or pick one.
    const tempDir = fs.mkdtempSync(path.join(env.RUNNER_TEMP || os.tmpdir(), 'bkca-'));
    state.saveTempDir(tempDir);
    const builderStart = Date.now();
    const { buildx, builder } = await core.group('Builder', async () => {
        const engine = await probes.engine;
        if (engine && !engine.ok) {
            throw new builder_1.BuilderError(`the Docker engine is not reachable (${engine.reason}); start Docker or set driver: remote`);
        }
        const found = await (0, install_1.ensureBuildx)(exec, {
            wanted: inputs.builder.buildxVersion,
            floor: inputs.cache.backend === 'gha' ? install_1.GHA_MIN_BUILDX : '',
            releasesBase: env.BKCA_BUILDX_RELEASES_URL || RELEASES_BASE,
            probe: probes.buildx,
        });
        if (found.note)
            core.info(found.note);
        state.saveBuildxPath(found.buildx.path);
        const chosen = await (0, builder_1.setupBuilder)(exec, found.buildx, {
            builder: inputs.builder,
            tempDir,
            env,
            onCreate: (name) => state.saveBuilderCreated(name, inputs.builder.cleanup),
        });
        return { buildx: found.buildx, builder: chosen };
    });
    const builderMs = Date.now() - builderStart;
    mark('builder ready');
    // The image first, then the cache export as its own invocation (see src/buildx/build.ts).
    const setup = (0, build_1.prepareBuild)(inputs, {
        builder: builder.name,
        cacheFrom: cachePlan.cacheFrom,
        cacheTo: cachePlan.cacheTo,
        tempDir,
        env,
        cwd: ctx.workspace,
    });
    const build = await (0, build_1.runImageBuild)(exec, buildx, setup);
    if (build.retriedWithoutCache) {
        cachePlan.notes.push('a cache source was broken: the build was retried without cache sources');
    }
    const built = build.result.exitCode === 0;
    mark('built');
    // The image's build record is read while the cache export runs.
    const historyRead = (async () => {
        const ref = build.metadata.ref ?? (await (0, history_1.lastBuildRef)(exec, buildx, builder.name, !built));
        return ref ? (0, history_1.readBuildHistory)(exec, buildx, builder.name, ref) : { log: null, record: null };
    })();
    const exportRun = built && setup.separateExport && !skipExport
        ? await core.group('Cache export', () => (0, build_1.runCacheExport)(exec, buildx, setup, inputs.cache.exportTimeoutMs))
        : null;
    mark('exported');
    // A push to the default branch: commit caches beyond cache-keep-commits go (src/cleanup).
    const retaining = built ? (0, cleanup_1.retainCommitCaches)(ctx, inputs, env, cachePlan) : null;
    const history = await historyRead;
    mark('history read');
    const retention = await retaining;
    const report = await reportRun({
        inputs,
        cachePlan,
        tokenScopes,
        build,
        history,
        exportRun,
        skipExport,
        started,
        timings: { builderMs, buildMs: build.ms, exportMs: exportRun?.ms ?? 0 },
    });
    mark('reported');
    if (retention)
        report.cleanup = retention;
    const totals = (0, parse_1.stepTotals)(history.log?.steps ?? []);
    (0, outputs_1.setOutputs)({
        ...planOutputs,
        builder: builder.name,
        imageid: build.imageId,
        digest: build.metadata.digest,
        metadata: build.metadataText,
        'cached-steps': String(totals.cached),
        'total-steps': String(totals.total),
        'cache-hit-ratio': totals.ratio.toFixed(2),
        'cache-export': report.export.status,
        'cache-report': JSON.stringify(report),
        ...(0, cleanup_1.cleanupOutputs)(retention),
    });
    await writeSummary(report);
    // One `::error::` line: the failing step, its Dockerfile line and BuildKit's message.
    if (!built)
        fail((0, report_1.failureMessage)(report.error, (0, builder_1.lastLine)(build.result.stderr)));
    else if (report.export.status === 'failed' && !inputs.cache.ignoreError) {
        fail(`cache export failed and cache-ignore-error is false: ${report.export.reason}`);
    }
}
function startProbes(exec, inputs, env) {
    const engine = inputs.builder.driver === 'remote' && inputs.builder.builder === ''
        ? Promise.resolve(null)
        : (0, engine_1.probeEngine)(exec, env);
    return { engine, buildx: (0, install_1.probeBuildx)(exec, env) };
}
/** The plan: pure rules, fed with the commits git (or the API) found and the sibling legs listed. */
async function planCache(exec, ctx, inputs, env) {
    const options = (0, plan_1.planOptionsFrom)(inputs);
    const { facts, existing } = await (0, facts_1.planInputs)(exec, ctx, options, env, inputs.githubToken, fs.existsSync);
    options.siblingLegs = [...new Set([...options.siblingLegs, ...existing.siblingLegs])];
    const p = (0, narrow_1.narrowSources)((0, plan_1.plan)(ctx, facts, options), existing.exists);
    if (existing.note)
        p.notes.push(existing.note);
    for (const r of p.reads)
        core.info(`read  ${r.ref.padEnd(20)} ${r.entry || '(not read)'}  # ${r.why}`);
    for (const w of p.writes)
        core.info(`write ${w.ref.padEnd(20)} ${w.entry}  # ${w.why}`);
    for (const n of p.notes)
        core.info(`note: ${n}`);
    return p;
}
/** The ref scopes the runtime token may read and write, so users see why a cache is (not) readable. */
function readTokenScopes(inputs, env) {
    if (inputs.cache.backend !== 'gha' || !env.ACTIONS_RUNTIME_TOKEN)
        return null;
    const scopes = (0, runtime_token_1.cacheScopesFromToken)(env.ACTIONS_RUNTIME_TOKEN);
    if (scopes) {
        const list = scopes.map((s) => `${s.scope} (${[s.read && 'read', s.write && 'write'].filter(Boolean).join('+')})`);
        core.info(`GitHub cache scopes: ${list.join(', ')}`);
    }
    return scopes;
}
function ghaUnavailable(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN) {
        return 'ACTIONS_RUNTIME_TOKEN is not set: the GitHub Actions cache is only reachable from a JavaScript action on a GitHub runner';
    }
    if (!env.ACTIONS_RESULTS_URL && !env.ACTIONS_CACHE_URL) {
        return 'neither ACTIONS_RESULTS_URL nor ACTIONS_CACHE_URL is set: no GitHub Actions cache service to talk to';
    }
    return '';
}
async function reportRun(r) {
    const built = r.build.result.exitCode === 0;
    const exportResult = r.exportRun
        ? {
            ...(0, report_1.exportOutcome)(r.cachePlan, null, built, r.skipExport),
            status: r.exportRun.status,
            reason: r.exportRun.reason,
            seconds: Math.round(r.exportRun.ms / 100) / 10,
        }
        : (0, report_1.exportOutcome)(r.cachePlan, r.history.log, built, r.skipExport);
    if (exportResult.status === 'failed')
        core.warning(`cache export failed: ${exportResult.reason}`);
    for (const i of r.history.log ? (0, report_1.importResults)(r.history.log) : []) {
        if (i.result === 'failed')
            core.warning(`cache import from ${i.source} failed: ${i.error}`);
    }
    // The cache manifest is in the metadata of the invocation that exported.
    const cacheManifest = r.build.metadata.cacheManifest ?? r.exportRun?.metadata.cacheManifest ?? null;
    const exportSizes = exportResult.status === 'ok' ? await (0, export_size_1.measureExports)(r.cachePlan.cacheTo, cacheManifest) : [];
    return (0, report_1.buildReport)({
        plan: r.cachePlan,
        backend: r.inputs.cache.backend,
        log: r.history.log,
        build: built ? 'succeeded' : 'failed',
        tokenScopes: r.tokenScopes,
        exportResult,
        record: r.history.record,
        metadata: { ...r.build.metadata, cacheManifest },
        exportSizes,
        noCache: r.inputs.build.noCache,
        timings: { ...r.timings, totalMs: Date.now() - r.started },
    });
}
async function writeSummary(report) {
    try {
        await core.appendSummary((0, summary_1.renderSummary)(report));
    }
    catch (e) {
        core.warning(`could not write the job summary: ${e.message}`);
    }
}


/***/ }),

/***/ 9663:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.httpFetch = void 0;
exports.failureText = failureText;
const http = __importStar(__nccwpck_require__(7067));
const MAX_REDIRECTS = 5;
/** A failed request in a few words: fetch's "fetch failed" with the system error's code, e.g. `(ECONNREFUSED)`. */
function failureText(error) {
    const cause = error?.cause?.code;
    return `${error?.message || String(error)}${typeof cause === 'string' ? ` (${cause})` : ''}`;
}
/**
 * A small `fetch` on `node:http`/`node:https`: follows up to five redirects (303 turns into a GET,
 * and credentials are not sent to another origin), reads the whole body, and fails as `fetch`
 * does: network errors as "fetch failed" with the system error as `cause`, an aborted signal with
 * the signal's reason (a `TimeoutError` for `AbortSignal.timeout`).
 */
const httpFetch = async (url, init = {}) => {
    let target = new URL(url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    let headers = { ...(init.headers ?? {}) };
    for (let hop = 0;; hop++) {
        const res = await request(target, method, headers, body, init.signal);
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
exports.httpFetch = httpFetch;
function request(url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        // node:https loads TLS: ~5 ms that runs against a loopback or plain-HTTP service never need.
        const client = url.protocol === 'https:'
            ? __nccwpck_require__(4708)
            : url.protocol === 'http:'
                ? http
                : null;
        if (!client)
            return reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
        const sent = { ...headers };
        if (body !== undefined)
            sent['Content-Length'] = String(Buffer.byteLength(body));
        const req = client.request(url, { method, headers: sent });
        const onAbort = () => req.destroy(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        const settle = () => signal?.removeEventListener('abort', onAbort);
        req.on('error', (e) => {
            settle();
            reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: e }));
        });
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', (e) => {
                settle();
                reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: e }));
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

/***/ 774:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.unusedOptions = unusedOptions;
exports.cacheFromEntries = cacheFromEntries;
exports.cacheToEntries = cacheToEntries;
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
/** Attributes each backend's exporter and importer accept (besides the ones the planner sets). */
const ACCEPTED = {
    registry: {
        to: ['image-manifest', 'oci-mediatypes', 'compression', 'compression-level', 'force-compression'],
        from: [],
    },
    local: {
        to: ['tag', 'image-manifest', 'oci-mediatypes', 'compression', 'compression-level', 'force-compression'],
        from: ['tag', 'digest'],
    },
    gha: {
        to: ['timeout', 'url', 'url_v2', 'version', 'repository'],
        from: ['timeout', 'url', 'url_v2', 'version'],
    },
    s3: {
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
    azblob: {
        to: ['account_url', 'account_name', 'container', 'prefix', 'blobs_prefix', 'manifests_prefix'],
        from: ['account_url', 'account_name', 'container', 'prefix', 'blobs_prefix', 'manifests_prefix'],
    },
    inline: { to: [], from: [] },
};
function filterOptions(options, accepted) {
    return options.filter((o) => accepted.includes(o.slice(0, o.indexOf('='))));
}
/** Options the backend accepts in neither direction: reported as a note, not passed. */
function unusedOptions(b) {
    const { to, from } = ACCEPTED[b.backend];
    return b.options.filter((o) => {
        const key = o.slice(0, o.indexOf('='));
        return !to.includes(key) && !from.includes(key);
    });
}
/** ECR and Artifact Registry reject the default cache manifest list; they need an OCI image manifest. */
function registryPreset(image) {
    const host = image.split('/')[0];
    if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host) || /-docker\.pkg\.dev$/.test(host)) {
        return ['image-manifest=true', 'oci-mediatypes=true'];
    }
    return [];
}
function join(type, attrs) {
    return [`type=${type}`, ...attrs].join(',');
}
/** Where one named cache lives, as the backend's own attribute. */
function location(b, name, direction) {
    switch (b.backend) {
        case 'registry':
        case 'inline':
            return `ref=${b.image}:${name}`;
        case 'local':
            return `${direction === 'from' ? 'src' : 'dest'}=${b.dir.replace(/\/+$/, '')}/${name}`;
        case 'gha':
            return `scope=${name}`;
        case 's3':
        case 'azblob':
            return `name=${name}`;
    }
}
/** `--cache-from` entries for the named caches, in order. */
function cacheFromEntries(b, names) {
    if (names.length === 0 && b.backend !== 'inline')
        return [];
    const extra = filterOptions(b.options, ACCEPTED[b.backend].from);
    switch (b.backend) {
        case 'inline':
            // The cache travels inside the image: read it back from the image's own tags.
            return b.imageTags.map((tag) => join('registry', [`ref=${tag}`]));
        case 's3':
            // One importer reads several names, in order.
            return [join('s3', [`name=${names.join(';')}`, ...extra])];
        default:
            return names.map((n) => join(b.backend, [location(b, n, 'from'), ...extra]));
    }
}
/** `--cache-to` entries for the named caches. */
function cacheToEntries(b, names) {
    if (names.length === 0)
        return [];
    if (b.backend === 'inline')
        return ['type=inline'];
    const preset = b.backend === 'registry' ? registryPreset(b.image) : [];
    const user = filterOptions(b.options, ACCEPTED[b.backend].to);
    const userKeys = user.map((o) => o.slice(0, o.indexOf('=')));
    const attrs = [
        `mode=${b.mode}`,
        ...preset.filter((p) => !userKeys.includes(p.slice(0, p.indexOf('=')))),
        ...user,
        ...(b.ignoreError ? ['ignore-error=true'] : []),
    ];
    return names.map((n) => join(b.backend, [location(b, n, 'to'), ...attrs]));
}


/***/ }),

/***/ 7736:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.gatherFacts = gatherFacts;
exports.planInputs = planInputs;
exports.findExistingCaches = findExistingCaches;
const history_1 = __nccwpck_require__(528);
const compare_1 = __nccwpck_require__(480);
const docker_config_1 = __nccwpck_require__(7706);
const cache_entries_1 = __nccwpck_require__(3780);
const tags_1 = __nccwpck_require__(7906);
const names_1 = __nccwpck_require__(2471);
const narrow_1 = __nccwpck_require__(2956);
const plan_1 = __nccwpck_require__(8720);
const rules_1 = __nccwpck_require__(1324);
/**
 * Finds the commits the rules asked for: from the checkout first (deepening a shallow one), then
 * from GitHub's compare API. Never fails: a commit not found is null with its reason.
 */
async function gatherFacts(exec, ctx, needed, githubToken, 
/** HEAD's commit, when the caller already asked git for it. */
head) {
    const facts = { mergeBase: null, parent: null };
    const cwd = ctx.workspace;
    if (needed.parent && ctx.pushedBefore) {
        // The push names the head it replaced: no git lookup (or deepening) needed.
        facts.parent = ctx.pushedBefore;
    }
    else if (needed.parent) {
        const parent = await (0, history_1.parentCommit)(exec, { cwd, rev: 'HEAD', remote: 'origin' });
        facts.parent = parent.sha;
        if (parent.sha === null)
            facts.parentWhy = parent.reason;
    }
    if (needed.mergeBase && ctx.defaultBranch) {
        const local = await (0, history_1.findMergeBase)(exec, {
            cwd,
            head: 'HEAD',
            base: `origin/${ctx.defaultBranch}`,
            remote: 'origin',
        });
        if (local.sha !== null) {
            facts.mergeBase = local.sha;
            // A push that merged the default branch in names the merge-base as HEAD's second parent.
            if ((await (head ?? (0, history_1.commitInfo)(exec, { cwd })))?.parents[1] === local.sha)
                facts.justMerged = local.sha;
        }
        else if (githubToken !== '' && ctx.repository !== '' && ctx.sha !== '') {
            const remote = await (0, compare_1.mergeBaseFromApi)({
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
        const compared = await (0, history_1.compareCommits)(exec, { cwd, other: headSha, remote: 'origin' });
        if (typeof compared === 'string') {
            facts.headWhy = compared;
        }
        else {
            // GitHub's merge commit of a pull request: first parent the base, second the head.
            const base = compared.rev.parents[0];
            facts.mergeIsHead = compared.rev.tree === compared.other.tree;
            if (base !== undefined && compared.other.parents[1] === base)
                facts.justMerged = base;
        }
    }
    return facts;
}
/**
 * The facts and the listing a plan needs, side by side. One exception to running them at once:
 * a branch push whose own cache exists reads that alone (narrow.ts), so its merge-base, which a
 * shallow checkout only yields after fetches, is not looked up, unless the push is a merge (it
 * may have merged its base, which the rules read instead). That push waits for the listing first.
 */
async function planInputs(exec, ctx, options, env, githubToken, fileExists) {
    const trigger = (0, rules_1.classify)(ctx);
    const needed = (0, rules_1.factsNeeded)(trigger);
    const listing = findExistingCaches(options, env, fileExists);
    // HEAD's parents decide both whether to skip the lookup and whether the push merged its base.
    const head = trigger.kind === 'push-branch' ? (0, history_1.commitInfo)(exec, { cwd: ctx.workspace }) : undefined;
    let skipped = '';
    if (head) {
        const own = (0, plan_1.plan)(ctx, { mergeBase: null, parent: null }, options).reads.find((r) => r.alone && r.entry);
        if (own && (await listing).exists(own.entry) === true) {
            const info = await head;
            if (info && info.parents.length === 1) {
                needed.mergeBase = false;
                skipped = `not looked up: ${own.ref} exists and is read alone`;
            }
        }
    }
    const [facts, existing] = await Promise.all([gatherFacts(exec, ctx, needed, githubToken, head), listing]);
    if (skipped)
        facts.mergeBaseSkipped = skipped;
    return { facts, existing };
}
/**
 * Lists, once per run and by the backend's own means, which caches exist: the registry
 * repository's tags, the gha index entries the runtime token can read, the local folders. A
 * listing that fails costs nothing but that knowledge: every planned source is then read.
 */
async function findExistingCaches(options, env, fileExists) {
    const unknown = (note) => ({ exists: () => undefined, siblingLegs: [], note });
    switch (options.backend) {
        case 'registry': {
            if (!options.image)
                return unknown();
            // The build waits for the plan: a registry that does not answer soon costs 5 s, not more.
            const listed = await (0, tags_1.listTags)({
                image: options.image,
                dockerConfigDir: (0, docker_config_1.dockerConfigDir)(env),
                timeoutMs: 5000,
            });
            if (listed.tags === null) {
                return unknown(`cache tags not listed (${listed.reason}): every planned source is read`);
            }
            const legs = options.leg === '' ? [] : (0, names_1.siblingLegsFromTags)(listed.tags, options.scope, options.leg);
            return { exists: (0, narrow_1.registryExistence)(listed.tags), siblingLegs: legs };
        }
        case 'gha': {
            if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL)
                return unknown();
            const listed = await (0, cache_entries_1.listGhaCacheNames)({
                resultsUrl: env.ACTIONS_RESULTS_URL,
                token: env.ACTIONS_RUNTIME_TOKEN,
                prefix: (0, names_1.namespace)(options.scope, ''),
            });
            if (listed.names === null) {
                return unknown(`gha caches not listed (${listed.reason}): every planned source is read`);
            }
            return { exists: (0, narrow_1.ghaExistence)(listed.names), siblingLegs: [] };
        }
        case 'local':
            return { exists: (0, narrow_1.localExistence)(fileExists), siblingLegs: [] };
        default:
            return unknown();
    }
}


/***/ }),

/***/ 2471:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TAG_MAX = void 0;
exports.refLabel = refLabel;
exports.sameRef = sameRef;
exports.slug = slug;
exports.refName = refName;
exports.namespace = namespace;
exports.cacheName = cacheName;
exports.defaultScope = defaultScope;
exports.legOf = legOf;
exports.repositoryOf = repositoryOf;
exports.siblingLegsFromTags = siblingLegsFromTags;
const node_crypto_1 = __nccwpck_require__(7598);
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
function sameRef(a, b) {
    return refLabel(a) === refLabel(b);
}
function shortHash(text) {
    return (0, node_crypto_1.createHash)('sha256').update(text).digest('hex').slice(0, 8);
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
/** The name part of a cache for a ref, e.g. `branch-main`, `pr-7`, `sha-<40 hex>`. */
function refName(ref, maxLength) {
    switch (ref.kind) {
        case 'branch':
            return `branch-${slug(ref.name, maxLength - 'branch-'.length)}`;
        case 'pr':
            return `pr-${ref.number}`;
        case 'sha':
            return `sha-${ref.sha.toLowerCase()}`;
    }
}
/** Registry tags are at most 128 characters. */
exports.TAG_MAX = 128;
/**
 * `<scope>[.<leg>]`: the namespace of one image's cache. Dots separate it from the ref part, so
 * a sibling leg's tags can be recognised when listing a repository's tags.
 */
function namespace(scope, leg) {
    const s = slug(scope, 48, false);
    return leg === '' ? s : `${s}.${slug(leg, 40, false)}`;
}
/** The full cache name for a ref inside a namespace: `<namespace>.<ref part>`, a valid tag. */
function cacheName(ns, ref) {
    return `${ns}.${refName(ref, exports.TAG_MAX - ns.length - 1)}`;
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
 * Sibling matrix legs found among a cache repository's tags: `<scope>.<leg>.<ref part>` tags
 * whose leg is not this one. Legs have no dots, so the pattern is unambiguous.
 */
function siblingLegsFromTags(tags, scope, ownLeg) {
    const prefix = `${slug(scope, 48, false)}.`;
    const own = ownLeg === '' ? '' : slug(ownLeg, 40, false);
    const legs = new Set();
    for (const tag of tags) {
        if (!tag.startsWith(prefix))
            continue;
        const m = /^([a-z0-9_-]+)\.(branch|pr|sha)-/.exec(tag.slice(prefix.length));
        if (m && m[1] !== own)
            legs.add(m[1]);
    }
    return [...legs].sort();
}


/***/ }),

/***/ 2956:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.narrowSources = narrowSources;
exports.registryExistence = registryExistence;
exports.ghaExistence = ghaExistence;
exports.localExistence = localExistence;
/**
 * Fewer sources, once it is known which exist. BuildKit, given several caches that share a chain
 * of steps but differ deeper, may follow the one that lacks a step and run it again although
 * another source holds it (bench/README.md, cause 1; bench/repro-multi-import.sh). So:
 *
 * - a source known to be missing is not passed (it would only be a failed lookup);
 * - a cache written from this very commit (or these very files) and leg is an exact match: it is
 *   read alone;
 * - else the first source the rules mark as best alone that exists: usually the run's own ref
 *   (its branch, its pull request), once an earlier run wrote it; a base that moved its
 *   dependencies since then costs those layers once, where two overlapping sources would cost this
 *   ref's own layers on about every other run;
 * - a leg whose own cache exists does not read its siblings' or the plain build's, which only
 *   serve a leg that has nothing yet.
 *
 * Pure: the plan and what exists in, the narrowed plan out. Raw `cache-from` entries stay.
 */
function narrowSources(p, exists) {
    const computed = new Set(p.reads.map((r) => r.entry).filter((e) => e !== ''));
    const raw = p.cacheFrom.filter((e) => !computed.has(e));
    const state = (r) => (r.entry === '' ? undefined : exists(r.entry));
    const found = (r) => state(r) === true;
    const missing = [...new Set(p.reads.filter((r) => state(r) === false).map((r) => r.entry))];
    const candidates = p.reads.filter((r) => r.entry !== '' && state(r) !== false);
    // The first rule that applies decides which candidates stay; the others are left out.
    const exact = candidates.find((r) => r.exact && found(r));
    const alone = candidates.find((r) => r.alone && found(r));
    const rule = exact
        ? {
            keep: (r) => r.entry === exact.entry,
            why: `${exact.ref} ${exact.exact}: it is read alone`,
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
                : null;
    const left = new Set(candidates.filter((r) => rule !== null && !rule.keep(r)).map((r) => r.entry));
    const kept = new Set(candidates.map((r) => r.entry).filter((e) => !left.has(e)));
    return {
        ...p,
        notes: left.size > 0 ? [...p.notes, `${rule.why} (more sources only make BuildKit miss at random)`] : p.notes,
        reads: p.reads.map((r) => left.has(r.entry) ? { ...r, entry: '', why: `${r.why}; not read: ${rule.why}` } : r),
        cacheFrom: [...[...computed].filter((e) => kept.has(e)), ...raw],
        missing: [...(p.missing ?? []), ...missing],
    };
}
/** A registry entry exists when its tag is among the repository's tags (listed once per run). */
function registryExistence(tags) {
    if (tags === null)
        return () => undefined;
    const have = new Set(tags);
    return (entry) => {
        if (!entry.startsWith('type=registry,'))
            return undefined;
        const ref = /(?:^|,)ref=([^,]+)/.exec(entry)?.[1] ?? '';
        const tag = ref.slice(ref.lastIndexOf(':') + 1);
        return ref.lastIndexOf(':') > ref.lastIndexOf('/') ? have.has(tag) : undefined;
    };
}
/**
 * A gha entry exists when BuildKit's index for its cache name is among the entries the service
 * listed for this run. Only that positive answer is trusted: a name not listed stays unknown (and
 * is passed), so a service that lists less than it serves never costs a warm cache.
 */
function ghaExistence(names) {
    const have = new Set(names ?? []);
    return (entry) => {
        const scope = /^type=gha,(?:.*,)?scope=([^,]+)/.exec(entry)?.[1];
        return scope !== undefined && have.has(scope) ? true : undefined;
    };
}
/** A local cache folder exists when BuildKit wrote its index there. */
function localExistence(fileExists) {
    return (entry) => {
        const src = /(?:^|,)src=([^,]+)/.exec(entry)?.[1];
        if (!entry.startsWith('type=local') || src === undefined)
            return undefined;
        return fileExists(`${src.replace(/\/+$/, '')}/index.json`);
    };
}


/***/ }),

/***/ 8720:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.planOptionsFrom = planOptionsFrom;
exports.plan = plan;
const backends_1 = __nccwpck_require__(774);
const names_1 = __nccwpck_require__(2471);
const rules_1 = __nccwpck_require__(1324);
/** Resolves the defaults: scope from the Dockerfile, leg from target and platforms, image from tags. */
function planOptionsFrom(inputs, siblingLegs = []) {
    const { cache, build } = inputs;
    const image = cache.image || (build.tags[0] ? (0, names_1.repositoryOf)(build.tags[0]) : '');
    return {
        backend: cache.backend,
        image,
        dir: cache.dir,
        mode: cache.mode,
        ignoreError: cache.ignoreError,
        options: cache.options,
        imageTags: build.tags,
        scope: cache.scope || (0, names_1.defaultScope)(build.file),
        leg: cache.leg || (0, names_1.legOf)(build.target, build.platforms),
        siblingLegs: [...new Set([...cache.readLegs, ...siblingLegs])],
        write: cache.write,
        rawFrom: build.cacheFrom,
        rawTo: build.cacheTo,
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
/**
 * The cache plan: which caches to import (best first) and where to export. Pure: the run, the
 * commits git found and the options in; BuildKit entries and the reasons for each out.
 */
function plan(ctx, facts, options) {
    const rules = (0, rules_1.refPlan)(ctx, facts, options.write, (0, rules_1.visibility)(options.backend));
    const notes = [...rules.notes];
    const ns = (0, names_1.namespace)(options.scope, options.leg);
    const result = {
        trigger: rules.trigger,
        namespace: ns,
        cacheFrom: [],
        cacheTo: [],
        reads: [],
        writes: [],
        notes,
    };
    if (options.backend === 'none') {
        notes.push('cache: none: only the raw cache-from / cache-to entries are used');
        result.cacheFrom = [...options.rawFrom];
        result.cacheTo = [...options.rawTo];
        return result;
    }
    const b = {
        backend: options.backend,
        image: options.image ?? '',
        dir: options.dir ?? '',
        mode: options.mode ?? 'max',
        ignoreError: options.ignoreError ?? true,
        options: options.options ?? [],
        imageTags: options.imageTags ?? [],
    };
    const unused = (0, backends_1.unusedOptions)(b);
    if (unused.length > 0)
        notes.push(`cache-options not used by ${b.backend}: ${unused.join(', ')}`);
    // Each ref becomes a cache name of its own, also on gha: BuildKit's gha import reads a name's
    // index in every ref scope the token may read, so a name shared by a branch and a pull request
    // would import both of them at once.
    const readNames = [];
    const writeNames = [];
    const entryOf = (name, direction) => (direction === 'from' ? (0, backends_1.cacheFromEntries)(b, [name]) : (0, backends_1.cacheToEntries)(b, [name]))[0] ?? name;
    const use = (u, names, direction, inNamespace = ns, label = (0, names_1.refLabel)(u.ref)) => {
        const name = (0, names_1.cacheName)(inNamespace, u.ref);
        if (!names.includes(name))
            names.push(name);
        return { ref: label, why: u.why, entry: entryOf(name, direction) };
    };
    const read = (u, origin, inNamespace = ns, label) => {
        const thisCommit = u.ref.kind === 'sha' && u.ref.sha === ctx.sha;
        const exact = origin !== 'own'
            ? undefined
            : (u.exact ?? (thisCommit ? 'was built from this very commit' : undefined));
        const alone = origin === 'own' ? u.alone : undefined;
        return {
            ...use(u, readNames, 'from', inNamespace, label),
            origin,
            ...(exact ? { exact } : {}),
            ...(alone ? { alone } : {}),
        };
    };
    for (const u of rules.reads) {
        const unreadable = b.backend === 'gha' ? ghaUnreadable(rules.trigger, u.ref, ctx.defaultBranch) : null;
        if (unreadable) {
            notes.push(`${(0, names_1.refLabel)(u.ref)} is not read: ${unreadable}`);
            result.reads.push({ ref: (0, names_1.refLabel)(u.ref), why: u.why, entry: '', origin: 'own' });
        }
        else {
            result.reads.push(read(u, 'own'));
        }
    }
    // Sibling matrix legs come after this leg's own caches: their stages shared with this leg hit.
    for (const leg of options.siblingLegs.filter((l) => l !== options.leg)) {
        const siblingNs = (0, names_1.namespace)(options.scope, leg);
        for (const u of rules.reads.filter((r) => r.ref.kind !== 'sha')) {
            if (readNames.includes((0, names_1.cacheName)(siblingNs, u.ref)))
                continue;
            const why = { ...u, why: 'a sibling matrix leg: shared stages' };
            result.reads.push(read(why, 'sibling', siblingNs, `${(0, names_1.refLabel)(u.ref)} (leg ${leg})`));
        }
    }
    // A leg also reads the scope's plain cache (the Dockerfile built with no target or platform):
    // the stages they share hit there, so a new leg or a new target does not start cold.
    if (options.leg !== '') {
        const plainNs = (0, names_1.namespace)(options.scope, '');
        for (const u of rules.reads) {
            if (b.backend === 'gha' && ghaUnreadable(rules.trigger, u.ref, ctx.defaultBranch))
                continue;
            if (readNames.includes((0, names_1.cacheName)(plainNs, u.ref)))
                continue;
            const why = { ...u, why: `${u.why}; built without a leg (shared stages)` };
            result.reads.push(read(why, 'plain', plainNs, `${(0, names_1.refLabel)(u.ref)} (no leg)`));
        }
    }
    result.writes = rules.writes.map((u) => use(u, writeNames, 'to'));
    if (b.backend === 'inline') {
        notes.push('inline: the cache is exported inside the image (min mode) and read back from its tags');
    }
    result.cacheFrom = [...(0, backends_1.cacheFromEntries)(b, readNames), ...options.rawFrom];
    result.cacheTo = [...(0, backends_1.cacheToEntries)(b, writeNames), ...options.rawTo];
    return result;
}


/***/ }),

/***/ 1324:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.classify = classify;
exports.factsNeeded = factsNeeded;
exports.visibility = visibility;
exports.refPlan = refPlan;
const context_1 = __nccwpck_require__(9556);
const names_1 = __nccwpck_require__(2471);
/** Events that anyone who can open a pull request or comment can start, with the base's privileges. */
const UNTRUSTED_EVENTS = ['pull_request_target', 'issue_comment', 'workflow_run'];
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
    // push, schedule, workflow_dispatch, repository_dispatch, release, …: what the ref is decides.
    if (ctx.ref.startsWith('refs/tags/'))
        return { kind: 'tag', tag: ctx.ref.slice('refs/tags/'.length) };
    if (ctx.ref.startsWith('refs/heads/')) {
        const branch = (0, context_1.stripRefsHeads)(ctx.ref);
        return branch === defaultBranch ? { kind: 'push-default', branch } : { kind: 'push-branch', branch };
    }
    return { kind: 'unknown', event: ctx.eventName, ref: ctx.ref };
}
function factsNeeded(trigger) {
    return {
        mergeBase: trigger.kind === 'push-branch' || trigger.kind === 'tag',
        parent: trigger.kind === 'push-default',
        headCommit: trigger.kind === 'pull-request',
    };
}
function dedupe(uses) {
    const seen = new Set();
    return uses.filter((u) => {
        const key = (0, names_1.refLabel)(u.ref);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
const branch = (name) => ({ kind: 'branch', name });
const OWN = "holds this ref's earlier runs";
function visibility(backend) {
    return backend === 'gha' ? 'github' : 'shared';
}
/**
 * The rules: which refs' caches this run reads (best match first) and which it writes.
 * Pure: the event, the commits found and the write policy in, refs and reasons out.
 */
function refPlan(ctx, facts, write, visibility = 'shared') {
    const trigger = classify(ctx);
    const def = ctx.defaultBranch;
    const reads = [];
    let writes = [];
    const notes = [];
    /** Where `cache-write: always` writes when the rules write nothing. */
    let alwaysWrites = [];
    const readMergeBase = () => {
        if (facts.mergeBase) {
            reads.push({
                ref: { kind: 'sha', sha: facts.mergeBase },
                why: `the merge-base with ${def}: its dependency files match this commit best`,
            });
        }
        else if (facts.mergeBaseSkipped) {
            notes.push(`merge-base with ${def} ${facts.mergeBaseSkipped}`);
        }
        else {
            notes.push(`merge-base with ${def} not found (${facts.mergeBaseWhy ?? 'unknown'}); reading ${def} only`);
        }
    };
    // The base commit this build just merged in holds what the base changed since the own ref's last
    // build (a lock file bumped on the base) and differs only by this ref's own changes, usually
    // later layers: it comes first, read alone.
    const readJustMerged = (why, alone) => {
        if (facts.justMerged)
            reads.push({ ref: { kind: 'sha', sha: facts.justMerged }, why, alone });
    };
    // A cache written from this very commit (by its merge queue run, a re-run, a push a schedule
    // follows) is an exact match; the planner reads it alone when it is known to exist.
    const readOwnCommit = () => {
        if (ctx.sha) {
            reads.push({ ref: { kind: 'sha', sha: ctx.sha }, why: 'this very commit, when it was built before' });
        }
    };
    const readMergedPullRequest = () => {
        if (ctx.mergedPullRequest !== undefined) {
            reads.push({
                ref: { kind: 'pr', number: ctx.mergedPullRequest },
                why: `the pull request this push merged (#${ctx.mergedPullRequest}): its merge commit held this content`,
            });
        }
    };
    switch (trigger.kind) {
        case 'push-default':
            readOwnCommit();
            reads.push({
                ref: branch(trigger.branch),
                why: 'own branch: the newest build of this branch',
                alone: OWN,
            });
            readMergedPullRequest();
            if (facts.parent) {
                const why = facts.parent === ctx.pushedBefore
                    ? "the branch's previous head (the push's before): its last build"
                    : 'the parent commit (HEAD^1)';
                reads.push({ ref: { kind: 'sha', sha: facts.parent }, why });
            }
            else {
                notes.push(`parent commit not found (${facts.parentWhy ?? 'unknown'})`);
            }
            writes = [
                { ref: branch(trigger.branch), why: 'push to the default branch: its cache serves every branch' },
                { ref: { kind: 'sha', sha: ctx.sha }, why: 'this commit, for branches that start from it' },
            ];
            break;
        case 'push-branch':
            readJustMerged(`the ${def} commit this push merged in`, `is the ${def} commit this push merged in: newer than this branch's last build`);
            reads.push({
                ref: branch(trigger.branch),
                why: 'own branch: the newest build of this branch',
                alone: OWN,
            });
            readMergedPullRequest();
            readMergeBase();
            if (def)
                reads.push({ ref: branch(def), why: 'the default branch, the newest shared cache' });
            writes = [{ ref: branch(trigger.branch), why: 'push: a branch writes its own cache' }];
            break;
        case 'pull-request': {
            const own = {
                ref: { kind: 'pr', number: trigger.number },
                why: 'own pull request: earlier runs',
                alone: OWN,
            };
            // The head branch's newest build: the merge commit holds exactly its files when the head
            // already contains the base (git compared the trees), and then it comes first and alone.
            const head = ctx.pullRequest?.headRef ?? '';
            const readHead = !trigger.fromFork && head !== '' && head !== trigger.base;
            if (readHead && facts.mergeIsHead) {
                reads.push({
                    ref: branch(head),
                    why: 'the head branch: the head already contains the base, so this merge commit holds its files',
                    exact: 'was built from these very files (the head already contains the base)',
                });
            }
            if (facts.headWhy)
                notes.push(`head commit not compared with the merge commit: ${facts.headWhy}`);
            if (facts.justMerged) {
                // The head was just brought up to date: the base commit, then the base branch.
                const alone = "is the base commit the head just merged: newer than this pull request's last build";
                readJustMerged('the base commit the head just merged', alone);
                reads.push({ ref: branch(trigger.base), why: 'the base branch, which the head just merged', alone });
            }
            reads.push(own);
            if (readHead) {
                reads.push({ ref: branch(head), why: 'the head branch: the changes this pull request merges' });
            }
            if (trigger.base) {
                reads.push({ ref: branch(trigger.base), why: 'the base branch: the merge commit is built on it' });
            }
            if (def)
                reads.push({ ref: branch(def), why: 'the default branch' });
            const prWrite = {
                ref: own.ref,
                why: 'pull request: writes only its own cache, never its base',
            };
            if (trigger.fromFork && visibility === 'github') {
                writes = [
                    {
                        ...prWrite,
                        why: "pull request from a fork: GitHub keeps this scope to the pull request's own runs",
                    },
                ];
            }
            else if (trigger.fromFork) {
                notes.push('pull request from a fork: no cache is written (cache-write: always to override)');
                alwaysWrites = [prWrite];
            }
            else {
                writes = [prWrite];
            }
            break;
        }
        case 'untrusted':
            if (trigger.base)
                reads.push({ ref: branch(trigger.base), why: `the base branch of ${trigger.event}` });
            if (def)
                reads.push({ ref: branch(def), why: 'the default branch' });
            notes.push(`${trigger.event} may run untrusted code: no cache is written by default`);
            if (trigger.base && trigger.base !== def) {
                alwaysWrites = [{ ref: branch(trigger.base), why: `cache-write: always on ${trigger.event}` }];
            }
            break;
        case 'merge-group':
            if (trigger.base)
                reads.push({ ref: branch(trigger.base), why: 'the queue commit is built on its base' });
            if (trigger.number !== null) {
                // Its last run built this PR merged into the base: the queue commit's content, unless the
                // base moved since. Like a run's own ref, it is read alone when it exists.
                reads.push({
                    ref: { kind: 'pr', number: trigger.number },
                    why: 'the queued pull request: its runs built it merged into the base',
                    alone: 'holds the queued pull request built on the base',
                });
            }
            if (def && trigger.base !== def)
                reads.push({ ref: branch(def), why: 'the default branch' });
            alwaysWrites = [
                { ref: { kind: 'sha', sha: ctx.sha }, why: 'cache-write: always on a merge queue commit' },
            ];
            if (visibility === 'github') {
                notes.push("merge queue: on GitHub the queue's cache is readable on the queue branch only: nothing is written");
            }
            else if (ctx.sha) {
                writes = [
                    {
                        ref: { kind: 'sha', sha: ctx.sha },
                        why: 'the queue commit: its base is fast-forwarded to it, and the push that follows reads it',
                    },
                ];
            }
            break;
        case 'tag':
            if (def)
                reads.push({ ref: branch(def), why: 'the default branch' });
            readMergeBase();
            notes.push('tag: a tag build only reads');
            alwaysWrites = [{ ref: { kind: 'sha', sha: ctx.sha }, why: 'cache-write: always on a tag' }];
            break;
        case 'unknown':
            if (def)
                reads.push({ ref: branch(def), why: 'the default branch' });
            notes.push(`event ${trigger.event || '(none)'} on ${trigger.ref || '(no ref)'}: reading the default branch only`);
            break;
    }
    if (write === 'never') {
        if (writes.length > 0)
            notes.push('cache-write: never: nothing is written');
        writes = [];
    }
    else if (write === 'always' && writes.length === 0) {
        writes = alwaysWrites;
        if (trigger.kind === 'untrusted' && alwaysWrites.length === 0) {
            notes.push(`${trigger.event} never writes the default branch's cache, whatever cache-write says`);
        }
    }
    // Whatever the policy, a run that untrusted code may steer never writes the default branch.
    if (trigger.kind === 'untrusted') {
        writes = writes.filter((w) => !(w.ref.kind === 'branch' && w.ref.name === def));
    }
    return { trigger, reads: dedupe(reads), writes: dedupe(writes), notes };
}


/***/ }),

/***/ 7906:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RegistryError = void 0;
exports.parseImageName = parseImageName;
exports.registryOrigin = registryOrigin;
exports.parseChallenges = parseChallenges;
exports.openRegistry = openRegistry;
exports.registryFailure = registryFailure;
exports.listTags = listTags;
const promises_1 = __nccwpck_require__(1455);
const node_path_1 = __nccwpck_require__(6760);
const docker_config_1 = __nccwpck_require__(7706);
const http_1 = __nccwpck_require__(9663);
const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const USER_AGENT = 'buildkit-cache-action';
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
 * - a trailing `:tag` and/or `@digest` is accepted and dropped (the repository is what is listed).
 *
 * Throws an Error (with a message fit for a job log) for what docker would refuse too: an empty
 * name, uppercase letters in the repository path, bad separators, a malformed registry host,
 * tag or digest. {@link listTags} turns that into a reason.
 */
function parseImageName(image) {
    const quoted = JSON.stringify(image);
    let rest = image;
    const at = rest.indexOf('@');
    if (at !== -1) {
        if (!DIGEST.test(rest.slice(at + 1)))
            throw new Error(`image ${quoted} has a malformed digest`);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        if (!TAG.test(rest.slice(colon + 1)))
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
        return { registry: domain, repository: path, configKey: DOCKER_HUB_CONFIG_KEY };
    }
    return { registry: domain, repository: path, configKey: domain };
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
/** A config key as docker compares it: without scheme and path (`https://ghcr.io/v1/` → `ghcr.io`). */
function keyHost(key) {
    return key
        .replace(/^https?:\/\//i, '')
        .split('/')[0]
        .toLowerCase();
}
/**
 * Credentials that `docker login` wrote into `<dir>/config.json`: `auths[<key>].auth`
 * (base64 `user:password`) or `auths[<key>].username`/`.password`, found under the exact key
 * first and then under any key naming the same host (docker matches `https://host/v1/` too).
 * Credential helpers (`credsStore`, `credHelpers`) and identity tokens are not used: the
 * listing goes on anonymously, and a registry that then refuses says why in the reason.
 */
async function readCredentials(dir, name) {
    const file = (0, node_path_1.join)(dir, 'config.json');
    let config;
    try {
        config = JSON.parse(await (0, promises_1.readFile)(file, 'utf8'));
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        return { note: missing ? `no docker config at ${file}` : `the docker config ${file} could not be read` };
    }
    if (!config || typeof config !== 'object')
        return { note: `the docker config ${file} is not a JSON object` };
    const { auths, credsStore, credHelpers } = config;
    const host = keyHost(name.configKey);
    const hub = name.configKey === DOCKER_HUB_CONFIG_KEY;
    const sameHost = (key) => keyHost(key) === host || (hub && DOCKER_HUB_ALIASES.has(keyHost(key)));
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
    const helpers = credHelpers && typeof credHelpers === 'object' ? Object.keys(credHelpers) : [];
    if (helpers.some(sameHost) || typeof credsStore === 'string') {
        return {
            note: `the credentials for ${name.configKey} are kept by a docker credential helper, which is not consulted`,
        };
    }
    return { note: `no credentials for ${name.configKey} in ${file}` };
}
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
class ListingError extends Error {
}
/** A refusal or failure described for the log; never holds credentials. */
class RegistryError extends ListingError {
}
exports.RegistryError = RegistryError;
/**
 * A session with the registry of `image`, authenticating as docker does: the request goes out
 * anonymously; on a `401` with a `Bearer` challenge a token for `repository:<name>:<actions>` is
 * fetched from the challenge's realm (with the `docker login` credentials of the config file as
 * basic auth when there are any, anonymously otherwise), on a `Basic` challenge the credentials
 * are sent directly. Credentials are sent over plain HTTP only to loopback hosts. Throws an
 * Error for a name docker would refuse.
 */
function openRegistry(o) {
    const name = parseImageName(o.image);
    const secrets = [];
    const redact = (text) => secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
    const fetchImpl = o.fetchImpl ?? http_1.httpFetch;
    const where = `registry ${name.registry}`;
    const configDir = o.dockerConfigDir ?? (0, docker_config_1.dockerConfigDir)();
    let lookup;
    const credentials = async () => {
        lookup ??= await readCredentials(configDir, name);
        if (lookup.credentials) {
            const { username, password } = lookup.credentials;
            secrets.push(password, basic(lookup.credentials).slice(6), username);
        }
        return lookup;
    };
    const deniedHint = () => (lookup?.note ? `; ${lookup.note}` : '');
    const request = (url, method, headers, authorization) => fetchImpl(url, {
        method,
        headers: {
            Accept: 'application/json',
            'User-Agent': USER_AGENT,
            ...headers,
            ...(authorization ? { Authorization: authorization } : {}),
        },
        signal: o.signal,
        redirect: 'follow',
    });
    /** An Authorization header that answers the challenges of a 401. */
    const authorize = async (header) => {
        const challenges = parseChallenges(header ?? '');
        const bearer = challenges.find((c) => c.scheme === 'bearer');
        const { credentials: creds } = await credentials();
        if (bearer) {
            let realm;
            try {
                realm = new URL(bearer.params.realm ?? '');
            }
            catch {
                throw new RegistryError(`${where} sent a Bearer challenge without a usable realm`);
            }
            if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
                throw new RegistryError(`${where} sent a Bearer challenge with a non-HTTP realm`);
            }
            const plainRemote = realm.protocol === 'http:' && !isLoopback(hostOf(realm.host));
            if (creds && plainRemote) {
                throw new RegistryError(`${where}: refusing to send credentials to the plain-HTTP token realm ${realm.host}`);
            }
            if (bearer.params.service)
                realm.searchParams.set('service', bearer.params.service);
            realm.searchParams.set('scope', `repository:${name.repository}:${o.actions ?? 'pull'}`);
            const response = await request(realm.href, 'GET', {}, creds ? basic(creds) : undefined);
            const body = await response.text();
            if (!response.ok) {
                const who = creds ? 'the docker login credentials' : 'anonymous access';
                throw new RegistryError(`${where}: the token service ${realm.host} refused ${who} (HTTP ${response.status}: ${registryError(body).text})${deniedHint()}`);
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
                throw new RegistryError(`${where}: the token service ${realm.host} answered without a token`);
            }
            secrets.push(token);
            return `Bearer ${token}`;
        }
        if (challenges.some((c) => c.scheme === 'basic')) {
            // Plain HTTP is only ever used for loopback registries, so the credentials stay on this machine there.
            if (!creds)
                throw new RegistryError(`${where} requires credentials for ${name.repository}${deniedHint()}`);
            return basic(creds);
        }
        throw new RegistryError(`${where} requires authentication of a kind this action does not speak`);
    };
    let authorization;
    return {
        name,
        where,
        origin: registryOrigin(name.registry),
        deniedHint,
        redact,
        async send(url, init = {}) {
            const method = init.method ?? 'GET';
            const headers = init.headers ?? {};
            let response = await request(url, method, headers, authorization);
            // Authenticate on the first refusal, and once more if a token expires between requests.
            if (response.status === 401) {
                await response.arrayBuffer().catch(() => undefined);
                authorization = await authorize(response.headers.get('www-authenticate'));
                response = await request(url, method, headers, authorization);
            }
            return response;
        },
    };
}
/** A failed registry conversation as one line: timeouts, refusals and network errors, redacted. */
function registryFailure(error, o) {
    const redact = o.redact ?? ((t) => t);
    if (error instanceof ListingError)
        return redact(error.message);
    const e = (error ?? {});
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        return `${o.where}: ${o.doing} timed out after ${o.timeoutMs} ms`;
    }
    const detail = [e.cause?.code, e.cause?.message, e.message].find((d) => typeof d === 'string' && d !== '');
    return redact(`${o.where}: ${o.doing} failed: ${excerpt(String(detail ?? error))}`);
}
/**
 * The tags of a repository, over the OCI distribution API (`GET /v2/<name>/tags/list`,
 * following `Link: <...>; rel="next"` pages, at most `maxPages`), authenticated as
 * {@link openRegistry} does. Loopback registries are spoken to over plain HTTP, all others over
 * HTTPS; a pagination link to another host is a reason.
 *
 * A repository the registry does not know (`404 NAME_UNKNOWN`: nothing pushed yet) has no tags.
 * Never throws; failures are reasons, which never contain credentials or tokens.
 */
async function listTags(options) {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const maxPages = Math.max(1, options.maxPages ?? 100);
    let session;
    try {
        session = openRegistry({
            image: options.image,
            dockerConfigDir: options.dockerConfigDir,
            fetchImpl: options.fetchImpl,
            signal: AbortSignal.timeout(timeoutMs),
        });
    }
    catch (error) {
        return { tags: null, reason: String(error.message ?? error) };
    }
    const { name, where, redact, deniedHint } = session;
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
                const error = registryError(body);
                if (response.status === 404 && error.code === 'NAME_UNKNOWN' && page === 0)
                    return { tags: [] };
                const denied = response.status === 401 || response.status === 403 ? deniedHint() : '';
                return {
                    tags: null,
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
                    reason: redact(`${where} answered the tag list with something that is not JSON: ${excerpt(body, 80)}`),
                };
            }
            const pageTags = parsed && typeof parsed === 'object' ? (parsed.tags ?? []) : undefined;
            if (!Array.isArray(pageTags) || pageTags.some((t) => typeof t !== 'string')) {
                return { tags: null, reason: `${where} answered the tag list without a list of tags` };
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
        return {
            tags: null,
            reason: registryFailure(error, { where, doing: 'listing tags', timeoutMs, redact }),
        };
    }
}


/***/ }),

/***/ 5930:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cacheEntryAttributes = cacheEntryAttributes;
exports.cacheManifestBytes = cacheManifestBytes;
exports.registryManifestUrl = registryManifestUrl;
exports.registryCacheBytes = registryCacheBytes;
exports.directoryBytes = directoryBytes;
exports.measureExports = measureExports;
const fs = __importStar(__nccwpck_require__(3024));
const path = __importStar(__nccwpck_require__(6760));
const http_1 = __nccwpck_require__(9663);
const MANIFEST_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');
/** `type=registry,ref=host/name:tag,mode=max` → its attributes (CSV: a field may be quoted). */
function cacheEntryAttributes(entry) {
    const fields = [];
    let field = '';
    let quoted = false;
    for (const c of entry) {
        if (c === '"')
            quoted = !quoted;
        else if (c === ',' && !quoted) {
            fields.push(field);
            field = '';
        }
        else
            field += c;
    }
    fields.push(field);
    const attrs = {};
    for (const f of fields) {
        const eq = f.indexOf('=');
        if (eq > 0)
            attrs[f.slice(0, eq).trim()] = f.slice(eq + 1).trim();
    }
    return attrs;
}
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
    const m = /^(?:([^/]+)\/)?([^:@]+(?:\/[^:@]+)*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(ref);
    if (!m)
        return null;
    let host = m[1] ?? '';
    let name = m[2];
    if (host !== '' && !/[.:]/.test(host) && host !== 'localhost') {
        name = `${host}/${name}`;
        host = '';
    }
    if (host === '' || host === 'docker.io' || host === 'index.docker.io') {
        host = 'registry-1.docker.io';
        if (!name.includes('/'))
            name = `library/${name}`;
    }
    const reference = digest || m[4] || m[3] || 'latest';
    const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
    return `${loopback ? 'http' : 'https'}://${host}/v2/${name}/manifests/${reference}`;
}
/** Anonymous GET of a cache manifest; its blob sizes summed. Never throws. */
async function registryCacheBytes(ref, digest, fetcher = http_1.httpFetch, timeoutMs = 5000) {
    const url = registryManifestUrl(ref, digest);
    if (!url)
        return { bytes: null, how: `not measured: cannot read the registry reference ${ref}` };
    try {
        const res = await fetcher(url, {
            headers: { Accept: MANIFEST_TYPES },
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
        return { bytes: null, how: `not measured: ${(0, http_1.failureText)(e)}` };
    }
}
/** Bytes of the files under a folder (symbolic links not followed); null when it is not there. */
function directoryBytes(dir) {
    try {
        if (!fs.statSync(dir).isDirectory())
            return null;
    }
    catch {
        return null;
    }
    let total = 0;
    const walk = (d) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, entry.name);
            if (entry.isDirectory())
                walk(p);
            else if (entry.isFile())
                total += fs.lstatSync(p).size;
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
/**
 * Measures each `cache-to` destination: a registry cache by its manifest (fetched; the digest
 * from the metadata file when there is a single registry destination), a local cache by its
 * folder, anything else not at all. Never throws.
 */
async function measureExports(destinations, manifest, fetcher) {
    const registries = destinations.filter((d) => cacheEntryAttributes(d).type === 'registry');
    const out = [];
    for (const destination of destinations) {
        const attrs = cacheEntryAttributes(destination);
        const type = attrs.type ?? '';
        if (type === 'registry' && attrs.ref) {
            const digest = registries.length === 1 && manifest ? manifest.digest : '';
            out.push({ destination, ...(await registryCacheBytes(attrs.ref, digest, fetcher)) });
        }
        else if (type === 'local' && attrs.dest) {
            const bytes = directoryBytes(attrs.dest);
            out.push({
                destination,
                bytes,
                how: bytes === null
                    ? 'not measured: the folder is not there'
                    : 'size of the folder (it keeps blobs of earlier exports too)',
            });
        }
        else {
            out.push({ destination, bytes: null, how: `not measured for ${type || 'this'} caches` });
        }
    }
    return out;
}


/***/ }),

/***/ 5468:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OUTPUT_NAMES = void 0;
exports.setOutputs = setOutputs;
const core = __importStar(__nccwpck_require__(6342));
/** Every output the action sets; a test checks this list against action.yml. */
exports.OUTPUT_NAMES = [
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
];
function setOutputs(outputs) {
    for (const name of exports.OUTPUT_NAMES) {
        const value = outputs[name];
        if (value !== undefined)
            core.setOutput(name, value);
    }
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.importResults = importResults;
exports.firstExecuted = firstExecuted;
exports.exportOutcome = exportOutcome;
exports.normalizeImage = normalizeImage;
exports.changedBaseImages = changedBaseImages;
exports.changedBuildArgs = changedBuildArgs;
exports.likelyReasons = likelyReasons;
exports.baseImages = baseImages;
exports.failureMessage = failureMessage;
exports.buildReport = buildReport;
const parse_1 = __nccwpck_require__(2487);
/** Cache exporters default to mode=min; an inline cache can only be min. */
const isModeMin = (entry) => !/(^|,)mode=max(,|$)/.test(entry);
const seconds = (ms) => Math.round(ms / 100) / 10;
const didWork = (s) => s.status === 'executed' || s.status === 'failed' || s.status === 'canceled';
const stageLabel = (s) => [s.platform, s.stage].filter(Boolean).join(' ') || '(single stage)';
function importResults(log) {
    return log.imports.map((i) => {
        const took = seconds(i.durationMs);
        if (!i.error)
            return { source: i.source, result: 'imported', seconds: took };
        const notFound = /not found|no such file|404|does not exist/i.test(i.error);
        return { source: i.source, result: notFound ? 'not-found' : 'failed', error: i.error, seconds: took };
    });
}
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
        const why = skipWhy || plan.notes.find((n) => /nothing is written|no cache is written|only reads/.test(n));
        return outcome('skipped', why ?? 'no cache destination for this run');
    }
    if (skipWhy)
        return outcome('skipped', skipWhy);
    if (!built)
        return outcome('skipped', 'the build did not finish');
    const failed = log?.exports.find((e) => e.error);
    if (failed)
        return outcome('failed', failed.error ?? 'failed', seconds(exportMs));
    if (log && log.exports.length === 0 && destinations.every((d) => d.startsWith('type=inline'))) {
        // An inline cache has no export vertex of its own: it is written with the image.
        return outcome('ok', 'exported inside the image');
    }
    return outcome('ok', '', seconds(exportMs));
}
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
const short = (digest) => digest.replace(/^sha256:/, '').slice(0, 12);
const quote = (command) => {
    const text = command.replace(/`/g, "'").replace(/\s*\r?\n\s*/g, ' ');
    return `\`${text.length > 80 ? `${text.slice(0, 77)}...` : text}\``;
};
/**
 * Likely reasons why steps ran instead of coming from the cache. Each claim is one the record
 * supports; where it cannot tell the causes apart, it says which ones are possible.
 */
function likelyReasons(input) {
    const { steps } = input;
    if (!steps.some(didWork))
        return [];
    const reasons = [];
    const add = (kind, detail, s) => reasons.push({ kind, stage: s ? stageLabel(s) : '', step: s ? s.name : '', detail });
    if (input.noCache) {
        add('no-cache', 'no-cache is set: BuildKit ran every step without looking at any cache');
        return reasons;
    }
    if (input.reads === 0 && input.imports.length === 0) {
        add('no-cache-read', 'this run reads no cache: only what the builder itself kept could be reused');
    }
    for (const i of input.imports.filter((x) => x.result === 'failed')) {
        add('import-failed', `reading the cache from ${i.source} failed: ${i.error ?? 'unknown error'}`);
    }
    const imported = input.imports.some((i) => i.result === 'imported');
    if (input.imports.length > 0 && input.imports.every((i) => i.result === 'not-found')) {
        add('first-build', `no cache was found at ${input.imports.map((i) => i.source).join(', ')}: nothing is cached for this ref ` +
            'yet (its first build, or the cache expired or was deleted)');
    }
    // With no cache at all, every step ran for that one reason: per-stage guesses would be noise.
    if (!imported && !steps.some((s) => s.status === 'cached'))
        return reasons;
    const changes = input.previous?.materials
        ? changedBaseImages(input.previous.materials, input.materials)
        : [];
    const args = input.previous?.buildArgs && input.buildArgs
        ? changedBuildArgs(input.previous.buildArgs, input.buildArgs)
        : [];
    const explained = new Set();
    const otherwise = `or the cache held no result for it${input.modeMin ? ' (a mode=min cache keeps only the final stage)' : ''}`;
    for (const f of firstExecutedSteps(steps)) {
        const from = /--from[= ](\S+)/.exec(f.command)?.[1];
        const changedInput = steps.find((s) => f.inputs.includes(s.digest) && didWork(s) && (s.stage !== f.stage || s.platform !== f.platform));
        const base = input.bases.find((b) => f.inputs.includes(b.vertex));
        const elsewhere = f.platform
            ? steps.find((s) => s.status === 'cached' &&
                s.platform !== f.platform &&
                s.stage === f.stage &&
                s.index === f.index &&
                s.command === f.command)
            : undefined;
        if (changedInput) {
            add('earlier-stage-changed', `stage ${quote(changedInput.stage || '(unnamed)')} built something new, so ${quote(f.command)} ran`, f);
        }
        else if ((f.instruction === 'COPY' || f.instruction === 'ADD') && !from) {
            add('context-changed', `files that ${quote(f.command)} takes from the build context changed since the cached build`, f);
        }
        else if (elsewhere) {
            add('platform-not-cached', `the cache holds this step for ${elsewhere.platform} but not for ${f.platform}`, f);
        }
        else if (base && changes.some((c) => c.image === normalizeImage(base.image))) {
            const c = changes.find((x) => x.image === normalizeImage(base.image));
            explained.add(c.image);
            add('base-image-changed', `base image ${c.image} now resolves to ${short(c.to)} (was ${short(c.from)}), so every step on it ran`, f);
        }
        else if (args.length > 0 && f.instruction === 'RUN') {
            add('build-args-changed', `build args changed (${args.join(', ')}): a RUN step reruns when an ARG in its stage changed value`, f);
        }
        else if (from) {
            add('step-changed', `${quote(f.command)} ran although its source is cached: the instruction or the copied files changed, ${otherwise}`, f);
        }
        else if (base) {
            add('step-changed', `${quote(f.command)} is the first step after FROM: the instruction, a build arg it uses or the base ` +
                `image changed, ${otherwise}`, f);
        }
        else {
            add('step-changed', `${quote(f.command)} ran after a cached step: the instruction or what it uses (build args, ENV, ` +
                `mounted files) changed, ${otherwise}`, f);
        }
    }
    for (const c of changes.filter((x) => !explained.has(x.image))) {
        add('base-image-changed', `base image ${c.image} now resolves to ${short(c.to)} (was ${short(c.from)})`);
    }
    return reasons;
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
function buildReport(args) {
    const log = args.log;
    const record = args.record ?? null;
    const metadata = args.metadata ?? null;
    const steps = log?.steps ?? [];
    const totals = (0, parse_1.stepTotals)(steps);
    // Sources found missing before the build (a local folder not written yet) are misses too.
    const imports = [
        ...(args.plan.missing ?? []).map((source) => ({ source, result: 'not-found', seconds: 0 })),
        ...(log ? importResults(log) : []),
    ];
    const materials = baseImages(record, metadata, log);
    const exported = args.exportResult;
    const manifest = exported.manifest ??
        (exported.status === 'ok' && metadata?.cacheManifest
            ? { digest: metadata.cacheManifest.digest, size: metadata.cacheManifest.size }
            : null);
    return {
        version: 1,
        backend: args.backend,
        trigger: args.plan.trigger.kind,
        namespace: args.plan.namespace,
        build: args.build,
        plan: { reads: args.plan.reads, writes: args.plan.writes, notes: args.plan.notes },
        tokenScopes: args.tokenScopes,
        steps: {
            total: totals.total,
            cached: totals.cached,
            executed: totals.executed,
            notRun: totals.notRun,
            ratio: Math.round(totals.ratio * 1000) / 1000,
            executedSeconds: seconds(totals.executedMs),
            firstExecuted: firstExecuted(steps),
            list: steps.map((s) => ({
                stage: s.stage,
                platform: s.platform,
                step: s.command,
                status: s.status,
                seconds: seconds(s.durationMs),
                instruction: s.instruction,
                index: s.index,
                of: s.total,
                cached: s.status === 'cached',
            })),
        },
        imports,
        export: { ...exported, manifest, sizes: args.exportSizes ?? exported.sizes },
        record: record
            ? {
                ref: record.ref,
                status: record.status,
                seconds: seconds(record.durationMs),
                buildkitCachedSteps: record.numCachedSteps,
                buildkitTotalSteps: record.numTotalSteps,
            }
            : null,
        error: args.build === 'failed' ? reportError(record, log) : null,
        baseImages: materials.map((m) => ({ image: m.image, platform: m.platform, digest: m.digest })),
        likelyReasons: args.build === 'not-run' || !log
            ? []
            : likelyReasons({
                steps,
                bases: log.bases,
                imports,
                reads: args.plan.cacheFrom.length + (args.plan.missing?.length ?? 0),
                noCache: args.noCache,
                modeMin: args.plan.cacheTo.length === 0 ? undefined : args.plan.cacheTo.some(isModeMin),
                materials,
                buildArgs: record?.buildArgs,
                previous: args.previous,
            }),
        timings: args.timings ?? null,
    };
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatBytes = formatBytes;
exports.renderSummary = renderSummary;
const summary_1 = __nccwpck_require__(6320);
/** Markdown table cells: no pipes or newlines from step text may break the table. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}
function code(text) {
    return `\`${cell(text)}\``;
}
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
/** The job summary: what the cache did and why, as readable Markdown. Holds no secret: the report has none. */
function renderSummary(r) {
    const out = [];
    const pct = `${Math.round(r.steps.ratio * 100)}%`;
    const s = r.steps;
    if (r.build === 'not-run') {
        out.push('## BuildKit cache: plan only (dry run)', '');
    }
    else {
        out.push(`## BuildKit cache: ${s.cached} of ${s.total} steps cached (${pct})`, '');
    }
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
        (exportSize != null ? ` (${formatBytes(exportSize)})` : ''));
    out.push(`${facts.join(' · ')}`, '');
    if (r.error) {
        const where = r.error.file && r.error.line !== null ? ` (${cell(r.error.file)} line ${r.error.line})` : '';
        out.push(`> ❌ **The build failed**${r.error.step ? ` at ${code(clip(r.error.step, 160))}` : ''}${where}:`, `> ${cell(clip(r.error.message, 400))}`, '');
    }
    if (r.likelyReasons.length > 0) {
        out.push('### Likely reasons for cache misses', '');
        for (const reason of r.likelyReasons) {
            const scope = reason.stage ? ` in stage ${code(reason.stage)}` : '';
            out.push(`- **${REASON_TITLE[reason.kind] ?? reason.kind}**${scope}: ${oneLine(reason.detail)}`);
        }
        out.push('');
    }
    if (s.list.length > 0) {
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
        out.push('### Steps', '');
        if (s.list.length > STEPS_SHOWN) {
            out.push(`<details><summary>${s.list.length} steps, in build order</summary>`, '', ...rows, '', '</details>');
        }
        else {
            out.push(...rows);
        }
        out.push('');
    }
    if (r.imports.length > 0) {
        out.push('### Cache import', '', '| source | result | time |', '|---|---|---:|');
        for (const i of r.imports) {
            const result = i.result === 'imported'
                ? '✅ imported'
                : i.result === 'not-found'
                    ? '➖ not found (normal for the first build of a ref)'
                    : `⚠️ failed: ${cell(clip(i.error ?? '', 300))}`;
            out.push(`| ${code(i.source)} | ${result} | ${duration(i.seconds)} |`);
        }
        out.push('');
    }
    out.push('### Cache export', '');
    const status = r.export.status === 'ok' ? '✅ exported' : r.export.status === 'failed' ? '⚠️ failed' : '➖ skipped';
    out.push(`${status}${r.export.reason ? `: ${cell(r.export.reason)}` : ''}` +
        `${r.export.seconds > 0 ? ` (${r.export.seconds}s)` : ''}.` +
        (r.export.manifest ? ` Cache manifest ${code(r.export.manifest.digest)}.` : ''), '');
    for (const d of r.export.destinations) {
        const size = r.export.sizes.find((x) => x.destination === d);
        const text = !size ? '' : size.bytes !== null ? `${formatBytes(size.bytes)} (${size.how})` : size.how;
        out.push(`- ${code(d)}${text ? `: ${cell(text)}` : ''}`);
    }
    if (r.export.destinations.length > 0)
        out.push('');
    // A list, not a table: the entries are long and the refs short, so table columns wrap badly.
    out.push('### Cache plan', '');
    for (const read of r.plan.reads) {
        out.push(`- **read** ${code(read.ref)}: ${cell(read.why)} → ${read.entry ? code(read.entry) : 'not read'}`);
    }
    for (const write of r.plan.writes) {
        out.push(`- **write** ${code(write.ref)}: ${cell(write.why)} → ${code(write.entry)}`);
    }
    if (r.plan.writes.length === 0)
        out.push('- **write**: nothing is written by this run');
    out.push('');
    if (r.plan.notes.length > 0) {
        out.push('Notes:', '');
        for (const note of r.plan.notes)
            out.push(`- ${cell(note)}`);
        out.push('');
    }
    if (r.tokenScopes) {
        const list = r.tokenScopes.map((t) => `${code(t.scope)} (${[t.read && 'read', t.write && 'write'].filter(Boolean).join(' + ') || 'none'})`);
        out.push(`GitHub cache scopes this run's token may use: ${list.join(', ') || 'none'}.`, '');
    }
    if (r.baseImages.length > 0) {
        const list = r.baseImages.map((b) => `${code(b.image)}${b.platform ? ` (${b.platform})` : ''} → ${code(b.digest.replace(/^sha256:/, '').slice(0, 12))}`);
        out.push(`Base images: ${list.join(', ')}.`, '');
    }
    if (r.cleanup)
        out.push((0, summary_1.renderCleanup)(r.cleanup));
    return out.join('\n');
}


/***/ }),

/***/ 6342:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.error = exports.warning = exports.debug = exports.info = exports.setSecret = exports.getState = void 0;
exports.getInput = getInput;
exports.setOutput = setOutput;
exports.saveState = saveState;
exports.setFailed = setFailed;
exports.group = group;
exports.appendSummary = appendSummary;
const promises_1 = __nccwpck_require__(1455);
const os = __importStar(__nccwpck_require__(8161));
const command_1 = __nccwpck_require__(4914);
const file_command_1 = __nccwpck_require__(4753);
/**
 * The runner's workflow commands, from @actions/core's own command and file-command modules.
 * `@actions/core`'s entry also loads its OIDC client (http-client and undici), about 100 ms of a
 * step's start that this action never needs; everything here is the same protocol without it.
 */
/** Like core.getInput: `INPUT_<NAME>` (spaces to `_`, upper case), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return (0, file_command_1.issueFileCommand)('OUTPUT', (0, file_command_1.prepareKeyValueMessage)(name, value));
    process.stdout.write(os.EOL);
    (0, command_1.issueCommand)('set-output', { name }, value);
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return (0, file_command_1.issueFileCommand)('STATE', (0, file_command_1.prepareKeyValueMessage)(name, value));
    (0, command_1.issueCommand)('save-state', { name }, value);
}
const getState = (name) => process.env[`STATE_${name}`] ?? '';
exports.getState = getState;
const setSecret = (secret) => (0, command_1.issueCommand)('add-mask', {}, secret);
exports.setSecret = setSecret;
const info = (message) => void process.stdout.write(message + os.EOL);
exports.info = info;
const debug = (message) => (0, command_1.issueCommand)('debug', {}, message);
exports.debug = debug;
const warning = (message) => (0, command_1.issueCommand)('warning', {}, message);
exports.warning = warning;
const error = (message) => (0, command_1.issueCommand)('error', {}, message);
exports.error = error;
function setFailed(message) {
    process.exitCode = 1;
    (0, exports.error)(message);
}
/** A collapsible section of the log around `fn`. */
async function group(name, fn) {
    (0, command_1.issue)('group', name);
    try {
        return await fn();
    }
    finally {
        (0, command_1.issue)('endgroup');
    }
}
/** Appends Markdown to the job summary file (`GITHUB_STEP_SUMMARY`); no-op without one. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    await (0, promises_1.appendFile)(file, markdown.endsWith(os.EOL) ? markdown : markdown + os.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 2462:
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
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.saveBuilderCreated = saveBuilderCreated;
exports.saveTempDir = saveTempDir;
exports.saveBuildxPath = saveBuildxPath;
exports.readState = readState;
const core = __importStar(__nccwpck_require__(6342));
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
        builder: core.getState(KEYS.builder),
        cleanup: core.getState(KEYS.cleanup) !== 'false',
        tempDir: core.getState(KEYS.tempDir),
        buildxPath: core.getState(KEYS.buildxPath),
    };
}


/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 1110:
/***/ ((__unused_webpack_module, exports) => {



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

const is_object = function(obj){
  return (typeof obj === 'object' && obj !== null && !Array.isArray(obj));
};

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
    }else {
      throw new CsvError('CSV_INVALID_COLUMN_DEFINITION', [
        'Invalid column definition:',
        'expect a string or a literal object,',
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

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
    }else {
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
    }else {
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

// white space characters
// https://en.wikipedia.org/wiki/Whitespace_character
// https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Regular_Expressions/Character_Classes#Types
// \f\n\r\t\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff
const np = 12;
const cr$1 = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl$1 = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal
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
    field: new ResizeableBuffer(20),
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
    rawBuffer: new ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [Buffer.from(' ', options.encoding)[0], Buffer.from('\t', options.encoding)[0]],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: [
      Buffer.from(Buffer.from([cr$1], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([nl$1], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([np], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([space], 'utf8').toString(), options.encoding),
      Buffer.from(Buffer.from([tab], 'utf8').toString(), options.encoding),
    ]
  };
};

const underscore = function(str){
  return str.replace(/([A-Z])/g, function(_, match){
    return '_' + match.toLowerCase();
  });
};

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
  }else {
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
  }else {
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
  }else {
    if(typeof options.from === 'string' && /\d+/.test(options.from)){
      options.from = parseInt(options.from);
    }
    if(Number.isInteger(options.from)){
      if(options.from < 0){
        throw new Error(`Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`);
      }
    }else {
      throw new Error(`Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`);
    }
  }
  // Normalize option `from_line`
  if(options.from_line === undefined || options.from_line === null){
    options.from_line = 1;
  }else {
    if(typeof options.from_line === 'string' && /\d+/.test(options.from_line)){
      options.from_line = parseInt(options.from_line);
    }
    if(Number.isInteger(options.from_line)){
      if(options.from_line <= 0){
        throw new Error(`Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`);
      }
    }else {
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
  }else if(Number.isInteger(options.max_record_size) && options.max_record_size >= 0);else if(typeof options.max_record_size === 'string' && /\d+/.test(options.max_record_size)){
    options.max_record_size = parseInt(options.max_record_size);
  }else {
    throw new Error(`Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`);
  }
  // Normalize option `objname`
  if(options.objname === undefined || options.objname === null || options.objname === false){
    options.objname = undefined;
  }else if(Buffer.isBuffer(options.objname)){
    if(options.objname.length === 0){
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if(options.encoding === null);else {
      options.objname = options.objname.toString(options.encoding);
    }
  }else if(typeof options.objname === 'string'){
    if(options.objname.length === 0){
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  }else if(typeof options.objname === 'number');else {
    throw new Error(`Invalid Option: objname must be a string or a buffer, got ${options.objname}`);
  }
  if(options.objname !== undefined){
    if(typeof options.objname === 'number'){
      if(options.columns !== false){
        throw Error('Invalid Option: objname index cannot be combined with columns or be defined as a field');
      }
    }else { // A string or a buffer
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
  }else {
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
  if(typeof options.relax_column_count === 'boolean');else if(options.relax_column_count === undefined || options.relax_column_count === null){
    options.relax_column_count = false;
  }else {
    throw new Error(`Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`);
  }
  if(typeof options.relax_column_count_less === 'boolean');else if(options.relax_column_count_less === undefined || options.relax_column_count_less === null){
    options.relax_column_count_less = false;
  }else {
    throw new Error(`Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`);
  }
  if(typeof options.relax_column_count_more === 'boolean');else if(options.relax_column_count_more === undefined || options.relax_column_count_more === null){
    options.relax_column_count_more = false;
  }else {
    throw new Error(`Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`);
  }
  // Normalize option `relax_quotes`
  if(typeof options.relax_quotes === 'boolean');else if(options.relax_quotes === undefined || options.relax_quotes === null){
    options.relax_quotes = false;
  }else {
    throw new Error(`Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`);
  }
  // Normalize option `skip_empty_lines`
  if(typeof options.skip_empty_lines === 'boolean');else if(options.skip_empty_lines === undefined || options.skip_empty_lines === null){
    options.skip_empty_lines = false;
  }else {
    throw new Error(`Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`);
  }
  // Normalize option `skip_records_with_empty_values`
  if(typeof options.skip_records_with_empty_values === 'boolean');else if(options.skip_records_with_empty_values === undefined || options.skip_records_with_empty_values === null){
    options.skip_records_with_empty_values = false;
  }else {
    throw new Error(`Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`);
  }
  // Normalize option `skip_records_with_error`
  if(typeof options.skip_records_with_error === 'boolean');else if(options.skip_records_with_error === undefined || options.skip_records_with_error === null){
    options.skip_records_with_error = false;
  }else {
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
  }else {
    if(typeof options.to === 'string' && /\d+/.test(options.to)){
      options.to = parseInt(options.to);
    }
    if(Number.isInteger(options.to)){
      if(options.to <= 0){
        throw new Error(`Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`);
      }
    }else {
      throw new Error(`Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`);
    }
  }
  // Normalize option `to_line`
  if(options.to_line === undefined || options.to_line === null){
    options.to_line = -1;
  }else {
    if(typeof options.to_line === 'string' && /\d+/.test(options.to_line)){
      options.to_line = parseInt(options.to_line);
    }
    if(Number.isInteger(options.to_line)){
      if(options.to_line <= 0){
        throw new Error(`Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`);
      }
    }else {
      throw new Error(`Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`);
    }
  }
  return options;
};

const isRecordEmpty = function(record){
  return record.every((field) => field == null || field.toString && field.toString().trim() === '');
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

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
        }else {
          buf = nextBuf;
        }
      }else if(previousBuf !== undefined && nextBuf === undefined){
        buf = previousBuf;
      }else {
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
        }else {
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
        if((chr === cr || chr === nl) && this.state.wasRowDelimiter === false){
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if(this.state.escaping === true){
          this.state.escaping = false;
        }else {
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
            }else {
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
              }else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            }else {
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
              }else {
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
              }else {
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
        }else {
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
        }else {
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
      }else {
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
        }else {
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
          }else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj]
              , push);
            if(err){
              return err;
            }
          }
        // Without columns, records are array
        }else {
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
          }else {
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
      }else {
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

const parse = function(data, opts={}){
  if(typeof data === 'string'){
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? {} : [];
  const parser = transform(opts);
  const push = (record) => {
    if(parser.options.objname === undefined)
      records.push(record);
    else {
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

exports.CsvError = CsvError;
exports.parse = parse;


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
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "__esModule", ({ value: true }));
// The runner starts main and post as two processes, each from its own bundle (action.yml): post,
// which often has nothing to clean, then starts in about the time node itself takes.
const main_1 = __nccwpck_require__(1730);
const last_resort_1 = __nccwpck_require__(3498);
(0, main_1.run)().catch((0, last_resort_1.lastResort)('error'));

})();

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map