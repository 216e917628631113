// The decisions a professional faces along the path, tied to the milestones that raise them. Each option is a
// change to the case facts; choosing it edits the case and the engine re-runs (one machine drives everything).
import type { CaseFile, MilestoneId, OutcomeId } from '../../machines/case/types';
import type { Step } from '../../machines/case/run';
import { later } from '../../machines/case/events';
import { RULES, valueOn } from '../../machines/rules/rules';
import { setCaseField } from '../../machines/case/casePath';
import { getMilestone } from '../../machines/catalogue/milestones';
import { m } from '../i18n/messages';

export interface DecisionOption {
  id: string;
  label: () => string;
  apply: (caseFile: CaseFile, step: Step) => CaseFile;
}

export interface Decision {
  id: string;
  /** Milestones (reached at this step) that put this question to the professional. */
  raisedBy: MilestoneId[];
  /** The reference stage (Stages 0–12, as the milestone catalogue) at which it is decided. */
  stage: number;
  question: () => string;
  who: () => string;
  options: DecisionOption[];
  /** Which option the current case facts correspond to. */
  chosen: (caseFile: CaseFile) => string | undefined;
}

const set = (path: string, value: unknown) => (c: CaseFile) => setCaseField(c, path, value);
const assess = (assessment: NonNullable<CaseFile['age']>['assessment']) => (c: CaseFile) =>
  setCaseField(c, 'age', { ...c.age, doubted: true, assessment });

export const DECISIONS: Decision[] = [
  {
    id: 'indicators',
    raisedBy: ['detected', 'presumedVictim', 'notIdentified'],
    stage: 0,
    question: m.decision_indicators_q,
    who: m.actor_police,
    options: [
      { id: 'yes', label: m.decision_indicators_yes, apply: set('detection.indicatorsRecognised', true) },
      { id: 'no', label: m.decision_indicators_no, apply: set('detection.indicatorsRecognised', false) },
    ],
    chosen: (c) => (c.detection?.indicatorsRecognised ? 'yes' : 'no'),
  },
  {
    // The kind decides the second condition (facts within the definition of trafficking): offered with the rest.
    id: 'exploitation',
    raisedBy: ['presumedVictim', 'notIdentified'],
    stage: 0,
    question: m.decision_exploitation_q,
    who: m.actor_police,
    options: (['sexual', 'labour', 'criminal', 'begging', 'unknown'] as const).map((kind) => ({
      id: kind,
      label: m[`exploitation_${kind}`],
      apply: set('detection.exploitation', kind),
    })),
    chosen: (c) => c.detection?.exploitation,
  },
  {
    id: 'ageDoubt',
    raisedBy: ['reportedToGuardianshipService', 'ageDoubted', 'borderDetention', 'outsideGuardianshipScope'],
    stage: 1,
    question: m.decision_age_doubt_q,
    who: m.actor_guardianship,
    options: [
      { id: 'no', label: m.decision_age_doubt_no, apply: (c) => setCaseField(c, 'age', { doubted: false }) },
      {
        id: 'yes',
        label: m.decision_age_doubt_yes,
        apply: (c) => setCaseField(c, 'age', { ...c.age, doubted: true, assessment: c.age?.assessment ?? { low: 16.5, high: 18.5 } }),
      },
    ],
    chosen: (c) => (c.age?.doubted ? 'yes' : 'no'),
  },
  {
    id: 'ageResult',
    raisedBy: ['ageAssessment', 'identifiedAsMinor', 'identifiedAsAdult'],
    stage: 3,
    question: m.decision_age_result_q,
    who: m.actor_guardianship,
    options: [
      { id: 'below', label: m.decision_age_result_below, apply: assess({ low: 15, high: 17 }) },
      { id: 'straddles', label: m.decision_age_result_straddles, apply: assess({ low: 16.5, high: 18.5 }) },
      { id: 'above', label: m.decision_age_result_above, apply: assess({ low: 19, high: 22 }) },
      { id: 'refused', label: m.decision_age_result_refused, apply: assess({ refused: true }) },
    ],
    chosen: (c) => {
      const a = c.age?.assessment;
      if (!a) return undefined;
      if ('refused' in a) return 'refused';
      const low = 'low' in a ? a.low : Math.min(...a.exams.map((e) => e.low));
      const high = 'high' in a ? a.high : Math.max(...a.exams.map((e) => e.high));
      const majority = valueOn(RULES.ageOfMajority, c.date).value;
      return high < majority ? 'below' : low < majority ? 'straddles' : 'above';
    },
  },
  {
    id: 'statement',
    raisedBy: ['reflectionPeriod', 'minorResidenceDocument', 'specialisedCentre'],
    stage: 6,
    question: m.decision_statement_q,
    who: m.actor_child_guardian,
    options: [
      { id: 'soon', label: m.decision_statement_soon, apply: (c, s) => setCaseField(c, 'cooperation', { statementDay: later(c, s, 10) }) },
      { id: 'late', label: m.decision_statement_late, apply: (c, s) => setCaseField(c, 'cooperation', { statementDay: later(c, s, 120) }) },
      { id: 'never', label: m.decision_statement_never, apply: set('cooperation', { statementDay: null }) },
    ],
    chosen: (c) => (typeof c.cooperation?.statementDay === 'number' ? undefined : 'never'),
  },
  {
    id: 'ties',
    raisedBy: ['registrationCertificate', 'temporaryResidenceCard'],
    stage: 7,
    question: m.decision_ties_q,
    who: m.actor_centre,
    options: [
      { id: 'cut', label: m.decision_ties_cut, apply: set('tiesCut', true) },
      { id: 'resumed', label: m.decision_ties_resumed, apply: (c, s) => setCaseField(c, 'tiesCut', { contactResumedDay: later(c, s, 30) }) },
    ],
    chosen: (c) => (c.tiesCut === true || c.tiesCut === undefined ? 'cut' : typeof c.tiesCut === 'object' ? 'resumed' : undefined),
  },
  {
    id: 'prosecution',
    raisedBy: ['statementGiven', 'requisitions'],
    stage: 10,
    question: m.decision_prosecution_q,
    who: m.actor_prosecutor,
    options: (['conviction', 'acquittal', 'dismissed', 'pending'] as const).map((outcome) => ({
      id: outcome,
      label: { conviction: m.outcome_prosecution_conviction, acquittal: m.outcome_prosecution_acquittal, dismissed: m.outcome_prosecution_dismissed, pending: m.outcome_prosecution_pending }[outcome],
      apply: (c: CaseFile, s: Step) =>
        setCaseField(c, 'prosecution', outcome === 'pending' ? { outcome } : { ...c.prosecution, outcome, day: Math.max(c.prosecution?.day ?? later(c, s, 600), c.prosecution?.requisitionsDay ?? 0) }),
    })),
    chosen: (c) => c.prosecution?.outcome ?? 'pending',
  },
  {
    id: 'disappearance',
    raisedBy: ['observationCentre', 'specialisedShelter'],
    stage: 2,
    question: m.decision_disappear_q,
    who: m.actor_centre,
    options: [
      { id: 'stays', label: m.decision_disappear_no, apply: set('disappearsDay', null) },
      { id: 'missing', label: m.decision_disappear_yes, apply: (c, s) => setCaseField(c, 'disappearsDay', later(c, s, 5)) },
    ],
    chosen: (c) => (typeof c.disappearsDay === 'number' ? 'missing' : 'stays'),
  },
  {
    id: 'durableSolution',
    raisedBy: ['guardianAppointed'],
    stage: 11,
    question: m.decision_durable_q,
    who: m.actor_guardian,
    options: [
      { id: 'none', label: m.decision_durable_none, apply: set('durableSolution', undefined) },
      ...(['stay', 'return', 'reunification'] as const).map((decision) => ({
        id: decision,
        label: { stay: m.decision_durable_stay, return: m.decision_durable_return, reunification: m.decision_durable_reunification }[decision],
        apply: (c: CaseFile, s: Step) => setCaseField(c, 'durableSolution', { requestedDay: later(c, s, 60), decision }),
      })),
    ],
    chosen: (c) => (c.durableSolution ? (c.durableSolution.decision ?? 'stay') : 'none'),
  },
];

