/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

export default defineConfig({
  plugins: [
    svelte(),
    // Compiles messages/*.json into tree-shakable message functions (src/i18n/paraglide, generated, not committed).
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/i18n/paraglide',
      strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
    }),
  ],
  // Without these conditions @xstate/svelte's CJS build loads a second copy of Svelte in Vitest.
  resolve: { conditions: ['module', 'browser'] },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // Two projects: fast unit/component tests, and e2e tests in real Chromium against a production build.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
