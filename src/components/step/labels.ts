// Localised names for the contract's enumerations (regions, outcomes, milestones…). Unknown ids (a newer engine)
// fall back to the id itself rather than failing.
import { m } from '../../i18n/messages';

type Messages = Record<string, () => string>;
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
  outcome: {
    permanentResidence: m.outcome_permanent_residence, temporaryResidence: m.outcome_temporary_residence,
    otherProcedure: m.outcome_other_procedure, adultTrack: m.outcome_adult_track, returned: m.outcome_returned,
    disappeared: m.outcome_disappeared, notIdentified: m.outcome_not_identified, mustLeave: m.outcome_must_leave,
  },
  condition: {
    statement: m.why_condition_statement, definition: m.why_condition_definition, cooperation: m.why_condition_cooperation,
    tiesCut: m.why_condition_tiesCut, publicOrder: m.why_condition_publicOrder,
  },
  deadline: {
    reflection: m.deadline_reflection, minorDocument: m.deadline_minor_document, registration: m.deadline_registration,
    card: m.deadline_card, borderDetention: m.deadline_border_detention, appeal: m.deadline_appeal,
  },
  // Milestone, condition and exam names are shared with the diagram helper's timeline (milestone_*, why_*).
  milestone: {
    detected: m.milestone_detected,
    presumedVictim: m.milestone_presumedVictim,
    notIdentified: m.milestone_notIdentified,
    nonPunishment: m.milestone_nonPunishment,
    reportedToGuardianshipService: m.milestone_reportedToGuardianshipService,
    outsideGuardianshipScope: m.milestone_outsideGuardianshipScope,
    ageDoubted: m.milestone_ageDoubted,
    borderDetention: m.milestone_borderDetention,
    ageAssessment: m.milestone_ageAssessment,
    identifiedAsMinor: m.milestone_identifiedAsMinor,
    identifiedAsAdult: m.milestone_identifiedAsAdult,
    ageAppeal: m.milestone_ageAppeal,
    guardianAppointed: m.milestone_guardianAppointed,
    guardianshipEnded: m.milestone_guardianshipEnded,
    observationCentre: m.milestone_observationCentre,
    specialisedShelter: m.milestone_specialisedShelter,
    specialisedCentre: m.milestone_specialisedCentre,
    reflectionPeriod: m.milestone_reflectionPeriod,
    minorResidenceDocument: m.milestone_minorResidenceDocument,
    registrationCertificate: m.milestone_registrationCertificate,
    temporaryResidenceCard: m.milestone_temporaryResidenceCard,
    permanentResidence: m.milestone_permanentResidence,
    residenceWithdrawn: m.milestone_residenceWithdrawn,
    statementGiven: m.milestone_statementGiven,
    prosecutionDismissed: m.milestone_prosecutionDismissed,
    requisitions: m.milestone_requisitions,
    conviction: m.milestone_conviction,
    acquittal: m.milestone_acquittal,
    asylumApplication: m.milestone_asylumApplication,
    durableSolutionProcedure: m.milestone_durableSolutionProcedure,
    returned: m.milestone_returned,
    disappeared: m.milestone_disappeared,
    adultTrack: m.milestone_adultTrack,
    turned18: m.milestone_turned18,
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
