// Legal basis and source of every stage of the procedure. State `meta` and trace milestones both read this table,
// so a citation is written once. Entries that depend on the date take the rules in force.
import type { RulesInForce } from '../rules/rules';
import { SEED_2010, SEED_2018 } from '../rules/rules';

export interface Citation {
  basis: string;
  source: string;
  /** set where sources disagree or are silent: the choice the model made */
  assumption?: string;
}
type Cite = Citation | ((rules: RulesInForce) => Citation);

const ALIENS_ACT_THB = 'Aliens Act arts 61/2–61/5';

export const CITATIONS = {
  detection: {
    basis: 'Any first-line actor who sees trafficking indicators refers the person (national referral mechanism)',
    source: 'reference.md, Stage 0 (MYRIA-NL; CIRC-2008; CIRC-2016)',
  },
  presumption: (r) => ({
    basis: [r.prosecutionGuideline.value, r.nationalReferralMechanism.value].filter(Boolean).join('; '),
    source: `${SEED_2018}:93; reference.md, Stage 0`,
  }),
  notIdentified: {
    basis: 'Indicators not recognised: no presumption of victimhood; ordinary migration or child-protection track',
    source: 'reference.md, Stage 0 (outcome b); US TIP 2019–2020 on missed identification',
  },
  nonPunishment: (r) => ({ basis: r.nonPunishment.basis, source: r.nonPunishment.source }),
  reporting: {
    basis: 'Any authority informs the Guardianship Service and the Immigration Office immediately (MENA form, THB box ticked)',
    source: 'reference.md, Stage 1 (CIRC-2004; WS-FICHE; LAW-2014)',
  },
  outsideScope: (r) => ({
    basis: `Guardianship scope: ${r.guardianshipServiceOperational.basis}; EEA/Swiss children: ${r.guardianshipCoversEea.basis}`,
    source: `${SEED_2010}:52-55; ${SEED_2018}:99; reference.md, Stage 1 and Stage 4`,
  }),
  ageDoubt: {
    basis: 'The Immigration Office, the police or the Guardianship Service doubts the declared age (arts 6–7 guardianship law)',
    source: 'reference.md, Stage 3 (JUST-ID; MEX-ID)',
  },
  borderDetention: (r) => ({
    basis: r.borderDetentionMaxWorkingDays.basis,
    source: `${r.borderDetentionMaxWorkingDays.source}; contrast ${SEED_2018}:95`,
  }),
  ageAssessment: (r) => ({
    basis: `Triple test (teeth, wrist, collarbone X-rays); decision: ${r.ageDecisionMethod.basis}`,
    source: `${SEED_2018}:91; ${r.ageDecisionMethod.source}`,
  }),
  identifiedAsMinor: (r) => ({
    basis: `Attestation of identification by the Guardianship Service; age of record: ${r.ageOfRecordWhenMinor.basis}`,
    source: `reference.md, Stage 3 (JUST-ID; DQ-AGE); ${r.ageOfRecordWhenMinor.source}`,
  }),
  identifiedAsAdult: {
    basis: 'Decision ending the Guardianship Service’s care, notified to the person and the Immigration Office',
    source: 'reference.md, Stage 3 (JUST-ID; FEDASIL-AGE)',
  },
  ageAppeal: (r) => ({
    basis: `Appeal to the Council of State within ${r.ageAppealDays.value} days of notification`,
    source: r.ageAppealDays.source,
  }),
  guardian: {
    basis: 'Guardian appointed immediately on identification (Programme Act 24 Dec 2002, Title XIII ch. VI)',
    source: `${SEED_2018}:99; reference.md, Stage 4 (JUST-ID; MEX-TUT)`,
  },
  guardianshipEnded: {
    basis: 'Guardianship ends at 18 on the age of record, or with an "adult" age decision',
    source: 'reference.md, Stage 4',
    assumption: 'The end at 18 is the standard rule, not re-verified by the reference.',
  },
  observationCentre: {
    basis: 'Fedasil observation and orientation centre (COO), 15 days renewable once; at the border within 24 h',
    source: 'reference.md, Stage 2 (MEX-ACCUEIL; AGII-OPVANG)',
  },
  specialisedShelter: {
    basis: 'COO Royal Decree of 9 Apr 2007 art 7: presumed victims to specialised reception (Esperanto, Minor-Ndako, Meza)',
    source: `${SEED_2018}:95-99; reference.md, Stage 2 and Stage 5`,
  },
  specialisedCentre: {
    basis: 'Obligation to refer an identified victim to a recognised specialised centre (Payoke, PAG-ASA, Sürya)',
    source: `${SEED_2018}:95, 101; reference.md, Stage 5 (ORIENT-SLIDES; MYRIA)`,
  },
  reflectionPeriod: (r) => ({
    basis: `${ALIENS_ACT_THB}; ${r.reflectionDocument.basis} (${r.adultReflectionDays.value} days)`,
    source: `${SEED_2018}:97; ${r.reflectionDocument.source}`,
  }),
  minorResidenceDocument: (r) => ({
    basis: `${ALIENS_ACT_THB}; ${r.nationalReferralMechanism.value}; ${r.minorDocumentMonths.basis}`,
    source: r.minorDocumentMonths.source,
  }),
  registrationCertificate: (r) => ({
    basis: `${ALIENS_ACT_THB}; ${r.nationalReferralMechanism.value}; ${r.registrationCertificateMonths.basis}`,
    source: r.registrationCertificateMonths.source,
  }),
  temporaryResidenceCard: (r) => ({
    basis: `${ALIENS_ACT_THB}; ${r.nationalReferralMechanism.value}; the five conditions of the victim status; ${r.temporaryCardMonths.basis}`,
    source: r.temporaryCardMonths.source,
  }),
  permanentResidence: {
    basis: `${ALIENS_ACT_THB} (art 61/5): B card when the statements led to a conviction or the final requisitions retain trafficking`,
    source: 'reference.md, Stage 9 (RTBF-2022; PAGASA; Nordic Council study)',
  },
  residenceWithdrawn: {
    basis: 'A condition of the victim status no longer met: card withdrawn or not renewed',
    source: `${SEED_2018}:97; reference.md, Stage 8`,
  },
  reflectionEnded: {
    basis: 'No statement or complaint during the reflection period: the trafficking residence track ends',
    source: `${SEED_2010}:55-62; reference.md, Stage 6 (branch 2)`,
    assumption: 'For a minor the trafficking track ends; the child keeps general minor protection.',
  },
  statement: {
    basis: 'Complaint or statement against the presumed exploiters (audiovisual hearing of minors, arts 91bis, 92–101 CCP)',
    source: `${SEED_2018}:88, 97; reference.md, Stage 10`,
  },
  prosecutionDismissed: {
    basis: 'Case dismissed by the prosecutor: the judicial procedure is no longer ongoing',
    source: 'reference.md, Stage 8 (exits) and Stage 10',
  },
  requisitions: {
    basis: 'Final requisitions of the prosecutor / labour auditor',
    source: 'reference.md, Stage 9 and Stage 10',
  },
  conviction: { basis: 'Conviction for trafficking (art 433quinquies Criminal Code)', source: `${SEED_2018}:71; reference.md, Stage 10` },
  acquittal: { basis: 'Acquittal of the accused', source: 'reference.md, Stage 9 and Stage 10' },
  asylum: {
    basis: 'Application for international protection, filed by the guardian for a minor',
    source: 'reference.md, Stage 4 (MEX-TUT) and Stage 12',
  },
  durableSolution: (r) => ({
    basis: r.durableSolutionBasis.basis,
    source: r.durableSolutionBasis.source,
  }),
  durableSolutionCertificate: (r) => ({
    basis: `${r.durableSolutionBasis.basis}; decision to stay: ${r.durableSolutionCertificateMonths.basis}`,
    source: r.durableSolutionCertificateMonths.source,
  }),
  durableSolutionCard: (r) => ({
    basis: `${r.durableSolutionBasis.basis}; ${r.durableSolutionCardMonths.basis}`,
    source: r.durableSolutionCardMonths.source,
    assumption: r.durableSolutionCardMonths.assumption,
  }),
  durableSolutionPermanent: (r) => ({
    basis: `${r.durableSolutionBasis.basis}; ${r.durableSolutionPermanentAfterYears.basis}`,
    source: r.durableSolutionPermanentAfterYears.source,
  }),
  documentLapsed: {
    basis: 'At 18 the registration certificate of the durable-solution procedure (issued only until majority) lapses',
    source: 'reference.md, Stage 11 "At 18" (DOFI-DS)',
  },
  requestOutsideScope: (r) => ({
    basis: `Durable-solution request outside the procedure's scope on its day: only a child definitively identified as a non-EEA minor, through the guardian, under ${r.durableSolutionBasis.basis}`,
    source: `reference.md, Stage 11 (VR-DS; DQ-2011); ${r.durableSolutionBasis.source}`,
  }),
  appealOutOfTime: (r) => ({
    basis: `Appeal to the Council of State only against a notified age decision, within ${r.ageAppealDays.value} days of notification`,
    source: r.ageAppealDays.source,
  }),
  appealOutsideScope: {
    basis: 'The appeal lies against an "adult" age decision of the Guardianship Service; there is none to appeal',
    source: 'reference.md, Stage 3 (Appeal; outcomes)',
  },
  statementAfterReflectionPeriod: {
    basis: 'A complaint or statement after the reflection period ended does not reopen the residence track (the criminal file goes on)',
    source: `${SEED_2010}:55-62; reference.md, Stage 6 (branch 1: "during, or immediately at the start of, this phase")`,
    assumption: 'A statement made after the reflection document expired does not reopen the residence track.',
  },
  returned: {
    basis: 'Return with guarantees of adequate care (annex 38 order to take back), organised with IOM',
    source: `${SEED_2018}:120; reference.md, Stage 11 (DQ-DS)`,
  },
  disappeared: {
    basis: 'The child goes missing from reception or shelter',
    source: 'reference.md, "Calibration statistics" (disappearances 2018–2024); GRETA-2017',
  },
  adultTrack: {
    basis: 'The person continues in the adult procedures (e.g. asylum, adult victim status)',
    source: 'reference.md, Stage 3 (outcomes) and Stage 12',
  },
  turned18: {
    basis: 'Majority on the age of record; the trafficking residence continues under the same conditions',
    source: 'reference.md, Stage 12',
    assumption: 'Residence as a victim continues unchanged at 18.',
  },
  procedure: {
    basis: 'Belgian procedure for an unaccompanied foreign minor who may be a victim of trafficking',
    source: `${SEED_2010}; ${SEED_2018}; reference.md, Stages 0–12`,
  },
} satisfies Record<string, Cite>;

export type CitationId = keyof typeof CITATIONS;

export function cite(id: CitationId, rules: RulesInForce): Citation {
  const c: Cite = CITATIONS[id];
  return typeof c === 'function' ? c(rules) : c;
}
