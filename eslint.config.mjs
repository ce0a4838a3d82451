import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': 'off',
    },
  },
  // Issue 32's house rules, enforced: short functions; the runner's environment read in runner/
  // only; the whole Inputs (token and secrets included) stays in app/ and runner/ (and the entry files).
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/runner/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'read the runner in src/runner/environment.ts and take its typed values',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/**', 'src/runner/**', 'src/entry/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/runner/inputs/types'],
              importNames: ['Inputs'],
              message: 'a room below app/ takes a narrow input type of its own, not the whole Inputs',
            },
          ],
        },
      ],
    },
  },
);
