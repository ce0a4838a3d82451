"use strict";
exports.id = 410;
exports.ids = [410];
exports.modules = {

/***/ 2410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanCacheMounts: () => (/* binding */ scanCacheMounts)
/* harmony export */ });
/* unused harmony exports expand, buildArgMap, mountFields */
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8390);

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
    const dockerfile = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(text);
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


/***/ })

};
;
//# sourceMappingURL=410.index.js.map