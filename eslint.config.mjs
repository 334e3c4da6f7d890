import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/dev/architecture.md). A stage never reaches a front
// or the composition root; the client and the webview see only the protocol.
const STAGES = ['gateway', 'planner', 'policy', 'executor', 'records', 'explainer', 'shell', 'store'];
const stageBoundaries = [
  {
    regex: '^(\\.\\./)+(paladin|compose|server)(\\.[cm]?[jt]s)?$',
    message: 'A stage must not import the composition root (paladin.ts, compose.ts, server.ts): take what it needs from kernel.ts, protocol/ or stages.ts.',
  },
  {
    regex: '^(\\.\\./)+(cli|lsp|agents)(/.*)?$',
    message: 'A stage must not import a front (cli/, lsp/, agents/): fronts call stages through Paladin, never the other way round.',
  },
  {
    regex: '^(\\.\\./)+gateway(/(httpApi|runsApi|index)(\\.[cm]?[jt]s)?)?$|^\\./(httpApi|runsApi)(\\.[cm]?[jt]s)?$',
    message: 'A stage must not import the HTTP front (gateway/httpApi.ts, gateway/runsApi.ts or the gateway barrel): import the gateway module it needs directly.',
  },
];
const clientBoundaries = [
  {
    regex: '(^|/)server/(?!src/protocol/)',
    message: 'client/ and media/ may import only server/src/protocol/ from the server.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-artifacts/**', '.paladin-test/**', 'tmp/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Typed linting, for the rules that need types: a promise nobody awaits
    // loses its errors. node:test's test() and describe() are awaited by the runner.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['policies/*.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
    },
  },
  {
    files: STAGES.map((s) => `server/src/${s}/**/*.ts`),
    ignores: ['server/src/gateway/httpApi.ts', 'server/src/gateway/runsApi.ts', 'server/src/gateway/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: stageBoundaries }] },
  },
  {
    files: ['client/**/*.ts', 'media/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: clientBoundaries }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
