// `npm run test:equivalence`: the fast stepper against XState on 100,000 random case files (tests/equivalence),
// kept out of `npm test` (which runs 2,000 of them in tests/engine/fastStepper.test.ts); .ci/run runs both.
// Node only: no Svelte, no build plugins; the scenarios read the compiled message catalogue.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/i18n/paraglide',
      strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
    }),
  ],
  test: {
    name: 'equivalence',
    environment: 'node',
    include: ['tests/equivalence/**/*.equivalence.ts'],
    testTimeout: 600_000,
    maxWorkers: Math.max(1, availableParallelism()),
  },
});
