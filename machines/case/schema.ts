// The case file ("pathway-case/1", see case-format.md) as a valibot schema: the one definition. `CaseFile` is
// its inferred type; the bounds and defaults beside it are in defaults.ts. Every message names its field and
// every list is bounded before its items are read, so a huge or hostile input is refused in linear time.
import * as v from 'valibot';
import { isValidIsoDate } from '../dates';
import { ISO_COUNTRIES } from '../rules/countries';
import { REFORM_IDS } from '../rules/rules';
import { CASE_BOUNDS, CASE_FORMAT, MODELLED_PERIOD } from './defaults';
import { boundedList, EXPECTED_BOOLEAN, EXPECTED_OBJECT } from './issues';

const { maxDay, maxAge, maxExams, maxTitleLength, maxReforms } = CASE_BOUNDS;
const OBJECT = EXPECTED_OBJECT;
const BOOLEAN = EXPECTED_BOOLEAN;
const oneOf = (values: readonly string[]) => `expected ${values.map((x) => `"${x}"`).join(', ')}`;
const choice = <const T extends readonly [string, ...string[]]>(values: T) => v.picklist(values, oneOf(values));

// Days count from detection (day 0). An act after the horizon is accepted: it falls outside the period the
// case is followed, and the trace says nothing of it (the CLI always ran such files; the form now agrees).
const day = v.pipe(
  v.number('expected a number of days'),
  v.integer('expected a whole number of days'),
  v.minValue(0, 'cannot be before detection (day 0)'),
  v.maxValue(maxDay, `more than ${maxDay} days (30 years) after detection`),
);
const age = v.pipe(
  v.number('expected a number'),
  v.minValue(0, 'an age cannot be negative'),
  v.maxValue(maxAge, `an age above ${maxAge} is not plausible here`),
);
const isoDate = v.pipe(v.string('expected a date (YYYY-MM-DD)'), v.check(isValidIsoDate, 'expected a real date written YYYY-MM-DD'));

const rangeEntries = { low: age, high: age };
export const EXAM_KINDS = ['dental', 'wrist', 'collarbone'] as const;
const LOW_ABOVE_HIGH = 'low must not exceed high';
const ExamSchema = v.pipe(
  v.strictObject({ exam: choice(EXAM_KINDS), ...rangeEntries }, 'expected an object { exam, low, high }'),
  v.forward(v.partialCheck([['low'], ['high']], (r) => r.low <= r.high, LOW_ABOVE_HIGH), ['high']),
);
const RangeSchema = v.pipe(
  v.strictObject(rangeEntries, 'expected an object: { low, high }, { exams: [...] } or { refused: true }'),
  v.forward(v.partialCheck([['low'], ['high']], (r) => r.low <= r.high, LOW_ABOVE_HIGH), ['high']),
);
const ExamsSchema = v.strictObject(
  {
    exams: v.pipe(
      boundedList(ExamSchema, maxExams, 'examinations'),
      v.minLength(1, 'at least one examination'),
      v.check((list) => new Set(list.map((e) => e.exam)).size === list.length, 'an examination is listed twice'),
    ),
  },
  OBJECT,
);
const RefusedSchema = v.strictObject({ refused: v.literal(true, 'expected true') }, OBJECT);
type Assessment = v.InferOutput<typeof RangeSchema> | v.InferOutput<typeof ExamsSchema> | v.InferOutput<typeof RefusedSchema>;
// Dispatch on the shape given, so messages name the field of that shape rather than a failed union.
const AssessmentSchema = v.lazy((input): v.GenericSchema<unknown, Assessment> => {
  if (input && typeof input === 'object' && 'exams' in input) return ExamsSchema;
  if (input && typeof input === 'object' && 'refused' in input) return RefusedSchema;
  return RangeSchema;
});

const PersonSchema = v.pipe(
  v.strictObject(
    {
      declaredAge: v.optional(v.pipe(age, v.integer('expected whole years'))),
      declaredBirthDate: v.optional(isoDate),
      // Lower case is accepted and written in capitals ("ng" → "NG"): one reading for the CLI and the form.
      nationality: v.pipe(
        v.string('expected an ISO 3166-1 alpha-2 country code'),
        v.maxLength(2, 'unknown country code (expected ISO 3166-1 alpha-2, e.g. "NG")'),
        v.transform((c) => c.toUpperCase()),
        v.check((c) => ISO_COUNTRIES.has(c), 'unknown country code (expected ISO 3166-1 alpha-2, e.g. "NG")'),
      ),
      sex: v.optional(choice(['female', 'male', 'other'])),
    },
    OBJECT,
  ),
  v.forward(v.check((p) => p.declaredAge !== undefined || p.declaredBirthDate !== undefined, 'missing: give declaredAge or declaredBirthDate'), ['declaredAge']),
  v.forward(v.check((p) => p.declaredAge === undefined || p.declaredBirthDate === undefined, 'give declaredAge or declaredBirthDate, not both'), ['declaredBirthDate']),
);

