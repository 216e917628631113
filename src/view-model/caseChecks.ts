// The form's wording of the schema's problems, in the user's language. The schema (machines/case/schema.ts)
// decides what is valid; these checks only say it in French, Dutch or German next to each field, so they
// read bounds from machines/case/defaults.ts and must never throw on any input (they see drafts). Problems
// no field check can see (an unknown field, a newer version, broken JSON) carry a code from the parser and
// are worded by localiseIssue.
import type { CaseFile } from '../../machines/case/types';
import { ISO_COUNTRIES } from '../../machines/rules/countries';
import { ageOn, isValidIsoDate } from '../../machines/dates';
import { CASE_BOUNDS, CASE_FORMAT, CASE_FORMAT_VERSION, MODELLED_PERIOD } from '../../machines/case/defaults';
import { caseFormatVersion } from '../../machines/case/migrate';
import type { FieldIssue } from '../../machines/case/issues';
import { m } from '../i18n/messages';

export type { FieldIssue };

const { maxAge, maxDay } = CASE_BOUNDS;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});

export function checkCase(caseFile: CaseFile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const c = asObject(caseFile);

  const version = caseFormatVersion(c.format);
  if (version !== undefined && version > CASE_FORMAT_VERSION) add('format', m.check_format_newer({ version, current: CASE_FORMAT_VERSION }));
  else if (c.format !== CASE_FORMAT) add('format', m.check_format());

  const date = typeof c.date === 'string' ? c.date : '';
  const dateOk = isValidIsoDate(date);
  if (!dateOk) add('date', date === '' ? m.check_date_missing() : m.check_date_invalid());
  else if (date < MODELLED_PERIOD.from || date > MODELLED_PERIOD.to)
    add('date', m.check_date_period({ from: MODELLED_PERIOD.from, to: MODELLED_PERIOD.to }));

  const person = asObject(c.person);
  const { declaredAge, declaredBirthDate } = person;
  if (declaredAge === undefined && declaredBirthDate === undefined) add('person.declaredAge', m.check_age_missing());
  if (declaredAge !== undefined && declaredBirthDate !== undefined) add('person.declaredBirthDate', m.check_age_and_birth_date());
  if (declaredAge !== undefined) {
    if (!isNumber(declaredAge) || !Number.isInteger(declaredAge)) add('person.declaredAge', m.check_age_whole());
    else if (declaredAge < 0 || declaredAge > maxAge) add('person.declaredAge', m.check_age_range({ max: maxAge }));
  }
  if (declaredBirthDate !== undefined) {
    if (typeof declaredBirthDate !== 'string' || !isValidIsoDate(declaredBirthDate)) add('person.declaredBirthDate', m.check_date_invalid());
    else if (dateOk && declaredBirthDate > date) add('person.declaredBirthDate', m.check_birth_after_detection());
    else if (dateOk && ageOn(declaredBirthDate, date) > maxAge) add('person.declaredBirthDate', m.check_age_range({ max: maxAge }));
  }
  const nationality = typeof person.nationality === 'string' ? person.nationality : '';
  if (nationality.trim() === '') add('person.nationality', m.check_nationality_missing());
  // The name as typed, whole ("Ivory Coas" was cut at 10), shortened only when far longer than any country's name.
  else if (!ISO_COUNTRIES.has(nationality.toUpperCase()))
    add('person.nationality', m.check_nationality({ value: nationality.length > 60 ? `${nationality.slice(0, 59).trimEnd()}…` : nationality }));
  // A choice left empty (a blank case asks for the kind of exploitation rather than choosing it for the user).
  if (asObject(c.detection).exploitation === '') add('detection.exploitation', m.check_missing_choice());

  const age = asObject(c.age);
  const assessment = asObject(age.assessment);
  if ('low' in assessment || 'high' in assessment) checkRange(assessment, 'age.assessment', add);
  if (Array.isArray(assessment.exams)) {
    if (assessment.exams.length === 0) add('age.assessment.exams', m.check_exams_empty());
    assessment.exams.slice(0, CASE_BOUNDS.maxExams).forEach((exam, i) => checkRange(asObject(exam), `age.assessment.exams[${i}]`, add));
  }

  const horizon = c.horizonDays;
  if (horizon !== undefined && (!isNumber(horizon) || !Number.isInteger(horizon) || horizon < 1 || horizon > maxDay))
    add('horizonDays', m.check_horizon({ max: maxDay }));
  const checkDay = (path: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (!isNumber(value) || !Number.isInteger(value)) add(path, m.check_day_whole());
    else if (value < 0) add(path, m.check_day_before_detection());
    else if (value > maxDay) add(path, m.check_horizon({ max: maxDay }));
  };
  const ties = asObject(c.tiesCut);
  const prosecution = asObject(c.prosecution);
  const durable = asObject(c.durableSolution);
  const appeal = asObject(age.appeal);
  checkDay('cooperation.statementDay', asObject(c.cooperation).statementDay);
  checkDay('tiesCut.contactResumedDay', ties.contactResumedDay);
  checkDay('prosecution.day', prosecution.day);
  checkDay('prosecution.requisitionsDay', prosecution.requisitionsDay);
  checkDay('disappearsDay', c.disappearsDay);
  checkDay('durableSolution.requestedDay', durable.requestedDay);
  checkDay('durableSolution.decisionDay', durable.decisionDay);
  checkDay('age.appeal.day', appeal.day);
  checkDay('age.appeal.decisionDay', appeal.decisionDay);
  if (isNumber(durable.decisionDay) && isNumber(durable.requestedDay) && durable.decisionDay < durable.requestedDay)
    add('durableSolution.decisionDay', m.check_day_before({ other: 'durableSolution.requestedDay' }));
  if (isNumber(appeal.decisionDay) && isNumber(appeal.day) && appeal.decisionDay < appeal.day)
    add('age.appeal.decisionDay', m.check_day_before({ other: 'age.appeal.day' }));
  return issues;
}

function checkRange(range: Loose, path: string, add: (p: string, msg: string) => void) {
  for (const key of ['low', 'high'] as const) {
    const v = range[key];
    if (!isNumber(v)) add(`${path}.${key}`, m.check_number());
    else if (v < 0 || v > maxAge) add(`${path}.${key}`, m.check_bone_age({ max: maxAge }));
  }
  if (isNumber(range.low) && isNumber(range.high) && range.low > range.high) add(`${path}.high`, m.check_range_order());
}

/** A parser's issue in the user's language when its kind is known (its code), else as the parser wrote it. */
export function localiseIssue(issue: FieldIssue): string {
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'unknownField':
      return m.issue_unknown_field();
    case 'missingField':
      return m.issue_missing_field();
    case 'newerVersion':
      return m.issue_newer_version({ version: String(p.version), current: String(p.current) });
    case 'invalidJson':
      return (p.truncated ? m.issue_invalid_json_truncated : m.issue_invalid_json)({ line: String(p.line), column: String(p.column) });
    case 'oneOf':
      return m.issue_expected_one_of({ values: String(p.values) });
    case 'expectedBoolean':
      return m.issue_expected_boolean();
    case 'expectedObject':
      return m.issue_expected_object();
    default:
      return issue.message;
  }
}
