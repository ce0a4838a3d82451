import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { expandWord, type Expanded } from './lex';
import { mountFields, mountValues, readMount, flagWords, type CacheMountOptions } from './mount-flag';
import { type BuildPlatforms, platformArgs } from './platform';

/** A `RUN --mount=type=cache` as BuildKit will key it: by id, with the options that shape it. */
export interface CacheMount extends CacheMountOptions {
  /** The stage it is in (its name, or its index when unnamed). */
  stage: string;
  /** 1-based line of its RUN instruction. */
  line: number;
}

/** What the Dockerfile holds for mount persistence, and what was left out and why. */
export interface MountScan {
  mounts: CacheMount[];
  /** Mounts left out, each with why (content from an image or a stage, an unknown variable). */
  leftOut: { line: number; mount: string; why: string; id?: string }[];
  notes: string[];
}

/** One instruction: its keyword, its text after the keyword (continuations joined), its line. */
interface Step {
  keyword: string;
  text: string;
  line: number;
  /** ARG and ENV: their `name[=value]` pairs (the legacy `ENV KEY value` too). */
  pairs: { name: string; value: string | null }[];
}

interface Stage {
  name: string;
  index: number;
  /** The stage or image it starts from, as written. */
  base: string;
  steps: Step[];
  /** ONBUILD triggers: they run in a stage that starts from this one. */
  onbuild: Step[];
}

/** `KEY=value` build args as a map (a bare `KEY` takes its value from the environment: unknown here). */
export function buildArgMap(buildArgs: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of buildArgs) {
    const eq = a.indexOf('=');
    if (eq > 0) map.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return map;
}

