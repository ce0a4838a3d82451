'use strict';
// The e2e project's globalSetup: `npm test` needs nothing else. When no engine answers, it is
// provisioned here (Debian, as root); otherwise each test file's requireEngine explains what is
// missing, and fails under CI=true. `npm run test:unit` never runs this.
const { ensureEngine } = require('../../scripts/engine');

module.exports = async () => {
  const { env } = await ensureEngine();
  // The tests and the docker they start use the provisioned engine's environment.
  for (const [name, value] of Object.entries(env)) {
    if (name === 'PATH' || process.env[name] === undefined) process.env[name] = value;
  }
};
