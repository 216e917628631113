// Properties over random valid case files (fast-check): what must hold for every child the simulator can describe.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../machines/case/run';
import { parseCaseFile } from '../../machines/case/validate';
import { isEeaNationalOn } from '../../machines/rules/eea';
import type { MilestoneId } from '../../machines/case/types';
import { caseFileArbitrary } from './arbitraries';

const RUNS = 400;
const REPEATABLE: MilestoneId[] = ['registrationCertificate', 'temporaryResidenceCard'];
const OUTCOMES = ['permanentResidence', 'temporaryResidence', 'otherProcedure', 'adultTrack', 'returned', 'disappeared', 'notIdentified', 'mustLeave'];

describe('engine properties over random case files', () => {
  it('generates only valid case files (the generator is honest)', () => {
    fc.assert(fc.property(caseFileArbitrary, (c) => parseCaseFile(c).ok), { numRuns: RUNS });
  });

  it('never throws; milestones are chronological, dated, cited, and at most once unless repeatable', () => {
    fc.assert(
      fc.property(caseFileArbitrary, (c) => {
        const { trace } = stepCase(c);
        expect(OUTCOMES).toContain(trace.outcome);
        let last = '';
        const seen = new Set<MilestoneId>();
        for (const m of trace.milestones) {
          expect(m.date >= last).toBe(true);
          last = m.date;
          expect(m.basis.length > 0 && m.source.length > 0).toBe(true);
          // A provisional guardian at the border is followed by the guardian appointed on identification.
          const afterProvisional = m.id === 'guardianAppointed' && !m.provisional && trace.milestones.some((g) => g.id === 'guardianAppointed' && g.provisional);
          if (!REPEATABLE.includes(m.id) && !afterProvisional) expect(seen.has(m.id), m.id).toBe(false);
          seen.add(m.id);
        }
        expect(trace.milestones[0].id).toBe('detected');
      }),
      { numRuns: RUNS },
    );
  });

  it('never issues a temporary residence card unless all five conditions are met that day', () => {
    fc.assert(
      fc.property(caseFileArbitrary, (c) => {
        for (const step of stepCase(c).steps) {
          // The victim-status A card; the durable-solution A card does not rest on the five conditions.
          if (step.milestones.some((m) => m.id === 'temporaryResidenceCard' && m.procedure !== 'durableSolution')) {
            expect(Object.values(step.conditions).every((s) => s === 'met'), JSON.stringify(step.conditions)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never appoints a guardian outside the guardianship scope in force', () => {
    fc.assert(
      fc.property(caseFileArbitrary, (c) => {
        const trace = stepCase(c).trace;
        if (!trace.milestones.some((m) => m.id === 'guardianAppointed')) return;
        if (c.reforms?.includes('guardianForEveryChild')) return;
        expect(c.date >= '2004-05-01').toBe(true);
        if (isEeaNationalOn(c.person.nationality, c.date)) {
          expect(c.date >= '2014-12-01').toBe(true);
          expect(c.detection.indicatorsRecognised || c.detection.traffickingResidenceRequested).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('always takes the lowest age under asWritten', () => {
    fc.assert(
      fc.property(caseFileArbitrary, (c) => {
        const trace = stepCase(c).trace;
        const assessment = trace.milestones.find((m) => m.id === 'ageAssessment');
        if (!assessment || c.practice === 'asReported' || c.reforms?.includes('multiAgencyAgeAssessment')) return;
        const a = c.age!.assessment as { low?: number; exams?: { low: number }[] };
        const lowest = a.exams ? Math.min(...a.exams.map((e) => e.low)) : a.low!;
        const decision = trace.milestones.find((m) => m.id === 'identifiedAsMinor' || m.id === 'identifiedAsAdult')!;
        expect(decision.id).toBe(lowest < 18 ? 'identifiedAsMinor' : 'identifiedAsAdult');
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same case file gives the same trace', () => {
    fc.assert(
      fc.property(caseFileArbitrary, (c) => {
        expect(stepCase(structuredClone(c)).trace).toEqual(stepCase(c).trace);
      }),
      { numRuns: 100 },
    );
  });
});
