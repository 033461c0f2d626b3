// Lint: typescript-eslint's strict, type-checked rules over the server, the client and the tests;
// plain recommended rules over the Node scripts. Formatting belongs to Prettier (`npm run format`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'client/dist/', 'data/', 'coverage/', 'test-output/', 'content/', 'deploy/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.test.json', './client/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Template literals with numbers are how messages and keys are built throughout.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // NestJS modules and DTOs are classes by design (decorators hang on them).
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // `() => setState(x)` is how Preact handlers and promise callbacks are written; a void-returning
      // body in braces or a statement position is still flagged.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Game state is a plain JSON document (stored as is in Redis and the journal): its keyed
      // collections are records, not Maps, and deleting a key is how an entry leaves them.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // NestJS declares its option bags (NestApplicationContextOptions…) as classes and documents
      // passing object literals; nothing there depends on a prototype.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // In a test, `value!` is an assertion: a missing value fails the test on the next line.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // In-memory adapters of async ports (and test fakes of them) stay `async` without awaiting:
    // a throw must reach the caller as a rejection, exactly as from the Redis or file adapter.
    files: ['src/**/memory-*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Preact ignores what an event handler returns; the client's async handlers report their own
    // failures on screen. Promises passed anywhere else are still checked.
    files: ['client/src/**/*.tsx'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
