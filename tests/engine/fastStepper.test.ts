// The fast stepper must give XState's own runs: 2,000 random case files here (100,000 in `npm run
// test:equivalence`), every acceptance fixture and every built-in scenario.
import { describe, expect, it } from 'vitest';
import { parseCaseText } from '../../machines/case/validate';
import { fastStepper } from '../../machines/case/fastStepper';
import { toFacts } from '../../machines/case/facts';
import { SCENARIOS } from '../../src/scenarios';
import { loadFixtures } from '../fixtures/cases/load';
import { makeCase } from '../machines/cases';
import { caseFileArbitrary } from '../machines/arbitraries';
import { checkRandomCases, cohortChildArbitrary, expectSameRun } from '../equivalence/compare';

describe('fast stepper ≡ XState', () => {
  it.each(loadFixtures().map((f) => [f.name, f.caseText] as const))('fixture %s: same run', (_name, text) => {
    const parsed = parseCaseText(text);
    if (!parsed.ok) throw new Error('fixture does not parse');
    expectSameRun(parsed.value);
  });

  it.each(SCENARIOS.map((s) => [s.id, s.case] as const))('scenario %s: same run', (_id, caseFile) => {
    expectSameRun(caseFile);
  });

  it('gives 1,000 random case files over every field the same run', () => {
    checkRandomCases(caseFileArbitrary, 1_000);
  });

  it('gives 1,000 random cohort children (every set, date, practice and reform) the same run', () => {
    checkRandomCases(cohortChildArbitrary, 1_000);
  });

  it('refuses a snapshot it did not make, naming the stepper', () => {
    const { facts, rules } = toFacts(makeCase());
    const [first] = fastStepper.initial({ facts, rules });
    const foreign = { status: 'active' as const, context: first!.snapshot.context, activeIds: first!.snapshot.activeIds };
    expect(() => fastStepper.next(foreign, { type: 'statement.given', day: 1 })).toThrow(/fastStepper/);
  });
});
