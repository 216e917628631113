/// <reference types="vitest/config" />
import { defineConfig, type PluginOption } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { availableParallelism } from 'node:os';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { inlineWorkers, noServiceWorker, singleFileHtml } from './scripts/vite/single-file.ts';

/** `vite build --mode single` (npm run build:single): one self-contained HTML file in dist-single/. */
const SINGLE = 'single';

// Served build: a service worker precaches every file of the build (lazy chunks, the cohort worker, icons),
// so after one visit the app opens and runs with the network cut. It waits for the user to accept an update.
function offlinePlugins(): PluginOption[] {
  return [
    VitePWA({
      registerType: 'prompt',
      // Registered from src/main.ts (no inline script: the CSP in index.html forbids them).
      injectRegister: false,
      // The manifest is public/manifest.webmanifest, linked from index.html.
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once (its lazy chunks then come from the cache). An update
        // still waits for the user: without skipWaiting it activates only when asked or when every tab is closed.
        clientsClaim: true,
      },
    }),
  ];
}

function singleFilePlugins(): PluginOption[] {
  return [
    inlineWorkers(),
    noServiceWorker(),
    viteSingleFile(),
    singleFileHtml({ fileName: 'victim-pathway-simulator.html', icon: 'public/icon.svg' }),
  ];
}

export default defineConfig(({ mode }) => ({
  plugins: [
    svelte(),
    // Compiles messages/*.json into tree-shakable message functions (src/i18n/paraglide, generated, not committed).
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/i18n/paraglide',
      strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
    }),
    ...(mode === SINGLE ? singleFilePlugins() : offlinePlugins()),
  ],
  ...(mode === SINGLE
    ? // Classic workers: Chromium starts a blob: worker of type module from a file:// page only as classic.
      { publicDir: false as const, build: { outDir: 'dist-single' }, worker: { format: 'iife' as const } }
    : {}),
  // Without these conditions @xstate/svelte's CJS build loads a second copy of Svelte in Vitest.
  resolve: { conditions: ['module', 'browser'] },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    // One pool for both projects (e2e files side by side too): unit files fill the time e2e files spend waiting on
    // Chromium. One worker more than cores; Vitest's default, one less, is a single worker on a 2-core machine.
    maxWorkers: availableParallelism() + 1,
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
        },
      },
    ],
  },
}));
