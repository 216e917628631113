// Each case-file field by the label the builder gives it, so messages outside the form (a refused file, the
// step card's "no path yet") name fields as the user sees them. List indices are dropped: exams[0].low → exams.low.
import { m } from '../../i18n/messages';
import type { FieldIssue } from '../../../machines/case/issues';

const LABELS: Record<string, () => string> = {
  title: m.builder_title_field,
  date: m.builder_date,
  horizonDays: m.builder_horizon,
  person: m.builder_section_person,
  'person.declaredAge': m.builder_declared_age,
  'person.declaredBirthDate': m.builder_declared_birth_date,
  'person.nationality': m.builder_nationality,
  'person.sex': m.builder_sex,
  detection: m.builder_section_detection,
  'detection.place': m.builder_place,
  'detection.region': m.builder_region,
  'detection.exploitation': m.builder_exploitation,
  'detection.indicatorsRecognised': m.builder_indicators,
  'detection.asylumApplication': m.builder_asylum,
  'detection.traffickingResidenceRequested': m.builder_residence_requested,
  'detection.vulnerable': m.builder_vulnerable,
  publicOrderRisk: m.builder_public_order,
  age: m.builder_section_age,
  'age.doubted': m.builder_age_doubted,
  'age.assessment': m.builder_assessment,
  'age.assessment.low': () => m.label_value({ label: m.builder_assessment(), value: m.builder_low() }),
  'age.assessment.high': () => m.label_value({ label: m.builder_assessment(), value: m.builder_high() }),
  'age.assessment.exams': m.builder_assessment_exams,
  'age.assessment.exams.low': () => m.label_value({ label: m.builder_assessment_exams(), value: m.builder_low() }),
  'age.assessment.exams.high': () => m.label_value({ label: m.builder_assessment_exams(), value: m.builder_high() }),
  'age.interviewFindsMinor': m.builder_interview,
  'age.appeal': m.builder_appeal_day,
  'age.appeal.day': m.builder_appeal_day,
  'age.appeal.outcome': m.builder_appeal_outcome,
  'cooperation.statementDay': m.builder_statement_day,
  tiesCut: m.builder_ties,
  'tiesCut.contactResumedDay': m.builder_contact_day,
  prosecution: m.builder_prosecution,
  'prosecution.outcome': m.builder_prosecution,
  'prosecution.day': m.builder_prosecution_day,
  'prosecution.requisitionsRetainTrafficking': m.builder_requisitions,
  disappearsDay: m.builder_disappears_day,
  durableSolution: m.builder_durable_day,
  'durableSolution.requestedDay': m.builder_durable_day,
  'durableSolution.decision': m.builder_durable_decision,
};

/** The builder's label of a field path, or undefined for a field the form does not show. */
export function fieldLabel(path: string): string | undefined {
  return LABELS[path.replace(/\[\d+\]/g, '')]?.();
}

/** "Declared age (years) [person.declaredAge]": the label for everyone, the path in brackets for experts. */
export function namedField(path: string): string {
  const name = fieldLabel(path);
  return name ? `${name} [${path}]` : path;
}

/**
 * A problem as a line of a notice: "Declared age (years) [person.declaredAge]: …"; a problem with the whole file
 * or link (its path a placeholder such as "(file)" or "(link)", which means nothing to a reader) is its message alone.
 */
export function issueLine(issue: Pick<FieldIssue, 'path' | 'message'>): string {
  return /^\(.*\)$/.test(issue.path) ? issue.message : m.file_field_issue({ field: namedField(issue.path), message: issue.message });
}