const DetectionSchema = v.strictObject(
  {
    place: choice(['territory', 'border']),
    region: choice(['brussels', 'flanders', 'wallonia']),
    exploitation: choice(['sexual', 'labour', 'criminal', 'begging', 'unknown', 'none']),
    indicatorsRecognised: v.boolean(BOOLEAN),
    asylumApplication: v.optional(v.boolean(BOOLEAN)),
    traffickingResidenceRequested: v.optional(v.boolean(BOOLEAN)),
    /** extension: an EEA child "in a situation of vulnerability" (law of 12 May 2014). Default: presumed victim. */
    vulnerable: v.optional(v.boolean(BOOLEAN)),
  },
  OBJECT,
);

const AppealSchema = v.pipe(
  v.strictObject(
    {
      day,
      outcome: v.optional(choice(['annulled', 'rejected', 'pending'])),
      decisionDay: v.optional(day),
    },
    OBJECT,
  ),
  v.forward(
    v.partialCheck([['day'], ['decisionDay']], (a) => a.decisionDay === undefined || a.decisionDay >= a.day, 'the decision cannot come before the appeal'),
    ['decisionDay'],
  ),
);

const AgeSchema = v.strictObject(
  {
    doubted: v.boolean(BOOLEAN),
    assessment: v.optional(AssessmentSchema),
    /** extension: the psychosocial interview's finding (used by the multiAgencyAgeAssessment reform). */
    interviewFindsMinor: v.optional(v.boolean(BOOLEAN)),
    /** extension: appeal to the Council of State against an "adult" decision. */
    appeal: v.optional(AppealSchema),
  },
  OBJECT,
);

const TiesResumedSchema = v.strictObject({ contactResumedDay: day }, OBJECT);
const TiesCutSchema = v.lazy((input): v.GenericSchema<unknown, boolean | v.InferOutput<typeof TiesResumedSchema>> =>
  typeof input === 'object' && input !== null ? TiesResumedSchema : v.boolean('expected true, false or { contactResumedDay }'),
);

const ProsecutionSchema = v.pipe(
  v.strictObject(
    {
      outcome: choice(['conviction', 'acquittal', 'dismissed', 'pending']),
      day: v.optional(day),
      requisitionsRetainTrafficking: v.optional(v.boolean(BOOLEAN)),
      /** extension: day of the prosecutor's final requisitions (default: the judgment day). */
      requisitionsDay: v.optional(day),
    },
    OBJECT,
  ),
  v.forward(v.check((p) => p.outcome === 'pending' || p.day !== undefined, 'missing: a decided prosecution needs its day'), ['day']),
  v.forward(
    v.check((p) => p.requisitionsDay === undefined || p.day === undefined || p.requisitionsDay <= p.day, 'requisitions come before the judgment'),
    ['requisitionsDay'],
  ),
);

const DurableSolutionSchema = v.pipe(
  v.strictObject(
    {
      requestedDay: day,
      decision: v.optional(choice(['stay', 'return', 'reunification'])),
      /** extension: day of the decision (default: 90 days after the request). */
      decisionDay: v.optional(day),
    },
    OBJECT,
  ),
  v.forward(
    v.partialCheck([['requestedDay'], ['decisionDay']], (d) => d.decisionDay === undefined || d.decisionDay >= d.requestedDay, 'the decision cannot come before the request'),
    ['decisionDay'],
  ),
);

export const CaseFileSchema = v.pipe(
  v.strictObject(
    {
      format: v.literal(CASE_FORMAT, `expected "${CASE_FORMAT}"`),
      title: v.optional(v.pipe(v.string('expected text'), v.maxLength(maxTitleLength, `at most ${maxTitleLength} characters`))),
      /** ISO date the person is first detected (day 0). */
      date: v.pipe(
        isoDate,
        v.check((d) => d >= MODELLED_PERIOD.from && d <= MODELLED_PERIOD.to, `outside the modelled period ${MODELLED_PERIOD.from} to ${MODELLED_PERIOD.to}`),
      ),
      practice: v.optional(choice(['asWritten', 'asReported'])),
      reforms: v.optional(
        v.pipe(
          boundedList(v.picklist(REFORM_IDS, oneOf(REFORM_IDS)), maxReforms, 'reforms'),
          v.check((ids) => new Set(ids).size === ids.length, 'a reform is listed twice'),
        ),
      ),
      person: PersonSchema,
      detection: DetectionSchema,
      age: v.optional(AgeSchema),
      cooperation: v.optional(v.strictObject({ statementDay: v.nullable(day) }, OBJECT)),
      tiesCut: v.optional(TiesCutSchema),
      publicOrderRisk: v.optional(v.boolean(BOOLEAN)),
      prosecution: v.optional(ProsecutionSchema),
      disappearsDay: v.optional(v.nullable(day)),
      durableSolution: v.optional(DurableSolutionSchema),
      horizonDays: v.optional(v.pipe(day, v.minValue(1, 'at least 1 day'))),
    },
    'expected an object (a case file)',
  ),
  v.forward(
    v.partialCheck(
      [['date'], ['person', 'declaredBirthDate']],
      (c) => c.person.declaredBirthDate === undefined || c.person.declaredBirthDate <= c.date,
      'born after the detection date',
    ),
    ['person', 'declaredBirthDate'],
  ),
);

export type CaseFile = v.InferOutput<typeof CaseFileSchema>;
