// Part 3 of 4 of the proof that the fast stepper is the machine: 25,000 random case files (half hand-written
// over every field, half cohort children of every shipped set, date, practice and reform), each run through XState
// and the fast stepper, with identical runs required (trace and steps). `npm run test:equivalence` runs all four.
import { describe, it } from 'vitest';
import { anyCaseArbitrary, checkRandomCases } from './compare';

describe('fast stepper ≡ XState (part 3 of 4)', () => {
  it('gives 25,000 random case files the same run', () => {
    checkRandomCases(anyCaseArbitrary, 25_000);
  });
});
