// The cohort's fast path against XState: runs of the same facts share their beginnings (machines/case/sharing.ts)
// in the order the cohort runs them (facts-sorted representatives, resolvePaths). Random cohorts of every shipped
// set, detection date, practice and reform; each distinct case file's trace must be XState's for it, run alone.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunSharing, runCase } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import { xstateStepper } from '../../machines/case/stepper';
import type { Practice, ReformId } from '../../machines/case/types';
import { REFORM_IDS } from '../../machines/rules/rules';
import { addDays } from '../../machines/dates';
import { MODELLED_PERIOD } from '../../machines/case/validate';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { createSampler, SLOT_COUNT } from '../../src/engine/generate';
import { byFacts, countChildren } from '../../src/engine/orchestrate';

const DAYS_MODELLED = Math.round((Date.parse(MODELLED_PERIOD.to) - Date.parse(MODELLED_PERIOD.from)) / 86_400_000);

describe('shared runs ≡ XState', () => {
  it('gives 20,000 distinct case files of random cohorts, run in the cohort’s order, XState’s traces', () => {
    let checked = 0;
    let resumed = 0;
    let endingsReused = 0;
    fc.assert(
      fc.property(
        fc.record({
          set: fc.integer({ min: 0, max: ASSUMPTION_SETS.length - 1 }),
          day: fc.integer({ min: 0, max: DAYS_MODELLED }),
          practice: fc.constantFrom<Practice>('asWritten', 'asReported'),
          reforms: fc.subarray(REFORM_IDS as ReformId[]),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        (r) => {
          if (checked >= 20_000) return;
          const sampler = createSampler(ASSUMPTION_SETS[r.set]!, { asOf: addDays(MODELLED_PERIOD.from, r.day), practice: r.practice, reforms: r.reforms });
          const counted = countChildren(sampler, r.seed, 0, 1_500);
          const sharing = createRunSharing();
          const row = new Int32Array(SLOT_COUNT);
          for (const k of byFacts(sampler, counted.choices, counted.keys.length)) {
            const caseFile = sampler.toCase(sampler.representative(counted.choices, k, row));
            const fast = runCase(caseFile, { stepper: fastStepper, sharing });
            const reference = runCase(sampler.toCase(counted.choices.subarray(k * SLOT_COUNT, (k + 1) * SLOT_COUNT)), { stepper: xstateStepper });
            if (!isDeepStrictEqual(fast, reference)) expect({ caseFile, trace: fast }).toStrictEqual({ caseFile, trace: reference });
            checked++;
          }
          resumed += sharing.stats.resumed;
          endingsReused += sharing.stats.endingsReused;
        },
      ),
      { numRuns: 80 },
    );
    expect(checked).toBeGreaterThanOrEqual(20_000);
    // most runs resumed (the property is about them)
    expect(resumed).toBeGreaterThan(checked / 2);
    // and some ended where an earlier run had, handing back its trace
    expect(endingsReused).toBeGreaterThan(10);
  });
});
