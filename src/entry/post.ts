// Post has its own bundle (see entry/main.ts): only the cleanup code is loaded.
import { post } from '../app/post';
import { lastResort } from './last-resort';

post().catch(lastResort('warning'));
