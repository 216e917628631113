// The engine: runs a case file through the procedure machine with XState's pure microstep functions and a
// simulated clock in days. Delayed transitions come back as `xstate.raise` actions with a delay; the engine
// schedules them itself, so a run is deterministic and never waits.
import { addDays } from '../dates';
import { ASSUMPTIONS, ageOfRecordAfterDecision, decideAge, toFacts, type AssumptionId, type Facts } from './facts';
import type { MilestoneParams, ProcedureEvent } from '../procedure/machine';
import { isActive, xstateStepper, type Microstep, type Stepper, type StepperSnapshot } from './stepper';
import { evaluateConditions, type Known } from '../procedure/conditions';
import type { RuleId, RulesInForce } from '../rules/rules';
import type { CaseFile, Milestone, MilestoneId, OutcomeId, Trace, VictimStatusConditions } from './types';

export interface StepEvent {
  type: string;
  day: number;
  [payload: string]: unknown;
}
export interface TakenTransition {
  source: string;
  targets: string[];
  eventType: string;
}
export interface Step {
  index: number;
  day: number;
  date: string;
  event: StepEvent;
  activeStateIds: string[];
  transitions: TakenTransition[];
  milestones: Milestone[];
  conditions: VictimStatusConditions;
}
export interface Run {
  trace: Trace;
  steps: Step[];
}

/** Status decisions: each carries the five conditions as they stood when it was taken. */
const STATUS_DECISIONS: ReadonlySet<MilestoneId> = new Set([
  'registrationCertificate',
  'temporaryResidenceCard',
  'permanentResidence',
  'residenceWithdrawn',
]);

/** Milestones that may occur more than once (case-format.md). */
const REPEATABLE: ReadonlySet<MilestoneId> = new Set(['registrationCertificate', 'temporaryResidenceCard']);

interface Timer {
  day: number;
  seq: number;
  event: StepEvent;
}

/** The case file's own dated facts, as machine events in the order they happen (same-day order matters). */
export function getCaseEvents(c: CaseFile, rules: RulesInForce, used: Set<AssumptionId>): StepEvent[] {
  const events: StepEvent[] = [];
  const statementDay = c.cooperation?.statementDay;
  if (typeof statementDay === 'number') events.push({ type: 'statement.given', day: statementDay });
  if (typeof c.tiesCut === 'object') events.push({ type: 'ties.resumed', day: c.tiesCut.contactResumedDay });
  const p = c.prosecution;
  if (p && p.outcome !== 'pending' && typeof p.day === 'number') {
    if (p.outcome !== 'dismissed' && p.requisitionsRetainTrafficking !== undefined) {
      if (p.requisitionsDay === undefined) used.add('requisitionsOnJudgmentDay');
      events.push({
        type: 'prosecution.requisitions',
        day: p.requisitionsDay ?? p.day,
        retainsTrafficking: p.requisitionsRetainTrafficking,
      });
    }
    const type = { conviction: 'prosecution.convicted', acquittal: 'prosecution.acquitted', dismissed: 'prosecution.dismissed' }[
      p.outcome
    ];
    events.push({ type, day: p.day });
  }
  const appeal = c.age?.appeal;
  if (appeal) {
    events.push({ type: 'age.appealed', day: appeal.day });
    if (appeal.outcome === 'annulled' || appeal.outcome === 'rejected') {
      events.push({ type: 'age.appealDecided', day: appeal.decisionDay ?? appeal.day, annulled: appeal.outcome === 'annulled' });
    }
  }
  const ds = c.durableSolution;
  if (ds) {
    events.push({ type: 'durableSolution.requested', day: ds.requestedDay });
    if (ds.decision) {
      if (ds.decisionDay === undefined) used.add('durableSolutionDecisionDay');
      events.push({
        type: 'durableSolution.decided',
        day: ds.decisionDay ?? ds.requestedDay + rules.durableSolutionDecisionDays.value,
        decision: ds.decision,
      });
    }
  }
  if (typeof c.disappearsDay === 'number') events.push({ type: 'person.disappeared', day: c.disappearsDay });
  // Stable sort: same-day events keep the order above (statement before judgment, disappearance last).
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.day - b.e.day || a.i - b.i).map(({ e }) => e);
}

