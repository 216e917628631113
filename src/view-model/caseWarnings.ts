// Cases the schema accepts but a user likely did not mean: said beside the field, never blocking the run and
// never changing what was typed. Like caseChecks, these see drafts and must not throw on any input.
import type { CaseFile } from '../../machines/case/types';
import { ageOn, isValidIsoDate } from '../../machines/dates';
import { CASE_BOUNDS, DEFAULT_HORIZON_DAYS } from '../../machines/case/defaults';
import { latestValue, RULES } from '../../machines/rules/rules';
import { ISO_COUNTRIES } from '../../machines/rules/countries';
import { isEeaNationalOn } from '../../machines/rules/eea';
import type { FieldIssue } from '../../machines/case/issues';
import { m } from '../i18n/messages';

/** Below this declared age the form asks to confirm: no child this young appears in the sources' cases. */
export const YOUNGEST_PLAUSIBLE_AGE = 10;
const MAJORITY = latestValue(RULES.ageOfMajority);

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const isDay = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= CASE_BOUNDS.maxDay;

export function warnCase(caseFile: CaseFile): FieldIssue[] {
  const warnings: FieldIssue[] = [];
  const add = (path: string, message: string) => warnings.push({ path, message });
  const c = asObject(caseFile);
  const person = asObject(c.person);
  const age = asObject(c.age);

  // The age the machine takes: the declared one, or the birth date's on the detection day (exact years; said in
  // whole years, as people say their age: "35", not "35.83").
  let declared: { path: string; years: number } | undefined;
  const { declaredAge, declaredBirthDate } = person;
  if (typeof declaredAge === 'number' && Number.isInteger(declaredAge) && declaredAge >= 0 && declaredAge <= CASE_BOUNDS.maxAge)
    declared = { path: 'person.declaredAge', years: declaredAge };
  else if (typeof declaredBirthDate === 'string' && typeof c.date === 'string' && isValidIsoDate(declaredBirthDate) && isValidIsoDate(c.date) && declaredBirthDate <= c.date)
    declared = { path: 'person.declaredBirthDate', years: ageOn(declaredBirthDate, c.date) };
  // A declared adult is taken as one, unless the age is doubted: then the age assessment decides (facts.ts,
  // declaredAdultDoubted), which the path would otherwise show without a word ("identified as a minor" at 40).
  if (declared && declared.years >= MAJORITY)
    add(declared.path, (age.doubted === true ? m.warn_adult_doubted : m.warn_adult)({ age: Math.floor(declared.years), majority: MAJORITY, doubted: m.builder_age_doubted() }));
  else if (declared && declared.years < YOUNGEST_PLAUSIBLE_AGE) add(declared.path, m.warn_young({ age: Math.floor(declared.years) }));

  // The vulnerability of the 2014 law is an EEA child's: ticked for another child it is read and ignored.
  const nationality = typeof person.nationality === 'string' ? person.nationality.toUpperCase() : '';
  if (asObject(c.detection).vulnerable === true && ISO_COUNTRIES.has(nationality) && typeof c.date === 'string' && isValidIsoDate(c.date) && !isEeaNationalOn(nationality, c.date))
    add('detection.vulnerable', m.warn_vulnerable_not_eea());

  const statementDay = asObject(c.cooperation).statementDay;
  const prosecution = asObject(c.prosecution);
  if (isDay(statementDay) && isDay(prosecution.day) && prosecution.day < statementDay)
    add('prosecution.day', m.warn_judgment_before_statement({ day: prosecution.day, statement: statementDay, statementField: m.builder_statement_day() }));

  const horizon = isDay(c.horizonDays) && c.horizonDays >= 1 ? c.horizonDays : DEFAULT_HORIZON_DAYS;
  const days: [string, unknown][] = [
    ['cooperation.statementDay', statementDay],
    ['tiesCut.contactResumedDay', asObject(c.tiesCut).contactResumedDay],
    ['prosecution.day', prosecution.day],
    ['prosecution.requisitionsDay', prosecution.requisitionsDay],
    ['disappearsDay', c.disappearsDay],
    ['durableSolution.requestedDay', asObject(c.durableSolution).requestedDay],
    ['durableSolution.decisionDay', asObject(c.durableSolution).decisionDay],
    ['age.appeal.day', asObject(age.appeal).day],
    ['age.appeal.decisionDay', asObject(age.appeal).decisionDay],
  ];
  for (const [path, value] of days)
    if (isDay(value) && value > horizon) add(path, m.warn_after_horizon({ day: value, horizon, horizonField: m.builder_horizon() }));
  return warnings;
}
