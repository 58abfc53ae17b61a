import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// The layers of DESIGN.md, encoded once: a wrong import is a lint error that says which layer rule it breaks.
const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const domainMayNotImport = (message) => [{ group: ['**/functions/*', '**/functions'], message }];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      'coverage/**',
      '.tandem/**',
      'e2e/artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['addin/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['api/src/scheduling/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../scheduling', '!../scheduling/*'],
              message: 'scheduling/ is the pure engine: it imports nothing from the other layers of api/.',
            },
            {
              group: ['node:*', '@azure/*', '@microsoft/*', 'fs', 'http', 'https', 'net'],
              message: 'scheduling/ is the pure engine: no I/O.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The engine never reads the clock: "now" is an input.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine never reads the clock: "now" is an input.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
          message: 'The engine never reads the clock: "now" is an input.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='local']",
          message:
            'The engine never reads the process time zone: pass a zone explicitly (DateTime.fromObject(..., { zone })).',
        },
      ],
    },
  },
  layer(
    ['api/src/booking/**', 'api/src/sync/**'],
    domainMayNotImport('Domain services never import the function triggers; triggers call services.'),
  ),
  layer(
    ['api/src/graph/**', 'api/src/store/**', 'api/src/auth/**'],
    [
      {
        group: ['**/booking/*', '**/sync/*', '**/functions/*'],
        message: 'Adapters (graph, store, auth) sit below the domain services and the triggers.',
      },
    ],
  ),
  // The bot parses queue messages and API answers with the contracts' zod schemas at runtime; contracts
  // are pure zod (no I/O, no API runtime), so importing their values keeps the bot off the API's code.
  // Its tests start the real API (the API test stack) to talk to it over HTTP.
  {
    files: ['bot/src/**'],
    ignores: ['bot/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@tandem/api(?!/contracts$)(/.*)?$',
              message:
                'The bot talks to the API over HTTP and queues: import only the contracts (@tandem/api/contracts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['addin/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tandem/api', '@tandem/api/*', '!@tandem/api/contracts'],
              message:
                'Front end and bot talk to the API over HTTP: import only type contracts (@tandem/api/contracts).',
            },
            {
              group: ['@tandem/api/contracts'],
              allowTypeImports: true,
              message: 'Only type imports of the API contracts are allowed here.',
            },
          ],
        },
      ],
    },
  },
);
