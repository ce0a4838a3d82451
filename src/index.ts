// The runner starts this file twice: as main, then as post with the state main saved (which it
// passes as STATE_* variables). Only the step's own code is loaded, so post stays light.
const last = (kind: 'error' | 'warning') => (e: unknown) => {
  // main and post report their own errors; this is the net for anything that escapes them.
  process.stdout.write(`::${kind}::buildkit-cache-action: ${String((e as Error)?.message ?? e)}\n`);
  if (kind === 'error') process.exitCode = 1;
};
import { POST_MARKER } from './state-keys';

if (process.env[`STATE_${POST_MARKER}`] === 'true') {
  (require('./post') as typeof import('./post')).post().catch(last('warning'));
} else {
  (require('./main') as typeof import('./main')).run().catch(last('error'));
}
