// Browser tests: the real api serving the built SPA, driven in Debian's headless Chromium by
// playwright-core. `npm run test:browser`. Without /usr/bin/chromium every test skips with a message.
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');
const moduleNameMapper = {
  '^@agm/(domain|persistence|contracts|config)$': '<rootDir>/libs/$1/src',
  '^@agm/(domain|persistence|contracts|config)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };

module.exports = {
  rootDir,
  displayName: 'browser',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/test/browser/build-web.global-setup.js',
  // A browser, a server and an embedded database per file: give each test room.
  testTimeout: 120000,
};
