import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const forbiddenInCore = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*'], message: 'src/core is pure: no UI imports.' },
    { group: ['fastify', '@fastify/*', 'kysely', 'pg', 'better-sqlite3'], message: 'src/core is pure: no server or storage imports.' },
    { group: ['node:*'], message: 'src/core is pure: no Node APIs.' },
    { group: ['**/server/**', '**/web/**', '**/contract/**'], message: 'src/core must not depend on outer layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', forbiddenInCore],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch', 'process'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` into src/core instead of reading the clock.' },
        { object: 'Math', property: 'random', message: 'src/core is deterministic: derive variety from the date.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` into src/core instead of reading the clock.' }],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**', 'react', 'fastify'], message: 'The contract is shared: no server or UI imports.' }] }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'fastify', 'kysely', 'pg', 'better-sqlite3', 'node:*'], message: 'The web app runs in the browser.' }] }],
    },
  },
);
