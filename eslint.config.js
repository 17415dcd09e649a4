// ESLint: the recommended rules of ESLint and typescript-eslint, and the project's boundaries as rules
// (docs/architecture.md): the core `shared/` is pure TypeScript, and adapters never import each other.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that reach a folder by relative path, whatever the depth. */
const folder = (name) => [`../${name}/*`, `../../${name}/*`, `../../../${name}/*`, `../../../../${name}/*`];

/** What no file of the core may import: the platform, the hosts and the adapters. */
const notInCore = {
  patterns: [
    { group: ['node:*'], message: 'shared/ is pure: no Node built-ins (an adapter passes what the core needs).' },
    { group: ['@azure/*'], message: 'shared/ is pure: Azure belongs to functions/.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*'], message: 'shared/ is pure: UI belongs to addin/.' },
    { group: ['exceljs', 'jszip', 'fflate', 'saxes'], message: 'shared/ is pure: workbook files belong to xlsx/.' },
    {
      group: [...folder('xlsx'), ...folder('addin'), ...folder('functions'), ...folder('cli')],
      message: 'shared/ imports nothing outside shared/: adapters depend on the core, never the reverse.',
    },
  ],
};

/** Globals of a host that the core must not touch. */
const hostGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'Office', 'Excel', 'process', 'Buffer', 'require', '__dirname'].map(
  (name) => ({ name, message: 'shared/ is pure: host globals belong to an adapter.' }),
);

/** Rooms of the core a room must not import (what it may import: docs/architecture.md); `typesOnly`: only `import type`. */
const rooms = (forbidden, why, typesOnly = []) => ({
  patterns: [
    { group: forbidden.map((name) => `../${name}/*`), message: why },
    ...typesOnly.map((name) => ({ group: [`../${name}/*`], allowTypeImports: true, message: `${why} Only the types of shared/${name}/ may be imported.` })),
  ],
});

/** An adapter may use the core (and the ones listed), never another adapter. */
const adapter = (forbidden, why) => ({
  patterns: [{ group: forbidden.flatMap(folder), message: why }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'scripts/**', 'bench/**', 'test/**', 'cli/**', 'functions/**', 'examples/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS files (cli/start.cjs runs the prebuilt command line with a V8 code cache, which node:vm has for scripts only).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['addin/**'],
    languageOptions: { globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly' } },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', notInCore], 'no-restricted-globals': ['error', ...hostGlobals] },
  },
  {
    // Inside the core the flow runs one way: read (sheet) → rules → summary → report. A room never imports a
    // later one; the register upload is a use case no room depends on.
    files: ['shared/sheet/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        rooms(['summary', 'report', 'register', 'api'], 'shared/sheet/ reads staff sheets: it depends on model, plan, rules and calendar only.'),
      ],
    },
  },
  {
    files: ['shared/summary/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        rooms(['sheet', 'report', 'register'], 'shared/summary/ is arithmetic over results: it depends on model, plan, rules and calendar only.', ['api']),
      ],
    },
  },
  {
    files: ['shared/report/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        rooms(['register'], 'shared/report/ lays out report sheets from model, plan, rules, summary, calendar and sheet.', ['api']),
      ],
    },
  },
  {
    files: ['xlsx/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        adapter(['addin', 'functions', 'cli'], 'xlsx/ (workbook files, used by the CLI and browser mode) depends only on shared/.'),
      ],
    },
  },
  {
    files: ['functions/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        adapter(['addin', 'cli', 'xlsx'], 'functions/ (the API) depends only on shared/: it never sees a workbook or the task pane.'),
      ],
    },
  },
  {
    files: ['cli/**'],
    rules: {
      'no-restricted-imports': ['error', adapter(['addin', 'functions'], 'cli/ depends on shared/ and xlsx/ only; it reaches the API over HTTP.')],
    },
  },
  {
    files: ['addin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        adapter(['functions', 'cli'], 'addin/ depends on shared/ and xlsx/ (browser mode) only; it reaches the API over HTTP.'),
      ],
    },
  },
);
