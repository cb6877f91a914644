// ESLint: JavaScript's and typescript-eslint's recommended rules (without
// type information, so it stays quick), and eslint-plugin-astro's for the
// .astro templates. `npm run lint`, part of `npm test`. The plugins and the
// TypeScript they parse with are in tools/lint/ (see its package.json).
import js from '@eslint/js';
import globals from 'globals';
import { astro, tseslint } from './tools/lint/index.js';

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/.astro/', '**/.klaster/', '**/.klaster-cache/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    // A leading underscore names what is left unused on purpose (a property dropped by destructuring).
    rules: {
      // The content checks and the sanitiser match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // The .astro templates' frontmatter and scripts are TypeScript.
  { files: ['**/*.astro'], languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.astro'] } } },
  // The scripts the site sends to browsers.
  { files: ['packages/klaster/assets/**/*.js', 'packages/create-klaster/template/**/*.js'], languageOptions: { globals: globals.browser } },
);
