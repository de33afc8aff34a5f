// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  // The web client's .tsx files too (they were left out of the lint before).
  { files: ['**/*.ts', '**/*.tsx'] },
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/dist/**', 'apps/web/vite.config.mts', 'data/**', 'coverage/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // A committed .only silences the rest of its file in CI.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']", message: 'Focused tests (.only) must not be committed.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../libs/*', '../../../libs/*'], message: 'Import libraries through their @agm/* alias.' }] }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', 'typeorm', 'socket.io', 'socket.io/*', 'pg', '@agm/persistence', '@agm/config'], message: 'libs/domain is pure TypeScript: no framework, database or I/O imports.' }] }],
    },
  },
);
