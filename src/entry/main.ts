// The runner starts main and post as two processes, each from its own bundle (action.yml): post,
// which often has nothing to clean, then starts in about the time node itself takes.
import { run } from '../app/build';
import { lastResort } from './last-resort';

// Which Node the runner gave this step (action.yml asks for node24), in the debug log.
process.stdout.write(`::debug::buildkit-cache-action main runs on node ${process.version}\n`);

run().catch(lastResort('error'));
