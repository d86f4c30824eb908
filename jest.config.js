/**
 * Jest runs two projects. `unit`: the pure core, the use cases on in-memory ports, the
 * adapters, the sidebar's logic and the emulator's own tests; no build needed, run alone
 * with `npm run test:unit`. `bundle`: the built dist/Code.js on the emulator (integration),
 * in chromium (browser), the trust suite and the bundle's shape; `npm test` builds first.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test', '<rootDir>/emulator'],
      testMatch: ['<rootDir>/test/{core,app,drive,sheets,services,sidebar}/**/*.test.ts', '<rootDir>/emulator/test/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'bundle',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/{integration,browser,trust,build,harness}/**/*.test.ts'],
    },
  ],
};
