// The recordings shipped with the app (src/engine/fast-recordings.json, `npm run recordings`): every cohort thread
// imports them before its first run instead of asking XState for its commonest steps again.
import { describe, expect, it } from 'vitest';
import { getFastStepperStats, importRecordings } from '../../machines/case/fastStepper';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { createSampler, SLOT_COUNT } from '../../src/engine/generate';
import { countChildren, resolvePaths, runPath } from '../../src/engine/orchestrate';
import shipped from '../../src/engine/fast-recordings.json';

describe('shipped fast-stepper recordings', () => {
  it('are of the current machine (else run `npm run recordings` and commit the file)', () => {
    expect(() => importRecordings(structuredClone(shipped))).not.toThrow();
  });

  it('spare a cold cohort nearly all its recordings and give it the paths XState gives', () => {
    const set = ASSUMPTION_SETS.find((s) => s.id === 'exploited-children')!;
    const sampler = createSampler(set, { asOf: '2016-03-01', practice: 'asReported', reforms: [] });
    const counted = countChildren(sampler, 21, 0, 4_000);
    const before = getFastStepperStats();
    const paths = resolvePaths(sampler, counted.choices);
    const after = getFastStepperStats();
    // the shipped file was imported (here or by the test above); the commonest steps were not recorded again
    expect(after.imported).toBeGreaterThan(2_000);
    expect(after.steps - before.steps).toBeGreaterThan(5_000);
    expect(after.recorded - before.recorded).toBeLessThan(100);
    for (let k = 0; k < 300; k++) {
      const own = runPath(sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT)), 'reference');
      expect(paths[k]).toEqual(own);
    }
  });
});
