// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries: the folder says where code runs (see ../shared/STYLE.md). */
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'stream',
  'stream/*',
  'url',
  'util',
  'module',
];
const noPlatformInShared = {
  patterns: [
    { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
    {
      group: [
        'electron',
        'electron/*',
        'better-sqlite3',
        'react',
        'react-dom',
        'react-dom/*',
        'recharts',
        'yauzl',
        'csv-parse',
        'tsx',
        'tsx/*',
      ],
      message: 'shared/ is pure TypeScript: no platform packages.',
    },
    {
      group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'],
      message: 'shared/ must not import from electron/ or renderer/.',
    },
  ],
};
const rendererBoundary = {
  patterns: [
    { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
    {
      group: ['electron', 'electron/*', 'better-sqlite3', 'yauzl', 'csv-parse'],
      message: 'renderer/ talks to main only through the contract (renderer/src/platform.ts).',
    },
    {
      group: ['**/electron/**', '../../electron', '../electron'],
      message: 'renderer/ must not import from electron/: use the contract.',
    },
  ],
};
const electronBoundary = {
  patterns: [
    {
      group: ['**/renderer/**', 'react', 'react-dom', 'react-dom/*', 'recharts'],
      message: 'electron/ must not import the renderer or React.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      '.tsbuild/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.data/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // A function that grows past ~60 lines is split by meaning (README, "How it is built"); this catches
    // one that was not. Tests are lists of cases and may run longer.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'bench/*.ts', 'bench/ui/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', noPlatformInShared],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'URL', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', rendererBoundary] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', electronBoundary] },
  },
  {
    // The report's HTML is rendered with React to static markup (escaping by construction), so
    // this folder may use React and react-dom/server — still never the renderer or its charts.
    files: ['electron/services/report/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', 'recharts', 'react-dom/*', '!react-dom/server'],
              message: 'The report renders with react-dom/server only.',
            },
          ],
          paths: [{ name: 'react-dom', message: 'The report renders with react-dom/server only.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
);
