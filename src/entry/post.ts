// Post has its own bundle (see entry/main.ts): only the cleanup code is loaded.
import { post } from '../app/post';
import { lastResort } from './last-resort';

// Which Node the runner gave this step (action.yml asks for node24), in the debug log.
process.stdout.write(`::debug::buildkit-cache-action post runs on node ${process.version}\n`);

post().catch(lastResort('warning'));
