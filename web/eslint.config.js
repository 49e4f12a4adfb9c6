// ESLint flat config. The UI (src/) gets typescript-eslint's recommended rules and the React hooks
// rules, including the React Compiler ones of eslint-plugin-react-hooks 7 (purity, refs,
// set-state-in-effect, …): they catch the stale closures and render-time side effects that tests
// rarely see. The Node scripts (e2e/, perf/, scripts/) and the service worker get the plain JS rules
// with their own globals. `npm run lint` fails on warnings too, so the build cannot drift.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // schema.gen.ts is written by openapi-typescript (npm run gen:api), not by hand.
  globalIgnores(['target/', 'node_modules/', 'src/api/schema.gen.ts']),
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts', 'eslint.config.js'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // `const { password: _omit, ...visible } = patch` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // It only says the React Compiler would skip a component (useVirtualizer's), and the build
      // does not run the React Compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts whose page.evaluate/waitForFunction callbacks run inside Chromium's page.
    files: ['e2e/**/*.mjs', 'perf/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['public/sw.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.serviceworker, sourceType: 'script' },
  },
  {
    files: ['public/theme-boot.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
);
