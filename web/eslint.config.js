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

// UI text goes through the catalogues (src/i18n/README.md): words written straight into JSX, or into
// the attributes a person reads or hears, would stay English in every language.
const READ_ATTRIBUTES = new Set(['title', 'placeholder', 'alt', 'aria-label', 'aria-description', 'label']);
const WORDS = /\p{L}{2,}/u;
const i18n = {
  rules: {
    'no-literal-text': {
      meta: { type: 'problem', messages: { literal: 'UI text "{{text}}" belongs in a strings.ts catalogue (src/i18n/README.md)' } },
      create(context) {
        const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
        return {
          JSXText(node) {
            if (WORDS.test(node.value)) report(node, node.value);
          },
          JSXAttribute(node) {
            const value = node.value;
            if (value?.type === 'Literal' && typeof value.value === 'string' && READ_ATTRIBUTES.has(node.name.name) && WORDS.test(value.value)) {
              report(node, value.value);
            }
          },
        };
      },
    },
  },
};

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
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx'],
    plugins: { i18n },
    rules: { 'i18n/no-literal-text': 'error' },
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
