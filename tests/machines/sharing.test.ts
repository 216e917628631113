// Runs that share their beginning (machines/case/sharing.ts): a cohort runs case files with the same facts one
// after the other and resumes each from the deepest checkpoint of the earlier ones. Every trace must be the one
// the case file gives on its own, whichever stepper, and whichever case files came before.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunSharing, runCase } from '../../machines/case/run';
import { fastStepper } from '../../machines/case/fastStepper';
import { xstateStepper, type Stepper } from '../../machines/case/stepper';
import type { CaseFile } from '../../machines/case/types';
import { caseFileArbitrary } from './arbitraries';
import { makeCase } from './cases';
import { isSameFacts, toFacts, type Facts } from '../../machines/case/facts';

/** A case file's dated events (what varies between case files of the same facts) put on another case file. */
function withEventsOf(base: CaseFile, other: CaseFile): CaseFile {
  const { cooperation, prosecution, disappearsDay, durableSolution } = other;
  const out: CaseFile = { ...base, cooperation, disappearsDay };
  delete out.prosecution;
  delete out.durableSolution;
  if (prosecution) out.prosecution = prosecution;
  if (durableSolution) out.durableSolution = durableSolution;
  return out;
}

function expectSameTraces(cases: CaseFile[], stepper: Stepper) {
  const sharing = createRunSharing();
  const alone = cases.map((c) => runCase(c, { stepper }));
  const shared = cases.map((c) => {
    const trace = runCase(c, { stepper, sharing });
    // what the next runs resume from must not change a trace handed out already
    return { trace, asReturned: structuredClone(trace) };
  });
  shared.forEach(({ trace, asReturned }, i) => {
    if (!isDeepStrictEqual(trace, alone[i]) || !isDeepStrictEqual(asReturned, alone[i]))
      expect({ caseFile: cases[i], trace }).toStrictEqual({ caseFile: cases[i], trace: alone[i] });
  });
  return sharing.stats;
}

// Case files with one set of facts and several sets of events, a few other facts between them.
const seriesArbitrary = fc
  .tuple(caseFileArbitrary, fc.array(caseFileArbitrary, { minLength: 2, maxLength: 6 }), fc.option(caseFileArbitrary, { nil: undefined }))
  .map(([base, others, stranger]) => {
    const series = others.map((o) => withEventsOf(base, o));
    return stranger ? [...series.slice(0, 2), stranger, ...series] : series;
  });

describe('runs sharing their beginning', () => {
  it('give every case file its own trace, through the fast stepper and XState', () => {
    let resumed = 0;
    fc.assert(
      fc.property(seriesArbitrary, (cases) => {
        resumed += expectSameTraces(cases, fastStepper).resumed;
        expectSameTraces(cases, xstateStepper);
      }),
      { numRuns: 300 },
    );
    // the property is about resumed runs: they must have happened
    expect(resumed).toBeGreaterThan(1_000);
  });

  it('resume from the step where the events part, not before', () => {
    const early = makeCase({ cooperation: { statementDay: 20 }, disappearsDay: 400 });
    const later = makeCase({ cooperation: { statementDay: 20 }, disappearsDay: 200 });
    const sharing = createRunSharing();
    runCase(early, { stepper: fastStepper, sharing });
    const taken = sharing.stats.taken;
    const trace = runCase(later, { stepper: fastStepper, sharing });
    expect(trace).toStrictEqual(runCase(later, { stepper: fastStepper }));
    // the opening and the statement's steps came from the first run; the second took its own after them
    expect(sharing.stats.resumed).toBeGreaterThanOrEqual(2);
    expect(sharing.stats.taken).toBeGreaterThan(taken);
  });

  it('start afresh when the facts differ', () => {
    const sharing = createRunSharing();
    runCase(makeCase({ person: { declaredAge: 16 } }), { stepper: fastStepper, sharing });
    const other = makeCase({ person: { declaredAge: 15 } });
    expect(runCase(other, { stepper: fastStepper, sharing })).toStrictEqual(runCase(other, { stepper: fastStepper }));
    expect(sharing.stats.resumed).toBe(0);
  });

  it('take two cases as having the same facts only when every fact is the same', () => {
    const facts = toFacts(makeCase({ age: { doubted: true, assessment: { low: 16, high: 19 } } })).facts;
    expect(isSameFacts(facts, toFacts(makeCase({ age: { doubted: true, assessment: { low: 16, high: 19 } } })).facts)).toBe(true);
    for (const field of Object.keys(facts) as (keyof Facts)[]) {
      const other = { ...facts, [field]: field === 'reforms' ? ['guardianForEveryChild'] : field === 'assessment' ? { kind: 'range', low: 16, high: 20 } : `not ${String(facts[field])}` };
      expect(isSameFacts(facts, other as Facts), field).toBe(false);
    }
  });
});
