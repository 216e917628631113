// Case-file schema ("pathway-case/1") with valibot. Every problem is reported with its field path
// (`age.assessment.low: expected a number`) and nothing is run on a file that has one.
import * as v from 'valibot';
import { isValidIsoDate } from '../dates';
import { ISO_COUNTRIES } from '../rules/countries';
import { REFORM_IDS } from '../rules/rules';
import type { CaseFile } from './types';

export const MODELLED_PERIOD = { from: '1995-01-01', to: '2030-12-31' } as const;
export const MAX_HORIZON_DAYS = 365 * 30;

const day = (what: string) =>
  v.pipe(
    v.number('expected a number of days'),
    v.integer(`${what}: expected a whole number of days`),
    v.minValue(0, `${what}: cannot be before detection (day 0)`),
    v.maxValue(MAX_HORIZON_DAYS, `${what}: more than 30 years after detection`),
  );
const age = v.pipe(
  v.number('expected a number'),
  v.minValue(0, 'an age cannot be negative'),
  v.maxValue(80, 'an age above 80 is not plausible here'),
);
const isoDate = (what: string) =>
  v.pipe(
    v.string(`expected a date (YYYY-MM-DD)`),
    v.check(isValidIsoDate, `${what}: expected a real date written YYYY-MM-DD`),
  );
const exam = v.pipe(
  v.strictObject({ exam: v.picklist(['dental', 'wrist', 'collarbone'], 'expected "dental", "wrist" or "collarbone"'), low: age, high: age }),
  v.check((r) => r.low <= r.high, 'low must not exceed high'),
);

