import * as core from '@actions/core';
import { run } from './main';
import { post } from './post';

// The runner starts this file twice: as main, then as post with the state main saved.
if (core.getState('isPost') === 'true') {
  post().catch((e: unknown) =>
    core.warning(`buildkit-cache-action post: ${(e as Error)?.message ?? String(e)}`),
  );
} else {
  run().catch((e: unknown) => core.setFailed(`buildkit-cache-action: ${(e as Error)?.message ?? String(e)}`));
}
