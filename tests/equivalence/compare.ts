// Both steppers on one case file: XState (the reference) and the fast stepper must give the same run, step for
// step (trace, milestones, days, attributes, conditions, outcome, assumptions, active states, transitions).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { xstateStepper } from '../../machines/case/stepper';
import { fastStepper } from '../../machines/case/fastStepper';
import type { Stepper } from '../../machines/case/stepper';
import type { CaseFile, Practice, ReformId } from '../../machines/case/types';
import { REFORM_IDS } from '../../machines/rules/rules';
import { addDays } from '../../machines/dates';
import { MODELLED_PERIOD } from '../../machines/case/validate';
import { ASSUMPTION_SETS } from '../../src/engine/assumptions';
import { createSampler, SLOT_COUNT, type Sampler } from '../../src/engine/generate';
import { caseFileArbitrary } from '../machines/arbitraries';

/** `stepper`: the fast stepper by default, or another instance of it (tests/engine/fastShare.test.ts). */
export function expectSameRun(caseFile: CaseFile, stepper: Stepper = fastStepper): void {
  const reference = stepCase(caseFile, { stepper: xstateStepper });
  const fast = stepCase(caseFile, { stepper });
  // The quick check first; on a difference, vitest's diff names it.
  if (!isDeepStrictEqual(fast, reference)) expect({ caseFile, run: fast }).toStrictEqual({ caseFile, run: reference });
}

const samplers = new Map<string, Sampler>();
function samplerFor(setIndex: number, asOf: string, practice: Practice, reforms: ReformId[]): Sampler {
  const key = JSON.stringify([setIndex, asOf, practice, reforms]);
  let sampler = samplers.get(key);
  if (!sampler) {
    if (samplers.size > 2_000) samplers.clear();
    sampler = createSampler(ASSUMPTION_SETS[setIndex]!, { asOf, practice, reforms });
    samplers.set(key, sampler);
  }
  return sampler;
}

const DAYS_MODELLED = Math.round((Date.parse(MODELLED_PERIOD.to) - Date.parse(MODELLED_PERIOD.from)) / 86_400_000);

/** A child of a cohort: any shipped assumption set, any detection date of the modelled period, practice and reforms. */
export const cohortChildArbitrary: fc.Arbitrary<CaseFile> = fc
  .record({
    set: fc.integer({ min: 0, max: ASSUMPTION_SETS.length - 1 }),
    // A few dates only per run, so children share samplers; each run draws other ones.
    day: fc.integer({ min: 0, max: DAYS_MODELLED }),
    practice: fc.constantFrom<Practice>('asWritten', 'asReported'),
    reforms: fc.subarray(REFORM_IDS as ReformId[]),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    index: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map((r) => {
    const sampler = samplerFor(r.set, addDays(MODELLED_PERIOD.from, r.day), r.practice, r.reforms);
    const choices = new Int32Array(SLOT_COUNT);
    sampler.sample(r.seed, r.index, choices);
    return sampler.toCase(choices);
  });

/** Hand-written case files over every field (tests/machines/arbitraries.ts) and cohort children, half each. */
export const anyCaseArbitrary: fc.Arbitrary<CaseFile> = fc.oneof(caseFileArbitrary, cohortChildArbitrary);

export function checkRandomCases(arbitrary: fc.Arbitrary<CaseFile>, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (caseFile) => expectSameRun(caseFile)),
    { numRuns },
  );
}
