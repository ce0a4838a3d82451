"use strict";
exports.id = 452;
exports.ids = [452];
exports.modules = {

/***/ 34452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanForPlatforms: () => (/* binding */ scanForPlatforms)
});

// UNUSED EXPORTS: buildArgMap, scanCacheMounts

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/mounts/lex.ts
/**
 * Variable expansion in one Dockerfile word, as BuildKit's shell lexer does it for flags, ARG and
 * ENV values and FROM lines. Pure. A name the action has no value for (not declared, or an ARG with
 * neither default nor build arg: the base image's ENV may still set it) is "unknown": its bare use
 * cannot be predicted, while the forms with a fallback say what they give when it is unset.
 */
/** `${NAME<op>word}`: what each operator gives, for a value that is set and one that is not. */
const OPERATORS = {
    ':-': { set: (v, word) => (v === '' ? word : v), unset: (word) => word },
    '-': { set: (v) => v, unset: (word) => word },
    ':+': { set: (v, word) => (v === '' ? '' : word), unset: () => '' },
    '+': { set: (_v, word) => word, unset: () => '' },
};
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/**
 * A shell glob (`*`, `?`, everything else literal, brackets included) as a regular expression, the
 * way BuildKit's lexer matches `${NAME#pattern}` and `${NAME/pattern/word}` (checked against
 * BuildKit: `${V/[ab]/S}` leaves V as it is, `${V/#xa/Q}` anchors nothing).
 */
function globSource(glob) {
    return glob
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}/-]/g, '\\$&')))
        .join('');
}
/** The shortest or longest prefix (or suffix) of `value` the glob matches, removed. */
function trim(value, glob, side, longest) {
    const whole = new RegExp(`^${globSource(glob)}$`, 's');
    const lengths = [...Array(value.length + 1).keys()];
    for (const n of longest ? lengths.reverse() : lengths) {
        const part = side === 'prefix' ? value.slice(0, n) : value.slice(value.length - n);
        if (whole.test(part))
            return side === 'prefix' ? value.slice(n) : value.slice(0, value.length - n);
    }
    return value;
}
/**
 * `${NAME#p}`, `${NAME##p}`, `${NAME%p}`, `${NAME%%p}`, `${NAME/p/w}`, `${NAME//p/w}` and
 * `${NAME?err}` / `${NAME:?err}` (the value, when it is set): what each gives for a known value.
 * `word` is the part to expand first (the pattern, with the replacement after its `/`).
 */
function patternOperator(rest) {
    const replaceAll = rest.startsWith('//');
    if (rest.startsWith('/')) {
        const body = rest.slice(replaceAll ? 2 : 1);
        if (!body.includes('/'))
            return null; // BuildKit: "missing '/' in ${}"
        return {
            word: body,
            apply: (v, word) => {
                const slash = word.indexOf('/');
                const [glob, replacement] = [word.slice(0, slash), word.slice(slash + 1)];
                if (glob === '')
                    return v;
                return v.replace(new RegExp(globSource(glob), replaceAll ? 'gs' : 's'), () => replacement);
            },
        };
    }
    for (const [op, side, longest] of [
        ['##', 'prefix', true],
        ['#', 'prefix', false],
        ['%%', 'suffix', true],
        ['%', 'suffix', false],
    ]) {
        if (rest.startsWith(op))
            return { word: rest.slice(op.length), apply: (v, glob) => trim(v, glob, side, longest) };
    }
    if (rest.startsWith(':?') || rest.startsWith('?'))
        return { word: '', apply: (v) => v };
    return null;
}
/** The index of the `}` that closes the `${` opened before `from`, or -1. */
function closingBrace(text, from, escape) {
    let depth = 1;
    for (let i = from; i < text.length; i++) {
        if (text[i] === escape)
            i++;
        else if (text.startsWith('${', i)) {
            depth++;
            i++;
        }
        else if (text[i] === '}' && --depth === 0)
            return i;
    }
    return -1;
}
/** Expands `$NAME`, `${NAME}` and `${NAME:-w}`, `${NAME-w}`, `${NAME:+w}`, `${NAME+w}`. */
function expandWord(text, lookup, escape = '\\') {
    const unknown = new Set();
    let value = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === escape && text[i + 1] === '$') {
            value += '$';
            i++;
            continue;
        }
        if (c !== '$') {
            value += c;
            continue;
        }
        if (text[i + 1] === '{') {
            const end = closingBrace(text, i + 2, escape);
            const name = end === -1 ? null : NAME.exec(text.slice(i + 2, end));
            if (end === -1 || name === null) {
                value += c;
                continue;
            }
            const rest = text.slice(i + 2 + name[0].length, end);
            const op = rest.startsWith(':') ? rest.slice(0, 2) : rest.slice(0, 1);
            const known = lookup(name[0]);
            if (rest === '') {
                if (known === undefined)
                    unknown.add(name[0]);
                value += known ?? '';
            }
            else if (op in OPERATORS) {
                const word = expandWord(rest.slice(op.length), lookup, escape);
                word.unknown.forEach((u) => unknown.add(u));
                value += known === undefined ? OPERATORS[op].unset(word.value) : OPERATORS[op].set(known, word.value);
            }
            else {
                const pattern = patternOperator(rest);
                const word = pattern ? expandWord(pattern.word, lookup, escape) : null;
                word?.unknown.forEach((u) => unknown.add(u));
                if (!pattern || !word || known === undefined)
                    unknown.add(name[0]);
                else
                    value += pattern.apply(known, word.value);
            }
            i = end;
            continue;
        }
        const name = NAME.exec(text.slice(i + 1));
        if (name === null) {
            value += c;
            continue;
        }
        const known = lookup(name[0]);
        if (known === undefined)
            unknown.add(name[0]);
        value += known ?? '';
        i += name[0].length;
    }
    return { value, unknown: [...unknown] };
}

