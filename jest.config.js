/**
 * Jest runs in native ESM mode: NestJS 12 ships ESM only.
 * Two tiers: `unit` needs no services and runs in seconds; `e2e` drives real sockets, real Redis,
 * built server processes and Chromium (contract suites run on Redis, so they belong here too).
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/src', '<rootDir>/test'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
};

export default {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.contract\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts', '**/*.contract.spec.ts'],
    },
  ],
};
