import type { Exec } from '../lib/exec';
import { debug } from './commands';

/** An argument as a shell reader would see it: bare when plain, else JSON-quoted. */
const shown = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg));

/**
 * Every command the action runs, in the debug log (what a user turns on, ACTIONS_STEP_DEBUG, to see
 * what was run), as actions-toolkit logs its commands. Only the program and its arguments: secrets
 * never reach them (they travel in the environment), and the runner masks any it was told of.
 */
export const loggedExec =
  (inner: Exec): Exec =>
  (command, args, options) => {
    debug(`run: ${[command, ...args].map(shown).join(' ')}`);
    return inner(command, args, options);
  };
