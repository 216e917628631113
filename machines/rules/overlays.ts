// Deltas over the law: practices the sources report where they differ from it, and reforms the seeds recommend.
import type { ReformId } from '../case/types';
import { SEED_2010, SEED_2018, type RuleId, type RuleValues } from './law';

export interface PracticeOverlay<K extends RuleId = RuleId> {
  rule: K;
  from?: string;
  to?: string;
  value: RuleValues[K];
  basis: string;
  source: string;
  /** the model's choice where the sources are silent (e.g. an end they do not report) */
  assumption?: string;
}

// `asReported`: practices the seeds and public evaluations describe where they differ from the law.
export const PRACTICE_OVERLAYS: PracticeOverlay[] = [
  {
    rule: 'referralWaitsForMinority',
    value: true,
    basis: 'Children referred to the specialised centre only after their minority is confirmed',
    source: `${SEED_2018}:95 (Defence for Children 2016)`,
  },
  {
    rule: 'ageDecisionMethod',
    to: '2015-06-08',
    value: 'doctorConclusion',
    basis: 'A doctor’s "adult" conclusion followed although it ignores the margins of error (breach of art 7 §3)',
    source: 'reference.md, Stage 3 (VR-AGE: Council of State 9 Jun 2015)',
  },
  {
    rule: 'ageOfRecordWhenMinor',
    to: '2018-06-27',
    value: 'assessmentLowerBound',
    basis: "Guardianship Service practice: the test's lower bound replaced a lower declared age (condemned by the Council of State, 241.990 of 28 Jun 2018 and 242.623 of 11 Oct 2018)",
    source: 'reference.md, Stage 3 (AGII-RvS2018; ALD-2018)',
  },
  {
    rule: 'ageTestCarriedOut',
    from: '2022-10-26',
    value: false,
    basis: 'Guardianship Service refused bone tests on medical grounds during the reception crisis',
    source: 'reference.md, Stage 3 and "How the rules changed" 2022 (Brussels Times; RTBF 2022)',
    // The sources report the suspension from 26 Oct 2022 and no resumption: it stays in force to the model's end.
    assumption: 'No end of the suspension of bone tests (from 26 Oct 2022) is reported; the model keeps it in force.',
  },
];

export interface Reform {
  id: ReformId;
  title: string;
  recommendation: string;
  source: string;
  overrides: Partial<RuleValues>;
}

// Reforms proposed in the seeds' recommendations, as deltas over the rules in force.
export const REFORMS: Record<ReformId, Reform> = {
  noCooperationCondition: {
    id: 'noCooperationCondition',
    title: 'Status and residence for child victims without the cooperation condition',
    recommendation: 'Recommendation 27; UPR 2010: residence not conditioned on cooperation',
    source: `${SEED_2018}:186; ${SEED_2010}:151-154`,
    overrides: { childStatusRequiresCooperation: false },
  },
  presumptionOfMinority: {
    id: 'presumptionOfMinority',
    title: 'Full minor protection while the age is assessed',
    recommendation: 'Recommendation 29',
    source: `${SEED_2018}:188`,
    overrides: { minorProtectionWhileAgeAssessed: true, referralWaitsForMinority: false },
  },
  multiAgencyAgeAssessment: {
    id: 'multiAgencyAgeAssessment',
    title: 'Multi-agency age assessment with a psychosocial interview',
    recommendation: 'Recommendation 28',
    source: `${SEED_2018}:187`,
    overrides: { ageDecisionMethod: 'multiAgency' },
  },
  guardianForEveryChild: {
    id: 'guardianForEveryChild',
    title: 'A guardian without delay for every unaccompanied child, EEA or not',
    recommendation: 'UPR 2010 recommendation (Rio Call for Action s. 26)',
    source: `${SEED_2010}:148-151`,
    overrides: { guardianshipServiceOperational: true, guardianshipCoversEea: true },
  },
  specialisedShelterEveryRegion: {
    id: 'specialisedShelterEveryRegion',
    title: 'A shelter specialised in child trafficking in every region/community',
    recommendation: 'Recommendations 25 and 26',
    source: `${SEED_2018}:184-185`,
    overrides: { childTraffickingShelterEverywhere: true },
  },
};

export const REFORM_IDS = Object.keys(REFORMS) as ReformId[];
