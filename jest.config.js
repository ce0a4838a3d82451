// Three tiers, each saying what it proves:
// - unit: pure code in tables, no process, server or binary; fast (`npm run test:unit`).
// - integration: the action's pieces against local servers and binaries (git, tar, the registry
//   binary the provisioning installs, Azurite, s3rver, ncc, dependency-cruiser); each provisions
//   what it needs or fails saying what is missing (`npm run test:integration`).
// - e2e: the bundled action (dist/) on the real engine, registry and cache service, one file at a
//   time (--runInBand); without an engine outside CI its tests show as skipped.
// ts-jest transpiles file by file (tsconfig's isolatedModules); `tsc --noEmit` type-checks the whole.
const transform = { '^.+\\.ts$': ['ts-jest', {}] };
module.exports = {
  testTimeout: 300000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts', '<rootDir>/test-services/**/*.test.ts'],
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
