import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const subgraphs = fs
  .readdirSync(path.join(root, 'subgraphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * The boundaries of the house (README, "Architecture"), checked on resolved paths:
 * - a subgraph imports only its own folder, shared/ (which holds the contract) and packages;
 * - the gateway imports no subgraph;
 * - production code (gateway/, subgraphs/, shared/) imports nothing from tests/, bench/ or scripts/,
 *   and shared/ imports no service.
 * tests/unit/lint/boundaries.test.ts runs these rules on code that breaks each of them.
 */
export const boundaryZones = [
  ...subgraphs.map((name) => ({
    target: `./subgraphs/${name}`,
    from: '.',
    except: [`./subgraphs/${name}`, './shared', './node_modules'],
    message: `The ${name} subgraph may import only its own folder and shared/ (shared/contract for what services agree on).`,
  })),
  {
    target: './gateway',
    from: './subgraphs',
    message:
      'The gateway imports no subgraph: it reads the committed supergraph and calls subgraphs over HTTP.',
  },
  {
    target: './shared',
    from: ['./subgraphs', './gateway'],
    message: 'shared/ is below every service and imports none of them.',
  },
  {
    target: ['./gateway', './subgraphs', './shared'],
    from: ['./tests', './bench', './scripts'],
    message: 'Production code imports nothing from tests/, bench/ or scripts/.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
      // An import that resolves nowhere would slip past the boundary rule; it must not exist at all.
      'import-x/no-unresolved': ['error', { commonjs: true }],
    },
  },
);
