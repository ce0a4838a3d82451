// The runner starts main and post as two processes, each from its own bundle (action.yml): post,
// which often has nothing to clean, then starts in about the time node itself takes.
import { run } from '../app/build';
import { lastResort } from './last-resort';

run().catch(lastResort('error'));
