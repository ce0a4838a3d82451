'use strict';
// Runs the bundled action (action.yml's runs.main / runs.post) exactly as a GitHub runner does: inputs as INPUT_*
// variables, the event as a payload file, and GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY
// files; then the post step with the state main saved. Used by `npm run example`, the e2e tests
// and the benchmark, so all three drive the action the same way.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ACTION_DIR = path.resolve(__dirname, '..');
// A step that runs longer than this is hung, not slow: the slowest e2e build takes a few minutes.
const STEP_TIMEOUT_MS = 20 * 60 * 1000;

/** Parses the `name<<DELIMITER … DELIMITER` file format of GITHUB_OUTPUT and GITHUB_STATE. */
function parseCommandFile(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]);
      values[name] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/**
 * The tests and the benchmark build the workspace folder they prepared, so `context` defaults to
 * `.` here; the action's own default, the run's Git context fetched from GITHUB_SERVER_URL, is
 * tested on its own against a Git server on loopback (pass `context: ''` for it).
 */
const HARNESS_DEFAULTS = { context: '.' };

function inputEnv(inputs) {
  const env = {};
  for (const [name, value] of Object.entries({ ...HARNESS_DEFAULTS, ...(inputs || {}) })) {
    if (value === undefined) continue;
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);
  }
  return env;
}

/**
 * Runs one step of the action.
 * @param {object} o
 * @param {'main'|'post'} [o.step]
 * @param {Record<string,string|boolean>} [o.inputs]
 * @param {{name:string, payload:object, ref:string, sha:string}} o.event
 * @param {string} o.workspace the checkout (GITHUB_WORKSPACE, cwd)
 * @param {Record<string,string>} [o.env] extra environment (PATH, DOCKER_CONFIG, ACTIONS_* …)
 * @param {Record<string,string>} [o.state] state saved by main (for post)
 * @param {string} [o.runnerTemp]
 * @param {string} [o.node] the node binary to run the step with (see stepNode)
 * @param {number} [o.timeoutMs] after this the step is killed (SIGKILL) and fails; default 20 min
 * @returns {Promise<{exitCode:number, log:string, outputs:Record<string,string>, state:Record<string,string>, summary:string, timedOut:boolean}>}
 */
function runStep(o) {
  const dir = fs.mkdtempSync(path.join(o.runnerTemp || os.tmpdir(), 'runner-'));
  const files = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary.md'),
    event: path.join(dir, 'event.json'),
    env: path.join(dir, 'env'),
  };
  for (const f of [files.output, files.state, files.summary, files.env]) fs.writeFileSync(f, '');
  fs.writeFileSync(files.event, JSON.stringify(o.event.payload || {}));
  const repo = (o.event.payload && o.event.payload.repository) || {};
  const stateEnv = {};
  for (const [k, v] of Object.entries(o.state || {})) if (v !== undefined) stateEnv[`STATE_${k}`] = v;
  const env = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REF: o.event.ref,
    GITHUB_SHA: o.event.sha,
    GITHUB_REPOSITORY: repo.full_name || 'octo-org/example',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '1',
    GITHUB_API_URL: 'http://127.0.0.1:9/api',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    RUNNER_TEMP: o.runnerTemp || dir,
    RUNNER_TOOL_CACHE: path.join(o.runnerTemp || dir, 'toolcache'),
    ...inputEnv(o.inputs),
    ...stateEnv,
    ...(o.env || {}),
  };
  // Inputs the runner would fill with defaults from action.yml.
  for (const [name, def] of Object.entries(actionDefaults())) {
    const key = `INPUT_${name.toUpperCase()}`;
    if (env[key] === undefined) env[key] = def;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(stepNode(o), [path.join(ACTION_DIR, actionRuns()[o.step || 'main'])], {
      cwd: o.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const timeoutMs = o.timeoutMs === undefined ? STEP_TIMEOUT_MS : o.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    // A killed step's own children may still hold its pipes open: stop waiting for them.
    child.on('exit', () => {
      if (!timedOut) return;
      child.stdout.destroy();
      child.stderr.destroy();
    });
    child.stdout.on('data', (d) => {
      log += d;
      if (o.echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      log += d;
      if (o.echo) process.stderr.write(d);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) log += `\nrunner: the ${o.step || 'main'} step was killed after ${timeoutMs} ms\n`;
      resolve({
        exitCode: timedOut ? 1 : code === null ? 1 : code,
        timedOut,
        log,
        outputs: parseCommandFile(fs.readFileSync(files.output, 'utf8')),
        state: parseCommandFile(fs.readFileSync(files.state, 'utf8')),
        summary: fs.readFileSync(files.summary, 'utf8'),
        envFile: fs.readFileSync(files.env, 'utf8'),
        node: stepNode(o),
      });
    });
  });
}

/**
 * The node binary a step runs with: the caller's, else BKCA_ACTION_NODE (the e2e setup points it
 * at Node 24, as action.yml's `using: node24` asks of a runner), else the Node running this.
 */
function stepNode(o) {
  return o.node || process.env.BKCA_ACTION_NODE || process.execPath;
}

/** The script of each step, from action.yml's `runs:` (`main: dist/main/index.js`, …). */
let runs;
function actionRuns() {
  if (runs) return runs;
  const text = fs.readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8');
  runs = {};
  for (const m of text.slice(text.indexOf('\nruns:')).matchAll(/^ {2}(main|post): *(\S+) *$/gm)) {
    runs[m[1]] = m[2];
  }
  return runs;
}

let defaults;
/** Default input values from action.yml (a tiny reader: `name:` then `default:` lines). */
function actionDefaults() {
  if (defaults) return defaults;
  defaults = {};
  const text = fs.readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8');
  const section = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'));
  let current = null;
  for (const line of section.split('\n')) {
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const def = /^ {4}default:\s*(.*)$/.exec(line);
    if (def && current) {
      let value = def[1].trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
      if (value.startsWith('${{')) value = '';
      defaults[current] = value;
    }
  }
  return defaults;
}

/** Main, then post with main's state, as the runner does. */
async function runAction(o) {
  const main = await runStep({ ...o, step: 'main' });
  const post = await runStep({ ...o, step: 'post', state: main.state });
  return { main, post };
}

module.exports = { runStep, runAction, parseCommandFile, actionDefaults };
