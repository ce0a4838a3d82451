'use strict';
// The e2e project's globalSetup: `npm test` needs nothing else. When no engine answers, it is
// provisioned here (Debian, as root). When that cannot be done, CI=true fails the run here; elsewhere
// every e2e test is reported as skipped (skip-without-engine.js), with the reason printed once.
// `npm run test:unit` never runs this.
const { ensureEngine } = require('../../scripts/engine');

module.exports = async () => {
  const { action, env } = await ensureEngine();
  if (action === 'missing') {
    const why =
      'END-TO-END TESTS NEED THE ENGINE: no Docker engine and registry answer, and this machine cannot provision them (Debian, as root). Run: bash scripts/provision-engine.sh';
    if (process.env.CI === 'true') throw new Error(why);
    process.stderr.write(
      `\n${'!'.repeat(why.length)}\n${why}\nEvery e2e test is skipped.\n${'!'.repeat(why.length)}\n`,
    );
    process.env.BKCA_E2E_SKIP = why;
    return;
  }
  // The tests and the docker they start use the provisioned engine's environment.
  for (const [name, value] of Object.entries(env)) {
    if (name === 'PATH' || process.env[name] === undefined) process.env[name] = value;
  }
};
