// The GitHub Actions cache client, run as a child process of main (src/stores/github-cache/worker.ts says why).
import { runWorker } from '../stores/github-cache/worker-main';

runWorker().catch((e: unknown) => {
  process.stdout.write(
    `bkca-cache-result:${JSON.stringify({ error: String((e as Error)?.message ?? e) })}\n`,
  );
});