function regionOf(id: string): string {
  return id.split('.').slice(0, 3).join('.');
}

function transitionsBetween(before: string[], after: string[], eventType: string): TakenTransition[] {
  const exited = before.filter((id) => !after.includes(id));
  const entered = after.filter((id) => !before.includes(id));
  const out: TakenTransition[] = [];
  for (const source of exited) {
    const targets = entered.filter((t) => regionOf(t) === regionOf(source) || !t.startsWith('procedure.pathway'));
    out.push({ source, targets, eventType });
  }
  for (const target of entered) {
    if (!out.some((t) => t.targets.includes(target))) out.push({ source: '', targets: [target], eventType });
  }
  return out;
}

function knownOf(snapshot: StepperSnapshot): Known {
  return snapshot.context.known;
}

function outcomeOf(snapshot: StepperSnapshot, facts: Facts, day: number, used: Set<AssumptionId>, seen: ReadonlySet<MilestoneId>): OutcomeId {
  const known = knownOf(snapshot);
  // The B card is a terminal state (reference Stage 12): reached first, a later disappearance or return does not undo it.
  if (seen.has('permanentResidence')) return 'permanentResidence';
  if (isActive(snapshot, 'procedure.disappeared')) return 'disappeared';
  if (isActive(snapshot, 'procedure.returned')) return 'returned';
  const track = (s: string) => isActive(snapshot, `procedure.pathway.victimTrack.${s}`);
  if (['minorDocument', 'reflectionPeriod', 'registrationCertificate', 'temporaryResidence'].some(track)) {
    return 'temporaryResidence';
  }
  if (track('notIdentified')) return 'notIdentified';
  if (known.ageDecision === 'adult' && !(facts.declaredAge >= 18 && !facts.ageDoubted)) return 'adultTrack';
  if (facts.asylumApplication || isActive(snapshot, 'procedure.pathway.otherTracks.durableSolution.requested')) {
    return 'otherProcedure';
  }
  if (isActive(snapshot, 'procedure.pathway.otherTracks.durableSolution.stay')) return 'otherProcedure';
  const stillMinor = known.ageDecision === 'minor' && day < (known.majorityDay ?? Infinity);
  if (stillMinor) {
    used.add('minorFallback');
    return 'otherProcedure';
  }
  return 'mustLeave';
}

export interface RunOptions {
  /** Keep every step (the step-through view); off for cohorts, which read the trace only. */
  recordSteps?: boolean;
  /** How the machine is stepped: XState by default; a faster stepper must give the same microsteps. */
  stepper?: Stepper;
}

