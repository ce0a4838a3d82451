'use strict';
// The e2e project's setup, in every test file: when the global setup found no engine and could not
// provision one (not Debian, not root) outside CI, every end-to-end test is *skipped*, and jest's
// summary counts it so, instead of passing without having run. The reason is printed once by the
// global setup. Under CI=true a missing engine fails the run there instead.
/* global it */
if (process.env.BKCA_E2E_SKIP) {
  const skip = it.skip;
  const skipped = Object.assign((...args) => skip(...args), {
    each: skip.each,
    skip,
    only: skip,
    failing: skip,
    concurrent: skip,
    todo: it.todo,
  });
  globalThis.it = skipped;
  globalThis.test = skipped;
}
