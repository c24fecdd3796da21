import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Files in src/core and src/ui that must not pull tfjs into the main thread. The `!` entries are the
 * pure modules of core/tasks: the specs, the picture types, the asset list, and the data modules
 * (formats, corpora, the packed lexicon, the grammar) that the PyTorch export embeds,
 * and the optimizers' pure modules: their specs and PyTorch templates.
 */
const TASKS_PURE = [
  'specs', 'picture', 'assets', 'torch', 'shared/spec', 'shared/assets', '*/spec', '*/torch',
  'digits/data', 'sentiment/checkpoint', 'sentiment/corpus', 'sentiment/lexicon', 'char-lm/grammar', 'char-lm/text',
  // MOVED(issue-11): the old paths, re-exports until the merge.
  'checkpoint', 'corpus', 'data', 'data/lexicon', 'digitData', 'grammar',
];
const TFJS_CORE = [
  '**/core/runner', '**/core/run/runner', '**/core/tasks', '**/core/tasks/**', '**/core/optimizers/**', '**/core/perturb', '**/core/index', '**/core/kernels/**',
  // Folders are re-included so that the pure files inside them can be (gitignore's rule); the
  // folder's own name stays restricted, as an import of it is the tfjs-backed index.
  '!**/core/tasks/', '!**/core/tasks/*/',
  ...TASKS_PURE.map((name) => `!**/core/tasks/${name}`),
  // (`*/` re-opens the per-optimizer folders, whose implementations the line above still restricts.)
  ...['specs', 'params', 'hyper', 'two-point-spec', 'torch', '*/', '*/spec'].map((name) => `!**/core/optimizers/${name}`),
];

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
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react/*', 'zustand', 'recharts', '**/ui/**', '**/worker/**'], message: 'src/core stays free of UI and worker code.' }] },
      ],
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
            { group: TFJS_CORE, message: 'This core module imports tfjs; the UI may use only pure core modules.' },
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'recharts', '**/ui/**', '**/worker/**', '**/cli/**'], message: 'src/export imports core only.' },
            { group: ['@tensorflow/*', ...TFJS_CORE], message: 'src/export also runs on the main thread: no tfjs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['src/cli/**/*.ts', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