export function stepCase(caseFile: CaseFile, options: RunOptions = {}): Run {
  const recordSteps = options.recordSteps ?? true;
  const stepper = options.stepper ?? xstateStepper;
  const { facts, rules, used: usedList } = toFacts(caseFile);
  const used = new Set<AssumptionId>(usedList);
  const horizon = facts.horizonDays;
  const caseEvents = getCaseEvents(caseFile, rules, used);
  const timers = new Map<string, Timer>();
  let seq = 0;
  const milestones: Milestone[] = [];
  const seen = new Set<MilestoneId>();
  const steps: Step[] = [];
  const stateAssumptions = new Set<string>();
  let decision: VictimStatusConditions | undefined;
  let snapshot: StepperSnapshot | undefined;
  let active: string[] = [];

  const apply = (microsteps: Microstep[], event: StepEvent) => {
    const added: Milestone[] = [];
    const transitions: TakenTransition[] = [];
    for (const { snapshot: next, actions } of microsteps) {
      for (const action of actions) {
        if (action.type === 'recordMilestone') {
          const p = action.params as MilestoneParams;
          if (seen.has(p.id) && !REPEATABLE.has(p.id)) continue;
          seen.add(p.id);
          // case-format.md names one attribute `basis` (durableSolutionProcedure): the legal text then moves to `legalBasis`.
          const clash = p.attributes !== undefined && 'basis' in p.attributes;
          const m: Milestone = {
            id: p.id,
            date: addDays(facts.date, event.day),
            day: event.day,
            basis: p.basis,
            source: p.source,
            ...(clash ? { legalBasis: p.basis } : {}),
            ...p.attributes,
          };
          if (STATUS_DECISIONS.has(p.id)) {
            m.conditions = evaluateConditions(facts, rules, (action.context ?? next.context).known);
          }
          if (p.assumption) stateAssumptions.add(p.assumption);
          milestones.push(m);
          added.push(m);
        } else if (action.type === 'recordStatusDecision') {
          const ctx = action.context ?? next.context;
          decision = evaluateConditions(facts, rules, ctx.known);
        } else if (action.type === 'xstate.raise') {
          const p = action.params as { event: { type: string }; id?: string; delay?: number };
          if (typeof p.delay === 'number') {
            timers.set(p.id ?? `timer${seq}`, { day: event.day + p.delay, seq: seq++, event: { ...p.event, day: event.day + p.delay } });
          }
        } else if (action.type === 'xstate.cancel') {
          timers.delete((action.params as { sendId: string }).sendId);
        }
      }
      if (recordSteps) {
        const nextActive = next.activeIds as string[];
        transitions.push(...transitionsBetween(active, nextActive, event.type));
        active = nextActive;
      }
      snapshot = next;
    }
    if (recordSteps) steps.push({
      index: steps.length,
      day: event.day,
      date: addDays(facts.date, event.day),
      event,
      activeStateIds: active,
      transitions,
      milestones: added,
      conditions: evaluateConditions(facts, rules, knownOf(snapshot!)),
    });
  };

  apply(stepper.initial({ facts, rules }), { type: 'case.opened', day: 0 });
  let nextCase = 0;
  let clock = 0;
  while (snapshot!.status === 'active') {
    const caseEvent = caseEvents[nextCase];
    let timer: [string, Timer] | undefined;
    for (const entry of timers) {
      if (!timer || entry[1].day < timer[1].day || (entry[1].day === timer[1].day && entry[1].seq < timer[1].seq)) timer = entry;
    }
    // On the same day the case's own events come first: a statement on the last day of a document still counts.
    const useCase = caseEvent && (!timer || caseEvent.day <= timer[1].day);
    const event = useCase ? caseEvent : timer?.[1].event;
    if (!event || event.day > horizon) break;
    if (useCase) nextCase++;
    else timers.delete(timer![0]);
    clock = event.day;
    apply(stepper.next(snapshot!, event as unknown as ProcedureEvent), event);
  }
  const final = snapshot!;
  const known = knownOf(final);
  const endDay = final.status === 'done' ? clock : horizon;
  const outcome = outcomeOf(final, facts, endDay, used, seen);
  const outcomeDay = milestones.find((m) => m.id === outcome)?.day ?? endDay;
  const ageAssessed = seen.has('identifiedAsMinor') || seen.has('identifiedAsAdult');
  const age = ageAssessed ? assessedAge(facts, rules, known, used) : facts.declaredAge;
  for (const m of milestones) {
    if (m.id === 'residenceWithdrawn' && m.failedCondition === 'statement' && known.dismissedDay !== undefined) used.add('dismissalFailsStatement');
    if (m.id === 'residenceWithdrawn' && m.failedCondition === 'definition' && known.acquittedDay !== undefined) used.add('acquittalFailsDefinition');
    if (m.id === 'specialisedCentre') used.add('sameDayReferral').add('procedureCentreByRegion');
    if (m.id === 'specialisedShelter' && facts.region === 'brussels' && m.name === 'Minor-Ndako') used.add('brusselsShelter');
  }
  if (facts.eea && seen.has('specialisedCentre')) used.add('eeaThbTrack');
  if (seen.has('ageDoubted') && !rules.minorProtectionWhileAgeAssessed.value && seen.has('specialisedCentre')) used.add('residenceWaitsForAgeDecision');
  if (facts.ageDoubted && seen.has('outsideGuardianshipScope')) used.add('thbTrackIndependentOfGuardianship');
  if (facts.declaredAge >= 18 && seen.has('ageDoubted')) used.add('declaredAdultDoubted');
  if (facts.eea && seen.has('observationCentre')) used.add('coo');
  if (milestones.some((m) => m.id === 'guardianAppointed' && m.provisional === true)) used.add('provisionalGuardianUntilDecision');
  if (facts.reforms.includes('noCooperationCondition') && seen.has('turned18') && seen.has('minorResidenceDocument')) {
    used.add('cooperationWaivedAfter18');
  }
  if (facts.exploitation === 'unknown' && seen.has('registrationCertificate')) used.add('exploitationUnknownPending');
  if (known.statementDay !== undefined && known.reflectionEndedDay !== undefined && known.statementDay > known.reflectionEndedDay) {
    used.add('statementAfterReflection');
  }
  const ruleAssumptions = (Object.keys(RULE_RELEVANCE) as RuleId[])
    .filter((id) => rules[id].assumption && RULE_RELEVANCE[id]!(milestones, facts))
    .map((id) => rules[id].assumption!);
  const assumptions = [
    ...[...used].map((id) => ASSUMPTIONS[id]),
    ...stateAssumptions,
    ...ruleAssumptions,
  ];
  const trace: Trace = {
    format: 'pathway-trace/1',
    rulesInForce: facts.date,
    practice: facts.practice,
    reforms: facts.reforms,
    person: { ageOfRecord: Math.floor(age + 1e-9), eea: facts.eea, minor: age < 18 },
    milestones,
    victimStatusConditions: decision ?? evaluateConditions(facts, rules, known),
    assumptions: [...new Set(assumptions)],
    outcome,
    outcomeDay,
    horizonDays: horizon,
  };
  return { trace, steps };
}

