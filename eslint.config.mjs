// typescript-eslint with type information: floating promises and non-exhaustive switches are errors.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // metadata.ts is written by the swagger plugin (npm run docs:openapi), not by hand.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'var/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'apps/api/src/openapi/metadata.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The environment is read in one place, the config class; everything else asks AppConfig.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['libs/platform/src/config/app-config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read settings from AppConfig (libs/platform/src/config/app-config.ts), the one place the environment is read' },
      ],
    },
  },
  {
    // Pages ask the slices through their doors; the data and its SQL stay in the slice that owns it.
    files: ['libs/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', '@nestjs/typeorm', 'pg'].map((name) => ({
            name,
            message: 'pages run no queries: ask the slice that owns the data through a public method of its door (@npa/<lib>)',
          })),
          patterns: [{ group: ['typeorm/*', 'pg/*'], message: 'pages run no queries: ask the slice that owns the data through its door' }],
        },
      ],
      // A page's types are the ones the slice declares (its view types), not read off its implementation.
      'no-restricted-syntax': [
        'error',
        { selector: "TSTypeReference[typeName.name='ReturnType']", message: 'use the view type the slice exports and its service declares' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
