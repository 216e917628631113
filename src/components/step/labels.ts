// Localised names for the contract's enumerations (regions, outcomes, milestones…). Unknown ids (a newer engine)
// fall back to the id itself rather than failing.
import { MILESTONES } from '../../../machines/catalogue/milestones';
import { OUTCOMES } from '../../../machines/catalogue/outcomes';
import { m } from '../../i18n/messages';

type Messages = Record<string, () => string>;
const byMessageId = m as unknown as Messages;
const fromCatalogue = (catalogue: Record<string, { messageId: string }>): Messages =>
  Object.fromEntries(Object.entries(catalogue).map(([id, entry]) => [id, byMessageId[entry.messageId]]));
const tables: Record<string, Messages> = {
  sex: { female: m.sex_female, male: m.sex_male, other: m.sex_other },
  place: { territory: m.place_territory, border: m.place_border },
  region: { brussels: m.region_brussels, flanders: m.region_flanders, wallonia: m.region_wallonia },
  exploitation: {
    sexual: m.exploitation_sexual, labour: m.exploitation_labour, criminal: m.exploitation_criminal,
    begging: m.exploitation_begging, unknown: m.exploitation_unknown, none: m.exploitation_none,
  },
  exam: { dental: m.why_age_exam_dental, wrist: m.why_age_exam_wrist, collarbone: m.why_age_exam_collarbone },
  status: { met: m.why_status_met, unmet: m.why_status_unmet, pending: m.why_status_pending },
  appeal: { annulled: m.appeal_annulled, rejected: m.appeal_rejected, pending: m.appeal_pending },
  prosecution: {
    conviction: m.outcome_prosecution_conviction, acquittal: m.outcome_prosecution_acquittal,
    dismissed: m.outcome_prosecution_dismissed, pending: m.outcome_prosecution_pending,
  },
  durable: { stay: m.decision_durable_stay, return: m.decision_durable_return, reunification: m.decision_durable_reunification },
  practice: { asWritten: m.practice_as_written, asReported: m.practice_as_reported },
  reform: {
    noCooperationCondition: m.reform_no_cooperation, presumptionOfMinority: m.reform_presumption_minority,
    multiAgencyAgeAssessment: m.reform_multi_agency, guardianForEveryChild: m.reform_guardian_every_child,
    specialisedShelterEveryRegion: m.reform_shelter_every_region,
  },
  // Milestones and outcomes: every id of the machines' catalogues, by the message id each entry names.
  milestone: fromCatalogue(MILESTONES),
  outcome: fromCatalogue(OUTCOMES),
  track: {
    thb: m.track_thb, asylum: m.track_asylum, durableSolution: m.track_durableSolution, guardianship: m.track_guardianship,
    adult: m.track_adult, none: m.track_none,
  },
  condition: {
    statement: m.why_condition_statement, definition: m.why_condition_definition, cooperation: m.why_condition_cooperation,
    tiesCut: m.why_condition_tiesCut, publicOrder: m.why_condition_publicOrder,
  },
  deadline: {
    reflection: m.deadline_reflection, minorDocument: m.deadline_minor_document, registration: m.deadline_registration,
    card: m.deadline_card, borderDetention: m.deadline_border_detention, appeal: m.deadline_appeal,
  },
};

export function label(kind: keyof typeof tables | string, id: string): string {
  return tables[kind]?.[id]?.() ?? id;
}

/** "reflectionPeriod" → readable words, for engine ids the catalogue does not know yet. */
export function humanise(id: string): string {
  const last = id.split(/[./#]/).filter(Boolean).pop() ?? id;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ');
}
