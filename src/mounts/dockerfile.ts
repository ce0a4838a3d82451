import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/** A `RUN --mount=type=cache` as BuildKit will key it: by id, with the options that shape it. */
export interface CacheMount {
  /** The mount's id (BuildKit's default: the target path). */
  id: string;
  target: string;
  sharing: 'shared' | 'private' | 'locked';
  uid: string;
  gid: string;
  mode: string;
  /** The stage it is in (its name, or its index when unnamed). */
  stage: string;
  /** 1-based line of its RUN instruction. */
  line: number;
}

/** What the Dockerfile holds for mount persistence, and what was left out and why. */
export interface MountScan {
  mounts: CacheMount[];
  /** Mounts left out, each with why (content from an image or a stage, an unresolved build arg). */
  leftOut: { line: number; mount: string; why: string }[];
  notes: string[];
}

interface Stage {
  name: string;
  index: number;
  instructions: Instruction[];
  /** The stage or image it starts from, as written. */
  base: string;
}

const SHARING = ['shared', 'private', 'locked'] as const;

/** `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME:+word}`, as the Dockerfile frontend reads them. */
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Replaces known variables; returns the names that are not known (their text stays as it was). */
export function expand(text: string, vars: Map<string, string>): { value: string; unknown: string[] } {
  const unknown: string[] = [];
  const value = text.replace(
    VARIABLE,
    (whole, braced?: string, modifier?: string, word?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      const known = vars.get(name);
      if (known === undefined) {
        unknown.push(name);
        return whole;
      }
      if (modifier === '-') return known === '' ? (word ?? '') : known;
      if (modifier === '+') return known === '' ? '' : (word ?? '');
      return known;
    },
  );
  return { value, unknown: [...new Set(unknown)] };
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

/** BuildKit reads each `--mount` value as one CSV record: `key=value` fields, quotes allowed. */
export function mountFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  let field = '';
  let quoted = false;
  const flush = () => {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
    if (key !== '') fields.set(key, eq === -1 ? '' : field.slice(eq + 1));
    field = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') {
      if (quoted && value[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) flush();
    else field += c;
  }
  flush();
  return fields;
}

function argsOf(instruction: Instruction): { name: string; value: string | null }[] {
  // ARG a=1 b  → [{a,'1'}, {b,null}]
  return instruction
    .getArguments()
    .map((a) => a.getValue())
    .map((word) => {
      const eq = word.indexOf('=');
      return eq === -1 ? { name: word, value: null } : { name: word.slice(0, eq), value: word.slice(eq + 1) };
    });
}

const unquote = (v: string) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v);

function stagesOf(text: string): { stages: Stage[]; globals: Instruction[] } {
  const dockerfile = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  const globals: Instruction[] = [];
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
    } else if (stages.length === 0) {
      globals.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { stages, globals };
}

/** The stages a target needs: the target, and every stage it starts from, copies from or mounts. */
function neededStages(stages: Stage[], target: string, globalVars: Map<string, string>): Set<number> {
  const byName = (ref: string): number | undefined => {
    const r = expand(ref, globalVars).value.toLowerCase();
    const named = stages.find((s) => s.name !== '' && s.name === r);
    if (named) return named.index;
    return /^\d+$/.test(r) && Number(r) < stages.length ? Number(r) : undefined;
  };
  const start = target === '' ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
  const needed = new Set<number>();
  const visit = (i: number | undefined) => {
    if (i === undefined || needed.has(i)) return;
    needed.add(i);
    const s = stages[i];
    visit(byName(s.base));
    for (const instruction of s.instructions) {
      const flags = 'getFlags' in instruction ? (instruction as unknown as FlagHolder).getFlags() : [];
      for (const f of flags) {
        if (f.getName() === 'from' && f.getValue()) visit(byName(f.getValue()!));
        if (f.getName() === 'mount' && f.getValue()) {
          const from = mountFields(f.getValue()!).get('from');
          if (from) visit(byName(unquote(from)));
        }
      }
    }
  };
  visit(start === -1 ? undefined : start);
  return needed;
}

interface FlagHolder {
  getFlags(): { getName(): string; getValue(): string | null }[];
}

/**
 * The cache mounts of the stages that `target` ('' for the last stage) depends on, with build args
 * followed where their values are known. Pure: the Dockerfile's text and the build args in. Throws
 * only when the parser itself cannot read the text.
 */
export function scanCacheMounts(text: string, target: string, buildArgs: string[]): MountScan {
  const { stages, globals } = stagesOf(text);
  const given = buildArgMap(buildArgs);
  const scan: MountScan = { mounts: [], leftOut: [], notes: [] };
  const globalVars = new Map<string, string>();
  for (const g of globals) {
    if (g.getKeyword().toUpperCase() !== 'ARG') continue;
    for (const a of argsOf(g)) {
      const value =
        given.get(a.name) ?? (a.value === null ? undefined : expand(unquote(a.value), globalVars).value);
      if (value !== undefined) globalVars.set(a.name, value);
    }
  }
  if (target !== '' && !stages.some((s) => s.name === target.toLowerCase())) {
    scan.notes.push(
      `the target ${JSON.stringify(target)} is not a stage of the Dockerfile: no cache mounts found`,
    );
    return scan;
  }
  const needed = neededStages(stages, target, globalVars);
  const seen = new Map<string, CacheMount>();
  for (const stage of stages.filter((s) => needed.has(s.index))) {
    const vars = new Map<string, string>();
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword().toUpperCase();
      if (keyword === 'ARG') {
        for (const a of argsOf(instruction)) {
          const value =
            given.get(a.name) ??
            (a.value === null ? globalVars.get(a.name) : expand(unquote(a.value), vars).value);
          if (value !== undefined) vars.set(a.name, value);
          else vars.delete(a.name);
        }
      } else if (keyword === 'ENV') {
        for (const a of argsOf(instruction)) {
          if (a.value !== null) vars.set(a.name, expand(unquote(a.value), vars).value);
        }
      } else if (keyword === 'RUN') {
        const line = instruction.getRange().start.line + 1;
        for (const flag of (instruction as unknown as FlagHolder).getFlags()) {
          if (flag.getName() !== 'mount' || flag.getValue() === null) continue;
          const raw = flag.getValue()!;
          const fields = mountFields(raw);
          if ((fields.get('type') ?? 'bind') !== 'cache') continue;
          const left = (why: string) => scan.leftOut.push({ line, mount: raw, why });
          if (fields.has('from') || fields.has('source') || fields.has('src')) {
            left('its content comes from an image or a stage (from=/source=), not from earlier runs');
            continue;
          }
          const resolved = new Map<string, string>();
          const unknown: string[] = [];
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
          const mount: CacheMount = {
            id: resolved.get('id') || target,
            target,
            sharing: (SHARING as readonly string[]).includes(sharing)
              ? (sharing as CacheMount['sharing'])
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
          } else if (earlier.uid !== mount.uid || earlier.gid !== mount.gid || earlier.mode !== mount.mode) {
            scan.notes.push(
              `cache mount ${mount.id} on line ${line} has other uid/gid/mode than on line ${earlier.line}: the first is persisted`,
            );
          }
        }
      }
    }
  }
  return scan;
}
