import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

/**
 * The engine is the pure core: no React, no DOM, no app or worker imports, and no way to reach
 * the network. These rules make that a lint error (the idea of tldraw's and excalidraw's core
 * packages), so "nothing leaves the browser" is checked, not promised.
 */
const ENGINE_BANNED_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator', 'document', 'window', 'localStorage', 'sessionStorage', 'indexedDB', 'importScripts'].map(
  (name) => ({ name, message: 'src/engine is pure: no network, storage or DOM access.' }),
);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'scratch', 'test-results', 'test/e2e/artifacts', 'coverage', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Regular expressions run on user text (a pasted note, a CSV row): no super-linear
    // backtracking or moves (issue 19), plus the plugin's recommended checks.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { regexp },
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      'regexp/no-super-linear-backtracking': ['error', { report: 'certain' }],
      'regexp/no-super-linear-move': ['error', { report: 'certain', ignoreSticky: false, ignorePartial: false }],
      // Off on purpose: an unread capture costs nothing in matching time or safety, and the
      // engine's ~100 trigger expressions name their groups by position for readability.
      'regexp/no-unused-capturing-group': 'off',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts', 'src/kb/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', ...ENGINE_BANNED_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*', 'comlink'], message: 'src/engine is pure: no UI libraries.' },
            { group: ['**/app/**', '**/worker/**', '**/cli/**'], message: 'src/engine may not import the app, the worker or the CLI.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'], message: 'src/engine runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      // Issue 14: small stages. No function over 80 lines or above cyclomatic complexity 25.
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      complexity: ['error', 25],
    },
  },
  {
    // The knowledge base is data and types only: it never imports the engine.
    files: ['src/kb/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*', 'comlink'], message: 'src/kb is data: no UI libraries.' },
            { group: ['**/engine/**', '**/engine', '**/app/**', '**/worker/**', '**/cli/**'], message: 'src/kb is data and types only: it never imports the engine, the app, the worker or the CLI.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'], message: 'src/kb runs in the browser too: no Node built-ins.' },
            { regex: '^zod(/|$)', message: "Import z from src/kb/zod.ts (zod configured jitless before any schema is built; issue 19), never from 'zod'." },
          ],
        },
      ],
    },
  },
  {
    // The one place that imports zod itself (and configures it).
    files: ['src/kb/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