/** An instruction's text after its keyword: continuations joined, comment lines inside it dropped. */
function textAfterKeyword(lines: string[], instruction: Instruction, escape: string): string {
  const { start, end } = instruction.getRange();
  const physical = lines.slice(start.line, end.line + 1);
  physical[0] = physical[0].slice(start.character);
  let joined = '';
  for (const [n, line] of physical.entries()) {
    if (n > 0 && /^\s*(#|$)/.test(line)) continue;
    const trimmed = line.replace(/\s+$/, '');
    joined += trimmed.endsWith(escape) ? trimmed.slice(0, -1) : `${line}\n`;
  }
  return joined.trim().replace(/^\S+\s*/, '');
}

const unquote = (v: string) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v);

/** ENV's pairs (with its legacy `ENV KEY value` form); ARG's words, which have no such form. */
function pairsOf(instruction: Instruction, keyword: string): Step['pairs'] {
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
  if (keyword !== 'ENV') return [];
  type Property = { getName(): string; getValue(): string | null };
  return (instruction as unknown as { getProperties(): Property[] })
    .getProperties()
    .map((p) => ({ name: p.getName(), value: p.getValue() }));
}

/** `ONBUILD RUN …` → the RUN step it triggers (ARG and ENV triggers are not followed). */
function triggerOf(step: Step): Step {
  const keyword = /^\S*/.exec(step.text)![0].toUpperCase();
  return { keyword, text: step.text.slice(keyword.length).trim(), line: step.line, pairs: [] };
}

function stagesOf(text: string): { stages: Stage[]; globals: Step[]; escape: string } {
  const dockerfile = DockerfileParser.parse(text);
  const escape = dockerfile.getEscapeCharacter();
  const lines = text.split(/\r?\n/);
  const stages: Stage[] = [];
  const globals: Step[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const step: Step = {
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
    } else if (stages.length === 0) globals.push(step);
    else if (step.keyword === 'ONBUILD') stages[stages.length - 1].onbuild.push(triggerOf(step));
    else stages[stages.length - 1].steps.push(step);
  }
  return { stages, globals, escape };
}

/** Variables in scope: a name maps to its value; a missing name has none the action can know. */
type Vars = Map<string, string>;

/** Sets `name` to the expansion of `word`, or forgets it when that needs an unknown value. */
function assign(vars: Vars, name: string, e: Expanded) {
  if (e.unknown.length === 0) vars.set(name, e.value);
  else vars.delete(name);
}

/** What the scan knows before the first stage: build args, the automatic ones, meta ARGs. */
interface Scope {
  given: Map<string, string>;
  globals: Vars;
  escape: string;
}

const expander = (vars: Vars, escape: string) => (word: string) =>
  expandWord(word, (n) => vars.get(n), escape);

/** ARG before the first FROM: a build arg, else its default, else an automatic argument's value. */
function metaArgs(globals: Step[], given: Map<string, string>, automatic: Vars, escape: string): Vars {
  const vars: Vars = new Map(automatic);
  for (const [name, value] of given) if (vars.has(name)) vars.set(name, value);
  for (const step of globals.filter((g) => g.keyword === 'ARG')) {
    for (const { name, value } of step.pairs) {
      const v = given.get(name);
      if (v !== undefined) vars.set(name, v);
      else if (value !== null) assign(vars, name, expander(vars, escape)(value));
    }
  }
  return vars;
}

/** ARG in a stage: a build arg, else its default, else the meta ARG or automatic one of that name. */
function dispatchArg(step: Step, vars: Vars, scope: Scope) {
  for (const { name, value } of step.pairs) {
    const v = scope.given.get(name);
    if (v !== undefined) vars.set(name, v);
    else if (value !== null) assign(vars, name, expander(vars, scope.escape)(value));
    else if (scope.globals.has(name)) vars.set(name, scope.globals.get(name)!);
    // Declared without a value: what it had (a parent stage's, or the image's ENV) stays.
  }
}

function dispatchEnv(step: Step, vars: Vars, scope: Scope) {
  const expand = expander(new Map(vars), scope.escape);
  for (const { name, value } of step.pairs) if (value !== null) assign(vars, name, expand(value));
}

/**
 * The stage a reference names, if it is one: FROM's image with meta ARGs expanded; `--from=` and
 * a mount's `from=` as written (BuildKit refuses a variable there and fails the build).
 */
function stageRef(
  stages: Stage[],
  ref: string,
  scope: Scope,
  o: { before?: number; expand: boolean },
): number | undefined {
  const before = o.before ?? stages.length;
  const e = o.expand ? expander(scope.globals, scope.escape)(ref) : { value: ref, unknown: [] };
  if (e.unknown.length > 0 || (!o.expand && ref.includes('$'))) return undefined;
  const r = e.value.toLowerCase();
  const named = stages.find((s) => s.name !== '' && s.name === r && s.index < before);
  if (named) return named.index;
  return /^\d+$/.test(r) && Number(r) < before ? Number(r) : undefined;
}

/** The stages a step reads from: `COPY --from=` and `RUN --mount=…,from=`. */
function referencedStages(step: Step, stages: Stage[], scope: Scope): (number | undefined)[] {
  const words = flagWords(step.text, scope.escape);
  const froms = words.filter((w) => w.startsWith('--from=')).map((w) => w.slice('--from='.length));
  const mounts = mountValues(step.text, scope.escape)
    .map((v) => mountFields(v).get('from'))
    .filter((f): f is string => f !== undefined);
  return [...froms, ...mounts].map((ref) => stageRef(stages, ref, scope, { expand: false }));
}

/** The stages a target needs: the target, and every stage it starts from, copies from or mounts. */
function neededStages(stages: Stage[], start: number, scope: Scope): Set<number> {
  const needed = new Set<number>();
  const visit = (i: number | undefined) => {
    if (i === undefined || needed.has(i)) return;
    needed.add(i);
    const s = stages[i];
    const parent = stageRef(stages, s.base, scope, { before: i, expand: true });
    visit(parent);
    const inherited = parent === undefined ? [] : stages[parent].onbuild;
    for (const step of [...inherited, ...s.steps]) referencedStages(step, stages, scope).forEach(visit);
  };
  visit(start);
  return needed;
}

/** Notes for FROM lines whose reference needs a value the action cannot know. */
function unresolvedBases(stages: Stage[], needed: Set<number>, scope: Scope): string[] {
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
export function scanCacheMounts(
  text: string,
  target: string,
  buildArgs: string[],
  platforms: BuildPlatforms,
): MountScan {
  const { stages, globals, escape } = stagesOf(text);
  const given = buildArgMap(buildArgs);
  const scope: Scope = {
    given,
    // Without a target, BuildKit names the last stage (`default` when it has no name).
    globals: metaArgs(
      globals,
      given,
      platformArgs(platforms, target || stages[stages.length - 1]?.name || ''),
      escape,
    ),
    escape,
  };
  const scan: MountScan = { mounts: [], leftOut: [], notes: [] };
  const start = target === '' ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
  if (start === -1) {
    scan.notes.push(
      `the target ${JSON.stringify(target)} is not a stage of the Dockerfile: no cache mounts found`,
    );
    return scan;
  }
  const needed = neededStages(stages, start, scope);
  scan.notes.push(...unresolvedBases(stages, needed, scope));
  const seen = new Map<string, CacheMount>();
  const endVars: Vars[] = [];
  for (const stage of stages) {
    const parent = stageRef(stages, stage.base, scope, { before: stage.index, expand: true });
    // A stage starts with its parent stage's ARG and ENV values, then runs the parent's ONBUILD.
    const vars: Vars = new Map(parent === undefined ? [] : endVars[parent]);
    const steps = [...(parent === undefined ? [] : stages[parent].onbuild), ...stage.steps];
    for (const step of steps) {
      if (step.keyword === 'ARG') dispatchArg(step, vars, scope);
      else if (step.keyword === 'ENV') dispatchEnv(step, vars, scope);
      else if (step.keyword === 'RUN' && needed.has(stage.index)) {
        for (const raw of mountValues(step.text, escape)) {
          collect(scan, seen, raw, readMount(raw, expander(vars, escape)), stage, step.line);
        }
      }
    }
    endVars.push(vars);
  }
  return scan;
}

function collect(
  scan: MountScan,
  seen: Map<string, CacheMount>,
  raw: string,
  reading: ReturnType<typeof readMount>,
  stage: Stage,
  line: number,
) {
  if (reading.kind === 'not-cache') return;
  if (reading.kind === 'left-out') {
    scan.leftOut.push({ line, mount: raw, why: reading.why, ...(reading.id ? { id: reading.id } : {}) });
    return;
  }
  const mount: CacheMount = { ...reading.options, stage: stage.name || String(stage.index), line };
  const earlier = seen.get(mount.id);
  if (!earlier) {
    seen.set(mount.id, mount);
    scan.mounts.push(mount);
  } else if (earlier.uid !== mount.uid || earlier.gid !== mount.gid || earlier.mode !== mount.mode) {
    scan.notes.push(
      `cache mount ${mount.id} on line ${line} has other uid/gid/mode than on line ${earlier.line}: the first is persisted`,
    );
  }
}

/** The scans of every platform the build makes, as one: a mount once, by its id. */
export function scanForPlatforms(
  text: string,
  target: string,
  buildArgs: string[],
  platforms: BuildPlatforms[],
): MountScan {
  const merged: MountScan = { mounts: [], leftOut: [], notes: [] };
  for (const platform of platforms) {
    const scan = scanCacheMounts(text, target, buildArgs, platform);
    for (const m of scan.mounts) if (!merged.mounts.some((e) => e.id === m.id)) merged.mounts.push(m);
    for (const l of scan.leftOut) {
      if (!merged.leftOut.some((e) => e.line === l.line && e.mount === l.mount)) merged.leftOut.push(l);
    }
    for (const n of scan.notes) if (!merged.notes.includes(n)) merged.notes.push(n);
  }
  return merged;
}
