// One jest run for the whole repository. Every workspace is ESM TypeScript, transformed by ts-jest
// without type checking (`npm run build` type-checks); workspace packages resolve to their sources
// through the `tandem-source` export condition.
const esmTypeScript = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
};

const nodeProject = (name) => ({
  ...esmTypeScript,
  displayName: name,
  rootDir: `<rootDir>/${name}`,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['tandem-source', 'node', 'node-addons'] },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
});

// The front end runs its component tests in jsdom, compiled with its own tsconfig (DOM types, JSX).
const addinProject = {
  ...esmTypeScript,
  displayName: 'addin',
  rootDir: '<rootDir>/addin',
  testEnvironment: '<rootDir>/src/testing/jsdom-environment.mjs',
  testEnvironmentOptions: { customExportConditions: ['tandem-source', 'browser', 'default'] },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['<rootDir>/src/testing/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-after-env.ts'],
};

/** @type {import('jest').Config} */
export default {
  projects: [...['api', 'dev', 'bot', 'e2e', 'bench'].map(nodeProject), addinProject],
  testTimeout: 30_000,
};
