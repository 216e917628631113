// Assumption sets ("pathway-assumptions/1"): the distributions a cohort of case files is drawn from.
// Every parameter carries its value, a plausible range and a source (a reference.md row, a seed file:line,
// or the explicit label "assumption"), so the UI and exports can say which figures are assumptions.
import * as v from 'valibot';
import type { MilestoneId, OutcomeId } from '../../../machines/case/types';
import { boundedList, parseJson, toFieldIssues, type FieldIssue, type ParseResult as Parsed } from '../../../machines/case/issues';

const SOURCE_PATTERN = /^assumption$|reference\.md|\d{3}_[0-9a-f]{16}\.txt:\d+/;
const source = v.pipe(
  v.string('expected a string: "assumption", a reference.md row or a seed file:line'),
  v.regex(
    SOURCE_PATTERN,
    'expected "assumption", a reference.md row ("reference.md …") or a seed file:line ("001_c8293595e150eaad.txt:97")',
  ),
);
const note = v.optional(v.string('expected a string'));
const range = v.pipe(
  v.tuple([v.number('expected a number'), v.number('expected a number')], 'expected [low, high]'),
  v.check(([low, high]) => low <= high, 'expected low ≤ high'),
);
const probabilityValue = v.pipe(
  v.number('expected a number from 0 to 1'),
  v.minValue(0, 'expected a number from 0 to 1'),
  v.maxValue(1, 'expected a number from 0 to 1'),
);

/** A probability: value within its plausible range. */
const probability = v.pipe(
  v.strictObject({
    value: probabilityValue,
    range: v.pipe(
      range,
      v.check(([l, h]) => l >= 0 && h <= 1, 'expected a range within [0, 1]'),
    ),
    source,
    note,
  }),
  v.forward(
    v.check(
      (p) => p.value >= p.range[0] && p.value <= p.range[1],
      'value lies outside its plausible range',
    ),
    ['value'],
  ),
);

/** Weights over named options; they must sum to 1, each within its plausible range. */
function categorical(keyCheck: (key: string) => boolean, keyMessage: string) {
  const key = v.pipe(v.string(), v.check(keyCheck, keyMessage));
  return v.pipe(
    v.strictObject({
      value: v.pipe(
        v.record(key, probabilityValue),
        v.check((w) => Object.keys(w).length > 0, 'expected at least one option'),
        v.check(
          (w) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 1) < 1e-6,
          (issue) => {
            const sum = Object.values(issue.input as Record<string, number>).reduce(
              (a, b) => a + b,
              0,
            );
            return `weights sum to ${+sum.toFixed(6)}; they must sum to 1`;
          },
        ),
      ),
      range: v.record(key, range),
      source,
      note,
    }),
    v.forward(
      v.check(
        (c) =>
          Object.keys(c.value).every((k) => k in c.range) &&
          Object.keys(c.range).every((k) => k in c.value),
        'range must give [low, high] for exactly the options in value',
      ),
      ['range'],
    ),
    v.forward(
      v.check(
        (c) =>
          Object.entries(c.value).every(
            ([k, w]) => !c.range[k] || (w >= c.range[k][0] && w <= c.range[k][1]),
          ),
        (issue) => {
          const c = issue.input as {
            value: Record<string, number>;
            range: Record<string, [number, number]>;
          };
          const bad = Object.keys(c.value).filter(
            (k) => c.range[k] && (c.value[k] < c.range[k][0] || c.value[k] > c.range[k][1]),
          );
          return `weight of ${bad.join(', ')} lies outside its plausible range`;
        },
      ),
      ['value'],
    ),
  );
}

const isCountryCode = (k: string) => /^[A-Z]{2}$/.test(k);
const isDay = (k: string) => /^\d{1,5}$/.test(k);
const isAgeRange = (k: string) => {
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(k);
  return !!m && +m[1] <= +m[2] && +m[2] < 40;
};
const oneOf = (options: readonly string[]) => (k: string) => options.includes(k);

