// Field-level checks for the case builder: each problem names the field (dotted path) and says what is wrong,
// in the user's language. The engine's own parser (machines/case/validate.ts) stays the authority; these add
// the form-level rules the builder explains next to each field (impossible ages, modelled period, …).
import type { CaseFile } from '../../machines/case/types';
import { DEFAULT_HORIZON_DAYS } from '../../machines/case/facts';
import { ISO_COUNTRIES } from '../../machines/rules/countries';
import { ageOn, isValidIsoDate } from '../../machines/dates';
import { m } from '../i18n/messages';

export interface FieldIssue {
  path: string;
  message: string;
}

import { MODELLED_PERIOD, MAX_HORIZON_DAYS } from '../../machines/case/validate';

// Same bounds as the engine's schema, so the form never accepts what the engine refuses.
const MAX_PLAUSIBLE_AGE = 80;
const MAX_BONE_AGE = 80;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function checkCase(caseFile: CaseFile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const c = caseFile as Partial<CaseFile>;

  if (c.format !== 'pathway-case/1') add('format', m.check_format());

  const date = c.date ?? '';
  const dateOk = isValidIsoDate(date);
  if (!dateOk) add('date', m.check_date_invalid());
  else if (date < MODELLED_PERIOD.from || date > MODELLED_PERIOD.to)
    add('date', m.check_date_period({ from: MODELLED_PERIOD.from, to: MODELLED_PERIOD.to }));

  const person = c.person ?? ({} as CaseFile['person']);
  const { declaredAge, declaredBirthDate } = person;
  if (declaredAge === undefined && declaredBirthDate === undefined) add('person.declaredAge', m.check_age_missing());
  if (declaredAge !== undefined) {
    if (!isNumber(declaredAge) || !Number.isInteger(declaredAge)) add('person.declaredAge', m.check_age_whole());
    else if (declaredAge < 0 || declaredAge > MAX_PLAUSIBLE_AGE)
      add('person.declaredAge', m.check_age_range({ max: MAX_PLAUSIBLE_AGE }));
  }
  if (declaredBirthDate !== undefined) {
    if (!isValidIsoDate(declaredBirthDate)) add('person.declaredBirthDate', m.check_date_invalid());
    else if (dateOk && declaredBirthDate > date) add('person.declaredBirthDate', m.check_birth_after_detection());
    else if (dateOk && ageOn(declaredBirthDate, date) > MAX_PLAUSIBLE_AGE)
      add('person.declaredBirthDate', m.check_age_range({ max: MAX_PLAUSIBLE_AGE }));
  }
  const nationality = person.nationality ?? '';
  if (!ISO_COUNTRIES.has(nationality)) add('person.nationality', m.check_nationality({ value: nationality }));

  const age = c.age;
  const assessment = age?.assessment;
  if (assessment && 'low' in assessment) checkRange(assessment, 'age.assessment', add);
  if (assessment && 'exams' in assessment) {
    if (assessment.exams.length === 0) add('age.assessment.exams', m.check_exams_empty());
    assessment.exams.forEach((exam, i) => checkRange(exam, `age.assessment.exams.${i}`, add));
  }
  if (assessment && !age?.doubted) add('age.doubted', m.check_assessment_without_doubt());

  const horizon = c.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!isNumber(horizon) || !Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_DAYS)
    add('horizonDays', m.check_horizon({ max: MAX_HORIZON_DAYS }));
  const checkDay = (path: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (!isNumber(value) || !Number.isInteger(value)) add(path, m.check_day_whole());
    else if (value < 0) add(path, m.check_day_before_detection());
    else if (value > horizon) add(path, m.check_day_after_horizon({ horizon }));
  };
  checkDay('cooperation.statementDay', c.cooperation?.statementDay);
  if (c.tiesCut && typeof c.tiesCut === 'object') checkDay('tiesCut.contactResumedDay', c.tiesCut.contactResumedDay);
  checkDay('prosecution.day', c.prosecution?.day);
  checkDay('prosecution.requisitionsDay', c.prosecution?.requisitionsDay);
  checkDay('disappearsDay', c.disappearsDay);
  checkDay('durableSolution.requestedDay', c.durableSolution?.requestedDay);
  checkDay('durableSolution.decisionDay', c.durableSolution?.decisionDay);
  checkDay('age.appeal.day', age?.appeal?.day);
  checkDay('age.appeal.decisionDay', age?.appeal?.decisionDay);
  const ds = c.durableSolution;
  if (ds && isNumber(ds.decisionDay) && isNumber(ds.requestedDay) && ds.decisionDay < ds.requestedDay)
    add('durableSolution.decisionDay', m.check_day_before({ other: 'durableSolution.requestedDay' }));
  const appeal = age?.appeal;
  if (appeal && isNumber(appeal.decisionDay) && appeal.decisionDay < appeal.day)
    add('age.appeal.decisionDay', m.check_day_before({ other: 'age.appeal.day' }));
  return issues;
}

function checkRange(range: { low: number; high: number }, path: string, add: (p: string, msg: string) => void) {
  for (const key of ['low', 'high'] as const) {
    const v = range[key];
    if (!isNumber(v)) add(`${path}.${key}`, m.check_number());
    else if (v < 0 || v > MAX_BONE_AGE) add(`${path}.${key}`, m.check_bone_age({ max: MAX_BONE_AGE }));
  }
  if (isNumber(range.low) && isNumber(range.high) && range.low > range.high) add(`${path}.high`, m.check_range_order());
}
