// One Jest config, three projects: unit specs beside the code, integration and e2e under test/.
// `npm test` runs all three; `--selectProjects unit|integration|e2e` runs one.
const moduleNameMapper = {
  '^@agm/(domain|persistence|contracts|config)$': '<rootDir>/libs/$1/src',
  '^@agm/(domain|persistence|contracts|config)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const common = { rootDir: __dirname, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform };

module.exports = {
  // Starting the embedded database takes seconds; a test that hangs still fails after a minute.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
