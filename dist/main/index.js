require('./sourcemap-register.js');/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 4914:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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

"use strict";

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

"use strict";

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

/***/ 5940:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 4022:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const line_1 = __nccwpck_require__(7005);
const util_1 = __nccwpck_require__(7459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 9933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const ast = __nccwpck_require__(8390);
const imageTemplate_1 = __nccwpck_require__(3520);
const from_1 = __nccwpck_require__(5377);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 1077:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flagOption_1 = __nccwpck_require__(3700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 3700:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 7599:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 3520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const onbuild_1 = __nccwpck_require__(5554);
const util_1 = __nccwpck_require__(7459);
const workdir_1 = __nccwpck_require__(7529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
const line_1 = __nccwpck_require__(7005);
const argument_1 = __nccwpck_require__(5940);
const heredoc_1 = __nccwpck_require__(7599);
const variable_1 = __nccwpck_require__(3743);
const main_1 = __nccwpck_require__(8390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 9618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(9602);
const propertyInstruction_1 = __nccwpck_require__(4984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 5377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 1167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(2393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 3871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(4984);
const util_1 = __nccwpck_require__(7459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 5554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const parser_1 = __nccwpck_require__(7988);
const instruction_1 = __nccwpck_require__(5279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 7224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 7523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 4301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 3998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(5279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 1347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(5305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 7529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(5279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 3702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(5940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 5305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const argument_1 = __nccwpck_require__(5940);
const jsonArgument_1 = __nccwpck_require__(3702);
const modifiableInstruction_1 = __nccwpck_require__(2393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 7005:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 8390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(5940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(3702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(4022);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(7988);
var flag_1 = __nccwpck_require__(1077);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(5279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(7005);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(7499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(9602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(3743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(9618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(4381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(5517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(1835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(1822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(5377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(1167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(7599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(5305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(3871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(2393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(5554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(4984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(7224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(7523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(4301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(3998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(1347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(7529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const flag_1 = __nccwpck_require__(1077);
const instruction_1 = __nccwpck_require__(5279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 7988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(3383);
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const comment_1 = __nccwpck_require__(4022);
const parserDirective_1 = __nccwpck_require__(7499);
const instruction_1 = __nccwpck_require__(5279);
const add_1 = __nccwpck_require__(9618);
const arg_1 = __nccwpck_require__(4381);
const cmd_1 = __nccwpck_require__(5517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(1822);
const entrypoint_1 = __nccwpck_require__(1835);
const from_1 = __nccwpck_require__(5377);
const healthcheck_1 = __nccwpck_require__(1167);
const label_1 = __nccwpck_require__(3871);
const onbuild_1 = __nccwpck_require__(5554);
const run_1 = __nccwpck_require__(7224);
const shell_1 = __nccwpck_require__(7523);
const stopsignal_1 = __nccwpck_require__(4301);
const workdir_1 = __nccwpck_require__(7529);
const user_1 = __nccwpck_require__(3998);
const volume_1 = __nccwpck_require__(1347);
const dockerfile_1 = __nccwpck_require__(9933);
const util_1 = __nccwpck_require__(7459);
const main_1 = __nccwpck_require__(8390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 7499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(8390);
const line_1 = __nccwpck_require__(7005);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 9602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const util_1 = __nccwpck_require__(7459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 4984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(4612);
const instruction_1 = __nccwpck_require__(5279);
const property_1 = __nccwpck_require__(9602);
const argument_1 = __nccwpck_require__(5940);
const util_1 = __nccwpck_require__(7459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 7459:
/***/ ((__unused_webpack_module, exports) => {

"use strict";
/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 3743:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 3383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 4612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(require, exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 1703:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

/** Pure parsers for what buildx prints and writes; tested against recorded real output. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseBuildxVersion = parseBuildxVersion;
exports.parseMaterialUri = parseMaterialUri;
exports.parseMetadata = parseMetadata;
exports.parseStepName = parseStepName;
exports.jsonDocuments = jsonDocuments;
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

/***/ 3766:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.workerScript = exports.RESULT_PREFIX = void 0;
exports.readWorkerRun = readWorkerRun;
exports.runCacheWorker = runCacheWorker;
exports.saveInto = saveInto;
const path = __importStar(__nccwpck_require__(6760));
const core = __importStar(__nccwpck_require__(6342));
const builder_1 = __nccwpck_require__(1747);
exports.RESULT_PREFIX = 'bkca-cache-result:';
/** The client's own words for a failed call: its `::warning::`/`::error::` lines. */
function clientProblems(stdout) {
    return stdout
        .split('\n')
        .map((l) => /^::(?:warning|error)(?: [^:]*)?::(.*)$/.exec(l.trim())?.[1] ?? '')
        .filter((l) => l !== '');
}
/** What a worker run means. Pure: its output in. */
function readWorkerRun(op, run, timeoutMs, ms) {
    if (run.timedOut)
        return { status: 'failed', reason: `no answer within ${Math.round(timeoutMs / 1000)}s`, ms };
    const line = run.stdout.split('\n').find((l) => l.startsWith(exports.RESULT_PREFIX));
    let result = null;
    try {
        result = line ? JSON.parse(line.slice(exports.RESULT_PREFIX.length)) : null;
    }
    catch {
        result = null;
    }
    const problems = clientProblems(run.stdout);
    if (result === null) {
        return { status: 'failed', reason: problems[0] ?? (0, builder_1.lastLine)(run.stderr || run.stdout), ms };
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
exports.workerScript = workerScript;
async function runCacheWorker(exec, request, o) {
    const started = Date.now();
    const env = {
        ...o.env,
        GITHUB_WORKSPACE: o.root,
        // A stuck segment download gives up within the call's own bound.
        SEGMENT_DOWNLOAD_TIMEOUT_MINS: String(Math.max(1, Math.ceil(o.timeoutMs / 60000))),
    };
    const run = await exec(process.execPath, [o.script ?? (0, exports.workerScript)()], {
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


/***/ }),

/***/ 7706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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

"use strict";

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
        };
    }
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

"use strict";

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

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readInputs = exports.CACHE_WRITES = exports.DEFAULT_MOUNTS_IMAGE = exports.CACHE_MODES = exports.DRIVERS = exports.CACHE_BACKENDS = exports.InputError = void 0;
exports.parseList = parseList;
exports.parseDuration = parseDuration;
exports.parseSize = parseSize;
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
/** What the cache-mount helpers run: docker.io's busybox, about 2 MB. */
exports.DEFAULT_MOUNTS_IMAGE = 'busybox:1.36.1';
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
        throw new InputError(name, `expected a size such as 2GiB, 500MB or 1048576 (bytes), got ${JSON.stringify(value)}`);
    }
    return Math.round(Number(m[1]) * unit);
}
/** `auto`, `none`, or mount ids (one per line or comma-separated). */
function mountSelection(raw) {
    const items = parseList('cache-mounts', raw);
    if (items.length === 0 || (items.length === 1 && items[0] === 'auto'))
        return { kind: 'auto' };
    if (items.length === 1 && items[0] === 'none')
        return { kind: 'none' };
    if (items.includes('auto') || items.includes('none')) {
        throw new InputError('cache-mounts', 'expected auto, none, or a list of cache mount ids (not mixed)');
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
        persistLocal: false,
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
    cache.persistLocal = cache.backend === 'local' && cache.dir === '';
    if ((cache.backend === 'registry' || cache.backend === 'inline') && cache.image === '') {
        if (build.tags.length === 0) {
            throw new InputError('cache-image', `cache "${cache.backend}" needs a repository for its cache tags: set cache-image or tags`);
        }
    }
    if (build.push && build.load && build.platforms.length > 1 && builder.driver === 'docker') {
        throw new InputError('load', 'the docker driver cannot load a multi-platform image; drop load or platforms');
    }
    const mounts = {
        selection: mountSelection(get('cache-mounts')),
        maxBytes: parseSize('cache-mounts-max-size', get('cache-mounts-max-size'), 2 * 1024 ** 3),
        image: get('cache-mounts-image').trim() || exports.DEFAULT_MOUNTS_IMAGE,
        timeoutMs: parseDuration('cache-mounts-timeout', get('cache-mounts-timeout'), 300000),
    };
    return {
        build,
        builder,
        cache,
        mounts,
        githubToken: get('github-token'),
        dryRun: bool(get, 'dry-run', false),
    };
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

/***/ 2069:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * What a local cache folder still needs after an export. BuildKit's local exporter adds the new
 * cache's blobs and points index.json at it, but never deletes the blobs of earlier exports, so a
 * folder carried from run to run grows without bound (build-push-action#252, moby/buildkit#1896).
 * Pure: index.json and a way to read a blob in, the digests index.json still reaches out.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.reachableBlobs = reachableBlobs;
exports.unreachableBlobs = unreachableBlobs;
/** Media types whose blobs are JSON that names further blobs (indexes and manifests). */
const NAMES_BLOBS = /(manifest|index)(\.list)?(\.v\d+)?\+json$|^application\/vnd\.oci\.image\.(index|manifest)\.v1\+json$/;
function parse(text) {
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
            follow(parse(readBlob(d.digest)));
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
    follow(parse(indexJson));
    return reached;
}
/**
 * The blobs to delete: those index.json no longer reaches. None when index.json cannot be read:
 * a folder whose index is broken is left as it is, never emptied.
 */
function unreachableBlobs(indexJson, blobs, readBlob) {
    if (indexJson === null || parse(indexJson) === null)
        return [];
    const reached = reachableBlobs(indexJson, readBlob);
    return blobs.filter((b) => !reached.has(b)).sort();
}


/***/ }),

/***/ 995:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.LOCAL_KEY_PREFIX = void 0;
exports.withPersistedLocalDir = withPersistedLocalDir;
exports.restoreLocalCaches = restoreLocalCaches;
exports.pruneFolder = pruneFolder;
exports.folderBytes = folderBytes;
exports.saveLocalCaches = saveLocalCaches;
const node_crypto_1 = __nccwpck_require__(7598);
const fs = __importStar(__nccwpck_require__(3024));
const os = __importStar(__nccwpck_require__(8161));
const path = __importStar(__nccwpck_require__(6760));
const core = __importStar(__nccwpck_require__(6342));
const worker_1 = __nccwpck_require__(3766);
const plan_1 = __nccwpck_require__(3091);
const narrow_1 = __nccwpck_require__(2956);
const gc_1 = __nccwpck_require__(2069);
/**
 * `cache: local` without `cache-dir`: each ref's folder travels through the GitHub Actions cache.
 * The folders the plan reads are restored before the build (BuildKit imports from them), the
 * folders it writes are pruned to what their index reaches and saved after the export.
 */
exports.LOCAL_KEY_PREFIX = 'bkca-local-v1';
/** Where the folders live on this runner: its temp folder, never the workspace. */
function withPersistedLocalDir(inputs, env) {
    if (!inputs.cache.persistLocal)
        return inputs;
    const dir = path.join(env.RUNNER_TEMP || os.tmpdir(), 'bkca-local-cache');
    return { ...inputs, cache: { ...inputs.cache, dir } };
}
const seconds = (ms) => Math.round(ms / 100) / 10;
const hashOf = (text) => (0, node_crypto_1.createHash)('sha256').update(text).digest('hex').slice(0, 16);
const readText = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
const keyPrefix = (name) => `${exports.LOCAL_KEY_PREFIX}/${name}/`;
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
    if (!o.inputs.cache.persistLocal)
        return { plan: o.plan, session: null };
    const dir = o.inputs.cache.dir;
    fs.mkdirSync(dir, { recursive: true });
    const session = {
        plan: o.plan,
        dir,
        records: [],
        restoredIndex: new Map(),
        env: o.env,
        timeoutMs: o.inputs.mounts.timeoutMs,
        unavailable: o.unavailable,
    };
    if (o.unavailable)
        core.warning(`cache local: the folders are not restored or saved (${o.unavailable})`);
    await core.group('Local cache: restore', async () => {
        for (const read of o.plan.reads.filter((r) => r.name && r.entry !== '')) {
            const r = record(read.ref, read.name, 'read');
            session.records.push(r);
            try {
                if (o.unavailable) {
                    r.restore = 'failed';
                    r.error = o.unavailable;
                    continue;
                }
                const prefix = keyPrefix(r.name);
                const call = await (0, worker_1.runCacheWorker)(exec, 
                // The primary key is a prefix too: it is repeated as a restore key, which GitHub prefix-matches.
                { op: 'restore', path: r.name, key: prefix, restoreKeys: [prefix] }, { root: dir, env: o.env, timeoutMs: session.timeoutMs });
                r.seconds.restore = seconds(call.ms);
                if (call.status === 'failed') {
                    r.restore = 'failed';
                    r.error = `restore failed: ${call.reason}`;
                    core.warning(`local cache ${r.name}: ${r.error}`);
                }
                else if (call.status === 'hit') {
                    r.restore = 'hit';
                    r.restoredKey = call.matchedKey;
                    const index = readText(path.join(dir, r.name, 'index.json'));
                    if (index !== null)
                        session.restoredIndex.set(r.name, index);
                    core.info(`local cache ${r.name}: restored from ${call.matchedKey}`);
                }
                else {
                    r.restore = 'miss';
                }
            }
            catch (e) {
                r.error = `${r.direction === 'read' ? 'restore' : 'save'} failed: ${e.message}`;
                core.warning(`local cache ${r.name}: ${r.error}`);
            }
        }
    });
    return { plan: (0, narrow_1.narrowSources)(o.plan, (0, narrow_1.localExistence)(fs.existsSync)), session };
}
/** Deletes the blobs of earlier exports; returns how many and their bytes. */
function pruneFolder(folder) {
    const blobDir = path.join(folder, 'blobs', 'sha256');
    if (!fs.existsSync(blobDir))
        return { count: 0, bytes: 0 };
    const blobs = fs.readdirSync(blobDir).map((f) => `sha256:${f}`);
    const read = (digest) => readText(path.join(blobDir, digest.replace(/^sha256:/, '')));
    let bytes = 0;
    const doomed = (0, gc_1.unreachableBlobs)(readText(path.join(folder, 'index.json')), blobs, read);
    for (const digest of doomed) {
        const file = path.join(blobDir, digest.replace(/^sha256:/, ''));
        bytes += fs.statSync(file).size;
        fs.rmSync(file);
    }
    return { count: doomed.length, bytes };
}
function folderBytes(folder) {
    let total = 0;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const p = path.join(folder, entry.name);
        total += entry.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
    }
    return total;
}
/** After the export: prunes and saves the folders the plan wrote, when they changed. */
async function saveLocalCaches(exec, session, exported) {
    if (session === null)
        return null;
    const noSave = session.unavailable || (0, plan_1.neverSaves)(session.plan) || (exported ? '' : 'the cache export did not succeed');
    await core.group('Local cache: save', async () => {
        for (const write of session.plan.writes.filter((w) => w.name)) {
            const r = record(write.ref, write.name, 'write');
            session.records.push(r);
            try {
                const folder = path.join(session.dir, r.name);
                const index = readText(path.join(folder, 'index.json'));
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
                await (0, worker_1.saveInto)(exec, r, `local cache ${r.name}`, { path: r.name, key: `${keyPrefix(r.name)}${hashOf(index)}` }, { root: session.dir, env: session.env, timeoutMs: session.timeoutMs });
            }
            catch (e) {
                r.error = `${r.direction === 'read' ? 'restore' : 'save'} failed: ${e.message}`;
                core.warning(`local cache ${r.name}: ${r.error}`);
            }
        }
    });
    return { dir: session.dir, folders: session.records };
}


/***/ }),

/***/ 1730:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
const exec_1 = __nccwpck_require__(3190);
const context_1 = __nccwpck_require__(9556);
const runtime_token_1 = __nccwpck_require__(1707);
const inputs_1 = __nccwpck_require__(8422);
const facts_1 = __nccwpck_require__(7736);
const narrow_1 = __nccwpck_require__(2956);
const plan_1 = __nccwpck_require__(8720);
const persist_1 = __nccwpck_require__(995);
const mounts_1 = __nccwpck_require__(2330);
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
        await runWithInputs(exec, env, (0, persist_1.withPersistedLocalDir)((0, inputs_1.readInputs)(), env), started);
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
    if (!inputs.dryRun)
        (0, inputs_1.validatePaths)(inputs.build, ctx.workspace, fs.existsSync);
    // Probing docker and buildx takes ~0.2 s each: run them while git and the planner work.
    const probes = inputs.dryRun ? null : startProbes(exec, inputs, env);
    let cachePlan = await core.group('Cache plan', () => planCache(exec, ctx, inputs, env));
    mark('planned');
    const tokenScopes = readTokenScopes(inputs, env);
    const planOutputs = {
        'cache-from': cachePlan.cacheFrom.join('\n'),
        'cache-to': cachePlan.cacheTo.join('\n'),
    };
    if (probes === null) {
        const report = (0, report_1.buildReport)({
            plan: cachePlan,
            backend: inputs.cache.backend,
            log: null,
            build: 'not-run',
            tokenScopes,
            exportResult: (0, report_1.exportOutcome)(cachePlan, null, false, 'dry-run'),
        });
        (0, outputs_1.setOutputs)({ ...planOutputs, 'cache-export': 'skipped', 'cache-report': JSON.stringify(report) });
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
    const mountSession = await (0, mounts_1.restoreMounts)(exec, buildx, {
        inputs,
        plan: cachePlan,
        builder: builder.name,
        tempDir,
        env,
        workspace: ctx.workspace,
        unavailable: ghaUnavailable(env),
    });
    const local = await (0, persist_1.restoreLocalCaches)(exec, {
        inputs,
        plan: cachePlan,
        env,
        unavailable: ghaUnavailable(env),
    });
    cachePlan = local.plan;
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
    const history = await historyRead;
    mark('history read');
    const mounts = await (0, mounts_1.saveMounts)(exec, buildx, mountSession, built);
    const localCache = await (0, persist_1.saveLocalCaches)(exec, local.session, exportRun?.status === 'ok');
    const report = await reportRun({
        inputs,
        cachePlan,
        tokenScopes,
        build,
        history,
        exportRun,
        skipExport,
        started,
        mounts,
        localCache,
        timings: { builderMs, buildMs: build.ms, exportMs: exportRun?.ms ?? 0 },
    });
    mark('reported');
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
        ...(0, mounts_1.mountOutputs)(mounts),
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
        mounts: r.mounts,
        localCache: r.localCache,
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

/***/ 2410:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.expand = expand;
exports.buildArgMap = buildArgMap;
exports.mountFields = mountFields;
exports.scanCacheMounts = scanCacheMounts;
const dockerfile_ast_1 = __nccwpck_require__(8390);
const SHARING = ['shared', 'private', 'locked'];
/** `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME:+word}`, as the Dockerfile frontend reads them. */
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
/** Replaces known variables; returns the names that are not known (their text stays as it was). */
function expand(text, vars) {
    const unknown = [];
    const value = text.replace(VARIABLE, (whole, braced, modifier, word, bare) => {
        const name = braced ?? bare ?? '';
        const known = vars.get(name);
        if (known === undefined) {
            unknown.push(name);
            return whole;
        }
        if (modifier === '-')
            return known === '' ? (word ?? '') : known;
        if (modifier === '+')
            return known === '' ? '' : (word ?? '');
        return known;
    });
    return { value, unknown: [...new Set(unknown)] };
}
/** `KEY=value` build args as a map (a bare `KEY` takes its value from the environment: unknown here). */
function buildArgMap(buildArgs) {
    const map = new Map();
    for (const a of buildArgs) {
        const eq = a.indexOf('=');
        if (eq > 0)
            map.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return map;
}
/** BuildKit reads each `--mount` value as one CSV record: `key=value` fields, quotes allowed. */
function mountFields(value) {
    const fields = new Map();
    let field = '';
    let quoted = false;
    const flush = () => {
        const eq = field.indexOf('=');
        const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
        if (key !== '')
            fields.set(key, eq === -1 ? '' : field.slice(eq + 1));
        field = '';
    };
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (c === '"') {
            if (quoted && value[i + 1] === '"') {
                field += '"';
                i++;
            }
            else
                quoted = !quoted;
        }
        else if (c === ',' && !quoted)
            flush();
        else
            field += c;
    }
    flush();
    return fields;
}
function argsOf(instruction) {
    // ARG a=1 b  → [{a,'1'}, {b,null}]
    return instruction
        .getArguments()
        .map((a) => a.getValue())
        .map((word) => {
        const eq = word.indexOf('=');
        return eq === -1 ? { name: word, value: null } : { name: word.slice(0, eq), value: word.slice(eq + 1) };
    });
}
const unquote = (v) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v);
function stagesOf(text) {
    const dockerfile = dockerfile_ast_1.DockerfileParser.parse(text);
    const stages = [];
    const globals = [];
    for (const instruction of dockerfile.getInstructions()) {
        const keyword = instruction.getKeyword().toUpperCase();
        if (keyword === 'FROM') {
            const words = instruction
                .getArguments()
                .map((a) => a.getValue())
                .filter((w) => !w.startsWith('--'));
            const as = words.findIndex((w) => w.toLowerCase() === 'as');
            stages.push({
                name: as !== -1 && words[as + 1] ? words[as + 1].toLowerCase() : '',
                index: stages.length,
                instructions: [],
                base: words[0] ?? '',
            });
        }
        else if (stages.length === 0) {
            globals.push(instruction);
        }
        else {
            stages[stages.length - 1].instructions.push(instruction);
        }
    }
    return { stages, globals };
}
/** The stages a target needs: the target, and every stage it starts from, copies from or mounts. */
function neededStages(stages, target, globalVars) {
    const byName = (ref) => {
        const r = expand(ref, globalVars).value.toLowerCase();
        const named = stages.find((s) => s.name !== '' && s.name === r);
        if (named)
            return named.index;
        return /^\d+$/.test(r) && Number(r) < stages.length ? Number(r) : undefined;
    };
    const start = target === '' ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
    const needed = new Set();
    const visit = (i) => {
        if (i === undefined || needed.has(i))
            return;
        needed.add(i);
        const s = stages[i];
        visit(byName(s.base));
        for (const instruction of s.instructions) {
            const flags = 'getFlags' in instruction ? instruction.getFlags() : [];
            for (const f of flags) {
                if (f.getName() === 'from' && f.getValue())
                    visit(byName(f.getValue()));
                if (f.getName() === 'mount' && f.getValue()) {
                    const from = mountFields(f.getValue()).get('from');
                    if (from)
                        visit(byName(unquote(from)));
                }
            }
        }
    };
    visit(start === -1 ? undefined : start);
    return needed;
}
/**
 * The cache mounts of the stages that `target` ('' for the last stage) depends on, with build args
 * followed where their values are known. Pure: the Dockerfile's text and the build args in. Throws
 * only when the parser itself cannot read the text.
 */
function scanCacheMounts(text, target, buildArgs) {
    const { stages, globals } = stagesOf(text);
    const given = buildArgMap(buildArgs);
    const scan = { mounts: [], leftOut: [], notes: [] };
    const globalVars = new Map();
    for (const g of globals) {
        if (g.getKeyword().toUpperCase() !== 'ARG')
            continue;
        for (const a of argsOf(g)) {
            const value = given.get(a.name) ?? (a.value === null ? undefined : expand(unquote(a.value), globalVars).value);
            if (value !== undefined)
                globalVars.set(a.name, value);
        }
    }
    if (target !== '' && !stages.some((s) => s.name === target.toLowerCase())) {
        scan.notes.push(`the target ${JSON.stringify(target)} is not a stage of the Dockerfile: no cache mounts found`);
        return scan;
    }
    const needed = neededStages(stages, target, globalVars);
    const seen = new Map();
    for (const stage of stages.filter((s) => needed.has(s.index))) {
        const vars = new Map();
        for (const instruction of stage.instructions) {
            const keyword = instruction.getKeyword().toUpperCase();
            if (keyword === 'ARG') {
                for (const a of argsOf(instruction)) {
                    const value = given.get(a.name) ??
                        (a.value === null ? globalVars.get(a.name) : expand(unquote(a.value), vars).value);
                    if (value !== undefined)
                        vars.set(a.name, value);
                    else
                        vars.delete(a.name);
                }
            }
            else if (keyword === 'ENV') {
                for (const a of argsOf(instruction)) {
                    if (a.value !== null)
                        vars.set(a.name, expand(unquote(a.value), vars).value);
                }
            }
            else if (keyword === 'RUN') {
                const line = instruction.getRange().start.line + 1;
                for (const flag of instruction.getFlags()) {
                    if (flag.getName() !== 'mount' || flag.getValue() === null)
                        continue;
                    const raw = flag.getValue();
                    const fields = mountFields(raw);
                    if ((fields.get('type') ?? 'bind') !== 'cache')
                        continue;
                    const left = (why) => scan.leftOut.push({ line, mount: raw, why });
                    if (fields.has('from') || fields.has('source') || fields.has('src')) {
                        left('its content comes from an image or a stage (from=/source=), not from earlier runs');
                        continue;
                    }
                    const resolved = new Map();
                    const unknown = [];
                    for (const [key, value] of fields) {
                        const e = expand(unquote(value), vars);
                        unknown.push(...e.unknown);
                        resolved.set(key, e.value);
                    }
                    if (unknown.length > 0) {
                        left(`build arg ${[...new Set(unknown)].join(', ')} has no value the action can know`);
                        continue;
                    }
                    const target = resolved.get('target') ?? resolved.get('dst') ?? resolved.get('destination') ?? '';
                    if (target === '') {
                        left('it has no target');
                        continue;
                    }
                    const sharing = (resolved.get('sharing') ?? 'shared').toLowerCase();
                    const mount = {
                        id: resolved.get('id') || target,
                        target,
                        sharing: SHARING.includes(sharing)
                            ? sharing
                            : 'shared',
                        uid: resolved.get('uid') ?? '',
                        gid: resolved.get('gid') ?? '',
                        mode: resolved.get('mode') ?? '',
                        stage: stage.name || String(stage.index),
                        line,
                    };
                    const earlier = seen.get(mount.id);
                    if (!earlier) {
                        seen.set(mount.id, mount);
                        scan.mounts.push(mount);
                    }
                    else if (earlier.uid !== mount.uid || earlier.gid !== mount.gid || earlier.mode !== mount.mode) {
                        scan.notes.push(`cache mount ${mount.id} on line ${line} has other uid/gid/mode than on line ${earlier.line}: the first is persisted`);
                    }
                }
            }
        }
    }
    return scan;
}


/***/ }),

/***/ 2330:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.restoreMounts = restoreMounts;
exports.saveMounts = saveMounts;
exports.mountOutputs = mountOutputs;
const node_crypto_1 = __nccwpck_require__(7598);
const fs = __importStar(__nccwpck_require__(3024));
const path = __importStar(__nccwpck_require__(6760));
const core = __importStar(__nccwpck_require__(6342));
const builder_1 = __nccwpck_require__(1747);
const worker_1 = __nccwpck_require__(3766);
const inputs_1 = __nccwpck_require__(8422);
const plan_1 = __nccwpck_require__(3091);
const seconds = (ms) => Math.round(ms / 100) / 10;
const fingerprintOf = (tree) => (0, node_crypto_1.createHash)('sha256').update(tree).digest('hex').slice(0, 16);
/** The folder name archived in the cache: part of the cache version, so it never changes. */
const CACHED_FOLDER = 'mount';
/** The Dockerfile's text, or why it cannot be read here. */
function readDockerfile(inputs, workspace) {
    const { context, file } = inputs.build;
    if (file === '-' || (file === '' && (0, inputs_1.isRemoteContext)(context))) {
        return { why: 'the Dockerfile is not a file of the checkout' };
    }
    const where = file !== '' ? path.resolve(workspace, file) : path.resolve(workspace, context, 'Dockerfile');
    try {
        return { text: fs.readFileSync(where, 'utf8') };
    }
    catch (e) {
        return { why: `cannot read ${where}: ${e.message}` };
    }
}
async function helperBuild(exec, buildx, o, dockerfile, extra) {
    const args = (0, plan_1.helperBuildArgs)({
        builder: o.builder,
        nonce: (0, node_crypto_1.randomUUID)(),
        buildArgs: o.inputs.build.buildArgs,
        ...extra,
    });
    const run = await exec(buildx.command, buildx.argv(args), { input: dockerfile, env: o.env });
    return run.exitCode === 0 ? '' : (0, builder_1.lastLine)(run.stderr);
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
        core.warning(`cache mount ${record.id}: ${record.error}`);
        return fallback;
    }
}
/**
 * Before the build: finds the cache mounts, restores each one's archive and puts it into the
 * builder's cache mount of the same id. Returns null when there is nothing to persist, which
 * costs no helper build.
 */
async function restoreMounts(exec, buildx, o) {
    if (o.inputs.mounts.selection.kind === 'none')
        return null;
    if (o.unavailable) {
        core.info(`cache mounts: not persisted, the GitHub Actions cache is not reachable (${o.unavailable})`);
        return null;
    }
    const dockerfile = readDockerfile(o.inputs, o.workspace);
    if ('why' in dockerfile) {
        core.info(`cache mounts: not looked for (${dockerfile.why})`);
        return null;
    }
    let scan;
    try {
        // The parser is loaded only by runs that can persist mounts.
        const { scanCacheMounts } = await Promise.resolve().then(() => __importStar(__nccwpck_require__(2410)));
        scan = scanCacheMounts(dockerfile.text, o.inputs.build.target, o.inputs.build.buildArgs);
    }
    catch (e) {
        core.warning(`cache mounts: the Dockerfile could not be read (${e.message}); they are not persisted`);
        return null;
    }
    const plan = (0, plan_1.planMounts)(scan, o.inputs.mounts.selection, o.plan, { noCache: o.inputs.build.noCache });
    for (const w of plan.warnings)
        core.warning(w);
    for (const n of plan.notes)
        core.info(`cache mounts: ${n}`);
    if (plan.mounts.length === 0 && plan.skipped.length === 0)
        return null;
    const session = { plan, records: [], restoredFingerprints: [], o };
    await core.group('Cache mounts: restore', async () => {
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
    const root = path.join(o.tempDir, 'mounts', String(n), 'restored');
    fs.mkdirSync(root, { recursive: true });
    const key = planned.restoreKeys[0];
    if (key === undefined)
        return null;
    const call = await (0, worker_1.runCacheWorker)(exec, 
    // The key is a prefix too: it is repeated as a restore key, which GitHub prefix-matches.
    { op: 'restore', path: CACHED_FOLDER, key, restoreKeys: planned.restoreKeys }, { root, env: o.env, timeoutMs: o.inputs.mounts.timeoutMs });
    record.seconds.restore = seconds(call.ms);
    if (call.status === 'failed') {
        record.restore = 'failed';
        record.error = `restore failed: ${call.reason}`;
        core.warning(`cache mount ${mount.id}: ${record.error}`);
        return null;
    }
    if (call.status !== 'hit') {
        core.info(`cache mount ${mount.id} (${mount.target}): nothing to restore`);
        return null;
    }
    record.restore = (0, plan_1.restoreResult)(call.matchedKey, planned.ownPrefix);
    record.restoredKey = call.matchedKey;
    const folder = path.join(root, CACHED_FOLDER);
    const started = Date.now();
    const failed = await helperBuild(exec, buildx, o, (0, plan_1.injectDockerfile)(mount, o.inputs.mounts.image), {
        restoredDir: folder,
        output: 'type=cacheonly',
    });
    record.seconds.inject = seconds(Date.now() - started);
    if (failed) {
        record.error = `inject failed: ${failed}`;
        core.warning(`cache mount ${mount.id}: ${record.error}`);
        return null;
    }
    const tree = fs.readFileSync(path.join(folder, plan_1.TREE_FILE), 'utf8');
    record.bytes = fs.statSync(path.join(folder, plan_1.ARCHIVE_FILE)).size;
    core.info(`cache mount ${mount.id} (${mount.target}): restored from ${call.matchedKey} (${record.restore})`);
    return fingerprintOf(tree);
}
/**
 * After the image and its cache export: copies each mount out and saves it when the plan writes,
 * it changed and it is not too large.
 */
async function saveMounts(exec, buildx, session, built) {
    if (session === null)
        return null;
    const { plan, records, o } = session;
    if (plan.mounts.length > 0) {
        await core.group('Cache mounts: save', async () => {
            for (const [n, planned] of plan.mounts.entries()) {
                const record = records[n];
                if (!built)
                    record.notSaved = 'the build failed';
                else {
                    const restored = session.restoredFingerprints[n];
                    await safely(record, 'save', () => saveOne(exec, buildx, o, planned, record, restored, plan.noSave, n), undefined);
                }
            }
        });
    }
    const failed = records.filter((r) => r.error !== '').length;
    return {
        mounts: records,
        skipped: plan.skipped,
        notes: plan.notes,
        counts: {
            restored: records.filter((r) => r.restore === 'exact' || r.restore === 'fallback').length,
            missed: records.filter((r) => r.restore === 'miss').length,
            skipped: plan.skipped.length,
            failed,
        },
        saved: records.filter((r) => r.saved).map((r) => r.id),
    };
}
async function saveOne(exec, buildx, o, planned, record, restoredFingerprint, noSave, n) {
    const { mount } = planned;
    // Nothing is copied out when it could not be saved anyway.
    if (planned.saveKeyPrefix === null) {
        record.notSaved = noSave;
        return;
    }
    const root = path.join(o.tempDir, 'mounts', String(n), 'extracted');
    const folder = path.join(root, CACHED_FOLDER);
    fs.mkdirSync(root, { recursive: true });
    const started = Date.now();
    const failed = await helperBuild(exec, buildx, o, (0, plan_1.extractDockerfile)(mount, o.inputs.mounts.image), {
        output: `type=local,dest=${folder}`,
    });
    record.seconds.extract = seconds(Date.now() - started);
    if (failed) {
        record.error = `extract failed: ${failed}`;
        record.notSaved = 'it could not be copied out';
        core.warning(`cache mount ${mount.id}: ${record.error}`);
        return;
    }
    const tree = fs.readFileSync(path.join(folder, plan_1.TREE_FILE), 'utf8');
    record.bytes = fs.statSync(path.join(folder, plan_1.ARCHIVE_FILE)).size;
    const decision = (0, plan_1.saveDecision)({
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
        core.info(`cache mount ${mount.id}: not saved (${decision.why})`);
        return;
    }
    await (0, worker_1.saveInto)(exec, record, `cache mount ${mount.id}`, { path: CACHED_FOLDER, key: decision.key }, { root, env: o.env, timeoutMs: o.inputs.mounts.timeoutMs });
}
/** The `cache-mounts` and `cache-mounts-saved` outputs (empty counts when none were looked for). */
function mountOutputs(r) {
    const counts = r?.counts ?? { restored: 0, missed: 0, skipped: 0, failed: 0 };
    return { 'cache-mounts': JSON.stringify(counts), 'cache-mounts-saved': (r?.saved ?? []).join(',') };
}


/***/ }),

/***/ 3091:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TREE_FILE = exports.ARCHIVE_FILE = exports.RESTORED_CONTEXT = exports.MOUNT_KEY_PREFIX = void 0;
exports.mountKeyPrefix = mountKeyPrefix;
exports.neverSaves = neverSaves;
exports.planMounts = planMounts;
exports.restoreResult = restoreResult;
exports.saveDecision = saveDecision;
exports.helperMountFlag = helperMountFlag;
exports.injectDockerfile = injectDockerfile;
exports.extractDockerfile = extractDockerfile;
exports.helperBuildArgs = helperBuildArgs;
const names_1 = __nccwpck_require__(2471);
const summary_1 = __nccwpck_require__(7994);
/** Key version: bump when the archive's layout changes. */
exports.MOUNT_KEY_PREFIX = 'bkca-mount-v1';
/** GitHub's limit is a key and 9 restore keys; the first prefix is also the key (see mounts.ts). */
const MAX_KEYS = 9;
/** `bkca-mount-v1/<mount id>/<cache name of the ref>/`: a ref's mount, whatever its content. */
function mountKeyPrefix(mountId, cacheName) {
    return `${exports.MOUNT_KEY_PREFIX}/${(0, names_1.slug)(mountId, 64)}/${cacheName}/`;
}
/** Why a run must never save to the GitHub Actions cache: code it runs may be someone else's. */
function neverSaves(plan) {
    const t = plan.trigger;
    if (t.kind === 'pull-request' && t.fromFork)
        return 'a pull request from a fork never saves cache mounts';
    if (t.kind === 'untrusted')
        return `${t.event} may run untrusted code: cache mounts are never saved`;
    if (plan.writes.length === 0)
        return 'the plan writes no cache on this run';
    return '';
}
function planMounts(scan, selection, plan, o) {
    const result = { mounts: [], skipped: [], noSave: '', warnings: [], notes: [...scan.notes] };
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
    const readNames = [...new Set(plan.reads.map((r) => r.name ?? '').filter((n) => n !== ''))];
    const writeName = plan.writes[0]?.name ?? '';
    result.noSave = neverSaves(plan) || (writeName === '' ? 'the plan writes no cache on this run' : '');
    if (readNames.length > MAX_KEYS) {
        result.notes.push(`cache mounts restore from the first ${MAX_KEYS} of the plan's ${readNames.length} reads`);
    }
    for (const mount of chosen) {
        const restoreKeys = readNames.slice(0, MAX_KEYS).map((n) => mountKeyPrefix(mount.id, n));
        const savePrefix = result.noSave === '' ? mountKeyPrefix(mount.id, writeName) : null;
        result.mounts.push({
            mount,
            restoreKeys,
            ownPrefix: savePrefix ?? restoreKeys[0] ?? '',
            saveKeyPrefix: savePrefix,
        });
    }
    return result;
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
            why: `${(0, summary_1.formatBytes)(o.bytes)} is over cache-mounts-max-size (${(0, summary_1.formatBytes)(o.maxBytes)}; GitHub keeps 10 GB per repository in all)`,
        };
    }
    return { key: `${o.saveKeyPrefix}${o.fingerprint}`, why: '' };
}
/** Paths inside the helper builds (never the user's). */
const MOUNT_DIR = '/bkca/mount';
const OUT_DIR = '/bkca/out';
const RESTORED_DIR = '/bkca/restored';
/** The named build context the restored archive reaches the inject helper by. */
exports.RESTORED_CONTEXT = 'bkca-restored';
exports.ARCHIVE_FILE = 'mount.tar';
/** The mount's file list and content hashes: what "changed" compares. */
exports.TREE_FILE = 'tree.txt';
/** One CSV field of a `--mount` value, quoted when it must be. */
function field(key, value) {
    return /[",\s]/.test(value) ? `${key}="${value.replace(/"/g, '""')}"` : `${key}=${value}`;
}
/** The user's mount as BuildKit keys it (id, sharing, uid, gid, mode), at the helper's own path. */
function helperMountFlag(m) {
    const fields = [
        'type=cache',
        field('id', m.id),
        `target=${MOUNT_DIR}`,
        `sharing=${m.sharing}`,
        ...(m.uid !== '' ? [field('uid', m.uid)] : []),
        ...(m.gid !== '' ? [field('gid', m.gid)] : []),
        ...(m.mode !== '' ? [field('mode', m.mode)] : []),
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
        `RUN ${helperMountFlag(m)} --mount=type=bind,from=${exports.RESTORED_CONTEXT},target=${RESTORED_DIR} \\`,
        `    tar -xf ${RESTORED_DIR}/${exports.ARCHIVE_FILE} -C ${MOUNT_DIR}`,
        '',
    ].join('\n');
}
/** The helper that copies a cache mount out: an archive (owners and modes kept) and its tree list. */
function extractDockerfile(m, image) {
    return [
        `FROM ${image} AS copy`,
        'ARG BKCA_NONCE',
        `RUN ${helperMountFlag(m)} \\`,
        `    mkdir -p ${OUT_DIR} && cd ${MOUNT_DIR} && tar -cf ${OUT_DIR}/${exports.ARCHIVE_FILE} . && \\`,
        `    { find . | LC_ALL=C sort; find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2; } > ${OUT_DIR}/${exports.TREE_FILE}`,
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
        args.push('--build-context', `${exports.RESTORED_CONTEXT}=${o.restoredDir}`);
    args.push('--output', o.output, '-');
    return args;
}


/***/ }),

/***/ 9663:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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

"use strict";

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

"use strict";

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
            return options.persistedLocal ? unknown() : { exists: (0, narrow_1.localExistence)(fileExists), siblingLegs: [] };
        default:
            return unknown();
    }
}


/***/ }),

/***/ 2471:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

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

"use strict";

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

"use strict";

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
        ...(cache.persistLocal ? { persistedLocal: true } : {}),
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
        return { ref: label, why: u.why, entry: entryOf(name, direction), name };
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

"use strict";

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

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseImageName = parseImageName;
exports.registryOrigin = registryOrigin;
exports.parseChallenges = parseChallenges;
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
/**
 * The tags of a repository, over the OCI distribution API (`GET /v2/<name>/tags/list`,
 * following `Link: <...>; rel="next"` pages, at most `maxPages`). Loopback registries are spoken
 * to over plain HTTP, all others over HTTPS.
 *
 * Authentication is docker's: the request goes out anonymously; on a `401` with a `Bearer`
 * challenge a token for `repository:<name>:pull` is fetched from the challenge's realm (with the
 * `docker login` credentials of the config file as basic auth when there are any, anonymously
 * otherwise), on a `Basic` challenge the credentials are sent directly. Credentials are sent
 * over plain HTTP only to loopback hosts, and never to a host other than the registry or its
 * realm (a pagination link elsewhere is a reason).
 *
 * A repository the registry does not know (`404 NAME_UNKNOWN`: nothing pushed yet) has no tags.
 * Never throws; failures are reasons, which never contain credentials or tokens.
 */
async function listTags(options) {
    const secrets = [];
    const redact = (text) => secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
    const timeoutMs = options.timeoutMs ?? 15_000;
    const maxPages = Math.max(1, options.maxPages ?? 100);
    const fetchImpl = options.fetchImpl ?? http_1.httpFetch;
    let name;
    try {
        name = parseImageName(options.image);
    }
    catch (error) {
        return { tags: null, reason: String(error.message ?? error) };
    }
    const where = `registry ${name.registry}`;
    try {
        const signal = AbortSignal.timeout(timeoutMs);
        const origin = registryOrigin(name.registry);
        const configDir = options.dockerConfigDir ?? (0, docker_config_1.dockerConfigDir)();
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
        const get = (url, authorization) => fetchImpl(url, {
            headers: {
                Accept: 'application/json',
                'User-Agent': USER_AGENT,
                ...(authorization ? { Authorization: authorization } : {}),
            },
            signal,
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
                    throw new ListingError(`${where} sent a Bearer challenge without a usable realm`);
                }
                if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
                    throw new ListingError(`${where} sent a Bearer challenge with a non-HTTP realm`);
                }
                const plainRemote = realm.protocol === 'http:' && !isLoopback(hostOf(realm.host));
                if (creds && plainRemote) {
                    throw new ListingError(`${where}: refusing to send credentials to the plain-HTTP token realm ${realm.host}`);
                }
                if (bearer.params.service)
                    realm.searchParams.set('service', bearer.params.service);
                realm.searchParams.set('scope', `repository:${name.repository}:pull`);
                const response = await get(realm.href, creds ? basic(creds) : undefined);
                const body = await response.text();
                if (!response.ok) {
                    const who = creds ? 'the docker login credentials' : 'anonymous access';
                    throw new ListingError(`${where}: the token service ${realm.host} refused ${who} (HTTP ${response.status}: ${registryError(body).text})${deniedHint()}`);
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
                    throw new ListingError(`${where}: the token service ${realm.host} answered without a token`);
                }
                secrets.push(token);
                return `Bearer ${token}`;
            }
            if (challenges.some((c) => c.scheme === 'basic')) {
                // Plain HTTP is only ever used for loopback registries, so the credentials stay on this machine there.
                if (!creds)
                    throw new ListingError(`${where} requires credentials for ${name.repository}${deniedHint()}`);
                return basic(creds);
            }
            throw new ListingError(`${where} requires authentication of a kind this action does not speak`);
        };
        const tags = [];
        let url = `${origin}/v2/${name.repository}/tags/list`;
        if (options.pageSize !== undefined)
            url += `?n=${Math.max(1, Math.floor(options.pageSize))}`;
        let authorization;
        for (let page = 0;; page++) {
            if (page >= maxPages)
                return { tags: null, reason: `${where}: ${name.repository} has more than ${maxPages} pages of tags` };
            let response = await get(url, authorization);
            // Authenticate on the first refusal, and once more if a token expires between pages.
            if (response.status === 401) {
                await response.arrayBuffer().catch(() => undefined);
                authorization = await authorize(response.headers.get('www-authenticate'));
                response = await get(url, authorization);
            }
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
        if (error instanceof ListingError)
            return { tags: null, reason: redact(error.message) };
        const e = (error ?? {});
        if (e.name === 'TimeoutError' || e.name === 'AbortError') {
            return { tags: null, reason: `${where}: listing tags timed out after ${timeoutMs} ms` };
        }
        const detail = [e.cause?.code, e.cause?.message, e.message].find((d) => typeof d === 'string' && d !== '');
        return {
            tags: null,
            reason: redact(`${where}: listing tags failed: ${excerpt(String(detail ?? error))}`),
        };
    }
}


/***/ }),

/***/ 5930:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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

"use strict";

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
    'cache-mounts',
    'cache-mounts-saved',
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

"use strict";

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
        ...(args.mounts ? { mounts: args.mounts } : {}),
        ...(args.localCache ? { localCache: args.localCache } : {}),
    };
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatBytes = formatBytes;
exports.renderSummary = renderSummary;
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
const RESTORE_LABEL = {
    exact: '✅ exact (own ref)',
    fallback: '↪️ fallback',
    miss: '➖ miss',
    failed: '⚠️ failed',
};
/** Cache mounts: what each restored, injected, extracted and saved, and what was left out. */
function renderMounts(m) {
    const out = ['### Cache mounts', ''];
    if (m.mounts.length > 0) {
        out.push('| id | target | restored | size | restore | inject | extract | save | saved |', '|---|---|---|---:|---:|---:|---:|---:|---|');
        for (const x of m.mounts) {
            const restored = `${RESTORE_LABEL[x.restore] ?? x.restore}${x.restoredKey ? ` ${code(x.restoredKey)}` : ''}`;
            const saved = x.saved ? `✅ ${code(x.savedKey)}` : `➖ ${cell(x.notSaved)}`;
            const t = x.seconds;
            out.push(`| ${code(x.id)} | ${code(x.target)} | ${restored} | ${x.bytes > 0 ? formatBytes(x.bytes) : ''} | ` +
                `${t.restore}s | ${t.inject}s | ${t.extract}s | ${t.save}s | ${saved}${x.error ? ` ⚠️ ${cell(x.error)}` : ''} |`);
        }
        out.push('');
    }
    for (const s of m.skipped)
        out.push(`- ${code(s.id)} (${code(s.target)}) is not persisted: ${cell(s.why)}`);
    for (const n of m.notes)
        out.push(`- ${cell(n)}`);
    if (m.skipped.length + m.notes.length > 0)
        out.push('');
    out.push('GitHub keeps 10 GB of cache per repository in all; a mount over cache-mounts-max-size is not saved.', '');
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
        const pruned = f.prunedBlobs > 0 ? `${f.prunedBlobs} blobs, ${formatBytes(f.prunedBytes)}` : '';
        out.push(`| ${code(f.ref)} | ${code(f.name)} | ${restored} | ${f.bytes > 0 ? formatBytes(f.bytes) : ''} | ${pruned} | ${f.seconds.restore}s | ${f.seconds.save}s | ${saved} |`);
    }
    out.push('');
    return out;
}
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
    if (r.mounts)
        out.push(...renderMounts(r.mounts));
    if (r.localCache)
        out.push(...renderLocalCache(r.localCache));
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
    return out.join('\n');
}


/***/ }),

/***/ 6342:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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

"use strict";

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

"use strict";
module.exports = require("crypto");

/***/ }),

/***/ 9896:
/***/ ((module) => {

"use strict";
module.exports = require("fs");

/***/ }),

/***/ 1421:
/***/ ((module) => {

"use strict";
module.exports = require("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

"use strict";
module.exports = require("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

"use strict";
module.exports = require("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

"use strict";
module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 857:
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ 1110:
/***/ ((__unused_webpack_module, exports) => {

"use strict";


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
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";
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