// Lint, and the import boundaries of DEVELOPERS.md: a path tells where code runs and what it may import.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'tls', 'http', 'https', 'stream', 'url', 'util'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'e2e-artifacts/', '.bench/', '.vigie-tmp/', 'tmp-dbg/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The contract is shared with the renderer: plain types and constants, nothing that runs somewhere specific.
    files: ['shared/contract/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../*', '!./*'], message: 'shared/contract imports nothing outside itself.' },
          { group: [...nodeBuiltins, 'electron', 'react', 'react-dom'], message: 'shared/contract runs everywhere: no Node, Electron or DOM.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**'],
    ignores: ['shared/contract/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'shared/ runs outside the UI: no Electron, React or renderer import.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/shared/*', '!**/shared/contract', '!**/shared/contract/**'], message: 'renderer/ talks only to the typed API: import from shared/contract only.' },
          { group: [...nodeBuiltins, 'electron', '**/electron/**'], message: 'renderer/ runs in a sandboxed page: no Node or Electron.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ loads the renderer as a page, never imports it.' }],
      }],
    },
  },
);