export const REGIONS = ['brussels', 'flanders', 'wallonia'] as const;
export const EXPLOITATION_FORMS = ['sexual', 'labour', 'criminal', 'begging', 'unknown'] as const;
export const PROSECUTION_OUTCOMES = ['conviction', 'acquittal', 'dismissed', 'pending'] as const;
export const DURABLE_DECISIONS = ['stay', 'return', 'reunification'] as const;
export const DECLARED_AGES = ['10', '11', '12', '13', '14', '15', '16', '17'] as const;

const days = categorical(isDay, 'expected a whole number of days since detection, e.g. "30"');

/** Order matters: the generator draws parameters in this order (see generate.ts). */
const paramsSchema = v.strictObject({
  nationality: categorical(isCountryCode, 'expected an ISO 3166-1 alpha-2 code, e.g. "NG"'),
  female: probability,
  region: categorical(oneOf(REGIONS), `expected one of ${REGIONS.join(', ')}`),
  detectedAtBorder: probability,
  declaredAge: categorical(
    oneOf(DECLARED_AGES),
    `expected a declared age from ${DECLARED_AGES[0]} to 17`,
  ),
  trulyAdult: probability,
  ageDoubtedIfAdult: probability,
  ageDoubtedIfMinor: probability,
  testRefused: probability,
  testResultIfAdult: categorical(
    isAgeRange,
    'expected an estimated age range "low-high", e.g. "17.5-20"',
  ),
  testResultIfMinor: categorical(
    isAgeRange,
    'expected an estimated age range "low-high", e.g. "15-17"',
  ),
  asylumIfNonEea: probability,
  exploited: probability,
  exploitationForm: categorical(
    oneOf(EXPLOITATION_FORMS),
    `expected one of ${EXPLOITATION_FORMS.join(', ')}`,
  ),
  indicatorsRecognised: probability,
  vulnerableIfEea: probability,
  statementGiven: probability,
  statementDay: days,
  tiesResumed: probability,
  tiesResumedDay: days,
  publicOrderRisk: probability,
  prosecutionOutcome: categorical(
    oneOf(PROSECUTION_OUTCOMES),
    `expected one of ${PROSECUTION_OUTCOMES.join(', ')}`,
  ),
  prosecutionDay: days,
  requisitionsRetainTrafficking: probability,
  disappearsIfNotRecognised: probability,
  disappearsIfRecognised: probability,
  disappearsDay: days,
  durableSolutionIfNonEea: probability,
  durableSolutionDay: days,
  durableSolutionDecision: categorical(
    oneOf(DURABLE_DECISIONS),
    `expected one of ${DURABLE_DECISIONS.join(', ')}`,
  ),
});

const MILESTONE_IDS = [
  'detected',
  'presumedVictim',
  'notIdentified',
  'nonPunishment',
  'reportedToGuardianshipService',
  'outsideGuardianshipScope',
  'ageDoubted',
  'borderDetention',
  'ageAssessment',
  'identifiedAsMinor',
  'identifiedAsAdult',
  'ageAppeal',
  'guardianAppointed',
  'guardianshipEnded',
  'observationCentre',
  'specialisedShelter',
  'specialisedCentre',
  'reflectionPeriod',
  'minorResidenceDocument',
  'registrationCertificate',
  'temporaryResidenceCard',
  'permanentResidence',
  'residenceWithdrawn',
  'statementGiven',
  'prosecutionDismissed',
  'requisitions',
  'conviction',
  'acquittal',
  'asylumApplication',
  'durableSolutionProcedure',
  'returned',
  'disappeared',
  'adultTrack',
  'turned18',
  'documentLapsed',
  'appealOutOfTime',
  'appealOutsideScope',
  'requestOutsideScope',
  'statementAfterReflectionPeriod',
] as const satisfies readonly MilestoneId[];
const OUTCOME_IDS = [
  'permanentResidence',
  'temporaryResidence',
  'otherProcedure',
  'adultTrack',
  'returned',
  'disappeared',
  'notIdentified',
  'mustLeave',
] as const satisfies readonly OutcomeId[];
// Compile-time check that the lists above name every id of the engine contract.
const everyMilestone: Exclude<MilestoneId, (typeof MILESTONE_IDS)[number]> extends never
  ? true
  : never = true;
const everyOutcome: Exclude<OutcomeId, (typeof OUTCOME_IDS)[number]> extends never ? true : never =
  true;