// EXTERNAL MODULE: ./src/mounts/mount-flag.ts
var mount_flag = __webpack_require__(61046);
// EXTERNAL MODULE: ./src/mounts/platform.ts
var platform = __webpack_require__(3315);
;// CONCATENATED MODULE: ./src/mounts/dockerfile.ts




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
/** An instruction's text after its keyword: continuations joined, comment lines inside it dropped. */
function textAfterKeyword(lines, instruction, escape) {
    const { start, end } = instruction.getRange();
    const physical = lines.slice(start.line, end.line + 1);
    physical[0] = physical[0].slice(start.character);
    let joined = '';
    for (const [n, line] of physical.entries()) {
        if (n > 0 && /^\s*(#|$)/.test(line))
            continue;
        const trimmed = line.replace(/\s+$/, '');
        joined += trimmed.endsWith(escape) ? trimmed.slice(0, -1) : `${line}\n`;
    }
    return joined.trim().replace(/^\S+\s*/, '');
}
const unquote = (v) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v);
/** ENV's pairs (with its legacy `ENV KEY value` form); ARG's words, which have no such form. */
function pairsOf(instruction, keyword) {
    if (keyword === 'ARG') {
        return instruction
            .getArguments()
            .map((a) => a.getValue())
            .map((word) => {
            const eq = word.indexOf('=');
            return eq === -1
                ? { name: word, value: null }
                : { name: word.slice(0, eq), value: unquote(word.slice(eq + 1)) };
        });
    }
    if (keyword !== 'ENV')
        return [];
    return instruction
        .getProperties()
        .map((p) => ({ name: p.getName(), value: p.getValue() }));
}
/** `ONBUILD RUN …` → the RUN step it triggers (ARG and ENV triggers are not followed). */
function triggerOf(step) {
    const keyword = /^\S*/.exec(step.text)[0].toUpperCase();
    return { keyword, text: step.text.slice(keyword.length).trim(), line: step.line, pairs: [] };
}
function stagesOf(text) {
    const dockerfile = main.DockerfileParser.parse(text);
    const escape = dockerfile.getEscapeCharacter();
    const lines = text.split(/\r?\n/);
    const stages = [];
    const globals = [];
    for (const instruction of dockerfile.getInstructions()) {
        const keyword = instruction.getKeyword().toUpperCase();
        const step = {
            keyword,
            text: textAfterKeyword(lines, instruction, escape),
            line: instruction.getRange().start.line + 1,
            pairs: pairsOf(instruction, keyword),
        };
        if (step.keyword === 'FROM') {
            const words = step.text.split(/\s+/).filter((w) => !w.startsWith('--'));
            const as = words.findIndex((w) => w.toLowerCase() === 'as');
            const name = as !== -1 && words[as + 1] ? words[as + 1].toLowerCase() : '';
            stages.push({ name, index: stages.length, base: words[0] ?? '', steps: [], onbuild: [] });
        }
        else if (stages.length === 0)
            globals.push(step);
        else if (step.keyword === 'ONBUILD')
            stages[stages.length - 1].onbuild.push(triggerOf(step));
        else
            stages[stages.length - 1].steps.push(step);
    }
    return { stages, globals, escape };
}
/** Sets `name` to the expansion of `word`, or forgets it when that needs an unknown value. */
function dockerfile_assign(vars, name, e) {
    if (e.unknown.length === 0)
        vars.set(name, e.value);
    else
        vars.delete(name);
}
const expander = (vars, escape) => (word) => expandWord(word, (n) => vars.get(n), escape);
/** ARG before the first FROM: a build arg, else its default, else an automatic argument's value. */
function metaArgs(globals, given, automatic, escape) {
    const vars = new Map(automatic);
    for (const [name, value] of given)
        if (vars.has(name))
            vars.set(name, value);
    for (const step of globals.filter((g) => g.keyword === 'ARG')) {
        for (const { name, value } of step.pairs) {
            const v = given.get(name);
            if (v !== undefined)
                vars.set(name, v);
            else if (value !== null)
                dockerfile_assign(vars, name, expander(vars, escape)(value));
        }
    }
    return vars;
}
/** ARG in a stage: a build arg, else its default, else the meta ARG or automatic one of that name. */
function dispatchArg(step, vars, scope) {
    for (const { name, value } of step.pairs) {
        const v = scope.given.get(name);
        if (v !== undefined)
            vars.set(name, v);
        else if (value !== null)
            dockerfile_assign(vars, name, expander(vars, scope.escape)(value));
        else if (scope.globals.has(name))
            vars.set(name, scope.globals.get(name));
        // Declared without a value: what it had (a parent stage's, or the image's ENV) stays.
    }
}
function dispatchEnv(step, vars, scope) {
    const expand = expander(new Map(vars), scope.escape);
    for (const { name, value } of step.pairs)
        if (value !== null)
            dockerfile_assign(vars, name, expand(value));
}
/**
 * The stage a reference names, if it is one: FROM's image with meta ARGs expanded; `--from=` and
 * a mount's `from=` as written (BuildKit refuses a variable there and fails the build).
 */
function stageRef(stages, ref, scope, o) {
    const before = o.before ?? stages.length;
    const e = o.expand ? expander(scope.globals, scope.escape)(ref) : { value: ref, unknown: [] };
    if (e.unknown.length > 0 || (!o.expand && ref.includes('$')))
        return undefined;
    const r = e.value.toLowerCase();
    const named = stages.find((s) => s.name !== '' && s.name === r && s.index < before);
    if (named)
        return named.index;
    return /^\d+$/.test(r) && Number(r) < before ? Number(r) : undefined;
}
/** The stages a step reads from: `COPY --from=` and `RUN --mount=…,from=`. */
function referencedStages(step, stages, scope) {
    const words = (0,mount_flag/* flagWords */.GK)(step.text, scope.escape);
    const froms = words.filter((w) => w.startsWith('--from=')).map((w) => w.slice('--from='.length));
    const mounts = (0,mount_flag/* mountValues */.sv)(step.text, scope.escape)
        .map((v) => (0,mount_flag/* mountFields */.n8)(v).get('from'))
        .filter((f) => f !== undefined);
    return [...froms, ...mounts].map((ref) => stageRef(stages, ref, scope, { expand: false }));
}
/** The stages a target needs: the target, and every stage it starts from, copies from or mounts. */
function neededStages(stages, start, scope) {
    const needed = new Set();
    const visit = (i) => {
        if (i === undefined || needed.has(i))
            return;
        needed.add(i);
        const s = stages[i];
        const parent = stageRef(stages, s.base, scope, { before: i, expand: true });
        visit(parent);
        const inherited = parent === undefined ? [] : stages[parent].onbuild;
        for (const step of [...inherited, ...s.steps])
            referencedStages(step, stages, scope).forEach(visit);
    };
    visit(start);
    return needed;
}
/** Notes for FROM lines whose reference needs a value the action cannot know. */
function unresolvedBases(stages, needed, scope) {
    return stages
        .filter((s) => needed.has(s.index))
        .flatMap((s) => {
        const e = expander(scope.globals, scope.escape)(s.base);
        return e.unknown.length === 0
            ? []
            : [
                `stage ${s.name || s.index} starts from ${s.base}, and ${e.unknown.join(', ')} has no value the action can know: its parent's mounts are not looked for`,
            ];
    });
}
/**
 * The cache mounts of the stages that `target` ('' for the last stage) depends on, as BuildKit's
 * Dockerfile frontend names them for one platform. Pure: the Dockerfile's text, the build args and
 * the platforms in. Throws only when the parser itself cannot read the text.
 */
function scanCacheMounts(text, target, buildArgs, platforms) {
    const { stages, globals, escape } = stagesOf(text);
    const given = buildArgMap(buildArgs);
    const scope = {
        given,
        // Without a target, BuildKit names the last stage (`default` when it has no name).
        globals: metaArgs(globals, given, (0,platform/* platformArgs */.xZ)(platforms, target || stages[stages.length - 1]?.name || ''), escape),
        escape,
    };
    const scan = { mounts: [], leftOut: [], notes: [] };
    const start = target === '' ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
    if (start === -1) {
        scan.notes.push(`the target ${JSON.stringify(target)} is not a stage of the Dockerfile: no cache mounts found`);
        return scan;
    }
    const needed = neededStages(stages, start, scope);
    scan.notes.push(...unresolvedBases(stages, needed, scope));
    const seen = new Map();
    const endVars = [];
    for (const stage of stages) {
        const parent = stageRef(stages, stage.base, scope, { before: stage.index, expand: true });
        // A stage starts with its parent stage's ARG and ENV values, then runs the parent's ONBUILD.
        const vars = new Map(parent === undefined ? [] : endVars[parent]);
        const steps = [...(parent === undefined ? [] : stages[parent].onbuild), ...stage.steps];
        for (const step of steps) {
            if (step.keyword === 'ARG')
                dispatchArg(step, vars, scope);
            else if (step.keyword === 'ENV')
                dispatchEnv(step, vars, scope);
            else if (step.keyword === 'RUN' && needed.has(stage.index)) {
                for (const raw of (0,mount_flag/* mountValues */.sv)(step.text, escape)) {
                    collect(scan, seen, raw, (0,mount_flag/* readMount */.Ob)(raw, expander(vars, escape)), stage, step.line);
                }
            }
        }
        endVars.push(vars);
    }
    return scan;
}
function collect(scan, seen, raw, reading, stage, line) {
    if (reading.kind === 'not-cache')
        return;
    if (reading.kind === 'left-out') {
        scan.leftOut.push({ line, mount: raw, why: reading.why, ...(reading.id ? { id: reading.id } : {}) });
        return;
    }
    const mount = { ...reading.options, stage: stage.name || String(stage.index), line };
    const earlier = seen.get(mount.id);
    if (!earlier) {
        seen.set(mount.id, mount);
        scan.mounts.push(mount);
    }
    else if (earlier.uid !== mount.uid || earlier.gid !== mount.gid || earlier.mode !== mount.mode) {
        scan.notes.push(`cache mount ${mount.id} on line ${line} has other uid/gid/mode than on line ${earlier.line}: the first is persisted`);
    }
}
/** The scans of every platform the build makes, as one: a mount once, by its id. */
function scanForPlatforms(text, target, buildArgs, platforms) {
    const merged = { mounts: [], leftOut: [], notes: [] };
    for (const platform of platforms) {
        const scan = scanCacheMounts(text, target, buildArgs, platform);
        for (const m of scan.mounts)
            if (!merged.mounts.some((e) => e.id === m.id))
                merged.mounts.push(m);
        for (const l of scan.leftOut) {
            if (!merged.leftOut.some((e) => e.line === l.line && e.mount === l.mount))
                merged.leftOut.push(l);
        }
        for (const n of scan.notes)
            if (!merged.notes.includes(n))
                merged.notes.push(n);
    }
    return merged;
}


/***/ })

};
;
//# sourceMappingURL=452.index.js.map