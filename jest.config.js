/** Two projects: the fast unit suite (node and jsdom) and the browser end-to-end suite. */
// tsconfig.json sets isolatedModules, so ts-jest transpiles each file on its own (fast; `npm run typecheck` checks types).
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
    },
  ],
};
