// Unit tests are pure and fast; e2e tests drive the bundled action (dist/) against the real engine and
// the local registry / cache service, so they run one file at a time (--runInBand).
// ts-jest transpiles file by file (tsconfig's isolatedModules); `tsc --noEmit` type-checks the whole.
const transform = { '^.+\\.ts$': ['ts-jest', {}] };
module.exports = {
  testTimeout: 300000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts', '<rootDir>/test-services/**/*.test.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      // Provisions the engine when none answers (scripts/engine.js); unit-only runs skip it.
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.js',
      // No engine outside CI: every test shows as skipped, not passed.
      setupFilesAfterEnv: ['<rootDir>/__tests__/e2e/skip-without-engine.js'],
      transform,
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
    },
  ],
};
