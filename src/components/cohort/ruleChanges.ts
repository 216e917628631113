// What a dated change on a period's time axis means, in the UI language and in words an advocate reads: what
// changed (its date is written beside it), never a rule's id or the model's English title. Its legal basis stays
// as written, in English (the caller marks it lang="en").
import type { PeriodMarker } from '../../engine/periodDates';
import { m } from '../../i18n/messages';
import { language } from '../../i18n/language.svelte';
import { countryName } from '../builder/countries';
import { label } from '../step/labels';

/** Each dated change of the law and of the reported practice, by kind, rule and the day it takes effect. */
const CHANGES: Record<string, () => string> = {
  'rule:guardianshipServiceOperational@2004-05-01': m.period_change_guardianship_2004,
  'rule:durableSolutionBasis@2005-09-15': m.period_change_durable_circular_2005,
  'rule:provisionalGuardianAtBorder@2006-01-01': m.period_change_border_guardian_2006,
  'rule:borderDetentionMaxWorkingDays@2007-01-12': m.period_change_border_detention_2007,
  'rule:nationalReferralMechanism@2008-10-31': m.period_change_referral_2008,
  'rule:prosecutionGuideline@2011-01-01': m.period_change_prosecution_2011,
  'rule:durableSolutionBasis@2011-11-28': m.period_change_durable_law_2011,
  'rule:guardianshipCoversEea@2014-12-01': m.period_change_eea_guardian_2014,
  'rule:prosecutionGuideline@2015-01-01': m.period_change_prosecution_2015,
  'rule:ageAssessmentTurnaroundDays@2015-09-01': m.period_change_age_turnaround_2015,
  'rule:nationalReferralMechanism@2017-03-10': m.period_change_referral_2017,
  'rule:reflectionDocument@2017-05-20': m.period_change_reflection_document_2017,
  'rule:nonPunishment@2019-07-01': m.period_change_non_punishment_2019,
  'rule:mezaOpen@2022-01-01': m.period_change_meza_2022,
  'rule:ageAssessmentSafeguards@2025-12-11': m.period_change_age_safeguards_2025,
  'practice:ageDecisionMethod@2015-06-09': m.period_change_practice_doctor_2015,
  'practice:ageOfRecordWhenMinor@2018-06-28': m.period_change_practice_lower_bound_2018,
  'practice:ageTestCarriedOut@2022-10-26': m.period_change_practice_no_bone_test_2022,
};

export interface ChangeWords {
  /** what changed, in the UI language */
  text: string;
  /** only for a change the catalogue does not know yet (a newer model): its English title, to be marked lang="en"
   * (and followed by "ends" where it stops) */
  asWritten?: string;
}

export function describeChange(mk: Pick<PeriodMarker, 'kind' | 'id' | 'date' | 'edge' | 'title'>): ChangeWords {
  if (mk.kind === 'eea') {
    const country = countryName(mk.id, language.current);
    return { text: mk.edge === 'end' ? m.period_change_eea_leaves({ country }) : m.period_change_eea_joins({ country }) };
  }
  if (mk.kind === 'reform') return { text: m.period_change_reform({ reform: label('reform', mk.id) }) };
  const known = CHANGES[`${mk.kind}:${mk.id}@${mk.date}`];
  if (known) return { text: known() };
  return { text: m.period_change_unnamed(), asWritten: mk.title };
}
