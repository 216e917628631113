// fast-check generators of valid case files, spanning the modelled period, every field and option.
import fc from 'fast-check';
import type { CaseFile, ReformId } from '../../machines/case/types';
import { REFORM_IDS } from '../../machines/rules/rules';
import { addDays } from '../../machines/dates';

const day = fc.integer({ min: 0, max: 2500 });
const maybeDay = fc.option(day, { nil: null });
const NATIONALITIES = ['NG', 'RO', 'BG', 'HR', 'AL', 'MA', 'AF', 'GB', 'VN', 'ER', 'PL', 'CH', 'NO', 'SY'];

const range = fc
  .tuple(fc.double({ min: 10, max: 30, noNaN: true }), fc.double({ min: 0, max: 6, noNaN: true }))
  .map(([low, width]) => ({ low: Math.round(low * 10) / 10, high: Math.round((low + width) * 10) / 10 }));

const assessment = fc.oneof(
  range,
  fc
    .tuple(range, range, range)
    .map(([d, w, c]) => ({ exams: [{ exam: 'dental' as const, ...d }, { exam: 'wrist' as const, ...w }, { exam: 'collarbone' as const, ...c }] })),
  fc.constant({ refused: true as const }),
);

export const caseFileArbitrary: fc.Arbitrary<CaseFile> = fc
  .record({
    date: fc.integer({ min: 0, max: 35 * 365 }).map((d) => addDays('1995-01-01', d)),
    practice: fc.constantFrom('asWritten' as const, 'asReported' as const),
    reforms: fc.subarray(REFORM_IDS as ReformId[]),
    declaredAge: fc.integer({ min: 8, max: 25 }),
    nationality: fc.constantFrom(...NATIONALITIES),
    sex: fc.constantFrom('female' as const, 'male' as const, 'other' as const),
    place: fc.constantFrom('territory' as const, 'border' as const),
    region: fc.constantFrom('brussels' as const, 'flanders' as const, 'wallonia' as const),
    exploitation: fc.constantFrom('sexual' as const, 'labour' as const, 'criminal' as const, 'begging' as const, 'unknown' as const, 'none' as const),
    indicatorsRecognised: fc.boolean(),
    asylumApplication: fc.boolean(),
    traffickingResidenceRequested: fc.boolean(),
    doubted: fc.boolean(),
    assessment: fc.option(assessment, { nil: undefined }),
    interviewFindsMinor: fc.option(fc.boolean(), { nil: undefined }),
    statementDay: maybeDay,
    ties: fc.oneof(fc.boolean(), day.map((d) => ({ contactResumedDay: d }))),
    publicOrderRisk: fc.boolean(),
    prosecution: fc.option(
      fc.record({
        outcome: fc.constantFrom('conviction' as const, 'acquittal' as const, 'dismissed' as const, 'pending' as const),
        day,
        requisitionsRetainTrafficking: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    disappearsDay: maybeDay,
    durableSolution: fc.option(
      fc.record({ requestedDay: day, decision: fc.constantFrom('stay' as const, 'return' as const, 'reunification' as const) }),
      { nil: undefined },
    ),
    horizonDays: fc.option(fc.integer({ min: 30, max: 3000 }), { nil: undefined }),
  })
  .map((r) => ({
    format: 'pathway-case/1' as const,
    date: r.date,
    practice: r.practice,
    reforms: r.reforms,
    person: { declaredAge: r.declaredAge, nationality: r.nationality, sex: r.sex },
    detection: {
      place: r.place,
      region: r.region,
      exploitation: r.exploitation,
      indicatorsRecognised: r.indicatorsRecognised,
      asylumApplication: r.asylumApplication,
      traffickingResidenceRequested: r.traffickingResidenceRequested,
    },
    age: { doubted: r.doubted, ...(r.assessment ? { assessment: r.assessment } : {}), ...(r.interviewFindsMinor !== undefined ? { interviewFindsMinor: r.interviewFindsMinor } : {}) },
    cooperation: { statementDay: r.statementDay },
    tiesCut: r.ties,
    publicOrderRisk: r.publicOrderRisk,
    ...(r.prosecution ? { prosecution: r.prosecution } : {}),
    disappearsDay: r.disappearsDay,
    ...(r.durableSolution ? { durableSolution: r.durableSolution } : {}),
    ...(r.horizonDays ? { horizonDays: r.horizonDays } : {}),
  }));