/** When a rule's own assumption bears on a trace. */
const RULE_RELEVANCE: Partial<Record<RuleId, (ms: Milestone[], facts: Facts) => boolean>> = {
  guardianshipCoversEea: (ms, f) => f.eea && ms.some((m) => m.id === 'reportedToGuardianshipService' || m.id === 'outsideGuardianshipScope'),
  provisionalGuardianAtBorder: (ms) => ms.some((m) => m.id === 'guardianAppointed' && m.provisional === true),
  ageAssessmentTurnaroundDays: (ms, f) => f.place === 'territory' && ms.some((m) => m.id === 'ageDoubted'),
  ageAssessmentSafeguards: (ms) => ms.some((m) => m.id === 'ageAssessment'),
  mezaOpen: (ms) => ms.some((m) => m.id === 'specialisedShelter' && m.name === 'Meza'),
  nationalReferralMechanism: (ms) => ms.some((m) => m.id === 'presumedVictim'),
  prosecutionGuideline: (ms) => ms.some((m) => m.id === 'presumedVictim'),
  durableSolutionBasis: (ms) => ms.some((m) => m.id === 'durableSolutionProcedure'),
};

/** The age of record after the Guardianship Service decided on the age. */
function assessedAge(facts: Facts, rules: RulesInForce, known: Known, used: Set<AssumptionId>): number {
  if (known.ageDecision === undefined || !facts.ageDoubted) return facts.declaredAge;
  const assumption = decideAge(facts, rules).assumption;
  if (assumption) used.add(assumption);
  return ageOfRecordAfterDecision(facts, rules, known.ageDecision === 'minor');
}

/** The trace alone: the same run as `stepCase`, without keeping the steps. */
export function runCase(caseFile: CaseFile, options: Omit<RunOptions, 'recordSteps'> = {}): Trace {
  return stepCase(caseFile, { ...options, recordSteps: false }).trace;
}
