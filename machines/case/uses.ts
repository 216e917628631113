// What a milestone of the run relies on beyond the law's text: the engine's assumptions (facts.ts ASSUMPTIONS) and
// the dated rules whose own value is an assumption (law.ts `assumption`). Declared here per milestone, evaluated by
// the runner as it records each one (with what is known at that moment and the milestones before), so a trace and
// each step list only what the run passed. A pair of milestones is declared on both, since either may come first.
import type { Known } from '../procedure/conditions';
import type { RuleId, RulesInForce } from '../rules/rules';
import type { AssumptionId, Facts } from './facts';
import type { Milestone, MilestoneId } from './types';

export interface Uses {
  assumptions?: AssumptionId[];
  rules?: RuleId[];
}
export interface UseContext {
  facts: Facts;
  rules: RulesInForce;
  /** what was known when the milestone was recorded */
  known: Known;
  /** milestones recorded before this one: their ids, and the milestones themselves */
  seen: ReadonlySet<MilestoneId>;
  earlier: readonly Milestone[];
}

const when = <T>(condition: boolean, ...items: T[]): T[] => (condition ? items : []);

/** Residence waits for the age decision: a doubted age (tested) and a specialised centre, under the rules in force. */
const residenceWaits = (m: MilestoneId, { rules, seen }: UseContext) =>
  when<AssumptionId>(!rules.minorProtectionWhileAgeAssessed.value && seen.has(m), 'residenceWaitsForAgeDecision');
/** The reform's waiver kept after 18 by a child who had the minor's document. */
const waiverAfter18 = (m: MilestoneId, { facts, seen }: UseContext) =>
  when<AssumptionId>(facts.reforms.includes('noCooperationCondition') && seen.has(m), 'cooperationWaivedAfter18');

export const USES: Partial<Record<MilestoneId, (milestone: Milestone, c: UseContext) => Uses>> = {
  presumedVictim: () => ({ rules: ['nationalReferralMechanism', 'prosecutionGuideline'] }),
  reportedToGuardianshipService: (_, { facts }) => ({ rules: when<RuleId>(facts.eea, 'guardianshipCoversEea') }),
  outsideGuardianshipScope: (_, { facts }) => ({
    assumptions: when<AssumptionId>(facts.ageDoubted, 'thbTrackIndependentOfGuardianship'),
    rules: when<RuleId>(facts.eea, 'guardianshipCoversEea'),
  }),
  ageDoubted: (_, c) => ({
    assumptions: [
      ...when<AssumptionId>(c.facts.declaredAge >= c.rules.ageOfMajority.value, 'declaredAdultDoubted'),
      ...residenceWaits('specialisedCentre', c),
    ],
    rules: when<RuleId>(c.facts.place === 'territory', 'ageAssessmentTurnaroundDays'),
  }),
  ageAssessment: () => ({ rules: ['ageAssessmentSafeguards'] }),
  guardianAppointed: (m) =>
    m.provisional === true ? { assumptions: ['provisionalGuardianUntilDecision'], rules: ['provisionalGuardianAtBorder'] } : {},
  observationCentre: (_, { facts }) => ({ assumptions: when<AssumptionId>(facts.eea, 'coo') }),
  specialisedShelter: (m, { facts }) => ({
    assumptions: when<AssumptionId>(facts.region === 'brussels' && m.name === 'Minor-Ndako', 'brusselsShelter'),
    rules: when<RuleId>(m.name === 'Meza', 'mezaOpen'),
  }),
  specialisedCentre: (_, c) => ({
    assumptions: [
      'sameDayReferral',
      'procedureCentreByRegion',
      ...when<AssumptionId>(c.facts.eea, 'eeaThbTrack'),
      ...residenceWaits('ageDoubted', c),
    ],
  }),
  minorResidenceDocument: (_, c) => ({ assumptions: waiverAfter18('turned18', c) }),
  turned18: (_, c) => ({ assumptions: waiverAfter18('minorResidenceDocument', c) }),
  registrationCertificate: (_, { facts }) => ({ assumptions: when<AssumptionId>(facts.exploitation === 'unknown', 'exploitationUnknownPending') }),
  residenceWithdrawn: (m, { known }) => ({
    assumptions: [
      ...when<AssumptionId>(m.failedCondition === 'statement' && known.dismissedDay !== undefined, 'dismissalFailsStatement'),
      ...when<AssumptionId>(m.failedCondition === 'definition' && known.acquittedDay !== undefined, 'acquittalFailsDefinition'),
    ],
  }),
  // The withdrawal on the definition and the acquittal, in either order (the criminal case may end after the track).
  acquittal: (_, { earlier }) => ({
    assumptions: when<AssumptionId>(
      earlier.some((m) => m.id === 'residenceWithdrawn' && m.failedCondition === 'definition'),
      'acquittalFailsDefinition',
    ),
  }),
  // A statement after the reflection document expired (the expiry comes after the day's case events, so a known
  // expiry is an earlier one).
  statementGiven: (_, { known }) => ({ assumptions: when<AssumptionId>(known.reflectionEndedDay !== undefined, 'statementAfterReflection') }),
  durableSolutionProcedure: () => ({ rules: ['durableSolutionBasis'] }),
};
