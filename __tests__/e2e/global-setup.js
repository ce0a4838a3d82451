'use strict';
// The e2e project's globalSetup: `npm test` needs nothing else. When no engine answers, it is
// provisioned here (Debian, as root). When that cannot be done, CI=true fails the run here; elsewhere
// every e2e test is reported as skipped (skip-without-engine.js), with the reason printed once.
// `npm run test:unit` never runs this.
const { ensureEngine } = require('../../scripts/engine');
const { ensureNode24, versionOf } = require('../../scripts/node24');
const { ensureBuildkitEndpoint } = require('../../test-services/buildkit-endpoint/endpoint');

/** In CI a missing piece fails the run; elsewhere the tests that need it say so. */
function orWarn(what, e) {
  if (process.env.CI === 'true') throw e;
  process.stderr.write(`\n!!! ${what}: ${e.message}\n`);
}

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
  // The action's steps run on Node 24, as a runner runs `using: node24` (scripts/action-runner.js).
  try {
    process.env.BKCA_ACTION_NODE = ensureNode24();
    process.stderr.write(
      `\ne2e: the action's steps run on Node ${versionOf(process.env.BKCA_ACTION_NODE)} ` +
        `(${process.env.BKCA_ACTION_NODE}); jest and the tooling on Node ${process.version}\n`,
    );
  } catch (e) {
    orWarn("no Node 24 for the action's steps", e);
  }
  // The engine's BuildKit as a plain endpoint, for the docker-container and remote driver tests.
  try {
    const { endpoint, image } = await ensureBuildkitEndpoint();
    process.env.BKCA_TEST_BUILDKIT_ENDPOINT = endpoint;
    process.env.BKCA_TEST_BUILDKIT_IMAGE = image;
  } catch (e) {
    orWarn('no BuildKit endpoint', e);
  }
};