void everyMilestone;
void everyOutcome;

const MILESTONE_OR_OUTCOME_MESSAGE =
  'expected a milestone id (e.g. "ageAssessment") or "outcome:<id>" (e.g. "outcome:disappeared")';
// Bounds that keep a hostile file cheap to refuse: a set has a few dozen targets over a few ids each.
const MAX_TARGETS = 200;
const MAX_IDS = 60;
const milestoneOrOutcome = v.pipe(
  v.string(MILESTONE_OR_OUTCOME_MESSAGE),
  v.check(
    (id) =>
      (MILESTONE_IDS as readonly string[]).includes(id) ||
      (id.startsWith('outcome:') &&
        (OUTCOME_IDS as readonly string[]).includes(id.slice('outcome:'.length))),
    MILESTONE_OR_OUTCOME_MESSAGE,
  ),
);
const metricSchema = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('share'),
      of: boundedList(milestoneOrOutcome, MAX_IDS, 'ids'),
      among: v.optional(boundedList(milestoneOrOutcome, MAX_IDS, 'ids')),
    }),
    v.strictObject({
      kind: v.literal('perYear'),
      of: boundedList(milestoneOrOutcome, MAX_IDS, 'ids'),
    }),
  ],
  'expected kind "share" or "perYear"',
);

const targetSchema = v.strictObject({
  id: v.pipe(v.string(), v.nonEmpty('expected an id')),
  label: v.string('expected a string'),
  metric: metricSchema,
  /** the cited figure (or range) the set should reproduce, and the tolerance accepted around it */
  value: v.number('expected a number'),
  tolerance: v.pipe(v.number('expected a number'), v.minValue(0, 'expected a number ≥ 0')),
  source,
});

const isoDate = v.pipe(
  v.string('expected an ISO date'),
  v.isoDate('expected an ISO date YYYY-MM-DD'),
);

export const AssumptionSetSchema = v.strictObject({
  format: v.literal('pathway-assumptions/1', 'expected "pathway-assumptions/1"'),
  id: v.pipe(
    v.string('expected a string'),
    v.regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes'),
  ),
  name: v.string('expected a string'),
  description: v.string('expected a string'),
  /** children entering the cohort per year, to turn shares into yearly counts */
  yearlyChildren: v.strictObject({
    value: v.pipe(v.number('expected a number'), v.minValue(1, 'expected a number ≥ 1')),
    range,
    source,
    note,
  }),
  /** children reported per calendar year, to spread a period cohort's detection dates (period.ts) */
  yearlyArrivals: v.optional(
    v.record(
      v.pipe(v.string(), v.regex(/^\d{4}$/, 'expected a year, e.g. "2015"')),
      v.strictObject({
        value: v.pipe(v.number('expected a number'), v.minValue(0, 'expected a number ≥ 0')),
        source,
        note,
      }),
    ),
  ),
  horizonDays: v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number of days'),
    v.minValue(1, 'expected at least 1 day'),
    v.maxValue(7300, 'expected at most 7300 days'),
  ),
  /** the configuration the targets were calibrated under */
  calibratedFor: v.strictObject({
    asOf: isoDate,
    practice: v.picklist(['asWritten', 'asReported'], 'expected "asWritten" or "asReported"'),
  }),
  params: paramsSchema,
  targets: boundedList(targetSchema, MAX_TARGETS, 'targets'),
});

export type AssumptionSet = v.InferOutput<typeof AssumptionSetSchema>;
export type AssumptionParams = AssumptionSet['params'];
export type ParamName = keyof AssumptionParams;
export type Target = AssumptionSet['targets'][number];

export type Issue = FieldIssue;
export type ParseResult = Parsed<AssumptionSet>;

export function parseAssumptionSet(json: unknown): ParseResult {
  const result = v.safeParse(AssumptionSetSchema, json, { abortPipeEarly: false });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: toFieldIssues(result.issues, 'unknown field (check the spelling)') };
}

/** The text of a set; a JSON syntax error is reported with its line and column. */
export function parseAssumptionText(text: string): ParseResult {
  const json = parseJson(text);
  return json.ok ? parseAssumptionSet(json.value) : { ok: false, issues: [json.issue] };
}
