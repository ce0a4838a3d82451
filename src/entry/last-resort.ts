/**
 * The net for anything main or post did not report themselves. Written by hand rather than with
 * the command module so that it works even when loading that failed.
 */
export const lastResort = (kind: 'error' | 'warning') => (e: unknown) => {
  process.stdout.write(`::${kind}::buildkit-cache-action: ${String((e as Error)?.message ?? e)}\n`);
  if (kind === 'error') process.exitCode = 1;
};
