import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.test-output/**',
      'test-results/**',
      // Code generators write (packages/server/scripts/config-validator.ts); a test checks each.
      '**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/client/**/*.ts', 'packages/lock/**/*.ts', 'demo/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/lock/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/lock/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/lock/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    // The script parts of Vue and Svelte components: their bindings are used by the template.
    files: ['packages/lock/types-test/vue.ts', 'packages/lock/types-test/svelte.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