export const CaseFileSchema = v.pipe(
  v.strictObject({
    format: v.literal('pathway-case/1', 'expected "pathway-case/1"'),
    title: v.optional(v.pipe(v.string('expected text'), v.maxLength(300, 'at most 300 characters'))),
    date: v.pipe(
      isoDate('date'),
      v.check((d) => d >= MODELLED_PERIOD.from && d <= MODELLED_PERIOD.to, `outside the modelled period ${MODELLED_PERIOD.from} to ${MODELLED_PERIOD.to}`),
    ),
    practice: v.optional(v.picklist(['asWritten', 'asReported'], 'expected "asWritten" or "asReported"')),
    reforms: v.optional(
      v.pipe(
        v.array(v.picklist(REFORM_IDS, `expected one of ${REFORM_IDS.join(', ')}`), 'expected a list of reform ids'),
        v.check((ids) => new Set(ids).size === ids.length, 'a reform is listed twice'),
      ),
    ),
    person: v.pipe(
      v.strictObject({
        declaredAge: v.optional(age),
        declaredBirthDate: v.optional(isoDate('person.declaredBirthDate')),
        nationality: v.pipe(
          v.string('expected an ISO 3166-1 alpha-2 country code'),
          v.check((c) => ISO_COUNTRIES.has(c.toUpperCase()), 'unknown country code (expected ISO 3166-1 alpha-2, e.g. "NG")'),
        ),
        sex: v.optional(v.picklist(['female', 'male', 'other'], 'expected "female", "male" or "other"')),
      }),
      v.check((p) => (p.declaredAge === undefined) !== (p.declaredBirthDate === undefined), 'give either declaredAge or declaredBirthDate'),
    ),
    detection: v.strictObject({
      place: v.picklist(['territory', 'border'], 'expected "territory" or "border"'),
      region: v.picklist(['brussels', 'flanders', 'wallonia'], 'expected "brussels", "flanders" or "wallonia"'),
      exploitation: v.picklist(
        ['sexual', 'labour', 'criminal', 'begging', 'unknown', 'none'],
        'expected "sexual", "labour", "criminal", "begging", "unknown" or "none"',
      ),
      indicatorsRecognised: v.boolean('expected true or false'),
      asylumApplication: v.optional(v.boolean('expected true or false')),
      traffickingResidenceRequested: v.optional(v.boolean('expected true or false')),
      vulnerable: v.optional(v.boolean('expected true or false')),
    }),
    age: v.optional(
      v.strictObject({
        doubted: v.boolean('expected true or false'),
        // Dispatch on the shape given, so messages name the field of that shape rather than a failed union.
        assessment: v.optional(
          v.lazy((input) => {
            if (input && typeof input === 'object' && 'exams' in input) {
              return v.strictObject({ exams: v.pipe(v.array(exam, 'expected a list of examinations'), v.minLength(1, 'at least one examination')) });
            }
            if (input && typeof input === 'object' && 'refused' in input) {
              return v.strictObject({ refused: v.literal(true, 'expected true') });
            }
            return v.pipe(v.object({ low: age, high: age }, 'expected { low, high }, { exams: [...] } or { refused: true }'), v.strictObject({ low: age, high: age }), v.check((r) => r.low <= r.high, 'low must not exceed high'));
          }),
        ),
        interviewFindsMinor: v.optional(v.boolean('expected true or false')),
        appeal: v.optional(
          v.pipe(
            v.strictObject({
              day: day('age.appeal.day'),
              outcome: v.optional(v.picklist(['annulled', 'rejected', 'pending'], 'expected "annulled", "rejected" or "pending"')),
              decisionDay: v.optional(day('age.appeal.decisionDay')),
            }),
            v.forward(
              v.partialCheck([['day'], ['decisionDay']], (a) => a.decisionDay === undefined || a.decisionDay >= a.day, 'the decision cannot come before the appeal'),
              ['decisionDay'],
            ),
          ),
        ),
      }),
    ),
    cooperation: v.optional(v.strictObject({ statementDay: v.nullable(day('cooperation.statementDay')) })),
    tiesCut: v.optional(
      v.lazy((input) =>
        typeof input === 'object' && input !== null
          ? v.strictObject({ contactResumedDay: day('tiesCut.contactResumedDay') })
          : v.boolean('expected true, false or { contactResumedDay }'),
      ),
    ),
    publicOrderRisk: v.optional(v.boolean('expected true or false')),
    prosecution: v.optional(
      v.pipe(
        v.strictObject({
          outcome: v.picklist(['conviction', 'acquittal', 'dismissed', 'pending'], 'expected "conviction", "acquittal", "dismissed" or "pending"'),
          day: v.optional(day('prosecution.day')),
          requisitionsRetainTrafficking: v.optional(v.boolean('expected true or false')),
          requisitionsDay: v.optional(day('prosecution.requisitionsDay')),
        }),
        v.check((p) => p.outcome === 'pending' || p.day !== undefined, 'a decided prosecution needs its day'),
        v.check((p) => p.requisitionsDay === undefined || p.day === undefined || p.requisitionsDay <= p.day, 'requisitions come before the judgment'),
      ),
    ),
    disappearsDay: v.optional(v.nullable(day('disappearsDay'))),
    durableSolution: v.optional(
      v.pipe(
        v.strictObject({
          requestedDay: day('durableSolution.requestedDay'),
          decision: v.optional(v.picklist(['stay', 'return', 'reunification'], 'expected "stay", "return" or "reunification"')),
          decisionDay: v.optional(day('durableSolution.decisionDay')),
        }),
        v.forward(
          v.partialCheck([['requestedDay'], ['decisionDay']], (d) => d.decisionDay === undefined || d.decisionDay >= d.requestedDay, 'the decision cannot come before the request'),
          ['decisionDay'],
        ),
      ),
    ),
    horizonDays: v.optional(v.pipe(v.number('expected a number of days'), v.integer('expected whole days'), v.minValue(1, 'at least 1 day'), v.maxValue(MAX_HORIZON_DAYS, 'at most 30 years'))),
  }),
  v.check(
    (c) => c.person.declaredBirthDate === undefined || c.person.declaredBirthDate <= c.date,
    'person.declaredBirthDate: born after the detection date',
  ),
);

export interface CaseIssue {
  path: string;
  message: string;
}
export type ParseResult = { ok: true; value: CaseFile } | { ok: false; issues: CaseIssue[] };

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

export function parseCaseFile(json: unknown): ParseResult {
  const result = v.safeParse(CaseFileSchema, json, { abortPipeEarly: false });
  if (result.success) return { ok: true, value: result.output as CaseFile };
  const issues: CaseIssue[] = [];
  for (const issue of result.issues) {
    const message = issue.message.startsWith('Invalid key')
      ? 'unknown field (not part of pathway-case/1)'
      : issue.message.replace(/^[\w.]+: /, '');
    issues.push({ path: issuePath(issue) || '(file)', message });
  }
  const unique = issues.filter((a, k) => issues.findIndex((b) => b.path === a.path && b.message === a.message) === k);
  return { ok: false, issues: unique };
}

/** Parses the text of a case file; a JSON syntax error is reported with its line and column. */
export function parseCaseText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    let where = '';
    if (at) {
      const pos = Number(at[1]);
      const before = text.slice(0, pos).split('\n');
      where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
    } else if (/end of JSON input|Unterminated/i.test(message)) {
      where = ' (the file ends too early: is it truncated?)';
    }
    return { ok: false, issues: [{ path: '(file)', message: `not valid JSON${where}: ${message}` }] };
  }
  return parseCaseFile(json);
}

export function formatIssues(issues: CaseIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
