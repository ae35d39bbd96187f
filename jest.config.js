// Three projects so a developer can run the fast unit tests alone (`npm run test:unit`);
// `npm test` runs all of them. Integration and e2e share one MongoDB started in globalSetup.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] };

const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration/e2e tests boot servers on a shared 2-core machine; jest 30 reads this only at the top level.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    // Every service as its own process, killed and restarted under load (a few minutes; own database).
    { ...common, displayName: 'resilience', testMatch: ['<rootDir>/tests/resilience/**/*.test.ts'] },
  ],
};
