// Lint, and the import boundaries of ARCHITECTURE.md: a path tells where code runs and what it may import.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'tls', 'http', 'https', 'stream', 'url', 'util'];

const outsideUi = { group: ['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'shared/ runs outside the UI: no Electron, React or renderer import.' };
/** Each layer of shared/ (but the contract, which imports nothing) and the layers above it, which it may not import. */
// shared/testing (synthetic schools, the evaluation against their truth) stands beside the engine it drives.
const LAYERS_ABOVE = { engine: ['app', 'host', 'cli'], testing: ['app', 'host', 'cli'], app: ['host', 'cli'], host: ['cli'], cli: [] };
const TEST_SUPPORT = ['shared/testing/**'];
const testSupportRule = { group: ['**/testing/**'], message: 'shared/testing (synthetic schools, evaluation) is test and bench support: only tests, build/, integration/ and e2e/ import it (ARCHITECTURE.md).' };
const layerRule = (layer, above) => above.length === 0 ? [] : [{
  group: above.map((l) => `**/${l}/**`),
  message: `shared/${layer} may not import ${above.map((l) => `shared/${l}`).join(', ')}: contract ← engine ← app ← host, cli (ARCHITECTURE.md).`,
}];
const restrictedImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
  // The layers inside shared/ (ARCHITECTURE.md): contract ← engine ← app ← host, cli. Each imports only the layers
  // on its left. Synthetic schools and the evaluation against their truth (shared/testing) are test and bench
  // support, not engine: tests (and they themselves) may import them, production code may not. One block per layer
  // and kind of file, as a later block's no-restricted-imports replaces an earlier one's.
  ...Object.entries(LAYERS_ABOVE).flatMap(([layer, above]) => [
    { files: [`shared/${layer}/**`], rules: restrictedImports(outsideUi, ...layerRule(layer, above), testSupportRule) },
    { files: [`shared/${layer}/**/*.test.ts`, ...TEST_SUPPORT.filter((f) => f.startsWith(`shared/${layer}/`))], rules: restrictedImports(outsideUi, ...layerRule(layer, above)) },
  ]),
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
