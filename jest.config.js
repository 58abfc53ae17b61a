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

/** @type {import('jest').Config} */
export default {
  projects: ['api', 'dev', 'bot', 'e2e', 'bench'].map(nodeProject),
  testTimeout: 30_000,
};