export function decisionsAt(step: Step | undefined): Decision[] {
  if (!step) return [];
  const reached = new Set(step.milestones.map((ms) => ms.id));
  return DECISIONS.filter((d) => d.raisedBy.some((id) => reached.has(id)));
}

/**
 * A step's decisions, those that matter now first. One step can run through several stages on one day (the first
 * one: detection, reporting, the centre, the age test…); what matters now is decided at the stage the step opens
 * with (its earliest milestone's) or the next one, the rest later in the procedure. A step none of whose decisions
 * is that early opens at its earliest decision's stage instead, so there is always one to take now.
 */
export function splitDecisions(step: Step | undefined, decisions: Decision[]): { now: Decision[]; later: Decision[] } {
  if (!step || decisions.length === 0) return { now: decisions, later: [] };
  const stages = step.milestones.map((ms) => getMilestone(ms.id)?.stage ?? Infinity);
  const opens = Math.min(...stages);
  const first = Math.min(...decisions.map((d) => d.stage));
  const until = (first <= opens + 1 ? opens : first) + 1;
  return { now: decisions.filter((d) => d.stage <= until), later: decisions.filter((d) => d.stage > until) };
}


/** Where the decision panel keeps what an option leads to. */
export const previewKey = (decision: Decision, option: DecisionOption) => `${decision.id}:${option.id}`;

/**
 * The outcome every option of a decision leads to, once each is known (two options or more): a trainer then says
 * that the answer changes the path, not where it ends on the horizon. Undefined while any is unknown or they differ.
 */
export function commonOutcome(decision: Decision, previews: Readonly<Record<string, OutcomeId | null>>): OutcomeId | undefined {
  if (decision.options.length < 2) return undefined;
  const outcomes = decision.options.map((option) => previews[previewKey(decision, option)]);
  const first = outcomes[0];
  return first && outcomes.every((o) => o === first) ? first : undefined;
}
