// One config, two projects: unit specs beside the code, end-to-end suites in test/ against the real
// PostgreSQL and Redis (test/setup/global-setup.ts makes a database and key prefix for this run).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

module.exports = {
  // The e2e suites boot the API, the worker and Chromium against real services; on a shared 2-core
  // machine a boot alone can pass Jest's 5 s default, and a hook that times out mid-boot leaves the app
  // open and Jest waiting for ever. No test asserts on time, so this is only a ceiling. (A global option:
  // Jest ignores testTimeout inside a project.)
  testTimeout: 60_000,
  // `npm test` runs every suite in turn in one worker process (--maxWorkers=1: the suites share one
  // database and key prefix). Each suite's sandbox stays in memory after it ends (about 45 MB for an e2e
  // suite: a heap snapshot shows a V8 template cache holding a function of its context, not our code), so
  // one process grew to ~4 GB over the run and once ran out. A worker that holds more than this after a
  // suite is replaced by a fresh one before the next. (With a limit set Jest always uses a worker, never
  // the band.)
  workerIdleMemoryLimit: '2GB',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
