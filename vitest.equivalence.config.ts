// `npm run test:equivalence`: the fast stepper against XState on 100,000 random case files (tests/equivalence),
// kept out of `npm test` (which runs 2,000 of them in tests/engine/fastStepper.test.ts); .ci/run runs both.
import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

const { test: _unitAndE2e, ...shared } = viteConfig;
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      name: 'equivalence',
      environment: 'node',
      include: ['tests/equivalence/**/*.equivalence.ts'],
      testTimeout: 600_000,
      maxWorkers: Math.max(1, availableParallelism()),
    },
  }),
);
