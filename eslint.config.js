import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers and what each may import (dependencies point one way: ui → worker protocol → core;
 * src/export is pure and serves the ui and the cli). The UI's one window into src/worker is the
 * protocol and the list of data files both sides fetch. That the main thread never reaches tfjs,
 * directly or through a core module, is checked on the whole import graph by
 * tests/lint/main-thread.test.ts, not by a list of file names here.
 */
const UI_LIBS = ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'recharts'];
const layer = (message, ...group) => ['error', { patterns: [{ group, message }] }];

export default tseslint.config(
  { ignores: ['dist', 'dist-e2e', 'node_modules', 'scratch', 'coverage', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Security: no string evaluation anywhere.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML from data.' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in Node, the worker and the CLI: no React, no DOM, no worker globals.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': layer('src/core imports tfjs and itself only: no UI, worker, export or CLI code.', ...UI_LIBS, '**/ui/**', '**/worker/**', '**/export/**', '**/cli/**'),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'self', 'navigator', 'location', 'localStorage', 'postMessage', 'importScripts'].map((name) => ({
          name,
          message: 'src/core runs in Node, the worker and the CLI: no DOM or worker globals.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness in core comes only from seeded counter-based streams (rng.ts).' },
      ],
    },
  },
  {
    // The main thread stays light: tfjs lives only in the worker.
    files: ['src/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], message: 'No tfjs on the main thread: it lives in the worker.' },
            { group: ['**/cli/**', '**/worker/**', '!**/worker/protocol', '!**/worker/dataFiles'], message: 'The UI talks to the worker through its protocol only.' },
          ],
        },
      ],
    },
  },
  {
    // Exports (CSV, JSON, PyTorch script) are pure: the UI and the CLI use them; they import core only, never tfjs.
    files: ['src/export/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': layer('src/export is pure (it runs on the main thread too): core only, no tfjs.', ...UI_LIBS, '@tensorflow/*', '**/ui/**', '**/worker/**', '**/cli/**'),
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
    rules: { 'no-restricted-imports': layer('The worker hosts core: no UI, export or CLI code.', ...UI_LIBS, '**/ui/**', '**/export/**', '**/cli/**') },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': layer('The CLI runs core and the exports in Node: no UI or worker code.', ...UI_LIBS, '**/ui/**', '**/worker/**') },
  },
  {
    files: ['src/cli/**/*.ts', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
